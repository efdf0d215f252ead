// Classic closure counter factories.
function makeCounter(start, step) {
  var count = start;
  return {
    next: function () { count += step; return count; },
    reset: function () { count = start; },
    peek: function () { return count; }
  };
}
var c1 = makeCounter(0, 1);
var c2 = makeCounter(100, -10);
c1.next(); c1.next();
c2.next();
console.log(c1.peek(), c2.peek());
c1.reset();
console.log(c1.peek(), c1.next(), c2.next());
function once(fn) {
  var done = false, result;
  return function () {
    if (!done) { done = true; result = fn.apply(this, arguments); }
    return result;
  };
}
var calls = 0;
var init = once(function (x) { calls++; return x * 2; });
console.log(init(5), init(7), calls);
function memo(fn) {
  var cache = {};
  return function (n) {
    if (n in cache) return cache[n] + " (cached)";
    cache[n] = fn(n);
    return cache[n];
  };
}
var sq = memo(function (n) { return n * n; });
console.log(sq(4), sq(4), sq(5));
var gen = (function () {
  var id = 0;
  return function (prefix) { return prefix + "-" + (++id); };
})();
console.log(gen("a"), gen("b"), gen("a"));
