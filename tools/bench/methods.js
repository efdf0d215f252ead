// Method calls: class hierarchies with overridden methods called at one site on 3 receiver
// classes (polymorphic), getters, super calls and static methods.
class Shape {
  constructor(size) { this.size = size; }
  area() { return this.size * this.size; }
  get doubled() { return this.size * 2; }
  describe() { return this.area() + this.doubled; }
  static make(kind, size) {
    return kind === 0 ? new Square(size) : kind === 1 ? new Circle(size) : new Triangle(size);
  }
}
class Square extends Shape {}
class Circle extends Shape {
  area() { return Math.floor(3 * this.size * this.size); }
}
class Triangle extends Shape {
  area() { return super.area() >> 1; }
}

function run(n) {
  const shapes = [];
  for (let i = 0; i < 30; i++) shapes.push(Shape.make(i % 3, i + 1));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const shape = shapes[i % 30];
    sum = (sum + shape.describe()) | 0;
    shape.size = (shape.size % 50) + 1;
  }
  return sum;
}

run(700000);
