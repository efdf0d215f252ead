"""String constructor, statics and String.prototype (string patterns), compared with node."""
import pytest

CASES = {
    "constructor": r"""
        console.log(String(), String(12), String(Symbol('q')), String(null), typeof new String('a'), new String('ab').length);
        try { '' + Symbol('x') } catch (e) { console.log(e.name) }
        try { new String(Symbol('x')) } catch (e) { console.log(e.name) }
        console.log(String.fromCharCode(72, 105, 0x10041), String.fromCodePoint(0x1F600).length, String.fromCodePoint(97, 98));
        try { String.fromCodePoint(-1) } catch (e) { console.log(e.name, e.message) }
        try { String.fromCodePoint(1.5) } catch (e) { console.log(e.name) }
        console.log(String.raw`a\n${1}b${2}`, String.raw({raw: ['x', 'y', 'z']}, 1), String.raw({raw: 'abc'}, '-', '+'));
        console.log(Object.prototype.toString.call(String.prototype), String.prototype.length, String.prototype.valueOf() === '');
    """,
    "access": r"""
        var s = 'a\u{1F600}b';
        console.log(s.at(-1), s.at(9), s.charAt(0), s.charAt(9) === '', s.charCodeAt(1), s.charCodeAt(9), s.codePointAt(1), s.codePointAt(2), s.codePointAt(9));
        console.log([...s].length, Array.from('ab\uD800').length, 'abc'.concat(1, [2, 3], null));
        var it = 'xy'[Symbol.iterator](); console.log(Object.prototype.toString.call(it), JSON.stringify(it.next()), it.next().value, it.next().done);
    """,
    "search": r"""
        var s = 'hello world hello';
        console.log(s.indexOf('hello'), s.indexOf('hello', 1), s.indexOf(''), s.indexOf('', 99), s.lastIndexOf('hello'), s.lastIndexOf('hello', 5), s.lastIndexOf('', 3));
        console.log(s.includes('world'), s.includes('world', 7), s.startsWith('world', 6), s.endsWith('hello'), s.endsWith('world', 11));
        try { s.startsWith({[Symbol.match]: 1}) } catch (e) { console.log(e.name, e.message) }
        var re = {[Symbol.match]: false, toString() { return 'hello' }}; console.log(s.startsWith(re));
        console.log('aaa'.lastIndexOf('a', NaN), 'abc'.indexOf('c', -5), 'abc'.lastIndexOf('a', -Infinity));
    """,
    "slicing": r"""
        var s = 'abcdef';
        console.log(s.slice(1, -1), s.slice(-2), s.slice(4, 1) === '', s.substring(4, 1), s.substring(-3, 2), s.substr(-4, 2), s.substr(2), s.substr(1, -1) === '');
    """,
    "case": r"""
        console.log('Hello World'.toUpperCase(), 'ÀÉÎ straße'.toUpperCase(), 'ß'.toUpperCase().length, 'İ'.toLowerCase().length);
        console.log('ΑΒΓ ΟΔΟΣ'.toLowerCase(), 'ΣΑΣ.'.toLowerCase(), 'Σ'.toLowerCase(), 'ǅ'.toUpperCase(), 'ǅ'.toLowerCase(), 'ÿµ'.toUpperCase());
        console.log('ﬁ'.toUpperCase(), 'ŉ'.toUpperCase(), 'ΐ'.toUpperCase().length, 'ДОМ'.toLowerCase(), '\u{10428}'.toUpperCase().codePointAt(0).toString(16));
        console.log('abc'.toLocaleUpperCase(), 'ABC'.toLocaleLowerCase('tr'), String.prototype.toUpperCase.call(true));
        console.log('A\u180E\u03A3\u180E'.toLowerCase() === 'a\u180E\u03C2\u180E', 'A\u03A3\uD835\uDCA2'.toLowerCase() === 'a\u03C3\uD835\uDCA2', 'A\u03A3\u0345'.toLowerCase() === 'a\u03C2\u0345');
    """,
    "normalize": r"""
        var composed = '\u00e9', decomposed = 'e\u0301';
        console.log(decomposed.normalize() === composed, composed.normalize('NFD') === decomposed, '\ufb01'.normalize('NFKC'), '\u2460'.normalize('NFKD'));
        console.log('\u1e9b\u0323'.normalize('NFD').length, '\u1e9b\u0323'.normalize('NFKC').length, '\u1e9b\u0323'.normalize('NFC').codePointAt(1).toString(16));
        var h = '\uAC00\uAC01'; console.log(h.normalize('NFD').length, h.normalize('NFD').normalize('NFC') === h, 'a\u0328\u0301'.normalize().length);
        try { 'a'.normalize('nfc') } catch (e) { console.log(e.name, e.message) }
        console.log('Å'.normalize('NFD').length, '\u212B'.normalize('NFC') === '\u00C5', 'x\u00b2'.normalize('NFKC'));
    """,
    "pad_repeat_trim": r"""
        console.log('5'.padStart(3, '0'), 'ab'.padEnd(7, 'xyz'), 'abc'.padStart(2), 'a'.padEnd(3, '') + '|', 'a'.padStart(4) + '|');
        console.log('ab'.repeat(3), 'x'.repeat(0) === '', ''.repeat(1e9) === '');
        try { 'a'.repeat(-1) } catch (e) { console.log(e.name, e.message) }
        try { 'a'.repeat(Infinity) } catch (e) { console.log(e.name, e.message) }
        try { 'ab'.repeat(2 ** 30) } catch (e) { console.log(e.name, e.message) }
        console.log('[' + ' \t\n\u00a0\ufeffx \u2028'.trim() + ']', '[' + '  x  '.trimStart() + ']', '[' + '  x  '.trimEnd() + ']');
        console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight.name);
    """,
    "replace": r"""
        console.log('aXbXc'.replace('X', '-'), 'aXbXc'.replaceAll('X', '-'), 'abc'.replace('', '_'), 'abc'.replaceAll('', '_'));
        console.log('price'.replace('price', '$$ $& [$`] [$\'] $1 $<n>'), 'abcabc'.replaceAll('b', (m, i, s) => i + s.length));
        console.log('x'.replace('y', 'z'), 'aaa'.replaceAll('aa', 'b'), 'abc'.replace('b', () => ({toString() { return 'T' }})));
        var fake = {[Symbol.replace](s, r) { return 'custom:' + s + ':' + r }}; console.log('str'.replace(fake, 'R'), 'str'.replaceAll(fake, 'R'));
        var g = {[Symbol.match]: true, flags: 'i', [Symbol.replace]() { return 'never' }};
        try { 'a'.replaceAll(g, 'b') } catch (e) { console.log(e.name, e.message) }
    """,
    "split": r"""
        console.log(JSON.stringify('a,b,,c'.split(',')), JSON.stringify('abc'.split('')), JSON.stringify(''.split('')), JSON.stringify(''.split(',')));
        console.log(JSON.stringify('a,b,c'.split(',', 2)), JSON.stringify('abc'.split()), JSON.stringify('abc'.split(undefined, 0)), JSON.stringify('a--b'.split('--')));
        var sp = {[Symbol.split](s, lim) { return ['split', s, lim] }}; console.log('q'.split(sp, 3).join());
        console.log(JSON.stringify('a1b'.split(1)), JSON.stringify('ab'.split('', 1)));
    """,
    "match_dispatch": r"""
        var m = {flags: 'g', [Symbol.match](s) { return 'M:' + s }, [Symbol.search](s) { return 42 }, [Symbol.matchAll](s) { return 'A:' + s }};
        console.log('hi'.match(m), 'hi'.search(m), 'hi'.matchAll(m));
        try { 'x'.matchAll({[Symbol.match]: true, flags: 'y'}) } catch (e) { console.log(e.name, e.message) }
    """,
    "misc": r"""
        console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('B'), 'résumé'.localeCompare('resume'));
        console.log(['banana', 'Apple', 'cherry', 'apple', '10', '9', '_x'].sort((a, b) => a.localeCompare(b)).join());
        console.log('e\u0301'.localeCompare('\u00e9'));
        console.log('x'.anchor('a"b'), 'x'.big(), 'x'.fontcolor('red'), 'x'.link('u'), 'x'.sub(), 'x'.bold());
        console.log('ab\uD800'.isWellFormed(), 'ab\uD800'.toWellFormed().charCodeAt(2).toString(16), 'ok'.isWellFormed());
        try { String.prototype.trim.call(null) } catch (e) { console.log(e.name, e.message) }
        try { String.prototype.toString.call({}) } catch (e) { console.log(e.name, e.message) }
        console.log(String.prototype.valueOf.call(new String('w')), 'abc'.at.length, 'abc'.padStart.length, 'x'.concat.length);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_string(name, same_as_node):
    same_as_node(CASES[name])
