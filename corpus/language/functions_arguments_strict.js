"use strict";
// The arguments object in strict mode: not mapped, no callee.
function unmapped(a) {
  arguments[0] = "changed";
  return [a, arguments[0]];
}
console.log(unmapped("orig"));
function paramChange(a) {
  a = "param";
  return arguments[0];
}
console.log(paramChange("orig"));
function callee() {
  try {
    return arguments.callee;
  } catch (e) {
    return e instanceof TypeError;
  }
}
console.log(callee());
function spreadArgs() { return [...arguments]; }
console.log(spreadArgs(1, "a", null));
function len() { return arguments.length; }
console.log(len(), len(undefined), len(1, 2, 3));
function outer() { var inner = () => arguments[0]; return inner("ignored"); }
console.log(outer("from outer"));
function restVsArgs(a, ...rest) { return [arguments.length, rest.length]; }
console.log(restVsArgs(1, 2, 3));
function desc() {
  var d = Object.getOwnPropertyDescriptor(arguments, "callee");
  return [typeof d.get, d.get === d.set, d.enumerable, d.configurable];
}
console.log(desc());
