// The abstract equality algorithm (==).
console.log(null == undefined, null == 0, undefined == 0, null == false);
console.log(0 == "", 0 == "0", "" == "0", false == "0", false == "");
console.log(1 == "1", 1 == "1.0", 1 == " 1 ", 1 == "0x1", 1 == true, 2 == true);
console.log(NaN == NaN, "NaN" == NaN);
console.log([] == false, [] == "", [0] == false, [1] == 1, [1, 2] == "1,2");
console.log({} == "[object Object]", [] == [], [] != []);
console.log(null == null, undefined == undefined, undefined == null);
var o = { valueOf: function () { return 7; } };
console.log(o == 7, o == "7", o === 7);
var s = Symbol("x");
console.log(s == s, Object(s) == s, s == "x");
console.log(new String("a") == "a", new Number(1) == 1, new Boolean(false) == false);
console.log(new String("a") == new String("a"));
console.log(0 === -0, "1" !== 1, null === undefined);
var d = { toString: function () { return "d"; } };
console.log(d == "d", [d] == "d", [[["x"]]] == "x");
console.log(-0 == "", "\n" == 0, "  \t" == false);
