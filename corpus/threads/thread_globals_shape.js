// The five globals are non-enumerable own properties of the global object; each prototype has
// Symbol.toStringTag.
const names = ["Thread", "Lock", "Condition", "ThreadLocal", "ConcurrentAccessError"];
for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    console.log(name, typeof desc.value, desc.enumerable, desc.writable, desc.configurable);
}
console.log(Object.keys(globalThis).filter((k) => names.includes(k)).length);
for (const name of ["Thread", "Lock", "Condition", "ThreadLocal"]) {
    console.log(name, globalThis[name].prototype[Symbol.toStringTag],
        globalThis[name].prototype.constructor === globalThis[name]);
}
const t = new Thread(() => 0);
t.join();
console.log(Object.prototype.toString.call(t));
console.log(Object.prototype.toString.call(new Lock()));
console.log(Object.prototype.toString.call(new Condition()));
console.log(Object.prototype.toString.call(new ThreadLocal()));
console.log(String(new Lock()));
console.log(typeof Thread.restrict, typeof Thread.prototype.join, typeof Thread.prototype.asyncJoin);
console.log(typeof Lock.prototype.hold, typeof Lock.prototype.asyncHold);
console.log(typeof Condition.prototype.wait, typeof Condition.prototype.asyncWait,
    typeof Condition.prototype.notify, typeof Condition.prototype.notifyAll);
