// Atomics.compareExchange(o, k, expected, replacement): returns the value read; swaps only
// when it equals expected by SameValueZero (so NaN matches NaN and +0 matches -0).
function show(label, fn) {
    try {
        console.log(label, "->", fn());
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const o = { v: 1 };
console.log(Atomics.compareExchange(o, "v", 1, 2), o.v);
console.log(Atomics.compareExchange(o, "v", 1, 3), o.v);
o.v = NaN;
console.log(Atomics.compareExchange(o, "v", NaN, "was NaN"), o.v);
o.v = -0;
const old = Atomics.compareExchange(o, "v", 0, "zero matched");
console.log(Object.is(old, -0), o.v);
const ref = {};
o.v = ref;
console.log(Atomics.compareExchange(o, "v", {}, "other object") === ref, o.v === ref);
console.log(Atomics.compareExchange(o, "v", ref, "same object") === ref, o.v);
o.v = "1";
console.log(Atomics.compareExchange(o, "v", 1, "loose"), o.v);
// A NaN CAS loop terminates.
o.n = NaN;
let spins = 0;
for (;;) {
    const cur = Atomics.load(o, "n");
    spins++;
    if (Object.is(Atomics.compareExchange(o, "n", cur, 0), cur)) break;
}
console.log(spins, o.n);
show("absent", () => Atomics.compareExchange(o, "absent", 1, 2));
Object.defineProperty(o, "acc", { get() { return 1; }, configurable: true });
show("accessor", () => Atomics.compareExchange(o, "acc", 1, 2));
Object.defineProperty(o, "ro", { value: 3, writable: false });
show("read-only match", () => Atomics.compareExchange(o, "ro", 3, 9));
show("read-only mismatch", () => Atomics.compareExchange(o, "ro", 999, 9));
console.log(o.ro);
