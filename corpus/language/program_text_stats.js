// Text statistics: word frequencies, longest words, sentence and character counts.
var text = "It was the best of times, it was the worst of times, it was the age of wisdom, " +
  "it was the age of foolishness. It was the epoch of belief! Was it the epoch of incredulity?";
function words(t) {
  var out = [], cur = "";
  for (var ch of t.toLowerCase()) {
    if ((ch >= "a" && ch <= "z") || ch === "'") cur += ch;
    else if (cur) { out.push(cur); cur = ""; }
  }
  if (cur) out.push(cur);
  return out;
}
var ws = words(text);
console.log("words:", ws.length, "unique:", new Set(ws).size);
var freq = {};
ws.forEach(function (w) { freq[w] = (freq[w] || 0) + 1; });
var top = Object.entries(freq).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); }).slice(0, 5);
console.log("top:", top.map(function (e) { return e[0] + "=" + e[1]; }).join(" "));
var longest = ws.reduce(function (a, b) { return b.length > a.length ? b : a; });
console.log("longest:", longest, longest.length);
var sentences = 0;
for (var c of text) if (c === "." || c === "!" || c === "?") sentences++;
console.log("sentences:", sentences);
var letters = {};
for (var ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") letters[ch] = (letters[ch] || 0) + 1;
var vowels = ["a", "e", "i", "o", "u"].reduce(function (s, v) { return s + (letters[v] || 0); }, 0);
console.log("letters:", Object.values(letters).reduce(function (a, b) { return a + b; }), "vowels:", vowels);
var lengths = ws.map(function (w) { return w.length; });
console.log("avg length:", (lengths.reduce(function (a, b) { return a + b; }) / lengths.length).toFixed(3));
var histogram = {};
lengths.forEach(function (l) { histogram[l] = (histogram[l] || "") + "*"; });
Object.keys(histogram).forEach(function (l) { console.log(String(l).padStart(2) + " " + histogram[l]); });
var capitalized = ws.slice(0, 6).map(function (w) { return w[0].toUpperCase() + w.slice(1); }).join(" ");
console.log(capitalized);
