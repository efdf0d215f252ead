// The classic pattern: wait in a loop on a predicate; the signalling thread changes the state
// under the lock and notifies.
const lock = new Lock();
const cond = new Condition();
const state = { ready: false, value: null };
const waiter = new Thread(() => lock.hold(() => {
    while (!state.ready) cond.wait(lock);
    return "got " + state.value + ", holding=" + lock.locked;
}));
new Thread(() => lock.hold(() => {
    state.value = 42;
    state.ready = true;
    cond.notifyAll();
})).join();
console.log(waiter.join());
// wait returns undefined and re-acquires the lock before returning.
const r = new Thread(() => {
    const s = { go: false };
    const l = new Lock(), c = new Condition();
    const helper = new Thread(() => l.hold(() => { s.go = true; c.notify(); }));
    const out = l.hold(() => {
        let ret = "unset";
        while (!s.go) ret = c.wait(l);
        return [ret, l.locked];
    });
    helper.join();
    return out;
}).join();
console.log(r[0] === "unset" || r[0] === undefined, r[1]);
