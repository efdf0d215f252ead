// Direct eval sees the local scope; indirect eval runs in global scope.
function direct() {
  var scope = "local";
  return eval("scope");
}
function indirect() {
  var scope = "local";
  var e = eval;
  return e("typeof scope");
}
function indirectComma() {
  var scope = "local";
  return (0, eval)("typeof scope === 'undefined' ? 'no local' : 'sees something'");
}
console.log(direct(), indirect(), indirectComma());
globalThis.gv = "global value";
function shadowGlobal() {
  var gv = "shadow";
  return [eval("gv"), (0, eval)("gv")];
}
console.log(shadowGlobal());
console.log(eval("1 + 2"), eval("var tmp = 5; tmp * 2"), eval(), eval(42), eval({ a: 1 }).a);
console.log(eval("if (true) { 'if value' } else { 'else' }"), eval("for (var i = 0; i < 3; i++) i * 10;"));
console.log(eval("let blockLocal = 1; blockLocal + 1"), typeof blockLocal);
try {
  eval("var 1bad;");
} catch (e) {
  console.log("syntax error", e instanceof SyntaxError);
}
try {
  eval("throw new RangeError('from eval')");
} catch (e) {
  console.log("thrown from eval", e.name);
}
function evalThis() { return eval("this"); }
console.log(evalThis.call("str") instanceof String, evalThis.call({ tag: 1 }).tag);
var obj = { m() { return eval("this === obj"); } };
console.log(obj.m());
function evalArgs(a) { return eval("arguments.length + a"); }
console.log(evalArgs(10, 20));
delete globalThis.gv;
