// Threads build long linked lists that stay reachable only from a shared array, while all of
// them also allocate garbage; after the collections the lists are intact.
const roots = [];
const lock = new Lock();
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        let head = null;
        for (let i = 0; i < 5000; i++) {
            head = { value: me * 100000 + i, next: head, pad: [i] };
            if (i % 10 === 0) { let g = []; for (let j = 0; j < 50; j++) g.push({ j }); }
        }
        lock.hold(() => roots.push(head));
    }, t));
}
ts.forEach((t) => t.join());
let garbage = 0;
for (let i = 0; i < 100000; i++) garbage += [i, { i }].length;
const summary = roots.map((head) => {
    let n = 0, sum = 0, node = head;
    while (node) { n++; sum += node.value % 100000; node = node.next; }
    return [Math.floor(head.value / 100000), n, sum];
}).sort((a, b) => a[0] - b[0]);
console.log(summary.map((s) => s.join(":")).join(" "), garbage);
