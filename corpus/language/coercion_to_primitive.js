// ToPrimitive via valueOf and toString, and the order in which they are tried.
var log = [];
var obj = {
  valueOf: function () { log.push("valueOf"); return 10; },
  toString: function () { log.push("toString"); return "str"; }
};
console.log(obj + 1, log.join(","));
log = [];
console.log(`${obj}`, log.join(","));
log = [];
console.log(String(obj), log.join(","));
log = [];
console.log(obj * 2, obj > 5, log.join(","));
log = [];
var k = {};
k[obj] = 1;
console.log(Object.keys(k), log.join(","));
var onlyToString = { toString: function () { return "7"; } };
console.log(onlyToString * 2, onlyToString + 1);
var objValue = { valueOf: function () { return {}; }, toString: function () { return "fallback"; } };
console.log(objValue + "!");
var bad = { valueOf: function () { return {}; }, toString: function () { return {}; } };
try {
  bad + 1;
} catch (e) {
  console.log(e instanceof TypeError);
}
var nullProto = Object.create(null);
try {
  "" + nullProto;
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log([1, 2] + [3], {} + [], [] + {});
console.log(+[], +[5], +["6"], +[1, 2], +{});
function F() {}
F.prototype.valueOf = function () { return 3; };
console.log(new F() + new F(), new F() + "");
