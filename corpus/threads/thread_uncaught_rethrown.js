// A thread's exception that main rethrows from join() and never catches ends the program with
// the usual uncaught-error report and exit code 1. (A thrown number has no stack to print.)
console.log("before");
const t = new Thread(() => { throw 404; });
t.join();
console.log("not reached");
