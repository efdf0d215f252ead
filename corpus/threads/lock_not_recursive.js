// Lock is not recursive: a nested hold by the holder throws Error "Lock is not recursive"
// (never deadlocks) and leaves the outer hold intact.
const lock = new Lock();
lock.hold(() => {
    try {
        lock.hold(() => console.log("inner ran"));
    } catch (e) {
        console.log(e.constructor === Error, e.message);
    }
    console.log("outer still holds", lock.locked);
});
console.log("after", lock.locked);
// The same on a spawned thread.
const r = new Thread(() => lock.hold(() => {
    try { lock.hold(() => 0); return "no error"; } catch (e) { return e.message + " / " + lock.locked; }
})).join();
console.log(r);
