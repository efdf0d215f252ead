// @flags: --max-threads=3
// maxJSThreads [THR-18]: at most 3 spawned Threads live at once; the 4th `new Thread` throws the
// notes' RangeError and leaves no trace; once one finishes (and is joined) a new one may start.
// Ids stay unique and increasing.
const flag = { go: 0 };
const work = () => { while (Atomics.load(flag, "go") === 0) {} return Thread.current.id; };
const threads = [new Thread(work), new Thread(work), new Thread(work)];
try {
    new Thread(work);
    console.log("no error");
} catch (e) {
    console.log(e.constructor.name + ": " + e.message);
}
Atomics.store(flag, "go", 1);
const ids = threads.map((t) => t.join());
console.log(ids.every((id, i) => id === threads[i].id), ids[0] < ids[1] && ids[1] < ids[2]);
// The finished threads stop counting (a short wait for the last one to leave the runtime).
let late;
for (let attempt = 0; attempt < 1000 && !late; attempt++) {
    try { late = new Thread(() => "late"); } catch (e) { Atomics.wait(flag, "go", 1, 5); }
}
console.log(late.join(), late.id > ids[2]);
