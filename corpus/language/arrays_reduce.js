// reduce and reduceRight.
var nums = [1, 2, 3, 4];
console.log(nums.reduce(function (a, b) { return a + b; }));
console.log(nums.reduce(function (a, b) { return a + b; }, 10));
console.log(nums.reduceRight(function (acc, x) { return acc + x; }, ""));
console.log(nums.reduce(function (acc, x, i) { acc.push(i); return acc; }, []));
console.log([[1, 2], [3], [4, 5]].reduce(function (a, b) { return a.concat(b); }));
try {
  [].reduce(function (a, b) { return a + b; });
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log([].reduce(function (a, b) { return a + b; }, "init"));
console.log([5].reduce(function () { return "never called"; }));
console.log([, , 7, , ].reduce(function (a, b) { return a + b; }));
var words = ["apple", "bob", "apple", "cat", "bob", "apple"];
var counts = words.reduce(function (m, w) { m[w] = (m[w] || 0) + 1; return m; }, {});
console.log(counts);
var maxWord = Object.keys(counts).reduce(function (a, b) { return counts[a] >= counts[b] ? a : b; });
console.log(maxWord);
var pipeline = [function (x) { return x + 1; }, function (x) { return x * 3; }];
console.log(pipeline.reduce(function (v, f) { return f(v); }, 2));
console.log(pipeline.reduceRight(function (v, f) { return f(v); }, 2));
console.log(["a", "b", "c"].reduceRight(function (acc, x, i) { return acc + x + i; }));
var grouped = [1, 2, 3, 4, 5].reduce(function (g, n) {
  (g[n % 2 ? "odd" : "even"] = g[n % 2 ? "odd" : "even"] || []).push(n);
  return g;
}, {});
console.log(grouped);
