// super.method(), super.prop, super in static methods, arrows and object methods.
class A {
  constructor() { this.tag = "A-instance"; }
  hello() { return "A.hello(" + this.tag + ")"; }
  get kind() { return "A-kind"; }
  static make() { return "A.make"; }
}
A.prototype.shared = "proto data";
class B extends A {
  hello() { return "B>" + super.hello(); }
  get kind() { return "B/" + super.kind; }
  data() { return super.shared; }
  arrow() { return (() => super.hello())(); }
  missing() { return super.nonexistent; }
  static make() { return "B>" + super.make(); }
  setViaSuper() { super.tag = "set through super"; return this.tag; }
}
class C extends B {
  hello() { return "C>" + super.hello(); }
}
var c = new C();
console.log(c.hello());
console.log(c.kind, c.data(), c.arrow(), c.missing());
console.log(C.make());
console.log(c.setViaSuper(), A.prototype.tag);
var borrowed = c.hello;
console.log(borrowed.call({ tag: "borrowed" }));
class D extends A {
  constructor() {
    super();
    this.fromCtor = super.hello();
  }
}
console.log(new D().fromCtor);
var methodRef = B.prototype.hello;
class E extends A { hello() { return "E"; } }
var e = new E();
console.log(methodRef.call(e));
class F extends A {
  hello() { return super["hel" + "lo"]() + "!"; }
}
console.log(new F().hello());
