// Object.assign, keys, values, entries, fromEntries.
var target = { a: 1 };
var res = Object.assign(target, { b: 2 }, null, undefined, { a: 3, c: 4 });
console.log(res === target, target);
console.log(Object.assign({}, "abc"), Object.assign({}, [5, 6]), Object.assign({}, 1, true));
var withGetter = { get g() { return "computed"; } };
var copy = Object.assign({}, withGetter);
console.log(Object.getOwnPropertyDescriptor(copy, "g").value);
var setterLog = [];
Object.assign({ set s(v) { setterLog.push(v); } }, { s: "via setter" });
console.log(setterLog);
var sym = Symbol("k");
var hiddenSrc = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hid: { value: 3 } });
hiddenSrc[sym] = "symbol copied";
var dst = Object.assign({}, hiddenSrc);
console.log(Object.keys(dst), dst[sym]);
var o = { x: 1, y: [2, 3], z: { w: 4 } };
console.log(Object.keys(o), Object.values(o), Object.entries(o));
console.log(Object.fromEntries([["a", 1], ["b", 2]]));
console.log(Object.fromEntries(new Map([["m", true], [1, "num key"]])));
var doubled = Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k + k, v * 2]));
console.log(doubled);
console.log(Object.keys("hi"), Object.values("hi"), Object.entries([7, 8]));
try {
  Object.keys(null);
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  Object.fromEntries([1]);
} catch (e) {
  console.log(e instanceof TypeError);
}
var frozen = Object.freeze({ f: 1 });
try {
  Object.assign(frozen, { f: 2 });
} catch (e) {
  console.log("assign to frozen", e instanceof TypeError);
}
