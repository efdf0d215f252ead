// Immediately invoked function expressions in their various forms.
var a = (function () { return "classic"; })();
var b = (function () { return "crockford"; }());
var c = !function () { console.log("bang iife ran"); }();
var d = void function () { console.log("void iife ran"); }();
var e = (() => "arrow")();
var f = +function () { return "7"; }();
console.log(a, b, c, d, e, f);
var counter = (function (start) {
  var n = start;
  return function () { return n++; };
})(10);
console.log(counter(), counter(), counter());
(function named() {
  console.log(typeof named);
})();
console.log(typeof named);
var result = (function (x, y) { return x * y; }).call(null, 6, 7);
console.log(result);
var recursive = (function fact(n) { return n < 2 ? 1 : n * fact(n - 1); })(6);
console.log(recursive);
(async function () { return "async iife"; })().then(console.log);
console.log(new function () { this.created = "via new function"; }().created);
