// Math.max/min with edge cases, clz32, imul, fround.
console.log(Math.max(), Math.min(), Math.max(1), Math.max(1, 3, 2), Math.min(1, -3, 2));
console.log(Math.max(NaN, 1), Math.max(1, "5", null), Math.min(undefined, 1), Math.max([], [3]));
console.log(Object.is(Math.max(-0, 0), 0), Object.is(Math.min(0, -0), -0), Object.is(Math.max(-0, -0), -0));
console.log(Math.max.apply(null, [4, 8, 2]), Math.min(...[4, 8, 2]));
var calls = [];
var a = { valueOf: function () { calls.push("a"); return NaN; } };
var b = { valueOf: function () { calls.push("b"); return 1; } };
console.log(Math.max(a, b), calls.join(""));
console.log(Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.clz32(0x80000000), Math.clz32(3.7), Math.clz32("8"));
console.log(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2), Math.imul(65537, 65537));
console.log(Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128), Math.fround(1e-50), Math.fround(0.1));
function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
console.log(clamp(5, 0, 3), clamp(-5, 0, 3), clamp(2, 0, 3));
var data = [3.5, -2, 17, 0.25, 9];
var stats = {
  min: Math.min(...data),
  max: Math.max(...data),
  mean: data.reduce(function (s, x) { return s + x; }, 0) / data.length
};
stats.std = Math.sqrt(data.reduce(function (s, x) { return s + (x - stats.mean) ** 2; }, 0) / data.length);
console.log(stats.min, stats.max, stats.mean, stats.std.toFixed(6));
console.log(typeof Math, Object.prototype.toString.call(Math), typeof Math.random);
