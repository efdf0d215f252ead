// Spreading strings iterates code points, not UTF-16 units.
var s = "a\u{1F600}b\u{1F44D}\u{1F3FD}";
console.log(s.length, [...s].length, Array.from(s).length, s.split("").length);
console.log([...s].map(function (c) { return c.codePointAt(0).toString(16); }).join(" "));
var reversedUnits = s.split("").reverse().join("");
var reversedPoints = [...s].reverse().join("");
console.log(reversedUnits === reversedPoints, [...reversedPoints][0] === "\u{1F3FD}");
console.log(Math.max(..."3917".split("").map(Number)), String.fromCodePoint(...[0x48, 0x1F600]).length);
var lone = "x\uD800y";
console.log([...lone].length, [...lone][1].length, [...lone][1].charCodeAt(0).toString(16));
function countChars(str) { var m = new Map(); for (var c of str) m.set(c, (m.get(c) || 0) + 1); return m.size; }
console.log(countChars("\u{1F600}\u{1F600}\u{1F601}"), new Set("\u{1F600}\u{1F600}\u{1F601}").size);
var [first, ...rest] = "\u{1F600}rest";
console.log(first.length, rest.length, rest.join(""));
console.log(Object.keys({ ..."\u{1F600}" }).length, Object.keys({ ..."ab" }));
