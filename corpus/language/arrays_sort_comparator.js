// sort with comparators: numeric, multi-key, descending, and stability.
console.log([10, 9, 1, 100, 25].sort(function (a, b) { return a - b; }));
console.log([10, 9, 1, 100, 25].sort(function (a, b) { return b - a; }));
var people = [
  { name: "ann", age: 30 }, { name: "bob", age: 25 }, { name: "cy", age: 30 },
  { name: "dee", age: 25 }, { name: "eve", age: 35 }, { name: "fay", age: 30 }
];
var byAge = people.slice().sort(function (a, b) { return a.age - b.age; });
console.log(byAge.map(function (p) { return p.name; }).join(","));
var byAgeDescName = people.slice().sort(function (a, b) {
  return b.age - a.age || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
});
console.log(byAgeDescName.map(function (p) { return p.name; }).join(","));
var stable = [];
for (var i = 0; i < 30; i++) stable.push({ key: i % 3, idx: i });
stable.sort(function (a, b) { return a.key - b.key; });
var ok = true;
for (var j = 1; j < stable.length; j++) {
  if (stable[j - 1].key === stable[j].key && stable[j - 1].idx > stable[j].idx) ok = false;
}
console.log("stable", ok, stable.slice(0, 3).map(function (o) { return o.idx; }));
console.log([3, 1, 2].sort(function () { return 0; }));
console.log([0.5, -0.25, 1e-3, -10].sort(function (a, b) { return a - b; }));
console.log(["10", "9", "1"].sort(function (a, b) { return a - b; }));
console.log([1, undefined, 3, 2].sort(function (a, b) { return b - a; }));
console.log(["b", "a", "c"].sort(function (a, b) { return a < b ? 1 : a > b ? -1 : 0; }));
var big = [];
for (var k = 0; k < 500; k++) big.push((k * 7919) % 503);
big.sort(function (a, b) { return a - b; });
var sorted = true;
for (var m = 1; m < big.length; m++) if (big[m - 1] > big[m]) sorted = false;
console.log(sorted, big[0], big[499]);
