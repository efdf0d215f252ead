// Shared counter under a Lock: THREADS threads each do ITERATIONS / THREADS increments, each one
// inside lock.hold, so the run measures uncontended-to-contended lock hand-over.
function run(threads, iterations) {
  const counter = { n: 0 };
  const lock = new Lock();
  const share = iterations / threads;
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(new Thread(() => {
      for (let i = 0; i < share; i++) lock.hold(() => { counter.n++; });
    }));
  }
  for (const worker of workers) worker.join();
  return counter.n;
}
