// Integer arithmetic helpers built from Math and bitwise ops.
function idiv(a, b) { return Math.trunc(a / b); }
console.log(idiv(7, 2), idiv(-7, 2), idiv(7, -2), Math.floor(-7 / 2));
function isPowerOfTwo(n) { return n > 0 && (n & (n - 1)) === 0; }
console.log([1, 2, 3, 64, 96, 1024].map(isPowerOfTwo).join(","));
function nextPow2(n) { return n <= 1 ? 1 : 2 ** (32 - Math.clz32(n - 1)); }
console.log([1, 5, 16, 17, 1000].map(nextPow2).join(","));
function digits(n) { return n === 0 ? 1 : Math.floor(Math.log10(Math.abs(n))) + 1; }
console.log(digits(0), digits(9), digits(10), digits(-12345), digits(99999));
function digitSum(n) { var s = 0; n = Math.abs(n); while (n > 0) { s += n % 10; n = Math.floor(n / 10); } return s; }
console.log(digitSum(987654321), digitSum(-1001));
function lcm(a, b) { var g = function (x, y) { return y ? g(y, x % y) : x; }; return a / g(a, b) * b; }
console.log(lcm(4, 6), lcm(21, 6), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce(lcm));
function modPow(base, exp, mod) {
  var result = 1;
  base %= mod;
  while (exp > 0) {
    if (exp & 1) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1;
  }
  return result;
}
console.log(modPow(2, 10, 1000), modPow(3, 200, 13), modPow(7, 1000, 97));
function isqrt(n) { var x = Math.floor(Math.sqrt(n)); while (x * x > n) x--; while ((x + 1) * (x + 1) <= n) x++; return x; }
console.log(isqrt(15), isqrt(16), isqrt(1e12 + 1), isqrt(2 ** 52));
console.log(Math.round(-2.5), Math.round(2.5), (-2.5).toFixed(0), (2.5).toFixed(0));
console.log(7 / 2 | 0, -7 / 2 | 0, ~~(2 ** 31 + 0.5), (2 ** 32 + 5) >>> 0);
