// Prototype chains, shadowing and constructor functions.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
Animal.prototype.kind = "animal";
function Dog(name) { Animal.call(this, name); }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
Dog.prototype.speak = function () { return this.name + " barks; " + Animal.prototype.speak.call(this); };
var d = new Dog("Rex");
console.log(d.speak());
console.log(d.kind, d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log(Object.getPrototypeOf(d) === Dog.prototype);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(d)) === Animal.prototype);
console.log(Dog.prototype.isPrototypeOf(d), Animal.prototype.isPrototypeOf(d));
d.kind = "dog";
console.log(d.kind, Animal.prototype.kind, new Animal("x").kind);
delete d.kind;
console.log(d.kind);
var chain = [];
for (var p = d; p !== null; p = Object.getPrototypeOf(p)) {
  chain.push(p === Object.prototype ? "Object.prototype" : p.constructor.name);
}
console.log(chain);
var base = { greet() { return "hi from " + this.id; } };
var mid = Object.create(base, { id: { value: "mid", enumerable: true } });
var leaf = Object.create(mid);
console.log(leaf.greet(), leaf.hasOwnProperty("id"));
Animal.prototype.late = "added later";
console.log(d.late);
var setProtoTarget = { own: 1 };
Object.setPrototypeOf(setProtoTarget, { fromNew: 2 });
console.log(setProtoTarget.fromNew);
console.log(Object.getPrototypeOf(Object.prototype), Object.getPrototypeOf(Function.prototype) === Object.prototype);
try {
  Object.setPrototypeOf(base, leaf);
} catch (e) {
  console.log("cycle", e instanceof TypeError);
}
