// globalThis and properties of the global object (avoiding script-vs-module differences).
console.log(typeof globalThis, globalThis === globalThis.globalThis);
globalThis.explicitGlobal = "set on globalThis";
console.log(explicitGlobal, typeof explicitGlobal);
function makeImplicit() { implicitGlobal = "created by assignment"; }
makeImplicit();
console.log(globalThis.implicitGlobal, Object.getOwnPropertyDescriptor(globalThis, "implicitGlobal").configurable);
console.log(delete globalThis.implicitGlobal, typeof implicitGlobal);
console.log(typeof globalThis.Object, globalThis.Math === Math, globalThis.JSON === JSON);
console.log(globalThis.undefined, globalThis.NaN, globalThis.Infinity);
var d = Object.getOwnPropertyDescriptor(globalThis, "undefined");
console.log(d.writable, d.enumerable, d.configurable);
var od = Object.getOwnPropertyDescriptor(globalThis, "Object");
console.log(od.writable, od.enumerable, od.configurable);
var gd = Object.getOwnPropertyDescriptor(globalThis, "globalThis");
console.log(gd.writable, gd.enumerable, gd.configurable);
function sloppyThis() { return this; }
console.log(sloppyThis() === globalThis);
(0, eval)("var viaIndirectEval = 1; function fnViaIndirectEval() { return 'global fn'; }");
console.log(globalThis.viaIndirectEval, typeof globalThis.fnViaIndirectEval, fnViaIndirectEval());
(0, eval)("let globalLet = 'lexical';");
console.log(typeof globalLet, globalThis.globalLet, "globalLet" in globalThis);
Object.defineProperty(globalThis, "readOnlyGlobal", { value: 1, writable: false, configurable: true });
readOnlyGlobal = 2;
console.log(readOnlyGlobal);
console.log(["Array", "Map", "Promise", "Symbol", "parseInt", "isNaN"].every(function (n) { return n in globalThis; }));
console.log("explicitGlobal" in globalThis, globalThis.hasOwnProperty("explicitGlobal"));
delete globalThis.explicitGlobal;
delete globalThis.readOnlyGlobal;
console.log(typeof explicitGlobal, typeof readOnlyGlobal);
