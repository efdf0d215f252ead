// Spread in array literals.
var a = [1, 2], b = [3, 4];
console.log([...a, ...b], [0, ...a, 2.5, ...b, 5].join(" "));
console.log([..."hi"], [...new Set([1, 1, 2])], [...new Map([[1, 2]])]);
console.log([...[]], [...[, 1]], [...[1, , 3]].length);
var copy = [...a];
copy.push(99);
console.log(a, copy);
function* g() { yield "a"; yield "b"; }
console.log([...g(), ...g()]);
var args = (function () { return [...arguments]; })(1, 2);
console.log(args);
var nested = [[1], [2]];
var shallow = [...nested];
shallow[0].push("shared");
console.log(nested[0]);
try {
  [...{}];
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  [...123];
} catch (e) {
  console.log(e instanceof TypeError);
}
var counter = {
  [Symbol.iterator]() {
    var n = 0;
    return { next: () => ({ value: n, done: n++ >= 3 }) };
  }
};
console.log([...counter], Math.max(...counter));
var unique = [...new Set("mississippi")].join("");
console.log(unique);
console.log([...Array(3).keys()]);
