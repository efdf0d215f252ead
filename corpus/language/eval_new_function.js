// The Function constructor creates functions in the global scope.
var add = new Function("a", "b", "return a + b;");
console.log(add(2, 3), add.length, add.name);
var multi = Function("a, b", "c", "return a * b * c");
console.log(multi(2, 3, 4), multi.length);
var noArgs = new Function("return 'no params'");
console.log(noArgs(), noArgs.length);
function maker() {
  var local = "maker local";
  return new Function("return typeof local === 'undefined' ? 'global scope only' : local;");
}
console.log(maker()());
globalThis.seenGlobal = "global seen";
console.log(new Function("return seenGlobal")());
var defaults = new Function("a = 1", "...rest", "return [a, rest.length]");
console.log(defaults(), defaults(5, 6, 7), defaults.length);
var sloppyThis = new Function("return this === globalThis");
console.log(sloppyThis());
var strictThis = new Function("'use strict'; return this");
console.log(strictThis());
try {
  new Function("return (");
} catch (e) {
  console.log("syntax", e instanceof SyntaxError);
}
try {
  new Function("a,", "return a");
} catch (e) {
  console.log("bad params", e instanceof SyntaxError);
}
console.log(Object.getPrototypeOf(add) === Function.prototype, add instanceof Function);
var gen = Object.getPrototypeOf(function* () {}).constructor;
var g = gen("yield 1; yield 2;");
console.log([...g()]);
var fibBody = "return n < 2 ? n : self(n - 1) + self(n - 2);";
var self = new Function("n", fibBody);
globalThis.self = self;
console.log(self(15));
delete globalThis.seenGlobal;
