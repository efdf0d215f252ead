// asyncHold(fn) with a throwing fn rejects with the same object and releases the lock.
const lock = new Lock();
const boom = new Error("boom");
lock.asyncHold(() => { throw boom; }).then(
    () => console.log("resolved?"),
    (e) => {
        console.log(e === boom, lock.locked);
        return lock.asyncHold(() => "second");
    }).then((v) => console.log(v, lock.locked));
