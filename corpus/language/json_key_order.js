// JSON.stringify key order follows own property order; parse builds in source order.
console.log(JSON.stringify({ b: 1, a: 2, 10: 3, 2: 4, "-1": 5 }));
var o = {};
o.z = 1; o.y = 2; o[5] = 3; o.x = 4; o[0] = 5;
console.log(JSON.stringify(o));
delete o.y;
o.y = "re-added";
console.log(JSON.stringify(o));
var parsed = JSON.parse('{"z":1,"3":2,"a":3,"1":4}');
console.log(Object.keys(parsed).join(","), JSON.stringify(parsed));
class P { constructor() { this.second = 2; this.first = 1; } }
console.log(JSON.stringify(new P()));
var sorted = function (obj) {
  return JSON.stringify(obj, function (k, v) {
    return v && typeof v === "object" && !Array.isArray(v)
      ? Object.keys(v).sort().reduce(function (acc, key) { acc[key] = v[key]; return acc; }, {})
      : v;
  });
};
console.log(sorted({ c: 1, a: { z: 1, b: 2 }, b: [{ y: 1, x: 2 }] }));
console.log(JSON.stringify(Object.fromEntries([["k2", 1], ["k1", 2]])));
console.log(JSON.stringify({ ...{ b: 1 }, a: 2, ...{ b: 3 } }));
