// No false alarm: while one thread is blocked forever on a Condition, main sleeps in timed
// waits (it has a deadline, so it can still run) and finally notifies.
const lock = new Lock();
const cond = new Condition();
const s = { go: false };
const t = new Thread(() => lock.hold(() => {
    while (!s.go) cond.wait(lock);
    return "woken";
}));
for (let i = 0; i < 5; i++) Atomics.wait({ z: 0 }, "z", 0, 10);
lock.hold(() => { s.go = true; cond.notify(); });
console.log(t.join());
// Timers count as pending work too: main's loop waits for the timer, not a deadlock.
setTimeout(() => console.log("timer fired"), 30);
