// waitAsync keeps main alive until a thread's notify; several async waiters on one key are
// woken by one notify(Infinity), and notify counts them.
const o = { v: 0 };
const waits = [];
for (let i = 0; i < 3; i++) waits.push(Atomics.waitAsync(o, "v", 0).value);
const t = new Thread(() => {
    Atomics.store(o, "v", 1);
    return Atomics.notify(o, "v");
});
Promise.all(waits).then((values) => {
    console.log(values.join(" "));
    console.log("thread's notify woke", t.join());
});
