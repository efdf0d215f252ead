// Atomics.add/sub on a property: double arithmetic, return the old value as read.
const o = { x: 5 };
console.log(Atomics.add(o, "x", 3), o.x);
console.log(Atomics.sub(o, "x", 10), o.x);
console.log(Atomics.add(o, "x", 0.5), o.x);
o.x = 0.1;
console.log(Atomics.add(o, "x", 0.2), o.x === 0.1 + 0.2);
o.x = 2 ** 31 - 1;
console.log(Atomics.add(o, "x", 1), o.x);
o.x = Infinity;
Atomics.sub(o, "x", Infinity);
console.log(Number.isNaN(o.x));
// The operand goes through ToNumber (which may run JS).
o.y = 10;
let effects = "";
console.log(Atomics.add(o, "y", { valueOf() { effects += "v"; return 2; } }), o.y, effects);
console.log(Atomics.add(o, "y", "3"), o.y, Atomics.sub(o, "y", true), o.y);
console.log(Atomics.add(o, "y", undefined), o.y);
