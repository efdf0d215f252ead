// @repeat: 2
// Threads build many objects by adding the same property names in the same and in different
// orders at once (racing on shared shape transitions); every object reads back exactly.
function build(order, n) {
    const out = [];
    for (let i = 0; i < n; i++) {
        const o = {};
        for (const name of order) o[name] = name + i;
        out.push(o);
    }
    return out;
}
const orders = [["a", "b", "c", "d"], ["a", "b", "c", "d"], ["d", "c", "b", "a"], ["b", "a", "d", "c"]];
const ts = orders.map((order) => new Thread(build, order, 1500));
let bad = 0;
ts.forEach((t, ti) => {
    const objs = t.join();
    objs.forEach((o, i) => {
        if (Object.keys(o).join("") !== orders[ti].join("")) bad++;
        for (const name of ["a", "b", "c", "d"]) if (o[name] !== name + i) bad++;
    });
});
console.log(bad);
