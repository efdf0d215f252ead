// A reusable barrier (Lock + Condition + generation counter): 5 threads x 20 phases. No
// thread enters phase k+1 before all threads finished phase k.
const N = 5, PHASES = 20;
const lock = new Lock();
const cond = new Condition();
const b = { count: 0, generation: 0 };
function barrier() {
    lock.hold(() => {
        const gen = b.generation;
        if (++b.count === N) {
            b.count = 0;
            b.generation++;
            cond.notifyAll();
        } else {
            while (gen === b.generation) cond.wait(lock);
        }
    });
}
const done = [];
for (let p = 0; p < PHASES; p++) done.push(0);
let violations = 0;
const threads = [];
for (let t = 0; t < N; t++) {
    threads.push(new Thread(() => {
        for (let p = 0; p < PHASES; p++) {
            lock.hold(() => {
                if (p > 0 && done[p - 1] !== N) violations++;
                done[p]++;
            });
            barrier();
        }
    }));
}
threads.forEach((t) => t.join());
console.log(violations, done.every((d) => d === N), b.generation);
