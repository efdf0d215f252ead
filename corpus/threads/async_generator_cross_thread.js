// Several threads resume one async generator at once [INT-16]: their requests join one queue,
// the body runs on one thread at a time (whichever claimed it; its awaits resume there), every
// request settles exactly once, and each thread sees its own values in increasing order.
// @repeat: 3
const THREADS = 4, PER = 40, N = THREADS * PER - 15;
const shared = { inBody: 0, overlap: 0, yields: 0 };

function enter() { if (Atomics.add(shared, "inBody", 1) !== 0) Atomics.add(shared, "overlap", 1); }
function leave() { Atomics.sub(shared, "inBody", 1); }

async function* counting(n) {
    for (let i = 0; i < n; i++) {
        enter();
        let spin = 0;
        for (let k = 0; k < 300; k++) spin += k;   // widen the window a second body would hit
        leave();
        if (i % 3 === 1) await null;
        if (i % 7 === 3) await new Promise((resolve) => setTimeout(resolve, 0));
        Atomics.add(shared, "yields", 1);
        yield i;
    }
}

const g = counting(N);
const threads = [];
for (let t = 0; t < THREADS; t++) {
    threads.push(new Thread(() => {
        const requests = [];
        for (let j = 0; j < PER; j++) requests.push(g.next());
        return Promise.all(requests).then((results) => results.map((r) => (r.done ? -1 : r.value)));
    }));
}
Promise.all(threads.map((t) => t.join())).then((perThread) => {
    const seen = new Array(N).fill(0);
    let done = 0, increasing = true;
    for (const values of perThread) {
        let last = -1;
        for (const v of values) {
            if (v === -1) { done++; continue; }
            if (v <= last) increasing = false;
            last = v;
            seen[v]++;
        }
    }
    console.log("every value once:", seen.every((c) => c === 1));
    console.log("done results:", done, "of", THREADS * PER - N);
    console.log("per-thread order increasing:", increasing);
    console.log("body overlapped:", shared.overlap, "yields:", shared.yields);
    return g.next();
}).then((r) => console.log("after the end:", JSON.stringify(r)));
