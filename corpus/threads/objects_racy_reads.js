// @repeat: 2
// Readers racing writers on one object read only values that some writer stored (or the
// initial value, or undefined for a deleted/absent property): no torn or invented values.
const o = { a: 0, b: "s0", c: { v: 0 } };
const stop = { v: 0 };
const readers = [];
for (let r = 0; r < 2; r++) {
    readers.push(new Thread(() => {
        let bad = 0, reads = 0;
        while (Atomics.load(stop, "v") === 0 || reads < 1000) {
            const a = o.a, b = o.b, c = o.c, d = o.d;
            if (!(Number.isInteger(a) && a >= 0 && a < 5000)) bad++;
            if (typeof b !== "string" || b[0] !== "s") bad++;
            if (typeof c !== "object" || !Number.isInteger(c.v)) bad++;
            if (d !== undefined && d !== "present") bad++;
            reads++;
        }
        return bad;
    }));
}
const writer = new Thread(() => {
    for (let i = 0; i < 5000; i++) {
        o.a = i;
        o.b = "s" + i;
        o.c = { v: i };
        if (i % 2) o.d = "present"; else delete o.d;
    }
});
writer.join();
Atomics.store(stop, "v", 1);
console.log(readers.map((t) => t.join()).join(" "), o.a, o.b, o.c.v, o.d);
