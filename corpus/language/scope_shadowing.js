// Shadowing of variables, parameters and globals.
var v = "global";
function outer() {
  var v = "outer";
  function inner() {
    var v = "inner";
    return v;
  }
  function reads() { return v; }
  return [inner(), reads(), v];
}
console.log(outer(), v);
function param(a) {
  var a;
  return a;
}
console.log(param(5));
function paramReassign(a) {
  var a = 2;
  return a;
}
console.log(paramReassign(5));
function fnShadow() {
  return typeof fnShadow;
  var fnShadow = 1;
}
console.log(fnShadow());
function argName(arguments) { return arguments; }
console.log(argName("plain"));
var undefinedShadow = (function () {
  var undefined = 5;
  return undefined;
})();
console.log(undefinedShadow);
let s = 1;
{
  let s = 2;
  {
    let s = 3;
    console.log(s);
  }
  console.log(s);
}
console.log(s);
function catchShadow() {
  var e = "outer e";
  try { throw "thrown"; } catch (e) { e = "modified"; }
  return e;
}
console.log(catchShadow());
