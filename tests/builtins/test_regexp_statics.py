"""The legacy RegExp statics (RegExp.$1..$9, input/$_, lastMatch/$&, lastParen/$+, leftContext/$`,
rightContext/$'), compared with node, and their per-thread semantics (builtins/regexp.c): each
thread sees only its own last successful match."""
import textwrap

import pytest

STATICS = r"""
    const show = () => console.log(JSON.stringify([RegExp.input, RegExp.lastMatch, RegExp.lastParen,
        RegExp.leftContext, RegExp.rightContext, RegExp.$1, RegExp.$2, RegExp.$3, RegExp.$9]));
"""

CASES = {
    "before_any_match": STATICS + "show();",
    "exec_and_aliases": STATICS + r"""
        /(a)(b)?(c)/.exec("xxacyy"); show();
        console.log(RegExp["$_"], RegExp["$&"], RegExp["$+"], RegExp["$`"], RegExp["$'"]);
        /(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)/.exec("-12345678901-");   // 11 groups
        console.log(RegExp.$9, RegExp.lastParen, RegExp.$1);
    """,
    "failed_match_keeps_the_last_success": STATICS + r"""
        /b+/.exec("abbbc"); /zz/.exec("abc"); /q/y.exec("aq"); show();
        console.log(/x/.test("nope"), RegExp.lastMatch);
    """,
    "string_methods_update_them": STATICS + r"""
        "a0,b0,c0".split(/(,)/); show();
        "hello world".replace(/o/g, "0"); show();
        "x1y2".match(/\d/g); show();
        "abcabc".search(/c/); show();
        [..."a1b2c3".matchAll(/[a-z](\d)/g)]; show();
        "no regexp here".split(","); "abc".indexOf("b"); show();
        "aaa".replace(/a/g, () => { console.log("in callback:", RegExp.leftContext, RegExp.lastMatch); return "b"; });
    """,
    "setters_and_descriptors": STATICS + r"""
        /(x)/.exec("axb");
        RegExp.input = 42; console.log(typeof RegExp.input, RegExp.$_, RegExp.leftContext);
        RegExp["$_"] = "other"; console.log(RegExp.input);
        RegExp.lastMatch = "ignored"; RegExp.$1 = "ignored"; console.log(RegExp.lastMatch, RegExp.$1);
        console.log(Object.getOwnPropertyNames(RegExp).join());
        for (const k of ["input", "$_", "lastMatch", "$&", "lastParen", "$+", "leftContext", "$`", "rightContext", "$'", "$1", "$9"]) {
            const d = Object.getOwnPropertyDescriptor(RegExp, k);
            console.log(k, typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name);
        }
        console.log("$1" in RegExp.prototype, Object.keys(RegExp).length);
        class R extends RegExp {} console.log(R.lastMatch, R.$1);
    """,
    "unicode_and_named_groups": STATICS + r"""
        /(?<w>\u{1F600})(b)/u.exec("a\u{1F600}bc"); show();
        /(é)/i.exec("cafÉ!"); show();
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_regexp_statics_match_node(name, same_as_node):
    same_as_node(CASES[name])


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_each_thread_sees_only_its_own_last_match(run_js, mode):
    source = textwrap.dedent(r"""
        /(main)-(\w+)/.exec("the main-thread match");
        const lock = new Lock();
        const threads = [];
        for (let t = 0; t < 3; t++) {
            threads.push(new Thread(t => {
                const before = RegExp.lastMatch;            // a new thread starts with none
                let ok = true;
                for (let i = 0; i < 200; i++) {
                    ("t" + t + ",x" + i + ",y").split(/(,)/);
                    ok = ok && RegExp.leftContext === "t" + t + ",x" + i && RegExp.$1 === ",";
                    new RegExp("(t" + t + ")").exec("<t" + t + ">");
                    ok = ok && RegExp.lastParen === "t" + t && RegExp.rightContext === ">";
                }
                return JSON.stringify([before, ok, RegExp.input]);
            }, t));
        }
        for (const thread of threads) console.log(thread.join());
        console.log(RegExp.lastMatch, RegExp.$2, RegExp.input);
    """)
    code, out, err = run_js(source, "main.js", mode)
    assert (code, err) == (0, "")
    assert out.splitlines() == ['["",true,"<t0>"]', '["",true,"<t1>"]', '["",true,"<t2>"]',
                                "main-thread thread the main-thread match"]


def test_statics_survive_collections(run_js):
    # The record hangs off ThreadState and is marked by the collector (heap.c mark_thread).
    source = textwrap.dedent(r"""
        /(b)(c+)/.exec("a" + "b" + "c".repeat(3) + "d".repeat(2));
        for (let i = 0; i < 300000; i++) ({i, s: "x" + i});
        console.log(RegExp.lastMatch, RegExp.$2, RegExp.rightContext, RegExp.input);
    """)
    assert run_js(source, "main.js", "--threads") == (0, "bccc ccc dd abcccdd\n", "")
