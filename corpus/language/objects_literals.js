// Object literals: shorthand properties, methods, computed keys, duplicates.
var x = 1, y = "two";
var o = { x, y, z: x + 1 };
console.log(o);
var key = "dyn";
var c = { [key]: 1, [key + "2"]: 2, [1 + 2]: "three", };
var m = { ["a" + "b"]() { return "ab"; } };
console.log(c, m.ab(), Object.keys(m));
var dup = { a: 1, b: 2, a: 3 };
console.log(dup, Object.keys(dup));
var quoted = { "with space": 1, "dash-key": 2, 42: "num", 1.5: "float", "": "empty" };
console.log(quoted["with space"], quoted["dash-key"], quoted[42], quoted["1.5"], quoted[""]);
console.log(Object.keys(quoted));
var methods = {
  plain() { return "plain"; },
  *gen() { yield 1; },
  async asy() { return 2; },
  get g() { return "getter"; },
  "quoted method"() { return "qm"; }
};
console.log(methods.plain(), methods.gen().next().value, methods.g, methods["quoted method"]());
var proto = { inherited: true };
var withProto = { __proto__: proto, own: 1 };
console.log(withProto.inherited, Object.getPrototypeOf(withProto) === proto, Object.keys(withProto));
var computedProto = { ["__proto__"]: 5 };
console.log(Object.keys(computedProto), Object.getPrototypeOf(computedProto) === Object.prototype);
var nested = { a: { b: { c: "deep" } } };
console.log(nested.a.b.c, nested["a"]["b"]);
var reserved = { class: 1, function: 2, if: 3, null: 4, true: 5 };
console.log(reserved.class + reserved.function + reserved.if + reserved.null + reserved.true);
var counter = 0;
var order = { [counter++]: counter++, [counter++]: counter++ };
console.log(order);
