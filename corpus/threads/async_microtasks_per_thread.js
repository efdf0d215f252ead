// Each thread drains its own microtask queue: reactions registered on a thread run on that
// thread, in order, and never on main.
const r = new Thread(() => {
    const order = [];
    const me = Thread.current;
    Promise.resolve().then(() => order.push("a:" + (Thread.current === me)));
    queueMicrotask(() => order.push("b:" + (Thread.current === me)));
    Promise.reject(new Error("x")).catch(() => order.push("c"));
    order.push("sync");
    return order;
}).join();
console.log(r.join(" "));
let mainOrder = [];
Promise.resolve().then(() => mainOrder.push("main micro"));
setTimeout(() => console.log(mainOrder.join(), Thread.current.id), 0);
