// @repeat: 2
// 4 threads add 400 distinct properties each to one shared object at the same time (foreign
// transitions racing the owner's): no property is lost, every value is right.
const shared = { created: "main" };
const threads = [];
for (let t = 0; t < 4; t++) {
    threads.push(new Thread((me) => {
        for (let i = 0; i < 400; i++) shared["t" + me + "_" + i] = me * 1000 + i;
    }, t));
}
for (let i = 0; i < 400; i++) shared["main_" + i] = -i;
threads.forEach((t) => t.join());
const keys = Object.keys(shared);
let wrong = 0;
for (let t = 0; t < 4; t++) for (let i = 0; i < 400; i++) if (shared["t" + t + "_" + i] !== t * 1000 + i) wrong++;
for (let i = 0; i < 400; i++) if (shared["main_" + i] !== -i) wrong++;
console.log(keys.length, wrong, shared.created);
