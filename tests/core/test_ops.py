"""ops.c and error.c, compared with node: ToNumber/ToString/ToPrimitive, the generic operators,
equality and relational comparison, property access on primitives, and V8's error messages."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


def _run(argv):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


CASES = {
    "to_number_and_string": r"""
        var vals = [0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 1e21, 1e-7, 123456789, 2**31, 2**32, 2**53,
                    '', ' ', '12', ' 12 ', '0x1F', '0b101', '0o17', '1e3', '-0', 'abc', '1_000', '.5', '5.',
                    '+5', '-  5', '\n\t12\u00a0', 'Infinity', '-Infinity', 'infinity', true, false, null,
                    undefined, [], [5], [1, 2], {}];
        for (var v of vals) console.log(JSON.stringify(String(v)), Number(v), +v, v | 0, v >>> 0, v >> 1, v << 1, !!v, typeof v);
    """,
    "arithmetic": r"""
        console.log(1/0, -1/0, 0/0, 5 % 3, -5 % 3, 5 % -3, 5.5 % 2, -0 % 1, 1 % 0, Infinity % 2, 2 % Infinity);
        console.log(2**10, 2**-1, (-8)**(1/3), NaN**0, 1**Infinity, (-1)**Infinity, 0**-1, (-0)**-1, (-0)**-2, Infinity**-1, (-Infinity)**3);
        console.log(~5, ~-1, ~~3.7, -7 >> 1, -7 >>> 28, 1 << 31, 1 << 32, 5 & 3, 5 | 3, 5 ^ 3, 2**31 | 0, -(2**31) - 1 | 0);
        console.log(0.1 + 0.2, 0.1 * 3, 1e300 * 1e10, -1e300 * 1e10, 5e-324 / 2, 123e-20, 1/3, 100/3);
        console.log([1e21, 1e20, 123456789012345680000, 0.000001, 0.0000001, 1.7976931348623157e308, 5e-324, 4.35, -1e-7].map(String).join(' '));
    """,
    "plus_and_comparison": r"""
        console.log(1 + '2', '3' - 1, '3' * '4', [] + [], [] + {}, ({}) + 1, true + 1, null + 1, undefined + 1, '5' / '2');
        console.log(1 < 2, '10' < '9', 10 < '9', null < 1, undefined < 1, NaN < NaN, 'a' < 'b', [2] > 1, null >= 0);
        console.log(null == 0, undefined == null, NaN == NaN, '1' == 1, 0 == '', '' == '0', false == '0', [] == false, [1] == 1);
        var o = { valueOf() { return 42; }, toString() { return 'str'; } };
        console.log(o + 1, `${o}`, o * 2, String(o), o + '', [o] + '', o > 41);
        var p = { [Symbol.toPrimitive](h) { return h === 'number' ? 1 : h === 'string' ? 's' : 'd'; } };
        console.log(+p, `${p}`, p + '', p * 3, p == 'd');
        console.log('ab' + 'cd' === 'abcd', ('a' + 'b') + 'c' === 'a' + ('b' + 'c'), typeof null, typeof Symbol(), typeof class {});
    """,
    "messages": r"""
        var t = function (f) { try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); } };
        t(() => ({[Symbol.toPrimitive]: 1}) + 1);
        t(() => ({toString: 1, valueOf: 1}) + 1);
        t(() => Symbol() + '');
        t(() => +Symbol());
        t(() => 1 instanceof 2);
        t(() => ({}) instanceof {});
        t(() => { function F() {}; F.prototype = 1; ({}) instanceof F; });
        t(() => new Map(5));
        t(() => new Map({}));
        t(() => { var u; u.x; });
        t(() => { var u = null; u.x; });
        t(() => { var u; u[Symbol('q')]; });
        t(() => { 'use strict'; var u; u.x = 1; });
        t(() => { 'use strict'; 'abc'.x = 1; });
        t(() => { 'use strict'; 'abc'[0] = 1; });
        t(() => { 'use strict'; (5).x = 1; });
        t(() => Object.prototype.hasOwnProperty.call(null, 'x'));
        t(() => Function.prototype.apply.call(function () {}, null, 1));
    """,
    "primitive_property_access": r"""
        console.log('abc'.length, 'abc'[1], 'abc'[5], (5).toFixed(1), true.toString(), 'x'.constructor === String);
        Number.prototype.self = function () { return typeof this; };
        Object.defineProperty(String.prototype, 'loud', { get() { return this.toUpperCase(); }, configurable: true });
        console.log((1).self(), 'hi'.loud, 'abc'.x = 5, 'abc'.x);
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_as_node(name):
    if NODE is None:
        pytest.skip("node is not installed")
    code = CASES[name]
    ours = _run([sys.executable, "-m", "jsthreads", "run", "-e", code])
    theirs = _run([NODE, "-e", code])
    assert ours.stdout == theirs.stdout, "stderr:\n" + ours.stderr
    assert ours.returncode == theirs.returncode == 0, ours.stderr


def test_uncaught_error_text():
    """The CLI prints an uncaught Error as its stack and anything else as util.inspect does."""
    ours = _run([sys.executable, "-m", "jsthreads", "run", "-e", "throw new TypeError('bad thing')"])
    assert ours.returncode != 0
    assert ours.stderr.startswith("Uncaught TypeError: bad thing")
    for thrown, text in [("42", "Uncaught 42"), ("'str'", "Uncaught 'str'"), ("({a: 1})", "Uncaught { a: 1 }")]:
        ours = _run([sys.executable, "-m", "jsthreads", "run", "-e", "throw " + thrown])
        assert ours.stderr.strip() == text
