// Per-iteration bindings of let in for loops versus var.
var fnsVar = [];
for (var i = 0; i < 3; i++) fnsVar.push(function () { return i; });
console.log(fnsVar.map(function (f) { return f(); }));
var fnsLet = [];
for (let j = 0; j < 3; j++) fnsLet.push(function () { return j; });
console.log(fnsLet.map(function (f) { return f(); }));
var fnsMut = [];
for (let k = 0; k < 6; k++) {
  fnsMut.push(function () { return k; });
  k++;
}
console.log(fnsMut.map(function (f) { return f(); }));
var fnsIn = [];
for (let key in { a: 1, b: 2 }) fnsIn.push(() => key);
console.log(fnsIn.map(f => f()));
var fnsOf = [];
for (const v of [10, 20]) fnsOf.push(() => v);
console.log(fnsOf.map(f => f()));
var closures = [];
for (let n = 0, m = 10; n < 2; n++, m--) closures.push(() => [n, m]);
console.log(closures.map(f => f()));
var inc = [];
for (let x = 0; inc.push(() => x), x < 2; x++) {}
console.log(inc.map(f => f()));
var iife = [];
for (var q = 0; q < 3; q++) (function (q) { iife.push(function () { return q; }); })(q);
console.log(iife.map(f => f()));
var whileFns = [];
let w = 0;
while (w < 3) { let copy = w; whileFns.push(() => copy); w++; }
console.log(whileFns.map(f => f()));
