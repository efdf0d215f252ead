// Breadth-first search through a text maze, printing the shortest path.
var maze = [
  "S.#.......",
  ".##.####.#",
  "....#....#",
  "#.#.#.##.#",
  "..#...#..E",
  ".###.##.##"
];
var H = maze.length, W = maze[0].length;
function find(ch) {
  for (var y = 0; y < H; y++) { var x = maze[y].indexOf(ch); if (x >= 0) return [y, x]; }
}
var start = find("S"), end = find("E");
var prev = new Map();
var key = function (p) { return p[0] + "," + p[1]; };
var queue = [start];
prev.set(key(start), null);
var steps = 0;
while (queue.length) {
  var cur = queue.shift();
  steps++;
  if (key(cur) === key(end)) break;
  [[1, 0], [-1, 0], [0, 1], [0, -1]].forEach(function (d) {
    var n = [cur[0] + d[0], cur[1] + d[1]];
    if (n[0] < 0 || n[1] < 0 || n[0] >= H || n[1] >= W) return;
    if (maze[n[0]][n[1]] === "#" || prev.has(key(n))) return;
    prev.set(key(n), cur);
    queue.push(n);
  });
}
var path = [];
for (var p = end; p; p = prev.get(key(p))) path.unshift(p);
console.log("path length", path.length - 1, "cells explored", steps);
var grid = maze.map(function (r) { return r.split(""); });
path.slice(1, -1).forEach(function (p) { grid[p[0]][p[1]] = "*"; });
grid.forEach(function (r) { console.log(r.join("")); });
var unreachable = maze.join("").split("").filter(function (c, i) {
  return c === "." && !prev.has(Math.floor(i / W) + "," + (i % W));
}).length;
console.log("unreachable open cells", unreachable);
