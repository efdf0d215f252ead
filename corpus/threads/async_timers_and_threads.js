// Timers on main and timers on a thread run independently, each on its own thread; main learns
// that the thread's last timer fired through Atomics.waitAsync, without blocking.
const log = [];
const main10 = new Promise((resolve) => setTimeout(() => { log.push("main 10"); resolve(); }, 10));
const main20 = new Promise((resolve) => setTimeout(() => { log.push("main 20"); resolve(); }, 20));
const box = { fired: [], done: 0 };
const t = new Thread(() => {
    setTimeout(() => box.fired.push("thread 5"), 5);
    setTimeout(() => {
        box.fired.push("thread 15");
        Atomics.store(box, "done", 1);
        Atomics.notify(box, "done");
    }, 15);
    return "started";
});
const w = Atomics.waitAsync(box, "done", 0);
Promise.all([t.asyncJoin(), w.value, main10, main20]).then(([r]) => {
    console.log(log.join(" < "));
    console.log(r + ", thread timers: " + box.fired.join(","));
});
