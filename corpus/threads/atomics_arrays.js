// Atomics on array elements by index; a store at or past the end grows the array densely.
const arr = [1, 2, 3];
console.log(Atomics.add(arr, 1, 10), arr[1], Atomics.exchange(arr, 0, "swapped"), arr[0]);
console.log(Atomics.compareExchange(arr, "2", 3, 30), arr[2]);
console.log(Atomics.store(arr, 3, "appended"), arr.length, arr[3]);
const grow = [];
for (let i = 0; i < 100; i++) Atomics.store(grow, i, i * i);
console.log(grow.length, grow[99], Object.keys(grow).length);
let holes = 0;
for (let i = 0; i < grow.length; i++) if (!(i in grow)) holes++;
console.log(holes);
try {
    Atomics.load(arr, 10);
} catch (e) {
    console.log(e instanceof TypeError, e.message);
}
console.log(Atomics.load(arr, "length"));
