// An Error made on a spawned thread carries that thread's stack; rethrown uncaught on main,
// it is reported with the stack it was created with.
function fail(what) {
    throw new RangeError("bad " + what);
}
const t = new Thread(() => fail("input"));
t.join();
