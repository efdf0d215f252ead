// toUpperCase / toLowerCase, including non-ASCII.
console.log("Hello World".toUpperCase(), "Hello World".toLowerCase());
console.log("straße".toUpperCase(), "ÀÉÎ".toLowerCase(), "ß".toUpperCase().length);
console.log("i".toUpperCase(), "İ".toLowerCase().length);
console.log("123 abc !?".toUpperCase());
console.log("ΑΒΓ".toLowerCase(), "ǅ".toUpperCase(), "ǅ".toLowerCase());
function capitalize(s) { return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(); }
console.log(capitalize("hELLO"), capitalize(""), capitalize("a"));
function swapCase(s) {
  var out = "";
  for (var i = 0; i < s.length; i++) {
    var c = s[i];
    out += c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
  }
  return out;
}
console.log(swapCase("Hello, World"));
console.log(String.prototype.toUpperCase.call(true));
console.log("camelCaseString".split("").map(function (c) {
  return c >= "A" && c <= "Z" ? "_" + c.toLowerCase() : c;
}).join(""));
