// Atomics.load/store error cases on the property path, with their exact messages.
function show(label, fn) {
    try {
        console.log(label, "->", fn());
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const proto = { inherited: 1 };
const o = Object.create(proto);
o.own = 1;
Object.defineProperty(o, "acc", { get() { return 2; }, set(v) {}, configurable: true });
Object.defineProperty(o, "ro", { value: 3, writable: false, configurable: true });
show("load absent", () => Atomics.load(o, "absent"));
show("load accessor", () => Atomics.load(o, "acc"));
show("load inherited", () => Atomics.load(o, "inherited"));
show("load own", () => Atomics.load(o, "own"));
show("store accessor", () => Atomics.store(o, "acc", 1));
show("store read-only", () => Atomics.store(o, "ro", 1));
console.log("ro still", o.ro);
const sealed = Object.preventExtensions({ has: 1 });
show("store new on non-extensible", () => Atomics.store(sealed, "nope", 1));
show("store existing on non-extensible", () => Atomics.store(sealed, "has", 2));
const frozen = Object.freeze({ f: 1 });
show("store frozen", () => Atomics.store(frozen, "f", 2));
console.log("frozen still", frozen.f, "sealed has", sealed.has, "nope" in sealed);
// Storing to an inherited name creates an own property (the prototype is not touched).
show("store inherited", () => Atomics.store(o, "inherited", 9));
console.log(o.inherited, proto.inherited);
