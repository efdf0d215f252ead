// Higher-order functions: currying, partial application, pipelines.
function curry(fn) {
  return function curried() {
    var args = Array.prototype.slice.call(arguments);
    if (args.length >= fn.length) return fn.apply(this, args);
    return function () { return curried.apply(this, args.concat(Array.prototype.slice.call(arguments))); };
  };
}
var add3 = curry(function (a, b, c) { return a + b + c; });
console.log(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3));
function partial(fn) {
  var fixed = Array.prototype.slice.call(arguments, 1);
  return function () { return fn.apply(null, fixed.concat(Array.from(arguments))); };
}
var greet = partial(function (g, n) { return g + ", " + n; }, "Hello");
console.log(greet("Bob"));
const pipe = (...fns) => (x) => fns.reduce((v, f) => f(v), x);
const slug = pipe((s) => s.trim(), (s) => s.toLowerCase(), (s) => s.split(" ").join("-"));
console.log(slug("  Hello Big World "));
function debounceLike(fn) {
  var last;
  return function (x) { if (x !== last) { last = x; return fn(x); } return "skipped"; };
}
var d = debounceLike(function (x) { return "ran " + x; });
console.log(d(1), d(1), d(2));
var tally = [1, 2, 3, 4, 5, 6]
  .filter(function (n) { return n % 2 === 0; })
  .map(function (n) { return n * n; })
  .reduce(function (a, b) { return a + b; });
console.log(tally);
function times(n, f) { for (var i = 0; i < n; i++) f(i); }
var acc = [];
times(4, function (i) { acc.push(i * i); });
console.log(acc);
const flip = (f) => (a, b) => f(b, a);
console.log(flip((a, b) => a - b)(1, 10));
