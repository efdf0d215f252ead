// BigInt arithmetic: every binary operator, unary minus and ~, ++/--, big products and quotients.
function fact(n) { let r = 1n; for (let i = 2n; i <= n; i++) r *= i; return r; }
const f50 = fact(50n);
console.log(f50, f50 / fact(48n), f50 % 1000000007n);
console.log(2n ** 127n - 1n, (2n ** 127n - 1n) % 170141183460469231731687303715884105727n);
console.log(-7n / 2n, -7n % 2n, 7n / -2n, 7n % -2n, (-2n) ** 63n, 0n ** 0n);
console.log(6n & -3n, 6n | -3n, 6n ^ -3n, ~0n, ~-(2n ** 64n), -(2n ** 64n) >> 3n, 3n << 100n);
let n = 9007199254740991n;
n++; n++;
console.log(n, n--, n, -n, typeof n);
let acc = 0n;
for (let i = 0n; i < 100n; i += 1n) acc += i * i * i;
console.log(acc, acc === (99n * 100n / 2n) ** 2n);
const fib = [0n, 1n];
for (let i = 2; i <= 300; i++) fib.push(fib[i - 1] + fib[i - 2]);
console.log(fib[300], fib[300].toString(36), fib[300].toString(2).length);
