// @repeat: 2
// Racy plain (non-Atomics) element writes from 4 threads on shared views never tear: every value
// read back is one some thread wrote whole, for 1-, 2-, 4- and 8-byte elements [TA-2]. The
// threads also race copyWithin, fill, set and sort on one array: the values stay from the set.
const sab = new SharedArrayBuffer(8 * 64);
const f64 = new Float64Array(sab);
const u32 = new Uint32Array(sab, 0, 64);
const i16 = new Int16Array(sab, 256, 64);
const u8 = new Uint8Array(sab, 448, 64);
const patterns = [1.5, -2.25, 1e300, 7];
const words = [0xAAAAAAAA, 0x55555555, 0xFFFFFFFF, 0x01020304];
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread(() => {
        for (let round = 0; round < 300; round++) {
            for (let i = 0; i < 16; i++) f64[i] = patterns[(t + round + i) & 3];
            for (let i = 32; i < 64; i++) u32[i] = words[(t + i) & 3];
            for (let i = 0; i < 64; i++) i16[i] = t % 2 ? -12345 : 23456;
            for (let i = 0; i < 64; i++) u8[i] = t * 60;
            if (round % 50 === 0) {
                u8.copyWithin(0, 32);
                u8.fill(t * 60, 10, 20);
                u8.set([t * 60, t * 60], 60);
                u8.sort();
            }
        }
    }));
}
threads.forEach(t => t.join());
const okF = Array.from(f64.subarray(0, 16)).every(v => patterns.includes(v));
const okW = Array.from(u32.subarray(32)).every(v => words.includes(v));
const okS = Array.from(i16).every(v => v === -12345 || v === 23456);
const okB = Array.from(u8).every(v => v % 60 === 0 && v <= 180);
console.log(okF, okW, okS, okB);
