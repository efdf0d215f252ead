// Threads add, overwrite and delete their own keys on one shared object while others do the
// same: the final set of keys and values is exactly what each thread left behind.
const shared = {};
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread((me) => {
        for (let round = 0; round < 5; round++) {
            for (let i = 0; i < 100; i++) shared["k" + me + "_" + i] = round;
            for (let i = 0; i < 100; i += 2) delete shared["k" + me + "_" + i];
        }
    }, t));
}
threads.forEach((t) => t.join());
const keys = Object.keys(shared);
let bad = 0;
for (const k of keys) {
    const i = Number(k.slice(k.indexOf("_") + 1));
    if (i % 2 === 0 || shared[k] !== 4) bad++;
}
console.log(keys.length, bad);
for (let t = 0; t < 4; t++) {
    let present = 0;
    for (let i = 0; i < 100; i++) if (("k" + t + "_" + i) in shared) present++;
    console.log("thread", t, present);
}
