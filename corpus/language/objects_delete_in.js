// delete, in, hasOwnProperty and propertyIsEnumerable.
var o = { a: 1, b: undefined };
console.log("a" in o, "b" in o, "c" in o, "toString" in o);
console.log(o.hasOwnProperty("b"), o.hasOwnProperty("toString"));
console.log(delete o.a, "a" in o, delete o.nonexistent);
console.log(delete o.toString, typeof o.toString);
var arr = [1, 2, 3];
console.log(delete arr[1], arr.length, 1 in arr, String(arr));
var frozen = Object.freeze({ f: 1 });
console.log(delete frozen.f, frozen.f);
(function () {
  "use strict";
  try {
    delete frozen.f;
  } catch (e) {
    console.log("strict delete", e instanceof TypeError);
  }
})();
var local = 1;
console.log(delete local, local);
globalThis.implicitGlobal = 5;
console.log(delete globalThis.implicitGlobal, typeof implicitGlobal);
console.log(delete 5, delete "str".length);
var proto = { shared: "yes" };
var child = Object.create(proto);
console.log(delete child.shared, child.shared);
console.log(Object.prototype.hasOwnProperty.call(child, "shared"), "shared" in child);
console.log(o.propertyIsEnumerable("b"), [].propertyIsEnumerable("length"));
try {
  "x" in "string";
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(0 in [undefined], 0 in [, 1], "length" in [], Symbol.iterator in []);
var nullProto = Object.create(null);
nullProto.k = 1;
console.log("k" in nullProto, Object.prototype.hasOwnProperty.call(nullProto, "k"));
