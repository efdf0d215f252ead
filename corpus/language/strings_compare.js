// String comparison is by UTF-16 code units.
console.log("a" < "b", "a" < "B", "Z" < "a");
console.log("abc" < "abcd", "abc" === "abc", "abc" == new String("abc"));
console.log("10" < "2", "100" > "1");
console.log("\u00e9" > "z", "a" < "\u00e0");
console.log(["banana", "Apple", "cherry", "apple"].sort());
console.log(["b", "a", "C", "B"].sort(function (x, y) {
  var a = x.toLowerCase(), b = y.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}));
console.log("" < " ", " " < "!", "A".charCodeAt(0) < "a".charCodeAt(0));
console.log(new String("a") === new String("a"), new String("a") == new String("a"));
console.log("a\u0000" > "a", "a" < "a\u0000b");
var words = ["delta", "alpha", "charlie", "bravo"];
var min = words[0];
for (var i = 1; i < words.length; i++) if (words[i] < min) min = words[i];
console.log(min);
console.log("a" > 1, "b" < 1, "2" > 1);
