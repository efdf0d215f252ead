// Waiters are keyed by (object, key): notifies on another key or another object with the same
// key wake nobody; only the matching (object, key) does.
const o = { a: 0, b: 0 };
const other = { a: 0 };
const t = new Thread(() => Atomics.wait(o, "a", 0, 60000));
// Give the waiter time to fall asleep so that the wrong notifies below have someone to miss-wake;
// the output is the same if it has not.
Atomics.wait({ z: 0 }, "z", 0, 30);
const wrong = [Atomics.notify(o, "b"), Atomics.notify(other, "a"), Atomics.notify(o, "c"),
    Atomics.notify([0], 0)];
console.log(wrong.join(" "));
let n = 0;
while ((n = Atomics.notify(o, "a")) === 0) Atomics.wait({ z: 0 }, "z", 0, 1);
console.log(n, t.join());
