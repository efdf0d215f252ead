// Static methods, static inheritance and this inside static methods.
class Counter {
  static increment() { Counter.count = (Counter.count || 0) + 1; return this.count; }
  static describe() { return `${this.name} count=${this.count}`; }
  static create() { return new this(); }
}
Counter.increment();
Counter.increment();
console.log(Counter.describe(), Counter.count);
class Sub extends Counter {
  static describe() { return "sub: " + super.describe(); }
}
console.log(Sub.describe(), Sub.create() instanceof Sub, Sub.hasOwnProperty("count"));
Sub.count = 100;
console.log(Sub.describe(), Counter.count);
var inst = new Counter();
console.log(typeof inst.increment, typeof Counter.prototype.describe);
class MathUtil {
  static sum(...n) { return n.reduce((a, b) => a + b, 0); }
  static get version() { return "1.0"; }
  static set level(v) { this._level = v * 2; }
}
MathUtil.level = 21;
console.log(MathUtil.sum(1, 2, 3), MathUtil.version, MathUtil._level);
var d = Object.getOwnPropertyDescriptor(MathUtil, "sum");
console.log(d.enumerable, d.writable);
console.log(Object.getOwnPropertyNames(MathUtil).sort().join(","));
var detached = Counter.describe;
try {
  console.log(detached());
} catch (e) {
  console.log(e instanceof TypeError);
}
class Registry {
  static register(name) { (this.items || (this.items = [])).push(name); return this; }
}
Registry.register("a").register("b");
console.log(Registry.items);
