// Atomics.store's "create if absent" racing Object.defineProperty of the same key [OM-16]: in
// every linearization the define's result is what stays (store first: define replaces the
// configurable property; define first: the store throws or writes a writable value it may).
// The add re-validates against a racing define instead of overwriting it.
function round(key, define, check) {
    const o = {};
    const gate = { go: 0 };
    const t = new Thread(() => {
        while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 50);
        try { Atomics.store(o, key, 123); } catch (e) { if (!(e instanceof TypeError)) throw e; }
    });
    Atomics.store(gate, "go", 1);
    define(o, key);
    t.join();
    return check(Object.getOwnPropertyDescriptor(o, key));
}
const accessor = (o, k) => Object.defineProperty(o, k, { get() { return "g"; }, configurable: true });
const frozenValue = (o, k) => Object.defineProperty(o, k, { value: 7, writable: false, configurable: true });
let bad = 0;
for (const key of ["5", "name"]) {
    for (let r = 0; r < 150; r++) {
        if (!round(key, accessor, d => d && typeof d.get === "function")) bad++;
        if (!round(key, frozenValue, d => d && d.value === 7 && d.writable === false)) bad++;
    }
}
console.log("violations:", bad);
