// Validate sudoku grids and solve a small one by backtracking.
function parse(s) { return s.split("/").map(function (r) { return r.split("").map(Number); }); }
function valid(g) {
  for (var i = 0; i < 9; i++) {
    var row = new Set(), col = new Set(), box = new Set();
    for (var j = 0; j < 9; j++) {
      var r = g[i][j], c = g[j][i], b = g[3 * Math.floor(i / 3) + Math.floor(j / 3)][3 * (i % 3) + (j % 3)];
      if (r && row.has(r)) return "row " + i; if (r) row.add(r);
      if (c && col.has(c)) return "col " + i; if (c) col.add(c);
      if (b && box.has(b)) return "box " + i; if (b) box.add(b);
    }
  }
  return "valid";
}
var puzzle = parse("530070000/600195000/098000060/800060003/400803001/700020006/060000280/000419005/000080079");
console.log(valid(puzzle));
var broken = parse("530070000/600195000/098000060/800060003/400803001/700020006/060000280/000419005/500080079");
console.log(valid(broken));
var calls = 0;
function solve(g) {
  calls++;
  for (var r = 0; r < 9; r++) for (var c = 0; c < 9; c++) {
    if (g[r][c]) continue;
    for (var v = 1; v <= 9; v++) {
      g[r][c] = v;
      if (valid(g) === "valid" && solve(g)) return true;
    }
    g[r][c] = 0;
    return false;
  }
  return true;
}
var almost = parse("534678912/672195348/198342567/859761423/426853791/713924856/961537284/287419635/345286100");
console.log(solve(almost), calls, valid(almost));
console.log(almost[8].join(""));
console.log(almost.every(function (row) { return row.reduce(function (a, b) { return a + b; }) === 45; }));
