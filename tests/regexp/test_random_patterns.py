"""Differential fuzzing of the regexp engine against node: random patterns from a small grammar
(groups, named groups, lookarounds, backreferences, quantifiers, classes, Annex B oddities,
unicode escapes) with random flags, run over a fixed set of strings. Syntax errors must agree
too, message included. Fixed seeds, so a failure reproduces."""
import json
import random

import pytest


ATOMS = {
    "basic": ["a", "b", "c", ".", r"\d", r"\w", r"\s", r"\b", r"\B", "^", "$", "[ab]", "[^a]", "[a-c]",
              r"\1", r"\2", "(?:a|b)", "x", "A", r"\u0041", r"\x62", r"[\s\S]", r"\W", r"[\b]", r"\k<n>"],
    "annex_b_unicode": ["a", "b", r"\p{Lu}", r"\P{L}", r"[\d-]", r"[\w-z]", r"\0", r"\07", r"\8", "{", "}", "]",
                        r"\cA", r"\c", r"[\cA-\cZ]", r"\u{61}", r"\ud83d\ude00", r"[\ud83d\ude00-\ude4f]", r"\1",
                        r"(a)\1", r"[^\W]", r"\S", "s", "k", r"\u017f", "[a-z]", "[^]", "[]", "."],
}
QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "??", "{1,3}?"]
FLAGS = ["", "i", "g", "m", "s", "u", "iu", "y", "gi"]
STRINGS = ["", "a", "ab", "abc", "aAbBcC", "xx ab\nba 12", "bbbaaac", "AbA ba_9 ", "a\u017fK\u212a",
           "\U0001F600ab"]
PROGRAM = """
for (var [p, f] of C) {
  var out = [], r;
  try { r = new RegExp(p, f) } catch (e) { console.log(JSON.stringify(p), f, e.message); continue }
  for (var s of S) {
    r.lastIndex = 0;
    var m = r.exec(s);
    out.push(m ? [m.index, Array.from(m), m.groups ? Object.entries(m.groups) : null, r.lastIndex] : null);
  }
  console.log(JSON.stringify(p), f, JSON.stringify(out));
}
"""


def pattern(rng, atoms):
    def term(depth):
        if depth < 3 and rng.random() < 0.25:
            kind = rng.choice(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>"])
            quantified = kind in ("(", "(?:") or (kind in ("(?=", "(?!") and rng.random() < 0.2)
            return kind + alternatives(depth + 1) + ")" + (rng.choice(QUANTIFIERS) if quantified else "")
        return rng.choice(atoms) + rng.choice(QUANTIFIERS)

    def alternatives(depth):
        return "|".join("".join(term(depth) for _ in range(rng.randint(0, 4)))
                        for _ in range(rng.choice([1, 1, 1, 2, 3])))
    return alternatives(0)


@pytest.mark.parametrize("grammar", sorted(ATOMS))
@pytest.mark.parametrize("seed", [1, 2])
def test_random_patterns_agree_with_node(grammar, seed, run_both):
    rng = random.Random(f"{grammar}-{seed}")
    cases = [(pattern(rng, ATOMS[grammar]), rng.choice(FLAGS)) for _ in range(250)]
    code = f"var C = {json.dumps(cases)}, S = {json.dumps(STRINGS)};\n" + PROGRAM
    ours, theirs = run_both(code)
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    for mine, node in zip(ours.stdout.splitlines(), theirs.stdout.splitlines()):
        assert mine == node
    assert len(ours.stdout.splitlines()) == len(theirs.stdout.splitlines())
