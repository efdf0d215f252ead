// Recursive algorithms: merge sort, quicksort, binary search, subsets, flood fill.
function mergeSort(a) {
  if (a.length < 2) return a;
  var mid = a.length >> 1, l = mergeSort(a.slice(0, mid)), r = mergeSort(a.slice(mid)), out = [];
  while (l.length && r.length) out.push(l[0] <= r[0] ? l.shift() : r.shift());
  return out.concat(l, r);
}
function quickSort(a) {
  if (a.length < 2) return a;
  var p = a[0], rest = a.slice(1);
  return quickSort(rest.filter(function (x) { return x < p; })).concat([p], quickSort(rest.filter(function (x) { return x >= p; })));
}
var data = [38, 27, 43, 3, 9, 82, 10, 3, -4];
console.log(mergeSort(data).join(" "));
console.log(quickSort(data).join(" "));
function bsearch(a, x, lo, hi) {
  if (lo > hi) return -1;
  var m = (lo + hi) >> 1;
  return a[m] === x ? m : a[m] < x ? bsearch(a, x, m + 1, hi) : bsearch(a, x, lo, m - 1);
}
var sorted = mergeSort(data);
console.log(bsearch(sorted, 43, 0, sorted.length - 1), bsearch(sorted, 5, 0, sorted.length - 1));
function subsets(a) {
  if (!a.length) return [[]];
  var rest = subsets(a.slice(1));
  return rest.concat(rest.map(function (s) { return [a[0]].concat(s); }));
}
console.log(subsets(["a", "b", "c"]).map(function (s) { return s.join("") || "-"; }).join(" "));
var grid = ["..#..", ".##..", "....#", "###.."].map(function (r) { return r.split(""); });
function fill(r, c) {
  if (r < 0 || c < 0 || r >= grid.length || c >= grid[0].length || grid[r][c] !== ".") return 0;
  grid[r][c] = "o";
  return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1);
}
console.log(fill(0, 0));
grid.forEach(function (r) { console.log(r.join("")); });
function deepClone(v) {
  if (Array.isArray(v)) return v.map(deepClone);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(function (e) { return [e[0], deepClone(e[1])]; }));
  return v;
}
var orig = { a: [1, { b: 2 }], c: { d: [3] } };
var cl = deepClone(orig);
cl.a[1].b = 99;
console.log(JSON.stringify(orig), JSON.stringify(cl));
