// Main waits asynchronously for a flag a thread sets; its event loop stays alive until the
// thread's notify. Sync and async waiters both count in notifyAll.
const lock = new Lock();
const cond = new Condition();
const arrived = new Condition();
const s = { ready: false, waiting: 0, counted: -1 };
async function waitReady() {
    let release = await lock.asyncHold();
    s.waiting++;
    arrived.notify();
    while (!s.ready) release = await cond.asyncWait(lock);
    release();
    return "async waiter saw ready";
}
const syncWaiter = new Thread(() => lock.hold(() => {
    s.waiting++;
    arrived.notify();
    while (!s.ready) cond.wait(lock);
    return "sync waiter saw ready";
}));
const notifier = new Thread(() => lock.hold(() => {
    // Both waiters bump `waiting` and start waiting in one critical section, so both are queued.
    while (s.waiting < 2) arrived.wait(lock);
    s.ready = true;
    s.counted = cond.notifyAll();
}));
waitReady().then((msg) => {
    console.log(msg);
    console.log(syncWaiter.join());
    notifier.join();
    console.log("notifyAll woke", s.counted);
});
