// String-heavy threads: concatenation (ropes), slicing, number-to-string and joins on several
// threads at once; results compared with the same work done on main.
function work(seed) {
    let acc = "";
    let total = 0;
    for (let i = 0; i < 3000; i++) {
        const s = "item-" + (seed * 7 + i) + "-" + String(i * 0.5);
        acc += s.slice(0, 6);
        if (acc.length > 500) { total += acc.length; acc = acc.slice(250); }
        total += [s, s.toUpperCase()].join("|").length;
    }
    return total + ":" + acc.length;
}
const ts = [0, 1, 2, 3].map((seed) => new Thread(work, seed));
const r = ts.map((t) => t.join());
console.log(r.every((x, i) => x === work(i)), r.length);
