// Map and Set get/has/size read without a lock [INT-14]. While a writer inserts, overwrites,
// deletes, clears and (through growth and compaction) rebuilds one Map and one Set, readers only
// ever see, for a key k, "absent" or a value the writer stored for k: never another key's value,
// a half-built entry or garbage from a replaced table. A value set before a reader starts is
// always found (a lookup that ends on a replaced table repeats on its successor).
const KEYS = 512;
const valueFor = (k, gen) => (typeof k === "number" ? k * 7 : k.length * 13) + gen * 100000;
const keys = [];
for (let i = 0; i < KEYS; i++) keys.push(i & 1 ? "s" + i : i);
const map = new Map(), set = new Set();
// Keys set before the readers start and never deleted, in a map the writer keeps growing.
const stable = new Map();
for (let i = 0; i < 64; i++) stable.set(i, i);
const box = { stop: 0 };
const writer = new Thread(() => {
    let gen = 0;
    while (!Atomics.load(box, "stop")) {
        gen++;
        for (const k of keys) { map.set(k, valueFor(k, gen)); set.add(k); }
        for (let i = 0; i < KEYS; i += 2) { map.delete(keys[i]); set.delete(keys[i]); }
        for (let i = 0; i < KEYS; i += 4) map.set(keys[i], valueFor(keys[i], gen));
        if (gen % 4 === 0) { map.clear(); set.clear(); }
        for (let i = 0; i < 8; i++) stable.set("g" + gen + "." + i, gen);
        if (gen >= 400) break;
    }
    return gen > 0;
});
function reader() {
    for (let pass = 0; pass < 40; pass++) {
        for (const k of keys) {
            const v = map.get(k);
            if (v !== undefined) {
                const base = valueFor(k, 0);
                if (typeof v !== "number" || (v - base) % 100000 !== 0 || v < base) return "key " + k + " read " + v;
            }
            const h = set.has(k);
            if (h !== true && h !== false) return "has returned " + h;
            if (stable.get(pass) !== pass || !stable.has(pass)) return "stable key " + pass + " missing";
            const n = map.size;
            if (typeof n !== "number" || n < 0 || n > KEYS + 1) return "size " + n;
        }
    }
    return "ok";
}
const readers = [new Thread(reader), new Thread(reader)];
const mine = reader();
const results = readers.map((t) => t.join()).concat(mine);
Atomics.store(box, "stop", 1);
console.log(writer.join(), results.join(" "));
// Quiescent: every key is found with its value, by every thread.
const quiet = new Map();
for (let i = 0; i < 3000; i++) quiet.set(i % 2 ? "q" + i : i, i);
const check = () => { for (let i = 0; i < 3000; i++) if (quiet.get(i % 2 ? "q" + i : i) !== i || !quiet.has(i % 2 ? "q" + i : i)) return "missing " + i; return "all found"; };
console.log(check(), new Thread(check).join(), quiet.get("absent"), quiet.has(-0) === quiet.has(0));
