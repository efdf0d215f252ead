"""Node-differential checking of the Math functions whose last digit depends on the algorithm
(V8 uses fdlibm's; libm's differ in ~4% of results): seeded inputs per function, one JS program
per function run through jsthreads and node, results compared bit for bit.

    python tests/builtins/math_differential.py [--count N] [FUNCTION ...]   # prints mismatch rates
"""
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

UNARY = ("sin", "cos", "tan", "exp", "log", "log2", "log10", "log1p", "expm1", "atan", "asin",
         "acos", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt")
BINARY = ("pow", "atan2", "hypot")
FUNCTIONS = UNARY + BINARY

SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 5e-324, -5e-324,
           2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e-300, 1e300,
           math.pi, math.pi / 2, math.pi / 4, 3 * math.pi / 4, 710.0, -745.0, 709.782712893384,
           -708.3964185322641, 1e-8, 0.9999999999999999, 1.0000000000000002, 3.0, 27.0, 1e22, 2.0 ** 52]

# Ranges where each function's interesting cases live, besides the common ones below.
RANGES = {
    "sin": [(-10, 10), (-1e6, 1e6), (-1e9, 1e9)], "cos": [(-10, 10), (-1e6, 1e6), (-1e9, 1e9)],
    "tan": [(-10, 10), (-1e6, 1e6), (-1.6, 1.6)], "exp": [(-750, 710), (-2, 2)],
    "expm1": [(-40, 710), (-1, 1)], "log": [(0, 10)], "log2": [(0, 10)], "log10": [(0, 10)],
    "log1p": [(-1, 3)], "atan": [(-3, 3)], "asin": [(-1, 1)], "acos": [(-1, 1)],
    "sinh": [(-25, 25), (-712, 712)], "cosh": [(-25, 25), (-712, 712)], "tanh": [(-25, 25), (-1, 1)],
    "asinh": [(-5, 5)], "acosh": [(1, 5)], "atanh": [(-1, 1)], "cbrt": [(-30, 30)],
}


def _log_uniform(rng, low_exp=-320, high_exp=308):
    value = 10.0 ** rng.uniform(low_exp, high_exp)
    return -value if rng.random() < 0.5 else value


def _random_bits(rng):
    value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    return value if value == value else 1.5


def inputs(function, count, seed=262):
    """`count` argument lists for `function`: special values, its own ranges, every magnitude."""
    rng = random.Random(f"{seed}:{function}")
    if function in BINARY:
        values = [(a, b) for a in SPECIAL[:12] for b in SPECIAL[:12]]
        while len(values) < count:
            pick = rng.random()
            if function == "pow":
                if pick < 0.4:
                    values.append((rng.uniform(0, 10), rng.uniform(-30, 30)))
                elif pick < 0.6:
                    values.append((rng.uniform(-10, 10), float(rng.randint(-40, 40))))
                elif pick < 0.8:
                    values.append((_log_uniform(rng, -10, 10), rng.uniform(-3, 3)))
                else:
                    values.append((_log_uniform(rng), _random_bits(rng) if rng.random() < 0.2 else rng.uniform(-2, 2)))
            elif pick < 0.6:
                values.append((rng.uniform(-10, 10), rng.uniform(-10, 10)))
            else:
                values.append((_log_uniform(rng), _log_uniform(rng)))
        return values[:count]
    values = [(x,) for x in SPECIAL]
    ranges = RANGES.get(function, [])
    while len(values) < count:
        pick = rng.random()
        if ranges and pick < 0.6:
            low, high = rng.choice(ranges)
            values.append((rng.uniform(low, high),))
        elif pick < 0.9:
            values.append((_log_uniform(rng),))
        else:
            values.append((_random_bits(rng),))
    return values[:count]


def program(function, cases):
    """A JS program printing Math[function](...case) for every case, one per line (-0 kept)."""
    def literal(x):
        if x != x:
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return "-0" if x == 0 and math.copysign(1, x) < 0 else repr(x)
    rows = ",\n".join("[" + ",".join(literal(x) for x in case) + "]" for case in cases)
    return (f"var cases = [\n{rows}];\nvar out = [];\n"
            f"for (var i = 0; i < cases.length; i++) {{ var r = Math.{function}.apply(null, cases[i]);"
            f" out.push(Object.is(r, -0) ? '-0' : String(r)); }}\nconsole.log(out.join('\\n'));\n")


def compare(function, cases, run_ours, run_node):
    """The cases whose results differ: [(case, ours, node)]."""
    code = program(function, cases)
    ours, theirs = run_ours(code), run_node(code)
    assert ours.returncode == 0, ours.stderr
    assert theirs.returncode == 0, theirs.stderr
    ours_lines, node_lines = ours.stdout.splitlines(), theirs.stdout.splitlines()
    assert len(ours_lines) == len(node_lines) == len(cases)
    return [(case, a, b) for case, a, b in zip(cases, ours_lines, node_lines) if a != b]


ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


def _runner(argv_prefix):
    """run(code): the completed process of `argv_prefix FILE` on a temp file holding `code`."""
    def run(code):
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as handle:
            handle.write(code)
        try:
            env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
            return subprocess.run([*argv_prefix, handle.name], cwd=ROOT, capture_output=True, text=True,
                                  timeout=120, env=env)
        finally:
            os.unlink(handle.name)
    return run


run_ours = _runner([sys.executable, "-m", "jsthreads", "run"])
run_node = _runner([NODE or "node"])


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("functions", nargs="*", default=list(FUNCTIONS))
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--show", type=int, default=3, help="mismatches shown per function")
    args = parser.parse_args(argv)
    total = total_bad = 0
    for function in args.functions:
        cases = inputs(function, args.count)
        bad = compare(function, cases, run_ours, run_node)
        total += len(cases)
        total_bad += len(bad)
        print(f"{function:6} {len(bad):5} / {len(cases)} differ ({100 * len(bad) / len(cases):.2f}%)")
        for case, a, b in bad[:args.show]:
            print(f"    {function}{tuple(case)!r}: ours {a}, node {b}")
    print(f"total  {total_bad:5} / {total} differ ({100 * total_bad / total:.2f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
