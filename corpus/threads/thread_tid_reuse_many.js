// @timeout: 240
// More Threads over one runtime's life than there are TIDs (32766 besides main's): a dead
// thread's TID is reused once a collection has retired it [THR-20, OM-17]. Short threads,
// joined in batches. Every thread also reads an object a dead thread restricted (which must
// stay closed to everyone, also to whichever thread reuses its TID) and appends to an array a
// dead thread created (whose reuser of the TID must still take the foreign-write path, OM-4).
const TOTAL = 33000;
const BATCH = 100;
const first = new Thread(() => {
  const closed = { secret: 42 };
  Thread.restrict(closed);
  return { closed, log: [] };
}).join();
let denied = 0;
let sum = 0;
for (let started = 0; started < TOTAL; started += BATCH) {
  const batch = [];
  for (let i = 0; i < BATCH; i++) {
    batch.push(new Thread((k) => {
      let refused = 0;
      try {
        first.closed.secret;
      } catch (e) {
        if (e instanceof ConcurrentAccessError) refused = 1;
      }
      if (k % 1000 === 0) first.log.push(k);
      return refused + k;
    }, started + i));
  }
  for (let i = 0; i < BATCH; i++) {
    const r = batch[i].join() - (started + i);
    denied += r;
    sum += started + i;
  }
}
console.log("threads started:", TOTAL + 1);
console.log("restricted object refused every time:", denied === TOTAL);
console.log("sum ok:", sum === (TOTAL * (TOTAL - 1)) / 2);
console.log("log:", first.log.length, first.log.slice(0, 3).join(","), first.log[first.log.length - 1]);
