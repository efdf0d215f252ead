// The arguments object in sloppy mode: mapped to parameters.
function mapped(a, b) {
  arguments[0] = "changed";
  b = "param changed";
  return [a, arguments[1], arguments.length];
}
console.log(mapped(1, 2));
console.log(mapped(1));
function unmappedExtra(a) {
  arguments[1] = "extra";
  return [arguments.length, arguments[1]];
}
console.log(unmappedExtra(1));
function afterDelete(a) {
  delete arguments[0];
  a = "new";
  return [arguments[0], a];
}
console.log(afterDelete("old"));
function missing(a) {
  a = 5;
  return arguments[0];
}
console.log(missing());
function info() {
  return [typeof arguments, Array.isArray(arguments), arguments.length,
    Object.prototype.toString.call(arguments)];
}
console.log(info(1, 2, 3));
function toArray() { return Array.prototype.slice.call(arguments); }
console.log(toArray("a", "b"), Array.from((function () { return arguments; })(1, 2)));
function callee() { return arguments.callee === callee; }
console.log(callee());
function iterate() { var r = []; for (var x of arguments) r.push(x * 2); return r; }
console.log(iterate(1, 2, 3));
function lengthWritable() { arguments.length = 1; return Array.from(arguments); }
console.log(lengthWritable(1, 2, 3));
function keys(a, b) { return Object.keys(arguments); }
console.log(keys("x", "y"));
