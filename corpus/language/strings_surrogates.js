// Unicode: surrogate pairs, code points and string iteration.
var smile = "\u{1F600}";
console.log(smile.length, smile.charCodeAt(0), smile.charCodeAt(1));
console.log(smile.codePointAt(0), smile.codePointAt(1));
console.log(smile.codePointAt(0).toString(16));
console.log(String.fromCodePoint(0x1F600) === smile);
console.log(String.fromCharCode(0xD83D, 0xDE00) === smile);
var mixed = "a\u{1F600}b\u00e9";
console.log(mixed.length, Array.from(mixed).length, [...mixed].length);
var cps = [];
for (var ch of mixed) cps.push(ch.codePointAt(0));
console.log(cps);
console.log(mixed.split("").length);
console.log("\u{10FFFF}".codePointAt(0), "\uD800".length);
console.log("abc".codePointAt(5), "abc".charCodeAt(5));
console.log(Array.from("h\u{20BB7}llo", function (c) { return c.length; }));
console.log(String.fromCodePoint(72, 105, 0x1F44B).length);
try {
  String.fromCodePoint(0x110000);
} catch (e) {
  console.log(e instanceof RangeError);
}
var reversed = Array.from("ab\u{1F600}").reverse().join("");
console.log(reversed.codePointAt(0) === 0x1F600, reversed.endsWith("a"));
console.log("\u00e9" < "\u{1F600}", "\uFFFF" > "\u{1F600}");
