// A small event emitter with once, off, wildcard listeners and error isolation.
class Emitter {
  constructor() { this.listeners = new Map(); }
  on(evt, fn) {
    if (!this.listeners.has(evt)) this.listeners.set(evt, []);
    this.listeners.get(evt).push(fn);
    return () => this.off(evt, fn);
  }
  once(evt, fn) {
    var self = this;
    var off = this.on(evt, function wrapper() { off(); return fn.apply(self, arguments); });
    return off;
  }
  off(evt, fn) {
    var list = this.listeners.get(evt);
    if (!list) return false;
    var i = list.indexOf(fn);
    if (i < 0) i = list.findIndex(function (l) { return l.original === fn; });
    if (i >= 0) list.splice(i, 1);
    return i >= 0;
  }
  emit(evt) {
    var args = Array.prototype.slice.call(arguments, 1);
    var called = 0, errors = [];
    var list = (this.listeners.get(evt) || []).concat(this.listeners.get("*") || []);
    list.forEach(function (fn) {
      try { fn.apply(this, args); called++; } catch (e) { errors.push(e.message); }
    }, this);
    if (errors.length) this.emit("error", errors);
    return called;
  }
}
var bus = new Emitter();
var log = [];
var offA = bus.on("data", function (x) { log.push("A:" + x); });
bus.on("data", function (x, y) { log.push("B:" + x + (y ? "," + y : "")); });
bus.once("data", function (x) { log.push("once:" + x); });
bus.on("*", function () { log.push("wildcard(" + arguments.length + ")"); });
bus.on("error", function (errs) { log.push("errors=" + errs.join("|")); });
console.log(bus.emit("data", 1), bus.emit("data", 2, 3));
offA();
bus.on("data", function () { throw new Error("listener failed"); });
console.log(bus.emit("data", 4), bus.emit("none"));
console.log(log.join(" "));
console.log(bus.off("data", function () {}), bus.off("missing", null), bus.listeners.get("data").length);
