// map, filter, forEach, every, some with indices, thisArg and holes.
var a = [1, 2, 3, 4];
console.log(a.map(function (x, i, arr) { return x * i + arr.length; }));
console.log(a.filter(function (x) { return x % 2 === 0; }));
console.log(a.every(function (x) { return x > 0; }), a.some(function (x) { return x > 3; }));
console.log([].every(function () { return false; }), [].some(function () { return true; }));
var seen = [];
a.forEach(function (x, i) { seen.push(i); });
console.log(seen, a.forEach(function () {}));
var holes = [1, , 3];
var mapped = holes.map(function (x) { return x * 10; });
console.log(mapped.length, 1 in mapped, String(mapped));
console.log(holes.filter(function () { return true; }));
var calls = 0;
holes.forEach(function () { calls++; });
console.log(calls);
var growing = [1, 2];
growing.forEach(function (x) { if (growing.length < 5) growing.push(x * 10); });
console.log(growing);
var shrinking = [1, 2, 3, 4];
var visited = [];
shrinking.forEach(function (x) { visited.push(x); shrinking.pop(); });
console.log(visited);
console.log(a.map(String), ["1", "2", "3"].map(Number), ["10", "10", "10"].map(parseInt));
console.log(a.some(function (x) { return x === this.t; }, { t: 3 }));
try {
  a.map(null);
} catch (e) {
  console.log(e instanceof TypeError);
}
var short = [5, 6, 7].every(function (x, i) { seen.push("e" + i); return x < 6; });
console.log(short, seen.slice(-2));
