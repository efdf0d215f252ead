// Default sort compares as strings; undefined and holes go last.
console.log([10, 9, 1, 100, 25].sort());
console.log([3, 20, 100].sort(), [-1, -2, 3, 0].sort());
var s3 = ["b", undefined, "a", , "c"].sort();
console.log(s3.length, s3.slice(0, 3), s3[3], 3 in s3, 4 in s3);
var withHoles = [3, , undefined, 1];
withHoles.sort();
console.log(withHoles.length, 2 in withHoles, 3 in withHoles, withHoles[0], withHoles[1]);
console.log([true, false, null, "null", "true"].sort());
console.log([1, "1", 1.5, "01"].sort());
console.log(["B", "a", "C", "b"].sort());
console.log(["é", "e", "z", "Z"].sort());
console.log([[2, 1], [1, 2], [1, 1]].sort().join(" | "));
var arr = [3, 1, 2];
var result = arr.sort();
console.log(result === arr, arr);
console.log([].sort(), [1].sort());
console.log(["\u{1F600}", "\uFFFF", "a"].sort().map(function (s) { return s.length; }));
var obj = { length: 3, 0: "c", 1: "a", 2: "b" };
Array.prototype.sort.call(obj);
console.log(obj[0], obj[1], obj[2]);
try {
  [1, 2].sort("not a function");
} catch (e) {
  console.log(e instanceof TypeError);
}
