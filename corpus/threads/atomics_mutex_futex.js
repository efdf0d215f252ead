// @repeat: 2
// A mutex built from compareExchange/exchange + Atomics.wait/notify on a property (the classic
// three-state futex lock) protects a plain, non-atomic counter: the total is exact.
const m = { state: 0 };
function lock() {
    let c = Atomics.compareExchange(m, "state", 0, 1);
    if (c === 0) return;
    if (c !== 2) c = Atomics.exchange(m, "state", 2);
    while (c !== 0) {
        Atomics.wait(m, "state", 2);
        c = Atomics.exchange(m, "state", 2);
    }
}
function unlock() {
    if (Atomics.exchange(m, "state", 0) === 2) Atomics.notify(m, "state", 1);
}
const data = { count: 0, log: [] };
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread(() => {
        for (let i = 0; i < 2000; i++) {
            lock();
            data.count = data.count + 1;
            unlock();
        }
    }));
}
ts.forEach((t) => t.join());
console.log(data.count, m.state);
