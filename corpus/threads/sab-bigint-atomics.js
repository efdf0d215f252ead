// @repeat: 2
// Atomics on a BigInt64Array over a SharedArrayBuffer between threads [TA-7]:
// 4 threads x 2000 Atomics.add of 2**32 + 1 (so every add carries across the 32-bit halves) give
// an exact total and distinct old values; racing plain stores of two 64-bit patterns never tear
// (a reader only ever sees one whole pattern, TA-2); and a ping-pong through Atomics.wait/notify
// on a BigInt64Array element whose turn values differ only above bit 32 [TA-5].
const sab = new SharedArrayBuffer(32);
const big = new BigInt64Array(sab);
const STEP = 2n ** 32n + 1n;
const adders = [];
for (let t = 0; t < 4; t++) {
    adders.push(new Thread(() => {
        const seen = [];
        for (let i = 0; i < 2000; i++) seen.push(Atomics.add(big, 0, STEP));
        return seen;
    }));
}
const olds = new Set();
for (const t of adders) for (const v of t.join()) olds.add(v);
console.log(String(Atomics.load(big, 0) === 8000n * STEP), olds.size, typeof [...olds][0]);

const A = -1n, B = 0x0123456789abcdefn;
const writers = [A, B].map((pattern) => new Thread(() => {
    for (let i = 0; i < 20000; i++) big[1] = pattern;
}));
const reader = new Thread(() => {
    let torn = 0;
    for (let i = 0; i < 20000; i++) {
        const v = big[1];
        if (v !== A && v !== B && v !== 0n) torn++;
    }
    return torn;
});
writers.forEach((w) => w.join());
console.log("torn reads:", reader.join(), big[1] === A || big[1] === B);

const HI = 2n ** 40n;
// Under --gil a spawned Thread's element wait throws before it looks at anything (threads-api-
// notes, TA-5); there a short property wait lets the partner run instead.
const idle = { k: 0 };
function park(view, index, seen) {
    try {
        Atomics.wait(view, index, seen, 1000);
    } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        Atomics.wait(idle, "k", 0, 1);
    }
}
function player(me, next, view) {
    for (let i = 0; i < 100; i++) {
        for (let seen = Atomics.load(view, 2); seen !== me; seen = Atomics.load(view, 2))
            park(view, 2, seen);
        Atomics.add(view, 3, 1n);
        Atomics.store(view, 2, next);
        Atomics.notify(view, 2);
    }
    return "done";
}
const p1 = new Thread(() => player(HI + 1n, HI + 2n, big));
const p2 = new Thread(() => player(HI + 2n, HI + 1n, new BigInt64Array(sab)));
Atomics.store(big, 2, HI + 1n);
Atomics.notify(big, 2);
console.log(p1.join(), p2.join(), String(big[3]), String(big[2] - HI));
