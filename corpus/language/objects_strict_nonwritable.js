"use strict";
// Strict mode TypeErrors when writing non-writable / non-extensible / getter-only.
function attempt(label, fn) {
  try {
    fn();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.name);
  }
}
var o = {};
Object.defineProperty(o, "ro", { value: 1, enumerable: true });
attempt("write non-writable", function () { o.ro = 2; });
attempt("write getter-only", function () {
  var g = { get x() { return 1; } };
  g.x = 2;
});
attempt("add to frozen", function () { Object.freeze({}).y = 1; });
attempt("add to non-extensible", function () { Object.preventExtensions({}).y = 1; });
attempt("delete sealed", function () { delete Object.seal({ s: 1 }).s; });
attempt("modify sealed", function () { var s = Object.seal({ s: 1 }); s.s = 2; });
attempt("write inherited read-only", function () {
  var child = Object.create(o);
  child.ro = 5;
});
attempt("primitive property", function () { "str".x = 1; });
attempt("array length frozen", function () { Object.freeze([1]).push(2); });
attempt("undeclared assignment", function () { undeclaredVariable = 1; });
attempt("NaN global", function () { NaN = 1; });
attempt("undefined global", function () { undefined = 1; });
attempt("function name", function () { function f() {} f.name = "g"; });
attempt("math constant", function () { Math.PI = 3; });
console.log(o.ro, Math.PI);
