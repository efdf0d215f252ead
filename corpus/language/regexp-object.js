// The RegExp object: constructor forms, flags, source escaping, lastIndex, exec's result, errors.
var r = new RegExp('a/b', 'gi');
console.log(String(r), r.source, r.flags, r.global, r.ignoreCase, r.multiline, r.sticky, r.unicode, r.dotAll);
console.log(RegExp(r) === r, new RegExp(r) === r, String(new RegExp(r, 'm')), String(RegExp('')), String(new RegExp('\n')));
console.log(Object.getOwnPropertyDescriptor(r, 'lastIndex'), Object.keys(r).length);
var m = /(?<word>\w+) (\d+)?/.exec('call 911 now');
console.log(m.length, m.index, m.input, m[0], m[1], m[2], m.groups.word, Object.keys(m).join());
var g = /\d/g, seen = [];
while (g.test('a1b22c')) seen.push(g.lastIndex);
console.log(seen.join(), g.lastIndex);
var y = /b/y;
console.log(y.test('ab'), y.lastIndex, (y.lastIndex = 1, y.exec('ab')[0]), y.lastIndex);
console.log(RegExp.prototype.flags, RegExp.prototype.source, RegExp.prototype.global, String(RegExp.prototype));
console.log(RegExp[Symbol.species] === RegExp, RegExp.length, typeof RegExp.prototype.compile);
var c = /x/g; c.compile('y+', 'i'); console.log(String(c), c.test('YY'));
class Words extends RegExp { words(s) { var out = [], m; this.lastIndex = 0; while ((m = this.exec(s))) out.push(m[0]); return out; } }
console.log(new Words('[a-z]+', 'g').words('one, two; three').join('|'));
['(', 'a)', '[z-a]', '*', 'a{3,1}', '(?<n>a)(?<n>b)', '\\k<x>(?<y>.)'].forEach(function (p) {
    try { new RegExp(p); console.log('accepted', p); } catch (e) { console.log(e.name + ': ' + e.message); }
});
try { new RegExp('a', 'gig'); } catch (e) { console.log(e.name + ': ' + e.message); }
try { new RegExp('\\u{11FFFF}', 'u'); } catch (e) { console.log(e.name + ': ' + e.message); }
