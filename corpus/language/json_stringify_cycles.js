// Cyclic structures throw TypeError; shared (non-cyclic) references are fine.
var a = { name: "a" };
a.self = a;
try {
  JSON.stringify(a);
} catch (e) {
  console.log("self cycle", e instanceof TypeError);
}
var arr = [1];
arr.push([arr]);
try {
  JSON.stringify(arr);
} catch (e) {
  console.log("array cycle", e instanceof TypeError);
}
var shared = { v: 1 };
console.log(JSON.stringify({ x: shared, y: shared, z: [shared, shared] }));
function safeStringify(obj) {
  var seen = new WeakSet();
  return JSON.stringify(obj, function (k, v) {
    if (typeof v === "object" && v !== null) {
      if (seen.has(v)) return "[Circular]";
      seen.add(v);
    }
    return v;
  });
}
console.log(safeStringify(a));
var b = { child: { parent: null } };
b.child.parent = b;
console.log(safeStringify(b));
var viaToJSON = { toJSON: function () { return viaToJSON; } };
try {
  console.log(JSON.stringify({ w: viaToJSON }));
} catch (e) {
  console.log("toJSON returning self", e instanceof TypeError);
}
var deep = {};
var cur = deep;
for (var i = 0; i < 50; i++) { cur.n = {}; cur = cur.n; }
console.log(JSON.stringify(deep).length);
