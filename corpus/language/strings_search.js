// indexOf, lastIndexOf, includes, startsWith, endsWith.
var s = "the quick brown fox jumps over the lazy dog";
console.log(s.indexOf("the"), s.indexOf("the", 1), s.lastIndexOf("the"));
console.log(s.indexOf("cat"), s.indexOf(""), s.indexOf("", 100), s.lastIndexOf(""));
console.log(s.lastIndexOf("o", 20), s.lastIndexOf("o", -5));
console.log(s.includes("fox"), s.includes("Fox"), s.includes("fox", 20));
console.log(s.startsWith("the"), s.startsWith("quick", 4), s.startsWith("quick"));
console.log(s.endsWith("dog"), s.endsWith("lazy", 39), s.endsWith(""));
console.log("aaa".indexOf("aa", 1), "aaa".lastIndexOf("aa"));
console.log("abc".indexOf("c", -10), "abc".includes(""));
console.log("undefined".indexOf(), "null".includes(null));
console.log(s.indexOf("o", -3), s.lastIndexOf("o", 1000), s.includes("dog", 40));
function count(hay, needle) {
  var c = 0, pos = 0;
  while ((pos = hay.indexOf(needle, pos)) !== -1) { c++; pos += needle.length; }
  return c;
}
console.log(count(s, "o"), count(s, "the"), count("aaaa", "aa"));
console.log("123".startsWith(12), "true".endsWith(true), "a,b".includes(["a", "b"]));
