// typeof on every kind of value.
console.log(typeof 1, typeof NaN, typeof "s", typeof true, typeof undefined);
console.log(typeof null, typeof {}, typeof [], typeof function () {});
console.log(typeof Symbol(), typeof Symbol.iterator, typeof class {});
console.log(typeof new Number(1), typeof new String(""), typeof Object(Symbol()));
console.log(typeof Math, typeof JSON, typeof Math.max, typeof Object);
console.log(typeof undeclaredVariable, typeof typeof 1);
console.log(typeof (() => 1), typeof function* () {}, typeof async function () {});
console.log(typeof new Map(), typeof Promise.resolve(), typeof globalThis);
function f() { return typeof arguments; }
console.log(f());
var t = typeof 5 + 5;
console.log(t);
console.log(typeof (1 + "1"), typeof (1 - "1"), typeof -"x");
var checks = [0, "", null, undefined, [], {}, NaN].map(function (v) { return typeof v; });
console.log(checks.join(","));
