// fill and copyWithin.
console.log(new Array(4).fill(7), [1, 2, 3, 4].fill(0, 1), [1, 2, 3, 4].fill(0, 1, 2));
console.log([1, 2, 3, 4].fill(9, -2), [1, 2, 3].fill(5, 5), [1, 2, 3].fill(5, -10, -2));
var shared = new Array(2).fill({});
shared[0].x = 1;
console.log(shared[1].x, shared[0] === shared[1]);
console.log([1, 2, 3].fill(), Array.prototype.fill.call({ length: 2 }, "o"));
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 3, 4));
console.log([1, 2, 3, 4, 5].copyWithin(-2, 0), [1, 2, 3, 4, 5].copyWithin(2, 0));
console.log([1, 2, 3, 4, 5].copyWithin(0, -3, -1), [1, 2, 3].copyWithin(5, 0));
var withHole = [1, , 3, 4];
withHole.copyWithin(2, 0, 2);
console.log(withHole.length, 3 in withHole, withHole[2]);
var a = [1, 2, 3];
console.log(a.fill(0) === a, a.copyWithin(0, 1) === a);
var grid = Array.from({ length: 3 }, function () { return new Array(3).fill("."); });
grid[1][1] = "#";
console.log(grid.map(function (r) { return r.join(""); }).join("/"));
