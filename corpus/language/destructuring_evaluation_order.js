// Evaluation order of destructuring targets, defaults and computed keys.
var log = [];
function t(label, v) { log.push(label); return v; }
var { [t("key1", "a")]: a = t("default a", 1), [t("key2", "b")]: b = t("default b", 2) } = t("source", { a: "A" });
console.log(a, b, log.join(" > "));
log = [];
var [x = t("dx", 1), y = t("dy", 2), z = t("dz", 3)] = t("arr", [undefined, "Y"]);
console.log(x, y, z, log.join(" > "));
log = [];
var target = {};
({ p: target[t("target p", "tp")], q: target[t("target q", "tq")] = t("default q", "Q") } = t("rhs", { p: "P" }));
console.log(target, log.join(" > "));
log = [];
function* g() { log.push("gen start"); yield 1; log.push("after 1"); yield 2; log.push("after 2"); }
var [first, , third = t("third default", 3)] = g();
console.log(first, third, log.join(" > "));
log = [];
var { a: { b: deep = t("deep default", "D") } = t("outer default", {}) } = {};
console.log(deep, log.join(" > "));
log = [];
function params({ a = t("param a", 1) } = t("param obj", {}), [b = t("param b", 2)] = t("param arr", [])) { return a + b; }
console.log(params(), log.join(" > "));
