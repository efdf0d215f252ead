// First uses racing on several threads: a function's prototype object, an Error's stack, and
// a class's methods are created once and seen identically by every thread.
function F() {}
class C { m() { return "m"; } }
const err = new Error("e");
const go = { v: 0 };
const ts = [0, 1, 2, 3].map(() => new Thread(() => {
    while (Atomics.load(go, "v") === 0) Atomics.wait(go, "v", 0);
    return [F.prototype, typeof err.stack, new C().m(), C.prototype.m];
}));
Atomics.store(go, "v", 1);
Atomics.notify(go, "v");
const rs = ts.map((t) => t.join());
console.log(rs.every((r) => r[0] === F.prototype), rs.every((r) => r[1] === "string"));
console.log(rs.map((r) => r[2]).join(""), rs.every((r) => r[3] === C.prototype.m));
console.log(new F() instanceof F, Object.getPrototypeOf(new F()) === rs[0][0]);
