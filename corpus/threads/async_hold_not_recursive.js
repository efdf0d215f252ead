// A sync hold on the same lock from inside an asyncHold fn throws "Lock is not recursive"
// (the lock is async-held by this very turn), and the async hold stays intact.
const lock = new Lock();
lock.asyncHold(() => {
    try {
        lock.hold(() => console.log("inner ran"));
    } catch (e) {
        console.log(e.constructor === Error, e.message, lock.locked);
    }
    return "done";
}).then((v) => console.log(v, lock.locked));
