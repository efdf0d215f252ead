// Set: uniqueness, order, operations built from primitives.
var s = new Set([3, 1, 3, 2, 1]);
console.log(s.size, [...s], s.has(2), s.has("2"));
console.log(s.add(4) === s, s.add(1).size, s.delete(3), s.delete(3), [...s]);
var a = new Set([1, 2, 3, 4]), b = new Set([3, 4, 5]);
var union = new Set([...a, ...b]);
var inter = new Set([...a].filter(function (x) { return b.has(x); }));
var diff = new Set([...a].filter(function (x) { return !b.has(x); }));
console.log([...union].join(","), [...inter], [...diff]);
console.log([...s.keys()], [...s.values()], [...s.entries()]);
console.log(Set.prototype.keys === Set.prototype.values, s[Symbol.iterator] === s.values);
var objs = new Set();
var o = {};
objs.add(o).add(o).add({});
console.log(objs.size);
var fe = [];
s.forEach(function (v, k, set) { fe.push(v === k && set === s); });
console.log(fe);
console.log(new Set("hello").size, [...new Set("hello")].join(""));
s.clear();
console.log(s.size, s.has(1));
function dedupe(arr) { return Array.from(new Set(arr)); }
console.log(dedupe(["b", "a", "b", "c", "a"]));
try {
  new Set(5);
} catch (e) {
  console.log(e instanceof TypeError);
}
