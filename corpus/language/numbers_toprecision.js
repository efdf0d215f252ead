// Number.prototype.toPrecision and toExponential.
console.log((123.456).toPrecision(4), (123.456).toPrecision(2));
console.log((0.000123).toPrecision(2), (1e-7).toPrecision(3));
console.log((123456).toPrecision(2), (123456).toPrecision(6));
console.log((1.5).toPrecision(1), (2.5).toPrecision(1));
console.log((0).toPrecision(3), (-1.25).toPrecision(2));
console.log((1e21).toPrecision(3), (123).toPrecision());
console.log((123.456).toExponential(), (123.456).toExponential(2));
console.log((0.00015).toExponential(1), (0).toExponential(2));
console.log((1e-10).toExponential(), (-5e300).toExponential(3));
console.log((1).toExponential(0), (99.9).toExponential(0));
try {
  (1).toPrecision(0);
} catch (e) {
  console.log(e instanceof RangeError);
}
console.log(NaN.toPrecision(3), (-Infinity).toExponential(2));
