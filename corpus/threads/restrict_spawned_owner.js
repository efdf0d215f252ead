// An object restricted by a spawned thread stays restricted after that thread finished: main is
// foreign to it.
const mine = new Thread(() => {
    const m = Thread.restrict({ f: "spawned" });
    m.g = m.f + "!";
    return m;
}).join();
function kind(fn) {
    try { fn(); return "ok"; } catch (e) { return e instanceof ConcurrentAccessError ? "CAE" : e.name; }
}
console.log(kind(() => mine.f), kind(() => { mine.f = 1; }), kind(() => Object.keys(mine)));
try {
    Thread.restrict(mine);
} catch (e) {
    console.log(e.name + ": " + e.message);
}
// The object is still reachable and its identity is intact.
console.log(typeof mine, Object.getPrototypeOf(mine) === Object.prototype);
