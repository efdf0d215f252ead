// Per-iteration let bindings captured by thread functions: each thread sees its own iteration's
// value; a var is shared by all.
const threads = [];
for (let i = 0; i < 5; i++) threads.push(new Thread(() => i * 10));
console.log(threads.map((t) => t.join()).join(","));
var shared = 0;
const adders = [];
const lock = new Lock();
for (var j = 0; j < 5; j++) adders.push(new Thread(() => lock.hold(() => { shared += 1; })));
adders.forEach((t) => t.join());
console.log(shared, j);
