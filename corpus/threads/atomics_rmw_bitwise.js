// Atomics.and/or/xor on a property: ToInt32 of stored value and operand, int32 result; the
// return value is the old value exactly as it was stored.
const o = { b: 6 };
console.log(Atomics.and(o, "b", 3), o.b);
console.log(Atomics.or(o, "b", 5), o.b);
console.log(Atomics.xor(o, "b", 1), o.b);
o.b = 2147483648;
console.log(Atomics.and(o, "b", -1), o.b);
o.b = 1.9;
console.log(Atomics.or(o, "b", 2), o.b);
o.b = -1;
console.log(Atomics.xor(o, "b", 0xffffffff), o.b);
o.b = 0;
console.log(Atomics.or(o, "b", "12"), o.b, Atomics.xor(o, "b", 2.7), o.b);
o.b = 0x0f0f;
console.log(Atomics.and(o, "b", NaN), o.b);
