// 12 threads each store their own value in one ThreadLocal, repeatedly, while the others do
// the same: each thread only ever reads back what it wrote itself.
const tl = new ThreadLocal();
const threads = [];
for (let t = 0; t < 12; t++) {
    threads.push(new Thread((me) => {
        let mismatches = 0;
        for (let i = 0; i < 2000; i++) {
            tl.value = me * 10000 + i;
            if (tl.value !== me * 10000 + i) mismatches++;
        }
        return [mismatches, tl.value];
    }, t));
}
const results = threads.map((t) => t.join());
console.log(results.map((r) => r[0]).join(""));
console.log(results.every((r, t) => r[1] === t * 10000 + 1999));
console.log(tl.value);
