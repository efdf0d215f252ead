// Typed arrays: element reads and writes through the integer-indexed path (a sieve on a
// Uint8Array, a Float64Array dot product and prefix sum, Int32Array byte histogram), plus the
// bulk natives (fill, set, subarray, sort) that run in C.
const N = 200000;
const sieve = new Uint8Array(N);
let primes = 0;
for (let i = 2; i < N; i++) {
  if (sieve[i] === 0) {
    primes++;
    for (let j = i * 2; j < N; j += i) sieve[j] = 1;
  }
}

const a = new Float64Array(50000);
const b = new Float64Array(50000);
for (let i = 0; i < a.length; i++) {
  a[i] = i * 0.5;
  b[i] = (i % 7) - 3;
}
let dot = 0;
for (let round = 0; round < 4; round++) {
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  for (let i = 1; i < a.length; i++) a[i] = a[i - 1] * 0.5 + a[i] * 0.5;
}

const histogram = new Int32Array(256);
const bytes = new Uint8Array(100000);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 255;
for (let i = 0; i < bytes.length; i++) histogram[bytes[i]]++;

const scratch = new Int32Array(20000);
let bulk = 0;
for (let round = 0; round < 20; round++) {
  scratch.fill(round);
  scratch.set(histogram, round * 10);
  bulk += scratch.subarray(100, 200).reduce((x, y) => x + y, 0);
  const sorted = Int32Array.from(histogram).sort();
  bulk += sorted[255] - sorted[0];
}
primes + Math.round(dot) % 1000003 + histogram[7] + bulk;
