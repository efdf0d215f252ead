// A reaction is never held back behind a thread that is blocked in sync code [THR-15]: main
// registers first on `p`, then blocks in Condition.wait until a spawned thread's reaction on the
// same promise (registered later) has run. Holding that reaction until main ran its own earlier
// one would deadlock a correct program. The same with a spawned thread as the blocked one.
// @repeat: 5

// 1. main registered first and blocks in its script.
{
    let resolve;
    const p = new Promise((r) => { resolve = r; });
    const lock = new Lock(), cond = new Condition();
    const box = { registered: 0, signalled: false, order: [] };
    p.then((v) => box.order.push("main " + v));
    Atomics.store(box, "registered", 1);
    const reactor = new Thread(() => {
        p.then((v) => lock.hold(() => { box.order.push("reactor " + v); box.signalled = true; cond.notifyAll(); }));
        Atomics.store(box, "registered", 2);
        return "registered";
    });
    while (Atomics.load(box, "registered") !== 2) Atomics.wait(box, "registered", 1, 5);
    resolve(1);
    lock.hold(() => { while (!box.signalled) cond.wait(lock); });
    console.log("1:", box.order.join(", "), "|", reactor.join());
    Promise.resolve().then(() => console.log("1 after main's turn:", box.order.join(", ")));
}

// 2. a spawned thread registered first and blocks in its function until the reaction ran.
{
    let resolve;
    const p = new Promise((r) => { resolve = r; });
    const lock = new Lock(), cond = new Condition();
    const box = { registered: 0, signalled: false, order: [] };
    const blocked = new Thread(() => {
        p.then((v) => box.order.push("blocked " + v));
        Atomics.store(box, "registered", 1);
        Atomics.notify(box, "registered");
        lock.hold(() => { while (!box.signalled) cond.wait(lock); });
        return "woken";
    });
    while (Atomics.load(box, "registered") !== 1) Atomics.wait(box, "registered", 0, 5);
    p.then((v) => lock.hold(() => { box.order.push("main " + v); box.signalled = true; cond.notifyAll(); }));
    resolve(2);
    // main's own reaction runs once its script is done: join without blocking the script.
    blocked.asyncJoin().then((v) => console.log("2:", v, "|", box.order.join(", ")));
}
