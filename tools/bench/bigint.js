// BigInt-heavy work: factorial and Fibonacci of big numbers (multiplication and addition of
// values with thousands of limbs), modular exponentiation and gcd on 256-bit values (division and
// remainder), bitwise mixing and toString of the large results.
let checksum = 0;
let f = 1n;
for (let i = 2n; i <= 3000n; i++) f *= i;
checksum += f.toString().length;
let a = 0n, b = 1n;
for (let i = 0; i < 20000; i++) [a, b] = [b, a + b];
checksum += a.toString(16).length + Number(a % 1000003n);
const m = (1n << 255n) - 19n;
function modpow(base, e, mod) {
  let r = 1n;
  base %= mod;
  while (e > 0n) {
    if (e & 1n) r = (r * base) % mod;
    base = (base * base) % mod;
    e >>= 1n;
  }
  return r;
}
function gcd(x, y) {
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
let x = 0x1234567890abcdefn;
for (let i = 0; i < 40; i++) {
  x = modpow(x + BigInt(i), m - 2n, m);
  checksum += Number(x & 0xffffn) + Number(gcd(x, f % m) % 97n);
  checksum += Number(BigInt.asUintN(16, x ^ (x >> 100n)));
}
checksum;
