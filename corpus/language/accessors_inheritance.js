// Accessors on prototypes: setters intercept assignments on derived objects.
var proto = {
  _name: "proto",
  get name() { return "<" + this._name + ">"; },
  set name(v) { this._name = v.toUpperCase(); }
};
var child = Object.create(proto);
child.name = "child";
console.log(child.name, proto.name, child.hasOwnProperty("_name"), child.hasOwnProperty("name"));
var getterOnlyProto = { get fixed() { return "proto getter"; } };
var c2 = Object.create(getterOnlyProto);
c2.fixed = "assignment ignored (sloppy)";
console.log(c2.fixed, Object.keys(c2));
Object.defineProperty(c2, "fixed", { value: "own data via defineProperty", enumerable: true });
console.log(c2.fixed, Object.keys(c2));
var setterOnlyProto = { set only(v) { this.captured = v; } };
var c3 = Object.create(setterOnlyProto);
c3.only = 5;
console.log(c3.only, c3.captured);
class Base {
  get value() { return "base:" + this._v; }
  set value(v) { this._v = v; }
}
class Derived extends Base {
  get value() { return "derived(" + super.value + ")"; }
}
var dv = new Derived();
dv.value = 3;
console.log(dv.value, dv._v);
class DerivedSetterOnly extends Base {
  set value(v) { super.value = v * 2; }
}
var ds = new DerivedSetterOnly();
ds.value = 4;
console.log(ds.value, ds._v);
var counter = 0;
var shared = { get tick() { return ++counter; } };
var x1 = Object.create(shared), x2 = Object.create(shared);
console.log(x1.tick, x2.tick, shared.tick);
