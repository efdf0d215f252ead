// A contended hold blocks until the holder releases: main cannot enter while the thread holds.
const lock = new Lock();
const flags = { held: 0, release: 0 };
const log = [];
const t = new Thread(() => {
    lock.hold(() => {
        Atomics.store(flags, "held", 1);
        Atomics.notify(flags, "held");
        while (Atomics.load(flags, "release") === 0) Atomics.wait(flags, "release", 0);
        log.push("thread critical section");
    });
});
while (Atomics.load(flags, "held") === 0) Atomics.wait(flags, "held", 0);
console.log("thread holds:", lock.locked);
// Whether main's hold below finds the lock still held (and blocks) or already free, the thread's
// critical section has completed before main's starts.
Atomics.store(flags, "release", 1);
Atomics.notify(flags, "release");
lock.hold(() => log.push("main critical section"));
t.join();
console.log(log.join(" -> "));
