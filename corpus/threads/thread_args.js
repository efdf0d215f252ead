// new Thread(fn, ...args) calls fn(...args) with this === undefined.
const t = new Thread(function (a, b, c) {
    "use strict";
    return [typeof this, a, b, c, arguments.length];
}, 1, "two", [3]);
const r = t.join();
console.log(r[0], r[1], r[2], r[3][0], r[4]);

const none = new Thread(function () { "use strict"; return arguments.length; }).join();
console.log(none);

// Arrow functions see the lexical this of their definition.
const arrow = new Thread((...rest) => rest.reduce((s, x) => s + x, 0), 1, 2, 3, 4).join();
console.log(arrow);

// Arguments are passed by identity, not copied.
const shared = { tag: "shared" };
console.log(new Thread((o) => o, shared).join() === shared);
