// ThreadLocal: one slot per thread, initially undefined everywhere; writes stay on their thread.
const tl = new ThreadLocal();
console.log(tl.value);
tl.value = "main's";
const seen = new Thread(() => {
    const before = tl.value;
    tl.value = "thread's";
    return [before, tl.value];
}).join();
console.log(seen[0], seen[1]);
console.log(tl.value);
// A fresh thread starts from undefined again, even though the previous thread wrote.
console.log(new Thread(() => tl.value).join());
// The accessor lives on the prototype; instances have no own properties.
const desc = Object.getOwnPropertyDescriptor(ThreadLocal.prototype, "value");
console.log(typeof desc.get, typeof desc.set, Object.getOwnPropertyNames(tl).length);
