// Number.prototype.toString with a radix.
console.log((255).toString(16), (255).toString(2), (255).toString(8));
console.log((-255).toString(16), (0).toString(2));
console.log((35).toString(36), (36).toString(36));
console.log((123456789).toString(36));
console.log((0.5).toString(2), (0.25).toString(2), (0.1).toString(2).length > 20);
console.log((3.75).toString(16));
console.log((2 ** 53).toString(16));
console.log((1e21).toString(16));
console.log(Number.MAX_SAFE_INTEGER.toString(2).length);
console.log((10).toString(), (10).toString(10));
try {
  (10).toString(1);
} catch (e) {
  console.log(e instanceof RangeError);
}
try {
  (10).toString(37);
} catch (e) {
  console.log(e instanceof RangeError);
}
console.log(parseInt("ff", 16), parseInt("777", 8), parseInt("zz", 36));
console.log(parseInt((255).toString(7), 7));
console.log(NaN.toString(2), Infinity.toString(16));
console.log((-0).toString(2));
