// Lock errors: no new, non-callable arguments, wrong receivers.
function show(label, fn) {
    try {
        fn();
        console.log(label, "no error");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const lock = new Lock();
show("call", () => Lock());
show("hold none", () => lock.hold());
show("hold number", () => lock.hold(1));
show("hold object", () => lock.hold({}));
show("hold string", () => lock.hold("f"));
show("asyncHold number", () => lock.asyncHold(1));
show("asyncHold null", () => lock.asyncHold(null));
show("hold receiver", () => Lock.prototype.hold.call({}, () => 0));
show("asyncHold receiver", () => Lock.prototype.asyncHold.call({}));
show("locked receiver", () => Object.getOwnPropertyDescriptor(Lock.prototype, "locked").get.call({}));
show("hold condition", () => Lock.prototype.hold.call(new Condition(), () => 0));
// None of these left the lock held.
console.log(lock.locked, lock.hold(() => "ok"));
