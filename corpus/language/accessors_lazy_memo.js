// Lazy getters that replace themselves, and accessor-based views over other data.
var computeCount = 0;
var config = {
  get parsed() {
    computeCount++;
    var value = JSON.parse('{"mode":"fast","level":3}');
    Object.defineProperty(this, "parsed", { value: value, writable: false, enumerable: true });
    return value;
  }
};
console.log(config.parsed.mode, config.parsed.level, computeCount);
console.log(Object.getOwnPropertyDescriptor(config, "parsed").get, Object.keys(config));
class Lazy {
  get heavy() {
    var v = Array.from({ length: 5 }, function (_, i) { return i * i; });
    Object.defineProperty(this, "heavy", { value: v });
    return v;
  }
}
var a = new Lazy(), b = new Lazy();
console.log(a.heavy === a.heavy, a.heavy === b.heavy, a.hasOwnProperty("heavy"), b.hasOwnProperty("heavy"));
function view(arr) {
  var v = {};
  arr.forEach(function (_, i) {
    Object.defineProperty(v, "item" + i, {
      get: function () { return arr[i]; },
      set: function (x) { arr[i] = x; },
      enumerable: true
    });
  });
  Object.defineProperty(v, "size", { get: function () { return arr.length; } });
  return v;
}
var data = [10, 20, 30];
var v = view(data);
v.item1 = 99;
console.log(data, v.item0, v.size, Object.keys(v));
data[0] = -1;
console.log(v.item0, JSON.stringify(v));
var temps = { _c: [20, 25, 30], get f() { return this._c.map(function (c) { return c * 9 / 5 + 32; }); } };
console.log(temps.f, temps.f === temps.f);
