// The integer-indexed exotic behaviour: canonical numeric string keys, out-of-range reads and
// writes, property descriptors, keys, freezing, and how console.log shows typed arrays and buffers.
const t = new Uint8Array([10, 20, 30]);
t[5] = 1;
t["-0"] = 2;
t["1.5"] = 3;
t.foo = "bar";
console.log(t[5], t["-0"], t["1.5"], t.foo, t.length, Object.keys(t));
console.log("2" in t, "3" in t, "-0" in t, "1.50" in t, delete t[3], delete t.foo);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(t, "1")), Object.getOwnPropertyDescriptor(t, "7"));
try { delete (function () { "use strict"; return t; })()[0]; } catch (e) { console.log(e.constructor.name); }
console.log(Object.defineProperty(t, "0", { value: 99 })[0]);
for (const desc of [{ value: 1, configurable: false }, { get() { return 1; } }, { value: 1, writable: false }]) {
    try { Object.defineProperty(t, "1", desc); console.log("defined"); } catch (e) { console.log(e.constructor.name); }
}
try { Object.freeze(t); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(Object.isFrozen(Object.freeze(new Int8Array(0))), Object.isExtensible(t));
const proto = Object.create(Uint8Array.prototype);
const inheriting = Object.create(t);
inheriting[0] = 7;
inheriting[9] = 7;
console.log(t[0], inheriting[0], Object.keys(inheriting), proto[0]);
console.log(new Uint8Array([1, 2, 3]), new Float64Array([1.5, -0, NaN]));
console.log(new Int16Array(0), [new Uint8ClampedArray(2)], { view: new Int32Array([7]) });
console.log(new Uint8Array([1, 255]).buffer, new SharedArrayBuffer(3));
console.log(new DataView(new ArrayBuffer(2), 1));
console.log(new Uint16Array(120));
