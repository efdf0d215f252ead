// Spin-waiting on a plain property (no Atomics, no blocking) still finishes in both modes: under
// --gil the spinning thread hands the global lock over after a time slice, and under --threads
// a plain store by one thread becomes visible to a plain load loop on another.
const o = { flag: 0, data: null };
const t = new Thread(() => {
    let spins = 0;
    while (o.flag === 0) spins++;          // waits for main
    o.data = "reply to " + o.data;
    o.flag = 2;
    return spins >= 0;
});
o.data = "request";
o.flag = 1;
while (o.flag !== 2) {}                    // waits for the thread
console.log(o.data, t.join());
