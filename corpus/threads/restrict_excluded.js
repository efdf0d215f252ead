// Thread.restrict rejects non-objects and excluded receivers with TypeError
// "cannot restrict this object", and leaves them usable.
function show(label, value) {
    try {
        Thread.restrict(value);
        console.log(label, "restricted");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
show("undefined", undefined);
show("null", null);
show("number", 42);
show("string", "x");
show("boolean", true);
show("symbol", Symbol("s"));
show("globalThis", globalThis);
show("Array", Array);
show("Array.prototype", Array.prototype);
show("Promise", Promise);
show("Promise.prototype", Promise.prototype);
// Functions reify properties lazily on first use, which the checks could not cover (as in Bun).
show("function", function f() {});
// Still usable from other threads.
console.log(new Thread(() => [1, 2].map((x) => x * 2).join() + " " + typeof Promise.resolve).join());
show("plain object", {});
show("plain array", []);
