// Which hint each operation passes to ToPrimitive: template literals vs + vs String() vs ==.
var seen = [];
var obj = {
  [Symbol.toPrimitive](hint) { seen.push(hint); return hint === "number" ? 1 : hint === "string" ? "S" : "D"; }
};
var results = [
  `${obj}`, obj + "", String(obj), obj + 1, obj * 1, obj == "D", obj < 2,
  [obj].join(), Number(obj), Math.max(obj), "x".concat(obj), ["a", "b"].indexOf(obj)
];
console.log(results.join(" "));
console.log(seen.join(" "));
var legacy = {
  valueOf: function () { return 42; },
  toString: function () { return "str"; }
};
console.log(`${legacy}`, legacy + "", String(legacy), legacy * 2, [legacy] + "", JSON.stringify({ k: legacy }));
var k = {};
k[legacy] = "key uses toString";
console.log(Object.keys(k));
console.log("str".padStart(5, legacy), "a".repeat({ valueOf: function () { return 3; } }));
console.log([1, 2, 3].slice({ valueOf: function () { return 1; } }), "abc".charAt({ toString: function () { return "2"; } }));
