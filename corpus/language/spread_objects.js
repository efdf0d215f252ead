// Spread in object literals.
var base = { a: 1, b: 2 };
console.log({ ...base, c: 3 }, { c: 0, ...base, a: "override" });
console.log({ ...null, ...undefined, ...5, ..."ab", ...[9] });
var sym = Symbol("s");
var withSym = { ...{ [sym]: "copied" } };
console.log(withSym[sym]);
var log = [];
var getter = { get g() { log.push("get"); return "val"; } };
var spreadG = { ...getter };
console.log(Object.getOwnPropertyDescriptor(spreadG, "g").value, log);
var setterTarget = { set s(v) { log.push("setter called"); }, ...{ s: "data" } };
console.log(setterTarget.s, log);
var proto = { fromProto: true };
var obj = Object.create(proto);
obj.own = 1;
console.log({ ...obj });
var hidden = Object.defineProperty({}, "h", { value: 1, enumerable: false });
console.log({ ...hidden });
var order = { ...{ b: 1, 2: "two" }, a: 3, 1: "one" };
console.log(Object.keys(order));
var nested = { inner: { v: 1 } };
var copy = { ...nested };
copy.inner.v = 2;
console.log(nested.inner.v);
function merge(...objs) { return objs.reduce((acc, o) => ({ ...acc, ...o }), {}); }
console.log(merge({ x: 1 }, { y: 2 }, { x: 3 }));
