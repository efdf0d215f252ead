// Module pattern and private state through closures.
var Stack = (function () {
  function create() {
    var items = [];
    return {
      push: function (x) { items.push(x); return this; },
      pop: function () { return items.pop(); },
      get size() { return items.length; },
      toArray: function () { return items.slice(); }
    };
  }
  return { create: create };
})();
var s = Stack.create();
s.push(1).push(2).push(3);
console.log(s.size, s.pop(), s.toArray());
var arr = s.toArray();
arr.push(99);
console.log(s.size, "items" in s);
function makeQueue() {
  let head = [], tail = [];
  return {
    enqueue(x) { tail.push(x); },
    dequeue() {
      if (!head.length) while (tail.length) head.push(tail.pop());
      return head.pop();
    }
  };
}
const q = makeQueue();
q.enqueue("a"); q.enqueue("b");
console.log(q.dequeue());
q.enqueue("c");
console.log(q.dequeue(), q.dequeue(), q.dequeue());
function compose() {
  var fns = Array.prototype.slice.call(arguments);
  return function (x) { return fns.reduceRight(function (acc, f) { return f(acc); }, x); };
}
var inc = function (x) { return x + 1; };
var dbl = function (x) { return x * 2; };
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7));
