// Condition errors: no new, missing/foreign lock arguments, wrong receivers.
function show(label, fn) {
    try {
        fn();
        console.log(label, "no error");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const lock = new Lock();
const cond = new Condition();
show("call", () => Condition());
show("wait none", () => cond.wait());
show("wait object", () => cond.wait({}));
show("wait condition", () => cond.wait(new Condition()));
show("wait not held", () => cond.wait(lock));
show("wait other lock held", () => new Lock().hold(() => cond.wait(lock)));
show("asyncWait none", () => cond.asyncWait());
show("asyncWait number", () => cond.asyncWait(3));
show("asyncWait not held", () => cond.asyncWait(lock));
show("wait receiver", () => Condition.prototype.wait.call({}, lock));
show("asyncWait receiver", () => Condition.prototype.asyncWait.call(lock, lock));
show("notify receiver", () => Condition.prototype.notify.call({}));
show("notifyAll receiver", () => Condition.prototype.notifyAll.call(lock));
// The lock is still usable and unheld after the failed waits.
console.log(lock.locked, lock.hold(() => "ok"));
