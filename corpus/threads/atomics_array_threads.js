// Atomics on array elements from several threads: per-slot counters are exact, and stores to
// distinct indexes past the end (growing the array from several threads) all land.
const counters = [0, 0, 0, 0];
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread(() => {
        for (let i = 0; i < 2000; i++) Atomics.add(counters, i % 4, 1);
    }));
}
ts.forEach((t) => t.join());
console.log(counters.join(","));
const grown = [];
const gs = [];
for (let t = 0; t < 4; t++) {
    gs.push(new Thread((me) => {
        for (let i = me; i < 1000; i += 4) Atomics.store(grown, i, i);
    }, t));
}
gs.forEach((t) => t.join());
let missing = 0;
for (let i = 0; i < 1000; i++) if (Atomics.load(grown, i) !== i) missing++;
console.log(grown.length, missing);
