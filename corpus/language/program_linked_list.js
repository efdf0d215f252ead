// A doubly linked list class with iteration, insertion, removal and reversal.
class Node {
  constructor(value) { this.value = value; this.prev = null; this.next = null; }
}
class LinkedList {
  constructor(iterable) { this.head = this.tail = null; this.length = 0; if (iterable) for (var v of iterable) this.push(v); }
  push(v) {
    var n = new Node(v);
    if (!this.tail) this.head = this.tail = n;
    else { n.prev = this.tail; this.tail.next = n; this.tail = n; }
    this.length++;
    return this;
  }
  unshift(v) {
    var n = new Node(v);
    if (!this.head) this.head = this.tail = n;
    else { n.next = this.head; this.head.prev = n; this.head = n; }
    this.length++;
    return this;
  }
  remove(pred) {
    for (var n = this.head; n; n = n.next) {
      if (!pred(n.value)) continue;
      if (n.prev) n.prev.next = n.next; else this.head = n.next;
      if (n.next) n.next.prev = n.prev; else this.tail = n.prev;
      this.length--;
      return n.value;
    }
  }
  reverse() {
    for (var n = this.head; n; n = n.prev) { var t = n.next; n.next = n.prev; n.prev = t; }
    var h = this.head; this.head = this.tail; this.tail = h;
    return this;
  }
  *[Symbol.iterator]() { for (var n = this.head; n; n = n.next) yield n.value; }
  *backwards() { for (var n = this.tail; n; n = n.prev) yield n.value; }
  toString() { return "(" + [...this].join(" <-> ") + ")"; }
}
var list = new LinkedList([3, 4, 5]);
list.unshift(2).unshift(1).push(6);
console.log(String(list), list.length);
console.log(list.remove(function (v) { return v % 2 === 0; }), list.remove(function (v) { return v > 100; }));
console.log(`${list}`, [...list.backwards()].join(","));
list.reverse();
console.log(String(list), list.head.value, list.tail.value, list.head.prev);
while (list.length) list.remove(function () { return true; });
console.log(String(list), list.head, list.tail);
var words = new LinkedList("linked");
console.log([...words].join(""), Math.max(...new LinkedList([4, 9, 2])));
