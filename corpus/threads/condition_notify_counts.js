// notify wakes one waiter and returns 1; notifyAll wakes the rest and returns how many.
// Main holds the lock while it notifies, so the woken cannot leave or re-wait in between.
const lock = new Lock();
const cond = new Condition();
const arrived = new Condition();
const s = { waiting: 0, go: 0 };
const threads = [];
for (let i = 0; i < 4; i++) {
    threads.push(new Thread(() => lock.hold(() => {
        s.waiting++;
        arrived.notify();
        while (s.go === 0) cond.wait(lock);
        return "woke";
    })));
}
// Each waiter increments `waiting` and enters cond.wait in one critical section, so once main
// sees 4 under the lock, all 4 are enqueued on cond.
const counts = lock.hold(() => {
    while (s.waiting < 4) arrived.wait(lock);
    s.go = 1;
    const one = cond.notify();
    const rest = cond.notifyAll();
    const none = cond.notifyAll();
    return [one, rest, none];
});
console.log(counts.join(" "));
console.log(threads.map((t) => t.join()).join(" "));
console.log(cond.notify(), cond.notifyAll());
