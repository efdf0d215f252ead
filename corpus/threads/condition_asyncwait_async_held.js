// asyncWait on an async-held lock consumes the hold: the old release function then throws,
// and the wait resolves (after notify) with a new one.
const lock = new Lock();
const cond = new Condition();
(async () => {
    const release = await lock.asyncHold();
    console.log("held:", lock.locked);
    const w = cond.asyncWait(lock);
    console.log("released by asyncWait:", !lock.locked);
    try { release(); } catch (e) { console.log(e.constructor === Error, e.message); }
    console.log("notify ->", cond.notify());
    const again = await w;
    console.log("re-granted:", lock.locked, again !== release);
    again();
    console.log("free:", !lock.locked);
})();
