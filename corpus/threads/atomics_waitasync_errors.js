// waitAsync validates like wait: own data property required; a timed-out async wait resolves
// with "timed-out"; a wait whose value changed before it began is "not-equal" synchronously.
function show(label, fn) {
    try { const r = fn(); console.log(label, "->", r.async, typeof r.value === "string" ? r.value : "promise"); }
    catch (e) { console.log(label, e instanceof TypeError); }
}
const o = { k: 0 };
show("absent", () => Atomics.waitAsync(o, "absent", 0));
show("inherited", () => Atomics.waitAsync(Object.create(o), "k", 0));
show("not-equal", () => Atomics.waitAsync(o, "k", 5, 1000));
show("zero timeout", () => Atomics.waitAsync(o, "k", 0, 0));
show("negative timeout", () => Atomics.waitAsync(o, "k", 0, -1));
const r = Atomics.waitAsync(o, "k", 0, 15);
r.value.then((v) => console.log("timed wait:", v, "notify now ->", Atomics.notify(o, "k")));
