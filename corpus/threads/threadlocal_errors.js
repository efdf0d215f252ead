// ThreadLocal errors: no new and wrong receivers for the value accessor.
function show(label, fn) {
    try {
        fn();
        console.log(label, "no error");
    } catch (e) {
        console.log(label, e instanceof TypeError, e.message);
    }
}
const desc = Object.getOwnPropertyDescriptor(ThreadLocal.prototype, "value");
show("call", () => ThreadLocal());
show("get {}", () => desc.get.call({}));
show("set {}", () => desc.set.call({}, 1));
show("get lock", () => desc.get.call(new Lock()));
show("get prototype", () => ThreadLocal.prototype.value);
show("set prototype", () => { ThreadLocal.prototype.value = 1; });
const tl = new ThreadLocal();
tl.value = "fine";
console.log(desc.get.call(tl));
