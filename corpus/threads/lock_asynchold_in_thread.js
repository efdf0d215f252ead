// asyncHold on a spawned thread: the thread's event loop stays alive until the grant, then the
// fn runs on that thread. Main learns of it through Atomics.
const lock = new Lock();
const box = { log: [], settled: 0 };
const flags = { threadAsked: 0 };
let t;
lock.hold(() => {
    t = new Thread(() => {
        const me = Thread.current;
        lock.asyncHold(() => {
            box.log.push("granted on the thread: " + (Thread.current === me));
            return "async result";
        }).then((v) => {
            box.log.push("settled " + v);
            Atomics.store(box, "settled", 1);
            Atomics.notify(box, "settled");
        });
        Atomics.store(flags, "threadAsked", 1);
        Atomics.notify(flags, "threadAsked");
        return "fn returned";
    });
    while (Atomics.load(flags, "threadAsked") === 0) Atomics.wait(flags, "threadAsked", 0);
    box.log.push("main releases");
});
console.log(t.join());
while (Atomics.load(box, "settled") === 0) Atomics.wait(box, "settled", 0);
console.log(box.log.join("\n"));
