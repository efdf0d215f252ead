// indexOf, lastIndexOf, includes, find, findIndex.
var a = [1, 2, 3, 2, 1, NaN, -0];
console.log(a.indexOf(2), a.lastIndexOf(2), a.indexOf(9), a.indexOf(2, 2), a.indexOf(1, -3));
console.log(a.lastIndexOf(1, -4), a.lastIndexOf(1, 3), a.lastIndexOf(3, -10));
console.log(a.indexOf(NaN), a.includes(NaN), a.includes(0), a.indexOf(0));
console.log(a.includes(2, 4), a.includes(1, -3), ["1"].includes(1));
console.log([, undefined].indexOf(undefined), [, ,].includes(undefined), [, ,].indexOf(undefined));
var people = [{ n: "ann", age: 30 }, { n: "bob", age: 25 }, { n: "cy", age: 30 }];
console.log(people.find(function (p) { return p.age === 30; }).n);
console.log(people.findIndex(function (p) { return p.age > 100; }));
console.log(people.find(function (p) { return p.age > 100; }));
console.log(people.findIndex(function (p, i, arr) { return arr === people && i === 2; }));
var visited = [];
[1, , 3].find(function (v, i) { visited.push(i + ":" + v); });
console.log(visited);
console.log([3, 5, 7].find(function (v) { return v > this.min; }, { min: 4 }));
var objs = [{ id: 1 }];
console.log(objs.indexOf({ id: 1 }), objs.indexOf(objs[0]));
console.log(Array.prototype.indexOf.call("hello", "l"), Array.prototype.includes.call({ length: 1, 0: "x" }, "x"));
