// new.target in functions and classes.
function Plain() { return new.target === Plain ? "with new" : typeof new.target; }
console.log(new Plain() instanceof Plain, Plain());
function Check() { this.called = new.target !== undefined; }
console.log(new Check().called);
class Base {
  constructor() { this.created = new.target.name; }
}
class Derived extends Base {}
console.log(new Base().created, new Derived().created);
class Abstract {
  constructor() {
    if (new.target === Abstract) throw new TypeError("abstract!");
    this.ok = true;
  }
}
class Concrete extends Abstract {}
try {
  new Abstract();
} catch (e) {
  console.log(e.message);
}
console.log(new Concrete().ok);
function Factory() {
  if (!new.target) return new Factory();
  this.made = "always new";
}
console.log(Factory().made, new Factory().made);
function arrowInside() { return (() => new.target)(); }
console.log(new arrowInside() instanceof arrowInside === false, arrowInside());
class WithStatic {
  static create() { return new this(); }
  constructor() { this.target = new.target === WithStatic; }
}
class SubStatic extends WithStatic {}
console.log(WithStatic.create().target, SubStatic.create().target);
function Traced() { return { nt: new.target }; }
console.log(new Traced().nt === Traced);
