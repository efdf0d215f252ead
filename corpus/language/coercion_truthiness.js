// ToBoolean of all value kinds, !, !! and Boolean().
var vals = [0, -0, NaN, "", null, undefined, false, 1, -1, "0", "false", " ",
  [], {}, function () {}, Symbol(), Infinity, new Boolean(false), new Number(0), new String("")];
console.log(vals.map(function (v) { return Boolean(v); }).join(","));
console.log(!0, !!0, !!"", !!"0", !![], !!{}, !!NaN);
console.log(!!document_is_undefined());
function document_is_undefined() { return typeof document === "undefined" ? undefined : 1; }
if (new Boolean(false)) console.log("object wrapper is truthy");
if ([]) console.log("empty array truthy");
if ("") console.log("never"); else console.log("empty string falsy");
var n = 0;
while (n < 100) { if (!(n % 37) && n) break; n++; }
console.log(n);
console.log(vals.filter(Boolean).length);
console.log(null || "default", 0 || false || "", "a" && "b", 0 && "never");
console.log(1 ? "yes" : "no", "" ? "yes" : "no");
