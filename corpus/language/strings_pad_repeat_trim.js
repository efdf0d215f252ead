// padStart/padEnd, repeat, trim/trimStart/trimEnd.
console.log("5".padStart(3, "0"), "5".padEnd(3, "*"), "abc".padStart(2));
console.log(JSON.stringify("x".padStart(5)), JSON.stringify("x".padEnd(5)));
console.log("abc".padStart(10, "123"), "abc".padEnd(8, "xy"));
console.log("abc".padStart(6, ""), "7".padStart(3, undefined));
console.log("ab".repeat(3), JSON.stringify("ab".repeat(0)), "-".repeat(10));
try {
  "a".repeat(-1);
} catch (e) {
  console.log(e instanceof RangeError);
}
try {
  "a".repeat(Infinity);
} catch (e) {
  console.log(e.name);
}
var w = " \t\n hello world \n\t ";
console.log(JSON.stringify(w.trim()), JSON.stringify(w.trimStart()), JSON.stringify(w.trimEnd()));
console.log(JSON.stringify("\u00a0\ufeffx\u2003".trim()));
console.log(String.prototype.trimLeft === String.prototype.trimStart);
function table(rows) {
  return rows.map(function (r) { return r[0].padEnd(8, ".") + String(r[1]).padStart(5); });
}
var lines = table([["apples", 3], ["kiwi", 120], ["fig", 7]]);
for (var i = 0; i < lines.length; i++) console.log(lines[i]);
