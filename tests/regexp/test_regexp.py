"""The RegExp engine (csrc/regexp/) and object (builtins/regexp.c), compared with node."""
import pytest

CASES = {
    "exec_result_shape": r"""
        var m = /a(b)?(c)/.exec('xxacx');
        console.log(m, m.length, m.index, m.input, m.groups, Object.keys(m).join());
        console.log(/(?<y>\d{4})-(?<m>\d\d)?/.exec('on 2020-x'));
        var g = /(?<first>a)|(?<second>b)/.exec('b').groups;
        console.log(Object.getPrototypeOf(g), Object.keys(g).join(), g.first, g.second);
        console.log(/x/.exec('abc'), /(?:)/.exec('')[0] === '', /$/.exec('ab').index);
    """,
    "last_index": r"""
        var r = /o/g, s = 'foo boo';
        var seen = []; var m; while ((m = r.exec(s))) seen.push(m.index + ':' + r.lastIndex); console.log(seen.join(), r.lastIndex);
        var y = /o/y; console.log(y.test('foo'), y.lastIndex, (y.lastIndex = 1, y.test('foo')), y.lastIndex, y.test('foo'), y.test('foo'), y.lastIndex);
        var n = /o/; n.lastIndex = 5; console.log(n.test('o'), n.lastIndex);
        var big = /a/g; big.lastIndex = 99; console.log(big.exec('aaa'), big.lastIndex);
        var v = /a/g; v.lastIndex = {valueOf() { return 2 }}; console.log(v.exec('aaaa').index);
        var e = /(?:)/g; console.log('abc'.length, e.exec('abc').index, e.lastIndex, e.exec('abc').index, e.lastIndex);
        var fr = Object.freeze(/a/g); try { fr.exec('b') } catch (x) { console.log(x.name) }
    """,
    "quantifiers": r"""
        var t = (r, s) => { var m = r.exec(s); return m ? JSON.stringify(Array.from(m)) : 'null' };
        console.log(t(/a{2,3}/, 'aaaa'), t(/a{2,3}?/, 'aaaa'), t(/a{2,}/, 'aaaaa'), t(/a{2}/, 'a'), t(/x{0}y/, 'xy'));
        console.log(t(/(a*)*b/, 'aab'), t(/(a*)+b/, 'b'), t(/(a|b)*?c/, 'abc'), t(/(?:a|())*b/, 'aab'));
        console.log(t(/(z)((a+)?(b+)?(c))*/, 'zaacbbbcac'), t(/(a*)?/, 'b'), t(/(a?)??b/, 'ab'));
        console.log(t(/^(?:a+|b)*$/, 'aabab'), t(/.*?x/, 'abxcx'), t(/[a-c]+?c/, 'abcc'), t(/\d+?$/, '123'));
        console.log(t(/(?:(a)|b)+/, 'ab'), t(/(?:(a)|(b))+/, 'ab'), t(/((a)|b)+/, 'ab'), t(/(a){2}/, 'aa'));
        console.log(t(/a{,2}/, 'a{,2}'), t(/x{1/, 'x{1'), t(/{/, '{'), t(/a{99999999999}/, 'a'));
    """,
    "alternation_and_groups": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/(a|ab)(c|bcd)(d*)/, 'abcd'), t(/a|ab/, 'abc'), t(/((a)|(ab))((c)|(bc))/, 'abc'));
        console.log(t(/(?:ab|cd)+|ef/i, 'AEKFCDab'), t(/(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)\11/, 'abcdefghijkk'));
        console.log(t(/(?:)/, 'x'), t(/()|/, ''), t(/|a/, 'a'), t(/a||b/, 'b'));
    """,
    "backreferences": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/(a)\1/, 'aa'), t(/\1(a)/, 'aa'), t(/(a)|\1b/, 'b'), t(/(?<x>.)\k<x>/, 'xyy'));
        console.log(t(/(a)\1/i, 'aA'), t(/(?=(a+))a*b\1/, 'baaabac'), t(/(.*?)a(?!(a+)b\2c)\2(.*)/, 'baaabaac'));
        console.log(t(/\k<a>(?<a>x)/, 'x'), t(/(?<a>b)\k<a>/u, 'bb'), t(/\k/, 'k'), t(/\1/, '\x01'), t(/[\1]/, '\x01'));
        console.log(t(/(?<=(\d)\1)x/, '11x'), t(/(?<=\1(\d))x/, '22x'), t(/\8\9/, '89'), t(/\08/, '\x008'));
    """,
    "lookaround": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/(?=(\w+))\1:/, 'abc:'), t(/(?!a)\w/, 'ab'), t(/a(?=b)/, 'acab'), t(/(?!(a))\1b/, 'b'));
        console.log(t(/(?<=\$)\d+(\.\d*)?/, 'cost $10.53'), t(/(?<!\$)\d+/, '$10 20'), t(/(?<=(a+))b/, 'aaab'));
        console.log(t(/(?<=([ab]+)([bc]+))$/, 'abbc'), t(/(?<=\b)[d-f]{3}/, 'abc def'), t(/(?<=^|,)\w/g, 'ab,cd'));
        console.log(t(/(?<=a(?=b)b)c/, 'abc'), t(/(?<!a|b)c/, 'bc dc'), t(/(?=a)*/, 'a'), t(/(?=a){2}b/, 'ab'));
        console.log(t(/(?<a>x)(?<=\k<a>)/, 'x'), t(/(?<=(?<a>\w){3})f/, 'abcdef'), t(/^(?:(?=(a))a)*$/, 'aa'));
    """,
    "classes_and_escapes": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/[]/, 'a'), t(/[^]/, '\n'), t(/[\d-z]+/, '1-z'), t(/[a-]/, '-'), t(/[-a]/, '-'), t(/[\b]/, '\b'));
        console.log(t(/\cJ/, '\n'), t(/[\c_]/, '\x1f'), t(/\c/, '\\c'), t(/[\c]/, 'c'), t(/\c1/, '\\c1'), t(/\x41\u0042\101/, 'ABA'));
        console.log(t(/\s+/, 'a \t\u00a0\ufeff\u2028b'), t(/\S+/, '  xy '), t(/\W+/, 'ab*&c'), t(/\D+/, '12ab3'));
        console.log(t(/]/, ']'), t(/}/, '}'), t(/\xZ\uZ/, 'xZuZ'), t(/\a\-\%/, 'a-%'), t(/[\w-.]+/, 'a-b.c'));
        console.log(t(/\0/, '\0'), t(/[\0]/, '\0'), t(/\377/, '\xff'), t(/\400/, '\x200'), t(/[\400]/, ' '));
        console.log(t(/\u{61}/, 'a'), t(/\u{3}/, 'uuu'), t(/\u{61}/u, 'a'), t(/[\u{1F600}-\u{1F64F}]/u, '\u{1F60A}'));
        console.log(t(/a./, 'a\n'), t(/a./s, 'a\n'), t(/a.b/, 'a\u2028b'), t(/a.b/, 'a\u0085b'));
    """,
    "assertions": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/^b/m, 'a\nb'), t(/^b/, 'a\nb'), t(/a$/m, 'a\nb'), t(/a$/, 'a\nb'), t(/^$/m, 'a\n\nb'));
        console.log(t(/\bfoo\b/, 'a foo b'), t(/\Boo\B/, 'foo'), t(/\B/, ''), t(/\b/, ''), t(/^\b/, 'a'));
        console.log(t(/^^^a$$$/, 'a'), t(/a\r?$/m, 'a\r\nb'), t(/(?:^a|b)+/, 'aab'));
    """,
    "ignore_case": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/abc/i, 'xABCx'), t(/[a-z]+/i, 'HeLLo'), t(/[^a-z]+/i, 'abC12'), t(/\u017f/i, 's'), t(/\u017f/iu, 's'));
        console.log(t(/\u212a/i, 'k'), t(/\u212a/iu, 'k'), t(/[\u212a]/iu, 'K'), t(/\w/iu, '\u017f'), t(/\W/iu, '\u017f'), t(/\W/i, '\u017f'));
        console.log(t(/\u00e5/i, '\u00c5'), t(/\u03c3/i, '\u03a3'), t(/\u03c2/i, '\u03a3'), t(/\u1e9e/i, '\u00df'), t(/\u1e9e/iu, '\u00df'));
        console.log(t(/[\u00e0-\u00ff]+/i, '\u00c0\u00c9'), t(/\u{10400}/iu, '\u{10428}'), t(/\bK/iu, '\u212a'), t(/[^k]/iu, '\u212a'));
        console.log(t(/(a)\1/i, 'Aa'), t(/i/i, '\u0130'), t(/\u0131/i, 'I'), t(/[\u0390]/i, '\u1fd3'));
    """,
    "unicode_mode": r"""
        var t = (r, s) => JSON.stringify(r.exec(s));
        console.log(t(/^.$/u, '\u{1F600}'), t(/^.$/, '\u{1F600}'), t(/^..$/, '\u{1F600}'), t(/\ud83d/u, '\u{1F600}'), t(/\ud83d/, '\u{1F600}'));
        console.log(t(/[\ud83d\ude00]/u, '\u{1F600}'), t(/\ud83d\ude00/u, '\u{1F600}'), t(/[^a]/u, '\u{1F600}'), t(/\udf06/u, '\ud834\udf06'));
        console.log(t(/(?<=\u{1F600})x/u, '\u{1F600}x'), t(/(?<=.)x/u, '\u{1F600}x'), t(/.(?<=\u{1F600})/u, 'a\u{1F600}'));
        var r = /\udf06/ug; r.lastIndex = 1; console.log(t(r, '\ud834\udf06'), r.lastIndex);
        var e = /(?:)/gu; console.log(e.exec('\u{1F600}').index, e.lastIndex, '\u{1F600}'.replace ? 1 : 0);
        console.log(t(/\p{Lu}+/u, 'abcDEF'), t(/\P{L}+/u, 'ab12'), t(/\p{Lowercase_Letter}/u, 'Ab'));
        console.log(t(/\p{General_Category=Decimal_Number}+/u, 'x\u0661\u0662'), t(/[\p{Nd}a]+/u, 'a1\u0967'), t(/\p{ASCII_Hex_Digit}+/u, 'xBEEFy'));
        console.log(t(/\p{Any}/u, '\u{10FFFF}'), t(/\p{Assigned}/u, '\u0378'), t(/[^\p{L}]/u, 'a1'), t(/\p{Lu}/iu, 'a'));
    """,
    "syntax_errors": r"""
        var bad = [['('], [')'], ['*'], ['a**'], ['['], ['\\'], ['a{2,1}'], ['(?<a>x)(?<a>y)'], ['\\k<b>(?<a>x)'],
                   ['(?x)'], ['[b-a]'], ['{', 'u'], ['a{1', 'u'], ['\\c', 'u'], ['[\\d-z]', 'u'], ['\\p{Foo}', 'u'],
                   ['[\\p{Foo}]', 'u'], ['\\u{110000}', 'u'], ['\\q', 'u'], ['(?<=a)*'], ['(?<=a)*', 'u'], ['(?=a)*', 'u'],
                   ['\\1', 'u'], ['(?<a', ''], ['(?<1a>x)'], ['a', 'gg'], ['a', 'x'], ['\\k<a>', 'u'], [']', 'u'], ['}', 'u'],
                   ['(?<a>.)\\k', ''], ['(?<a>.)\\k<b>'], ['\\00', 'u'], ['[\\00]', 'u'], ['\\-', 'u'], ['\\p{L', 'u'],
                   ['a{2,1}?'], ['x{2}{3}'], ['^*'], ['$+'], ['\\b*'], ['(?:a'], ['a)'], ['a|*']];
        for (var [p, f] of bad) { try { new RegExp(p, f); console.log('ok', p, f) } catch (e) { console.log(e.name + ': ' + e.message) } }
        var good = ['(?=a)*', '\\c', 'a{', 'a{1', '{1,', ']', '}', '\\1', '[\\d-z]', '\\p{Foo}', '\\k', '(?<$\\u0041_>x)\\k<$A_>', '(?<\\u{61}>a)'];
        for (var p of good) { try { console.log(String(new RegExp(p))) } catch (e) { console.log('error', p, e.message) } }
    """,
    "constructor": r"""
        var r = /ab/gi, same = RegExp(r), copy = new RegExp(r), other = new RegExp(r, 'y');
        console.log(same === r, copy === r, String(copy), String(other), RegExp('a', undefined).flags, String(RegExp()));
        var fake = {constructor: RegExp, [Symbol.match]: true, source: 'x+', flags: 'g'};
        console.log(RegExp(fake) === fake, String(new RegExp(fake)), String(RegExp(fake, 'i')));
        class R extends RegExp { constructor(p) { super(p, 'g'); this.k = 1 } }
        var sub = new R('a.'); console.log(sub instanceof R, sub.k, sub.global, sub.exec('xab')[0], RegExp[Symbol.species] === RegExp);
        var noMatch = /a/; noMatch[Symbol.match] = false; console.log(String(RegExp(noMatch)), RegExp(noMatch) === noMatch);
        console.log(RegExp.length, RegExp.name, Object.getOwnPropertyNames(new RegExp('a')).join(), Object.getOwnPropertyDescriptor(/a/, 'lastIndex'));
        console.log(String(new RegExp('a', {toString() { return 'm' }})), String(new RegExp(null)), String(new RegExp(1, '')));
    """,
    "source_flags_tostring": r"""
        console.log(new RegExp('/').source, new RegExp('\\/').source, new RegExp('[/]').source, new RegExp('\n').source, RegExp('').source);
        console.log(String(new RegExp('a/b\n[/]')), /a/.toString.call({source: 'S', flags: 'F'}), /x/gimsuy.flags, /x/yusmig.flags);
        var p = RegExp.prototype; console.log(p.global, p.sticky, p.source, p.flags, String(p), Object.prototype.toString.call(p));
        try { Object.getOwnPropertyDescriptor(p, 'global').get.call({}) } catch (e) { console.log(e.name) }
        try { Object.getOwnPropertyDescriptor(p, 'source').get.call(1) } catch (e) { console.log(e.name) }
        var order = []; var o = {}; ['global', 'ignoreCase', 'multiline', 'dotAll', 'unicode', 'sticky'].forEach(k => Object.defineProperty(o, k, {get() { order.push(k); return k.length > 6 }}));
        console.log(Object.getOwnPropertyDescriptor(p, 'flags').get.call(o), order.join());
        // hasIndices and unicodeSets are later than ES2020.
        console.log(Object.getOwnPropertyNames(p).filter(k => k != 'hasIndices' && k != 'unicodeSets').sort().join());
    """,
    "compile_annex_b": r"""
        var r = /a/g; r.lastIndex = 3; var back = r.compile('b+', 'i');
        console.log(back === r, String(r), r.lastIndex, r.test('xBB'), String(r.compile(/c/m)), String(r.compile()));
        try { r.compile(/c/, 'g') } catch (e) { console.log(e.name) }
        try { r.compile('(') } catch (e) { console.log(e.name, String(r)) }
        try { RegExp.prototype.compile.call({}, 'a') } catch (e) { console.log(e.name) }
    """,
    "test_and_exec_protocol": r"""
        var r = /a/; r.exec = function (s) { return {length: 0, s} }; console.log(r.test('zzz'));
        r.exec = function () { return 5 }; try { r.test('a') } catch (e) { console.log(e.name) }
        r.exec = null; console.log(r.test('a'));
        var o = {exec() { return null }}; console.log(RegExp.prototype.test.call(o, 'x'));
        try { RegExp.prototype.exec.call({}, 'a') } catch (e) { console.log(e.name) }
        console.log(/u/.test(undefined), /null/.test(null), /1/.test({toString() { return '1' }}));
    """,
    "long_inputs": r"""
        var s = 'ab'.repeat(50000) + 'c';
        console.log(/(?:ab)*c/.exec(s)[0].length, /(a|b)*c/.exec(s)[0].length, /[ab]*c/.exec(s).index, /b*c/.exec(s).index);
        console.log(/(x+x+)+y/.test('x'.repeat(18)), /^(\w+\s?)*$/.test('a '.repeat(12) + '!'));
        var w = '\u0100'.repeat(1000) + 'z'; console.log(/\u0100+z/.exec(w)[0].length, /z/.exec(w).index, /Z/i.exec(w).index);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_regexp(name, same_as_node):
    same_as_node(CASES[name])


def test_catastrophic_pattern_is_bounded(jsthreads):
    """A pattern whose backtrack stack would grow without bound throws a RangeError, not a crash."""
    run = jsthreads("try { /(?:a|b)*c/.exec('ab'.repeat(5000000)) } catch (e) { console.log(e.name) }")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() in ("RangeError", "null")


def test_two_threads_share_one_regexp(jsthreads):
    """One program, many matchers: concurrent exec on the same RegExp gives each thread its own
    captures (the program is immutable; lastIndex is an ordinary racy property)."""
    code = r"""
        var r = /(\d+)-(\w+)/;
        var work = (k) => { var bad = 0; for (var i = 0; i < 3000; i++) {
            var m = r.exec('id ' + (i * k) + '-x' + k); if (!m || m[1] !== String(i * k) || m[2] !== 'x' + k) bad++ } return bad };
        var ts = [1, 2, 3].map(k => new Thread(work, k));
        console.log(work(7), ts.map(t => t.join()).join());
    """
    for mode in ("--threads", "--gil"):
        run = jsthreads(code, mode)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "0 0,0,0"


def test_time_limit_interrupts_a_catastrophic_match():
    """The matcher polls the safepoint and the interrupt request, so an exponential pattern is
    stopped by the embedding API's time limit instead of running for hours."""
    import time
    import jsthreads
    rt = jsthreads.Runtime(time_limit=0.5)
    try:
        started = time.monotonic()
        with pytest.raises(jsthreads.JSTimeoutError):
            rt.eval("/^(a+)+$/.test('a'.repeat(40) + '!')")
        assert time.monotonic() - started < 10
        assert rt.eval("/^(a+)+$/.test('aaaa')") is True
    finally:
        close = getattr(rt, "close", None)
        if close:
            close()


def test_compile_racing_exec_never_mixes_regexps(jsthreads):
    """RegExp.prototype.compile swaps source, flags and program in one release store, so a thread
    running exec at the same time sees one whole regexp or the other, never a torn mix."""
    code = r"""
        var r = /(a+)/;
        var flipper = new Thread(() => { for (var i = 0; i < 3000; i++) r.compile(i % 2 ? '(b+)' : '(a+)') });
        var bad = 0;
        for (var i = 0; i < 3000; i++) {
            var m = r.exec('xaab'), src = r.source;
            if (m && !(m[1] === 'aa' || m[1] === 'b')) bad++;
            if (src !== '(a+)' && src !== '(b+)') bad++;
        }
        flipper.join();
        console.log(bad);
    """
    for mode in ("--threads", "--gil"):
        run = jsthreads(code, mode)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "0"
