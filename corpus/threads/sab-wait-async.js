// Atomics.waitAsync on an Int32Array over a SharedArrayBuffer: immediate {async:false} results,
// a promise that a notify from another thread resolves with "ok", a timeout with "timed-out",
// and the TypeError for a non-shared view [TA-5].
const i32 = new Int32Array(new SharedArrayBuffer(8));
console.log(JSON.stringify(Atomics.waitAsync(i32, 0, 1)), JSON.stringify(Atomics.waitAsync(i32, 0, 0, 0)));
const r = Atomics.waitAsync(i32, 1, 0, 1000);
console.log(r.async);
r.value.then(v => console.log("resolved", v));
const t = new Thread(() => { Atomics.store(i32, 1, 5); return Atomics.notify(i32, 1); });
console.log("woken", t.join());
const r2 = Atomics.waitAsync(i32, 0, 0, 10);
r2.value.then(v => console.log("second", v));
try { Atomics.waitAsync(new Int32Array(2), 0, 0); } catch (e) { console.log(e.constructor.name); }
