// lock.hold(fn) runs fn holding the lock and returns fn's value; locked reflects the state.
const lock = new Lock();
console.log(lock.locked);
const r = lock.hold(() => {
    console.log("inside", lock.locked);
    return "value";
});
console.log(r, lock.locked);
// Arguments: fn is called with no arguments and this undefined.
lock.hold(function () {
    "use strict";
    console.log(arguments.length, this);
});
// Two locks are independent.
const other = new Lock();
lock.hold(() => other.hold(() => console.log("both", lock.locked, other.locked)));
console.log(lock.locked, other.locked);
// locked is a getter on the prototype.
const desc = Object.getOwnPropertyDescriptor(Lock.prototype, "locked");
console.log(typeof desc.get, desc.set, "locked" in lock, Object.keys(lock).length);
