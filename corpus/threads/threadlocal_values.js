// A ThreadLocal holds any JS value; objects stored in it stay reachable and shareable.
const tl = new ThreadLocal();
const sym = Symbol("s");
const values = [0, -0, NaN, "", null, true, sym, { k: 1 }, [1, 2], () => 3];
const ok = new Thread((vals) => vals.map((v) => { tl.value = v; return Object.is(tl.value, v); }), values).join();
console.log(ok.join(","));
// An object kept only through a ThreadLocal survives garbage and is returned by identity.
const kept = new Thread(() => {
    tl.value = { payload: "kept" };
    let junk = null;
    for (let i = 0; i < 50000; i++) junk = { i, next: junk && i % 100 ? junk : null };
    return tl.value;
}).join();
console.log(kept.payload);
// Two ThreadLocals are independent.
const other = new ThreadLocal();
tl.value = 1;
other.value = 2;
console.log(tl.value, other.value);
