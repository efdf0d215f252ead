// Math.round, floor, ceil, trunc, sign, abs with edge cases.
var xs = [2.5, -2.5, 2.4, -2.6, 0.5, -0.5, 1.4999999999999998, -0, 0, 1e21, -7.0000001];
console.log(xs.map(Math.round).join(" "));
console.log(xs.map(Math.floor).join(" "));
console.log(xs.map(Math.ceil).join(" "));
console.log(xs.map(Math.trunc).join(" "));
console.log(Object.is(Math.round(-0.5), -0), Object.is(Math.round(-0.4), -0), Object.is(Math.ceil(-0.5), -0));
console.log(Object.is(Math.trunc(-0.9), -0), Object.is(Math.floor(-0), -0));
console.log(Math.sign(-3), Math.sign(3), Math.sign(0), Object.is(Math.sign(-0), -0), Math.sign(NaN), Math.sign("-2"));
console.log(Math.abs(-5.5), Math.abs(-0), Math.abs("-3"), Math.abs(null), Math.abs([]), Math.abs([2]), Math.abs({}));
console.log(Math.round(NaN), Math.floor(Infinity), Math.ceil(-Infinity), Math.round("2.5"));
console.log(Math.round(0.49999999999999994), Math.round(4503599627370495.5), Math.round(-4503599627370495.5));
function roundTo(n, digits) { var f = Math.pow(10, digits); return Math.round(n * f) / f; }
console.log(roundTo(1.005, 2), roundTo(3.14159, 3), roundTo(-1.555, 1));
