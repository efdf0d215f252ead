// Closures are shared, not copied: a thread sees and updates the creator's variables, and the
// updates are visible after join (join orders the thread's writes before its return).
let counter = 10;
const log = [];
function bump(by) { counter += by; log.push("bump " + by); }
new Thread(() => bump(5)).join();
new Thread(() => bump(7)).join();
console.log(counter, log.join(", "));
// A closure made inside a thread works on main after join.
const make = new Thread(() => {
    let hidden = 0;
    return { inc: () => ++hidden, get: () => hidden };
}).join();
make.inc(); make.inc();
console.log(make.get());
// Global variables too.
var globalVar = "before";
new Thread(() => { globalVar = "after"; globalThis.addedByThread = 1; }).join();
console.log(globalVar, addedByThread);
