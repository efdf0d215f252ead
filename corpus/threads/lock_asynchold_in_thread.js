// asyncHold on a spawned thread [SYNC-6]. Granted while the thread is still running, the grant
// is its own: fn runs on that thread, whose event loop stays alive until the grant. Granted
// after the thread's outcome was published, it is delivered on main's event loop instead (the
// notes' fallback for a finished registrant), so main must not block waiting for it.
const lock = new Lock();
const box = { log: [], settled: 0, released: 0 };
const flags = { threadAsked: 0 };

function register(waitForRelease) {
    return new Thread(() => {
        const me = Thread.current;
        lock.asyncHold(() => {
            box.log.push("fn ran on " + (Thread.current === me ? "the thread" : Thread.current.id === 0 ? "main" : "?"));
            return "async result";
        }).then((v) => {
            box.log.push("settled " + v);
            Atomics.store(box, "settled", 1);
        });
        Atomics.store(flags, "threadAsked", 1);
        Atomics.notify(flags, "threadAsked");
        // Still running when main releases: the retry is posted to this thread.
        if (waitForRelease) while (Atomics.load(box, "released") === 0) Atomics.wait(box, "released", 0);
        return "fn returned";
    });
}

let t = null;
lock.hold(() => {
    t = register(true);
    while (Atomics.load(flags, "threadAsked") === 0) Atomics.wait(flags, "threadAsked", 0);
    box.log.push("main releases");
});
Atomics.store(box, "released", 1);
Atomics.notify(box, "released");
console.log(t.join());
while (Atomics.load(box, "settled") === 0) Atomics.wait(box, "settled", 0, 1);
console.log(box.log.join("\n"));

box.log = [];
box.settled = 0;
flags.threadAsked = 0;
lock.hold(() => {
    t = register(false);
    while (Atomics.load(flags, "threadAsked") === 0) Atomics.wait(flags, "threadAsked", 0);
    console.log(t.join());   // published before the release below
    box.log.push("main releases");
});
const poll = () => {
    if (Atomics.load(box, "settled") === 0) return setTimeout(poll, 1);
    console.log(box.log.join("\n"));
};
poll();
