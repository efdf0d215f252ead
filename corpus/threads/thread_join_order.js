// Joining in any order gives each thread's own result; finished threads join without blocking.
const threads = [];
for (let i = 0; i < 8; i++) threads.push(new Thread((n) => "t" + n, i));
const out = [];
for (let i = threads.length - 1; i >= 0; i--) out.push(threads[i].join());
console.log(out.join(" "));
for (let i = 0; i < threads.length; i++) out[i] = threads[i].join();
console.log(out.join(" "));
