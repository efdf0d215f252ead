// Every join, from any thread and any number of times, returns the same result.
const result = { id: "result" };
const t = new Thread(() => result);
const a = t.join();
const b = t.join();
const joiners = [];
for (let i = 0; i < 4; i++) joiners.push(new Thread(() => t.join() === result && t.join() === result));
console.log(a === result, b === result);
console.log(joiners.map((j) => j.join()).join(","));
