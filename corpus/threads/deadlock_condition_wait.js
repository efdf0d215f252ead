// @exit: 1
// The only thread waits on a Condition nobody can notify.
const lock = new Lock();
const cond = new Condition();
console.log("waiting forever");
lock.hold(() => cond.wait(lock));
