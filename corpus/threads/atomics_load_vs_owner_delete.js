// Atomics on a property the owner keeps deleting and re-adding on its lock-free path [SYNC-14]:
// the owner only ever stores 7, so a load or a compareExchange reads 7 or throws "no own
// property" (the delete came first), never the `undefined` a delete leaves in the slot it
// removes; a compareExchange expecting undefined never applies, and a wait or waitAsync
// expecting undefined answers "not-equal" or throws, never "timed-out" (a match). Bounded loops
// (--gil too).
// @repeat: 3
const ROUNDS = 3000;
const o = {};
o.pad0 = 0;
o.pad1 = 1;
o.k = 7;
const gate = { go: 0 };
const reader = new Thread(() => {
    while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
    const seen = new Set();
    for (let i = 0; i < ROUNDS; i++) {
        for (const op of ["load", "cas", "wait", "waitAsync"]) {
            try {
                const v = op === "load" ? Atomics.load(o, "k")
                    : op === "cas" ? Atomics.compareExchange(o, "k", undefined, 9)
                    : op === "wait" ? Atomics.wait(o, "k", undefined, 0)
                    : Atomics.waitAsync(o, "k", undefined, 0).value;
                seen.add(`${op} read ${String(v)}`);
            } catch (e) {
                seen.add(`${op} threw ${e.constructor.name}`);
            }
        }
    }
    const legal = (s) => s.endsWith("read 7") || s.endsWith("read not-equal") || s.endsWith("threw TypeError");
    return [...seen].filter((s) => !legal(s));
});
Atomics.store(gate, "go", 1);
Atomics.notify(gate, "go");
for (let i = 0; i < ROUNDS; i++) {
    delete o.k;
    o.k = 7;
}
console.log("impossible reads:", reader.join().join(", ") || "none");
console.log("final value:", o.k);
