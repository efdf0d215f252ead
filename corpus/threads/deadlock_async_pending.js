// @exit: 1
// Main's event loop waits for an asyncJoin whose thread is blocked forever on a lock that main
// async-holds and never releases: an idle event loop waiting for cross-thread work counts as
// blocked, so this is reported as a deadlock too.
const lock = new Lock();
lock.asyncHold().then((release) => {
    const t = new Thread(() => lock.hold(() => 1));
    console.log("waiting for the thread");
    return t.asyncJoin();
}).then(() => console.log("not reached"));
