// Object.create with property descriptors and null prototypes.
var proto = { hello() { return "hello " + this.name; } };
var o = Object.create(proto, {
  name: { value: "o", enumerable: true },
  hidden: { value: "secret" },
  computed: { get() { return this.name.toUpperCase(); }, enumerable: true }
});
console.log(o.hello(), o.computed, o.hidden);
console.log(Object.keys(o), JSON.stringify(o));
var d = Object.getOwnPropertyDescriptor(o, "hidden");
console.log(d.writable, d.enumerable, d.configurable);
o.hidden = "changed?";
console.log(o.hidden);
var bare = Object.create(null);
bare.x = 1;
console.log(Object.getPrototypeOf(bare), typeof bare.toString, Object.keys(bare));
console.log("x" in bare, JSON.stringify(bare));
var dict = Object.create(null);
["__proto__", "constructor", "toString"].forEach(function (k, i) { dict[k] = i; });
console.log(Object.keys(dict), dict.__proto__);
try {
  Object.create(5);
} catch (e) {
  console.log(e instanceof TypeError);
}
var arrLike = Object.create(Array.prototype);
console.log(Array.isArray(arrLike), typeof arrLike.push);
var chain = Object.create(Object.create(Object.create(null, { deep: { value: "deep" } })));
console.log(chain.deep);
var fromCtor = Object.create(Object.prototype);
console.log(typeof fromCtor.hasOwnProperty, Object.getPrototypeOf(Object.create(Object.prototype)) === Object.prototype);
