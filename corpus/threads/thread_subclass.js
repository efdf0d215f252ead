// Thread honours new.target: a subclass instance is a running Thread with the subclass prototype.
class Worker extends Thread {
    constructor(n) {
        super((x) => x * x, n);
        this.n = n;
    }
    result() { return this.join(); }
}
const w = new Worker(9);
console.log(w instanceof Worker, w instanceof Thread, w.n, w.result());
console.log(Object.prototype.toString.call(w));
const seen = new (class extends Thread {})(() => Thread.current).join();
console.log(seen instanceof Thread, Object.getPrototypeOf(seen) !== Thread.prototype);
