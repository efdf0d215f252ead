// Parameters with default values get a scope of their own (ES2020 FunctionDeclarationInstantiation).
var x = "outer";
function defaultSeesOuter(a = x) { var x = "inner"; return a; }
console.log(defaultSeesOuter());
function closureSeesParams(a = () => x) { var x = "inner"; return a(); }
console.log(closureSeesParams());
function varCopiesParam(a, b = () => a) { var a; var before = a; a = 2; return [before, a, b()]; }
console.log(varCopiesParam(1));
function assignParam(a, b = () => a) { a = 2; return [a, b()]; }
console.log(assignParam(1));
function attempt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name); }
}
attempt("later param", function () { return (function (a = b, b) { return a; })(); });
attempt("self", function () { return (function (a = a) { return a; })(); });
attempt("closure too early", function () { return (function (a = () => b, b = a()) { return b; })(); });
attempt("closure later", function () { return (function (a = () => b, b = 1) { return a(); })(); });
attempt("earlier param", function () { return (function (a = 1, b = a + 1) { return b; })(); });
attempt("arguments in default", function () { return (function (a = arguments.length) { return a; })(undefined, 2, 3); });
attempt("var arguments", function () { return (function (a = 1) { var arguments; return arguments.length; })(5, 6); });
attempt("function named like param", function () { return (function (a = 1) { function a() {} return typeof a; })(); });
attempt("this in default", function () { return (function (a = this.v) { return a; }).call({ v: "this" }); });
attempt("pattern params", function () {
  return (function ({ a, b } = { a: 1, b: 2 }, [c] = [a + b]) { var d = c; return [a, b, c, d]; })();
});
attempt("rest with var", function () { return (function (a, ...r) { var r; return r; })(1, 2, 3); });
function* gen(a = 1, b = a + 1) { var c = a + b; yield c; }
console.log([...gen()], [...gen(10)]);
var arrow = (a = 1, b = () => a) => { var a = 5; return [a, b()]; };
console.log(arrow());
class K {
  constructor(a = 1) { var b = a; this.b = b; }
  m(x = this.b) { var y = x; return y; }
}
console.log(new K().m(), new K(7).m());
function evalInBody(a = 1) { eval("var q = a + 1"); return q; }
console.log(evalInBody());
function evalVarShadows(a = 1) { var q = 0; eval("var q = a + 1"); return q; }
console.log(evalVarShadows());
function closureInBody(a = 1) { var b = 2; return () => a + b; }
console.log(closureInBody()());
async function asyncDefault(a = 1) { var a; return a; }
asyncDefault().then(function (v) { console.log("async", v); });
