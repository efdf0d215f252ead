// A small tokenizer and parser driven by sticky and global regexps (exec, lastIndex, groups).
var TOKEN = /\s*(?:(?<num>\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(?<id>[A-Za-z_$][\w$]*)|(?<op>\*\*|[-+*/%()=,]))/y;
function tokenize(src) {
    var out = [], m;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) {
        var g = m.groups;
        out.push(g.num !== undefined ? {t: 'num', v: +g.num} : g.id !== undefined ? {t: 'id', v: g.id} : {t: 'op', v: g.op});
    }
    if (/\S/.test(src.slice(TOKEN.lastIndex))) throw new SyntaxError('bad input at ' + TOKEN.lastIndex);
    return out;
}
function evaluate(tokens, env) {
    var i = 0;
    function peek() { return tokens[i] && tokens[i].v; }
    function primary() {
        var t = tokens[i++];
        if (t.t === 'num') return t.v;
        if (t.t === 'id') return env[t.v];
        if (t.v === '(') { var v = sum(); i++; return v; }
        if (t.v === '-') return -primary();
        throw new Error('unexpected ' + t.v);
    }
    function power() { var b = primary(); if (peek() === '**') { i++; return b ** power(); } return b; }
    function product() { var v = power(); while (/^[*/%]$/.test(peek())) { var o = tokens[i++].v; var r = power(); v = o === '*' ? v * r : o === '/' ? v / r : v % r; } return v; }
    function sum() { var v = product(); while (peek() === '+' || peek() === '-') { var o = tokens[i++].v; var r = product(); v = o === '+' ? v + r : v - r; } return v; }
    return sum();
}
var env = {x: 3, y_2: 4.5, $z: -1};
['1 + 2 * 3', '(1 + 2) * 3', '2 ** 3 ** 2', 'x * y_2 - $z', '10 % 4 + 1.5e2', '-(x + 1) / 2'].forEach(function (src) {
    console.log(src, '=>', evaluate(tokenize(src), env));
});
try { tokenize('1 + #'); } catch (e) { console.log(e.name, e.message); }
// Global iteration collects every match with its position.
var words = /\b(\w)(\w*)\b/g, text = 'the quick brown fox', m, caps = [];
while ((m = words.exec(text))) caps.push(m[1].toUpperCase() + m[2] + '@' + m.index);
console.log(caps.join(' '), words.lastIndex);
// A date matcher with named groups and alternation.
var DATE = /^(?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])(?:T(?<h>[01]\d|2[0-3]):(?<min>[0-5]\d))?$/;
['2020-02-29', '2020-13-01', '1999-12-31T23:59', '2000-01-01T24:00'].forEach(function (s) {
    var r = DATE.exec(s);
    console.log(s, r ? JSON.stringify(r.groups) : null);
});
