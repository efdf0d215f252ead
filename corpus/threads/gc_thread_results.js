// Results of finished threads stay alive until joined, however much garbage is made meanwhile;
// arguments stay alive until the thread runs.
const threads = [];
for (let t = 0; t < 10; t++) {
    const arg = { payload: "arg" + t, list: [t, t * 2] };
    threads.push(new Thread((a) => ({ echoed: a.payload, sum: a.list[0] + a.list[1], made: [a] }), arg));
}
let junk = 0;
for (let i = 0; i < 200000; i++) junk += { i }.i % 2;
const out = threads.map((t) => {
    const r = t.join();
    return r.echoed + "=" + r.sum + (r.made[0].payload === r.echoed ? "" : "!");
});
console.log(out.join(" "), junk);
