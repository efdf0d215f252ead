// Holes in a shared array read the same from every thread (absent, undefined, not inherited
// values from a hidden place), and filling them from several threads fills each exactly once.
const arr = [0, , 2, , 4, , 6];
const seen = new Thread(() => [1 in arr, String(arr[1]), 2 in arr, arr.length, arr.filter(() => true).length]).join();
console.log(seen.join(" "));
const lock = new Lock();
const fillers = [0, 1, 2].map(() => new Thread(() => {
    let filled = 0;
    for (let i = 0; i < arr.length; i++) {
        lock.hold(() => { if (!(i in arr)) { arr[i] = "f"; filled++; } });
    }
    return filled;
}));
console.log(fillers.reduce((s, t) => s + t.join(), 0), arr.join(","));
