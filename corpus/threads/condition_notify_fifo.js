// Waiters are woken in FIFO order: threads enqueue in a known order (each starts only after the
// previous one is waiting) and single notifies release them in that order.
const lock = new Lock();
const cond = new Condition();
const progress = new Condition();
const s = { waiting: 0, woken: [] };
const threads = [];
for (let i = 0; i < 4; i++) {
    threads.push(new Thread((me) => lock.hold(() => {
        s.waiting++;
        progress.notifyAll();
        cond.wait(lock);
        s.woken.push(me);
        progress.notifyAll();
    }), i));
    // The next thread starts only once this one is enqueued on cond (it entered wait in the
    // same critical section in which it counted itself).
    lock.hold(() => { while (s.waiting < i + 1) progress.wait(lock); });
}
const counts = [];
for (let i = 0; i < 4; i++) {
    lock.hold(() => {
        counts.push(cond.notify());
        while (s.woken.length < i + 1) progress.wait(lock);
    });
}
threads.forEach((t) => t.join());
console.log(s.woken.join(","), counts.join(","));
