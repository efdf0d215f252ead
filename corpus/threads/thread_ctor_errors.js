// Thread constructor errors: without new, and a non-callable first argument.
function show(label, fn) {
    try {
        fn();
        console.log(label, "no error");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
show("call", () => Thread(() => 0));
show("call-noarg", () => Thread());
show("none", () => new Thread());
show("undefined", () => new Thread(undefined));
show("null", () => new Thread(null));
show("number", () => new Thread(1));
show("string", () => new Thread("function () {}"));
show("object", () => new Thread({}));
show("array", () => new Thread([() => 1]));
// A failed spawn leaks nothing: spawning still works.
console.log(new Thread(() => "ok").join());
// Classes are callable objects but throw when called without new, inside the thread.
class K {}
try {
    new Thread(K).join();
} catch (e) {
    console.log("class", e instanceof TypeError);
}
