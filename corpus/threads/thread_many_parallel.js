// 24 threads alive at once, each doing independent work; results joined in order.
function work(seed) {
    let x = seed;
    for (let i = 0; i < 8000; i++) x = (x * 1103515245 + 12345) % 2147483648;
    return x;
}
const threads = [];
for (let i = 0; i < 24; i++) threads.push(new Thread(work, i));
const parallel = threads.map((t) => t.join());
console.log(parallel.length, parallel.every((x) => Number.isInteger(x) && x >= 0 && x < 2147483648));
console.log(parallel[0], parallel[23]);
