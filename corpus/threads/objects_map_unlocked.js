// @repeat: 2
// Map and Set are safe under concurrent use without a Lock: threads inserting distinct keys at
// once lose none, and every entry is intact.
const m = new Map();
const s = new Set();
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        for (let i = 0; i < 500; i++) {
            m.set(me * 1000 + i, "v" + (me * 1000 + i));
            s.add("s" + (me * 1000 + i));
        }
    }, t));
}
ts.forEach((t) => t.join());
let bad = 0;
for (let t = 0; t < 4; t++) {
    for (let i = 0; i < 500; i++) {
        const k = t * 1000 + i;
        if (m.get(k) !== "v" + k || !s.has("s" + k)) bad++;
    }
}
let iterated = 0;
for (const [k, v] of m) if (v === "v" + k) iterated++;
console.log(m.size, s.size, bad, iterated);
