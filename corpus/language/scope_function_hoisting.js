// Function declarations are hoisted with their bodies.
console.log(early());
function early() { return "hoisted"; }
console.log(typeof expr);
var expr = function () {};
function dup() { return 1; }
console.log(dup());
function dup() { return 2; }
function outer() {
  return inner();
  function inner() { return "inner hoisted"; }
}
console.log(outer());
var shadow = "var";
function shadow() {}
console.log(typeof shadow);
function order() {
  var r = [typeof f];
  var f = 1;
  r.push(typeof f);
  function f() {}
  r.push(typeof f);
  return r;
}
console.log(order());
function mutual(n) { return n === 0 ? "even" : odd(n - 1); }
function odd(n) { return n === 0 ? "odd" : mutual(n - 1); }
console.log(mutual(10), mutual(7));
var named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(named(5), typeof fact);
(function () {
  "use strict";
  var named2 = function self() {
    try { self = 1; } catch (e) { return e instanceof TypeError; }
    return "assigned";
  };
  console.log(named2());
})();
var sloppyNamed = function me() { me = 1; return typeof me; };
console.log(sloppyNamed());
