// String.fromCharCode, charCodeAt, fromCodePoint round trips.
console.log(String.fromCharCode(72, 101, 108, 108, 111));
console.log(String.fromCharCode(0x10041), String.fromCharCode(65.9), String.fromCharCode());
console.log(String.fromCharCode(-1).charCodeAt(0));
console.log(String.fromCodePoint(97, 98, 99), String.fromCodePoint());
function caesar(str, shift) {
  var out = "";
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode((c - 97 + shift) % 26 + 97);
    else if (c >= 65 && c <= 90) out += String.fromCharCode((c - 65 + shift) % 26 + 65);
    else out += str[i];
  }
  return out;
}
var enc = caesar("Hello, World!", 3);
console.log(enc, caesar(enc, 23));
var alphabet = "";
for (var j = 0; j < 26; j++) alphabet += String.fromCharCode(97 + j);
console.log(alphabet);
var codes = Array.from("ABC", function (c) { return c.charCodeAt(0); });
console.log(codes, String.fromCharCode.apply(null, codes));
try {
  String.fromCodePoint(-1);
} catch (e) {
  console.log(e instanceof RangeError);
}
console.log(String.fromCodePoint(0x1F600).codePointAt(0));
