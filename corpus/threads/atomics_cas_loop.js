// Increment through a compareExchange retry loop from 4 threads: exact total; also a CAS-built
// "max" that never loses the maximum.
const o = { n: 0, max: -1 };
function casIncrement() {
    for (;;) {
        const cur = Atomics.load(o, "n");
        if (Atomics.compareExchange(o, "n", cur, cur + 1) === cur) return;
    }
}
function casMax(v) {
    for (;;) {
        const cur = Atomics.load(o, "max");
        if (v <= cur || Atomics.compareExchange(o, "max", cur, v) === cur) return;
    }
}
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        for (let i = 0; i < 3000; i++) {
            casIncrement();
            casMax((i * 7919 + me * 104729) % 100003);
        }
    }, t));
}
ts.forEach((t) => t.join());
let expectedMax = -1;
for (let t = 0; t < 4; t++) for (let i = 0; i < 3000; i++) expectedMax = Math.max(expectedMax, (i * 7919 + t * 104729) % 100003);
console.log(o.n, o.max === expectedMax);
