// @repeat: 2
// A bounded queue with Lock + two Conditions: 2 producers, 3 consumers, 3000 items.
// Every item is consumed exactly once; the queue never exceeds its capacity.
const CAP = 8, PER_PRODUCER = 1500, PRODUCERS = 2, CONSUMERS = 3;
const lock = new Lock();
const notFull = new Condition();
const notEmpty = new Condition();
const q = { items: [], closed: 0, maxSeen: 0 };

function produce(base) {
    for (let i = 0; i < PER_PRODUCER; i++) {
        lock.hold(() => {
            while (q.items.length >= CAP) notFull.wait(lock);
            q.items.push(base + i);
            if (q.items.length > q.maxSeen) q.maxSeen = q.items.length;
            notEmpty.notify();
        });
    }
    lock.hold(() => { q.closed++; notEmpty.notifyAll(); });
}
function consume() {
    let sum = 0, count = 0;
    for (;;) {
        const item = lock.hold(() => {
            while (q.items.length === 0 && q.closed < PRODUCERS) notEmpty.wait(lock);
            if (q.items.length === 0) return null;
            const v = q.items.shift();
            notFull.notify();
            return v;
        });
        if (item === null) return [sum, count];
        sum += item;
        count++;
    }
}
const consumers = [];
for (let c = 0; c < CONSUMERS; c++) consumers.push(new Thread(consume));
const producers = [];
for (let p = 0; p < PRODUCERS; p++) producers.push(new Thread(produce, p * 100000));
producers.forEach((t) => t.join());
let sum = 0, count = 0;
for (const t of consumers) { const [s, c] = t.join(); sum += s; count += c; }
let expected = 0;
for (let p = 0; p < PRODUCERS; p++) for (let i = 0; i < PER_PRODUCER; i++) expected += p * 100000 + i;
console.log(count, sum === expected, q.items.length, q.maxSeen <= CAP);
