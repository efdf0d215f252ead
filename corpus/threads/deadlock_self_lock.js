// @exit: 1
// A thread blocks on a lock that main holds while main, still holding it, joins the thread.
const lock = new Lock();
lock.hold(() => {
    const t = new Thread(() => lock.hold(() => "never"));
    console.log("main holds the lock and joins");
    t.join();
});
