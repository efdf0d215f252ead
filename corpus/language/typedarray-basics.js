// Typed array construction from lengths, arrays, iterables, other typed arrays and buffers, the
// conversions each kind applies on store, and views sharing one ArrayBuffer.
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
               Uint32Array, Float32Array, Float64Array];
const samples = [0, -1, 1.5, 2.5, 255.5, 256, -129, 65536 + 7, 2 ** 31, -(2 ** 31) - 1, NaN, Infinity, -0];
for (const K of kinds) {
    const t = new K(samples);
    console.log(K.name, K.BYTES_PER_ELEMENT, t.length, t.byteLength, t.join(" "));
}
const buffer = new ArrayBuffer(8);
const bytes = new Uint8Array(buffer);
const words = new Uint16Array(buffer, 2, 2);
const whole = new Float64Array(buffer);
words[0] = 0xBEEF;
words[1] = 0x1234;
console.log(Array.from(bytes), words.byteOffset, words.byteLength, whole.length);
whole[0] = -0.5;
console.log(bytes.join(","), buffer.byteLength, ArrayBuffer.isView(words), ArrayBuffer.isView(buffer));
console.log(new Int16Array(new Set([1, 2, 3])).join(), new Uint8Array({ length: 3, 0: 9, 2: "7" }).join());
console.log(new Float32Array(new Int8Array([-1, 2])).join(), new Uint8Array(3).join(), new Int32Array().length);
const copy = new Uint8Array(bytes);
copy[7] = 1;
console.log(bytes[7] !== copy[7], copy.buffer !== bytes.buffer);
for (const bad of [-1, 2 ** 53]) {
    try { new Uint8Array(bad); } catch (e) { console.log(e.constructor.name); }
}
try { new Int32Array(new ArrayBuffer(6)); } catch (e) { console.log(e.constructor.name); }
try { new Int32Array(new ArrayBuffer(8), 2); } catch (e) { console.log(e.constructor.name); }
try { new Int32Array(new ArrayBuffer(8), 4, 2); } catch (e) { console.log(e.constructor.name); }
try { Uint8Array(2); } catch (e) { console.log(e.constructor.name); }
const shared = new SharedArrayBuffer(4);
new Int8Array(shared)[3] = -2;
console.log(new Uint8Array(shared).join(), shared.byteLength, Object.prototype.toString.call(shared));
console.log(buffer.slice(2, 6).byteLength, new Uint8Array(buffer.slice(-2)).join(), shared.slice(1).byteLength);
