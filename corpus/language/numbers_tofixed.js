// Number.prototype.toFixed.
console.log((1.005).toFixed(2));
console.log((1.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0));
console.log((0).toFixed(2), (-0).toFixed(2));
console.log((123.456).toFixed(), (123.456).toFixed(1), (123.456).toFixed(5));
console.log((0.000001).toFixed(7));
console.log((1e21).toFixed(2));
console.log((1e20).toFixed(2));
console.log((-1.23e-10).toFixed(3));
console.log((10.235).toFixed(2), (10.245).toFixed(2));
console.log((Math.PI).toFixed(10));
console.log(NaN.toFixed(2), Infinity.toFixed(1));
console.log((0.5).toFixed(0), (1.45).toFixed(1), (8.345).toFixed(2));
console.log((12345.6789).toFixed(20));
try {
  (1).toFixed(101);
} catch (e) {
  console.log(e instanceof RangeError);
}
var price = 19.999;
console.log("$" + price.toFixed(2));
