// Destructuring in for-of / for-in heads and catch clauses.
var map = new Map([["one", 1], ["two", 2]]);
for (const [key, value] of map) console.log(key, value);
for (let [i, ch] of Array.from("ab").entries()) console.log(i, ch);
var users = [{ name: "a", roles: ["x"] }, { name: "b", roles: [] }];
for (var { name, roles: [role = "none"] } of users) console.log(name, role);
for (const [k, v] of Object.entries({ p: 10, q: 20 })) console.log(`${k}->${v}`);
for (var [a, b] in { xy: 1, ab: 2 }) console.log(a, b);
var total = 0;
for (let { n = 1 } of [{ n: 5 }, {}, { n: 3 }]) total += n;
console.log(total);
try {
  throw { code: 42, info: { msg: "boom" } };
} catch ({ code, info: { msg } }) {
  console.log(code, msg);
}
var pairs = [[1, [2, 3]], [4, [5, 6]]];
var flat = [];
for (var [p, [q, r]] of pairs) flat.push(p + q + r);
console.log(flat);
var target = {};
for ({ x: target.x } of [{ x: "assigned" }]);
console.log(target.x);
