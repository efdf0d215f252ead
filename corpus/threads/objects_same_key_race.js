// @repeat: 2
// Several threads add the same new keys to one object at the same moment: each key ends up
// present exactly once, holding one of the written values.
let duplicates = 0, wrong = 0, missing = 0;
for (let round = 0; round < 10; round++) {
    const o = {};
    const start = { ready: 0 };
    const ts = [0, 1, 2].map((me) => new Thread(() => {
        Atomics.add(start, "ready", 1);
        for (let i = 0; i < 20000 && Atomics.load(start, "ready") < 3; i++) {}
        for (let k = 0; k < 50; k++) o["key" + k] = me;
    }));
    ts.forEach((t) => t.join());
    const keys = Object.keys(o);
    duplicates += keys.length - new Set(keys).size;
    for (let k = 0; k < 50; k++) {
        if (!(("key" + k) in o)) missing++;
        else if (![0, 1, 2].includes(o["key" + k])) wrong++;
    }
}
console.log(duplicates, wrong, missing);
