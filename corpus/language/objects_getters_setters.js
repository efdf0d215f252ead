// Getters and setters in literals and through defineProperty.
var temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  get c() { return this._c; }
};
console.log(temp.f, temp.c);
temp.f = 212;
console.log(temp.c, temp.f);
temp.c = 0;
console.log(temp.c);
var log = [];
var tracked = {};
Object.defineProperty(tracked, "x", {
  get: function () { log.push("get"); return 1; },
  set: function (v) { log.push("set " + v); },
  enumerable: true,
  configurable: true
});
tracked.x = 5;
var v = tracked.x + tracked.x;
console.log(v, log);
var d = Object.getOwnPropertyDescriptor(tracked, "x");
console.log(typeof d.get, typeof d.set, "value" in d, "writable" in d);
var setterOnly = { set only(v) { this.stored = v; } };
setterOnly.only = "s";
console.log(setterOnly.only, setterOnly.stored);
var lazy = {
  get expensive() {
    var value = [1, 2, 3].map(function (n) { return n * 10; });
    Object.defineProperty(this, "expensive", { value: value, enumerable: true });
    return value;
  }
};
console.log(lazy.expensive, lazy.expensive === lazy.expensive);
console.log(Object.getOwnPropertyDescriptor(lazy, "expensive").writable);
var proto = { get who() { return "I am " + this.name; } };
var a = Object.create(proto); a.name = "a";
console.log(a.who);
console.log(JSON.stringify(temp), Object.keys(temp));
var counter = { n: 0, get next() { return ++this.n; } };
console.log(counter.next, counter.next, counter.next);
