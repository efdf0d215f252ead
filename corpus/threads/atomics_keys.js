// Keys go through ToPropertyKey: numbers name the same property as their strings, objects are
// converted (their toString runs, and its exception propagates), symbols work end to end.
const o = {};
Atomics.store(o, 1, "one");
console.log(o["1"], Atomics.load(o, "1"), Atomics.load(o, 1.0));
let calls = 0;
const keyObj = { toString() { calls++; return "named"; } };
Atomics.store(o, keyObj, 5);
console.log(o.named, Atomics.add(o, keyObj, 1), o.named, calls);
const sym = Symbol("sk");
o[sym] = 4;
console.log(Atomics.load(o, sym), Atomics.add(o, sym, 1), o[sym]);
Atomics.store(o, sym, "s");
console.log(o[sym]);
const keyBoom = new Error("key-boom");
try {
    Atomics.load(o, { toString() { throw keyBoom; } });
} catch (e) {
    console.log(e === keyBoom);
}
// Key coercion happens before the own-property check.
let coerced = false;
try {
    Atomics.load(o, { toString() { coerced = true; return "absent"; } });
} catch (e) {
    console.log(coerced, e instanceof TypeError);
}
console.log(Atomics.store(o, undefined, "u"), o.undefined, Atomics.store(o, null, "n"), o.null);
