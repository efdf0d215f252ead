// yield* delegation: values, return value, next args, throw/return forwarding.
function* inner() {
  var x = yield "inner 1";
  console.log("inner got", x);
  yield "inner 2";
  return "inner result";
}
function* outer() {
  yield "outer start";
  var r = yield* inner();
  console.log("delegate returned", r);
  yield* ["array", "items"];
  yield* "hi";
  return "outer result";
}
var g = outer();
var results = [];
var step;
var i = 0;
while (!(step = g.next("arg" + i++)).done) results.push(step.value);
console.log(results.join(","), step.value);
function* tree(node) {
  if (!node) return;
  yield* tree(node.left);
  yield node.value;
  yield* tree(node.right);
}
var t = { value: 4, left: { value: 2, left: { value: 1 }, right: { value: 3 } }, right: { value: 5 } };
console.log([...tree(t)]);
function* thrower() {
  try { yield 1; } catch (e) { yield "inner caught " + e; }
}
function* wrap() { yield* thrower(); yield "after"; }
var w = wrap();
w.next();
console.log(w.throw("X").value, w.next().value);
function* cleanup() { try { yield 1; yield 2; } finally { console.log("inner cleanup"); } }
function* wrap2() { try { yield* cleanup(); } finally { console.log("outer cleanup"); } }
var w2 = wrap2();
w2.next();
console.log(w2.return("stop"));
function* flatten(arr) { for (var x of arr) Array.isArray(x) ? yield* flatten(x) : yield x; }
console.log([...flatten([1, [2, [3, [4]]], 5])]);
