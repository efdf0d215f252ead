// asyncHold on a lock that another thread holds is granted after that thread releases it;
// main's event loop stays alive meanwhile and never blocks.
const lock = new Lock();
const flags = { held: 0, go: 0 };
const log = [];
const t = new Thread(() => {
    lock.hold(() => {
        Atomics.store(flags, "held", 1);
        Atomics.notify(flags, "held");
        while (Atomics.load(flags, "go") === 0) Atomics.wait(flags, "go", 0);
        log.push("thread section");
    });
});
while (Atomics.load(flags, "held") === 0) Atomics.wait(flags, "held", 0);
const p = lock.asyncHold(() => { log.push("main async section"); return lock.locked; });
log.push("main continues");
Atomics.store(flags, "go", 1);
Atomics.notify(flags, "go");
p.then((held) => {
    t.join();
    console.log(log.join(" | "), held);
});
