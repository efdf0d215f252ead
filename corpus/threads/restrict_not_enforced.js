// Deliberately not enforced on a restricted object: getPrototypeOf and indexed reads of its
// elements; holding, passing and comparing the reference never touch the object.
const proto = { kind: "proto" };
const o = Thread.restrict(Object.create(proto));
const arr = Thread.restrict([10, 20, 30]);
const r = new Thread(() => {
    const out = [];
    out.push(Object.getPrototypeOf(o) === proto);
    out.push(arr[0] + arr[2]);
    out.push(o === o);
    out.push(typeof o);
    return out;
}).join();
console.log(r.join(" "));
