// Global value properties and functions: isNaN, isFinite, parseInt, parseFloat.
console.log(isNaN("12"), isNaN("12a"), isFinite("12"), isFinite(Infinity), isFinite(null));
console.log(parseInt === globalThis.parseInt, typeof parseFloat);
console.log(typeof NaN, typeof Infinity, typeof undefined);
console.log(Object.keys(globalThis).indexOf("Array"), Object.keys(globalThis).indexOf("Math"));
var builtins = ["Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "Error",
  "TypeError", "RangeError", "Map", "Set", "WeakMap", "WeakSet", "Promise", "JSON", "Math"];
console.log(builtins.map(function (n) { return typeof globalThis[n]; }).join(","));
console.log(builtins.filter(function (n) {
  return Object.getOwnPropertyDescriptor(globalThis, n).enumerable;
}).length);
console.log(Object.name, Function.name, Array.length, Object.length, String.length, Number.length);
console.log(Function.prototype.name === "", typeof Function.prototype, Function.prototype());
console.log(Object.getPrototypeOf(Object) === Function.prototype, Object instanceof Function, Function instanceof Object);
console.log(typeof queueMicrotask, typeof setTimeout, typeof clearTimeout);
