// One function's property accesses (the same inline-cache sites) used from several threads
// with objects of different shapes at the same time: every read returns the right value.
function getX(o) { return o.x; }
function setY(o, v) { o.y = v; }
const makers = [
    (i) => ({ x: i }),
    (i) => ({ a: 0, x: i }),
    (i) => ({ a: 0, b: 0, x: i }),
    (i) => { const o = Object.create({ x: -1 }); o.x = i; return o; },
];
const ts = makers.map((make) => new Thread(() => {
    let bad = 0;
    for (let i = 0; i < 5000; i++) {
        const o = make(i);
        setY(o, i);
        if (getX(o) !== i || o.y !== i) bad++;
    }
    return bad;
}));
console.log(ts.map((t) => t.join()).join(" "));
