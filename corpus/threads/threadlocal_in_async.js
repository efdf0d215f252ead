// The ThreadLocal slot is per thread, not per async task: promise reactions and timers on a
// thread see that thread's value.
const tl = new ThreadLocal();
const box = { done: 0 };
const r = new Thread(() => {
    tl.value = "thread value";
    Promise.resolve().then(() => { box.micro = tl.value; });
    setTimeout(() => {
        box.timer = tl.value;
        Atomics.store(box, "done", 1);
        Atomics.notify(box, "done");
    }, 1);
    return "started";
}).join();
while (Atomics.load(box, "done") === 0) Atomics.wait(box, "done", 0);
console.log(r, box.micro, "/", box.timer);
tl.value = "main value";
Promise.resolve().then(() => console.log("main micro:", tl.value));
setTimeout(() => console.log("main timer:", tl.value), 1);
