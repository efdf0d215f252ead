// Numeric conversion done by arithmetic operators and Math functions.
console.log("6" / "2", "6" * null, "6" - undefined, "6" % "4");
console.log([] * 2, [3] * [4], [1, 2] * 2, {} * 2);
console.log(Math.max("10", 2), Math.min([1], "0"), Math.abs("-5"), Math.floor("3.7"));
console.log(true - false, true * 10, false / 1);
var calls = 0;
var o = { valueOf: function () { calls++; return 2; } };
console.log(o * o, o ** 3, -o, ~o, o << 1);
console.log(calls);
var counter = { n: 0, valueOf: function () { return ++this.n; } };
console.log(counter + counter, counter * 1, counter.n);
var i = { valueOf: function () { return 5; } };
i++;
console.log(i, typeof i);
console.log(" 12 " * 1, "1e3" * 1, "0x10" * 1, "0b11" * 1, "1,000" * 1);
console.log(Number("   "), "   " * 1, "\u00a0" * 1);
var sym = Symbol();
try {
  sym * 2;
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  +sym;
} catch (e) {
  console.log(e instanceof TypeError);
}
