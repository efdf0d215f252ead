// Arrow functions capture this lexically.
var timer = {
  ticks: 0,
  start: function () {
    [1, 2, 3].forEach(() => { this.ticks++; });
    return this.ticks;
  },
  broken: function () {
    var self = this;
    [1, 2].forEach(function () { self.ticks += 10; });
    return this.ticks;
  }
};
console.log(timer.start(), timer.broken());
var obj = {
  v: "obj",
  method() { return (() => this.v)(); },
  nested() { return (() => (() => this.v)())(); }
};
console.log(obj.method(), obj.nested());
var m = obj.method;
globalThis.v = "global v";
console.log(m());
var arrowFromMethod = obj.method.call({ v: "explicit" });
console.log(arrowFromMethod);
function Counter() {
  this.count = 0;
  this.inc = () => ++this.count;
}
var c = new Counter();
var inc = c.inc;
inc(); inc();
console.log(c.count);
var arrowCall = function () { var f = () => this.tag; return f.call({ tag: "ignored" }); };
console.log(arrowCall.call({ tag: "outer tag" }));
class Widget {
  constructor() { this.name = "widget"; this.handler = () => this.name; }
}
var h = new Widget().handler;
console.log(h());
delete globalThis.v;
