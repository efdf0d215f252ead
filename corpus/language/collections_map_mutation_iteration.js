// Deleting and adding entries while iterating a Map or Set.
var m = new Map([["a", 1], ["b", 2], ["c", 3], ["d", 4]]);
var seen = [];
for (var [k] of m) {
  seen.push(k);
  if (k === "a") { m.delete("b"); m.set("e", 5); }
  if (k === "c") m.delete("c");
}
console.log(seen.join(","), [...m.keys()].join(","));
var s = new Set([1, 2, 3]);
var visited = [];
for (var v of s) {
  visited.push(v);
  if (v < 6) s.add(v + 3);
  s.delete(v);
}
console.log(visited.join(","), s.size);
var m2 = new Map([[1, "x"], [2, "y"]]);
var it = m2.keys();
console.log(it.next().value);
m2.clear();
m2.set(3, "z");
console.log(it.next(), it.next());
var s2 = new Set(["a", "b"]);
var log = [];
s2.forEach(function (v) {
  log.push(v);
  if (v === "a" && log.length === 1) { s2.delete("a"); s2.add("a"); }
  if (log.length > 5) throw new Error("infinite");
});
console.log(log.join(","));
var reinsert = new Map([["x", 1], ["y", 2]]);
reinsert.delete("x");
reinsert.set("x", 3);
console.log([...reinsert.keys()].join(","));
var finished = new Set([1]).values();
finished.next();
console.log(finished.next().done);
