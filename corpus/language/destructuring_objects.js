// Object destructuring: renaming, defaults, computed keys, rest.
var { a, b: renamed, c = "default", d: { e } = { e: "nested default" } } = { a: 1, b: 2 };
console.log(a, renamed, c, e);
var key = "dyn";
var { [key]: dynVal, [key + "2"]: dyn2 = "dflt" } = { dyn: "dynamic" };
console.log(dynVal, dyn2);
var { length } = "hello";
console.log(length);
var { toFixed } = 5;
console.log(typeof toFixed);
var { x = 1, ...others } = { y: 2, z: 3, x: undefined };
console.log(x, others);
var { p = "p-default" } = { p: null };
console.log(p);
var calls = 0;
var { q = ++calls, r = ++calls } = { q: "given" };
console.log(q, r, calls);
try {
  var { boom } = null;
} catch (err) {
  console.log(err instanceof TypeError);
}
try {
  var { deep: { inner } } = {};
} catch (err) {
  console.log(err instanceof TypeError);
}
var target = {};
({ a: target.first, b: target["second"] } = { a: "A", b: "B" });
console.log(target);
var result = ({ m } = { m: "assignment expression value" });
console.log(result.m, m);
var { 0: zero, 1: one } = ["z", "o"];
console.log(zero, one);
var { "quoted key": qk } = { "quoted key": "qk" };
console.log(qk);
var proto = { inherited: "from proto" };
var { inherited } = Object.create(proto);
console.log(inherited);
