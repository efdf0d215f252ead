// Built-in error types thrown by the engine (checked by type, not message).
function kind(fn) {
  try {
    fn();
    return "no error";
  } catch (e) {
    return e.constructor.name + "/" + (e instanceof Error);
  }
}
console.log(kind(function () { null.prop; }));
console.log(kind(function () { undefined.prop; }));
console.log(kind(function () { var o = {}; o.method(); }));
console.log(kind(function () { notDefinedAnywhere; }));
console.log(kind(function () { new Array(-5); }));
console.log(kind(function () { (1).toFixed(500); }));
console.log(kind(function () { "abc".repeat(-1); }));
console.log(kind(function () { JSON.parse("{bad json}"); }));
console.log(kind(function () { Symbol() + ""; }));
console.log(kind(function () { new (function () {}.bind())(); }));
console.log(kind(function () { new Math.max(); }));
console.log(kind(function () { let x = x; }));
console.log(kind(function () { Object.defineProperty(Object.freeze({}), "x", { value: 1 }); }));
console.log(kind(function () { [].reduce(function () {}); }));
console.log(kind(function () { someUndeclaredFunction(); }));
console.log(kind(function () { (function f() { "use strict"; f = 1; })(); }));
console.log(kind(function () { class A { constructor() { this.x; } } A(); }));
console.log(kind(function () { var s = Symbol(); new s(); }));
console.log(kind(function () { ({}) instanceof 5; }));
console.log(kind(function () { "x" in 5; }));
console.log(kind(function () { Object.setPrototypeOf(Object.preventExtensions({}), {}); }));
console.log(kind(function () { new Set().add.call({}, 1); }));
console.log(kind(function () { JSON.parse(""); }));
