// Readers that list a dictionary object's keys without any lock and then read each listed key
// (Object.keys + get, Object.entries, spread, Object.assign, getOwnPropertyDescriptors) while two
// threads add properties to it in place. Every value encodes its key, and nothing is deleted
// while the readers run, so a listed key must come with its value: never undefined, never what
// the slot held before [OM-19, OM-11].
const OBJECTS = 20000;
const ADDS = 6;            // per writer and object
const WRITERS = 2;

// Dictionaries (a delete takes an object off the shared transition tree), with freed slots that
// the adds below may reuse once a collection has let them out of quarantine [OM-8].
const objects = [];
for (let i = 0; i < OBJECTS; i++) {
  const o = { anchor: "anchor!" };
  for (let h = 0; h < 8; h++) o["hole" + h] = "hole" + h + "?";
  for (let h = 0; h < 8; h++) delete o["hole" + h];
  objects.push(o);
}
for (let i = 0; i < 20000; i++) [{ churn: i }];   // a few collections

const progress = { at: 0, done: 0 };

function check(o, where) {
  let bad = 0;
  for (const k of Object.keys(o)) if (o[k] !== k + "!") bad++;
  for (const [k, v] of Object.entries(o)) if (v !== k + "!") bad++;
  const spread = { ...o };
  for (const k in spread) if (spread[k] !== k + "!") bad++;
  const assigned = Object.assign({}, o);
  for (const k in assigned) if (assigned[k] !== k + "!") bad++;
  const descriptors = Object.getOwnPropertyDescriptors(o);
  for (const k in descriptors) if (descriptors[k].value !== k + "!") bad++;
  if (bad && where.length < 3) where.push(JSON.stringify(Object.keys(o)) + " " + JSON.stringify(Object.values(o)));
  return bad;
}

function reader() {
  let bad = 0, reads = 0;
  const where = [];
  while (Atomics.load(progress, "done") < WRITERS) {
    const at = Atomics.load(progress, "at");
    bad += check(objects[at], where);
    if (at + 1 < OBJECTS) bad += check(objects[at + 1], where);
    reads++;
  }
  return { bad, where, read: reads > 0 };
}

function writer(w) {
  for (let i = 0; i < OBJECTS; i++) {
    if (w === 0) Atomics.store(progress, "at", i);
    const o = objects[i];
    for (let a = 0; a < ADDS; a++) {
      const k = "w" + w + "_" + a;
      o[k] = k + "!";
    }
  }
  Atomics.add(progress, "done", 1);
  return true;
}

const readers = [new Thread(reader), new Thread(reader)];
const writers = [];
for (let w = 0; w < WRITERS; w++) writers.push(new Thread(writer, w));
const mainSeen = reader();
for (const t of writers) console.log("writer done:", t.join());
let bad = mainSeen.bad;
const where = mainSeen.where;
for (const t of readers) {
  const r = t.join();
  bad += r.bad;
  where.push(...r.where);
}
console.log("bad reads:", bad, where.slice(0, 3));

// Afterwards every object has its anchor and every writer's keys, each with its value.
let complete = 0;
for (const o of objects) {
  let ok = o.anchor === "anchor!" && Object.keys(o).length === 1 + WRITERS * ADDS;
  for (let w = 0; w < WRITERS; w++)
    for (let a = 0; a < ADDS; a++) if (o["w" + w + "_" + a] !== "w" + w + "_" + a + "!") ok = false;
  if (ok) complete++;
}
console.log("complete objects:", complete, "of", OBJECTS);
