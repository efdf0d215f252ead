// String building: word wrap, table rendering, run-length encoding, roman numerals.
function wrap(text, width) {
  var lines = [], line = "";
  text.split(" ").forEach(function (w) {
    if (line && (line + " " + w).length > width) { lines.push(line); line = w; }
    else line = line ? line + " " + w : w;
  });
  if (line) lines.push(line);
  return lines;
}
wrap("The quick brown fox jumps over the lazy dog and keeps running far away", 20)
  .forEach(function (l) { console.log("|" + l.padEnd(20) + "|"); });
function table(rows) {
  var widths = rows[0].map(function (_, c) { return Math.max.apply(null, rows.map(function (r) { return String(r[c]).length; })); });
  var sep = "+" + widths.map(function (w) { return "-".repeat(w + 2); }).join("+") + "+";
  var out = [sep];
  rows.forEach(function (r, i) {
    out.push("| " + r.map(function (cell, c) {
      return typeof cell === "number" ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]);
    }).join(" | ") + " |");
    if (i === 0) out.push(sep);
  });
  out.push(sep);
  return out.join("\n");
}
console.log(table([["name", "qty", "price"], ["apple", 3, 1.25], ["watermelon", 12, 30], ["fig", 100, 0.5]]));
function rle(s) {
  var out = "";
  for (var i = 0; i < s.length;) {
    var j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += (j - i > 1 ? j - i : "") + s[i];
    i = j;
  }
  return out;
}
console.log(rle("aaabccddddde"), rle(""), rle("abc"));
function roman(n) {
  var map = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  return map.reduce(function (acc, p) { while (n >= p[0]) { acc += p[1]; n -= p[0]; } return acc; }, "");
}
console.log([1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999].map(roman).join(" "));
var sb = [];
for (var i = 0; i < 5; i++) sb.push("<li>" + "item " + i + "</li>");
console.log("<ul>" + sb.join("") + "</ul>");
