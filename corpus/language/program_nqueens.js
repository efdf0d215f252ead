// N-queens via backtracking: count and print solutions for n = 6.
function solve(n) {
  var solutions = [], cols = [], used = new Set(), d1 = new Set(), d2 = new Set();
  (function place(r) {
    if (r === n) { solutions.push(cols.slice()); return; }
    for (var c = 0; c < n; c++) {
      if (used.has(c) || d1.has(r - c) || d2.has(r + c)) continue;
      cols.push(c); used.add(c); d1.add(r - c); d2.add(r + c);
      place(r + 1);
      cols.pop(); used.delete(c); d1.delete(r - c); d2.delete(r + c);
    }
  })(0);
  return solutions;
}
var sols = solve(6);
console.log("solutions for 6:", sols.length);
sols.forEach(function (s, i) {
  console.log("solution " + (i + 1) + ": " + s.join(""));
  s.forEach(function (c) {
    var row = "";
    for (var k = 0; k < 6; k++) row += k === c ? "Q " : ". ";
    console.log(row.trimEnd());
  });
});
var counts = [];
for (var n = 1; n <= 7; n++) counts.push(solve(n).length);
console.log("counts 1..7:", counts.join(" "));
