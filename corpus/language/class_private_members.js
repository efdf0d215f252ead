// Private class members (ES2022): fields, methods, accessors (instance and static), `#x in o`,
// every access form, brand checks with node's messages, and invisibility to reflection.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.constructor.name + ": " + e.message); }
};

class Point {
  #x = 1;
  #y;
  static #count = 0;
  static #registry = [];
  constructor(x, y) {
    this.#x = x;
    this.#y = y;
    Point.#count++;
    Point.#registry.push(this);
  }
  #norm2() { return this.#x * this.#x + this.#y * this.#y; }
  get #len() { return Math.sqrt(this.#norm2()); }
  set #len(v) { const k = v / this.#len; this.#x *= k; this.#y *= k; }
  static #make(x, y) { return new Point(x, y); }
  static get #total() { return Point.#count; }
  length() { return this.#len; }
  scale(n) { this.#len = this.#len * n; return [this.#x, this.#y]; }
  equals(o) { return #x in o && this.#x === o.#x && this.#y === o.#y; }
  static origin() { return Point.#make(0, 0); }
  static total() { return Point.#total; }
  static has(o) { return #norm2 in o; }
  static hasStatic(o) { return #make in o; }
}
const p = new Point(3, 4);
t("length", () => p.length());
t("scale", () => p.scale(2));
t("equals", () => [p.equals(new Point(6, 8)), p.equals(new Point(1, 1)), p.equals({})]);
t("static", () => [Point.origin().length(), Point.total()]);
t("in", () => [Point.has(p), Point.has({}), Point.hasStatic(Point), Point.hasStatic(p)]);
try { Point.has(1); } catch (e) { console.log("in primitive", e.constructor.name); }

// Every assignment form.
class Forms {
  #v = 1;
  #o = null;
  run() {
    const out = [];
    this.#v += 2; out.push(this.#v);
    this.#v **= 2; out.push(this.#v);
    out.push(this.#v++, ++this.#v, this.#v--, --this.#v);
    this.#o ??= "set"; out.push(this.#o);
    this.#o &&= "and"; out.push(this.#o);
    [this.#v, this.#o] = [10, "arr"]; out.push(this.#v, this.#o);
    ({ a: this.#v, b: this.#o = "dflt" } = { a: 20 }); out.push(this.#v, this.#o);
    for (this.#v of [30, 31]) ;
    out.push(this.#v);
    const self = this, none = null;
    out.push(self?.#v, none?.#v, none?.#v.toString());
    return out;
  }
  static read(o) { return o?.#v; }
}
t("forms", () => new Forms().run());
t("optional", () => [Forms.read(new Forms()), Forms.read(undefined)]);

// Methods keep `this` when called; they are shared and not writable.
class Methods {
  #greet(name) { return "hi " + name + " from " + this.constructor.name; }
  call() { return this.#greet("a"); }
  same(o) { return this.#greet === o.#greet; }
  tag() { return this.#greet`x`; }
  write() { this.#greet = 1; }
  fn() { return this.#greet.name; }
}
t("method call", () => new Methods().call());
t("method identity", () => new Methods().same(new Methods()));
t("method name", () => new Methods().fn());
t("method write", () => new Methods().write());

// Accessor halves missing.
class Halves {
  get #r() { return 1; }
  set #w(v) {}
  readR() { return this.#r; }
  writeR() { this.#r = 2; }
  readW() { return this.#w; }
}
t("getter only", () => new Halves().writeR());
t("setter only", () => new Halves().readW());

// Brand checks.
class Brand {
  #f = 1;
  #m() {}
  static #s() {}
  static rf(o) { return o.#f; }
  static wf(o) { o.#f = 2; }
  static rm(o) { return o.#m; }
  static rs(o) { return o.#s; }
}
t("read field", () => Brand.rf({}));
t("write field", () => Brand.wf({}));
t("read method", () => Brand.rm({}));
t("read static method", () => Brand.rs({}));
t("static method on class", () => typeof Brand.rs(Brand));
t("null base", () => Brand.rf(null));
t("proxy target", () => Brand.rf(new Proxy(new Brand(), {})));
t("subclass instance", () => Brand.rf(new (class extends Brand {})()));

// Stamping an arbitrary object through a base constructor's return override, twice.
class Base { constructor(o) { return o; } }
class Stamp extends Base {
  #tag = "stamped";
  #m() { return 1; }
  static tag(o) { return o.#tag; }
}
const plain = {};
new Stamp(plain);
t("stamped", () => [Stamp.tag(plain), Object.keys(plain).length]);
t("stamp twice", () => new Stamp(plain));
const frozen = Object.freeze({});
new Stamp(frozen);
t("frozen stamped", () => Stamp.tag(frozen));
class FieldsOnly extends Base { #a = 1; }
const twice = {};
new FieldsOnly(twice);
t("field twice", () => new FieldsOnly(twice));

// Private state is invisible to reflection and copying.
class Hidden { #secret = 42; visible = 1; #m() {} static #s = 2; }
const h = new Hidden();
t("keys", () => [Object.keys(h), Object.getOwnPropertyNames(h), Reflect.ownKeys(h),
                 Object.getOwnPropertySymbols(h).length, JSON.stringify(h), { ...h }]);
t("static keys", () => Object.getOwnPropertyNames(Hidden).sort());
console.log(h);

// Each class evaluation has its own names; same spelling in two classes never aliases.
const make = () => class { #v; constructor(v) { this.#v = v; } static get(o) { return o.#v; } };
const K1 = make(), K2 = make();
t("per evaluation", () => [K1.get(new K1(1)), K2.get(new K2(2))]);
t("cross evaluation", () => K1.get(new K2(2)));

// Nested classes see outer names; an inner name shadows.
class Outer {
  #x = "outer";
  #y = "outer y";
  inner() {
    const outer = this;
    return new (class {
      #x = "inner";
      read() { return [this.#x, outer.#y]; }
      readOuter() { return outer.#x; }
    })();
  }
}
const inner = new Outer().inner();
t("nested", () => inner.read());
t("shadowed", () => inner.readOuter());

// Initialiser order, `this` in initialisers, arrows capturing private state.
const log = [];
class Order {
  a = log.push("a");
  #b = log.push("#b");
  c = log.push("c:" + this.#b);
  #get = () => this.#b;
  static #s = log.push("static #s");
  read() { return this.#get(); }
}
t("order", () => [new Order().read(), log]);

// Derived classes: private fields are added after super() returns, also from an arrow.
class Parent { constructor() { this.seenEarly = "no private yet"; } }
class Child extends Parent {
  #n = 5;
  constructor() { const s = () => super(); s(); this.n = this.#n; }
}
t("derived", () => new Child().n);

// Anonymous class names in messages, and function names.
const Anon = class { static #m() {} static f(o) { return o.#m; } };
try { Anon.f({}); } catch (e) { console.log("anon", e.constructor.name); }
t("names", () => {
  class N { static #a = function () {}; static #b = () => {}; static names() { return [N.#a.name, N.#b.name]; } get #g() { return 1; } static gname() { return "ok"; } }
  return N.names();
});

// A nested class's brand never stands in for the outer one's.
class OuterBrand {
  #m() { return "outer #m"; }
  run() {
    const outer = this;
    return new (class {
      #n() { return "inner #n"; }
      go(o) { return [o.#m(), this.#n(), #m in o, #m in this]; }
    })().go(outer);
  }
}
t("nested brands", () => new OuterBrand().run());

// Direct eval code sees the private names of the classes around it.
class WithEval {
  #a = 1; static #s = "S"; #m() { return "m"; } get #g() { return "g"; }
  read() { return eval("this.#a"); }
  write() { eval("this.#a = 5"); return this.#a; }
  all() { return eval("[this.#m(), this.#g, #a in this, WithEval.#s, (() => this.#a)()]"); }
  bad() { return eval("({}).#a"); }
  undeclared() { return eval("this.#zz"); }
  nested() { return eval("new (class { #q = 9; f(o) { return [o.#a, this.#q, eval('o.#a + this.#q')]; } })().f(this)"); }
}
const we = new WithEval();
for (const k of ["read", "write", "all", "bad", "undeclared", "nested"]) t("eval " + k, () => we[k]());

// Early errors.
for (const src of [
  "class A { m() { this.#x; } }",
  "class A { #x; #x; }",
  "class A { #x; get #x() {} }",
  "class A { get #x() {} static set #x(v) {} }",
  "class A { #constructor; }",
  "class A { #constructor() {} }",
  "class A { #x; m() { delete this.#x; } }",
  "class A { #x; m() { delete this?.#x; } }",
  "class A extends Object { #x; m() { super.#x; } }",
  "this.#x",
  "({ #x: 1 })",
  "class A { #x; m() { #x in #x in this; } }",
  "class A { #x; m() { 1 + #x in this; } }",
  "class A extends (class { m(o) { o.#x; } }) { #x; }",
  "class A { get #x() {} set #x(v) {} m() { return this.#x; } }",
]) {
  try { eval(src); console.log("ok:", src); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
