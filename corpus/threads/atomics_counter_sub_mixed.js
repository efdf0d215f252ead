// Adders and subtracters racing on one property cancel out exactly; and/or on a bitmask from
// many threads set exactly the bits each owns.
const c = { v: 1000 };
const ts = [];
for (let t = 0; t < 3; t++) ts.push(new Thread(() => { for (let i = 0; i < 5000; i++) Atomics.add(c, "v", 2); }));
for (let t = 0; t < 3; t++) ts.push(new Thread(() => { for (let i = 0; i < 5000; i++) Atomics.sub(c, "v", 2); }));
ts.forEach((t) => t.join());
console.log(c.v);
const mask = { bits: 0 };
const setters = [];
for (let b = 0; b < 16; b++) {
    setters.push(new Thread((bit) => {
        for (let i = 0; i < 200; i++) {
            Atomics.or(mask, "bits", 1 << bit);
            Atomics.and(mask, "bits", ~(1 << bit));
        }
        Atomics.or(mask, "bits", 1 << bit);
        Atomics.xor(mask, "bits", 1 << (bit + 16));
    }, b));
}
setters.forEach((t) => t.join());
console.log((mask.bits >>> 0).toString(16));
