// Arrow functions as callbacks: concise bodies, returning objects, chaining, currying.
const people = [
  { name: "ann", age: 31, team: "red" },
  { name: "bob", age: 25, team: "blue" },
  { name: "cid", age: 42, team: "red" },
  { name: "dee", age: 19, team: "blue" }
];
console.log(people.filter(p => p.age > 24).map(p => p.name).join(","));
console.log(people.map(({ name, age }) => ({ name, decade: Math.floor(age / 10) * 10 }))[2]);
const byTeam = people.reduce((acc, p) => ({ ...acc, [p.team]: [...(acc[p.team] || []), p.name] }), {});
console.log(byTeam);
const total = people.map(p => p.age).reduce((a, b) => a + b, 0);
console.log(total, (total / people.length).toFixed(2));
const add = a => b => c => a + b + c;
console.log(add(1)(2)(3), [1, 2, 3].map(add(10)(20)));
const oldest = people.reduce((a, b) => (a.age >= b.age ? a : b));
console.log(oldest.name);
const noop = () => {};
const identity = x => x;
console.log(noop(), identity("same"), [0, 1, "", "x", null].filter(identity));
const sorted = [...people].sort((a, b) => a.team < b.team ? -1 : a.team > b.team ? 1 : a.age - b.age);
console.log(sorted.map(p => p.name).join(" "));
const counter = (() => { let n = 0; return () => ++n; })();
counter(); counter();
console.log(counter());
const multiLine = (a, b) => {
  const sum = a + b;
  return sum * 2;
};
console.log(multiLine(3, 4));
const returnsArrow = () => () => "inner";
console.log(returnsArrow()());
console.log([[1, 2], [3, 4]].map(([a, b]) => a * b));
