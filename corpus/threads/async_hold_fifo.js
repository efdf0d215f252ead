// Async tickets on one lock are granted in FIFO order, one at a time.
const lock = new Lock();
const order = [];
const ps = [];
for (const name of ["a", "b", "c", "d", "e"]) {
    ps.push(lock.asyncHold(() => {
        order.push(name + (lock.locked ? "+" : "-"));
        return name;
    }));
}
Promise.all(ps).then((values) => {
    console.log(order.join(" "));
    console.log(values.join(""), lock.locked);
});
