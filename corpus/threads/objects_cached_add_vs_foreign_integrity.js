// The owner adds properties through a warmed add cache (empty object -> {a} -> {a, b}) while
// another thread makes the same objects non-extensible, sealed or gives them a new prototype.
// The cached add claims the structure id its cache checked; if the foreign change landed in
// between, the add is redone on the new structure (refused when that is not extensible) and
// never installs the old layout's child over it [OM-7, OM-15].
const OBJECTS = 30000;

function addNamed(o, v) { o.a = v; o.b = v + 1; }
for (let i = 0; i < 2000; i++) addNamed({}, i);   // the site now caches both transitions

const proto = { marker: 42 };
const objects = [];
for (let i = 0; i < OBJECTS; i++) objects.push({});
const gate = { go: 0 };
const foreign = new Thread(() => {
  while (Atomics.load(gate, "go") === 0) {}
  for (let i = 0; i < OBJECTS; i++) {
    const o = objects[i];
    switch (i % 3) {
      case 0: Object.preventExtensions(o); break;
      case 1: Object.seal(o); break;
      case 2: Object.setPrototypeOf(o, proto); break;
    }
  }
  return true;
});
Atomics.store(gate, "go", 1);
for (let i = OBJECTS - 1; i >= 0; i--) addNamed(objects[i], i);   // sloppy: refusals are silent
console.log("foreign done:", foreign.join());

let lostIntegrity = 0, badValue = 0, lostProto = 0, missing = 0, landed = 0;
for (let i = 0; i < OBJECTS; i++) {
  const o = objects[i];
  const hasA = Object.prototype.hasOwnProperty.call(o, "a");
  const hasB = Object.prototype.hasOwnProperty.call(o, "b");
  if ((hasA && o.a !== i) || (hasB && (!hasA || o.b !== i + 1))) badValue++;
  if (i % 3 === 2) {
    if (Object.getPrototypeOf(o) !== proto) lostProto++;
    if (!hasA || !hasB) missing++;   // a prototype change never refuses an add
  } else {
    if (Object.isExtensible(o)) lostIntegrity++;
    if (i % 3 === 1 && !Object.isSealed(o)) lostIntegrity++;
    if (hasA) landed++;
  }
}
console.log("integrity lost:", lostIntegrity, "bad values:", badValue);
console.log("prototype lost:", lostProto, "adds missing after setPrototypeOf:", missing);
console.log("adds before the integrity change within range:", landed >= 0 && landed <= OBJECTS);
