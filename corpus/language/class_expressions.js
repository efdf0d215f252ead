// Class expressions, anonymous classes, and classes as values.
var Anon = class {};
var Named = class Inner { who() { return Inner.name; } };
console.log(Anon.name, Named.name, new Named().who(), typeof Inner);
function makeClass(greeting) {
  return class {
    greet(n) { return greeting + ", " + n; }
  };
}
var Hello = makeClass("Hello"), Hi = makeClass("Hi");
console.log(new Hello().greet("a"), new Hi().greet("b"), Hello === Hi);
var Mixin = (Base) => class extends Base { mixed() { return "mixed into " + super.name(); } };
class Core { name() { return "Core"; } }
var Mixed = Mixin(Core);
console.log(new Mixed().mixed(), new Mixed() instanceof Core);
var Serializable = (B) => class extends B { serialize() { return JSON.stringify(this); } };
var Eq = (B) => class extends B { equals(o) { return this.serialize() === o.serialize(); } };
class Point { constructor(x) { this.x = x; } }
class SP extends Eq(Serializable(Point)) {}
console.log(new SP(1).serialize(), new SP(1).equals(new SP(1)), new SP(1).equals(new SP(2)));
var instance = new (class { constructor() { this.v = "inline"; } })();
console.log(instance.v);
var classes = [class A {}, class B {}];
console.log(classes.map(function (c) { return c.name; }));
var obj = { Klass: class {} };
console.log(obj.Klass.name);
var Self = class Me {
  static create() { return new Me(); }
};
console.log(Self.create() instanceof Self);
(function () {
  var Const = class C2 { rename() { try { C2 = 1; } catch (e) { return e instanceof TypeError; } } };
  console.log(new Const().rename());
})();
