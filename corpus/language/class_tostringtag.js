// Symbol.toStringTag with Object.prototype.toString.
class Tagged { get [Symbol.toStringTag]() { return "TaggedThing"; } }
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()));
class Untagged {}
console.log(Object.prototype.toString.call(new Untagged()));
var obj = { [Symbol.toStringTag]: "Custom" };
console.log(String(obj), `${obj}`);
var notString = { [Symbol.toStringTag]: 42 };
console.log(Object.prototype.toString.call(notString));
console.log(Math[Symbol.toStringTag], JSON[Symbol.toStringTag], Symbol.prototype[Symbol.toStringTag]);
console.log(Map.prototype[Symbol.toStringTag], Set.prototype[Symbol.toStringTag], Promise.prototype[Symbol.toStringTag]);
console.log(Object.prototype.toString.call(function* () {}), Object.prototype.toString.call((function* () {})()));
console.log(Object.prototype.toString.call(async function () {}));
var arr = [];
arr[Symbol.toStringTag] = "NotArray";
console.log(Object.prototype.toString.call(arr));
var fakeArr = { [Symbol.toStringTag]: "Array" };
console.log(Object.prototype.toString.call(fakeArr), Array.isArray(fakeArr));
var d = Object.getOwnPropertyDescriptor(Map.prototype, Symbol.toStringTag);
console.log(d.writable, d.enumerable, d.configurable);
console.log(Object.prototype.toString.call(new WeakMap()), Object.prototype.toString.call(new Set().values()));
console.log(Object.prototype.toString.call(new Map().entries()));
