// EvalDeclarationInstantiation: a sloppy direct eval cannot declare a var over a lexical binding.
function attempt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name); }
}
attempt("let in function", function () { let x; eval("var x = 1"); return x; });
attempt("let in block", function () { { let x; eval("var x = 1"); } return typeof x; });
attempt("let in sibling block", function () { { let x; } eval("var x = 1"); return x; });
attempt("var", function () { var x; eval("var x = 1"); return x; });
attempt("parameter", function (x) { eval("var x = 1"); return x; });
attempt("catch parameter", function () { try { throw 0; } catch (x) { eval("var x = 1"); return x; } });
attempt("function over let", function () { let x; eval("function x() {}"); return x; });
attempt("const", function () { const x = 1; eval("var x"); return x; });
attempt("class", function () { class x {} eval("var x"); return x; });
attempt("let in outer function", function () { let x; return (function () { eval("var x = 2"); return x; })(); });
attempt("arrow", function () { let x; return (() => { eval("var x = 2"); return x; })(); });
attempt("eval in eval", function () { return eval("let y; eval('var y')"); });
attempt("strict eval", function () { let x = 1; eval("'use strict'; var x = 2"); return x; });
attempt("for-of let", function () { for (let x of [1]) { eval("var x"); } });
attempt("this in eval arrow", function () {
  return (function () { return eval("() => this.v")(); }).call({ v: "bound" });
});
attempt("arguments in eval", function () { return (function () { return eval("arguments.length"); })(1, 2, 3); });
attempt("duplicate params", function () { return (function (a, a) { arguments[1] = 9; return a; })(1, 2); });
attempt("duplicate params, first", function () { return (function (a, a) { arguments[0] = 9; return a; })(1, 2); });
attempt("duplicate params, missing", function () { return (function (a, b, a) { a = 7; return [arguments[0], arguments[2], b]; })(1, 2, 3); });
