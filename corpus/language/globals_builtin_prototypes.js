// Shape of builtin constructors and prototypes: lengths, names, prototype links.
var methods = ["concat", "every", "fill", "filter", "find", "flat", "flatMap", "forEach", "includes",
  "indexOf", "join", "map", "push", "reduce", "slice", "sort", "splice", "unshift"];
console.log(methods.map(function (m) { return m + "/" + Array.prototype[m].length; }).join(" "));
var strMethods = ["charAt", "concat", "endsWith", "includes", "indexOf", "padEnd", "repeat", "slice", "split", "trim"];
console.log(strMethods.map(function (m) { return m + "/" + String.prototype[m].length; }).join(" "));
console.log(Object.getPrototypeOf(Array.prototype) === Object.prototype, Array.isArray(Array.prototype));
console.log(typeof Function.prototype, Object.getPrototypeOf(Function.prototype) === Object.prototype);
console.log(Object.getPrototypeOf(TypeError) === Error, Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
console.log(Map.prototype.constructor === Map, Map.length, Set.length, Promise.length, Symbol.length);
console.log(Object.getOwnPropertyNames(Map.prototype).sort().join(","));
console.log(["all", "allSettled", "race", "reject", "resolve"].every(function (m) { return typeof Promise[m] === "function"; }));
console.log(Object.getOwnPropertyNames(Number).sort().join(","));
var desc = Object.getOwnPropertyDescriptor(Map.prototype, "size");
console.log(typeof desc.get, desc.set, desc.enumerable);
console.log(String.prototype.valueOf.call("x"), Number.prototype.valueOf.call(3), Boolean.prototype.valueOf.call(false));
try {
  Number.prototype.valueOf.call("not a number");
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(Array.prototype.length, String.prototype.length, Number.prototype.valueOf(), Boolean.prototype.valueOf());
