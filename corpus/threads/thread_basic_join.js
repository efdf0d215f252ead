// A spawned thread runs its function and join() returns the function's result.
const t = new Thread(() => 6 * 7);
console.log(t.join());
console.log(new Thread(function () { return "hello from a thread"; }).join());
console.log(t instanceof Thread, Object.getPrototypeOf(t) === Thread.prototype);
