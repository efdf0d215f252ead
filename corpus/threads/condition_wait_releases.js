// cond.wait releases the lock while it waits: other threads take the lock meanwhile, many times,
// and the waiter holds it again when wait returns.
const lock = new Lock();
const cond = new Condition();
const s = { entries: 0, done: false };
const waiter = new Thread(() => lock.hold(() => {
    while (!s.done) cond.wait(lock);
    return [s.entries, lock.locked];
}));
const others = [];
for (let t = 0; t < 3; t++) {
    others.push(new Thread(() => {
        for (let i = 0; i < 100; i++) lock.hold(() => { s.entries++; });
    }));
}
others.forEach((t) => t.join());
lock.hold(() => { s.done = true; cond.notify(); });
const [entries, held] = waiter.join();
console.log(entries, held, lock.locked);
