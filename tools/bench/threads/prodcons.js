// Producer/consumer: one producer thread hands ITERATIONS items to one consumer thread through a
// bounded queue guarded by a Lock, with Conditions for "not full" and "not empty".
function run(threads, iterations) {
  const lock = new Lock();
  const notFull = new Condition();
  const notEmpty = new Condition();
  const queue = [];
  const capacity = 64;
  const producer = new Thread(() => {
    for (let i = 0; i < iterations; i++) {
      lock.hold(() => {
        while (queue.length >= capacity) notFull.wait(lock);
        queue.push(i);
        notEmpty.notify();
      });
    }
  });
  const consumer = new Thread(() => {
    let sum = 0;
    for (let i = 0; i < iterations; i++) {
      sum += lock.hold(() => {
        while (queue.length === 0) notEmpty.wait(lock);
        const item = queue.shift();
        notFull.notify();
        return item;
      });
    }
    return sum;
  });
  producer.join();
  return consumer.join();
}
