// @exit: 1
// Main joins a thread that joins main: nothing can ever run again. The runtime reports the
// deadlock, naming what every thread waits on, and exits with status 1 instead of hanging.
const main = Thread.current;
const t = new Thread((m) => m.join(), main);
console.log("joining");
t.join();
console.log("not reached");
