// Shared counter with Atomics.add on an object property: THREADS threads each do
// ITERATIONS / THREADS seq-cst read-modify-writes of one property.
function run(threads, iterations) {
  const counter = { n: 0 };
  const share = iterations / threads;
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(new Thread(() => {
      for (let i = 0; i < share; i++) Atomics.add(counter, "n", 1);
    }));
  }
  for (const worker of workers) worker.join();
  return counter.n;
}
