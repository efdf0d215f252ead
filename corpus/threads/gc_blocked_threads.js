// Threads blocked in join, Lock.hold, Condition.wait and Atomics.wait count as parked: other
// threads keep allocating (and collecting) while they wait, and the waiters' own objects survive.
const lock = new Lock();
const cond = new Condition();
const s = { go: false, flag: 0 };
const condWaiter = new Thread(() => {
    const mine = { kept: "cond waiter's" };
    lock.hold(() => { while (!s.go) cond.wait(lock); });
    return mine.kept;
});
const atomicsWaiter = new Thread(() => {
    const mine = [1, 2, 3].map((x) => ({ x }));
    while (Atomics.load(s, "flag") === 0) Atomics.wait(s, "flag", 0);
    return mine.map((o) => o.x).join("");
});
const joiner = new Thread(() => {
    const mine = { kept: "joiner's" };
    return condWaiter.join() + "+" + mine.kept;
});
function allocate(n) {
    let keep = null;
    for (let i = 0; i < n; i++) keep = { i, prev: i % 500 ? keep : null, str: "x" + i };
    return keep.i;
}
const allocators = [0, 1].map(() => new Thread(allocate, 80000));
console.log(allocators.map((t) => t.join()).join(" "));
lock.hold(() => { s.go = true; cond.notifyAll(); });
Atomics.store(s, "flag", 1);
Atomics.notify(s, "flag");
console.log(joiner.join(), atomicsWaiter.join());
