// Array.from with iterables, array-likes and map functions; Array.of.
console.log(Array.from("abc"), Array.from(new Set([1, 2, 2, 3])));
console.log(Array.from(new Map([[1, "a"], [2, "b"]])));
console.log(Array.from({ length: 3 }), Array.from({ length: 3 }, function (_, i) { return i * i; }));
console.log(Array.from([1, 2], function (x) { return x * this.m; }, { m: 5 }));
console.log(Array.from({ length: 2, 0: "x", 1: "y", 2: "ignored" }));
function* gen() { yield "g1"; yield "g2"; }
console.log(Array.from(gen()), Array.from([1, , 3]));
console.log(Array.from(5), Array.from(true), Array.from({}));
try {
  Array.from(null);
} catch (e) {
  console.log(e instanceof TypeError);
}
var iterable = {
  [Symbol.iterator]() {
    var i = 0;
    return { next: function () { return i < 3 ? { value: "it" + i++, done: false } : { done: true }; } };
  }
};
console.log(Array.from(iterable));
console.log(Array.of(7), Array.of(1, 2, 3), Array.of(undefined));
function MyArr() { this.custom = true; }
var made = Array.of.call(MyArr, "a", "b");
console.log(made.custom, made.length, made[1]);
var fromArgs = (function () { return Array.from(arguments); })(3, 2, 1);
console.log(fromArgs);
var range = Array.from({ length: 5 }, function (_, i) { return i * 2; });
console.log(range);
