"""jsthreads/corpus.py: directives, discovery, running and judging one test, and the
`jsthreads corpus` command line, against the node-backed fake engine."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from jsthreads import corpus


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return path


# --- directives ------------------------------------------------------------------------------


def test_directives_default_to_both_modes_one_run():
    directives = corpus.parse_directives("print(1);\n")
    assert directives == corpus.Directives()
    assert directives.modes == ("gil", "threads")


def test_directives_are_read_from_leading_comment_lines():
    directives = corpus.parse_directives(
        "// A lock stress test.\n"
        "// @modes: threads\n"
        "// @timeout: 2.5\n"
        "// @repeat: 50\n"
        "// @exit: 3\n"
        "print(1);\n"
        "// @skip: ignored, not in the leading comment block\n"
    )
    assert directives == corpus.Directives(modes=("threads",), timeout=2.5, repeat=50, exit=3)


def test_skip_directive_keeps_its_reason():
    assert corpus.parse_directives("// @skip: needs Atomics.waitAsync\n").skip == "needs Atomics.waitAsync"


def test_unknown_directive_is_an_error():
    directives = corpus.parse_directives("// @modes: gil\n// @bogus: 1\n")
    assert "unknown directive @bogus" in directives.error
    assert directives.modes == ("gil",)


@pytest.mark.parametrize("line", ["// @modes: fast", "// @repeat: 0", "// @timeout: soon", "// @modes:"])
def test_bad_directive_values_are_errors(line):
    assert "bad directive" in corpus.parse_directives(line + "\n").error


def test_a_directive_without_its_colon_is_an_error_not_ignored():
    directives = corpus.parse_directives("// @skip engine: hangs\n")
    assert "malformed directive" in directives.error and directives.skip is None


def test_jsc_style_directives_are_not_ours():
    # The peer corpus opens with `//@ requireOptions(...)`: those lines must not be errors.
    assert corpus.parse_directives('//@ requireOptions("--useJSThreads=1")\n').error is None


def test_expected_exit_is_inferred_from_an_uncaught_line():
    plain = corpus.Directives()
    assert corpus.expected_exit_code(plain, None) == 0
    assert corpus.expected_exit_code(plain, "1\n2\n") == 0
    assert corpus.expected_exit_code(plain, "1\nUncaught Error: boom\n    at f (t.js:1:1)\n") == 1
    assert corpus.expected_exit_code(plain, "SyntaxError: bad\n    at t.js:1:5\n    x = ;\n        ^\n") == 1
    assert corpus.expected_exit_code(corpus.Directives(exit=3), "Uncaught Error: x\n") == 3


# --- discovery -------------------------------------------------------------------------------


def test_discover_skips_helpers_and_filters(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ["c/a.js", "c/sub/b.js", "c/harness/h.js", "c/sub/resources/r.js", "c/_helper.js", "c/notes.txt"]:
        write(tmp_path, name, "1;\n")
    assert [t.name for t in corpus.discover(["c"])] == ["c/a.js", "c/sub/b.js"]
    assert [t.name for t in corpus.discover(["c"], filter="sub")] == ["c/sub/b.js"]
    # A file named explicitly is a test even if it looks like a helper.
    assert [t.name for t in corpus.discover(["c/_helper.js"])] == ["c/_helper.js"]
    with pytest.raises(FileNotFoundError):
        corpus.discover(["missing"])


# --- running one test ------------------------------------------------------------------------


def test_passing_test_with_expected_output(tmp_path, fake_engine):
    write(tmp_path, "ok.js", 'print("hello");\nprint(1 + 1);\n')
    write(tmp_path, "ok.expected", "hello\r\n2\n\n\n")  # CRLF and trailing blank lines are normalized
    result = corpus.run_one(corpus.load_test(tmp_path / "ok.js"), "gil", timeout=10)
    assert result.status == "pass", corpus.describe_failure(result)
    assert result.output == "hello\n2\n"


def test_uncaught_error_is_compared_with_stack_and_exit_code(tmp_path, fake_engine):
    write(tmp_path, "err.js", """
        function f() { throw new TypeError("bad thing"); }
        print("before");
        f();
    """)
    write(tmp_path, "err.expected", """
        before
        Uncaught TypeError: bad thing
            at f (err.js:1:22)
            at <anonymous> (err.js:3:1)
    """)
    result = corpus.run_one(corpus.load_test(tmp_path / "err.js"), "threads", timeout=10)
    assert result.status == "pass", corpus.describe_failure(result)
    assert (result.exit_code, result.expected_exit) == (1, 1)


def test_output_mismatch_fails_with_a_diff(tmp_path, fake_engine):
    write(tmp_path, "diff.js", 'print("hullo");\nprint(2);\n')
    write(tmp_path, "diff.expected", "hello\n2\n")
    result = corpus.run_one(corpus.load_test(tmp_path / "diff.js"), "gil", timeout=10)
    assert result.status == "fail"
    assert result.message == "output differs from diff.expected"
    report = corpus.describe_failure(result)
    assert "-hello\n+hullo\n 2" in report
    assert "fake_engine.js run diff.js --gil" in report  # the reproduce line


def test_without_expected_file_the_exit_code_decides(tmp_path, fake_engine):
    write(tmp_path, "throws.js", "null.x;\n")
    result = corpus.run_one(corpus.load_test(tmp_path / "throws.js"), "gil", timeout=10)
    assert result.status == "fail"
    assert result.message == "exit code 1, expected 0"
    assert "Uncaught TypeError" in corpus.describe_failure(result)
    write(tmp_path, "exits.js", "// @exit: 1\nnull.x;\n")
    assert corpus.run_one(corpus.load_test(tmp_path / "exits.js"), "gil", timeout=10).status == "pass"


def test_timeout_kills_the_process_and_keeps_partial_output(tmp_path, fake_engine):
    write(tmp_path, "hang.js", "// @timeout: 1\nprint(process.pid);\nwhile (true) {}\n")
    result = corpus.run_one(corpus.load_test(tmp_path / "hang.js"), "gil", timeout=30)
    assert result.status == "timeout"
    assert result.message == "timed out after 1 s (killed)"
    assert 1 <= result.duration < 5
    pid = int(result.output.split()[0])
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_runs_in_the_test_folder_with_mode_and_race_seed(tmp_path, fake_engine):
    write(tmp_path, "sub/env.js", """
        print(process.cwd());
        print(process.argv.slice(2).join(" "));
        print(process.env.JSTHREADS_RACE);
    """)
    result = corpus.run_one(corpus.load_test(tmp_path / "sub/env.js"), "threads", timeout=10, race_seed=7)
    cwd, argv, seed = result.output.splitlines()
    assert Path(cwd) == (tmp_path / "sub").resolve()
    assert argv == "run env.js --threads"
    assert seed == "7"


def test_skip_modes_and_directive_errors_do_not_run(tmp_path, fake_engine):
    write(tmp_path, "skipped.js", "// @skip: not yet\nnull.x;\n")
    write(tmp_path, "threads_only.js", "// @modes: threads\nnull.x;\n")
    write(tmp_path, "bad.js", "// @frobnicate\n1;\n")
    skipped = corpus.run_one(corpus.load_test(tmp_path / "skipped.js"), "gil", timeout=10)
    assert (skipped.status, skipped.message) == ("skip", "not yet")
    assert corpus.run_one(corpus.load_test(tmp_path / "threads_only.js"), "gil", timeout=10).status == "skip"
    bad = corpus.run_one(corpus.load_test(tmp_path / "bad.js"), "gil", timeout=10)
    assert bad.status == "fail"
    assert "unknown directive @frobnicate" in bad.message


# --- the command line ------------------------------------------------------------------------


def table_row(output: str, first_cell: str) -> list[str] | None:
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("│").split("│")]
        if cells[0] == first_cell:
            return cells
    return None


@pytest.fixture
def small_corpus(tmp_path, monkeypatch, fake_engine):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "corpus/ok.js", 'print("ok");\n')
    write(tmp_path, "corpus/ok.expected", "ok\n")
    write(tmp_path, "corpus/diff.js", 'print("actual");\n')
    write(tmp_path, "corpus/diff.expected", "expected\n")
    write(tmp_path, "corpus/skipped.js", "// @skip: later\n")
    write(tmp_path, "corpus/threads_only.js", "// @modes: threads\n// @repeat: 3\nprint(process.env.JSTHREADS_RACE);\n")
    write(tmp_path, "corpus/bad.js", "// @nope: 1\n")
    write(tmp_path, "corpus/resources/helper.js", "null.x;\n")
    return tmp_path


def test_cli_reports_summary_diff_and_json(small_corpus, capsys):
    code = corpus.main(["corpus", "--json", "out.json", "--race", "10", "--quiet"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL corpus/diff.js [gil]: output differs from diff.expected" in out
    assert "-expected\n+actual" in out
    assert "FAIL corpus/bad.js [gil]: unknown directive @nope" in out
    # Columns: mode, passed, failed, timeout, skipped, runs (processes started).
    assert table_row(out, "gil") == ["gil", "1", "2", "0", "1", "2"]
    assert table_row(out, "threads") == ["threads", "2", "2", "0", "1", "5"]
    records = json.loads((small_corpus / "out.json").read_text())["results"]
    seeds = [r["race_seed"] for r in records if r["test"] == "corpus/threads_only.js"]
    assert seeds == [10, 11, 12]
    assert {(r["test"], r["mode"]) for r in records if r["status"] == "skip"} == {
        ("corpus/skipped.js", "gil"), ("corpus/skipped.js", "threads")}
    diff = next(r for r in records if r["test"] == "corpus/diff.js")
    assert diff["output"] == "actual\n" and diff["exit_code"] == 0
    assert "output" not in next(r for r in records if r["test"] == "corpus/ok.js")


def test_cli_mode_filter_and_repeat(small_corpus, capsys):
    code = corpus.main(["corpus", "--mode", "threads", "-k", "ok", "-k", "threads_only", "--repeat", "2",
                        "--json", "out.json", "-q", "--jobs", "2"])
    assert code == 0, capsys.readouterr().out
    records = json.loads((small_corpus / "out.json").read_text())["results"]
    assert sorted((r["test"], r["mode"], r["repeat"]) for r in records) == [
        ("corpus/ok.js", "threads", 0), ("corpus/ok.js", "threads", 1),
        ("corpus/threads_only.js", "threads", 0), ("corpus/threads_only.js", "threads", 1),
    ]


def test_repeats_are_queued_round_robin_not_back_to_back(small_corpus, monkeypatch, capsys):
    # Back to back, --jobs 2 would run a test beside its own next repeat (two busy-wait twins on
    # two cores); round-robin puts every other test's run in between.
    started = []
    real_execute = corpus._execute

    def recording(unit, index, args, engine):
        started.append((unit.test.name, index))
        return real_execute(unit, index, args, engine)

    monkeypatch.setattr(corpus, "_execute", recording)
    code = corpus.main(["corpus", "--mode", "threads", "-k", "ok", "-k", "threads_only", "--repeat", "3",
                        "-q", "--jobs", "1"])
    assert code == 0, capsys.readouterr().out
    assert started == [(name, index) for index in range(3)
                       for name in ("corpus/ok.js", "corpus/threads_only.js")]


def test_cli_usage_errors(small_corpus, capsys):
    assert corpus.main(["nowhere"]) == 2
    assert corpus.main(["corpus", "-k", "matches-nothing"]) == 1
    assert "no tests found" in capsys.readouterr().err


def test_engine_command_defaults_to_this_python(monkeypatch):
    monkeypatch.delenv("JSTHREADS_ENGINE_CMD", raising=False)
    assert corpus.engine_command()[1:] == ["-m", "jsthreads"]
    monkeypatch.setenv("JSTHREADS_ENGINE_CMD", "valgrind 'python 3' -m jsthreads")
    assert corpus.engine_command() == ["valgrind", "python 3", "-m", "jsthreads"]


def test_cli_timeout_is_reported(tmp_path, monkeypatch, fake_engine, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "hang.js", "while (true) {}\n")
    assert corpus.main(["hang.js", "--timeout", "1", "--mode", "gil", "-q"]) == 1
    out = capsys.readouterr().out
    assert "TIMEOUT hang.js [gil]: timed out after 1 s (killed)" in out
    assert table_row(out, "gil") == ["gil", "0", "0", "1", "0", "1"]
