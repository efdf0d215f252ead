// @repeat: 2
// 4 threads x 5000 Atomics.add on one Int32Array element of a SharedArrayBuffer (and Atomics.sub
// on a Uint16Array view of the same buffer): the totals are exact and every old value one
// thread saw is distinct from every other thread's, so each add was one atomic step [TA-4].
const sab = new SharedArrayBuffer(16);
const counters = new Int32Array(sab);
const halves = new Uint16Array(sab, 8, 2);
halves[0] = 40000;
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread(() => {
        const seen = [];
        for (let i = 0; i < 5000; i++) {
            seen.push(Atomics.add(counters, 0, 1));
            Atomics.sub(halves, 0, 2);
            Atomics.or(counters, 1, 1 << t);
        }
        return seen;
    }));
}
const all = [];
for (const t of threads) for (const v of t.join()) all.push(v);
console.log(counters[0], Atomics.load(counters, 0), all.length, new Set(all).size);
console.log(halves[0], Atomics.load(halves, 0), counters[1].toString(2));
all.sort((a, b) => a - b);
console.log(all[0], all[all.length - 1]);
