// Each thread has its own timers. A spawned thread publishes its join result once fn returned
// and its microtasks ran; its event loop (timers, posted jobs) goes on after that, on the same
// thread. Main waits for the timers through Atomics.
const box = { log: [], done: 0 };
const t = new Thread(() => {
    const me = Thread.current;
    // Created in non-decreasing delay order, so their firing order is fixed.
    setTimeout(() => box.log.push("timer 1"), 1);
    const cancelled = setTimeout(() => box.log.push("cancelled"), 5);
    setTimeout(() => {
        box.log.push("timer 2 on the thread: " + (Thread.current === me));
        Atomics.store(box, "done", 1);
        Atomics.notify(box, "done");
    }, 20);
    clearTimeout(cancelled);
    box.log.push("fn end");
    return "fn result";
});
console.log(t.join());
while (Atomics.load(box, "done") === 0) Atomics.wait(box, "done", 0);
console.log(box.log.join(", "));
