// A restricted object on the prototype chain guards lookups that reach it from other threads;
// own properties found before it are unaffected.
const base = Thread.restrict({ inherited: "from base" });
const child = Object.create(base);
child.own = "child's own";
console.log(child.inherited);
const r = new Thread(() => {
    const out = [child.own];
    try {
        out.push(child.inherited);
    } catch (e) {
        out.push(e instanceof ConcurrentAccessError ? "CAE" : e.name);
    }
    try {
        out.push("missing" in child);
    } catch (e) {
        out.push(e instanceof ConcurrentAccessError ? "CAE" : e.name);
    }
    child.own = "changed";
    return out.join(" | ");
}).join();
console.log(r, "|", child.own);
