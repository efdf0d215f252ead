// JSON.stringify replacer as function and as array; toJSON.
var obj = { a: 1, b: "two", c: [3, 4], d: { e: 5, a: "nested a" } };
console.log(JSON.stringify(obj, ["a", "d"]));
console.log(JSON.stringify(obj, ["d", "e", "a"]));
console.log(JSON.stringify(obj, [1, "c", new String("b")]));
console.log(JSON.stringify({ 1: "one", 2: "two" }, [1]));
var calls = [];
var out = JSON.stringify({ x: 1, y: [2] }, function (k, v) {
  calls.push(JSON.stringify(k) + ":" + (Array.isArray(v) ? "array" : typeof v));
  return v;
});
console.log(out, calls.join(" "));
console.log(JSON.stringify(obj, function (k, v) { return typeof v === "number" ? v * 100 : v; }));
console.log(JSON.stringify(obj, function (k, v) { return k === "c" ? undefined : v; }));
console.log(JSON.stringify([1, 2, 3], function (k, v) { return k === "1" ? undefined : v; }));
console.log(JSON.stringify({ keep: 1 }, function (k, v) { return k === "" ? { replaced: true } : v; }));
var thisCheck = JSON.stringify({ p: { q: 1 } }, function (k, v) { return k === "q" ? "holder has q: " + ("q" in this) : v; });
console.log(thisCheck);
var withToJSON = {
  secret: "hidden",
  toJSON: function (key) { return { public: "visible", key: key }; }
};
console.log(JSON.stringify(withToJSON), JSON.stringify({ inner: withToJSON }), JSON.stringify([withToJSON]));
class Money {
  constructor(n) { this.n = n; }
  toJSON() { return "$" + this.n.toFixed(2); }
}
console.log(JSON.stringify({ price: new Money(3), list: [new Money(0.5)] }));
console.log(JSON.stringify({ t: { toJSON() { return undefined; } }, u: 1 }));
var order = [];
JSON.stringify({ v: { toJSON() { order.push("toJSON"); return 1; } } }, function (k, v) { order.push("replacer:" + k); return v; });
console.log(order.join(","));
