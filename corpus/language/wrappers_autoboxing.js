// Property access on primitives goes through temporary wrapper objects.
String.prototype.whoAmI = function () { return [typeof this, this instanceof String, String(this)]; };
console.log("abc".whoAmI());
String.prototype.strictWho = function () { "use strict"; return typeof this; };
console.log("abc".strictWho());
Number.prototype.getThis = function () { return this; };
var boxed = (5).getThis();
console.log(typeof boxed, boxed == 5, boxed === 5, boxed + 1);
Boolean.prototype.flip = function () { return !this.valueOf(); };
console.log(true.flip(), false.flip());
Object.defineProperty(Number.prototype, "squared", { get: function () { return this * this; }, configurable: true });
console.log((7).squared, 1.5.squared);
var s = "prim";
s.cache = "lost";
console.log(s.cache);
console.log("abc".hasOwnProperty("length"), "abc".hasOwnProperty(0), (1).hasOwnProperty("toFixed"));
console.log("x".constructor.name, (1).constructor.name, false.constructor.name, Symbol().constructor.name);
try {
  null.toString();
} catch (e) {
  console.log("null", e instanceof TypeError);
}
try {
  undefined.x;
} catch (e) {
  console.log("undefined", e instanceof TypeError);
}
console.log(Object.getPrototypeOf("s") === String.prototype, Object.getPrototypeOf(1) === Number.prototype);
delete String.prototype.whoAmI;
delete String.prototype.strictWho;
delete Number.prototype.getThis;
delete Number.prototype.squared;
delete Boolean.prototype.flip;
console.log(typeof "".whoAmI, (3).squared);
