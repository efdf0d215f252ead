// var declarations are hoisted to the function scope, initialised to undefined.
console.log(typeof a, a);
var a = 1;
console.log(a);
function f() {
  console.log(x);
  if (false) { var x = 5; }
  console.log(x);
  for (var i = 0; i < 3; i++) { var inner = i * 2; }
  console.log(i, inner);
  return typeof y;
  var y = 1;
}
console.log(f());
function g() {
  v = 10;
  var v;
  return v;
}
console.log(g());
var dup = 1;
var dup;
console.log(dup);
function h() {
  var r = [];
  r.push(typeof q);
  { var q = "block"; }
  r.push(q);
  return r;
}
console.log(h());
var fnExpr = typeof later;
var later = function () {};
console.log(fnExpr, typeof later);
(function () {
  try { throw 1; } catch (err) { var fromCatch = "visible"; }
  console.log(fromCatch);
})();
