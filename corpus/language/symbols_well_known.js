// Well-known symbols: iterator, toPrimitive, toStringTag, hasInstance, isConcatSpreadable, species.
console.log(typeof Symbol.iterator, Symbol.iterator.description, String(Symbol.asyncIterator));
console.log(Symbol.hasInstance.toString(), Symbol.toPrimitive.description, Symbol.unscopables.description);
var wk = ["iterator", "asyncIterator", "hasInstance", "isConcatSpreadable", "species",
  "toPrimitive", "toStringTag", "unscopables"];
console.log(wk.every(function (n) { return typeof Symbol[n] === "symbol"; }));
var d = Object.getOwnPropertyDescriptor(Symbol, "iterator");
console.log(d.writable, d.enumerable, d.configurable);
var coll = {
  items: ["x", "y"],
  [Symbol.iterator]: function* () { yield* this.items; },
  [Symbol.toPrimitive](hint) { return hint === "number" ? this.items.length : this.items.join("+"); },
  get [Symbol.toStringTag]() { return "Collection"; }
};
console.log([...coll], +coll, `${coll}`, Object.prototype.toString.call(coll));
class Odd { static [Symbol.hasInstance](n) { return n % 2 === 1; } }
console.log(3 instanceof Odd, 4 instanceof Odd);
var spreadable = { length: 2, 0: "a", 1: "b", [Symbol.isConcatSpreadable]: true };
console.log(["z"].concat(spreadable));
class MyArr extends Array { static get [Symbol.species]() { return Array; } }
var m = MyArr.from([1, 2, 3]).map(function (x) { return x; });
console.log(m instanceof MyArr, m.constructor === Array);
console.log(Array.prototype[Symbol.unscopables].includes, Object.getPrototypeOf(Array.prototype[Symbol.unscopables]));
console.log(Symbol.species in Array, Array[Symbol.species] === Array, Map[Symbol.species] === Map);
