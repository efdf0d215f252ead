"""RegExp.prototype[@@match/@@matchAll/@@replace/@@search/@@split], the RegExp String Iterator
and the String methods that dispatch to them (builtins/regexp_protocol.c, builtins/string.c).

Most cases are differential against node. Regexp-like objects ("fakes") reach the protocol
methods only through exec/flags/lastIndex, as the spec's RegExpExec does; they define `global`
and `unicode` consistently with `flags`, because node 20 still reads those where ES2024 (and
test262) read `flags`. The flags-only reading is checked against fixed output instead."""
import pytest

# A regexp-like over a literal needle: honours g/y through lastIndex, captures one group when the
# needle has a '|' (left part is the match, right part a "capture" taken from after it).
FAKE = r"""
function Fake(source, flags) {
  if (source instanceof Fake) source = source.source;
  this.source = source; this.flags = flags === undefined ? '' : String(flags); this.lastIndex = 0;
}
Object.defineProperty(Fake.prototype, 'global', {get() { return this.flags.indexOf('g') >= 0 }});
Object.defineProperty(Fake.prototype, 'unicode', {get() { return this.flags.indexOf('u') >= 0 }});
Object.defineProperty(Fake.prototype, 'sticky', {get() { return this.flags.indexOf('y') >= 0 }});
Fake.prototype.exec = function (s) {
  var sticky = this.flags.indexOf('y') >= 0, glob = sticky || this.flags.indexOf('g') >= 0;
  var start = glob ? this.lastIndex : 0;
  var i = start > s.length ? -1 : sticky ? (s.startsWith(this.source, start) ? start : -1) : s.indexOf(this.source, start);
  if (i < 0) { if (glob) this.lastIndex = 0; return null; }
  if (glob) this.lastIndex = i + this.source.length;
  var r = [this.source, s.charAt(i + this.source.length) || undefined]; r.index = i; r.input = s;
  return r;
};
Fake[Symbol.species] = Fake;
['match', 'matchAll', 'replace', 'search', 'split'].forEach(function (k) {
  Fake.prototype[Symbol[k]] = RegExp.prototype[Symbol[k]];
});
"""

