// Relational comparison coercions.
console.log("2" > "12", 2 > "12", "2" > 12);
console.log("a" > 5, "a" < 5, null < 1, undefined < 1);
console.log([10] > [9], [10] > 9, ["10"] > ["9"]);
console.log(true > 0, false < 1, true >= "1");
var o = { valueOf: function () { return 3; } };
console.log(o > 2, o < "4", o >= o);
var order = [];
var a = { valueOf: function () { order.push("a"); return 1; } };
var b = { valueOf: function () { order.push("b"); return 2; } };
console.log(a < b, a > b, order.join(""));
order = [];
console.log(b <= a, b >= a, order.join(""));
console.log(NaN < NaN, NaN >= NaN, undefined <= undefined, null <= null);
console.log({} < {}, {} <= {}, [] <= []);
console.log("abc" < "abd", "abc" < "ab", "" < "0");
console.log(Infinity > "1e308", -Infinity < "-1e308", "1e309" > 1e308);
