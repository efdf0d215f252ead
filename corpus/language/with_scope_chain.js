// with: functions declared inside, nested with, assignments to missing names, var hoisting.
var config = { debug: false, level: 1 };
function readLevel() { return typeof level; }
with (config) {
  level = 5;
  var f = function () { return level + 1; };
  function decl() { return typeof debug; }
}
console.log(config.level, f(), decl(), readLevel());
var a = { x: "a.x", shared: "from a" };
var b = { y: "b.y", shared: "from b" };
with (a) {
  with (b) {
    console.log(x, y, shared);
    shared = "assigned";
  }
}
console.log(a.shared, b.shared);
var counter = { n: 0 };
with (counter) { for (var i = 0; i < 3; i++) n++; }
console.log(counter.n, i);
var proxyLike = { get dynamic() { return "getter via with"; } };
with (proxyLike) console.log(dynamic);
function withParam(obj) {
  var local = "local";
  with (obj) return [local, typeof missing];
}
console.log(withParam({ local: "shadowed by object" }), withParam({}));
var str = "hello";
with (str) console.log(length, toUpperCase());
var changed = { val: 1 };
with (changed) {
  delete changed.val;
  var val = "assigned after delete";
}
console.log(changed.val, val);
