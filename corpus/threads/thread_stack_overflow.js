// Unbounded recursion on a spawned thread throws a RangeError on that thread (joined as its
// failure), never a crash; main and other threads are unaffected and the thread's stack limit
// is its own.
function down(n) { return down(n + 1) + 1; }
const t = new Thread(() => down(0));
try {
    t.join();
} catch (e) {
    console.log("thread:", e instanceof RangeError);
}
const both = [0, 1].map(() => new Thread(() => {
    try { down(0); } catch (e) { return e instanceof RangeError; }
    return "no overflow";
}));
console.log("two at once:", both.map((x) => x.join()).join(","));
try { down(0); } catch (e) { console.log("main:", e instanceof RangeError); }
// Deep but bounded recursion works on a thread.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(new Thread(() => depth(2000)).join());
