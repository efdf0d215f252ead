// split with string separators and join.
console.log("a,b,c".split(","), "a,b,c".split(",", 2));
console.log("abc".split(""), "abc".split(), "".split(","), "".split(""));
console.log("a,,b,".split(","), ",a".split(","));
console.log("one  two".split(" "), "a--b--c".split("--"));
console.log("abc".split("abc"), "abc".split("x"));
console.log("a,b".split(",", 0), "a,b,c".split(undefined));
console.log(["a", "b", "c"].join(), ["a", "b"].join(""), ["a", "b"].join(" - "));
console.log([1, null, undefined, 2].join("|"), [[1, 2], [3]].join(";"));
console.log([].join(), JSON.stringify([undefined].join()));
var csv = "name,age\nann,30\nbob,25";
var rows = csv.split("\n").map(function (l) { return l.split(","); });
console.log(rows.length, rows[1], rows[2][1] * 2);
var words = "the rain in spain".split(" ");
console.log(words.map(function (w) { return w[0].toUpperCase() + w.slice(1); }).join(" "));
console.log("a-b-c".replace("-", "+"), "aaa".replace("a", "$&$&"));
console.log("x.y.z".replace(".", function (m, off) { return "[" + m + off + "]"; }));
console.log("a-b-c".split("-").join("+"));
