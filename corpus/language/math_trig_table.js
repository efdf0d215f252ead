// A table of trigonometric values rounded to fixed precision.
function fmt(x) {
  if (!isFinite(x)) return String(x).padStart(9);
  var r = Math.round(x * 10000) / 10000;
  return (Object.is(r, -0) ? 0 : r).toFixed(4).padStart(9);
}
console.log("  deg" + ["sin", "cos", "tan"].map(function (h) { return h.padStart(9); }).join(""));
for (var deg = 0; deg <= 180; deg += 30) {
  var rad = deg * Math.PI / 180;
  var tan = Math.abs(Math.cos(rad)) < 1e-12 ? Infinity : Math.tan(rad);
  console.log(String(deg).padStart(5) + fmt(Math.sin(rad)) + fmt(Math.cos(rad)) + fmt(tan));
}
var pts = [[1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, -1]];
console.log(pts.map(function (p) { return Math.round(Math.atan2(p[1], p[0]) * 180 / Math.PI); }).join(" "));
var r = 2.5;
console.log((Math.PI * r * r).toFixed(6), (2 * Math.PI * r).toFixed(6), (4 / 3 * Math.PI * r ** 3).toFixed(3));
function dist(a, b) { return Math.hypot(b[0] - a[0], b[1] - a[1]); }
console.log(dist([0, 0], [3, 4]), dist([1, 1], [4, 5]), dist([-2, -3], [-2, -3]));
var identity = [0.1, 0.7, 1.3, 2.9].map(function (x) { return (Math.sin(x) ** 2 + Math.cos(x) ** 2).toFixed(12); });
console.log(identity.join(" "));
