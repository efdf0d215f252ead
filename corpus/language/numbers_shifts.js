// <<, >> and >>> including shift counts modulo 32.
console.log(1 << 0, 1 << 1, 1 << 30, 1 << 31, 1 << 32, 1 << 33);
console.log(-16 >> 2, -16 >>> 2, 16 >> 2);
console.log(-1 >>> 0, -1 >>> 28, -1 >> 28);
console.log(1 << -1);
console.log(0x80000000 >> 31, 0x80000000 >>> 31);
console.log(255 << 24);
console.log((255 << 24) >>> 0);
console.log(5.7 << 1, -5.7 >> 1);
console.log("8" >> 1, "8" >>> "1");
var x = 1;
x <<= 4;
console.log(x);
x >>= 2;
console.log(x);
x = -x;
x >>>= 30;
console.log(x);
function toHex32(n) { return (n >>> 0).toString(16); }
console.log(toHex32(-1), toHex32(-256), toHex32(1 << 31));
var bytes = [];
var v = 0x12345678;
for (var i = 0; i < 4; i++) bytes.push((v >>> (i * 8)) & 0xff);
console.log(bytes);
