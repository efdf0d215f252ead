// A Map shared by threads: concurrent inserts of distinct keys under a Lock, then concurrent
// lock-free reads while nobody writes; then a locked word count.
const lock = new Lock();
const map = new Map();
const writers = [];
for (let t = 0; t < 4; t++) {
    writers.push(new Thread((me) => {
        for (let i = 0; i < 500; i++) lock.hold(() => map.set("k" + (me * 500 + i), me * 500 + i));
    }, t));
}
writers.forEach((t) => t.join());
console.log(map.size);
const readers = [];
for (let t = 0; t < 3; t++) {
    readers.push(new Thread(() => {
        let sum = 0;
        for (let i = 0; i < 2000; i++) sum += map.get("k" + i);
        let iterated = 0;
        for (const [k, v] of map) if (k === "k" + v) iterated++;
        return sum + "/" + iterated;
    }));
}
console.log(readers.map((t) => t.join()).join(" "));
// Word count: each thread counts words of its own text into the shared Map.
const counts = new Map();
const texts = ["a b c a", "b c d", "a a a", "d e"];
texts.map((text) => new Thread(() => {
    for (const w of text.split(" ")) lock.hold(() => counts.set(w, (counts.get(w) || 0) + 1));
})).forEach((t) => t.join());
console.log([...counts.entries()].sort().map(([k, v]) => k + "=" + v).join(" "));
