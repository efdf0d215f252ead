// Promise.all over many asyncJoins; and asyncJoin used on a spawned thread, whose event loop
// runs the settlement after the thread's own fn returned.
const ts = [];
for (let i = 0; i < 8; i++) ts.push(new Thread((n) => n * n, i));
const box = { v: 0, onThread: false };
const outer = new Thread(() => {
    const me = Thread.current;
    const inner = new Thread(() => "inner result");
    inner.asyncJoin().then((v) => {
        box.onThread = Thread.current === me;
        Atomics.store(box, "v", v);
        Atomics.notify(box, "v");
    });
    return "outer returned";
});
Promise.all(ts.map((t) => t.asyncJoin())).then((squares) => {
    console.log(squares.join(","));
    console.log(outer.join());
    while (Atomics.load(box, "v") === 0) Atomics.wait(box, "v", 0);
    console.log("outer's asyncJoin saw:", box.v, box.onThread);
});
