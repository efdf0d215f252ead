// Reference evaluation details: super, optional calls, eval?.(), null bases, iterator close.
function attempt(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name); }
}
class Base { get x() { return this.v; } set x(value) { this.w = value; } m() { return "base m"; } }
class Derived extends Base {
  constructor() { super(); this.v = 1; }
  t() { super.x = 5; super["x"] += 1; super.x++; return [super.x, this.w, super.m(), super["m"]()]; }
}
console.log(new Derived().t());
attempt("super[super()]", function () {
  class D extends Object { constructor() { super[super()]; } }
  return new D();
});
var literal = { __proto__: { p: 1 }, m() { super.p += 1; return [this.p, super.p]; } };
console.log(literal.m());
const a = { b() { return this._b; }, _b: { c: 42 } };
console.log(a?.b().c, (a?.b)().c, a.b?.().c, (a.b)?.().c, a?.b?.().c, (a?.b)?.().c);
globalThis.scopeName = "global";
function optionalEval() { var scopeName = "local"; return [eval("scopeName"), eval?.("scopeName")]; }
console.log(optionalEval());
var base = null;
attempt("null[key]++", function () { base[{ toString() { throw new Error("key converted"); } }]++; });
attempt("null[key] *= 2", function () { base[{ toString() { throw new Error("key converted"); } }] *= 2; });
attempt("null[f()]++", function () { base[(function () { throw new RangeError("key"); })()]++; });
function* gen(iterable) { for ([{} = yield] of [iterable]) {} }
function closing(result) {
  var returns = 0;
  var iterator = { next() { return { done: false }; }, return() { returns++; return result; } };
  var g = gen({ [Symbol.iterator]() { return iterator; } });
  g.next();
  try { g.return(); } catch (e) { return [returns, e.constructor.name]; }
  return [returns, "no error"];
}
console.log(closing(null), closing({}));
function forLetClosures() {
  var probes = [];
  for (let i = 0, first = () => i; i < 2; i++) { if (i === 0) probes.push(first); probes.push(() => i); }
  return probes.map(function (p) { return p(); });
}
console.log(forLetClosures());
attempt("for-in tdz", function () { var probe; for (let x in { k: probe = () => typeof x }) ; return probe(); });
