// Frozen and non-extensible objects stay so from every thread: writes fail (TypeError in strict
// code, silently in sloppy code).
const frozen = Object.freeze({ a: 1, list: [1] });
const sealed = Object.seal({ b: 2 });
const r = new Thread(() => {
    "use strict";
    const out = [];
    try { frozen.a = 2; out.push("wrote"); } catch (e) { out.push(e.name); }
    try { frozen.z = 2; out.push("added"); } catch (e) { out.push(e.name); }
    try { sealed.c = 3; out.push("added"); } catch (e) { out.push(e.name); }
    sealed.b = 20;
    frozen.list.push(2);
    out.push(Object.isFrozen(frozen), Object.isSealed(sealed));
    return out.join(" ");
}).join();
console.log(r);
new Thread(function () { frozen.a = 3; delete sealed.b; }).join();
console.log(frozen.a, sealed.b, frozen.list.join(","));
