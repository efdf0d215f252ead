// A small tour of jsthreads: classes, closures, generators, promises, the event loop, threads.
class Account {
  constructor(owner, balance = 0) { this.owner = owner; this.balance = balance; }
  deposit(amount) { this.balance += amount; return this; }
  toString() { return `${this.owner}: ${this.balance.toFixed(2)}`; }
}

const accounts = ["ada", "grace", "linus"].map((name, i) => new Account(name, i * 100));
accounts.forEach(a => a.deposit(12.5));
console.log(accounts.map(String).join("; "));

function* fibonacci() {
  let [a, b] = [0, 1];
  for (;;) { yield a; [a, b] = [b, a + b]; }
}
const first = [];
for (const n of fibonacci()) { if (n > 100) break; first.push(n); }
console.log("fibonacci:", first);

const totals = new Map(accounts.map(a => [a.owner, a.balance]));
console.log(totals);

async function later(value) { await null; return value * 2; }
later(21).then(v => console.log("async result:", v));
setTimeout(() => console.log("timer fired last"), 1);
console.log("end of script");

// Threads share the heap: four workers count into one object with Atomics, then tally a shared
// Map under a Lock. join() returns each worker's result.
const counter = { hits: 0 };
const seen = new Map();
const lock = new Lock();
const workers = [1, 2, 3, 4].map(n => new Thread(id => {
  for (let i = 0; i < 10000; i++) Atomics.add(counter, "hits", 1);
  lock.hold(() => seen.set(id, Thread.current.id));
  return id * id;
}, n));
console.log("squares from threads:", workers.map(t => t.join()));
console.log("hits:", counter.hits, "workers seen:", seen.size);
