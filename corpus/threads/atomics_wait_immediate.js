// Atomics.wait on a property without blocking: "not-equal" when the value differs (compared
// with the property's current value), "timed-out" after a zero or short timeout.
const o = { k: 0, s: "str" };
console.log(Atomics.wait(o, "k", 1));
console.log(Atomics.wait(o, "k", 0, 0));
console.log(Atomics.wait(o, "k", 0, 5));
console.log(Atomics.wait(o, "s", "other", 1000));
console.log(Atomics.wait(o, "s", "str", 1));
function show(label, fn) {
    try { console.log(label, "->", fn()); } catch (e) { console.log(label, e instanceof TypeError); }
}
show("absent", () => Atomics.wait(o, "absent", 0, 0));
Object.defineProperty(o, "acc", { get() { return 0; } });
show("accessor", () => Atomics.wait(o, "acc", 0, 0));
// A negative or NaN timeout: negative behaves like 0; NaN means wait forever, so only use it
// when the value differs.
console.log(Atomics.wait(o, "k", 0, -5), Atomics.wait(o, "k", 9, NaN));
