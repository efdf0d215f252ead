// Map: insertion order, key identity, size, chaining, iteration.
var m = new Map();
var objKey = {}, fnKey = function () {};
m.set("str", 1).set(1, "number one").set("1", "string one").set(objKey, "object").set(fnKey, "fn");
console.log(m.size, m.get(1), m.get("1"), m.get(objKey), m.get({}), m.get(fnKey));
console.log(m.has("str"), m.has("nope"), m.get("nope"));
m.set("str", "updated");
console.log([...m.keys()].map(function (k) { return typeof k; }).join(" | "));
console.log(m.get("str"), m.size);
console.log(m.delete("str"), m.delete("str"), m.size);
m.set("str", "re-added");
console.log([...m.values()].join(" | "));
var entries = [];
for (var [k, v] of m) entries.push(typeof k + "=" + v);
console.log(entries.join(", "));
var fe = [];
m.forEach(function (value, key, map) { fe.push(value + (map === m ? "" : "?")); }, null);
console.log(fe.join(","));
m.clear();
console.log(m.size, [...m]);
var fromEntries = new Map([["a", 1], ["b", 2], ["a", 3]]);
console.log(fromEntries.size, fromEntries.get("a"), [...fromEntries.entries()]);
console.log(new Map(Object.entries({ x: 1 })).get("x"), new Map().size, new Map(null).size);
try {
  new Map([1, 2]);
} catch (e) {
  console.log("bad entries", e instanceof TypeError);
}
try {
  Map();
} catch (e) {
  console.log("without new", e instanceof TypeError);
}
console.log(m.set("x", 1) === m, typeof m[Symbol.iterator], m[Symbol.iterator] === m.entries);
