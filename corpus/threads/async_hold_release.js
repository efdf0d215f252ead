// asyncHold() without fn resolves with a release function to be called exactly once.
const lock = new Lock();
let settled = false;
const p = lock.asyncHold();
p.then(() => { settled = true; });
console.log("settled synchronously:", settled);
p.then((release) => {
    console.log(typeof release, lock.locked);
    console.log(release(), lock.locked);
    try {
        release();
    } catch (e) {
        console.log(e.constructor === Error, e.message, lock.locked);
    }
    // A second release never unlocks someone else's hold.
    lock.hold(() => {
        try { release(); } catch (e) { console.log("inside hold:", e.message, lock.locked); }
    });
});
