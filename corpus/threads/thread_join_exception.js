// join() rethrows the very same exception object, every time, on every joining thread.
const boom = new Error("boom");
const t = new Thread(() => { throw boom; });
let first, second;
try { t.join(); } catch (e) { first = e; }
try { t.join(); } catch (e) { second = e; }
console.log(first === boom, second === boom, first.message);

const fromOther = new Thread(() => {
    try { t.join(); return "no throw"; } catch (e) { return e === boom; }
}).join();
console.log(fromOther);

// Non-Error values are rethrown as they are.
try { new Thread(() => { throw 17; }).join(); } catch (e) { console.log(typeof e, e); }
const sym = Symbol("thrown");
try { new Thread(() => { throw sym; }).join(); } catch (e) { console.log(e === sym); }

// An engine-made error thrown in a thread is an instance of the (shared) builtin class.
try {
    new Thread(() => { const o = null; return o.field; }).join();
} catch (e) {
    console.log(e instanceof TypeError, e.name);
}
try {
    new Thread(() => undefinedVariableInThread).join();
} catch (e) {
    console.log(e instanceof ReferenceError, e.name);
}
