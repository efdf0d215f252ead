// @repeat: 2
// Main keeps adding properties and elements to its own object and array while a thread stores
// into the existing ones (foreign writes racing owner growth): no completed store is lost.
const o = { a: 0, b: 0, c: 0 };
const arr = [0, 0, 0, 0];
const go = { v: 0 };
const t = new Thread(() => {
    while (Atomics.load(go, "v") === 0) Atomics.wait(go, "v", 0);
    for (let i = 1; i <= 3000; i++) {
        o.a = i;
        arr[1] = i;
    }
    o.b = "foreign";
    arr[2] = "foreign";
});
Atomics.store(go, "v", 1);
Atomics.notify(go, "v");
for (let i = 0; i < 3000; i++) {
    o["p" + i] = i;
    arr.push(i);
}
t.join();
console.log(o.a, o.b, arr[1], arr[2], arr.length, Object.keys(o).length, o.p2999, arr[3003]);
