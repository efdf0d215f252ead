// console.log with zero, one and many arguments of mixed types.
console.log();
console.log("a", "b", "c");
console.log(1, "1", true, null, undefined);
console.log("obj:", { a: 1 }, "arr:", [1, 2]);
console.log(NaN, -0, 0, Infinity, -Infinity);
console.log("", "");
console.log(" leading", "trailing ");
console.log([], {}, "", 0);
console.log(1e21, 1e-7, 123456789.123, 0.1 + 0.2);
console.log(true, false, "true");
console.log(new Number(3), new String("s"), new Boolean(true));
console.log([new Number(-0)], { b: new Boolean(false) });
