// Accessor properties defined with Object.defineProperty.
function makeObservable(target) {
  var log = [];
  Object.keys(target).forEach(function (key) {
    var value = target[key];
    Object.defineProperty(target, key, {
      get: function () { log.push("get " + key); return value; },
      set: function (v) { log.push("set " + key + "=" + v); value = v; },
      enumerable: true,
      configurable: true
    });
  });
  return log;
}
var state = { count: 0, label: "x" };
var log = makeObservable(state);
state.count++;
state.label += "y";
console.log(state.count, state.label);
console.log(log.join(", "));
var d = Object.getOwnPropertyDescriptor(state, "count");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, "value" in d);
var ro = {};
Object.defineProperty(ro, "now", { get: function () { return 12345; } });
var rod = Object.getOwnPropertyDescriptor(ro, "now");
console.log(ro.now, rod.set, rod.enumerable, rod.configurable, Object.keys(ro));
var conv = { v: 1 };
Object.defineProperty(conv, "v", { get: function () { return "now accessor"; } });
console.log(conv.v, Object.getOwnPropertyDescriptor(conv, "v").writable);
Object.defineProperty(conv, "v", { value: "data again", writable: true });
console.log(conv.v, typeof Object.getOwnPropertyDescriptor(conv, "v").get);
var locked = {};
Object.defineProperty(locked, "x", { get: function () { return 1; } });
try {
  Object.defineProperty(locked, "x", { get: function () { return 2; } });
} catch (e) {
  console.log("non-configurable accessor", e instanceof TypeError);
}
try {
  Object.defineProperty({}, "bad", { get: 5 });
} catch (e) {
  console.log("getter not callable", e instanceof TypeError);
}
var arr = [1, 2, 3];
Object.defineProperty(arr, "last", { get: function () { return this[this.length - 1]; } });
arr.push(4);
console.log(arr.last, arr.length);
var inherited = Object.create(state);
inherited.count = 99;
console.log(inherited.hasOwnProperty("count"), state.count);
