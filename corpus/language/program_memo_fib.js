// Memoized Fibonacci variants: closure cache, Map cache, generic memoize, iterative check.
var calls = 0;
var fibMemo = (function () {
  var cache = [0, 1];
  return function fib(n) {
    calls++;
    if (cache[n] !== undefined) return cache[n];
    return (cache[n] = fib(n - 1) + fib(n - 2));
  };
})();
console.log(fibMemo(50), calls);
calls = 0;
console.log(fibMemo(60), calls);
function memoize(fn) {
  var cache = new Map();
  var wrapped = function (n) {
    if (cache.has(n)) return cache.get(n);
    var v = fn(n);
    cache.set(n, v);
    return v;
  };
  wrapped.cache = cache;
  return wrapped;
}
var fib2 = memoize(function (n) { return n < 2 ? n : fib2(n - 1) + fib2(n - 2); });
console.log(fib2(78), fib2.cache.size, Number.isSafeInteger(fib2(78)), Number.isSafeInteger(fib2(79)));
function fibIter(n) { var a = 0, b = 1; while (n-- > 0) { var t = a + b; a = b; b = t; } return a; }
var agree = true;
for (var i = 0; i <= 70; i++) if (fibIter(i) !== fib2(i)) agree = false;
console.log("iterative agrees:", agree);
var seq = [];
for (var j = 0; j < 15; j++) seq.push(fib2(j));
console.log(seq.join(","));
var ways = memoize(function (n) { return n < 0 ? 0 : n === 0 ? 1 : ways(n - 1) + ways(n - 2) + ways(n - 3); });
console.log("staircase(30):", ways(30));
function fibStr(n) {
  var a = "0", b = "1";
  function addStr(x, y) {
    var r = "", carry = 0;
    for (var i = x.length - 1, j = y.length - 1; i >= 0 || j >= 0 || carry; i--, j--) {
      var s = (i >= 0 ? +x[i] : 0) + (j >= 0 ? +y[j] : 0) + carry;
      r = (s % 10) + r;
      carry = s >= 10 ? 1 : 0;
    }
    return r;
  }
  for (var k = 0; k < n; k++) { var t = addStr(a, b); a = b; b = t; }
  return a;
}
console.log("fib(100) exact:", fibStr(100));
