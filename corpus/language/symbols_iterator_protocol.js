// Symbol.iterator on plain objects, classes and prototypes; iterable detection.
function isIterable(v) { return v != null && typeof v[Symbol.iterator] === "function"; }
console.log([[], "", new Map(), new Set(), {}, 5, null, (function () { return arguments; })()].map(isIterable).join(","));
var countdown = {
  from: 3,
  [Symbol.iterator]() {
    var n = this.from;
    return { next: () => (n >= 0 ? { value: n--, done: false } : { value: undefined, done: true }) };
  }
};
console.log([...countdown], Array.from(countdown).length);
countdown.from = 1;
console.log([...countdown]);
function Bag() { this.items = ["x", "y"]; }
Bag.prototype[Symbol.iterator] = function () { return this.items[Symbol.iterator](); };
console.log([...new Bag()]);
var removed = [1, 2, 3];
removed[Symbol.iterator] = undefined;
try {
  [...removed];
} catch (e) {
  console.log("array without iterator", e instanceof TypeError);
}
console.log(Array.from(removed));
var customString = Object.assign(new String("abc"), { [Symbol.iterator]: function* () { yield "custom"; } });
console.log([...customString], customString.length);
var objectEntries = { a: 1, b: 2 };
objectEntries[Symbol.iterator] = function* () { yield* Object.entries(this); };
console.log(new Map(objectEntries).get("b"));
var gen = (function* () { yield 1; })();
console.log(gen[Symbol.iterator]() === gen, isIterable(gen), isIterable(gen.next()));
