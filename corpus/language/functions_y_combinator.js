// Anonymous recursion: Y/Z combinator, arguments.callee-free patterns, trampolines.
var Z = function (f) {
  return (function (x) { return f(function (v) { return x(x)(v); }); })(function (x) { return f(function (v) { return x(x)(v); }); });
};
var fact = Z(function (self) { return function (n) { return n <= 1 ? 1 : n * self(n - 1); }; });
var fib = Z(function (self) { return function (n) { return n < 2 ? n : self(n - 1) + self(n - 2); }; });
console.log(fact(10), fib(15));
function trampoline(fn) {
  return function () {
    var r = fn.apply(this, arguments);
    while (typeof r === "function") r = r();
    return r;
  };
}
var sumBelow = trampoline(function go(n, acc) { return n === 0 ? acc : function () { return go(n - 1, acc + n); }; });
console.log(sumBelow(20000, 0));
var evenOdd = trampoline(function even(n) { return n === 0 ? true : function () { return n === 1 ? false : even(n - 2); }; });
console.log(evenOdd(20001), evenOdd(5000));
var countDown = (function inner(n) { return n === 0 ? "liftoff" : inner(n - 1); })(50);
console.log(countDown);
var memoFix = function (f) {
  var cache = {};
  var g = function (n) { return n in cache ? cache[n] : (cache[n] = f(g)(n)); };
  return g;
};
var fastFib = memoFix(function (self) { return function (n) { return n < 2 ? n : self(n - 1) + self(n - 2); }; });
console.log(fastFib(90));
