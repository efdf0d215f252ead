// Default parameter values.
function f(a, b = 2, c = a + b) { return [a, b, c]; }
console.log(f(1), f(1, 5), f(1, undefined, 0), f(1, null));
var count = 0;
function g(x = ++count) { return x; }
console.log(g(), g(), g(10), count);
function h(a = 1, b) { return [a, b]; }
console.log(h(undefined, 2), h.length, f.length);
function withArr(list = []) { list.push(1); return list; }
console.log(withArr(), withArr(), withArr([0]));
function obj({ x = 1, y = 2 } = {}) { return x + y; }
console.log(obj(), obj({ x: 10 }), obj({ y: 0 }));
var outer = "outer";
function scope(a = outer) { var outer = "inner"; return a; }
console.log(scope());
function usesThis(x = this.v) { return x; }
console.log(usesThis.call({ v: "from this" }));
function fnDefault(cb = function () { return "default cb"; }) { return cb(); }
console.log(fnDefault(), fnDefault(() => "given"));
function laterParam(a = () => b, b = 3) { return a(); }
console.log(laterParam());
const arrow = (n = 5, m = n * 2) => n + m;
console.log(arrow(), arrow(1), arrow(1, 1));
function args(a = 0) { a = 99; return arguments[0]; }
console.log(args(1));
function notMapped(a, b = 1) { arguments[0] = "changed"; return a; }
console.log(notMapped("orig"));
