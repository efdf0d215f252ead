// Restriction is enforced even at property-access sites that are already warm (cached) on the
// foreign thread: a thread reads and writes an object in a hot loop, main then restricts it, and
// the very same sites now throw ConcurrentAccessError.
const o = { f: 1, g: 2 };
const arr = [1, 2, 3];
const sync = { phase: 0 };
function read(x) { return x.f + x.g; }
function write(x, v) { x.f = v; }
function writeIndex(a, v) { a[1] = v; }
const t = new Thread(() => {
    let sum = 0;
    for (let i = 0; i < 20000; i++) { write(o, 1); sum += read(o); writeIndex(arr, i); }
    Atomics.store(sync, "phase", 1);
    Atomics.notify(sync, "phase");
    while (Atomics.load(sync, "phase") !== 2) Atomics.wait(sync, "phase", 1);
    const out = [sum];
    for (const [label, fn] of [["read", () => read(o)], ["write", () => write(o, 5)],
        ["index write", () => writeIndex(arr, -1)]]) {
        try { fn(); out.push(label + " ok"); } catch (e) {
            out.push(label + (e instanceof ConcurrentAccessError ? " CAE" : " " + e.name));
        }
    }
    return out.join(", ");
});
while (Atomics.load(sync, "phase") !== 1) Atomics.wait(sync, "phase", 0);
Thread.restrict(o);
Thread.restrict(arr);
Atomics.store(sync, "phase", 2);
Atomics.notify(sync, "phase");
console.log(t.join());
// Main (the owner) still uses the same functions freely.
write(o, 10);
writeIndex(arr, 7);
console.log(read(o), arr.join(","));
