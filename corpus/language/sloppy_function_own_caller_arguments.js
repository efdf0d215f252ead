// Sloppy `function`s own non-writable, non-configurable `arguments` and `caller` (like node),
// so reading them never throws; strict functions, arrows, methods, classes and generators do
// not own them and reach %Function.prototype%'s throwing accessors.
function sloppy(a) { return [typeof sloppy.caller, typeof sloppy.arguments]; }
function strict() { "use strict"; }
const kinds = {
  sloppy, strict, arrow: () => 1, method: { m() {} }.m, generator: function* () {},
  async: async function () {}, klass: class {}, bound: sloppy.bind(null),
  fromFunction: Function("return 1"),
};
for (const [name, fn] of Object.entries(kinds)) {
  const own = ["arguments", "caller"].map((key) => Object.prototype.hasOwnProperty.call(fn, key));
  let read;
  try { read = (fn.caller === null || typeof fn.caller === "function") ? "readable" : "odd"; }
  catch (e) { read = e.constructor.name; }
  console.log(name, own.join("/"), read);
}
console.log(Object.getOwnPropertyNames(function named(x, y) {}).join());
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(sloppy, "caller")));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(sloppy, "arguments")));
// Not writable: a sloppy assignment is ignored, a strict one throws.
sloppy.caller = 5;
console.log(sloppy.caller === 5);
try { (function () { "use strict"; sloppy.arguments = 1; })(); } catch (e) { console.log(e.constructor.name); }
// Reading them from inside, including when the caller is strict (15.3.5.4_2-79gs).
function inner() { return inner.caller === null || typeof inner.caller === "function"; }
function outer() { return inner(); }
console.log(outer(), (function () { "use strict"; return outer.apply(); })());
try { strict.caller; } catch (e) { console.log(e.constructor.name); }
