// A reader samples a growing array's length and last element while the owner pushes: it sees
// either a pushed value or (push being two steps, length and element, with no atomicity between
// them for a racing reader) undefined, never garbage; lengths never go backwards.
const arr = [0];
const stop = { v: 0 };
const reader = new Thread(() => {
    let bad = 0, n = 0, previous = 0;
    while (Atomics.load(stop, "v") === 0 || n < 200) {
        const len = arr.length;
        const last = arr[len - 1];
        if (len < previous) bad++;
        if (last !== undefined && !(Number.isInteger(last) && last >= 0 && last < 20000)) bad++;
        previous = len;
        n++;
    }
    return bad;
});
for (let i = 1; i < 20000; i++) arr.push(i);
Atomics.store(stop, "v", 1);
console.log(reader.join(), arr.length, arr[19999]);
