// Driving iterators by hand: zip, take, chaining builtin iterators.
function zip() {
  var its = Array.prototype.map.call(arguments, function (x) { return x[Symbol.iterator](); });
  return {
    [Symbol.iterator]() { return this; },
    next() {
      var results = its.map(function (it) { return it.next(); });
      if (results.some(function (r) { return r.done; })) return { done: true, value: undefined };
      return { done: false, value: results.map(function (r) { return r.value; }) };
    }
  };
}
console.log([...zip([1, 2, 3], "abcd", new Set([true, false, null]))]);
var mapIt = new Map([["k1", "v1"], ["k2", "v2"]]).entries();
var first = mapIt.next();
console.log(first.value, first.done);
console.log([...mapIt], mapIt.next());
var strIt = "\u{1F600}x"[Symbol.iterator]();
console.log(strIt.next().value.length, strIt.next().value, strIt.next().done);
var arrIt = [10, 20, 30][Symbol.iterator]();
arrIt.next();
var rest = [];
for (var v of arrIt) rest.push(v);
console.log(rest, arrIt.next().done);
function take(n, it) {
  var out = [];
  while (n-- > 0) { var r = it.next(); if (r.done) break; out.push(r.value); }
  return out;
}
var setIt = new Set(["a", "b", "c"]).values();
console.log(take(2, setIt), take(5, setIt), take(1, setIt));
var ArrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
var IteratorProto = Object.getPrototypeOf(ArrayIteratorProto);
console.log(IteratorProto[Symbol.iterator].call(arrIt) === arrIt);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(new Map().keys())) === IteratorProto);
console.log(Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) === Object.getPrototypeOf(function* () {}).prototype);
try {
  ArrayIteratorProto.next.call({});
} catch (e) {
  console.log(e instanceof TypeError);
}
