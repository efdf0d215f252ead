// waitAsync on a spawned thread keeps that thread's event loop alive until main notifies; the
// settlement runs on the thread and is reported back through another property.
const o = { go: 0, reply: 0, waiting: 0 };
const t = new Thread(() => {
    const w = Atomics.waitAsync(o, "go", 0);
    w.value.then((v) => {
        Atomics.store(o, "reply", v);
        Atomics.notify(o, "reply");
    });
    Atomics.store(o, "waiting", 1);
    Atomics.notify(o, "waiting");
    return w.async;
});
while (Atomics.load(o, "waiting") === 0) Atomics.wait(o, "waiting", 0);
console.log("thread registered an async wait:", t.join());
Atomics.store(o, "go", 1);
console.log("notify ->", Atomics.notify(o, "go"));
while (Atomics.load(o, "reply") === 0) Atomics.wait(o, "reply", 0);
console.log("thread's wait settled with", o.reply);
