// RMW errors: the property must be an own, writable data property holding a Number.
function show(label, fn) {
    try {
        console.log(label, "->", fn());
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const o = Object.create({ inherited: 1 });
Object.defineProperty(o, "acc", { get() { return 1; }, configurable: true });
o.str = "x";
o.obj = {};
o.undef = undefined;
show("add absent", () => Atomics.add(o, "absent", 1));
show("sub inherited", () => Atomics.sub(o, "inherited", 1));
show("and accessor", () => Atomics.and(o, "acc", 1));
show("add string", () => Atomics.add(o, "str", 1));
show("xor string", () => Atomics.xor(o, "str", 1));
show("or object", () => Atomics.or(o, "obj", 1));
show("sub undefined", () => Atomics.sub(o, "undef", 1));
const frozen = Object.freeze({ word: 0 });
show("add frozen", () => Atomics.add(frozen, "word", 1));
show("or frozen", () => Atomics.or(frozen, "word", 1));
show("add frozen string", () => Atomics.add(Object.freeze({ s: "x" }), "s", 1));
console.log(o.str, frozen.word, "absent" in o);
