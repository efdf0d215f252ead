// A thread blocks in Atomics.wait on a property until main changes it and notifies.
const o = { flag: 0 };
const t = new Thread(() => {
    const results = [];
    while (Atomics.load(o, "flag") === 0) results.push(Atomics.wait(o, "flag", 0));
    return [Atomics.load(o, "flag"), results.every((r) => r === "ok" || r === "not-equal")];
});
// Whether the store lands before the thread waits ("not-equal") or after (woken: "ok"), the
// loop ends with the new value.
Atomics.store(o, "flag", 1);
Atomics.notify(o, "flag");
const r = t.join();
console.log(r[0], r[1]);
// With a timeout long enough never to expire, a notify wakes the waiter with "ok"; notify
// is retried until it reports one woken waiter (before that, the thread was not asleep yet).
const p = { v: 0 };
const w = new Thread(() => Atomics.wait(p, "v", 0, 60000));
let n = 0;
while ((n = Atomics.notify(p, "v")) === 0) Atomics.wait({ z: 0 }, "z", 0, 1);
console.log(n, w.join());
