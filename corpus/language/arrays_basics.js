// Array creation, indexing and the Array constructor.
var a = [1, "two", null, undefined, true];
console.log(a.length, a[1], a[10], a[-1]);
console.log(new Array(3).length, new Array(3, 4), new Array("3"), Array(2).length);
console.log(Array.of(3), Array.of(1, 2), Array.of().length);
try {
  new Array(-1);
} catch (e) {
  console.log(e instanceof RangeError);
}
try {
  new Array(1.5);
} catch (e) {
  console.log(e instanceof RangeError);
}
var b = [];
b[2] = "c";
console.log(b.length, String(b), 0 in b);
b["3"] = "string index";
b["03"] = "not an index";
console.log(b.length, b[3], Object.keys(b));
var nested = [[1, 2], [3, [4, 5]]];
console.log(nested[1][1][0], nested.length);
console.log([1, 2, 3,].length, [, ,].length, [,].length);
console.log(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype));
console.log(typeof [], [] instanceof Array, [].constructor === Array);
var copy = a.slice();
copy[0] = "changed";
console.log(a[0], copy[0]);
var m = [];
m[1.5] = "float";
m[-1] = "neg";
console.log(m.length, Object.keys(m));
