// WeakMap and WeakSet: object keys only, no iteration, has/get/delete.
var wm = new WeakMap();
var k1 = {}, k2 = function () {}, k3 = [];
wm.set(k1, "obj").set(k2, "fn").set(k3, "arr");
console.log(wm.get(k1), wm.get(k2), wm.has(k3), wm.has({}), wm.get({}));
console.log(wm.delete(k1), wm.delete(k1), wm.has(k1));
try {
  wm.set("string key", 1);
} catch (e) {
  console.log("primitive key", e instanceof TypeError);
}
try {
  wm.set(null, 1);
} catch (e) {
  console.log("null key", e instanceof TypeError);
}
console.log(wm.get("nope"), wm.has(1), wm.delete(null));
console.log(typeof wm.size, typeof wm.forEach, typeof wm[Symbol.iterator]);
var ws = new WeakSet([k2]);
ws.add(k3);
console.log(ws.has(k2), ws.has(k3), ws.has(k1), ws.add(k1) === ws);
console.log(ws.delete(k1), ws.has(k1));
try {
  ws.add(1);
} catch (e) {
  console.log("weakset primitive", e instanceof TypeError);
}
var privates = new WeakMap();
class Person {
  constructor(name) { privates.set(this, { name: name, secret: name.length }); }
  get name() { return privates.get(this).name; }
  secretLength() { return privates.get(this).secret; }
}
var p = new Person("alice");
console.log(p.name, p.secretLength(), Object.keys(p));
var seen = new WeakSet();
function visitOnce(o) { if (seen.has(o)) return "already"; seen.add(o); return "first"; }
var node = {};
console.log(visitOnce(node), visitOnce(node), visitOnce({}));
console.log(Object.prototype.toString.call(ws), new WeakMap([[k1, 1]]).get(k1));
