// Recursive functions.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(fact(10), fact(20), fact(170) > 1e306, fact(171));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));
function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
console.log(ackermann(2, 3));
function hanoi(n, from, to, via, moves) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}
console.log(hanoi(3, "A", "C", "B", []).join(" "));
function flatten(a) {
  return a.reduce(function (acc, x) { return acc.concat(Array.isArray(x) ? flatten(x) : x); }, []);
}
console.log(flatten([1, [2, [3, [4]], 5]]));
function permutations(arr) {
  if (arr.length <= 1) return [arr];
  var out = [];
  arr.forEach(function (x, i) {
    var rest = arr.slice(0, i).concat(arr.slice(i + 1));
    permutations(rest).forEach(function (p) { out.push([x].concat(p).join("")); });
  });
  return out;
}
console.log(permutations(["a", "b", "c"]));
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
console.log(gcd(1071, 462), gcd(17, 5));
function power(base, exp) {
  if (exp === 0) return 1;
  var half = power(base, exp >> 1);
  return exp & 1 ? half * half * base : half * half;
}
console.log(power(3, 13), power(2, 30));
