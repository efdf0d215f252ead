// Threads that start threads: a binary tree of depth 4 (31 threads) summing 1..16 at the leaves.
function sum(lo, hi, depth) {
    if (depth === 0) {
        let s = 0;
        for (let i = lo; i <= hi; i++) s += i;
        return s;
    }
    const mid = (lo + hi) >> 1;
    const left = new Thread(sum, lo, mid, depth - 1);
    const right = new Thread(sum, mid + 1, hi, depth - 1);
    return left.join() + right.join();
}
console.log(sum(1, 1000, 4));
// A grandchild's Thread object can be joined by its grandparent.
const grand = new Thread(() => new Thread(() => new Thread(() => "deep"))).join().join().join();
console.log(grand);
