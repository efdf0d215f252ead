// @exit: 1
// A thread waits without timeout on a property that no one will ever notify, while main joins
// it: both are blocked forever.
const o = { v: 0 };
const t = new Thread(() => Atomics.wait(o, "v", 0));
t.join();
