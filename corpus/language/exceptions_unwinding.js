// Exceptions unwinding through callbacks, constructors, getters and generators, with cleanup.
var log = [];
function resource(name) {
  log.push("open " + name);
  return { close: function () { log.push("close " + name); } };
}
function using(name, fn) {
  var r = resource(name);
  try { return fn(r); } finally { r.close(); }
}
try {
  using("outer", function () {
    return using("inner", function () {
      [1, 2, 3].map(function (x) { if (x === 2) throw new Error("in map at " + x); return x; });
    });
  });
} catch (e) {
  log.push("caught: " + e.message);
}
console.log(log.join("; "));
log = [];
function* gen() {
  try { yield 1; yield 2; } finally { log.push("generator cleanup"); }
}
try {
  for (var v of gen()) { log.push("got " + v); throw new RangeError("stop loop"); }
} catch (e) {
  log.push(e.name);
}
console.log(log.join("; "));
var depthReached = 0;
function dive(n) { depthReached = n; if (n === 200) throw new Error("bottom"); return dive(n + 1); }
try { dive(0); } catch (e) { console.log("unwound from", depthReached, e.message); }
class Fragile { constructor(ok) { if (!ok) throw new TypeError("bad construction"); this.ok = ok; } }
var made = [];
[true, false, true].forEach(function (ok) {
  try { made.push(new Fragile(ok).ok); } catch (e) { made.push(e.name); }
});
console.log(made);
var counter = 0;
function retry(fn, n) { for (;;) { try { return fn(); } catch (e) { if (--n <= 0) throw e; } } }
console.log(retry(function () { if (++counter < 3) throw new Error("flaky"); return "worked after " + counter; }, 5));
try { retry(function () { throw new Error("always"); }, 2); } catch (e) { console.log("gave up:", e.message); }
