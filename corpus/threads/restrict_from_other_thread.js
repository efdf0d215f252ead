// Restricting an object that another thread already restricted throws ConcurrentAccessError
// "Thread.restrict called from a non-owning thread".
const o = Thread.restrict({ v: 1 });
const r = new Thread(() => {
    try {
        Thread.restrict(o);
        return "no error";
    } catch (e) {
        return [e instanceof ConcurrentAccessError, e instanceof Error, e.name, e.message].join(" | ");
    }
}).join();
console.log(r);
// The owner can still restrict it again.
console.log(Thread.restrict(o) === o, o.v);