CASES = {
    "match_fake": r"""
        console.log(JSON.stringify('xxabyyab'.match(new Fake('ab'))), 'xxabyyab'.match(new Fake('ab', 'g')));
        console.log('xxabyyab'.match(new Fake('zz', 'g')), JSON.stringify('aaa'.match(new Fake('', 'g'))));
    """,
    "search_fake": r"""
        var f = new Fake('ab', 'g'); f.lastIndex = 5;
        console.log('xxabyyab'.search(f), f.lastIndex, 'xyz'.search(new Fake('q')), ''.search(new Fake('')));
    """,
    "replace_fake": r"""
        console.log('xxabyyab'.replace(new Fake('ab', 'g'), "[$&|$`|$'|$$|$1|$2|$01|$10|$<x>|$]"));
        console.log('xxabyyab'.replace(new Fake('ab'), function () { return JSON.stringify([].slice.call(arguments)) }));
        console.log('abc'.replace(new Fake('', 'g'), '-'), 'abc'.replaceAll(new Fake('b', 'g'), '$&$&'));
        try { 'abc'.replaceAll(new Fake('b'), 'x') } catch (e) { console.log(e.name, e.message) }
    """,
    "split_fake": r"""
        console.log('xxabyyabzz'.split(new Fake('ab')), 'xxabyyabzz'.split(new Fake('ab'), 2), 'abc'.split(new Fake('')));
        console.log(''.split(new Fake('')), ''.split(new Fake('x')), 'ab'.split(new Fake('ab')), 'xab'.split(new Fake('ab'), 0));
    """,
    "matchall_fake": r"""
        var it = 'xxabyyab'.matchAll(new Fake('ab', 'g'));
        console.log(Object.prototype.toString.call(it), typeof it[Symbol.iterator], it[Symbol.iterator]() === it);
        for (var m of it) console.log(m.index, m[0], m[1]);
        console.log(JSON.stringify(it.next()));
        try { 'a'.matchAll(new Fake('a')) } catch (e) { console.log(e.name, e.message) }
        var next = Object.getPrototypeOf(it).next;
        try { next.call({}) } catch (e) { console.log(e.name, e.message) }
        try { next.call([][Symbol.iterator]()) } catch (e) { console.log(e.name) }
    """,
    "errors": r"""
        for (var k of ['match', 'matchAll', 'search', 'split']) {
          try { RegExp.prototype[Symbol[k]].call(1, 'a') } catch (e) { console.log(e.name, e.message) }
        }
        try { RegExp.prototype[Symbol.replace].call('str', 'a') } catch (e) { console.log(e.name) }
        try { RegExp.prototype[Symbol.match].call({exec() { return 1 }, flags: ''}, 'a') } catch (e) { console.log(e.name) }
        try { RegExp.prototype[Symbol.match].call({exec: 1, flags: ''}, 'a') } catch (e) { console.log(e.name, e.message) }
        var desc = Object.getOwnPropertyDescriptor(RegExp.prototype, Symbol.replace);
        console.log(desc.writable, desc.enumerable, desc.configurable, desc.value.name, desc.value.length);
        console.log(RegExp.prototype[Symbol.split].length, RegExp.prototype[Symbol.matchAll].name);
    """,
    "string_fallbacks": r"""
        console.log('a.b*c'.split('.'), 'a.b*c'.replace('*', '$&$&'), 'x1y22z'.search('2'), 'aXbX'.match('X').index);
        console.log([...'a1b2c3'.matchAll('\\d')].map(m => m[0] + m.index).join(), 'abc'.match(null), 'null'.search(null));
        console.log('a\uD83D\uDE00b'.split(''), 'aaa'.replaceAll('a', (m, i) => i), 'ab'.replace('b', '$\''));
        // No @@match: RegExpCreate takes ToString(re) = "/a/g" as the pattern (not re's source).
        var re = /a/g; re[Symbol.match] = undefined; re[Symbol.search] = undefined;
        console.log(JSON.stringify('xa/a/gx'.match(re)), 'xa/a/gx'.search(re));
    """,
    "real_regexps": r"""
        console.log('2020-01-02'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'), 'aBc'.replace(/b/i, x => x + x));
        console.log('John Smith'.replace(/(?<first>\w+)\s(?<last>\w+)/, '$<last>, $<first>'));
        console.log('one two  three'.split(/\s+/), 'a1b2c3'.split(/(\d)/), 'a1b2c3'.split(/(\d)/, 3), 'abc'.split(/(?:)/u));
        console.log('a1b22c333'.match(/\d+/g), 'abc'.match(/(z)?b/), 'abc'.search(/c/), 'abc'.search(/z/));
        console.log([...'a1b22c333'.matchAll(/(\d)(\d*)/g)].map(m => m.index + ':' + m[1] + m[2]).join());
        console.log('\u{1F600}\u{1F600}'.replace(/(?:)/gu, '-'), '\u{1F600}'.replace(/(?:)/g, '-').length);
        console.log('aaa'.replace(/a*?/g, '<$&>'), 'xAy'.replaceAll(/a/gi, '$`'), 'abc'.replace(/b/y, 'X'));
        var re = /a/g; re.lastIndex = 2; console.log('aaa'.replace(re, 'b'), re.lastIndex, 'aaa'.search(re), re.lastIndex);
        var sticky = /b/y; console.log('abb'.split(sticky), sticky.lastIndex, 'a,b'.split(/,/, -1));
        class R extends RegExp { exec(s) { this.calls = (this.calls || 0) + 1; return super.exec(s) } }
        var r = new R('o', 'g'); console.log('foo boo'.replace(r, '0'), r.calls);
    """,
    "substitution_edges": r"""
        console.log('abc'.replace(/(b)/, '$0|$00|$1|$01|$10|$2|$$|$'), 'abc'.replace(/(?<n>b)/, '[$<n>][$<m>][$<n]'));
        console.log('abc'.replace(/b/, '$<n>'), 'abcdefghijkl'.replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$10-$1$2'));
        console.log('abc'.replace(/b/, (m, off, s, g) => typeof g + off + s), 'abc'.replace(/(?<x>b)/, (...a) => JSON.stringify(a)));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_regexp_protocol_like_node(name, same_as_node):
    same_as_node(FAKE + CASES[name])


def test_protocol_reads_flags_not_global(run_js):
    """ES2024 @@match/@@replace read "flags" once (test262 checks it); node 20 reads "global"."""
    source = r"""
        var log = [];
        var fake = {lastIndex: 0, exec(s) { log.push('exec'); if (this.lastIndex > 0) return null; this.lastIndex = 1; return ['x']; }};
        Object.defineProperty(fake, 'flags', {get() { log.push('flags'); return 'g'; }});
        Object.defineProperty(fake, 'global', {get() { throw new Error('global read'); }});
        Object.defineProperty(fake, 'unicode', {get() { throw new Error('unicode read'); }});
        console.log(JSON.stringify(RegExp.prototype[Symbol.match].call(fake, 'x')), log.join());
        log = []; fake.lastIndex = 0;
        console.log(RegExp.prototype[Symbol.replace].call(fake, 'x', 'y'), log.join());
    """
    code, out, err = run_js(source)
    assert out == '["x"] flags,exec,exec\ny flags,exec,exec\n', err


def test_split_constructs_sticky_splitter(run_js):
    """@@split builds the splitter with SpeciesConstructor and "y" appended to the flags."""
    source = r"""
        var seen = [];
        function C(source, flags) { seen.push(flags); this.flags = flags; this.lastIndex = 0; }
        C.prototype.exec = function (s) { return s[this.lastIndex] === ',' ? (this.lastIndex++, [',']) : null; };
        var rx = {constructor: {[Symbol.species]: C}, flags: 'gi'};
        console.log(JSON.stringify(RegExp.prototype[Symbol.split].call(rx, 'a,b,c')), seen.join());
        rx.flags = 'y';
        console.log(JSON.stringify(RegExp.prototype[Symbol.split].call(rx, 'a,b', 1)), seen.join());
    """
    code, out, err = run_js(source)
    assert out == '["a","b","c"] giy\n["a"] giy,y\n', err


def test_huge_replace_and_split_are_linear(run_js):
    """Replacing or splitting 10^6 matches builds the result once (no quadratic concatenation)."""
    source = r"""
        var s = 'ab'.repeat(500000), t0 = Date.now();
        var r1 = s.replace(/b/g, 'cd'), r2 = s.replaceAll('a', '$&$&'), parts = s.split(/a/), parts2 = s.split('b');
        console.log(r1.length, r2.length, parts.length, parts2.length, Date.now() - t0 < 20000);
    """
    code, out, err = run_js(source)
    assert out == "1500000 1500000 500001 500001 true\n", err


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_shared_regexp_racing_threads_never_crash(run_js, mode):
    """Four threads drive one global regexp (shared lastIndex) through replace/split/matchAll at
    once: results may interleave, but every call returns or throws a JS error, and nothing crashes."""
    source = r"""
        const re = /b(\d)/g, s = 'ab1ab2ab3'.repeat(200);
        const threads = [];
        for (let t = 0; t < 4; t++) threads.push(new Thread(() => {
            let ok = 0;
            for (let i = 0; i < 60; i++) {
                try {
                    s.replace(re, '$1'); s.split(re); s.match(re); s.search(re);
                    for (const m of s.matchAll(re)) { if (m.index > 1e9) break; }
                    ok++;
                } catch (e) { if (!(e instanceof Error)) throw e; ok++; }
            }
            return ok;
        }));
        console.log(threads.map(t => t.join()).join());
        const fresh = /b(\d)/g;
        console.log('ab1ab2'.replace(fresh, '<$1>'), fresh.lastIndex);
    """
    code, out, err = run_js(source, "main.js", mode)
    assert code == 0, err
    assert out == "60,60,60,60\na<1>a<2> 0\n"
