// An async function as a thread body: join returns its promise (already settled, since the
// thread drains its microtasks first), which main can await.
const t = new Thread(async (x) => {
    await null;
    const y = await Promise.resolve(x + 1);
    return y * 2;
}, 20);
const p = t.join();
console.log(p instanceof Promise);
p.then((v) => console.log("value", v));
// A rejected promise returned by a thread (handled there, so not an unhandled rejection).
const failing = new Thread(() => {
    const inner = (async () => {
        await null;
        throw new Error("async failure");
    })();
    inner.catch(() => {});
    return inner;
});
failing.join().catch((e) => console.log("caught", e.message));
