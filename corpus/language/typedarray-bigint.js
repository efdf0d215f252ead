// BigInt64Array, BigUint64Array and DataView's BigInt methods: elements are BigInts stored
// modulo 2**64, content types never mix (a Number into a BigInt array is a TypeError and the
// other way round), and every %TypedArray% method works on BigInt elements.
const show = (t) => Array.from(t, String).join(",");
const big = new BigInt64Array([1n, -2n, 2n ** 63n, -(2n ** 63n) - 1n]);
const ubig = new BigUint64Array([1n, -1n, 2n ** 64n + 5n]);
console.log(show(big), show(ubig), BigInt64Array.BYTES_PER_ELEMENT, BigUint64Array.name);
console.log(typeof big[0], big[0] === 1n, big[9], Object.prototype.toString.call(ubig));

// Conversions: ToBigInt accepts booleans and numeric strings, rejects Numbers and undefined.
const conv = new BigInt64Array(4);
conv[0] = true;
conv[1] = "-12";
conv[2] = { valueOf() { return 7n; } };
console.log(show(conv));
for (const f of [() => { conv[0] = 1; }, () => { conv[0] = undefined; }, () => conv.fill(3),
                 () => { new Int32Array(2)[0] = 1n; }, () => new Float64Array([1n]),
                 () => new BigInt64Array([1]), () => new Int8Array(big), () => new BigInt64Array(new Int8Array(2)),
                 () => big.set(new Float32Array(1)), () => new Float32Array(2).set(big), () => new Float32Array(9).set(big),
                 () => BigInt64Array.of(1, 2), () => Object.defineProperty(conv, "0", { value: 1 })]) {
    try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}

// Between the two BigInt kinds the bits carry over.
console.log(show(new BigUint64Array(big)), show(new BigInt64Array(ubig)));
const mixed = new BigInt64Array(3);
mixed.set(ubig);
console.log(show(mixed));

// Methods.
const t = new BigInt64Array([5n, -3n, 10n, 0n, -3n]);
console.log(show(t.slice().sort()), show(t.slice().sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))));
console.log(t.indexOf(-3n), t.lastIndexOf(-3n), t.includes(10n), t.includes(10), t.indexOf(2n ** 64n - 3n));
console.log(new BigUint64Array([2n ** 64n - 1n]).includes(-1n), new BigUint64Array([2n ** 64n - 1n]).includes(2n ** 64n - 1n));
console.log(t.join("|"), String(t.reduce((a, b) => a + b)), String(t.at(-1)), String(t.find((x) => x > 6n)));
console.log(show(t.map((x) => x * 2n)), show(t.filter((x) => x < 0n)), show(t.subarray(1, 3)));
console.log(show(t.slice(-2)), show(new BigInt64Array(3).fill(-1n)), show(t.slice().reverse()));
console.log(show(t.copyWithin(0, 3)), [...t.keys()].join(), Array.from(t.entries(), ([k, v]) => k + ":" + v).join());
try { t.map(() => 1); } catch (e) { console.log(e.constructor.name); }
class Numbers extends BigInt64Array { static get [Symbol.species]() { return Float64Array; } }
try { new Numbers(2).slice(); } catch (e) { console.log(e.constructor.name); }
console.log(show(BigUint64Array.from([1, 2, 3], (x) => BigInt(x) ** 20n)), show(BigInt64Array.of(-1n, 2n)));

// DataView.
const view = new DataView(new ArrayBuffer(16));
view.setBigInt64(0, -2n);
view.setBigUint64(8, 0x0102030405060708n, true);
console.log(String(view.getBigUint64(0)), String(view.getBigInt64(0)), String(view.getBigInt64(0, true)));
console.log(String(view.getBigUint64(8, true)), String(view.getBigUint64(8)), new Uint8Array(view.buffer, 8, 2).join());
for (const f of [() => view.setBigInt64(0, 1), () => view.setBigInt64(9, 1n), () => view.getBigUint64(-1),
                 () => view.setFloat64(0, 1n)]) {
    try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
console.log(DataView.prototype.getBigInt64.length, DataView.prototype.setBigUint64.length);

// Atomics on BigInt64Array and BigUint64Array.
const sab = new BigInt64Array(new SharedArrayBuffer(16));
console.log(String(Atomics.store(sab, 0, 5n)), String(Atomics.add(sab, 0, 2n ** 63n)), String(Atomics.load(sab, 0)));
console.log(String(Atomics.compareExchange(sab, 1, 0n, -1n)), String(Atomics.exchange(sab, 1, 3n)), String(sab[1]));
const usab = new BigUint64Array(sab.buffer);
console.log(String(Atomics.sub(usab, 1, 4n)), String(Atomics.and(usab, 1, 0xffn)), String(Atomics.or(usab, 1, 256n)),
            String(Atomics.xor(usab, 1, 1n)), String(usab[1]));
console.log(Atomics.wait(sab, 0, 0n, 0), Atomics.wait(sab, 1, 510n, 0), Atomics.notify(sab, 0), Atomics.notify(new BigInt64Array(2), 0));
for (const f of [() => Atomics.add(sab, 0, 1), () => Atomics.wait(usab, 0, 0n, 0), () => Atomics.store(sab, 2, 0n)]) {
    try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
