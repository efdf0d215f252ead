// typeof and other operations on undeclared identifiers.
console.log(typeof notDeclared, typeof notDeclared === "undefined");
try {
  notDeclared;
} catch (e) {
  console.log("read", e instanceof ReferenceError);
}
try {
  notDeclared.prop;
} catch (e) {
  console.log("member", e instanceof ReferenceError);
}
try {
  notDeclared();
} catch (e) {
  console.log("call", e instanceof ReferenceError);
}
try {
  notDeclared += 1;
} catch (e) {
  console.log("compound assign", e instanceof ReferenceError);
}
console.log(typeof typeof notDeclared, typeof (notDeclared2 = 5), globalThis.notDeclared2);
console.log(delete notDeclared, delete notDeclared2, typeof notDeclared2);
console.log("notDeclared" in globalThis, globalThis.notDeclared);
var isBrowser = typeof window !== "undefined";
var hasDocument = typeof document === "object";
console.log(isBrowser, hasDocument);
function strictAssign() {
  "use strict";
  try {
    undeclaredInStrict = 1;
  } catch (e) {
    return e instanceof ReferenceError;
  }
}
console.log(strictAssign(), typeof undeclaredInStrict);
function inner() { return typeof hoistedLater; }
console.log(inner());
try {
  console.log(typeof tdzLet);
  let tdzLet = 1;
} catch (e) {
  console.log("typeof in TDZ", e instanceof ReferenceError);
}
