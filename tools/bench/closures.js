// Closures: creating function objects that capture variables, calling them, and mutating
// captured variables from inside (boxed upvalues), including closures passed as arguments.
function makeCounter(start) {
  let count = start;
  return {
    next() { count += 1; return count; },
    add(n) { count += n; return count; },
  };
}

function compose(f, g) {
  return (x) => f(g(x));
}

function run(n) {
  let sum = 0;
  const counter = makeCounter(0);
  const inc = (x) => x + 1;
  const dbl = (x) => (x * 2) & 0xffff;
  const both = compose(inc, dbl);
  for (let i = 0; i < n; i++) {
    const adder = (x) => x + i;
    sum = (sum + adder(counter.next()) + both(i)) | 0;
    if ((i & 7) === 0) {
      sum = (sum + makeCounter(i).add(3)) | 0;
    }
  }
  return sum;
}

run(600000);
