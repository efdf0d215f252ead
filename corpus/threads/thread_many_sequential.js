// 150 threads started and joined one after another: each gets its argument, nothing leaks.
let total = 0;
for (let i = 0; i < 150; i++) {
    total += new Thread((n) => n * 2, i).join();
}
console.log(total);
