// Conditional operator, short-circuit evaluation and logical assignment precursors.
var log = [];
function t(label, v) { log.push(label); return v; }
var r1 = t("a", 0) && t("b", 1);
var r2 = t("c", 1) && t("d", "yes");
var r3 = t("e", "") || t("f", null) || t("g", "found");
var r4 = t("h", "first") || t("i", "never");
console.log(r1, r2, r3, r4, log.join(""));
console.log(null || undefined, "" && "x", 0 || NaN, "a" && 0 && "b");
console.log(true ? 1 : 2, false ? 1 : 0 ? "x" : "y", (1 > 2) ? "gt" : "le");
var n = 15;
var fizz = n % 15 === 0 ? "FizzBuzz" : n % 3 === 0 ? "Fizz" : n % 5 === 0 ? "Buzz" : n;
console.log(fizz);
var out = [];
for (var i = 1; i <= 15; i++) out.push(i % 15 === 0 ? "FB" : i % 3 === 0 ? "F" : i % 5 === 0 ? "B" : i);
console.log(out.join(" "));
var obj = null;
var safe = obj && obj.prop;
console.log(safe);
var cfg = { retries: 0 };
var retriesOr = cfg.retries || 3;
console.log(retriesOr);
console.log(!!(1 && 2), !(1 || 0), !null === true);
var x = 5;
x > 3 && (x = 100);
console.log(x);
var precedence = 1 || 0 && 0;
console.log(precedence, (1 || 0) && 0);
console.log(typeof (0 ? function () {} : null));
