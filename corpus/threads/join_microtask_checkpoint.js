// join is a microtask checkpoint of its caller [THR-3]: reactions queued before join run after
// its park (never inside it: the joinee samples them still pending) and before join returns,
// whether the thread was still running or had already finished; a throwing microtask makes
// join throw.
let ran = false;
const lane = { v: 0 };
const t = new Thread(() => {
    Atomics.wait(lane, "v", 0, 30);   // the joiner is parked in join meanwhile
    return ran;
});
Promise.resolve().then(() => { ran = true; });
console.log("seen by the joinee:", t.join(), "after join:", ran);

const finished = new Thread(() => 42);
const order = [];
Promise.resolve().then(() => order.push("reaction"));
order.push("join " + finished.join());
console.log(order.join(", "));

queueMicrotask(() => { throw new Error("boom"); });
try {
    new Thread(() => 1).join();
    console.log("no throw");
} catch (e) {
    console.log("join threw:", e.message);
}
