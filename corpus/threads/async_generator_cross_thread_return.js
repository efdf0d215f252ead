// next/return/throw of one async generator from different threads, one after another [INT-16]:
// the thread that finds the generator idle runs the body (here its finally block) itself, and
// each request's promise settles for its caller.
async function* g() {
    try {
        const sent = yield 1;
        console.log("resumed with", sent, "on", Thread.current.id === 0 ? "main" : "a spawned thread");
        yield 2;
        yield 3;
    } finally {
        console.log("finally on", Thread.current.id === 0 ? "main" : "a spawned thread");
    }
}
const it = g();
const show = (label) => (r) => console.log(label, JSON.stringify(r));

(async () => {
    show("main next:")(await it.next());
    // A spawned thread resumes it with a value: the body goes on, on that thread.
    show("spawned next:")(await new Thread(() => it.next("x")).join());
    // Another thread returns it: its finally runs there, the request settles {7, done}.
    show("spawned return:")(await new Thread(() => it.return(7)).join());
    show("main next:")(await it.next());
    // throw() on the completed generator rejects with the value, from any thread.
    console.log(await new Thread(() => it.throw(new Error("late"))
        .then(() => "fulfilled?", (e) => "throw rejected: " + e.message)).join());
    // A wrong receiver is a rejected promise, not a crash, from any thread too.
    console.log(await new Thread(() => g.prototype.next.call({})
        .catch((e) => e.constructor.name + " " + e.message)).join());
})();
