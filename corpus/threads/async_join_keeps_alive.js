// A pending asyncJoin keeps the program alive after the main script ends.
const gate = { v: 0 };
const t = new Thread(() => {
    while (Atomics.load(gate, "v") === 0) Atomics.wait(gate, "v", 0, 20);
    return "late result";
});
t.asyncJoin().then((v) => console.log("asyncJoin:", v));
// Release the thread from a timer, after the script's end.
setTimeout(() => { Atomics.store(gate, "v", 1); Atomics.notify(gate, "v"); }, 30);
console.log("script end");
