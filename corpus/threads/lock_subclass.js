// Lock honours new.target: subclass instances are real locks with the subclass prototype.
class NamedLock extends Lock {
    constructor(name) { super(); this.name = name; }
    run(fn) { return this.hold(fn); }
}
const l = new NamedLock("L");
console.log(l instanceof NamedLock, l instanceof Lock, l.name);
console.log(l.run(() => l.locked), l.locked);
const counts = { n: 0 };
const ts = [1, 2, 3].map(() => new Thread(() => { for (let i = 0; i < 300; i++) l.run(() => counts.n++); }));
ts.forEach((t) => t.join());
console.log(counts.n);
// Plain instances share one prototype and no own properties.
const a = new Lock(), b = new Lock();
console.log(Object.getPrototypeOf(a) === Object.getPrototypeOf(b), Object.getOwnPropertyNames(a).length);
