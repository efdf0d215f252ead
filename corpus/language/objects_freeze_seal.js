// freeze, seal, preventExtensions and their predicates.
var o = { a: 1, nested: { b: 2 } };
Object.freeze(o);
o.nested.b = 3;
console.log(Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o), o.nested.b);
console.log(Object.isFrozen(o.nested));
var s = Object.seal({ x: 1 });
s.x = 2;
delete s.x;
s.y = 3;
console.log(s, Object.isSealed(s), Object.isFrozen(s));
var d = Object.getOwnPropertyDescriptor(s, "x");
console.log(d.writable, d.configurable);
var p = Object.preventExtensions({ q: 1 });
delete p.q;
console.log(p, Object.isExtensible(p), Object.isSealed(p), Object.isFrozen(p));
console.log(Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({})));
console.log(Object.isFrozen(1), Object.isSealed("s"), Object.isExtensible(1));
console.log(Object.freeze(5), Object.seal("x"), Object.preventExtensions(true));
function deepFreeze(obj) {
  Object.getOwnPropertyNames(obj).forEach(function (k) {
    var v = obj[k];
    if (v && typeof v === "object") deepFreeze(v);
  });
  return Object.freeze(obj);
}
var cfg = deepFreeze({ db: { host: "h", ports: [1, 2] } });
cfg.db.host = "changed";
cfg.db.ports[0] = 99;
console.log(cfg.db.host, cfg.db.ports, Object.isFrozen(cfg.db.ports));
var withAccessor = Object.freeze({ get v() { return 42; } });
console.log(withAccessor.v, Object.getOwnPropertyDescriptor(withAccessor, "v").configurable);
var frozenArr = Object.freeze([3, 1, 2]);
try {
  frozenArr.sort();
} catch (e) {
  console.log("sort frozen", e instanceof TypeError);
}
console.log(frozenArr.slice().sort(), frozenArr);
