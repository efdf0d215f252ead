// for-in and Object.keys over an object that another thread keeps extending: every key seen is a
// real key, and the keys present before the loop started are always all seen.
const o = { base0: 0, base1: 1, base2: 2 };
const stop = { v: 0 };
const writer = new Thread(() => {
    for (let i = 0; i < 2000; i++) o["w" + i] = i;
    Atomics.store(stop, "v", 1);
});
let bad = 0, loops = 0;
while (Atomics.load(stop, "v") === 0 || loops < 50) {
    const seen = new Set();
    for (const k in o) {
        if (!(k.startsWith("base") || k.startsWith("w"))) bad++;
        seen.add(k);
    }
    if (!seen.has("base0") || !seen.has("base1") || !seen.has("base2")) bad++;
    for (const k of Object.keys(o)) if (!(k in o)) bad++;
    loops++;
}
writer.join();
console.log(bad, Object.keys(o).length);
