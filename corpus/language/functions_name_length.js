// Function name and length inference.
function decl(a, b) {}
var anon = function () {};
var named = function inner() {};
let arrow = (x) => x;
const obj = {
  method() {},
  prop: function () {},
  arrowProp: () => {},
  ["comp" + "uted"]: function () {},
  get acc() { return 1; },
  set acc(v) {},
  [Symbol("sym")]: function () {},
  [Symbol()]: function () {}
};
console.log(decl.name, anon.name, named.name, arrow.name);
console.log(obj.method.name, obj.prop.name, obj.arrowProp.name, obj.computed.name);
var d = Object.getOwnPropertyDescriptor(obj, "acc");
console.log(d.get.name, d.set.name);
var syms = Object.getOwnPropertySymbols(obj);
console.log(JSON.stringify(obj[syms[0]].name), JSON.stringify(obj[syms[1]].name));
class C { static s() {} m() {} }
console.log(C.name, C.s.name, C.prototype.m.name, JSON.stringify((class {}).name));
console.log(decl.bind().name, (function () {}).name === "", (() => {}).name === "");
var a1 = [function () {}][0];
console.log(JSON.stringify(a1.name));
var assigned;
assigned = function () {};
console.log(assigned.name);
var { def = function () {} } = {};
console.log(def.name);
console.log(decl.length, ((a, b = 1, c) => 0).length, ((...r) => 0).length, (({ a }, [b]) => 0).length);
var nd = Object.getOwnPropertyDescriptor(decl, "name");
console.log(nd.writable, nd.enumerable, nd.configurable);
Object.defineProperty(decl, "name", { value: "renamed" });
console.log(decl.name);
function* gen() {}
async function asy() {}
console.log(gen.name, asy.name, Math.max.name, Math.max.length, Array.prototype.push.length);
