// @repeat: 2
// Map and Set mutated from several threads under a Lock while other threads read them without
// one: reads never crash or see a value that was never stored; the final contents are exact.
const lock = new Lock();
const m = new Map();
const s = new Set();
const stop = { v: 0 };
const reader = new Thread(() => {
    let bad = 0, n = 0;
    while (Atomics.load(stop, "v") === 0 || n < 500) {
        const k = n % 300;
        const v = m.get(k);
        if (v !== undefined && v !== k * 2) bad++;
        if (s.has(k) && typeof k !== "number") bad++;
        if (m.size < 0 || m.size > 300) bad++;
        n++;
    }
    return bad;
});
const writers = [0, 1, 2].map((me) => new Thread(() => {
    for (let round = 0; round < 4; round++) {
        for (let k = me; k < 300; k += 3) lock.hold(() => { m.set(k, k * 2); s.add(k); });
        for (let k = me; k < 300; k += 6) lock.hold(() => { m.delete(k); s.delete(k); });
    }
}));
writers.forEach((t) => t.join());
Atomics.store(stop, "v", 1);
console.log(reader.join(), m.size, s.size);
let ok = true;
for (let k = 0; k < 300; k++) {
    const deleted = (k % 6) < 3;
    if (m.has(k) === deleted || s.has(k) === deleted) ok = false;
}
console.log(ok);
