// lock.asyncHold(fn): fn runs later (never inside the asyncHold call) holding the lock; the
// promise settles with fn's result after the lock is released.
const lock = new Lock();
const log = [];
const p = lock.asyncHold(() => {
    log.push("fn runs, locked=" + lock.locked);
    return "fn-result";
});
log.push("sync after asyncHold, is promise: " + (p instanceof Promise));
p.then((v) => {
    log.push("settled " + v + ", locked=" + lock.locked);
    console.log(log.join("\n"));
});
