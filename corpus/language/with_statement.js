// The with statement (sloppy mode only).
var obj = { a: 1, b: 2 };
var a = "outer a", c = "outer c";
with (obj) {
  console.log(a, b, c);
  a = 10;
  c = "assigned outer c";
  var d = "declared in with";
}
console.log(obj.a, a, c, d, "d" in obj);
var point = { x: 3, y: 4 };
with (point) with (Math) console.log(sqrt(x * x + y * y));
var arr = [1, 2, 3];
with (arr) { console.log(length, join("-"), indexOf(2)); }
function f() {
  var local = "local";
  with ({ local: "from object" }) { return local; }
}
console.log(f());
var proto = { inherited: "from proto" };
with (Object.create(proto)) console.log(inherited);
var o2 = { v: 1 };
with (o2) { var v = 2; }
console.log(o2.v, typeof v, v);
var target = { m: function () { return this === target; } };
with (target) console.log(m());
var dyn = {};
with (dyn) { newProp = "implicit global"; }
console.log(dyn.newProp, typeof newProp);
dyn.late = "late";
with (dyn) console.log(typeof late);
var unscopable = { hidden: "h", shown: "s", [Symbol.unscopables]: { hidden: true } };
var hidden = "outer hidden";
with (unscopable) console.log(hidden, shown);
with ([]) console.log(typeof keys, typeof includes);
var fns = [];
with ({ val: "captured" }) { fns.push(function () { return val; }); }
console.log(fns[0]());
delete globalThis.newProp;
