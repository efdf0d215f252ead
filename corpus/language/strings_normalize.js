// String.prototype.normalize (NFC/NFD/NFKC/NFKD).
var composed = "\u00e9", decomposed = "e\u0301";
console.log(composed === decomposed, composed.length, decomposed.length);
console.log(decomposed.normalize() === composed, composed.normalize("NFD") === decomposed);
console.log(composed.normalize("NFC").length, composed.normalize("NFD").length);
console.log("\ufb01".normalize("NFKC"), "\ufb01".normalize("NFC").length);
console.log("\u2460".normalize("NFKD"), "x\u00b2".normalize("NFKC"));
console.log("\u1e9b\u0323".normalize("NFD").length, "\u1e9b\u0323".normalize("NFKC").length);
console.log("abc".normalize() === "abc", "".normalize());
var hangul = "\uAC00";
console.log(hangul.normalize("NFD").length, hangul.normalize("NFD").normalize("NFC") === hangul);
try {
  "a".normalize("XYZ");
} catch (e) {
  console.log(e instanceof RangeError);
}
