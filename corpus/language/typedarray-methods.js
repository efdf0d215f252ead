// %TypedArray%.prototype methods: searching, iteration with callbacks, sorting (default numeric
// order and comparators), set with overlapping views, subarray sharing the buffer, slice, species.
const t = new Int16Array([5, -3, 12, 0, -3, 7, 100, -0]);
console.log(t.indexOf(-3), t.lastIndexOf(-3), t.includes(100), t.includes("100"), t.indexOf(0));
console.log(t.find(x => x > 6), t.findIndex(x => x > 6), t.every(x => x > -10), t.some(x => x > 99));
console.log(t.map(x => x * 2).join(), t.filter(x => x % 2).join(), t.reduce((a, b) => a + b));
console.log(t.reduceRight((a, b) => a + "," + b, "start"));
const f = new Float64Array([3, -0, NaN, -Infinity, 0, 1e-9, -2]);
console.log(Array.from(f.slice().sort()), f.indexOf(NaN), f.includes(NaN));
console.log(f.slice().sort((a, b) => b - a).join());
const s = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
s.set(s.subarray(0, 4), 2);
console.log(s.join());
const wide = new Uint16Array(s.buffer, 0, 4);
s.set(wide, 1);
console.log(s.join(), wide.join());
const sub = s.subarray(2, -2);
sub.fill(9);
console.log(s.join(), sub.length, sub.byteOffset, sub.buffer === s.buffer);
console.log(s.slice(-3).join(), s.copyWithin(0, 5).join(), s.reverse().join());
console.log([...s.keys()].join(), [...s.entries()].slice(0, 2).join("|"), s.at(-1), s.at(20));
console.log(Int8Array.from("123", x => x * 2).join(), Uint32Array.of(1, -1).join(), String(new Int8Array([1, 2])));
class Tracked extends Uint8Array {
    static get [Symbol.species]() { return Uint16Array; }
}
const tracked = new Tracked([250, 251]);
console.log(tracked.map(x => x * 2).constructor.name, tracked.map(x => x * 2).join(), tracked.slice(1).constructor.name);
console.log(tracked.subarray(2).constructor.name, tracked instanceof Uint8Array, Object.getPrototypeOf(Int8Array.prototype) === Object.getPrototypeOf(Float64Array.prototype));
try { t.sort("nope"); } catch (e) { console.log(e.constructor.name); }
try { Int8Array.prototype.join.call([1]); } catch (e) { console.log(e.constructor.name); }
try { new Uint8Array(2).set([1, 2, 3]); } catch (e) { console.log(e.constructor.name); }
console.log(new Float32Array([1.1, 2.2]).toLocaleString() === "1.100000023841858,2.200000047683716");
