// Unlocked push from several threads onto one array is a data race: elements may be lost or
// overwritten, but the array stays a valid array and holds only pushed values (or holes).
const arr = [];
const ts = [];
for (let t = 0; t < 4; t++) {
    ts.push(new Thread((me) => {
        for (let i = 0; i < 2000; i++) arr.push(me * 10000 + i);
    }, t));
}
ts.forEach((t) => t.join());
let bad = 0;
for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v % 10000 >= 2000 || v < 0 || v >= 40000) bad++;
}
console.log(arr.length >= 2000 && arr.length <= 8000, bad);
// The array keeps working normally afterwards.
arr.length = 0;
arr.push(1, 2, 3);
console.log(arr.join(","));
