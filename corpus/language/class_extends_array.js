// Subclassing Array: length tracking, species, instanceof.
class Stack extends Array {
  peek() { return this[this.length - 1]; }
  get top() { return this.peek(); }
}
var s = new Stack();
s.push(1, 2, 3);
console.log(s.length, s.peek(), s.top, Array.isArray(s), s instanceof Stack, s instanceof Array);
s[10] = "far";
console.log(s.length);
s.length = 2;
console.log(s.length, s[1], s.peek());
var mapped = s.map(function (x) { return x * 2; });
console.log(mapped instanceof Stack, mapped.constructor.name, mapped.peek());
var filtered = s.filter(Boolean);
console.log(filtered instanceof Stack, filtered.length);
var fromStack = Stack.from([7, 8]);
console.log(fromStack instanceof Stack, fromStack.top, Stack.of(9).top);
var sized = new Stack(3);
console.log(sized.length, new Stack(3, 4).length);
class Plain extends Array {
  static get [Symbol.species]() { return Array; }
}
var pm = new Plain(1, 2, 3).map(function (x) { return x; });
console.log(pm instanceof Plain, pm instanceof Array);
console.log(Array.prototype.concat.call(new Stack(), [1]) instanceof Stack);
console.log(JSON.stringify(s), String(s), Object.keys(s));
var sliced = fromStack.slice(1);
console.log(sliced.constructor === Stack, sliced[0]);
