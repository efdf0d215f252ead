// Rest parameters and spread arguments.
function sum(...nums) { return nums.reduce((a, b) => a + b, 0); }
console.log(sum(), sum(1), sum(1, 2, 3, 4));
function head(first, ...rest) { return [first, rest, Array.isArray(rest)]; }
console.log(head(1, 2, 3), head());
console.log(head.length, sum.length, ((a, b, ...c) => 0).length);
var nums = [5, 1, 9, 3];
console.log(Math.max(...nums), Math.min(...nums, -1));
console.log(sum(...nums, ...[10, 20]));
function three(a, b, c) { return [a, b, c]; }
console.log(three(..."xy"), three(...[1], 2, ...[3, 4]));
console.log(three(...new Set([7, 8, 9])));
function* g() { yield 1; yield 2; }
console.log(three(...g(), "end"));
var argsLike = function () { return sum(...arguments); };
console.log(argsLike(1, 2, 3));
function destructRest(...[a, b]) { return a + b; }
console.log(destructRest(4, 5, 6));
var o = { m(...all) { return all.length; } };
console.log(o.m(...[1, 2, 3]));
console.log(new Array(...[3]).length, new Array(...[1, 2]));
try {
  sum(...null);
} catch (e) {
  console.log(e instanceof TypeError);
}
