// One call site meets many callees (monomorphic, 2-way, megamorphic), callees that change
// under a hot site, class constructors that must still throw, and NEW sites whose
// constructor's prototype is replaced or made an accessor-free non-object.
function callAll(fns, x) {
  let out = [];
  for (const fn of fns) out.push(fn(x));
  return out.join(",");
}
const inc = (x) => x + 1;
const dbl = (x) => x * 2;
function sloppyThis() { return typeof this; }
function strictThis() { "use strict"; return typeof this; }
console.log(callAll([inc, inc, inc], 1));
console.log(callAll([inc, dbl, inc, dbl], 3));
console.log(callAll([inc, dbl, sloppyThis, strictThis, Math.abs, inc.bind(null, 10)], -4));

// Closures from one Code hit the same key; their environments must still differ.
const adders = [];
for (let i = 0; i < 5; i++) adders.push((x) => x + i);
console.log(callAll(adders, 100));

// A class constructor reached at a site that has cached plain functions still throws.
class Point { constructor(x) { this.x = x; } }
for (const fn of [inc, dbl, Point]) {
  try { console.log(fn(1)); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}

// NEW sites: the prototype read at construction time wins, whatever was cached before.
function Thing(v) { this.v = v; }
Thing.prototype.get = function () { return "a" + this.v; };
function make(C, v) { return new C(v); }
let seen = [];
for (let i = 0; i < 6; i++) {
  if (i === 2) Thing.prototype = { get() { return "b" + this.v; } };
  if (i === 4) Thing.prototype = 42;   // not an object: %Object.prototype%
  const t = make(Thing, i);
  seen.push(typeof t.get === "function" ? t.get() : Object.getPrototypeOf(t) === Object.prototype);
}
console.log(seen.join(" "));
// Same site, different constructors (each gets its own prototype) and a derived class.
class Base { constructor() { this.kind = "base"; } }
class Derived extends Base { constructor() { super(); this.kind += "+derived"; } }
function Plain() { this.kind = "plain"; }
for (const C of [Plain, Base, Derived, Plain, Derived]) {
  const o = make(C);
  console.log(o.kind, o instanceof C, Object.getPrototypeOf(o) === C.prototype);
}
// A constructor returning an object, and one that is not a constructor at all.
function Factory() { return { made: true }; }
console.log(JSON.stringify(make(Factory)));
try { make(inc); } catch (e) { console.log(e.constructor.name); }
// Deep recursion through a cached site still reports a catchable RangeError.
function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }
console.log(down(5000));
try { (function r() { return r() + 1; })(); } catch (e) { console.log(e.constructor.name); }
