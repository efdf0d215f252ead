// hold returns whatever fn returns, including undefined, objects by identity, NaN and -0.
const lock = new Lock();
const o = {};
console.log(lock.hold(() => {}), lock.hold(() => o) === o, Object.is(lock.hold(() => -0), -0));
const nan = lock.hold(() => NaN);
console.log(nan !== nan, lock.hold(() => [1, 2]).length);
// A function from another thread (a closure over that thread's locals) works as fn.
const f = new Thread(() => { let n = 40; return () => n + 2; }).join();
console.log(lock.hold(f));
// A bound function is callable too.
console.log(lock.hold(function () { return this.v; }.bind({ v: "bound" })));
