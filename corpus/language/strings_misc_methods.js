// String(), toString/valueOf, length immutability, string properties.
console.log(String(123), String(null), String(undefined), String(true), String(Symbol("q")));
console.log("abc".toString(), "abc".valueOf(), typeof new String("x").valueOf());
var str = "fixed";
str.length = 1;
console.log(str.length);
(function () {
  "use strict";
  try {
    str.length = 1;
  } catch (e) {
    console.log(e instanceof TypeError);
  }
  try {
    str.foo = 1;
  } catch (e) {
    console.log(e instanceof TypeError);
  }
})();
console.log(String.prototype.length, typeof String.prototype);
console.log("a".concat.length, "".padStart.length, String.fromCharCode.length);
console.log(Object.getOwnPropertyNames("ab"));
