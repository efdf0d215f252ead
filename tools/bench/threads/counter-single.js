// Shared-counter baseline: one thread does all ITERATIONS increments of a plain property.
function run(threads, iterations) {
  const counter = { n: 0 };
  const worker = new Thread(() => {
    for (let i = 0; i < iterations; i++) counter.n++;
  });
  worker.join();
  return counter.n;
}
