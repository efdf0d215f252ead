// JSON.stringify with the space argument.
var data = { name: "x", list: [1, [2, 3], {}], empty: [], obj: { a: null, b: { c: true } } };
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify([1, 2], null, "--"));
console.log(JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10));
console.log(JSON.stringify({ a: 1 }, null, "abcdefghijklmnop"));
console.log(JSON.stringify({ a: [1] }, null, 0), JSON.stringify({ a: 1 }, null, ""));
console.log(JSON.stringify({ a: 1 }, null, -5), JSON.stringify({ a: 1 }, null, 2.9).length);
console.log(JSON.stringify({ a: 1 }, null, new Number(1)));
console.log(JSON.stringify({}, null, 2), JSON.stringify([], null, 2), JSON.stringify([{}], null, 1));
console.log(JSON.stringify("str", null, 4));
