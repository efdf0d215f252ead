// Class declarations: constructor, methods, instances.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) { return new Point(this.x + other.x, this.y + other.y); }
  toString() { return `(${this.x}, ${this.y})`; }
  static origin() { return new Point(0, 0); }
}
var p = new Point(1, 2).add(new Point(3, 4));
console.log(String(p), p.x, p.y, `${Point.origin()}`);
console.log(typeof Point, Object.getPrototypeOf(p) === Point.prototype);
console.log(Object.keys(p), Object.getOwnPropertyNames(Point.prototype));
var d = Object.getOwnPropertyDescriptor(Point.prototype, "add");
console.log(d.enumerable, d.writable, d.configurable);
var pd = Object.getOwnPropertyDescriptor(Point, "prototype");
console.log(pd.writable, pd.enumerable, pd.configurable);
try {
  Point(1, 2);
} catch (e) {
  console.log(e instanceof TypeError);
}
class Empty {}
console.log(new Empty() instanceof Empty, Object.getOwnPropertyNames(Empty.prototype));
var ref = Point;
console.log(new ref(5, 6).x, Point.name, Point.length);
class Computed {
  ["method" + 1]() { return "computed name"; }
  [Symbol.iterator]() { return [1, 2][Symbol.iterator](); }
}
var c = new Computed();
console.log(c.method1(), [...c]);
try {
  new p.add();
} catch (e) {
  console.log("method not constructor", e instanceof TypeError);
}
console.log(Point.prototype.constructor === Point, p.constructor.name);
