// String.prototype.replace/replaceAll with regexps: $-patterns, named groups, replacer functions.
console.log("2020-01-02".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"));
console.log("John Smith".replace(/(?<first>\w+)\s(?<last>\w+)/, "$<last>, $<first>"));
console.log("a-b-c".replace(/-/g, "+"), "a-b-c".replaceAll(/-/g, "$&$&"), "aaa".replace(/a/, "$`$'"));
console.log("price: 10, 20".replace(/\d+/g, function (m, off) { return "<" + m * 2 + "@" + off + ">"; }));
console.log("x".replace(/(y)?x/, "[$1]"), "abc".replace(/(b)/, "$0|$00|$01|$10|$2|$$|$"));
console.log("abc".replace(/(?<n>b)/, function () { var a = [].slice.call(arguments); return JSON.stringify(a); }));
console.log("aaa".replace(/a*?/g, "<$&>"), "abc".replace(/(?:)/g, "-"), "\u{1F600}".replace(/(?:)/gu, "-"));
var camel = "background-color and border-top-width".replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
console.log(camel);
var template = "Hello {name}, you are {age}!";
var data = { name: "Ann", age: 30 };
console.log(template.replace(/\{(\w+)\}/g, function (_, key) { return data[key]; }));
var re = /o/g;
re.lastIndex = 5;
console.log("foo boo".replace(re, "0"), re.lastIndex);
try { "abc".replaceAll(/b/, "x"); } catch (e) { console.log(e.name + ": " + e.message); }
console.log("a.b.c".replaceAll(".", "!"), "aXbX".replace("X", function (m, i, s) { return i + s; }));
var escaped = "1+1=2 (maybe?)".replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
console.log(escaped);
