"""tools/test262.py: the frontmatter parser, the pass rules of INTERPRETING.md, source building,
the known-failures list, and a run of real test262 files against the node-backed fake engine."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

TEST262 = Path(__file__).resolve().parents[2] / ".." / "shared" / "test262"
needs_test262 = pytest.mark.skipif(not (TEST262 / "harness" / "assert.js").exists(),
                                   reason="../shared/test262 is not present")

# Real files from smoke.txt, one or more of each kind the runner treats differently.
SAMPLE = [
    "test/built-ins/Array/S15.4.1_A1.1_T3.js",
    "test/built-ins/Array/from/items-is-null-throws.js",
    "test/built-ins/Array/from/iter-map-fn-this-non-strict.js",  # noStrict
    "test/built-ins/Array/from/proto-from-ctor-realm.js",  # needs $262.createRealm: fails
    "test/built-ins/Array/isArray/15.4.3.2-1-11.js",
    "test/built-ins/Array/length/S15.4.5.1_A1.3_T1.js",
    "test/built-ins/Array/of/return-abrupt-from-data-property-using-proxy.js",
    "test/built-ins/Array/prototype/concat/prop-desc.js",  # includes propertyHelper.js
    "test/built-ins/Array/prototype/copyWithin/name.js",
    "test/built-ins/Array/prototype/find/predicate-call-this-strict.js",  # onlyStrict
    "test/built-ins/AsyncFromSyncIteratorPrototype/next/iterator-result-poisoned-value.js",  # async
    "test/built-ins/RegExp/property-escapes/character-class-range-start.js",  # negative, parse
    "test/language/asi/S7.9.2_A1_T6.js",  # negative, parse
    "test/language/asi/S7.9_A5.7_T1.js",
    "test/language/directive-prologue/10.1.1-5gs.js",  # raw, negative parse
    "test/language/line-terminators/comment-multi-ls.js",  # negative, runtime
    "test/language/statements/const/global-use-before-initialization-in-prior-statement.js",
    "test/language/types/reference/get-value-prop-base-primitive-realm.js",  # createRealm again
    "test/built-ins/JSON/stringify/value-bigint-cross-realm.js",  # and again
    "test/built-ins/Math/acosh/nan-returns.js",
]


# --- frontmatter -----------------------------------------------------------------------------


def test_frontmatter_subset(test262_tool):
    source = textwrap.dedent("""\
        // Copyright
        /*---
        esid: sec-array.from
        description: >
          Folded text that continues
          on a second line.
        info: |
          Array.from ( items [ , mapfn [ , thisArg ] ] )

          flags: this line is prose inside a block, not a key
        includes: [propertyHelper.js, "compareArray.js"]
        flags: [onlyStrict, async]
        negative:
          phase: parse
          type: SyntaxError
        features:
          - Symbol.iterator
          - 'Proxy'
        ---*/
        $DONOTEVALUATE();
        """)
    meta = test262_tool.parse_frontmatter(source)
    assert meta["esid"] == "sec-array.from"
    assert meta["description"] == "Folded text that continues on a second line."
    assert meta["info"].startswith("Array.from ( items") and "flags: this line" in meta["info"]
    assert meta["includes"] == ["propertyHelper.js", "compareArray.js"]
    assert meta["flags"] == ["onlyStrict", "async"]
    assert meta["negative"] == {"phase": "parse", "type": "SyntaxError"}
    assert meta["features"] == ["Symbol.iterator", "Proxy"]


def test_frontmatter_flow_list_over_two_lines(test262_tool):
    meta = test262_tool.parse_yaml_subset("features: [a,\n  b, c]\nflags: []\n")
    assert meta == {"features": ["a", "b", "c"], "flags": []}


def make_test(tool, tmp_path, frontmatter: str, body: str = "1;\n"):
    file = tmp_path / "t.js"
    file.write_text(f"/*---\n{frontmatter}\n---*/\n{body}")
    return tool.load_test262_test(tmp_path, file)


@pytest.mark.parametrize("flags, modes", [
    ("", ["default", "strict"]),
    ("flags: [onlyStrict]", ["strict"]),
    ("flags: [noStrict]", ["default"]),
    ("flags: [raw]", ["default"]),
    ("flags: [module]", []),
    ("flags: [CanBlockIsFalse]", []),
    ("flags: [CanBlockIsTrue]", ["default", "strict"]),
])
def test_modes_follow_flags(test262_tool, tmp_path, flags, modes):
    test = make_test(test262_tool, tmp_path, "description: x\n" + flags)
    assert test262_tool.run_modes(test)[0] == modes


# --- judging ---------------------------------------------------------------------------------


def test_negative_parse_needs_a_parse_time_syntax_error(test262_tool, tmp_path):
    test = make_test(test262_tool, tmp_path, "negative:\n  phase: parse\n  type: SyntaxError")
    judge = test262_tool.judge
    assert judge(test, 1, "", "SyntaxError: Unexpected token\n    at t.js:3:5\n")[0]
    # Thrown while running (lazy early errors, or the body reached $DONOTEVALUATE) is not parse time.
    assert not judge(test, 1, "", "Uncaught SyntaxError: late\n")[0]
    assert not judge(test, 1, "", "Uncaught Test262: This statement should not be evaluated.\n")[0]
    assert not judge(test, 0, "", "")[0]


def test_negative_runtime_needs_the_named_uncaught_error(test262_tool, tmp_path):
    test = make_test(test262_tool, tmp_path, "negative:\n  phase: runtime\n  type: ReferenceError")
    judge = test262_tool.judge
    assert judge(test, 1, "", "Uncaught ReferenceError: x is not defined\n    at <anonymous> (t.js:1:1)\n")[0]
    assert not judge(test, 1, "", "Uncaught TypeError: nope\n")[0]
    assert not judge(test, 1, "", "ReferenceError: early\n")[0]


def test_async_needs_the_completion_message(test262_tool, tmp_path):
    test = make_test(test262_tool, tmp_path, "flags: [async]")
    judge = test262_tool.judge
    assert judge(test, 0, "Test262:AsyncTestComplete\n", "")[0]
    assert not judge(test, 0, "", "")[0]
    passed, reason = judge(test, 0, "Test262:AsyncTestFailure:Test262Error: boom\n", "")
    assert not passed and reason == "Test262:AsyncTestFailure:Test262Error: boom"


@needs_test262
def test_source_is_strict_prefix_prelude_harness_then_test(test262_tool, tmp_path):
    test = make_test(test262_tool, tmp_path, "includes: [compareArray.js]\nflags: [async]", "done();\r\n")
    harness = test262_tool.Harness(TEST262.resolve())
    source = test262_tool.build_source(test, "strict", harness)
    assert source.startswith(b'"use strict";\n(function (global) {')
    order = [source.index(marker) for marker in
             (b"function Test262Error", b"function $DONE", b"Deprecated now that compareArray", b"done();\r\n")]
    assert order == sorted(order)
    raw = make_test(test262_tool, tmp_path, "flags: [raw]", "'use strict'\n")
    assert test262_tool.build_source(raw, "default", harness) == raw.file.read_bytes()


# --- known failures --------------------------------------------------------------------------


def test_known_failures_round_trip(test262_tool, tmp_path):
    known_file = tmp_path / "known.txt"
    known_file.write_text("# comment\ntest/a.js strict\ntest/b.js\ntest/c.js default  # flaky\n")
    known = test262_tool.read_known(known_file)
    assert known == {("test/a.js", "strict"), ("test/b.js", None), ("test/c.js", "default")}
    assert test262_tool.is_known(known, "test/b.js", "default")
    assert not test262_tool.is_known(known, "test/a.js", "default")

    def run(path, mode, status):
        test = test262_tool.Test262Test(path, tmp_path / "x.js", (), frozenset(), None, ())
        return test262_tool.Run(test, mode, status)

    # b.js ran and failed only in strict; a.js now passes; c.js did not run and is kept.
    runs = [run("test/a.js", "strict", "pass"), run("test/b.js", "default", "pass"),
            run("test/b.js", "strict", "fail"), run("test/d.js", "default", "timeout")]
    test262_tool.write_known(known_file, known, runs)
    lines = [line for line in known_file.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["test/b.js strict", "test/c.js default", "test/d.js default"]


# --- real runs -------------------------------------------------------------------------------


@needs_test262
def test_real_files_against_node(test262_tool, fake_engine, tmp_path, capsys):
    known = tmp_path / "known.txt"
    args = ["--root", str(TEST262), "--known-failures", str(known), "--jobs", "4", "-q", *SAMPLE]
    assert test262_tool.main([*args, "--update-known", "--json", str(tmp_path / "out.json")]) == 0
    capsys.readouterr()
    records = {(r["path"], r["mode"]): r for r in json.loads((tmp_path / "out.json").read_text())["results"]}
    failing = sorted(key for key, record in records.items() if record["status"] != "pass")
    realm = [path for path in SAMPLE if "realm" in path]
    assert failing == sorted((path, mode) for path in realm for mode in ("default", "strict"))
    assert "$262.createRealm is not a function" in records[(realm[0], "strict")]["reason"]
    # Flags decide the modes: noStrict, onlyStrict and raw tests run once.
    assert (SAMPLE[2], "strict") not in records and (SAMPLE[9], "default") not in records
    assert (SAMPLE[14], "strict") not in records and records[(SAMPLE[14], "default")]["status"] == "pass"
    listed = [line for line in known.read_text().splitlines() if not line.startswith("#")]
    assert listed == sorted(f"{path} {mode}" for path, mode in failing)

    # With the list in place the same run is clean, and the table counts runs per folder.
    assert test262_tool.main(args) == 0
    out = capsys.readouterr().out
    assert "OK: no new failures" in out
    assert "built-ins/Array" in out and "language/asi" in out
    passing = len(records) - len(failing)
    assert f"{passing} / {len(records)} runs passing" in out


@needs_test262
def test_new_failures_and_unexpected_passes_fail_the_run(test262_tool, fake_engine, tmp_path, capsys):
    known = tmp_path / "known.txt"
    known.write_text("test/built-ins/Math/acosh/nan-returns.js strict\n")
    code = test262_tool.main(["--root", str(TEST262), "--known-failures", str(known), "-q",
                              "test/built-ins/Math/acosh/nan-returns.js", SAMPLE[3]])
    out = capsys.readouterr().out
    assert code == 1
    assert "new failures (2):" in out and f"{SAMPLE[3]} default: Uncaught TypeError" in out
    assert "unexpected passes (listed as known failures) (1):" in out
    assert "test/built-ins/Math/acosh/nan-returns.js strict" in out
    assert "--update-known" in out
    assert known.read_text() == "test/built-ins/Math/acosh/nan-returns.js strict\n"  # untouched


@needs_test262
def test_timeout_counts_as_failure(test262_tool, fake_engine, tmp_path, capsys):
    hang = tmp_path / "test" / "hang.js"
    hang.parent.mkdir()
    hang.write_text("/*---\nflags: [noStrict]\n---*/\nwhile (true) {}\n")
    json_file = tmp_path / "out.json"
    code = test262_tool.main(["--root", str(TEST262), "--known-failures", str(tmp_path / "none.txt"), "-q",
                              "--timeout", "1", "--json", str(json_file), str(hang)])
    assert code == 1
    (record,) = json.loads(json_file.read_text())["results"]
    assert (record["status"], record["reason"]) == ("timeout", "timed out after 1 s")
