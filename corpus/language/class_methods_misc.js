// Class bodies are strict, methods are non-enumerable, generator/async methods, class name binding.
class Strict {
  isStrict() { return (function () { return this === undefined; })(); }
  *gen() { yield 1; yield 2; }
  async later() { return "async method"; }
  static *range(n) { for (var i = 0; i < n; i++) yield i; }
  "quoted name"() { return "quoted"; }
  123() { return "numeric name"; }
}
var s = new Strict();
console.log(s.isStrict(), [...s.gen()], [...Strict.range(3)], s["quoted name"](), s[123]());
s.later().then(function (v) { console.log(v); });
var keys = [];
for (var k in s) keys.push(k);
console.log(keys, Object.keys(Strict.prototype));
class Renamed {}
var Alias = Renamed;
Renamed = null;
console.log(typeof Alias, Alias.name, Renamed);
class Outer {
  getClass() { return Outer; }
}
var inst = new Outer();
var Saved = Outer;
Outer = "replaced";
console.log(inst.getClass() === Saved);
try {
  class Dup { constructor() {} }
  Dup.prototype.constructor.call({});
} catch (e) {
  console.log(e instanceof TypeError);
}
class Chain {
  constructor() { this.v = 0; }
  add(n) { this.v += n; return this; }
  mul(n) { this.v *= n; return this; }
}
console.log(new Chain().add(2).mul(5).add(1).v);
class Accum { static of(...xs) { var a = new Accum(); a.xs = xs; return a; } sum() { return this.xs.reduce((p, q) => p + q, 0); } }
console.log(Accum.of(1, 2, 3).sum());
