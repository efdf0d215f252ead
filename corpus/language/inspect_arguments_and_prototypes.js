// console.log of arguments objects and of the built-in prototypes, as node v20 shows them.
function list() { return arguments; }
function strictList(a) { "use strict"; a = 9; return arguments; }
console.log(list(1, "two", [3], { four: 4 }));
console.log(list(), [list(1)], { args: list("x") });
console.log(strictList(1, 2), Object.prototype.toString.call(list()));
const args = list(5, 6);
args.extra = true;
console.log(args, args.length, Array.from(args), [...args]);
console.log(Object.prototype, Function.prototype, Array.prototype);
console.log([Object.prototype], { proto: Function.prototype });
console.log(Map.prototype, Set.prototype, Promise.prototype, Error.prototype);
console.log(Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}));
console.log(Object.create(Object.prototype), Object.create(Array.prototype), Object.create(null));
