// join() returns fn's result by SameValue: objects by identity, NaN and -0 preserved.
const obj = { x: 1 };
console.log(new Thread(() => obj).join() === obj);
const made = new Thread(() => ({ made: "in thread", list: [1, 2, 3] })).join();
console.log(made.made, made.list.length);
const nan = new Thread(() => NaN).join();
console.log(nan !== nan);
const negz = new Thread(() => -0).join();
console.log(Object.is(negz, -0), 1 / negz);
console.log(new Thread(() => undefined).join(), new Thread(() => null).join());
const sym = Symbol("s");
console.log(new Thread(() => sym).join() === sym);
const fn = new Thread(() => (a) => a * 2).join();
console.log(fn(21));
console.log(new Thread(() => 2 ** 53 + 2).join(), new Thread(() => "").join().length);
