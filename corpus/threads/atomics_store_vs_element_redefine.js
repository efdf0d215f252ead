// Atomics.store of an index key from another thread while the owner deletes that element and
// defines it again, as an accessor and then as a read-only value [SYNC-14, OM-15]. The store
// either adds a plain element while the index is absent (the define then gives it attributes of
// its own, moving it out of the dense elements) or meets the definition and throws; right after
// each define the index must be exactly what that define made, never a plain element holding
// the store's value beside it. Bounded loops (--gil too).
// @repeat: 3
const ROUNDS = 2000;
function race(define, check, value) {
  const o = { pad: 0 };
  const gate = { go: 0 };
  const storer = new Thread(() => {
    while (Atomics.load(gate, "go") === 0) Atomics.wait(gate, "go", 0, 1);
    let other = 0;
    for (let i = 0; i < ROUNDS; i++) {
      try {
        Atomics.store(o, "5", value);
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
    delete o[5];
    define(o);
    const d = Object.getOwnPropertyDescriptor(o, 5);
    if (!check(d)) wrong.add(JSON.stringify(d));
  }
  const other = storer.join();
  const final = check(Object.getOwnPropertyDescriptor(o, 5));
  return `errors other than TypeError: ${other}, wrong descriptors: ${[...wrong].slice(0, 3).join(" | ") || "none"}, final: ${final}`;
}
const getter = () => 42;
console.log("accessor:", race(o => Object.defineProperty(o, 5, { get: getter, configurable: true }),
                              d => !!d && d.get === getter && !("value" in d), 7));
console.log("read-only:", race(o => Object.defineProperty(o, 5, { value: 1000, writable: false, configurable: true }),
                               d => !!d && d.value === 1000 && d.writable === false, 9));
