// Spread arguments in calls, new, and method calls.
function f(a, b, c) { return [a, b, c, arguments.length]; }
console.log(f(...[1, 2, 3]), f(...[1]), f(0, ...[1, 2, 3, 4]));
console.log(f(..."ab", ...[]));
var obj = {
  base: 10,
  add(...nums) { return nums.reduce((s, n) => s + n, this.base); }
};
console.log(obj.add(...[1, 2, 3]));
class P { constructor(x, y) { this.sum = x + y; } }
console.log(new P(...[4, 5]).sum);
console.log(Math.max(...[], 0), Math.min(...[4, 2, 8]));
var big = [];
for (var i = 0; i < 5000; i++) big.push(i);
console.log(Math.max(...big));
console.log(String.fromCharCode(...[104, 105]));
var parts = ["2020", "5"];
console.log(f(...parts, ...parts.map(Number)).slice(0, 3));
var maybe = null;
console.log(f(...(maybe || [7])));
var order = [];
function track(label, value) { order.push(label); return value; }
f(track("first", 1), ...track("spread", [2]), track("last", 3));
console.log(order);
console.log([1, 2, 3].concat(...[[4], [5, [6]]]));
