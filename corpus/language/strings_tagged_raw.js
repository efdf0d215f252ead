// Tagged templates, the strings array, .raw and String.raw.
function tag(strings) {
  var vals = Array.prototype.slice.call(arguments, 1);
  return JSON.stringify({ s: strings, v: vals, n: strings.length });
}
console.log(tag`a${1}b${2}c`);
console.log(tag`${"x"}`);
console.log(tag``);
function raw(strings) { return strings.raw; }
console.log(raw`line\nbreak \u0041`);
console.log(String.raw`C:\new\table ${1 + 1}`);
console.log(String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3));
function frozen(s) { return Object.isFrozen(s) && Object.isFrozen(s.raw); }
console.log(frozen`q`);
var cache = [];
function same(s) { cache.push(s); }
for (var i = 0; i < 2; i++) same`site`;
console.log(cache[0] === cache[1]);
function html(strings) {
  var out = strings[0];
  for (var k = 1; k < strings.length; k++) {
    out += String(arguments[k]).split("<").join("&lt;") + strings[k];
  }
  return out;
}
console.log(html`<b>${"<i>"}</b>${5}`);
var obj = { t: function (s, x) { return this.p + s[0] + x; }, p: ">" };
console.log(obj.t`v=${7}`);
console.log(Array.isArray(raw`x`), (function (s) { return s.length; })`a${1}b`);
