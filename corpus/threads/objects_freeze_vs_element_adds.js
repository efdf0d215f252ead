// @timeout: 60
// [OM-15] Filling a hole is an add under a claim of the object's id: while one thread keeps
// adding elements (fast path on arrays, slow path on a plain object, a foreign thread on both),
// another freezes / prevents extensions; once that returns, no element is added any more.
let violations = 0, rounds = 0;
for (let round = 0; round < 12; round++) {
    const a = [], o = {}, p = [];
    const flag = { started: 0, stop: 0 };
    const adder = new Thread(() => {
        Atomics.store(flag, "started", 1);
        for (let i = 0; Atomics.load(flag, "stop") === 0 && i < 1000000; i++) {
            a[i] = i;
            o[i] = i;
            p[i] = i;
        }
    });
    while (Atomics.load(flag, "started") === 0) {}
    for (let spin = 0; spin < 2000 * (round + 1); spin++) {}
    Object.freeze(a);
    Object.preventExtensions(o);
    Object.seal(p);
    const counts = [Object.keys(a).length, a.length, Object.keys(o).length, Object.keys(p).length, p.length];
    for (let spin = 0; spin < 20000; spin++) {}
    Atomics.store(flag, "stop", 1);
    adder.join();
    const after = [Object.keys(a).length, a.length, Object.keys(o).length, Object.keys(p).length, p.length];
    if (after.join() !== counts.join()) violations++;
    rounds++;
}
console.log("rounds", rounds, "violations", violations);
