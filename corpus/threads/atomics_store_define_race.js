// @repeat: 2
// Several threads Atomics.store the same missing keys at once: each key is created exactly once
// (no duplicate or lost property), holding one of the stored values.
const o = {};
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        for (let i = 0; i < 300; i++) Atomics.store(o, "k" + i, me);
    }, t));
}
ts.forEach((t) => t.join());
const keys = Object.keys(o);
let bad = 0;
for (let i = 0; i < 300; i++) {
    const v = Atomics.load(o, "k" + i);
    if (!(v >= 0 && v < 4)) bad++;
}
console.log(keys.length, new Set(keys).size, bad);
