// Array length semantics: truncation, extension, limits.
var a = [1, 2, 3, 4, 5];
a.length = 3;
console.log(a, a[3]);
a.length = 5;
console.log(a.length, 3 in a, String(a));
a[9] = "ten";
console.log(a.length);
a.length = 0;
console.log(a, a[0]);
try {
  a.length = -1;
} catch (e) {
  console.log(e instanceof RangeError);
}
try {
  a.length = 1.5;
} catch (e) {
  console.log(e instanceof RangeError);
}
a.length = "2";
console.log(a.length);
var b = [];
b[4294967294] = "max";
console.log(b.length);
b[4294967295] = "not index";
console.log(b.length, Object.keys(b).length);
try {
  b.push(1, 2);
} catch (e) {
  console.log("push past max", e.name, b.length);
}
var c = [1, 2, 3];
Object.defineProperty(c, 1, { value: 2, configurable: false });
c.length = 0;
console.log(c.length);
var d = Object.defineProperty([1, 2], "length", { writable: false });
try {
  d.push(3);
} catch (e) {
  console.log("push non-writable length", e instanceof TypeError);
}
console.log(d);
var desc = Object.getOwnPropertyDescriptor([], "length");
console.log(desc.writable, desc.enumerable, desc.configurable);
var obj = { length: -5 };
console.log(Array.prototype.slice.call(obj).length, Array.from({ length: 2.7 }).length);
