// return / throw in finally override earlier completions.
function f1() {
  try { return "try"; } finally { console.log("f1 finally"); }
}
console.log(f1());
function f2() {
  try { return "try"; } finally { return "finally"; }
}
console.log(f2());
function f3() {
  try { throw new Error("lost"); } finally { return "finally swallows throw"; }
}
console.log(f3());
function f4() {
  try { return "try"; } finally { throw new Error("finally throws"); }
}
try { f4(); } catch (e) { console.log(e.message); }
function f5() {
  var x = 1;
  try { return x; } finally { x = 2; }
}
console.log(f5());
function f6() {
  var obj = { v: 1 };
  try { return obj; } finally { obj.v = 2; }
}
console.log(f6().v);
function f7() {
  for (var i = 0; i < 5; i++) {
    try { return "returned at " + i; } finally { if (i < 2) continue; }
  }
  return "loop ended";
}
console.log(f7());
function f8() {
  try {
    try { return "inner"; } finally { console.log("inner finally"); }
  } finally {
    console.log("outer finally");
  }
}
console.log(f8());
function f9() {
  try { throw 1; } catch (e) { return "catch return"; } finally { console.log("f9 finally"); }
}
console.log(f9());
