// @flags: --can-block-is-false
// The blocking gate [THR-19]: on main, join of a running thread, a contended hold and
// Condition.wait throw TypeError; uncontended hold, asyncHold, asyncWait, asyncJoin and join of a
// finished thread still work. Spawned threads are gated only under --gil, so they do no blocking
// operation here and the output is the same in both modes.
function show(f) {
    try { console.log("ok", f()); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
const lock = new Lock();
show(() => lock.hold(() => "uncontended"));
console.log("locked after", lock.locked);

// Contended without another thread: a no-fn asyncHold is granted at once.
const lockA = new Lock();
const granted = lockA.asyncHold();
show(() => lockA.hold(() => 0));
granted.then((release) => {
    show(() => lockA.hold(() => 0));
    release();
    show(() => lockA.hold(() => "free again"));
});

// Condition.wait: gated even with the lock held; no waiter is left behind, the hold is released.
const lockB = new Lock(), cond = new Condition();
lockB.hold(() => show(() => cond.wait(lockB)));
console.log("lockB locked", lockB.locked, "waiters woken", cond.notify());
let waited;
lockB.hold(() => { waited = cond.asyncWait(lockB); });
console.log("asyncWait woke", cond.notify());
waited.then((release) => { release(); console.log("asyncWait resumed, locked", lockB.locked); });

// join: gated while running; asyncJoin is not; join of a finished thread never blocks.
const flag = { go: 0 };
const t = new Thread(() => { while (Atomics.load(flag, "go") === 0) { /* until main lets go */ } return 42; });
show(() => t.join());
setTimeout(() => {
    Atomics.store(flag, "go", 1);
    t.asyncJoin().then((v) => {
        console.log("asyncJoin", v);
        show(() => t.join());
    });
}, 0);
