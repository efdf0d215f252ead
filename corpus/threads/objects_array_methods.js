// Array builtins on arrays owned by another thread: sort, splice, map, reverse, concat, and a
// thread growing an array main created (foreign growth) followed by main growing it again.
const arr = [];
for (let i = 0; i < 200; i++) arr.push((i * 37) % 200);
const sorted = new Thread((a) => { a.sort((x, y) => x - y); return a; }, arr).join();
console.log(sorted === arr, arr[0], arr[199], arr.length);
new Thread((a) => { a.splice(10, 180); a.reverse(); }, arr).join();
console.log(arr.length, arr.slice(0, 4).join(","), arr.slice(-3).join(","));
new Thread((a) => { for (let i = 0; i < 1000; i++) a.push(i); }, arr).join();
for (let i = 0; i < 1000; i++) arr.push(-i);
console.log(arr.length, arr[20], arr[1019], arr[2019]);
const mapped = new Thread(() => arr.map((x) => x * 2).filter((x) => x > 1990)).join();
console.log(mapped.join(","));
