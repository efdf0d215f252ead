// Atomics.load/store on (object, key): values round-trip by SameValue; store returns v itself
// (no numeric coercion on the property path) and creates missing properties.
const o = { x: 1 };
console.log(Atomics.load(o, "x"), Atomics.store(o, "x", 2), o.x, Atomics.load(o, "x"));
console.log(Atomics.store(o, "x", 7.9), o.x, Atomics.store(o, "s", "text"), o.s);
const ref = { deep: true };
console.log(Atomics.store(o, "obj", ref) === ref, Atomics.load(o, "obj") === ref);
Atomics.store(o, "u", undefined);
console.log(Atomics.load(o, "u"), "u" in o);
Atomics.store(o, "nan", NaN);
const nan = Atomics.load(o, "nan");
console.log(nan !== nan, Object.is(Atomics.store(o, "z", -0), -0), Object.is(Atomics.load(o, "z"), -0));
const d = Object.getOwnPropertyDescriptor(o, "s");
console.log(d.writable, d.enumerable, d.configurable);
// A non-writable own data property is still loadable.
Object.defineProperty(o, "ro", { value: "read only", writable: false });
console.log(Atomics.load(o, "ro"));
// Storing to an existing property keeps its attributes.
const target = {};
Object.defineProperty(target, "pinned", { value: 1, writable: true, enumerable: false, configurable: false });
Atomics.store(target, "pinned", 5);
const pd = Object.getOwnPropertyDescriptor(target, "pinned");
console.log(pd.value, pd.writable, pd.enumerable, pd.configurable);
console.log(Object.keys(o).join(","));
