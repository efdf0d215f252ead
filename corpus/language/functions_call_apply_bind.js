// Function.prototype.call, apply and bind.
function show(a, b) { return [this && this.tag, a, b]; }
var ctx = { tag: "ctx" };
console.log(show.call(ctx, 1, 2), show.apply(ctx, [3, 4]), show.apply(ctx));
console.log(show.apply(ctx, { length: 2, 0: "x", 1: "y" }));
var b1 = show.bind(ctx, "first");
console.log(b1("second"), b1("a", "b"));
var b2 = b1.bind({ tag: "ignored" }, "second");
console.log(b2());
console.log(b1.name, b2.name, b1.length, b2.length, show.bind(null).length);
function Point(x, y) { this.x = x; this.y = y; }
var BoundPoint = Point.bind(null, 10);
var p = new BoundPoint(20);
console.log(p.x, p.y, p instanceof Point, p instanceof BoundPoint);
console.log("prototype" in BoundPoint);
console.log(Math.max.apply(null, [1, 9, 3]), Array.prototype.join.call("abc", "-"));
console.log(Function.prototype.call.call(show, ctx, "cc"));
var slice = Function.prototype.call.bind(Array.prototype.slice);
console.log(slice([1, 2, 3], 1));
try {
  show.apply(ctx, 5);
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  Function.prototype.bind.call({}, null);
} catch (e) {
  console.log(e instanceof TypeError);
}
function lenTest(a, b, c) {}
console.log(lenTest.bind(null, 1, 2, 3, 4).length, lenTest.bind(null, 1).length);
