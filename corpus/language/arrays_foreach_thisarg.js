// Callbacks receiving thisArg, index and array; array-like receivers.
var ctx = { factor: 3, results: [] };
[1, 2, 3].forEach(function (v, i, arr) {
  this.results.push(v * this.factor + "@" + i + "/" + arr.length);
}, ctx);
console.log(ctx.results);
console.log([1, 2].map(function () { return this; }, "str").map(function (s) { return typeof s; }));
console.log([1].map(function () { "use strict"; return this; }, 5));
console.log([1].map(function () { "use strict"; return this; }));
var arrayLike = { length: 3, 0: "a", 1: "b", 2: "c" };
console.log(Array.prototype.map.call(arrayLike, function (c) { return c.toUpperCase(); }));
console.log(Array.prototype.filter.call(arrayLike, function (c) { return c !== "b"; }));
console.log(Array.prototype.every.call("aaa", function (c) { return c === "a"; }));
var fnCalls = [];
Array.prototype.forEach.call({ length: 2, 1: "only" }, function (v, i) { fnCalls.push(i + v); });
console.log(fnCalls);
var matrix = [[1, 2], [3, 4]];
var transposed = matrix[0].map(function (_, c) { return matrix.map(function (row) { return row[c]; }); });
console.log(transposed);
