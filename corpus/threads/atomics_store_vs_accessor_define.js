// Atomics.store from another thread while the owner deletes a property and defines it again, as
// an accessor or as a read-only value [SYNC-14, OM-7, OM-15]: a named key, and an index key,
// whose store adds a plain dense element while the index is absent (a define then gives it
// attributes of its own, moving it out of the dense elements). The store either lands while the
// key is absent or a plain data property (the define then replaces it) or throws the TypeError
// of the definition; right after each define the key must be exactly what that define made,
// never a plain property holding the store's value beside or instead of it. Bounded loops
// (--gil too).
// @repeat: 3
const ROUNDS = 2000;
function race(key, define, check, value) {
  const o = { pad: 0 };
  const gate = { go: 0 };
  const storer = new Thread(() => {
    while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
    let other = 0;
    for (let i = 0; i < ROUNDS; i++) {
      try {
        Atomics.store(o, key, value);
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
    delete o[key];
    define(o, key);
    // enumerable may be true when the define converted a property the store had just added.
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (!check(d, o[key])) wrong.add(JSON.stringify(d) + " read " + String(o[key]));
  }
  const other = storer.join();
  return `errors other than TypeError: ${other}, wrong descriptors: ${[...wrong].slice(0, 3).join(" | ") || "none"}, ` +
         `final: ${check(Object.getOwnPropertyDescriptor(o, key), o[key])}`;
}
const getter = () => 42;
const accessor = (o, key) => Object.defineProperty(o, key, { get: getter, configurable: true });
const isAccessor = (d, read) => !!d && d.get === getter && d.set === undefined && d.configurable && !("value" in d) &&
                                read === 42;
const readOnly = (o, key) => Object.defineProperty(o, key, { value: 1000, writable: false, configurable: true });
const isReadOnly = (d, read) => !!d && d.value === 1000 && d.writable === false && read === 1000;
console.log("named accessor:", race("m", accessor, isAccessor, 5));
console.log("index accessor:", race("5", accessor, isAccessor, 7));
console.log("index read-only:", race("5", readOnly, isReadOnly, 9));
