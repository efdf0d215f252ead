// @exit: 1
// Two threads take two locks in opposite orders (A then B, B then A), each after the other
// holds its first lock: the classic lock-order deadlock is reported.
const A = new Lock(), B = new Lock();
const f = { threadHasB: 0, mainHasA: 0 };
new Thread(() => B.hold(() => {
    Atomics.store(f, "threadHasB", 1);
    Atomics.notify(f, "threadHasB");
    while (Atomics.load(f, "mainHasA") === 0) Atomics.wait(f, "mainHasA", 0);
    A.hold(() => {});
}));
A.hold(() => {
    while (Atomics.load(f, "threadHasB") === 0) Atomics.wait(f, "threadHasB", 0);
    Atomics.store(f, "mainHasA", 1);
    Atomics.notify(f, "mainHasA");
    console.log("both hold their first lock");
    B.hold(() => {});
});
console.log("not reached");
