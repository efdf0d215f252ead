// The symbol registry and well-known symbols are shared by all threads.
const fromThreads = [0, 1, 2, 3].map((i) => new Thread(() => [Symbol.for("app.key"), Symbol.for("k" + i)]));
const results = fromThreads.map((t) => t.join());
const mainSym = Symbol.for("app.key");
console.log(results.every((r) => r[0] === mainSym));
console.log(results.every((r, i) => r[1] === Symbol.for("k" + i) && Symbol.keyFor(r[1]) === "k" + i));
console.log(new Thread(() => Symbol.iterator).join() === Symbol.iterator);
// A unique symbol made on a thread works as a property key everywhere.
const sym = new Thread(() => Symbol("unique")).join();
const o = { [sym]: "value" };
console.log(new Thread(() => o[sym]).join(), sym.toString(), Symbol.keyFor(sym));
