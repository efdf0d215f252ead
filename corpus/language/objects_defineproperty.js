// Object.defineProperty attributes and their defaults.
var o = {};
Object.defineProperty(o, "fixed", { value: 1 });
var d = Object.getOwnPropertyDescriptor(o, "fixed");
console.log(d.value, d.writable, d.enumerable, d.configurable);
o.fixed = 2;
console.log(o.fixed, Object.keys(o), JSON.stringify(o));
Object.defineProperty(o, "visible", { value: "v", enumerable: true, writable: true });
console.log(Object.keys(o), o.propertyIsEnumerable("fixed"));
try {
  Object.defineProperty(o, "fixed", { value: 3 });
} catch (e) {
  console.log("redefine", e instanceof TypeError);
}
Object.defineProperty(o, "fixed", { value: 1 });
console.log("same value redefine ok", o.fixed);
var c = {};
Object.defineProperty(c, "conf", { value: 1, configurable: true });
Object.defineProperty(c, "conf", { value: 2, enumerable: true });
console.log(Object.getOwnPropertyDescriptor(c, "conf"));
console.log(delete c.conf, "conf" in c);
var w = {};
Object.defineProperty(w, "wr", { value: 1, writable: true });
Object.defineProperty(w, "wr", { value: 5 });
console.log(w.wr);
Object.defineProperty(w, "wr", { writable: false });
try {
  Object.defineProperty(w, "wr", { writable: true });
} catch (e) {
  console.log("cannot re-enable writable", e instanceof TypeError);
}
var existing = { a: 1 };
Object.defineProperty(existing, "a", { enumerable: false });
console.log(Object.getOwnPropertyDescriptor(existing, "a"));
try {
  Object.defineProperty(o, "bad", { value: 1, get: function () {} });
} catch (e) {
  console.log("mixed descriptor", e instanceof TypeError);
}
try {
  Object.defineProperty(1, "x", {});
} catch (e) {
  console.log("non-object", e instanceof TypeError);
}
Object.defineProperties(o, { p1: { value: "one", enumerable: true }, p2: { value: "two" } });
console.log(Object.keys(o), o.p2);
console.log(JSON.stringify(Object.getOwnPropertyDescriptors({ x: 1 })));
var arr = [1, 2, 3];
Object.defineProperty(arr, "length", { writable: false });
arr[5] = 6;
console.log(arr.length, arr[5]);
