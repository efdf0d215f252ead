// Thread.current: inside a spawned function it is the very object new Thread returned;
// on main it is created lazily and stays the same.
const t = new Thread(() => Thread.current);
console.log(t.join() === t);
const main1 = Thread.current;
const main2 = Thread.current;
console.log(main1 === main2, main1 instanceof Thread, main1.id);
// From inside a thread, Thread.current is stable too, and differs from main's.
const r = new Thread(() => {
    const a = Thread.current;
    const inner = new Thread(() => Thread.current);
    const innerSeen = inner.join();
    return [a === Thread.current, innerSeen === inner, a !== main1, a.id !== inner.id];
}).join();
console.log(r.join(","));
// Main's Thread object, seen from another thread, is the same object.
console.log(new Thread((m) => m === main1 && m.id === 0, main1).join());
