// Common Map/Set patterns: counting, grouping, caching, LRU.
var text = "the quick the lazy the end quick";
var counts = new Map();
text.split(" ").forEach(function (w) { counts.set(w, (counts.get(w) || 0) + 1); });
console.log([...counts].map(function (e) { return e.join(":"); }).join(" "));
var sorted = [...counts].sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
console.log(sorted[0], sorted[sorted.length - 1]);
var groups = new Map();
[1, 2, 3, 4, 5, 6].forEach(function (n) {
  var key = n % 3;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(n);
});
console.log([...groups.entries()].map(function (e) { return e[0] + "=>" + e[1]; }).join("; "));
class LRU {
  constructor(cap) { this.cap = cap; this.map = new Map(); }
  get(k) {
    if (!this.map.has(k)) return undefined;
    var v = this.map.get(k);
    this.map.delete(k);
    this.map.set(k, v);
    return v;
  }
  put(k, v) {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value);
  }
  keys() { return [...this.map.keys()].join(","); }
}
var lru = new LRU(3);
lru.put("a", 1); lru.put("b", 2); lru.put("c", 3);
lru.get("a");
lru.put("d", 4);
console.log(lru.keys(), lru.get("b"));
var obj = Object.fromEntries(counts);
console.log(obj);
var inverted = new Map([...counts].map(function (e) { return [e[1], e[0]]; }));
console.log(inverted.get(3), inverted.get(2), inverted.size);
var graph = new Map([["a", ["b", "c"]], ["b", ["d"]], ["c", ["d"]], ["d", []]]);
var visited = new Set();
(function dfs(n) { if (visited.has(n)) return; visited.add(n); graph.get(n).forEach(dfs); })("a");
console.log([...visited].join("->"));
