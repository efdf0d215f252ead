// ToString of arrays, objects, nested and special values.
console.log(String([1, [2, 3]]), String([]), String([[]]), String([[], []]));
console.log(String([null]), String([undefined, 1]), String([1, , 3]));
console.log("" + {}, String({}), `${{ a: 1 }}`);
console.log(String(Object.create(null, { toString: { value: function () { return "np"; } } })));
console.log([1, 2, 3].toString(), Object.prototype.toString.call([1, 2]));
console.log(Object.prototype.toString.call(null), Object.prototype.toString.call(undefined));
console.log(Object.prototype.toString.call(1), Object.prototype.toString.call(""), Object.prototype.toString.call(true));
console.log(Object.prototype.toString.call(function () {}), Object.prototype.toString.call(Symbol()));
console.log(Object.prototype.toString.call(new Map()), Object.prototype.toString.call(Promise.resolve()));
console.log(Object.prototype.toString.call(JSON), Object.prototype.toString.call(Math));
console.log(Object.prototype.toString.call((function () { return arguments; })()));
console.log(Object.prototype.toString.call(new Error("x")), Object.prototype.toString.call(globalThis) !== "");
var nested = [1, [2, [3, [4, { toString: function () { return "five"; } }]]]];
console.log(String(nested));
var arr = [1, 2];
arr.toString = function () { return "custom"; };
console.log("" + arr, [arr] + "");
console.log(String(-0), String([-0]), String(1e21), String([1e-7]));
