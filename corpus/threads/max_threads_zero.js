// @flags: --max-threads=0
// maxJSThreads 0: no Thread may start, and the failure leaves nothing behind to report [THR-18].
for (let i = 0; i < 3; i++) {
    try { new Thread(() => 1); } catch (e) { console.log(e instanceof RangeError, e.message); }
}
console.log(Thread.current.id);
