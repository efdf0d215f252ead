"""Checks csrc/number.c (number <-> string conversion) against node, the reference engine.

The driver tests/core/number_test.c is compiled together with number.c into a temp dir.
Hard-coded famous cases always run; the large seeded samples compare against node and are
skipped when node is missing. Doubles travel as IEEE bit patterns, strings as UTF-16 units.
"""

import json
import math
import os
import random
import shutil
import struct
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CSRC = REPO / "csrc"
NODE = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)
SEED = 20240611

NODE_SCRIPT = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const view = new DataView(new ArrayBuffer(8));
const num = h => { view.setBigUint64(0, BigInt('0x' + h)); return view.getFloat64(0); };
const bits = d => {
  if (Number.isNaN(d)) return 'NaN';
  view.setFloat64(0, d);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
};
const str = units => {
  let s = '';
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.slice(i, i + 4096));
  return s;
};
const out = input.map(([op, a, b]) => {
  switch (op) {
    case 's': return String(num(a));
    case 'r': return num(a).toString(b);
    case 'f': return num(a).toFixed(b);
    case 'e': return b < 0 ? num(a).toExponential() : num(a).toExponential(b);
    case 'p': return num(a).toPrecision(b);
    case 'n': return bits(Number(str(a)));
    case 'pf': return bits(parseFloat(str(a)));
    case 'pi': return bits(parseInt(str(b), a));
    case 'w': return /^\s$/.test(String.fromCharCode(a)) ? '1' : '0';
  }
  return 'UNKNOWN';
});
process.stdout.write(JSON.stringify(out));
"""

INF = math.inf
NAN = math.nan


def bits_of(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexbits(x):
    return "%016x" % bits_of(x)


def units(text):
    return [ord(c) for c in text]


def driver_line(op):
    kind = op[0]
    if kind in ("s", "i"):
        return f"{kind} {hexbits(op[1])}"
    if kind in ("r", "f", "e", "p"):
        return f"{kind} {hexbits(op[1])} {op[2]}"
    if kind in ("n", "pf"):
        return f"{kind} {encode(op[1])}"
    if kind == "pi":
        return f"pi {op[1]} {encode(op[2])}"
    if kind == "w":
        return f"w {op[1]}"
    raise ValueError(kind)


def encode(text):
    return "".join("%04x" % c for c in units(text)) or "."


def node_op(op):
    kind = op[0]
    if kind in ("s",):
        return [kind, hexbits(op[1])]
    if kind in ("r", "f", "e", "p"):
        return [kind, hexbits(op[1]), op[2]]
    if kind in ("n", "pf"):
        return [kind, units(op[1])]
    if kind == "pi":
        return [kind, op[1], units(op[2])]
    if kind == "w":
        return [kind, op[1]]
    raise ValueError(kind)


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    binary = tmp_path_factory.mktemp("number") / "number_test"
    # NUMBER_TEST_CFLAGS="-O1 -fsanitize=address,undefined" runs the suite under sanitizers.
    flags = os.environ.get("NUMBER_TEST_CFLAGS", "-O2").split()
    subprocess.run(
        ["gcc", "-std=gnu11", *flags, "-Wall", "-Wextra", "-Werror", "-I", str(CSRC),
         str(CSRC / "number.c"), str(REPO / "tests/core/number_test.c"), "-lm", "-o", str(binary)],
        check=True,
    )
    return binary


def run_driver(driver, ops):
    text = "".join(driver_line(op) + "\n" for op in ops)
    result = subprocess.run([str(driver)], input=text, capture_output=True, text=True, check=True)
    lines = result.stdout.split("\n")[: len(ops)]
    assert len(lines) == len(ops)
    return lines


def run_node(ops):
    if NODE is None:
        pytest.skip("node is not installed")
    payload = json.dumps([node_op(op) for op in ops])
    result = subprocess.run([NODE, "-e", NODE_SCRIPT], input=payload, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def describe(op):
    shown = [repr(a) if isinstance(a, float) else a for a in op]
    if op[0] in ("n", "pf", "pi"):
        shown = [s[:120] + "..." if isinstance(s, str) and len(s) > 120 else s for s in shown]
    return shown


def compare_with_node(driver, ops):
    ours = run_driver(driver, ops)
    theirs = run_node(ops)
    mismatches = [(describe(op), got, want) for op, got, want in zip(ops, ours, theirs) if got != want]
    assert not mismatches, f"{len(mismatches)} of {len(ops)} differ, e.g. {mismatches[:10]}"
    print(f"{len(ops)} cases match node")
    return len(ops)


# ---- samples ----------------------------------------------------------------------------


def sample_doubles(rng, uniform_count=2500):
    values = [
        0.0, -0.0, NAN, INF, -INF, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e21,
        math.nextafter(1e21, 0), math.nextafter(1e21, INF), 1e-7, 1e-6, math.nextafter(1e-6, 0),
        123456789012345680000.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 2.0**53, 2.0**53 + 2,
        2.0**53 - 1, 2.0**64, 2.0**63, 4.35, 0.000001, 1.005, 1.45, 2.5, 0.5, 1.5, -1.5e-10,
        9.5367431640625e-07, 4294967295.0, 4294967296.0, 1e300 * 1e8 / 1e8, 5e-324 * 3,
        1.7976931348623157e308 / 3, 299792458.0, 6.02214076e23, 1.602176634e-19, math.pi, math.e,
    ]
    for _ in range(uniform_count):
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            values.append(x)
    for exponent in range(-325, 309):
        values.append(float(f"{rng.random()}e{exponent}"))
        values.append(-float(f"{rng.randint(1, 99999)}e{exponent}"))
    for bit_count in range(1, 90):
        values.append(float(rng.getrandbits(bit_count)) * rng.choice((1, -1)))
    for _ in range(300):
        values.append(from_bits(rng.getrandbits(52)))
    for exponent in range(-323, 309):
        x = float(f"1e{exponent}")
        values += [x, math.nextafter(x, INF), math.nextafter(x, 0)]
    for exponent in range(-1074, 1024, 7):
        values.append(math.ldexp(1.0, exponent))
    for _ in range(500):
        values.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    return values


def finite(values):
    return [x for x in values if math.isfinite(x)]


def tie_values(rng, count):
    """(x, digits after the point at which x is exactly halfway) for odd a / 2^j."""
    ties = []
    for _ in range(count):
        j = rng.randint(1, 30)
        a = rng.getrandbits(rng.randint(1, 53 - min(j, 52))) * 2 + 1
        x = a / 2.0**j
        ties.append((x * rng.choice((1, -1)), j - 1))
    return ties


def near_ties(rng, count):
    """Decimal strings ending in 5 whose doubles sit just above or below the tie."""
    return [float(f"{rng.randint(0, 99999)}.{rng.randint(0, 10**rng.randint(0, 6))}5")
            for _ in range(count)]


def midpoint_strings(rng, values):
    """Exact decimal midpoints between adjacent doubles, and strings just off them."""
    strings = []
    for x in values:
        x = abs(x)
        if not math.isfinite(x) or x == 1.7976931348623157e308:
            continue
        middle = (Fraction(x) + Fraction(math.nextafter(x, INF))) / 2
        scale = middle.denominator.bit_length() - 1 if middle.denominator > 1 else 0
        digits = str(middle.numerator * 5**scale)
        strings.append(f"{digits}e-{scale}")
        strings.append(f"{digits}00000000000000000001e-{scale + 20}")
        if len(digits) > 2:
            strings.append(f"{digits[:-1]}e-{scale - 1}")
            strings.append(f"{digits[:-1]}4999999999999999999999e-{scale + 21}")
        if scale == 0:
            strings.append(digits)
        if len(strings) > 1200:
            break
    return strings


def to_radix(n, radix, rng=None):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = []
    while n:
        n, digit = divmod(n, radix)
        out.append(chars[digit])
    text = "".join(reversed(out))
    if rng is not None and rng.random() < 0.3:
        text = "".join(c.upper() if rng.random() < 0.5 else c for c in text)
    return text


# ---- hard-coded cases (always run) ------------------------------------------------------

FAMOUS = [
    (("s", 1e21), "1e+21"),
    (("s", 1.5e-7), "1.5e-7"),
    (("s", 123456789012345680000.0), "123456789012345680000"),
    (("s", -0.0), "0"),
    (("s", NAN), "NaN"),
    (("s", INF), "Infinity"),
    (("s", -INF), "-Infinity"),
    (("s", 0.1 + 0.2), "0.30000000000000004"),
    (("s", 5e-324), "5e-324"),
    (("s", 1.7976931348623157e308), "1.7976931348623157e+308"),
    (("s", 2.0**60), "1152921504606847000"),
    (("s", 1e-7), "1e-7"),
    (("s", 0.000001), "0.000001"),
    (("s", -1234.5678), "-1234.5678"),
    (("s", 9007199254740993.0), "9007199254740992"),
    (("s", 1e16), "10000000000000000"),
    (("r", 0.5, 2), "0.1"),
    (("r", 255.5, 16), "ff.8"),
    (("r", 1e21, 36), "5v1j4f4ds7c000"),
    (("r", -255.0, 36), "-73"),
    (("r", -0.0, 2), "0"),
    (("r", 0.1, 3), "0.0022002200220022002200220022002201"),
    (("r", NAN, 16), "NaN"),
    (("r", -INF, 16), "-Infinity"),
    (("f", 1.005, 2), "1.00"),
    (("f", 1.45, 1), "1.4"),
    (("f", 0.5, 0), "1"),
    (("f", 1.5, 0), "2"),
    (("f", 2.5, 0), "3"),
    (("f", -0.5, 0), "-1"),
    (("f", -1.5e-10, 3), "-0.000"),
    (("f", -0.0, 2), "0.00"),
    (("f", 0.125, 2), "0.13"),
    (("f", 1e21, 2), "1e+21"),
    (("f", 123.456, 0), "123"),
    (("f", math.nextafter(1e21, 0), 100),
     "999999999999999868928." + "0" * 100),
    (("f", 5e-324, 100), "0." + "0" * 100),
    (("e", 123456.0, -1), "1.23456e+5"),
    (("e", 0.0, 2), "0.00e+0"),
    (("e", -0.0, -1), "0e+0"),
    (("e", 125.0, 1), "1.3e+2"),
    (("e", 5e-324, 3), "4.941e-324"),
    (("e", 1.0, 100), "1." + "0" * 100 + "e+0"),
    (("p", 123.456, 4), "123.5"),
    (("p", 0.00001, 1), "0.00001"),
    (("p", 0.000001234, 2), "0.0000012"),
    (("p", 0.0000001234, 2), "1.2e-7"),
    (("p", 1e21, 3), "1.00e+21"),
    (("p", 123456.0, 2), "1.2e+5"),
    (("p", 0.0, 3), "0.00"),
    (("p", 1.25, 2), "1.3"),
    (("n", " 0x1F "), hexbits(31.0)),
    (("n", ""), hexbits(0.0)),
    (("n", " \u00a0\ufeff\u3000 "), hexbits(0.0)),
    (("n", "-0"), hexbits(-0.0)),
    (("n", "-Infinity"), hexbits(-INF)),
    (("n", "+Infinity"), hexbits(INF)),
    (("n", "infinity"), "NaN"),
    (("n", "-0x10"), "NaN"),
    (("n", "0x"), "NaN"),
    (("n", "1e"), "NaN"),
    (("n", "."), "NaN"),
    (("n", "5."), hexbits(5.0)),
    (("n", ".5e1"), hexbits(5.0)),
    (("n", "0b101"), hexbits(5.0)),
    (("n", "0O17"), hexbits(15.0)),
    (("n", "1_000"), "NaN"),
    (("n", "0x20000000000001"), hexbits(2.0**53)),
    (("n", "0x20000000000003"), hexbits(2.0**53 + 4)),
    (("n", "9007199254740993"), hexbits(2.0**53)),
    (("n", "2.2250738585072011e-308"), hexbits(2.225073858507201e-308)),
    (("n", "1e400"), hexbits(INF)),
    (("n", "1e-400"), hexbits(0.0)),
    (("n", "0." + "0" * 1000 + "1e1001"), hexbits(1.0)),
    (("pf", "3.14abc"), hexbits(3.14)),
    (("pf", "  -.5e1x"), hexbits(-5.0)),
    (("pf", "Infinityx"), hexbits(INF)),
    (("pf", "0x10"), hexbits(0.0)),
    (("pf", "1e+"), hexbits(1.0)),
    (("pf", "-"), "NaN"),
    (("pi", 0, "0x1f"), hexbits(31.0)),
    (("pi", 16, "-0XfF"), hexbits(-255.0)),
    (("pi", 0, "  -0"), hexbits(-0.0)),
    (("pi", 0, "0x"), "NaN"),
    (("pi", 8, "0x10"), hexbits(0.0)),
    (("pi", 36, "zz"), hexbits(1295.0)),
    (("pi", 1, "1"), "NaN"),
    (("pi", 37, "1"), "NaN"),
    (("pi", 0, "123abc"), hexbits(123.0)),
    (("pi", 2, "1" * 54), hexbits(2.0**54)),
    (("pi", 10, "9007199254740993"), hexbits(2.0**53)),
    (("w", 0x2028), "1"),
    (("w", 0x180E), "0"),
    (("w", 0xFEFF), "1"),
    (("w", 0x85), "0"),
    (("i", 0.0), "0"),
    (("i", -0.0), "0"),
    (("i", 4294967294.0), "4294967294"),
    (("i", 4294967295.0), "-"),
    (("i", 1.5), "-"),
    (("i", -1.0), "-"),
    (("i", NAN), "-"),
]


def test_famous_cases(driver):
    ops = [op for op, _ in FAMOUS]
    got = run_driver(driver, ops)
    wrong = [(describe(op), g, want) for (op, want), g in zip(FAMOUS, got) if g != want]
    assert not wrong, wrong


def test_buffers_hold_the_longest_results(driver):
    ops = [("f", -math.nextafter(1e21, 0), 100), ("p", -2.2250738585072014e-308, 100),
           ("e", -5e-324, 100), ("p", -1.234e-7, 100), ("r", -5e-324, 2),
           ("r", -1.7976931348623157e308, 2), ("r", 0.1, 2), ("r", 1 / 3, 3)]
    for line in run_driver(driver, ops):
        assert line != "BAD LENGTH"


# ---- node comparisons ---------------------------------------------------------------------


def test_to_string_matches_node(driver):
    rng = random.Random(SEED)
    ops = [("s", x) for x in sample_doubles(rng)]
    assert compare_with_node(driver, ops) > 5000


def test_to_string_radix_matches_node(driver):
    rng = random.Random(SEED + 1)
    values = sample_doubles(rng, uniform_count=800)
    ops = [("r", x, rng.randint(2, 36)) for x in values]
    ops += [("r", x, radix) for x in (0.1, 1 / 3, 255.5, -1e21, 2.0**-1074, 1e300, 1234.5678)
            for radix in range(2, 37)]
    assert compare_with_node(driver, ops) > 3000


def test_to_fixed_matches_node(driver):
    rng = random.Random(SEED + 2)
    values = [x for x in sample_doubles(rng, uniform_count=500)
              if not math.isfinite(x) or abs(x) < 1e22]
    ops = [("f", x, rng.randint(0, 100)) for x in values]
    ops += [("f", x, d) for x in values[::7] for d in (0, 1, 2, 3, 5, 10, 20)]
    ops += [("f", x, d) for x, d in tie_values(rng, 800) if d <= 100]
    ops += [("f", x, d) for x in near_ties(rng, 400) for d in range(0, 9)]
    ops += [("f", k + 0.5, 0) for k in range(-20, 20)]
    assert compare_with_node(driver, ops) > 3000


def test_to_exponential_matches_node(driver):
    rng = random.Random(SEED + 3)
    values = sample_doubles(rng, uniform_count=800)
    ops = [("e", x, -1) for x in values]
    ops += [("e", x, rng.randint(0, 100)) for x in values]
    ops += [("e", x, d) for x in values[::11] for d in (0, 1, 2, 5, 16, 17, 20)]
    for x, _ in tie_values(rng, 400):
        significant = len(repr(abs(x)).replace(".", "").lstrip("0").replace("e", " ").split()[0])
        ops.append(("e", x, max(significant - 2, 0)))
    ops += [("e", float(k * 10 + 5), len(str(k))) for k in range(1, 300, 7)]
    assert compare_with_node(driver, ops) > 3000


def test_to_precision_matches_node(driver):
    rng = random.Random(SEED + 4)
    values = sample_doubles(rng, uniform_count=800)
    ops = [("p", x, rng.randint(1, 100)) for x in values]
    ops += [("p", x, p) for x in values[::13] for p in (1, 2, 3, 6, 7, 15, 16, 17, 21, 22)]
    ops += [("p", x, p) for x in near_ties(rng, 200) for p in range(1, 10)]
    ops += [("p", float(k * 10 + 5), len(str(k))) for k in range(1, 300, 7)]
    assert compare_with_node(driver, ops) > 3000


def test_from_string_matches_node(driver):
    rng = random.Random(SEED + 5)
    values = finite(sample_doubles(rng, uniform_count=600))
    strings = [repr(x) for x in values]
    strings += [f"{x:.20e}" for x in values[::3]] + [f"{x:.25g}" for x in values[::5]]
    strings += [f"{x:.{rng.randint(0, 30)}f}" for x in values[::4] if abs(x) < 1e30]
    strings += midpoint_strings(rng, values[::2])
    whitespace = "\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    strings += [rng.choice(whitespace) + s + rng.choice(whitespace) for s in strings[:300]]
    strings += ["+" + s for s in strings[:50]] + [s.upper() for s in strings[:50]]
    for bit_count in list(range(1, 70)) + list(range(70, 1100, 37)):
        n = rng.getrandbits(bit_count) | (1 << (bit_count - 1))
        strings += ["0x" + to_radix(n, 16, rng), "0o" + to_radix(n, 8), "0b" + to_radix(n, 2)]
    for shift in range(0, 980, 31):
        for low in (1, 3, 0x101, 0x100):
            n = ((1 << 53) + low) << shift
            strings += [hex(n), hex(n + 1), "0X" + hex(n - 1)[2:]]
    for shift in range(0, 11):
        for _ in range(8):
            tie = ((1 << 53) + 2 * rng.getrandbits(52) + 1) << shift
            strings += [str(tie), str(tie + 1), str(tie - 1), f"{str(tie)[:-3]}.{str(tie)[-3:]}e3"]
    strings += ["", " ", "abc", "1e", "1e+", "1e-", ".", "+.", "-", "+", "0x", "0xg", "-0x10",
                "+0x10", "0b2", "0o8", "0B", "Infinity", "-Infinity", "+Infinity", "infinity",
                "INFINITY", "Infinityx", "1_000", "1,000", "0.0.1", "1e1.5", "\u0661", "00x10",
                "010", "-010", "1.e3", ".5e-3", "5.", "+-1", "1 2", "0x1p3", "\u00a01\u00a0",
                "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999",
                "-0e-99999", "0." + "0" * 400 + "1", "1" + "0" * 400, "9" * 900, "1" * 330,
                "0." + "0" * 330 + "247032822920623272088284396434110686182529901307162382212792"
                "8416643046" + "0" * 800 + "1", "1e-324", "3e-324", "2.4703282292062327e-324",
                "2.4703282292062328e-324", "1.7976931348623158e308", "1.7976931348623159e308",
                "0000000000000000000000000000123.4500000000000000000000000", "\u2028-1.5\u2029",
                "1.7976931348623157e+308", "4.9e-324", "12345678901234567890123", "1e23",
                "8.988465674311579e307", "179769313486231580793728971405301e276"]
    ops = [("n", s) for s in strings]
    assert compare_with_node(driver, ops) > 3000


def test_parse_float_matches_node(driver):
    rng = random.Random(SEED + 6)
    values = finite(sample_doubles(rng, uniform_count=400))
    strings = [repr(x) for x in values] + [f"{x:.20e}" for x in values[::3]]
    strings += midpoint_strings(rng, values[::5])
    suffixes = ["", "x", "e", "e+", "e-5x", ".", "..5", " 1", "_1", "Infinity", "0x1", "\u0661"]
    strings = [s + rng.choice(suffixes) for s in strings]
    prefixes = ["", " ", "\t\n", "\ufeff", "+", "-", "--", "+-", "x", ".", "-."]
    strings = [rng.choice(prefixes) + s for s in strings]
    strings += ["Infinity", "-Infinity", "+Infinityxyz", "Infinit", "-", "+", ".", "e5", ".e5",
                "0x10", "-0", "-.0", "- 0", "1e1000", "-1e-1000", "", "   ", ".5.5", "5e5e5",
                "1e0000000000000000000000001", "0." + "0" * 500 + "5e500"]
    ops = [("pf", s) for s in strings]
    assert compare_with_node(driver, ops) > 1500


def test_parse_int_matches_node(driver):
    rng = random.Random(SEED + 7)
    ops = []
    for radix in [0] + list(range(2, 37)):
        base = radix or 10
        for _ in range(60):
            digits = rng.choice((1, 2, 5, 10, 15, 20, 30, 60, 120, 400))
            text = to_radix(rng.getrandbits(int(digits * math.log2(base)) + 1), base, rng)
            text = rng.choice(("", "", "0", "000")) + text
            text = rng.choice(("", "", " ", "\t\u00a0", "-", "+", " -")) + text
            text += rng.choice(("", "", ".5", "z", " 1", "g", "e5", "\u0661"))
            ops.append(("pi", radix, text))
    for radix in (0, 16, 8, 10, 36):
        for text in ("0x1f", "-0x1F", "0X", "0x", "0xg", " 0x10", "+0x10", "0x0x1", "0b11",
                     "0o17", "-0", "0", "", " ", "-", "abc", "1e3", "12.9", "  -12.9",
                     "0x" + "f" * 300, "0x" + "1" * 14 + "8", "1" * 400):
            ops.append(("pi", radix, text))
    ops += [("pi", radix, "10") for radix in (-1, 1, 37, 100, -36)]
    for radix in (2, 4, 8, 16, 32):
        for shift in range(0, 1100, 97):
            for low in (1, 3, 0x101, 0x100):
                n = ((1 << 53) + low) << shift
                ops += [("pi", radix, to_radix(n, radix)), ("pi", radix, to_radix(n + 1, radix))]
    assert compare_with_node(driver, ops) > 2500


def test_whitespace_matches_node(driver):
    ops = [("w", c) for c in range(0x10000)]
    assert compare_with_node(driver, ops) == 0x10000


def test_every_whitespace_is_trimmed(driver):
    white = [c for c in range(0x10000) if c < 0xD800 or c > 0xDFFF]
    ops = [("w", c) for c in white]
    flags = run_driver(driver, ops)
    spaces = [chr(c) for c, flag in zip(white, flags) if flag == "1"]
    assert len(spaces) == 25
    parse = [("n", s + "12" + s) for s in spaces] + [("pf", s + "12") for s in spaces]
    parse += [("pi", 0, s + "12") for s in spaces]
    assert set(run_driver(driver, parse)) == {hexbits(12.0)}


def test_bench_runs(driver):
    result = subprocess.run([str(driver)], input="bench 20000\n", capture_output=True, text=True,
                            check=True)
    print(result.stdout)
    assert "to_string random bits" in result.stdout
