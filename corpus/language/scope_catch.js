// Scoping of catch parameters.
var e = "outer";
try {
  throw "inner";
} catch (e) {
  console.log(e);
  var e = "assigned in catch";
  console.log(e);
}
console.log(e);
try {
  throw { a: 1, b: [2, 3] };
} catch ({ a, b: [, second] }) {
  console.log(a, second);
}
function f() {
  try {
    throw new TypeError("t");
  } catch (err) {
    return function () { return err.name; };
  }
}
console.log(f()());
var fns = [];
for (var i = 0; i < 3; i++) {
  try { throw i; } catch (n) { fns.push(function () { return n; }); }
}
console.log(fns.map(function (g) { return g(); }));
try {
  throw 1;
} catch {
  console.log("no binding");
}
try {
  try { throw "x"; } catch (err) { throw err + "y"; }
} catch (err) {
  console.log(err);
}
console.log(typeof err);
