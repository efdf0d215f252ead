// Recursive calls: argument passing, frame push/pop, small-integer arithmetic and comparison.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

let total = 0;
for (let round = 0; round < 8; round++) {
  total += fib(27);
}
total;
