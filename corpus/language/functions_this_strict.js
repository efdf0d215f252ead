"use strict";
// this binding rules in strict mode.
function who() { return this; }
console.log(who(), who.call(null), who.call(undefined));
console.log(typeof who.call(5), who.call("s"), who.apply(true));
var obj = {
  val: 1,
  get: function () { return this ? this.val : "no this"; }
};
var f = obj.get;
console.log(obj.get(), f());
console.log([1].map(function () { return this; })[0]);
try {
  (function () { this.x = 1; })();
} catch (e) {
  console.log(e instanceof TypeError);
}
var bound = who.bind(42);
console.log(bound(), typeof bound());
var o2 = { m: who };
console.log(o2.m() === o2);
function Point(x) {
  if (!(this instanceof Point)) return "called without new";
  this.x = x;
}
console.log(Point(1), new Point(2).x);
var arrowInMethod = {
  v: "lexical",
  m: function () { return (() => this.v)(); }
};
console.log(arrowInMethod.m());
var getterThis = { get g() { return this === getterThis; } };
console.log(getterThis.g);
