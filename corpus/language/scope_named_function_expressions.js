// Named function expression bindings are local, immutable and shadowable.
var outer = function inner(n) { return n > 0 ? inner(n - 1) + 1 : typeof inner; };
console.log(outer(3), typeof inner);
var reassign = function self() { self = null; return typeof self; };
console.log(reassign());
var shadowParam = function f(f) { return typeof f; };
console.log(shadowParam(1), shadowParam());
var shadowVar = function g() { var g = "local var"; return g; };
console.log(shadowVar());
var savedRef = function h() { return h; };
console.log(savedRef() === savedRef);
var alias = savedRef;
savedRef = null;
console.log(alias() === alias);
var obj = {
  method: function named() { return typeof named; },
  arrowInside: function who() { return (() => who.name)(); }
};
console.log(obj.method(), obj.arrowInside());
var x = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
var fact = function () { return "global fact hijacked"; };
console.log(x(5));
(function iife() {
  console.log(typeof iife, iife.name);
})();
var counter = function tick() { tick.calls = (tick.calls || 0) + 1; return tick.calls; };
counter(); counter();
console.log(counter.calls);
