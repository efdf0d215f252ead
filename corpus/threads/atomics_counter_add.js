// @repeat: 2
// 4 threads x 5000 Atomics.add on one property: the total is exact, and the old values each
// thread saw are all distinct (every add is one atomic step).
const shared = { count: 0 };
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread(() => {
        const seen = [];
        for (let i = 0; i < 5000; i++) seen.push(Atomics.add(shared, "count", 1));
        return seen;
    }));
}
const all = [];
for (const t of threads) for (const v of t.join()) all.push(v);
console.log(shared.count, all.length, new Set(all).size);
all.sort((a, b) => a - b);
console.log(all[0], all[all.length - 1]);
