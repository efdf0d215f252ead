// Generators as object and class methods, with this and arguments.
var obj = {
  items: ["a", "b", "c"],
  *[Symbol.iterator]() { for (var i of this.items) yield i.toUpperCase(); },
  *pairs() { for (var i = 0; i < this.items.length; i++) yield [i, this.items[i]]; },
  *args() { yield* arguments; }
};
console.log([...obj], [...obj.pairs()].length, [...obj.args(1, 2)]);
class Tree {
  constructor(v, ...kids) { this.v = v; this.kids = kids; }
  *walk(depth = 0) {
    yield "-".repeat(depth) + this.v;
    for (var k of this.kids) yield* k.walk(depth + 1);
  }
  static *numbers() { yield 1; yield 2; }
}
var t = new Tree("root", new Tree("a", new Tree("a1")), new Tree("b"));
console.log([...t.walk()].join(" "));
console.log([...Tree.numbers()]);
var g = obj.pairs();
console.log(typeof g.next, g.toString(), Object.prototype.toString.call(obj.pairs));
function* withThis() { yield this && this.name; }
console.log(withThis.call({ name: "bound this" }).next().value);
var GenFn = Object.getPrototypeOf(function* () {}).constructor;
console.log(GenFn.name, typeof GenFn);
function* defaults(a = 1, { b } = { b: 2 }) { yield a + b; }
console.log(defaults().next().value, defaults(10, { b: 5 }).next().value);
