// Object.is compared with === and ==.
var pairs = [[NaN, NaN], [0, -0], [-0, -0], [1, 1], ["a", "a"], [null, undefined],
  [null, null], [{}, {}], [[], []], [1, "1"], [Infinity, -Infinity], [0 / 0, NaN]];
pairs.forEach(function (p) {
  console.log(JSON.stringify(String(p[0])) + " vs " + JSON.stringify(String(p[1])),
    Object.is(p[0], p[1]), p[0] === p[1], p[0] == p[1]);
});
var o = {};
console.log(Object.is(o, o), Object.is(), Object.is(undefined));
var s = Symbol();
console.log(Object.is(s, s), Object.is(Symbol("x"), Symbol("x")));
console.log(Object.is(-0, 0 * -1), Object.is(Math.round(-0.4), -0));
