// Annex B.3.3 block functions: when the var is created, and when a conflict prevents it.
console.log(typeof topBlock);
{ function topBlock() { return 1; } }
console.log(typeof topBlock);
if (true) function inIf() {}
console.log(typeof inIf);
function order() {
  var r = [typeof q];
  { r.push(typeof q); function q() {} }
  r.push(typeof q);
  return r;
}
console.log(order());
function paramName(q) { { function q() {} } return typeof q; }
console.log(paramName(1));
function enclosingLet() { { let q = 1; { function q() {} } } return typeof q; }
console.log(enclosingLet());
function catchParam() { try { throw 1; } catch (q) { { function q() {} } } return typeof q; }
console.log(catchParam());
function forLet() { for (let q of [1]) { function q() {} } return typeof q; }
console.log(forLet());
function twoBlocks() { { function q() { return 1; } } { function q() { return 2; } } return q(); }
console.log(twoBlocks());
function existingVar() { var q = 5; { function q() {} } return typeof q; }
console.log(existingVar());
function namedArguments() { { function arguments() {} } return typeof arguments; }
console.log(namedArguments());
function labelled() { { l: function q() {} } return typeof q; }
console.log(labelled());
function inSwitch() { switch (1) { case 1: function q() {} } return typeof q; }
console.log(inSwitch());
function generatorNotCopied() { { function* q() {} } return typeof q; }
console.log(generatorNotCopied());
function assignmentsInBlock() { { q = 3; function q() {} q = 4; } return q; }
console.log(assignmentsInBlock());
function fromEval() { eval("{ function ev() {} }"); return typeof ev; }
console.log(fromEval());
function fromEvalWithLet() { eval("let z; { function ev() {} }"); return typeof ev; }
console.log(fromEvalWithLet());
function inWith() { with ({}) { { function q() {} } } return typeof q; }
console.log(inWith());
function laterLet() { { { function q() {} } let q; } return typeof q; }
console.log(laterLet());
function notEvaluated() { if (false) function q() {} return q; }
console.log(notEvaluated());
