// Many threads (and main) block in join on one running thread; when it finishes, all of them
// wake with the same result.
const gate = { open: 0 };
const result = { token: "shared result" };
const target = new Thread(() => {
    while (Atomics.load(gate, "open") === 0) Atomics.wait(gate, "open", 0);
    return result;
});
const joiners = [];
for (let i = 0; i < 6; i++) joiners.push(new Thread(() => target.join() === result));
Atomics.wait({ z: 0 }, "z", 0, 20);   // let the joiners block first (not needed for the result)
Atomics.store(gate, "open", 1);
Atomics.notify(gate, "open");
console.log(target.join() === result, joiners.map((j) => j.join()).join(","));
