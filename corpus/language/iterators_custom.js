// Custom iterables and the iterator protocol.
class Range {
  constructor(start, end, step = 1) { this.start = start; this.end = end; this.step = step; }
  [Symbol.iterator]() {
    var cur = this.start, end = this.end, step = this.step;
    return {
      next() {
        if (cur < end) { var v = cur; cur += step; return { value: v, done: false }; }
        return { value: undefined, done: true };
      },
      [Symbol.iterator]() { return this; }
    };
  }
}
var r = new Range(0, 10, 3);
console.log([...r], Array.from(r), Math.max(...r));
var sum = 0;
for (var v of new Range(1, 5)) sum += v;
console.log(sum);
var [a, b] = new Range(5, 100);
console.log(a, b);
console.log(new Set(new Range(0, 3)).size, new Map([[1, 2]]).size);
var it = r[Symbol.iterator]();
console.log(it.next(), it.next().value, [...it]);
var linked = { value: 1, next: { value: 2, next: { value: 3, next: null } } };
linked[Symbol.iterator] = function* () {
  for (var node = this; node; node = node.next) yield node.value;
};
console.log([...linked]);
var doneValue = {
  [Symbol.iterator]() {
    return { next() { return { value: "ignored when done", done: true }; } };
  }
};
console.log([...doneValue]);
var badIterator = { [Symbol.iterator]() { return 5; } };
try {
  for (var x of badIterator) ;
} catch (e) {
  console.log(e instanceof TypeError);
}
var badResult = { [Symbol.iterator]() { return { next() { return 1; } }; } };
try {
  [...badResult];
} catch (e) {
  console.log(e instanceof TypeError);
}
