// A spawned thread's outcome waits for its Condition.asyncWait to be delivered (and its reaction
// to run) [THR-3, SYNC-8], but not for a queued asyncHold: a registrant may finish first.
const lock = new Lock();
const cond = new Condition();
const step = { n: 0 };
const waiter = new Thread(() => {
    lock.hold(() => {
        cond.asyncWait(lock).then((release) => {
            Atomics.store(step, "n", 2);
            release();
        });
        Atomics.store(step, "n", 1);
        Atomics.notify(step, "n");
    });
    return "waiter done";
});
Atomics.wait(step, "n", 0);
new Thread(() => lock.hold(() => cond.notify())).join();
console.log(waiter.join(), "step", Atomics.load(step, "n"));

// Main holds the lock while the registrant queues an asyncHold and returns: joining it inside
// the hold must not wait for the grant (that would deadlock).
let granted;
lock.hold(() => {
    const registrant = new Thread(() => {
        granted = lock.asyncHold(() => "granted after the registrant finished");
        return "registrant done";
    });
    console.log(registrant.join(), "lock held:", lock.locked);
});
granted.then((v) => console.log(v, "lock held after:", lock.locked));
