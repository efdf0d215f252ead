// A thread that joins a failed thread gets the exception; uncaught there, it becomes that
// thread's own failure, which its joiner sees in turn (same object, two hops).
const original = new TypeError("from the grandchild");
const outer = new Thread(() => {
    const inner = new Thread(() => { throw original; });
    inner.join();
    return "not reached";
});
try {
    outer.join();
} catch (e) {
    console.log(e === original, e.message);
}
