// flat and flatMap.
var nested = [1, [2, [3, [4, [5]]]]];
console.log(JSON.stringify(nested.flat()), JSON.stringify(nested.flat(2)));
console.log(nested.flat(Infinity), JSON.stringify(nested.flat(0)));
console.log([[]].flat(), [[], [[]]].flat(), [1, [2], [[3]]].flat(-1).length);
console.log(["a b", "c"].flatMap(function (s) { return s.split(" "); }));
console.log([1, 2, 3].flatMap(function (x) { return [x, x * 10]; }));
console.log([1, 2].flatMap(function (x) { return [[x]]; }));
console.log([1, 2, 3, 4].flatMap(function (x) { return x % 2 ? [] : x; }));
console.log([1, 2].flatMap(function (x, i, arr) { return [i, arr.length]; }));
console.log(["x"].flatMap(function () { return this.v; }, { v: ["from this"] }));
var arrayLike = { length: 2, 0: "not", 1: "spread" };
console.log([1].flatMap(function () { return arrayLike; }).length);
console.log([[1, 2], "ab", [["c"]]].flat());
var sentences = ["the cat", "a dog barks"];
var words = sentences.flatMap(function (s) { return s.split(" "); });
console.log(words.length, words.join("|"));
