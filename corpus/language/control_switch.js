// switch: fallthrough, default in the middle, strict comparison, scoping.
function describe(x) {
  var out = [];
  switch (x) {
    case 1:
      out.push("one");
    case 2:
      out.push("two-or-fallthrough");
      break;
    default:
      out.push("default");
    case 3:
      out.push("three");
      break;
    case "1":
      out.push("string one");
  }
  return out.join(",");
}
console.log(describe(1), "|", describe(2), "|", describe(3), "|", describe(4), "|", describe("1"));
function noMatchNoDefault(x) { switch (x) { case 1: return "one"; } return "fell out"; }
console.log(noMatchNoDefault(2));
var evalOrder = [];
function c(v) { evalOrder.push(v); return v; }
switch (c(3)) { case c(1): break; case c(2): break; case c(3): break; case c(4): break; }
console.log(evalOrder);
switch (NaN) { case NaN: console.log("NaN matched?"); break; default: console.log("NaN never matches"); }
switch (-0) { case 0: console.log("-0 matches 0"); }
var obj = {};
switch (obj) { case {}: console.log("no"); break; case obj: console.log("identity match"); }
function grade(score) {
  switch (true) {
    case score >= 90: return "A";
    case score >= 80: return "B";
    default: return "C";
  }
}
console.log(grade(95), grade(85), grade(10));
switch (1) { default: console.log("only default"); }
switch (2) { case 1: { let scoped = "a"; console.log(scoped); break; } case 2: { let scoped = "b"; console.log(scoped); } }
for (var i = 0; i < 3; i++) {
  switch (i) { case 1: continue; }
  console.log("loop", i);
}
