// Class inheritance with super() calls and super method calls.
class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
  static create(...args) { return new this(...args); }
}
class Circle extends Shape {
  constructor(r) { super("circle"); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Square extends Shape {
  constructor(s) { super("square"); this.s = s; }
  area() { return this.s * this.s; }
  describe() { return "[" + super.describe() + "]"; }
}
var shapes = [new Circle(1), new Square(2), Circle.create(2), Square.create(3)];
shapes.forEach(function (s) { console.log(s.describe()); });
console.log(shapes[2] instanceof Circle, shapes[3] instanceof Shape);
console.log(Object.getPrototypeOf(Circle) === Shape, Object.getPrototypeOf(Circle.prototype) === Shape.prototype);
class NoCtor extends Shape {}
var n = new NoCtor("implicit");
console.log(n.name, n.area());
class ForgetsSuper extends Shape {
  constructor() { }
}
try {
  new ForgetsSuper();
} catch (e) {
  console.log("missing super", e instanceof ReferenceError);
}
class ThisBeforeSuper extends Shape {
  constructor() { this.x = 1; super("x"); }
}
try {
  new ThisBeforeSuper();
} catch (e) {
  console.log("this before super", e instanceof ReferenceError);
}
class ReturnsObject extends Shape {
  constructor() { super("ignored"); return { custom: true }; }
}
console.log(new ReturnsObject());
class Three extends Square {
  constructor() { super(3); }
  area() { return super.area() + 1; }
}
console.log(new Three().describe());
class NullBase extends null {}
console.log(Object.getPrototypeOf(NullBase.prototype));
