// reverse, join, toString and array-likes.
var a = [1, 2, 3, 4];
console.log(a.reverse(), a);
console.log([].reverse(), [1].reverse(), ["a", "b"].reverse());
var sparse = [1, , 3, , ];
sparse.reverse();
console.log(sparse.length, 0 in sparse, 1 in sparse, sparse[1]);
console.log([1, [2, [3]]].join(";"), [null, undefined, 0].join(), ["a"].join(undefined));
console.log([1, 2].join({ toString: function () { return "<>"; } }));
var obj = { length: 3, 0: "x", 2: "z" };
Array.prototype.reverse.call(obj);
console.log(obj[0], obj[1], obj[2], 1 in obj);
console.log(Array.prototype.join.call({ length: 3, 1: "mid" }, "+"));
var r = "stressed".split("").reverse().join("");
console.log(r);
function isPalindrome(s) { var t = s.toLowerCase().split(" ").join(""); return t === t.split("").reverse().join(""); }
console.log(isPalindrome("Never odd or even"), isPalindrome("hello"));
console.log([1, 2, 3].toString(), String([["a", "b"], "c"]), [] + "");
var custom = [1, 2];
custom.join = function () { return "custom join"; };
console.log(String(custom), `${custom}`);
