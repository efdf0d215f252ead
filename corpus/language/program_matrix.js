// Matrix multiply, transpose, identity, determinant and power.
function mul(a, b) {
  return a.map(function (row) {
    return b[0].map(function (_, j) {
      return row.reduce(function (s, v, k) { return s + v * b[k][j]; }, 0);
    });
  });
}
function transpose(m) { return m[0].map(function (_, j) { return m.map(function (r) { return r[j]; }); }); }
function identity(n) { return Array.from({ length: n }, function (_, i) { return Array.from({ length: n }, function (_, j) { return i === j ? 1 : 0; }); }); }
function det(m) {
  if (m.length === 1) return m[0][0];
  if (m.length === 2) return m[0][0] * m[1][1] - m[0][1] * m[1][0];
  return m[0].reduce(function (s, v, j) {
    var minor = m.slice(1).map(function (r) { return r.filter(function (_, c) { return c !== j; }); });
    return s + (j % 2 ? -1 : 1) * v * det(minor);
  }, 0);
}
function pow(m, n) { var r = identity(m.length); while (n > 0) { if (n & 1) r = mul(r, m); m = mul(m, m); n >>= 1; } return r; }
function show(m) { return m.map(function (r) { return r.join(" "); }).join(" / "); }
var a = [[1, 2, 3], [4, 5, 6]];
var b = [[7, 8], [9, 10], [11, 12]];
console.log(show(mul(a, b)));
console.log(show(transpose(a)));
console.log(show(mul(identity(3), b)) === show(b));
console.log(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [2, 4]]), det(identity(4)));
console.log(show(pow([[1, 1], [1, 0]], 10)));
var big = Array.from({ length: 20 }, function (_, i) { return Array.from({ length: 20 }, function (_, j) { return (i * 20 + j) % 7; }); });
var sq = mul(big, big);
console.log(sq[0][0], sq[19][19], sq.reduce(function (s, r) { return s + r.reduce(function (x, y) { return x + y; }, 0); }, 0));
var rot = [[0, -1], [1, 0]];
console.log(show(mul(rot, [[1], [0]])), show(pow(rot, 4)));
