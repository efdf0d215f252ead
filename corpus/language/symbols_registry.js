// Symbol.for / Symbol.keyFor global registry.
var a = Symbol.for("app.key");
var b = Symbol.for("app.key");
console.log(a === b, Symbol.keyFor(a), a.description);
var local = Symbol("app.key");
console.log(local === a, Symbol.keyFor(local));
console.log(Symbol.for() === Symbol.for("undefined"), Symbol.keyFor(Symbol.for()));
console.log(Symbol.keyFor(Symbol.iterator));
try {
  Symbol.keyFor("not a symbol");
} catch (e) {
  console.log(e instanceof TypeError);
}
var registry = {};
registry[Symbol.for("x")] = "stored";
console.log(registry[Symbol.for("x")]);
console.log(Symbol.for(1) === Symbol.for("1"), Symbol.for("").description === "");
var many = [];
for (var i = 0; i < 3; i++) many.push(Symbol.for("same"));
console.log(many[0] === many[2]);
