// A spawned thread drains its own microtask queue before its join result is published:
// promise reactions queued by the thread have run when join() returns.
const box = { steps: [] };
const t = new Thread(() => {
    Promise.resolve(1).then((v) => box.steps.push("then " + v)).then(() => box.steps.push("chained"));
    queueMicrotask(() => box.steps.push("microtask"));
    (async () => {
        await null;
        box.steps.push("async resumed");
    })();
    box.steps.push("sync end");
    return "returned";
});
console.log(t.join());
console.log(box.steps.join(", "));
