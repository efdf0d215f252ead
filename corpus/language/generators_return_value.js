// A generator's return value is visible via next() but ignored by for-of, spread and Array.from.
function* g() { yield 1; yield 2; return "ret"; }
console.log([...g()], Array.from(g()));
var collected = [];
for (var v of g()) collected.push(v);
console.log(collected);
var it = g();
console.log(it.next(), it.next(), it.next(), it.next());
function* outer() { var r = yield* g(); yield "inner returned " + r; }
console.log([...outer()]);
function* early() { yield "a"; return; yield "unreachable"; }
console.log([...early()]);
function* throwsAfter() { yield 1; throw new Error("after first"); }
var got = [];
try {
  for (var x of throwsAfter()) got.push(x);
} catch (e) {
  got.push(e.message);
}
console.log(got);
var [a, b, c] = g();
console.log(a, b, c);
function* argsGen() { return arguments.length; }
console.log(argsGen(1, 2, 3).next());
function* noYield() { return "only return"; }
console.log([...noYield()], noYield().next());
