// @repeat: 2
// One thread deletes and re-adds the same properties over and over while readers read them:
// a reader sees the property's value or undefined, never anything else, and Object.keys
// returns only real keys.
const o = { a: "A", b: "B", c: "C" };
const stop = { v: 0 };
const readers = [0, 1].map(() => new Thread(() => {
    let bad = 0, n = 0;
    while (Atomics.load(stop, "v") === 0 || n < 500) {
        const a = o.a, b = o.b, c = o.c;
        if (a !== "A" && a !== undefined) bad++;
        if (b !== "B" && b !== undefined) bad++;
        if (c !== "C" && c !== undefined) bad++;
        for (const k of Object.keys(o)) if (k !== "a" && k !== "b" && k !== "c" && k !== "extra") bad++;
        n++;
    }
    return bad;
}));
const mutator = new Thread(() => {
    for (let i = 0; i < 3000; i++) {
        delete o.b;
        o.b = "B";
        delete o.a;
        o.extra = i;
        o.a = "A";
        delete o.extra;
    }
});
mutator.join();
Atomics.store(stop, "v", 1);
console.log(readers.map((t) => t.join()).join(" "), Object.keys(o).sort().join(","), o.a + o.b + o.c);
