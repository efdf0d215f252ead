// Message passing: a writer fills a plain object, then publishes it with Atomics.store; a reader
// that waits for the flag sees every field written before the store.
const box = { ready: 0, msg: null };
const reader = new Thread(() => {
    while (Atomics.load(box, "ready") === 0) Atomics.wait(box, "ready", 0);
    const m = box.msg;
    let sum = 0;
    for (let i = 0; i < m.items.length; i++) sum += m.items[i];
    return [m.title, m.items.length, sum, m.nested.deep.value];
});
const items = [];
for (let i = 0; i < 1000; i++) items.push(i);
box.msg = { title: "payload", items, nested: { deep: { value: "deep" } } };
Atomics.store(box, "ready", 1);
Atomics.notify(box, "ready");
console.log(reader.join().join(" "));
// Several rounds of request/response through two flags.
const chan = { req: 0, resp: 0, data: 0 };
const server = new Thread(() => {
    for (let round = 1; round <= 50; round++) {
        while (Atomics.load(chan, "req") !== round) Atomics.wait(chan, "req", round - 1);
        chan.data = chan.data * 2;
        Atomics.store(chan, "resp", round);
        Atomics.notify(chan, "resp");
    }
});
let results = 0;
for (let round = 1; round <= 50; round++) {
    chan.data = round;
    Atomics.store(chan, "req", round);
    Atomics.notify(chan, "req");
    while (Atomics.load(chan, "resp") !== round) Atomics.wait(chan, "resp", round - 1);
    results += chan.data;
}
server.join();
console.log(results);
