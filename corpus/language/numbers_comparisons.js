// Numeric comparisons, signed zero and string/number mixing.
console.log(1 < 2, 2 < 1, 1 <= 1, 2 >= 3);
console.log(0 === -0, Object.is(0, -0));
console.log(-0 < 0, 0 > -0);
console.log(Infinity > Number.MAX_VALUE, -Infinity < -Number.MAX_VALUE);
console.log("10" < "9", 10 < 9, "10" < 9);
console.log("abc" < "abd", "B" < "a", "" < "a");
console.log(null >= 0, null > 0, null == 0);
console.log(undefined < 1, undefined > 1, undefined == 0);
console.log(true > false, true == 1, "1" == 1);
console.log([2] > 1, [1, 2] > 1);
console.log(0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
console.log(1 / 0 > 0, 1 / -0 < 0);
var list = [3, -1, 7, 0, -0, 2.5];
var max = -Infinity, min = Infinity;
for (var i = 0; i < list.length; i++) {
  if (list[i] > max) max = list[i];
  if (list[i] < min) min = list[i];
}
console.log(max, min);
console.log(2 > 1 > 0, 3 > 2 > 1);
