// Bitwise AND, OR, XOR, NOT and ToInt32 conversions.
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5);
console.log(~0, ~-1, ~~3.7, ~~-3.7);
console.log(0xff & 0x0f, 0xf0 | 0x0f);
console.log(1.9 | 0, -1.9 | 0);
console.log(4294967296 | 0, 4294967297 | 0);
console.log(2147483648 | 0);
console.log(3000000000 & 0xffffffff);
console.log(NaN | 0, Infinity | 0, -Infinity | 0);
console.log("12" & "10", "x" | 0, null | 5, undefined | 5);
console.log(true ^ true, true ^ false);
console.log(1e21 | 0);
console.log(-1 & 0xff);
var flags = 0;
var READ = 1, WRITE = 2, EXEC = 4;
flags |= READ;
flags |= EXEC;
console.log(flags, (flags & WRITE) !== 0, (flags & EXEC) !== 0);
flags &= ~READ;
console.log(flags);
flags ^= 7;
console.log(flags);
function popcount(n) {
  var c = 0;
  while (n) { n &= n - 1; c++; }
  return c;
}
console.log(popcount(255), popcount(0x12345678), popcount(-1 >>> 0));
