// A thread joining itself throws Error "Thread cannot join itself" instead of hanging.
const t = new Thread(() => {
    try {
        Thread.current.join();
        return "no error";
    } catch (e) {
        return [e.constructor === Error, e.name, e.message];
    }
});
console.log(t.join().join(" | "));

// The main thread too.
try {
    Thread.current.join();
} catch (e) {
    console.log(e.constructor === Error, e.message);
}
