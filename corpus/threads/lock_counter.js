// @repeat: 2
// 4 threads x 5000 increments of a plain property under one Lock: the total is exact.
const lock = new Lock();
const shared = { count: 0 };
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread(() => {
        for (let i = 0; i < 5000; i++) lock.hold(() => { shared.count++; });
        return "done";
    }));
}
console.log(threads.map((t) => t.join()).join(","));
console.log(shared.count, lock.locked);
