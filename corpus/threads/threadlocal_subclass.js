// ThreadLocal subclasses: per-thread defaults built on top of the slot.
class WithDefault extends ThreadLocal {
    constructor(make) { super(); this.make = make; }
    get() {
        if (this.value === undefined) this.value = this.make();
        return this.value;
    }
}
let made = 0;
const lock = new Lock();
const perThread = new WithDefault(() => lock.hold(() => ({ serial: ++made })));
const a = perThread.get();
console.log(perThread.get() === a, a.serial);
const others = [1, 2, 3].map(() => new Thread(() => {
    const mine = perThread.get();
    return mine === perThread.get() && mine !== a;
}));
console.log(others.map((t) => t.join()).join(","), made);
console.log(perThread instanceof ThreadLocal, Object.prototype.toString.call(perThread));
