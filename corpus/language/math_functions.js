// Math functions on fixed inputs.
var r = function (x) { return Math.round(x * 1e12) / 1e12; };
console.log(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-0), Math.cbrt(27), Math.cbrt(-8));
console.log(r(Math.sin(Math.PI / 6)), r(Math.cos(Math.PI / 3)), r(Math.tan(Math.PI / 4)));
console.log(Math.sin(0), Math.cos(0), Object.is(Math.sin(-0), -0), Math.atan2(1, 1) * 4 === Math.PI);
console.log(r(Math.asin(1)), r(Math.acos(0.5)), r(Math.atan(1)), Math.asin(2));
console.log(Math.atan2(0, -0), Math.atan2(-0, -0), Math.atan2(0, 1), Math.atan2(1, 0) === Math.PI / 2);
console.log(r(Math.sinh(1)), r(Math.cosh(1)), r(Math.tanh(1)), Math.tanh(Infinity));
console.log(r(Math.asinh(1)), Math.acosh(1), r(Math.atanh(0.5)), Math.acosh(0.5));
console.log(Math.exp(0), r(Math.exp(1)), Math.exp(-Infinity), r(Math.expm1(1e-10) * 1e10));
console.log(Math.log(1), Math.log(Math.E), Math.log(0), Math.log(-1));
console.log(Math.log2(8), Math.log2(1024), Math.log10(1000), Math.log10(0.001), r(Math.log1p(1e-10) * 1e10));
console.log(Math.pow(2, 10), Math.pow(4, 0.5), Math.pow(-8, 1 / 3), Math.pow(0, -1), Math.pow(-0, -1));
console.log(Math.hypot(3, 4), Math.hypot(), Math.hypot(-5), Math.hypot(1, 2, 2), Math.hypot(NaN, Infinity));
console.log(r(Math.E), r(Math.PI), r(Math.LN2), r(Math.LN10), r(Math.LOG2E), r(Math.LOG10E), r(Math.SQRT2), r(Math.SQRT1_2));
