// Atomics.waitAsync on a property: synchronous results for "not-equal" and a zero timeout;
// otherwise {async: true, value: Promise} settling with "ok" or "timed-out" on a later turn.
const o = { k: 0 };
const ne = Atomics.waitAsync(o, "k", 1);
console.log(ne.async, ne.value);
const to = Atomics.waitAsync(o, "k", 0, 0);
console.log(to.async, to.value);
const slow = Atomics.waitAsync(o, "k", 0, 10);
console.log(slow.async, slow.value instanceof Promise);
slow.value.then((v) => {
    console.log("short wait:", v);
    const w = Atomics.waitAsync(o, "k", 0);
    let settled = false;
    w.value.then((r) => {
        settled = true;
        console.log("notified wait:", r);
    });
    console.log("notify ->", Atomics.notify(o, "k"));
    console.log("settled synchronously:", settled);
});
