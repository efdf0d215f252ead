// One thread turns a property of shared objects from data (1) into an accessor (getter: 2) and
// back, while readers read it through cached sites, computed keys, `in` + get, and descriptors
// [OM-8, OM-10]. A kind change moves the property to another slot of a dictionary edited in
// place, so a reader may pair one side's attributes with the other side's slot; every read must
// still be 1 or 2 (the state just before or after a change), never undefined or the engine's
// accessor cell. Bounded loops (--gil too).
// @repeat: 3
const FLIPS = 1500, READS = 30000, READERS = 3;
const objects = [{ a: 0, x: 1, b: 2 }, { x: 1 }, { p: 0, q: 0, x: 1 }];
const gate = { go: 0 };
const getter = function () { return 2; };
function reader() {
  while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
  const key = "x";
  const bad = new Set();
  for (let i = 0; i < READS; i++) {
    const o = objects[i % objects.length];
    const v = i % 3 === 0 ? o.x : i % 3 === 1 ? o[key] : Reflect.get(o, key);
    if (v !== 1 && v !== 2) bad.add(typeof v + ":" + String(v));
  }
  return [...bad].join(",") || "none";
}
const readers = [];
for (let t = 0; t < READERS; t++) readers.push(new Thread(reader));
const writer = new Thread(() => {
  while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
  for (let i = 0; i < FLIPS; i++) {
    const o = objects[i % objects.length];
    Object.defineProperty(o, "x", { get: getter, configurable: true, enumerable: true });
    Object.defineProperty(o, "x", { value: 1, writable: true, configurable: true, enumerable: true });
  }
});
Atomics.store(gate, "go", 1);
Atomics.notify(gate, "go");
writer.join();
console.log("bad reads:", readers.map(t => t.join()).join(" "));
console.log("final:", objects.map(o => o.x + " " + Object.keys(o).join("")).join(" | "));
