// Reactions of one promise run in registration order even when they live on different threads
// [THR-15]: a spawned thread's reaction registered first has run before main's, registered
// later, runs, although the thread's function returned long before the promise settled.
// @repeat: 10
const gate = { go: 0 };
const out = { p: null, seen: null };
const target = new Thread(() => {
    while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 5);
    return { who: "target" };
});
const registrant = new Thread(() => {
    const p = target.asyncJoin();
    p.then((v) => { out.seen = v; });
    out.p = p;
    return "registered";
});
console.log(registrant.join());
const checks = [];
for (let i = 0; i < 3; i++) checks.push(out.p.then((v) => out.seen === v));
Atomics.store(gate, "go", 1);
Atomics.notify(gate, "go");
const result = target.join();
Promise.all(checks).then((oks) => console.log("main's reactions saw the registrant's first:", oks.join(" "), result.who));
