// A Lock subclass instance is a Lock for Condition.wait; a Condition subclass works too.
class MyLock extends Lock {}
class MyCondition extends Condition {
    signalAll() { return this.notifyAll(); }
}
const lock = new MyLock();
const cond = new MyCondition();
const s = { ready: false };
const t = new Thread(() => lock.hold(() => {
    while (!s.ready) cond.wait(lock);
    return "subclassed wait ok";
}));
lock.hold(() => { s.ready = true; cond.signalAll(); });
console.log(t.join(), cond instanceof Condition, Object.prototype.toString.call(cond));
try {
    cond.wait(Object.create(Lock.prototype));
} catch (e) {
    console.log(e instanceof TypeError, e.message);
}
