// JSON.stringify, spread and Object.entries of an object that another thread mutates: each
// snapshot is well-formed and holds only real keys and values. A spread may pair a key with
// undefined: CopyDataProperties finds the key, then the other thread deletes it before the [[Get]]
// (a legal interleaving of its steps), so undefined is a real value here, unlike garbage.
const o = { fixed: "f" };
const stop = { v: 0 };
const mutator = new Thread(() => {
    for (let i = 0; i < 3000; i++) {
        o["k" + (i % 20)] = i;
        if (i % 3 === 0) delete o["k" + ((i + 7) % 20)];
    }
    Atomics.store(stop, "v", 1);
});
let bad = 0, snapshots = 0;
while (Atomics.load(stop, "v") === 0 || snapshots < 50) {
    const parsed = JSON.parse(JSON.stringify(o));
    if (parsed.fixed !== "f") bad++;
    for (const [k, v] of Object.entries({ ...o })) {
        if (k !== "fixed" && !(k[0] === "k" && (v === undefined || Number.isInteger(v)))) bad++;
    }
    snapshots++;
}
mutator.join();
console.log(bad, o.fixed);
