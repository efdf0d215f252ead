// Conway's game of life on a small torus: a glider and a blinker.
function parse(rows) { return rows.map(function (r) { return r.split("").map(function (c) { return c === "#" ? 1 : 0; }); }); }
function step(g) {
  var h = g.length, w = g[0].length;
  return g.map(function (row, y) {
    return row.map(function (cell, x) {
      var n = 0;
      for (var dy = -1; dy <= 1; dy++) for (var dx = -1; dx <= 1; dx++) {
        if (dx || dy) n += g[(y + dy + h) % h][(x + dx + w) % w];
      }
      return n === 3 || (cell && n === 2) ? 1 : 0;
    });
  });
}
function show(g) { return g.map(function (r) { return r.map(function (c) { return c ? "#" : "."; }).join(""); }); }
var glider = parse([".#....", "..#...", "###...", "......", "......", "......"]);
var g = glider;
for (var gen = 0; gen <= 4; gen += 2) {
  console.log("generation " + gen);
  show(g).forEach(function (l) { console.log(l); });
  g = step(step(g));
}
var population = function (grid) { return grid.reduce(function (s, r) { return s + r.reduce(function (a, b) { return a + b; }, 0); }, 0); };
var g24 = glider;
for (var i = 0; i < 24; i++) g24 = step(g24);
console.log("after 24 steps population", population(g24), "same as start:", show(g24).join() === show(glider).join());
var blinker = parse([".....", "..#..", "..#..", "..#..", "....."]);
console.log(show(step(blinker)).join("/"));
console.log(show(step(step(blinker))).join("/") === show(blinker).join("/"));
