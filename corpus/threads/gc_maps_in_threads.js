// Maps and Sets built and discarded by several threads at once, with object keys that must be
// kept alive while they are in the map.
function work(seed) {
    let total = 0;
    for (let round = 0; round < 20; round++) {
        const m = new Map();
        const keys = [];
        for (let i = 0; i < 300; i++) {
            const k = { id: i };
            keys.push(k);
            m.set(k, i * seed);
            m.set("s" + i, i);
        }
        for (const k of keys) total += m.get(k) + m.get("s" + k.id);
        const set = new Set(keys);
        total += set.size;
    }
    return total;
}
const ts = [1, 2, 3, 4].map((s) => new Thread(work, s));
const r = ts.map((t) => t.join());
console.log(r.join(" "));
