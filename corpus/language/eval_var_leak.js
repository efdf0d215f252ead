// var declared by sloppy direct eval leaks into the calling function scope.
function leaks() {
  eval("var leaked = 'visible'; function leakedFn() { return 'fn'; }");
  return [typeof leaked, leaked, leakedFn()];
}
console.log(leaks());
function strictNoLeak() {
  "use strict";
  eval("var contained = 1;");
  return typeof contained;
}
console.log(strictNoLeak());
function strictEvalCode() {
  eval("'use strict'; var inner = 2;");
  return typeof inner;
}
console.log(strictEvalCode());
function letNoLeak() {
  eval("let scoped = 3; const c = 4;");
  return [typeof scoped, typeof c];
}
console.log(letNoLeak());
function modifiesLocal() {
  var x = 1;
  eval("x = 2");
  return x;
}
console.log(modifiesLocal());
function deletable() {
  eval("var d = 1");
  var r = [delete d, typeof d];
  var normal = 1;
  r.push(delete normal);
  return r;
}
console.log(deletable());
(0, eval)("var globalFromIndirect = 'global var';");
console.log(globalThis.globalFromIndirect, typeof globalFromIndirect);
var desc = Object.getOwnPropertyDescriptor(globalThis, "globalFromIndirect");
console.log(desc.configurable, desc.enumerable);
function conflict() {
  let x = 1;
  try {
    eval("var x = 2");
  } catch (e) {
    return "redeclaration " + e.name;
  }
  return "no error";
}
console.log(conflict());
delete globalThis.globalFromIndirect;
