// Thread ids: main is 0; spawned ids are integers in [1, 0x3fff], unique, increasing.
console.log(Thread.current.id);
const threads = [];
for (let i = 0; i < 20; i++) threads.push(new Thread(() => Thread.current.id));
const ids = threads.map((t) => t.id);
const seenInside = threads.map((t) => t.join());
console.log(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 0x3fff));
console.log(new Set(ids).size === ids.length);
console.log(ids.every((id, i) => i === 0 || id > ids[i - 1]));
console.log(seenInside.every((id, i) => id === ids[i]));
// Ids are never reused, even after their threads finished.
const later = new Thread(() => 0);
later.join();
console.log(later.id > ids[ids.length - 1]);
// id is a read-only accessor on the prototype.
const desc = Object.getOwnPropertyDescriptor(Thread.prototype, "id");
console.log(typeof desc.get, desc.set, Object.prototype.hasOwnProperty.call(later, "id"));
