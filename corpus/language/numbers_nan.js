// NaN semantics.
var n = NaN;
console.log(n === n, n == n, n !== n);
console.log(Object.is(n, NaN), isNaN("abc"), Number.isNaN("abc"));
console.log(NaN < 1, NaN > 1, NaN <= NaN, NaN >= NaN);
console.log(0 / 0, Infinity - Infinity, Infinity * 0);
console.log(Math.sqrt(-1), parseInt("x"), Number("1a"));
console.log(NaN + 1, NaN * 0, NaN ** 0);
console.log(typeof NaN);
console.log([NaN].indexOf(NaN), [NaN].includes(NaN), [NaN].findIndex(Number.isNaN));
console.log(String(NaN), NaN + "", JSON.stringify(NaN));
console.log(Boolean(NaN), !NaN);
console.log(Math.max(1, NaN), Math.min(NaN, 1));
console.log(undefined + 1, +undefined, +"", +" ", +"\n");
console.log(isNaN(undefined), isNaN(null), isNaN([]), isNaN({}));
var s = new Set([NaN, NaN, 0 / 0]);
console.log(s.size);
console.log(NaN ? "truthy" : "falsy");
