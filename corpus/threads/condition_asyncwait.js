// cond.asyncWait(lock) inside a sync hold: releases the lock at once and returns a promise that
// resolves, after a notify and a re-grant, with a fresh release function.
const lock = new Lock();
const cond = new Condition();
let p;
lock.hold(() => {
    p = cond.asyncWait(lock);
    console.log(p instanceof Promise, "released at once:", !lock.locked);
});
console.log("after hold:", lock.locked);
let settled = false;
p.then(() => { settled = true; });
console.log("notify ->", cond.notify());
console.log("settled synchronously:", settled);
p.then((release) => {
    console.log(typeof release, "holding:", lock.locked);
    release();
    console.log("released:", !lock.locked);
    try { release(); } catch (e) { console.log(e.message); }
});
