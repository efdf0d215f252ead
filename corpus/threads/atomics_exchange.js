// Atomics.exchange: needs an existing own data property, stores any value, returns the old one.
function show(label, fn) {
    try {
        console.log(label, "->", fn());
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const o = { e: "before" };
show("string", () => Atomics.exchange(o, "e", "after"));
console.log(o.e);
const ref = {};
Atomics.exchange(o, "e", ref);
console.log(Atomics.exchange(o, "e", 1) === ref, o.e);
o.s = "not a number";
show("non-number stored", () => Atomics.exchange(o, "s", 7));
console.log(o.s);
show("absent", () => Atomics.exchange(o, "absent", 1));
show("inherited", () => Atomics.exchange(Object.create(o), "e", 1));
Object.defineProperty(o, "ro", { value: 3, writable: false });
show("read-only", () => Atomics.exchange(o, "ro", 1));
show("frozen", () => Atomics.exchange(Object.freeze({ w: 0 }), "w", 1));
// exchange as a test-and-set: exactly one of many threads wins.
const flag = { taken: 0 };
const ts = [];
for (let i = 0; i < 8; i++) ts.push(new Thread(() => Atomics.exchange(flag, "taken", 1) === 0 ? 1 : 0));
console.log("winners:", ts.reduce((s, t) => s + t.join(), 0));
