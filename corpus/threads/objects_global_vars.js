// Threads add distinct global variables (properties of the shared global object) at the same
// time; every one of them is there afterwards, visible as a global binding.
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        for (let i = 0; i < 200; i++) globalThis["g_" + me + "_" + i] = me * 1000 + i;
    }, t));
}
ts.forEach((t) => t.join());
let found = 0;
for (let t = 0; t < 4; t++) for (let i = 0; i < 200; i++) if (globalThis["g_" + t + "_" + i] === t * 1000 + i) found++;
console.log(found, g_3_199, typeof g_0_0);
