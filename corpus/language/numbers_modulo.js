// The % operator: signs, floats, zero and infinities.
console.log(7 % 3, -7 % 3, 7 % -3, -7 % -3);
console.log(5.5 % 2);
console.log(-5.5 % 2);
console.log(0.3 % 0.1);
console.log(10 % 0);
console.log(0 % 5);
console.log(-0 % 5);
console.log(Object.is(-4 % 2, -0));
console.log(Object.is(4 % -2, 0));
console.log(Infinity % 2);
console.log(5 % Infinity);
console.log(-5 % Infinity);
console.log(NaN % 1);
console.log(2147483648 % 7);
console.log(-2147483648 % -1);
console.log(1e20 % 7);
function mod(a, n) { return ((a % n) + n) % n; }
console.log(mod(-1, 5), mod(-6, 5), mod(13, 5));
var x = 17;
x %= 5;
console.log(x);
console.log("9" % "4", "abc" % 2, true % 2, null % 3);
