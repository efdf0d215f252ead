// split, match, matchAll and search with regexps, including captures, limits and sticky/unicode.
console.log("one two  three".split(/\s+/), "a1b2c3".split(/(\d)/), "a1b2c3".split(/\d/, 2));
console.log("abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/), "\u{1F600}x".split(/(?:)/u).length);
console.log("k1=v1;k2=v2".split(/[=;]/), "ABCabc".split(/b/i), "a,b".split(/,/, -1));
console.log("a1b22c333".match(/\d+/g), "abc".match(/(z)?b/), "abc".match(/z/g), "abc".match(/z/));
var m = "key: value".match(/(?<k>\w+): (?<v>\w+)/);
console.log(m.index, m.groups.k, m.groups.v, m.input);
var all = [..."a1b22c333".matchAll(/([a-z])(\d+)/g)];
console.log(all.length, all.map(function (x) { return x.index + ":" + x[1] + "=" + x[2]; }).join(" "));
var it = "xx".matchAll(/x/g);
console.log(Object.prototype.toString.call(it), it.next().value[0], it.next().done, it.next().done);
try { "abc".matchAll(/b/); } catch (e) { console.log(e.name + ": " + e.message); }
console.log("abcabc".search(/c/), "abc".search(/z/), "a.b".search("."), "xyz".search());
var sticky = /a/y;
sticky.lastIndex = 1;
console.log("ba".search(sticky), sticky.lastIndex, "aab".match(/a/y)[0], "baa".match(/a/gy));
class Counting extends RegExp {
  exec(s) { Counting.calls++; return super.exec(s); }
}
Counting.calls = 0;
console.log("a,b,c".split(new Counting(",")), Counting.calls > 0, "aXa".replace(new Counting("a", "g"), "o"));
var words = "The quick brown fox".match(/\b\w/g).join("");
console.log(words, "a\nb\nc".split(/\n/).length, "tel: 555-1234".match(/(\d{3})-(\d{4})/).slice(1));
