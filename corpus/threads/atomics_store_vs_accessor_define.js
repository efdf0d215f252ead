// Atomics.store from another thread while the owner deletes a property and defines it again as
// an accessor [SYNC-14, OM-7]. The store either lands while the key is absent or a data property
// (the define then replaces it) or throws the TypeError of an accessor; right after each define
// the property must be exactly the accessor that define made. Bounded loops (--gil too).
// @repeat: 3
const ROUNDS = 3000;
const o = { pad: 0 };
const gate = { go: 0 };
const getter = () => 42;
const storer = new Thread(() => {
  while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
  let other = 0;
  for (let i = 0; i < ROUNDS; i++) {
    try {
      Atomics.store(o, "m", 5);
    } catch (e) {
      if (!(e instanceof TypeError)) other++;
    }
  }
  return other;
});
Atomics.store(gate, "go", 1);
Atomics.notify(gate, "go");
const wrong = new Set();
for (let i = 0; i < ROUNDS; i++) {
  delete o.m;
  Object.defineProperty(o, "m", { get: getter, configurable: true });
  const d = Object.getOwnPropertyDescriptor(o, "m");
  // enumerable is true when the define converted a property the store had just added.
  if (!d || d.get !== getter || d.set !== undefined || !d.configurable || "value" in d)
    wrong.add(JSON.stringify(d) + " get " + typeof (d && d.get));
  if (o.m !== 42) wrong.add("read " + String(o.m));
}
console.log("errors other than TypeError:", storer.join());
console.log("wrong descriptors:", [...wrong].slice(0, 3).join(" | ") || "none");
const last = Object.getOwnPropertyDescriptor(o, "m");
console.log("final is the accessor:", last.get === getter, o.m);
