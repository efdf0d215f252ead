// Resizable ArrayBuffer and growable SharedArrayBuffer (ES2024): length-tracking and fixed views,
// out-of-bounds views after a shrink, methods that re-read the length after running JS.
function tryIt(f) {
    try { return f(); } catch (e) { return e.name; }
}
const ab = new ArrayBuffer(6, { maxByteLength: 12 });
const all = new Int16Array(ab);
const tail = new Int16Array(ab, 4);
const pair = new Int16Array(ab, 2, 2);
const view = new DataView(ab, 2);
console.log(ab.resizable, ab.maxByteLength, all.length, tail.length, pair.length, view.byteLength);
all.set([1, 2, 3]);
ab.resize(12);
console.log(all.length, tail.length, pair.length, view.byteLength, [...all]);
all.fill(-1, 3);
ab.resize(4);
console.log(all.length, tail.length, tail.byteOffset, pair.length, pair.byteLength, view.byteLength);
console.log(tryIt(() => pair.join()), tryIt(() => view.getInt16(2)), tryIt(() => view.getInt16(0)));
console.log(all[1], all[2], Object.keys(all), JSON.stringify(all));
ab.resize(10);
console.log([...all], [...pair], tail.length);
const sub = all.subarray(1);
const fixedSub = all.subarray(1, 3);
ab.resize(8);
console.log(sub.length, fixedSub.length, sub.byteOffset);
const mapped = all.map((v, i) => { if (i === 0) ab.resize(4); return v * 10; });
console.log([...mapped], all.length);
ab.resize(12);
all.set([5, 4, 3, 2, 1, 0]);
console.log(all.lastIndexOf(3), all.findLast(v => v > 3), all.reduce((a, b) => a + b), all.slice(-2));
const cut = all.filter((v, i) => { if (i === 2) ab.resize(6); return true; });
console.log([...cut], all.length);
console.log(tryIt(() => ab.resize(13)), tryIt(() => new ArrayBuffer(4, { maxByteLength: 2 })), tryIt(() => new ArrayBuffer(4).resize(2)));
console.log(new ArrayBuffer(3, { maxByteLength: undefined }).resizable, new ArrayBuffer(3, {}).resizable);
const sab = new SharedArrayBuffer(2, { maxByteLength: 8 });
const bytes = new Uint8Array(sab);
bytes[1] = 9;
sab.grow(8);
console.log(sab.growable, sab.byteLength, bytes.length, bytes.join(), tryIt(() => sab.grow(4)), tryIt(() => sab.grow(9)));
console.log(Object.getOwnPropertyNames(ArrayBuffer.prototype).filter(n => /size|Length|able/.test(n) && !n.startsWith("transfer")).sort());

// Array iterators over a view its buffer's shrink left out of bounds throw (ES2024 23.1.5.1).
{
    const rab = new ArrayBuffer(8, { maxByteLength: 16 });
    const fixed = new Uint8Array(rab, 0, 8);
    const it = fixed.values();
    console.log(it.next().value);
    rab.resize(4);
    try { it.next(); console.log("no throw"); } catch (e) { console.log(e.constructor.name); }
    const tracking = new Uint8Array(rab, 2);
    const it2 = tracking.keys();
    rab.resize(1);
    try { it2.next(); console.log("no throw"); } catch (e) { console.log(e.constructor.name); }
    rab.resize(8);
    const it3 = new Uint8Array(rab).entries(); let n = 0; for (const x of it3) n++; console.log(n);
}
