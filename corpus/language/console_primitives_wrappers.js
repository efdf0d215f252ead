// console.log of numbers, -0, wrappers, arguments objects, boxed primitives with props, errors not printed.
console.log(-0, [-0], { z: -0 });
console.log(0.1, 100, 1e100, -1e-100, 2 ** 53);
console.log([1.0, 2.50, 0x10]);
var boxed = new Number(5);
boxed.extra = true;
console.log(boxed);
console.log([new String("ab")]);
console.log((function () { return arguments; })(1, "a"));
console.log(Object(Symbol("s")));
console.log([true, false], { t: true });
console.log(globalThis === globalThis ? "globalThis not printed" : "");
console.log(Promise.resolve(42));
console.log(Promise.reject(new Error("x")).catch(function () {}) instanceof Promise);
console.log(new Promise(function () {}));
