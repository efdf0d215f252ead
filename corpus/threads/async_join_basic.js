// asyncJoin returns a promise for the thread's result; it never settles synchronously, even for
// a thread that has already finished.
const t = new Thread(() => 6 * 7);
const p = t.asyncJoin();
console.log(p instanceof Promise);
t.join();
let settled = false;
const again = t.asyncJoin();
again.then(() => { settled = true; });
console.log("after finished join, settled synchronously:", settled);
Promise.all([p, again]).then(([a, b]) => console.log("resolved", a, b, settled));
