// Object-literal fields and class fields are defined (CreateDataPropertyOrThrow), never set, and
// their sites cache the add: a warm site must still define own properties past a prototype
// setter, refuse a non-extensible object, leave exotic objects to their own define, and keep
// duplicate keys and differently shaped objects apart.
function pair(a, b) { return { left: a, right: b }; }
let sum = 0;
for (let i = 0; i < 1000; i++) { const p = pair(i, i + 1); sum += p.left + p.right; }
console.log("sum", sum, Object.keys(pair(1, 2)).join());

// A setter added to Object.prototype after the site is warm is not called by the literal.
let setterCalls = 0;
Object.defineProperty(Object.prototype, "left", { set(v) { setterCalls++; }, configurable: true });
const q = pair(5, 6);
console.log("own left", Object.getOwnPropertyDescriptor(q, "left").value, "setter calls", setterCalls);
delete Object.prototype.left;

// Duplicate keys: the later value wins, one property.
function dup(i) { return { a: i, b: 0, a: i * 2 }; }
for (let i = 0; i < 100; i++) dup(i);
console.log("dup", JSON.stringify(dup(21)));

// Class fields: one site serves instances of the class and of its subclasses (other layouts).
class Base { x = 1; y = 2; }
class Derived extends Base { z = 3; }
for (let i = 0; i < 100; i++) { new Base(); new Derived(); }
console.log("fields", JSON.stringify(new Base()), JSON.stringify(new Derived()));

// A field on an object the base constructor made non-extensible throws, warm site or not.
class Sealer { constructor() { Object.preventExtensions(this); } }
class Late extends Sealer { w = 1; }
class Open { w = 1; }
for (let i = 0; i < 100; i++) new Open();
for (let k = 0; k < 3; k++) {
  try { new Late(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }
}

// An Array subclass: a field is defined on the array itself; "length" is its own length, which a
// field (configurable, enumerable) cannot redefine.
class Tagged extends Array { tag = "t"; }
for (let i = 0; i < 50; i++) new Tagged();
const l = new Tagged();
console.log("array", l.length, l.tag, Array.isArray(l), Object.keys(l).join());
class Lengthy extends Array { length = 3; }
for (let k = 0; k < 2; k++) {
  try { new Lengthy(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }
}
// Computed field names take the same define.
const key = "w";
class LateComputed extends Sealer { [key] = 1; }
try { new LateComputed(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }

