// Swapping and rotating values via array destructuring assignment.
var a = 1, b = 2;
[a, b] = [b, a];
console.log(a, b);
var x = "x", y = "y", z = "z";
[x, y, z] = [z, x, y];
console.log(x, y, z);
var arr = [1, 2, 3, 4];
[arr[0], arr[3]] = [arr[3], arr[0]];
console.log(arr);
var o = { p: "P", q: "Q" };
[o.p, o.q] = [o.q, o.p];
console.log(o);
function fibPair(n) {
  var cur = 0, next = 1;
  for (var i = 0; i < n; i++) [cur, next] = [next, cur + next];
  return cur;
}
console.log(fibPair(10), fibPair(50));
function reverseInPlace(list) {
  for (var i = 0, j = list.length - 1; i < j; i++, j--) [list[i], list[j]] = [list[j], list[i]];
  return list;
}
console.log(reverseInPlace([1, 2, 3, 4, 5]));
var m, n;
var value = [m, n] = [10, 20];
console.log(m, n, value);
var order = [];
var obj = {
  get first() { order.push("get first"); return 1; },
  set first(v) { order.push("set first " + v); }
};
[obj.first, a] = [a, obj.first];
console.log(order, a);
