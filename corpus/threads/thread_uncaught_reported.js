// @exit: 0
// A thread that fails and is never joined: its error is reported on stderr as uncaught once
// main's event loop has nothing left to do (the process still ends normally). The thread's
// own timer, which runs after the failure was published, wakes main.
const box = { failed: 0 };
new Thread(() => {
    setTimeout(() => { Atomics.store(box, "failed", 1); Atomics.notify(box, "failed"); }, 1);
    throw new Error("nobody joined me");
});
Atomics.waitAsync(box, "failed", 0).value.then(() => console.log("main done"));
