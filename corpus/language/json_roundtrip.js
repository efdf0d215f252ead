// JSON round trips: what survives and what changes.
var original = {
  str: "text", num: 42.5, neg: -0, bool: true, nil: null, arr: [1, "2", [3]],
  nested: { deep: { deeper: [{}] } }, undef: undefined, big: 1e300, tiny: 5e-324
};
var copy = JSON.parse(JSON.stringify(original));
console.log(Object.keys(original).length, Object.keys(copy).length, "undef" in copy);
console.log(Object.is(copy.neg, 0), copy.big === original.big, copy.tiny === original.tiny);
console.log(JSON.stringify(copy) === JSON.stringify(original));
var withMap = { m: new Map([["a", 1]]), s: new Set([1]), sym: Symbol("x") };
console.log(JSON.stringify(withMap));
var mapJSON = JSON.stringify([...withMap.m]);
var restored = new Map(JSON.parse(mapJSON));
console.log(mapJSON, restored.get("a"));
var floats = [0.1, 1 / 3, 123.456, 1e-7, 2 ** 53 + 2, -1.5e-10];
console.log(floats.every(function (f) { return JSON.parse(JSON.stringify(f)) === f; }));
var text = "emoji \u{1F600}, quote \", backslash \\, control \u0001";
console.log(JSON.parse(JSON.stringify(text)) === text);
class Pt { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }
var revived = JSON.parse(JSON.stringify({ p: new Pt(1, 2) }), function (k, v) {
  return v && typeof v === "object" && "x" in v && "y" in v ? new Pt(v.x, v.y) : v;
});
console.log(revived.p instanceof Pt, revived.p.sum());
var sparse = [1, , 3];
console.log(JSON.stringify(JSON.parse(JSON.stringify(sparse))));
var dateLike = { toJSON: function () { return "2020-01-01"; } };
console.log(JSON.parse(JSON.stringify({ when: dateLike })).when);
