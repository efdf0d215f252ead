// An exception from fn propagates out of hold, and the lock is released anyway.
const lock = new Lock();
const boom = new Error("boom");
try {
    lock.hold(() => { throw boom; });
} catch (e) {
    console.log(e === boom, lock.locked);
}
console.log(lock.hold(() => "usable again"));
// Release also happens on an exception thrown from a nested function call.
function deep(n) { if (n === 0) throw new RangeError("deep"); return deep(n - 1); }
try { lock.hold(() => deep(50)); } catch (e) { console.log(e.name, lock.locked); }
// ... and another thread can then take it.
console.log(new Thread(() => lock.hold(() => "taken by thread")).join());
