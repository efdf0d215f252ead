// The owner adds and deletes on its own dictionary object without the cell lock while other
// threads read it, flip its prototype and finally freeze it, none of which stores into it
// (so SW stays clear and the owner stays on the lock-free path) [OM-18, OM-7, OM-15].
const o = {};
for (let i = 0; i < 70; i++) o["k" + i] = i;   // past 64 named properties: a dictionary
delete o.k0;
const protoA = { tag: "A" };
const protoB = { tag: "B" };
const stop = { v: 0 };
const flipper = new Thread(() => {
  let n = 0;
  while (Atomics.load(stop, "v") === 0) Object.setPrototypeOf(o, n++ % 2 ? protoA : protoB);
  return n > 0;
});
const reader = new Thread(() => {
  let bad = 0, rounds = 0;
  while (Atomics.load(stop, "v") === 0) {
    for (let i = 1; i < 70; i++) if (o["k" + i] !== i) bad++;
    const tag = o.tag;
    if (tag !== "A" && tag !== "B" && tag !== undefined) bad++;
    const x = o.x7;
    if (x !== undefined && typeof x !== "number") bad++;
    rounds++;
  }
  return { bad, rounds: rounds > 0 };
});
let bad = 0;
for (let j = 0; j < 30000; j++) {
  const k = "x" + (j % 50);
  o[k] = j;
  if (o[k] !== j) bad++;
  if (j % 3 !== 0) {
    delete o[k];
    if (Object.prototype.hasOwnProperty.call(o, k)) bad++;
  }
}
Atomics.store(stop, "v", 1);
console.log("flipper ran:", flipper.join());
const seen = reader.join();
console.log("reader ran:", seen.rounds, "bad reads:", seen.bad);
console.log("owner bad:", bad);
const own = Object.keys(o);
console.log("k keys:", own.filter((k) => k[0] === "k").length);
let xs = own.filter((k) => k[0] === "x").length;
console.log("x keys at most 50:", xs <= 50 && xs > 0);

// A freeze from another thread while the owner keeps adding: every add lands before the freeze
// or is refused, so the added keys are exactly a prefix and the object ends frozen.
const go = { v: 0 };
const freezer = new Thread(() => {
  while (Atomics.load(go, "v") === 0) {}
  Object.freeze(o);
});
let added = 0;
for (let j = 0; j < 200000; j++) {
  if (j === 50) Atomics.store(go, "v", 1);
  o["y" + j] = j;
  if (!Object.prototype.hasOwnProperty.call(o, "y" + j)) break;
  added++;
}
freezer.join();
let prefix = true;
for (let j = 0; j < added; j++) if (o["y" + j] !== j) prefix = false;
if (Object.prototype.hasOwnProperty.call(o, "y" + added)) prefix = false;
o.late = 1;
console.log("adds form a prefix:", prefix, "at least 50:", added >= 50);
console.log("frozen:", Object.isFrozen(o), "late add refused:", !("late" in o));
