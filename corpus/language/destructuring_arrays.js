// Array destructuring: elision, defaults, rest, iterables.
var [a, b, c] = [1, 2, 3];
console.log(a, b, c);
var [, second, , fourth] = [1, 2, 3, 4];
console.log(second, fourth);
var [x = "dx", y = "dy"] = [undefined, null];
console.log(x, y);
var [first, ...rest] = [1, 2, 3, 4];
console.log(first, rest);
var [only, ...empty] = [1];
console.log(only, empty);
var [ch1, ch2] = "hi";
console.log(ch1, ch2);
var [s1, s2] = new Set(["set1", "set2", "set3"]);
console.log(s1, s2);
var [[k1, v1], [k2, v2]] = new Map([["a", 1], ["b", 2]]);
console.log(k1, v1, k2, v2);
var [m = 1, n = m * 2] = [];
console.log(m, n);
var log = [];
function* gen() {
  try {
    log.push("yield 1"); yield 1;
    log.push("yield 2"); yield 2;
    log.push("yield 3"); yield 3;
  } finally {
    log.push("cleanup");
  }
}
var [g1, g2] = gen();
console.log(g1, g2, log);
try {
  var [bad] = {};
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  var [nil] = null;
} catch (e) {
  console.log(e instanceof TypeError);
}
var arr = [];
[arr[0], arr[1] = "def"] = ["zero"];
console.log(arr);
var [...copy] = "abc";
console.log(copy);
