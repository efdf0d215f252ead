// Number statics: constants and predicates.
console.log(Number.EPSILON > 0, Number.EPSILON === 2 ** -52);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
console.log(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger("5"));
console.log(Number.isInteger(Infinity), Number.isInteger(-0), Number.isInteger(1e300));
console.log(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(3.1));
console.log(Number.isFinite(1), Number.isFinite("1"), isFinite("1"), Number.isFinite(NaN));
console.log(Number.isNaN(NaN), Number.isNaN("NaN"), isNaN("NaN"));
console.log(typeof Number.MAX_VALUE, Number.MIN_VALUE > 0);
var d = Object.getOwnPropertyDescriptor(Number, "MAX_SAFE_INTEGER");
console.log(d.writable, d.enumerable, d.configurable);
console.log(Number("Infinity") === Infinity, -Infinity === Number.NEGATIVE_INFINITY);
