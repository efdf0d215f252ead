// Thread.restrict(o) pins o to the calling thread and returns o; the owner is unaffected and a
// second restrict by the owner is a no-op returning o.
const o = { f: 1, g: "before" };
console.log(Thread.restrict(o) === o, Thread.restrict(o) === o);
o.f = 2;
o.h = "added";
delete o.g;
console.log(o.f, o.h, "g" in o, Object.keys(o).join(","), Object.isExtensible(o));
o[0] = "indexed";
console.log(o[0], delete o[0], 0 in o);
const arr = Thread.restrict([1, 2, 3]);
arr.push(4);
console.log(arr.length, arr.join(""));
// Restricted on a spawned thread, used there freely.
console.log(new Thread(() => {
    const mine = Thread.restrict({ n: 0 });
    for (let i = 0; i < 100; i++) mine.n++;
    return Thread.restrict(mine).n;
}).join());
