// Recursion about 1000 frames deep (well below any stack limit).
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(1000));
function sumTo(n) { if (n === 0) return 0; return n + sumTo(n - 1); }
console.log(sumTo(1000));
function buildList(n) { return n === 0 ? null : { v: n, next: buildList(n - 1) }; }
var list = buildList(1000);
function lengthOf(node) { return node === null ? 0 : 1 + lengthOf(node.next); }
console.log(lengthOf(list));
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(1000), isOdd(999), isEven(777));
var nested = [];
var cur = nested;
for (var i = 0; i < 500; i++) { var next = []; cur.push(i, next); cur = next; }
function count(arr) { return arr.reduce(function (s, x) { return s + (Array.isArray(x) ? count(x) : 1); }, 0); }
console.log(count(nested));
var deepObj = {};
var o = deepObj;
for (var j = 0; j < 300; j++) { o.child = {}; o = o.child; }
console.log(JSON.stringify(deepObj).length, JSON.parse(JSON.stringify(deepObj)).child.child !== undefined);
function withTry(n) {
  try {
    return n === 0 ? "bottom" : withTry(n - 1);
  } finally {
    withTry.count = (withTry.count || 0) + 1;
  }
}
console.log(withTry(800), withTry.count);
var arrowDepth = (n) => (n ? arrowDepth(n - 1) + 1 : 0);
console.log(arrowDepth(1000));
class Node { constructor(n) { this.n = n; } sum() { return this.n === 0 ? 0 : this.n + new Node(this.n - 1).sum(); } }
console.log(new Node(900).sum());
