// N threads push into one array under a Lock: nothing is lost or duplicated.
const lock = new Lock();
const list = [];
const threads = [];
for (let t = 0; t < 6; t++) {
    threads.push(new Thread((base) => {
        for (let i = 0; i < 500; i++) lock.hold(() => list.push(base + i));
    }, t * 1000));
}
threads.forEach((t) => t.join());
console.log(list.length);
const sorted = list.slice().sort((x, y) => x - y);
let ok = true;
for (let t = 0; t < 6; t++) for (let i = 0; i < 500; i++) if (sorted[t * 500 + i] !== t * 1000 + i) ok = false;
console.log(ok, new Set(list).size);
// Each thread's own pushes keep their relative order.
let ordered = true;
const last = new Map();
for (const v of list) {
    const t = Math.floor(v / 1000);
    if (last.has(t) && last.get(t) > v) ordered = false;
    last.set(t, v);
}
console.log(ordered);
