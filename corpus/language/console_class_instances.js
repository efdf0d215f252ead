// console.log formatting of class instances and objects with custom prototypes.
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2));
class Empty {}
console.log(new Empty());
class Outer { constructor() { this.inner = new Point(0, 0); this.list = [new Empty()]; } }
console.log(new Outer());
class WithAccessor { constructor() { this.v = 1; } get computed() { return 2; } }
console.log(new WithAccessor());
class Sub extends Point { constructor() { super(3, 4); this.z = 5; } }
console.log(new Sub());
function OldStyle() { this.a = "a"; }
console.log(new OldStyle());
var protoObj = Object.create({ inherited: 1 });
protoObj.own = 2;
console.log(protoObj);
class Tagged { get [Symbol.toStringTag]() { return "TagName"; } }
console.log(new Tagged());
class WithStatic { static s = 1; }
console.log(WithStatic);
console.log([new Point(5, 6)], { p: new Point(7, 8) });
class MyArray extends Array {}
console.log(MyArray.from([1, 2]));
class MyMap extends Map {}
console.log(new MyMap([[1, 2]]));
