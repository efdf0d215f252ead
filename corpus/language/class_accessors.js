// Getters and setters in classes, including inherited and static accessors.
class Temperature {
  constructor(c) { this._c = c; }
  get fahrenheit() { return this._c * 1.8 + 32; }
  set fahrenheit(f) { this._c = (f - 32) / 1.8; }
  get celsius() { return this._c; }
}
var t = new Temperature(100);
console.log(t.fahrenheit);
t.fahrenheit = 32;
console.log(t.celsius);
t.celsius = 50;
console.log(t.celsius);
var d = Object.getOwnPropertyDescriptor(Temperature.prototype, "fahrenheit");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
console.log(Object.keys(t), "fahrenheit" in t, t.hasOwnProperty("fahrenheit"));
class Kelvin extends Temperature {
  get kelvin() { return this.celsius + 273.15; }
  get celsius() { return Math.round(super.celsius * 10) / 10; }
}
var k = new Kelvin(20.04);
console.log(k.kelvin, k.fahrenheit);
class Validated {
  set age(v) {
    if (typeof v !== "number" || v < 0) throw new RangeError("bad age");
    this._age = v;
  }
  get age() { return this._age; }
}
var v = new Validated();
v.age = 30;
try {
  v.age = -1;
} catch (e) {
  console.log(e.name, e.message, v.age);
}
class OnlyGetter { get x() { return "g"; } }
var og = new OnlyGetter();
og.x = "ignored in sloppy";
console.log(og.x);
(function () {
  "use strict";
  try { og.x = 1; } catch (e) { console.log("strict", e instanceof TypeError); }
})();
