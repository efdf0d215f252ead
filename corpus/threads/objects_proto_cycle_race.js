// @repeat: 2
// Two threads race to link two objects' prototypes to each other: at most one link can succeed
// (the other sees the cycle and throws TypeError), so no prototype cycle ever exists. Both
// threads spin briefly on a shared counter first so that their setPrototypeOf calls overlap
// (bounded, so that under --gil, where only one runs at a time, nobody waits for a time slice).
function link(from, to, start) {
    Atomics.add(start, "ready", 1);
    for (let i = 0; i < 20000 && Atomics.load(start, "ready") < 2; i++) {}
    try {
        Object.setPrototypeOf(from, to);
        return 1;
    } catch (e) {
        return e instanceof TypeError ? 0 : -100;
    }
}
let cycles = 0, links = 0, refused = 0;
for (let round = 0; round < 20; round++) {
    const a = {}, b = {};
    const start = { ready: 0 };
    const t1 = new Thread(link, a, b, start);
    const t2 = new Thread(link, b, a, start);
    const r = t1.join() + t2.join();
    links += r;
    refused += 2 - r;
    if (Object.getPrototypeOf(a) === b && Object.getPrototypeOf(b) === a) cycles++;
}
console.log(cycles, links, refused);
