// Throwing non-Error values and errors from various contexts.
var values = [1, "text", null, undefined, false, { code: 7 }, [1, 2], Symbol.for("thrown")];
values.forEach(function (v) {
  try {
    throw v;
  } catch (caught) {
    console.log(caught === v, typeof caught);
  }
});
function getterThrows() {
  var o = { get bad() { throw new Error("from getter"); } };
  try { return o.bad; } catch (e) { return e.message; }
}
console.log(getterThrows());
function callbackThrows() {
  try {
    [1, 2, 3].forEach(function (x) { if (x === 2) throw "stop at " + x; });
  } catch (e) {
    return e;
  }
}
console.log(callbackThrows());
function toStringThrows() {
  try {
    "" + { toString: function () { throw new Error("toString failed"); } };
  } catch (e) {
    return e.message;
  }
}
console.log(toStringThrows());
function sortThrows() {
  var arr = [3, 1, 2];
  try {
    arr.sort(function () { throw "comparator"; });
  } catch (e) {
    return e + " " + arr.length;
  }
}
console.log(sortThrows());
function ctorThrows() {
  class X { constructor() { throw { reason: "ctor" }; } }
  try { new X(); } catch (e) { return e.reason; }
}
console.log(ctorThrows());
function iteratorThrows() {
  var it = { [Symbol.iterator]() { return { next() { throw new RangeError("next failed"); } }; } };
  try { for (var x of it) ; } catch (e) { return e.name; }
}
console.log(iteratorThrows());
