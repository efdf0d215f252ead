"""BigInt (csrc/bigint_ops.c, csrc/builtins/bigint.c; specs/values.md VAL-6..VAL-9): literals,
every operator, mixing errors, conversions, asIntN/asUintN, toString(radix), JSON, Map keys and
printing, compared with node; plus arbitrary-precision results checked against Python's ints,
speed on big values, and BigInts shared between threads."""
import textwrap
import time

import pytest

CASES = {
    "literals_and_typeof": r"""
        console.log(0n, 123n, 0x1fn, 0o17n, 0b101n, 1_000_000n, -0n, typeof 1n, typeof Object(1n));
        console.log(99999999999999999999999999999n, 0xffffffffffffffffffffffffn);
        console.log(String(12n), `${-5n}`, 'x' + 7n, 7n + 'x', [1n, 2n].join());
        var o = {1n: 'a', 18446744073709551616n: 'b'}; console.log(Object.keys(o).join());
        console.log(o[1n], o['18446744073709551616'], [10, 20][1n]);
    """,
    "arithmetic": r"""
        console.log(7n + 5n, 7n - 5n, 7n * -5n, 7n / 2n, -7n / 2n, 7n % -2n, -7n % 2n, 2n ** 100n);
        console.log((-3n) ** 3n, 0n ** 0n, 1n ** 123456789n, (-1n) ** 3n, (-1n) ** 4n, -(-5n), -0n);
        var x = 5n; x++; ++x; x--; console.log(x, x++, x, --x);
        var y = 2n ** 64n; y *= y; y -= 1n; console.log(y, y / 3n, y % 1000000007n);
        console.log(12345678901234567890123n / 1234567890123n, 12345678901234567890123n % 1234567890123n);
    """,
    "bitwise_and_shifts": r"""
        console.log(5n & 3n, 5n | 3n, 5n ^ 3n, ~5n, ~-1n, -5n & 3n, -5n | 3n, -5n ^ -3n);
        console.log(1n << 70n, -1n << 70n, (1n << 70n) >> 68n, -5n >> 1n, -1n >> 1000n, 5n >> -2n);
        console.log(-(2n ** 64n) & (2n ** 65n - 1n), (2n ** 64n - 1n) ^ -(2n ** 63n), 0n << 999999999999n);
    """,
    "comparisons": r"""
        console.log(1n < 2n, 2n < 1, 1 < 2n, 1n == 1, 1n === 1, 1n == '1', '1' == 1n, 1n == true, 0n == false);
        console.log(1n < 1.5, 2n > 1.5, 1n <= NaN, 1n >= NaN, 1n < Infinity, -1n > -Infinity, 1n == NaN);
        console.log(2n ** 64n == 18446744073709551616, 2n ** 64n == 18446744073709551617, 9007199254740993n == 9007199254740992);
        console.log(9007199254740993n > 9007199254740992, 1n < '2', '10' > 9n, 1n < 'x', 1n >= 'x', '1.5' == 1n, ' 12 ' == 12n);
        console.log(0n == -0, 0n === -0n, Object.is(0n, -0n), [1n, 2n].includes(2n), [3n].indexOf(3n));
        console.log(1n == Object(1n), Object(1n) == Object(1n), 1n == {valueOf() { return 1n }}, 1n != Symbol());
    """,
    "mixing_errors": r"""
        function t(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
        t(() => 1n + 1); t(() => 1 * 2n); t(() => +1n); t(() => 1n >>> 0n); t(() => 1n / 0n); t(() => 1n % 0n);
        t(() => Math.max(1n)); t(() => 1n - undefined); t(() => isNaN(1n)); t(() => 1n + Symbol());
        t(() => 1n | 1); t(() => [1n] * 2); t(() => new BigInt(1)); t(() => 1n << (2n ** 40n));
        t(() => BigInt.asUintN(2 ** 40, -1n));
    """,
    "conversions": r"""
        function t(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
        t(() => BigInt(42)); t(() => BigInt(-0)); t(() => BigInt(1e21)); t(() => BigInt(Number.MAX_VALUE) % 1000n);
        t(() => BigInt(1.5)); t(() => BigInt(NaN)); t(() => BigInt(Infinity)); t(() => BigInt(true));
        t(() => BigInt('0x1F')); t(() => BigInt('  -123  ')); t(() => BigInt('')); t(() => BigInt('0b102'));
        t(() => BigInt('1e3')); t(() => BigInt('-0x1')); t(() => BigInt('1_0')); t(() => BigInt(undefined));
        t(() => BigInt(null)); t(() => BigInt(Symbol('s'))); t(() => BigInt({valueOf() { return 7 }}));
        t(() => Number(2n ** 64n)); t(() => Number(-(2n ** 53n) - 1n)); t(() => Number(2n ** 1024n));
        t(() => Number((2n ** 54n) + 3n)); t(() => parseInt(10n)); t(() => String(Object(-3n)));
        t(() => !!0n + ' ' + !!1n + ' ' + (0n ? 'y' : 'n') + ' ' + (-0n || 'zero'));
    """,
    "as_int_n": r"""
        var v = [0n, 1n, -1n, 127n, 128n, -128n, -129n, 2n ** 64n - 1n, -(2n ** 63n), 2n ** 100n + 5n];
        for (var bits of [0, 1, 7, 8, 32, 63, 64, 65, 200]) {
            console.log(bits, v.map(x => BigInt.asIntN(bits, x)).join(), v.map(x => BigInt.asUintN(bits, x)).join());
        }
        function t(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
        t(() => BigInt.asIntN(-1, 1n)); t(() => BigInt.asIntN(8, 1)); t(() => BigInt.asUintN(2 ** 53 - 1, 5n));
        t(() => BigInt.asIntN('8', '255')); t(() => BigInt.asIntN.length + BigInt.asUintN.name);
    """,
    "prototype": r"""
        function t(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
        t(() => (255n).toString(16) + ' ' + (-255n).toString(2) + ' ' + (2n ** 70n).toString(36) + ' ' + (0n).toString(7));
        t(() => (10n).toString(1)); t(() => (10n).toString(37)); t(() => BigInt.prototype.toString.call(1));
        t(() => BigInt.prototype.valueOf.call(Object(5n))); t(() => (123n).toLocaleString());
        t(() => Object.prototype.toString.call(1n) + Object.prototype.toString.call(Object(1n)));
        t(() => BigInt.prototype[Symbol.toStringTag] + typeof BigInt.prototype.constructor);
        t(() => Object(1n) instanceof BigInt); t(() => BigInt.length + ' ' + BigInt.name);
        BigInt.prototype.double = function () { return this * 2n }; t(() => (21n).double());
    """,
    "json_and_console": r"""
        function t(f) { try { console.log(f()) } catch (e) { console.log(e.name + ': ' + e.message) } }
        t(() => JSON.stringify(1n)); t(() => JSON.stringify({a: [2n]})); t(() => JSON.stringify(Object(3n)));
        t(() => JSON.stringify({a: 1n}, (k, v) => typeof v === 'bigint' ? v.toString() : v));
        BigInt.prototype.toJSON = function () { return this.toString() + 'n' };
        t(() => JSON.stringify({a: 1n, b: [Object(2n)]}));
        console.log(1n, -2n, Object(3n), [4n, {k: 5n}], new Map([[6n, 7n]]), new Set([8n]));
        console.log('%d and %s', 9n, 10n);
    """,
    "map_set_keys": r"""
        var m = new Map(); m.set(2n ** 70n, 'big'); m.set(1n, 'one'); m.set(1, 'number one');
        console.log(m.get(2n ** 70n), m.get(BigInt('1')), m.get(1), m.has(-1n), m.size);
        var s = new Set([1n, 1n, BigInt(1), -0n, 0n, 10n ** 30n, 10n ** 30n]); console.log(s.size, [...s].join());
        m.delete(2n ** 70n); console.log(m.size, m.has(2n ** 70n));
    """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bigint(name, same_as_node):
    same_as_node(CASES[name])


def run_ok(run_js, source, *flags):
    code, out, err = run_js(textwrap.dedent(source), "main.js", *flags)
    assert code == 0, err
    return out


def test_random_arithmetic_matches_python(run_js):
    """Every operator on values from 1 to ~2000 bits (Karatsuba and Knuth division paths),
    checked against Python's arbitrary-precision ints."""
    import random
    rng = random.Random(7)
    pairs = []
    for _ in range(60):
        a = rng.getrandbits(rng.choice([3, 40, 64, 65, 700, 2000])) * rng.choice([1, -1])
        b = rng.getrandbits(rng.choice([3, 33, 64, 1500, 2100])) * rng.choice([1, -1]) or 1
        pairs.append((a, b))
    js = "var P = [" + ",".join("[%dn,%dn]" % p for p in pairs) + "];\n" + """
        for (var [a, b] of P) console.log([a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b,
            a << 37n, a >> 37n, BigInt.asIntN(100, a), BigInt.asUintN(100, a), a.toString(7)].join(' '));
    """
    lines = run_ok(run_js, js).splitlines()

    def trunc_div(a, b):
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q

    def to_base(n, base):
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        if n == 0:
            return "0"
        s, m = "", abs(n)
        while m:
            s, m = digits[m % base] + s, m // base
        return ("-" if n < 0 else "") + s

    def as_int(bits, n):
        n &= (1 << bits) - 1
        return n - (1 << bits) if n >> (bits - 1) else n

    assert len(lines) == len(pairs)
    for (a, b), line in zip(pairs, lines):
        q = trunc_div(a, b)
        expected = [a + b, a - b, a * b, q, a - q * b, a & b, a | b, a ^ b, a << 37, a >> 37,
                    as_int(100, a), a & ((1 << 100) - 1)]
        assert line.split(" ") == [str(x) for x in expected] + [to_base(a, 7)]


def test_big_values_stay_fast(run_js):
    """Factorial of 5000 (~54,000 digits) and its decimal string finish well inside a second or
    two: multiplication is not quadratic in a way that stalls, and toString is bounded."""
    start = time.monotonic()
    out = run_ok(run_js, """
        var f = 1n; for (var i = 2n; i <= 5000n; i++) f *= i;
        var s = f.toString(); console.log(s.length, s.slice(0, 12), (f * f / f === f));
        var big = 3n ** 200000n; console.log((big % 1000000007n), big.toString(16).length);
    """)
    elapsed = time.monotonic() - start
    assert out.split("\n")[0] == "16326 422857792660 true"
    assert out.split("\n")[1] == "%dn %d" % (pow(3, 200000, 1000000007), len("%x" % 3 ** 200000))
    assert elapsed < 30, elapsed


def test_size_limit_is_a_range_error(run_js):
    out = run_ok(run_js, """
        for (const f of [() => 2n ** (2n ** 31n), () => 1n << (2n ** 32n), () => 7n ** 1000000000n,
                         () => BigInt('1'.repeat(400000000 / 1000)) ** 100000n])
            try { f(); console.log('no error') } catch (e) { console.log(e.name, e.message) }
    """)
    assert out.splitlines() == ["RangeError Maximum BigInt size exceeded"] * 4


@pytest.mark.parametrize("mode", ["--threads", "--gil"])
def test_bigints_shared_between_threads(run_js, mode):
    """BigInts are immutable cells [VAL-7]: threads read the same values, compute with them and
    use them as Map keys at once without tearing or losing entries."""
    out = run_ok(run_js, """
        const base = 2n ** 200n;
        const shared = new Map();
        const threads = [];
        for (let t = 0; t < 4; t++) threads.push(new Thread(() => {
            let acc = 0n;
            for (let i = 0n; i < 2000n; i++) {
                acc += base * i + BigInt(t);
                if (i % 50n == 0n) shared.set(base + i * 4n + BigInt(t), acc);
            }
            return acc;
        }));
        const results = threads.map(th => th.join());
        const expected = t => base * (1999n * 2000n / 2n) + 2000n * BigInt(t);
        console.log(results.every((r, t) => r === expected(t)), shared.size,
                    shared.has(base + 3n), shared.get(base + 3n) === base * 0n + 3n);
    """, mode)
    assert out == "true 160 true true\n"
