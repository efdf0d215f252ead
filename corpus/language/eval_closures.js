// Functions created inside eval close over the calling scope.
function makeCounter() {
  var count = 0;
  return eval("(function () { return ++count; })");
}
var c = makeCounter();
c(); c();
console.log(c());
function evalDefinesFunction() {
  eval("function helper(x) { return x * secret; }");
  var secret = 7;
  return helper(6);
}
console.log(evalDefinesFunction());
function nestedEval() {
  var level = "outer";
  return eval("(function () { var level = 'inner'; return eval('level'); })()");
}
console.log(nestedEval());
function evalInBlock() {
  let blockVar = "block";
  {
    let blockVar = "inner block";
    return eval("blockVar");
  }
}
console.log(evalInBlock());
function evalArrowThis() {
  return eval("(() => this.tag)")();
}
console.log(evalArrowThis.call({ tag: "this via eval arrow" }));
var results = [];
for (let i = 0; i < 3; i++) results.push(eval("() => i"));
console.log(results.map(function (f) { return f(); }));
function paramsVisible(a, b) { return eval("a + b"); }
console.log(paramsVisible(2, 3));
function evalReturnsObject() { return eval("({ x: 1, y: [2] })"); }
console.log(evalReturnsObject());
console.log(eval("typeof eval"), (0, eval)("typeof this"));
