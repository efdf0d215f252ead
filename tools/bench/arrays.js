// Arrays: push/pop, indexed reads and writes, map/filter/reduce with callbacks, and sort with a
// comparator on numbers produced by a deterministic generator.
function run(rounds) {
  let seed = 12345;
  function random() {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed;
  }
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    const stack = [];
    for (let i = 0; i < 2000; i++) stack.push(random() % 1000);
    let popped = 0;
    while (stack.length > 1000) popped += stack.pop();
    const squares = stack.map((x) => x * x);
    const even = squares.filter((x) => (x & 1) === 0);
    const sum = even.reduce((acc, x) => (acc + x) | 0, 0);
    const sorted = stack.slice().sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i += 50) checksum = (checksum + sorted[i] * i) | 0;
    checksum = (checksum + popped + sum + even.length) | 0;
  }
  return checksum;
}

run(200);
