// @flags: --can-block-is-false
// The blocking gate on main [THR-19]: a typed-array Atomics.wait throws before it reads the
// element (as DoWait's AgentCanSuspend step does), even for a mismatch or a zero timeout; a
// property wait throws once the value matches, even with a zero timeout (the peer corpus's
// api/spawned-thread-may-block-gil-off.js), and answers a mismatch. notify and waitAsync are never gated.
const i32 = new Int32Array(new SharedArrayBuffer(8));
const o = { k: 0 };
function show(f) {
    try { console.log("ok", f()); } catch (e) { console.log(e.constructor.name + ": " + e.message); }
}
show(() => Atomics.wait(i32, 0, 1));
show(() => Atomics.wait(i32, 0, 0, 0));
show(() => Atomics.wait(o, "k", 1));
show(() => Atomics.wait(o, "k", 0, 0));
show(() => Atomics.wait(o, "k", 0, 10));
show(() => Atomics.notify(i32, 0));
const pending = Atomics.waitAsync(i32, 1, 0, 5);
show(() => pending.async);
pending.value.then((v) => console.log("waitAsync", v));
