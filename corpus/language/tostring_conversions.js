// ToString applied by String(), template literals, + and join to nested structures.
console.log(String([1, [2, 3]]), String([[1], [[2]], [[[3]]]]));
console.log("" + {}, "" + [], "" + [[]], "" + [null], "" + [undefined, null]);
console.log(`${[1, 2]}`, `${{}}`, `${[]}|`);
console.log([1, 2] + [3, 4], {} + {}, [] + []);
console.log(String({ toString: function () { return "custom"; } }));
console.log(String({ valueOf: function () { return 5; } }));
console.log(String({ toString: null, valueOf: function () { return "from valueOf"; } }));
console.log([{ toString: function () { return "A"; } }, "B"].join(""));
console.log(String(true), String(false), String(0), String(-0), String(1 / 3));
console.log(["a", ["b", ["c", ["d"]]]].toString(), [1, [2, [3]]].join("|"));
var objArr = [{}, {}];
console.log(String(objArr));
console.log(String(Symbol("sym")), [1, 2].toString === Array.prototype.toString);
console.log(Array.prototype.toString.call({ join: function () { return "joined!"; } }));
console.log(Array.prototype.toString.call({ notJoin: 1 }));
console.log(String(new Error("e")), String(new TypeError("te")), String(Object.create(null, { toString: { value: function () { return "nullproto"; } } })));
console.log(String(null), String(undefined), `${null}${undefined}`, null + "", [null] + "");
console.log(String(123456789012345678901234567890), String(0.000001), String(-1e-7));
