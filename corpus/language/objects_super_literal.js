// super property access in object literal methods ([[HomeObject]]).
var base = {
  greet() { return "base greet from " + this.name; },
  get label() { return "base label"; },
  value: 10
};
var derived = {
  __proto__: base,
  name: "derived",
  greet() { return "derived + " + super.greet(); },
  get label() { return "derived/" + super.label; },
  total() { return super.value + 1; },
  arrowSuper() { return (() => super.value)(); }
};
console.log(derived.greet(), derived.label, derived.total(), derived.arrowSuper());
var borrowed = { name: "borrower", greet: derived.greet };
console.log(borrowed.greet());
var other = { __proto__: { greet() { return "other proto"; } }, greet: derived.greet };
console.log(other.greet());
var setterTarget = {
  __proto__: { set v(x) { this._v = "proto setter " + x; } },
  set v(x) { super.v = x * 2; }
};
setterTarget.v = 21;
console.log(setterTarget._v);
var assignSuper = {
  __proto__: { p: "proto" },
  write() { super.p = "written via super"; return [this.p, Object.getPrototypeOf(this).p]; }
};
console.log(assignSuper.write());
Object.setPrototypeOf(derived, { greet() { return "swapped"; }, value: 100 });
console.log(derived.greet(), derived.total());
