// console.log formatting of Map, Set, WeakMap, WeakSet and their iterators.
console.log(new Map());
console.log(new Map([["a", 1], ["b", { c: 2 }]]));
console.log(new Map([[1, "one"], [{ k: 1 }, [1, 2]]]));
console.log(new Set());
console.log(new Set([1, "two", [3], { four: 4 }]));
console.log(new Set(["x"]), new Map([[null, undefined]]));
console.log([new Set([1]), new Map([[1, 2]])]);
console.log({ m: new Map([["k", "v"]]), s: new Set([true]) });
var m = new Map([["a", 1], ["b", 2]]);
console.log(m.keys(), m.values());
console.log(m.entries());
console.log(new Set([5, 6]).values());
console.log(new WeakMap(), new WeakSet());
