// console.log formatting of symbols as values and keys.
console.log(Symbol("desc"));
console.log(Symbol(), Symbol.iterator, Symbol.for("reg"));
console.log([Symbol("in array")]);
console.log({ s: Symbol("as value") });
var key = Symbol("key");
console.log({ [key]: 1, normal: 2 });
console.log({ [Symbol()]: "anonymous key" });
console.log({ [Symbol.iterator]: 1 });
var hidden = {};
Object.defineProperty(hidden, Symbol("non-enum"), { value: 1, enumerable: false });
console.log(hidden);
console.log(Object(Symbol("boxed")));
console.log(Symbol("with space"), Symbol("quote'd"));
