// The owner pushes onto an array while other threads store into holes above its end. Nothing
// lowers the length, so it ends above every foreign index, and each foreign index holds the
// foreign value or a later push's: a push's length update only ever raises the length, it never
// truncates a racing store away [OM-15].
const FOREIGN = 3, HIGH = 40, PER = 8, PUSHES = 30, ROUNDS = 150;
const top = HIGH + FOREIGN * PER - 1;
const bad = [];
for (let round = 0; round < ROUNDS && bad.length === 0; round++) {
    const a = [];
    for (let i = 0; i < 128; i++) a[i] = "x";
    a.length = 0;
    const gate = { go: 0, ready: 0 };
    const threads = [];
    for (let t = 0; t < FOREIGN; t++) threads.push(new Thread((t) => {
        Atomics.add(gate, "ready", 1);
        Atomics.notify(gate, "ready");
        // Spin briefly (the race needs both sides running), then wait (so --gil lets main run).
        for (let spins = 0; Atomics.load(gate, "go") === 0; spins++) if (spins > 2000) Atomics.wait(gate, "go", 0, 1);
        for (let k = 0; k < PER; k++) a[HIGH + t + k * FOREIGN] = "f" + (HIGH + t + k * FOREIGN);
    }, t));
    for (let r; (r = Atomics.load(gate, "ready")) < FOREIGN;) Atomics.wait(gate, "ready", r, 20);
    Atomics.store(gate, "go", 1);
    Atomics.notify(gate, "go");
    for (let k = 0; k < PUSHES; k++) a.push("o" + k);
    for (const t of threads) t.join();
    if (a.length <= top) bad.push("round " + round + ": length " + a.length);
    for (let t = 0; t < FOREIGN; t++)
        for (let k = 0; k < PER; k++) {
            const i = HIGH + t + k * FOREIGN, v = a[i];
            if (v !== "f" + i && !(typeof v === "string" && v[0] === "o")) bad.push("round " + round + ": a[" + i + "] = " + v);
        }
}
console.log("bad rounds:", bad.length === 0 ? "none" : bad.slice(0, 3).join("; "));
// Single-threaded, push keeps the spec's behaviour: returns the new length; a setter on the
// prototype chain that changes the length is overridden by push's final Set of length.
const b = [1, 2];
console.log(b.push(3, 4), b.join());
Object.defineProperty(Array.prototype, 5, { set(v) { this.length = 20; }, configurable: true });
const c = [0, 1, 2, 3, 4];
console.log(c.push("five"), c.length);
delete Array.prototype[5];
const frozen = Object.freeze([1]);
try { frozen.push(2); } catch (e) { console.log(e.name); }
