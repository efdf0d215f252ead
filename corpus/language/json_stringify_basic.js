// JSON.stringify of primitives, arrays, objects and special values.
console.log(JSON.stringify(1), JSON.stringify("s"), JSON.stringify(true), JSON.stringify(null));
console.log(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol()));
console.log(JSON.stringify(NaN), JSON.stringify(Infinity), JSON.stringify(-0), JSON.stringify(1e21));
console.log(JSON.stringify([1, "a", null, undefined, function () {}, Symbol(), NaN]));
console.log(JSON.stringify({ a: 1, b: undefined, c: function () {}, d: Symbol(), e: null, f: NaN }));
console.log(JSON.stringify({ nested: { arr: [1, { x: [] }], obj: {} } }));
console.log(JSON.stringify(new Number(5)), JSON.stringify(new String("w")), JSON.stringify(new Boolean(false)));
console.log(JSON.stringify([new Map([[1, 2]]), new Set([1])]));
console.log(JSON.stringify({ [Symbol("k")]: 1, 2: "two", a: "A", 1: "one" }));
console.log(JSON.stringify([, 1]), JSON.stringify(Object.create({ inherited: 1 })));
var hidden = Object.defineProperty({ v: 1 }, "h", { value: 2, enumerable: false });
console.log(JSON.stringify(hidden));
console.log(JSON.stringify({ get g() { return "getter value"; } }));
console.log(JSON.stringify("quote\" backslash\\ newline\n tab\t"));
console.log(JSON.stringify(0.1 + 0.2), JSON.stringify(-1e-7), JSON.stringify(5e-324));
console.log(JSON.stringify({ a: [] }) === '{"a":[]}', JSON.stringify([[[]]]));
console.log(JSON.stringify(Object.assign([1, 2], { extra: "ignored" })));
