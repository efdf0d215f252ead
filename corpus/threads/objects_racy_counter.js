// Unsynchronised increments race (updates may be lost), but never crash and never produce a
// value outside what the increments could make. The locked twin is exact.
const racy = { n: 0 };
const exact = { n: 0 };
const lock = new Lock();
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread(() => {
        for (let i = 0; i < 5000; i++) {
            racy.n++;
            if (i % 10 === 0) lock.hold(() => exact.n++);
        }
    }));
}
ts.forEach((t) => t.join());
console.log(Number.isInteger(racy.n) && racy.n >= 5000 && racy.n <= 20000, exact.n);
