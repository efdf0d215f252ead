"""One RegExp object and the URI functions used from several threads at once: lastIndex races
are JS-level (any interleaving of whole exec calls), never a crash, and property-escape matching
and encode/decode of thread-local strings give exact results. Runs free-threaded, under the GIL
and under the race amplifier."""
import pytest

SHARED = r"""
const words = /\p{sc=Grek}+|\p{Script=Latin}+|\p{scx=Hira}+/gu;   // shared, global: lastIndex races
const fixed = /^\p{L}+(\s\p{N}+)?$/u;                                // shared, stateless
const sep = /[^\p{sc=Grek}\p{sc=Latn}]+/u;                          // shared, split clones it
const text = 'alpha \u03b1\u03b2\u03b3 \u3072\u3089\u30fc beta 42 '.repeat(20);
function work(id) {
  let count = 0, bad = 0;
  for (let r = 0; r < 150; r++) {
    const m = words.exec(text);               // racy: lastIndex is shared
    if (m !== null && !/^(?:\p{sc=Grek}+|\p{sc=Latn}+|\p{scx=Hira}+)$/u.test(m[0])) bad++;
    count += text.split(sep).length;           // the splitter is a fresh clone: always 61
    if (!fixed.test('word ' + r) || fixed.test('1 word')) bad++;
    const s = 'k' + id + '=\u{1F600}' + r + '\u00e9 /?#';
    if (decodeURIComponent(encodeURIComponent(s)) !== s || decodeURI(encodeURI(s)) !== s) bad++;
    try { decodeURIComponent('%E0%A4'); bad++; } catch (e) { if (!(e instanceof URIError)) bad++; }
  }
  return [count, bad];
}
const ts = []; for (let k = 0; k < 4; k++) ts.push(new Thread(work, k));
const rs = ts.map(t => t.join());
console.log(JSON.stringify(rs), typeof words.lastIndex);
"""
EXPECTED = '[[9150,0],[9150,0],[9150,0],[9150,0]] number\n'


@pytest.mark.parametrize("flags, env", [((), None), (("--gil",), None), ((), {"JSTHREADS_RACE": "7"})],
                         ids=["threads", "gil", "race"])
def test_shared_regexp_and_uri_across_threads(run_js, flags, env):
    code, out, err = run_js(SHARED, "shared.js", *flags, env=env)
    assert (code, err) == (0, ""), err
    assert out == EXPECTED
