// @exit: 1
// The report lists every thread, sorted by id, each with its own reason.
const lock = new Lock();
const cond = new Condition();
const a = new Thread(() => lock.hold(() => cond.wait(lock)));
const b = new Thread(() => lock.hold(() => cond.wait(lock)));
console.log("joining the first waiter");
a.join();
