// Character classification without regular expressions.
function isDigit(c) { return c >= "0" && c <= "9"; }
function isAlpha(c) { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z"); }
function isSpace(c) { return c === " " || c === "\t" || c === "\n" || c === "\r"; }
function isUpper(c) { return c !== c.toLowerCase(); }
var sample = "Hello World 42!\tÄbc_ß";
var counts = { digit: 0, alpha: 0, space: 0, upper: 0, other: 0 };
for (var c of sample) {
  if (isDigit(c)) counts.digit++;
  else if (isAlpha(c)) counts.alpha++;
  else if (isSpace(c)) counts.space++;
  else counts.other++;
  if (isUpper(c)) counts.upper++;
}
console.log(counts);
function camelToKebab(s) {
  var out = "";
  for (var ch of s) out += isUpper(ch) ? (out ? "-" : "") + ch.toLowerCase() : ch;
  return out;
}
function kebabToCamel(s) { return s.split("-").map(function (p, i) { return i ? p[0].toUpperCase() + p.slice(1) : p; }).join(""); }
console.log(camelToKebab("backgroundColorValue"), camelToKebab("XMLHttp"), kebabToCamel("font-size-adjust"));
function isNumeric(s) { return s.length > 0 && s.split("").every(isDigit); }
console.log(["123", "12a", "", "007"].map(isNumeric));
function slugify(s) {
  var out = "", dash = false;
  for (var ch of s.toLowerCase()) {
    if (isAlpha(ch) || isDigit(ch)) { out += ch; dash = false; }
    else if (!dash && out) { out += "-"; dash = true; }
  }
  return dash ? out.slice(0, -1) : out;
}
console.log(slugify("  Hello, World! It's 2024  "), slugify("---"));
console.log("a".charCodeAt(0) - "A".charCodeAt(0), String.fromCharCode("q".charCodeAt(0) - 32));
console.log(["b", "a", "C", "10", "9"].sort(function (x, y) { return x.toLowerCase() < y.toLowerCase() ? -1 : 1; }));
