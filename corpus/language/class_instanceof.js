// instanceof, Symbol.hasInstance and isPrototypeOf.
class Animal {}
class Dog extends Animal {}
var d = new Dog();
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object, d instanceof Array);
console.log([] instanceof Array, [] instanceof Object, Object.create(null) instanceof Object);
console.log(1 instanceof Number, new Number(1) instanceof Number, "s" instanceof String);
function F() {}
var f = new F();
F.prototype = {};
console.log(f instanceof F);
class Even {
  static [Symbol.hasInstance](n) { return typeof n === "number" && n % 2 === 0; }
}
console.log(2 instanceof Even, 3 instanceof Even, "2" instanceof Even);
var duck = { [Symbol.hasInstance]: function (o) { return typeof o.quack === "function"; } };
console.log({ quack() {} } instanceof duck, {} instanceof duck);
try {
  d instanceof {};
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  d instanceof 5;
} catch (e) {
  console.log(e instanceof TypeError);
}
var bound = Dog.bind(null);
console.log(d instanceof bound);
console.log(Animal.prototype.isPrototypeOf(d), Function.prototype.isPrototypeOf(Dog));
console.log(Function[Symbol.hasInstance] === undefined, typeof Function.prototype[Symbol.hasInstance]);
console.log(Function.prototype[Symbol.hasInstance].call(Dog, d));
var arrow = () => {};
try {
  console.log({} instanceof arrow);
} catch (e) {
  console.log("arrow has no prototype", e instanceof TypeError);
}
console.log((function () { return arguments; })() instanceof Object);
