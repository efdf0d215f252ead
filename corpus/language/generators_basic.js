// Generator basics: next, done, return values, lazy execution.
var log = [];
function* gen() {
  log.push("start");
  yield 1;
  log.push("after 1");
  var x = yield 2;
  log.push("received " + x);
  return "done value";
}
var g = gen();
console.log(log.length);
console.log(g.next(), log);
console.log(g.next("ignored"), log);
console.log(g.next("hello"), log);
console.log(g.next(), g.next());
console.log([...gen()]);
function* empty() {}
console.log(empty().next(), [...empty()]);
var iter = gen();
console.log(iter[Symbol.iterator]() === iter);
console.log(typeof gen.prototype, Object.getPrototypeOf(iter) === gen.prototype);
function* counter() { var i = 0; while (true) { var cmd = yield i++; if (cmd === "reset") i = 0; } }
var c = counter();
console.log(c.next().value, c.next().value, c.next().value, c.next("reset").value, c.next().value);
var genExpr = function* () { yield* [1, 2]; };
console.log(Array.from(genExpr()));
try {
  new gen();
} catch (e) {
  console.log(e instanceof TypeError);
}
function* running() { try { runningGen.next(); } catch (e) { yield e instanceof TypeError; } }
var runningGen = running();
console.log(runningGen.next().value);
