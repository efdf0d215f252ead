// Threads started and finished continuously while the survivors allocate: 60 short threads in
// waves of 6, each allocating a little and returning a structure that is checked after join.
let total = 0;
for (let wave = 0; wave < 10; wave++) {
    const ts = [];
    for (let k = 0; k < 6; k++) {
        ts.push(new Thread((n) => {
            const list = [];
            for (let i = 0; i < 300; i++) list.push({ n, i, s: "s" + i });
            return list;
        }, wave * 6 + k));
    }
    for (const t of ts) {
        const list = t.join();
        total += list.length + list[299].i + list[0].n;
    }
}
console.log(total);
