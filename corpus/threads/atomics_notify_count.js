// notify(o, k, count) wakes at most count waiters and returns how many it woke.
const o = { gate: 0 };
const N = 5;
const threads = [];
for (let i = 0; i < N; i++) threads.push(new Thread(() => Atomics.wait(o, "gate", 0, 60000)));
// Not every waiter may be asleep yet, so wake them in small batches until all N are counted;
// no call may report more than its count.
let woken = 0;
const perCall = [];
while (woken < 2) {
    const n = Atomics.notify(o, "gate", 1);
    if (n > 1) perCall.push("too many");
    woken += n;
    if (n === 0) Atomics.wait({ z: 0 }, "z", 0, 1);
}
while (woken < N) {
    const n = Atomics.notify(o, "gate", 2);
    if (n > 2) perCall.push("too many");
    woken += n;
    if (woken < N) Atomics.wait({ z: 0 }, "z", 0, 1);
}
console.log(woken, perCall.length, Atomics.notify(o, "gate"), Atomics.notify(o, "gate", 0));
console.log(threads.map((t) => t.join()).join(" "));
// Count coercion: 0 and negative wake none, undefined means all.
console.log(Atomics.notify(o, "gate", -1), Atomics.notify(o, "gate", undefined));
