"""tools/test262.py's batch mode and jsthreads/test262_worker.py: the worker's JSON-lines protocol
on the real engine, crash/timeout/recycling with a scripted fake worker, and a differential run
of real test262 files in batch and --isolated modes, which must agree on every run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TEST262 = REPO / ".." / "shared" / "test262"
needs_test262 = pytest.mark.skipif(not (TEST262 / "harness" / "assert.js").exists(),
                                   reason="../shared/test262 is not present")


@pytest.fixture
def real_engine(monkeypatch):
    """Both modes on this checkout's engine, even where the suite points tools at a fake one."""
    monkeypatch.delenv("JSTHREADS_ENGINE_CMD", raising=False)


# --- the worker on the real engine -----------------------------------------------------------


def start_worker(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen([sys.executable, "-m", "jsthreads.test262_worker", *args], cwd=REPO, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_worker_answers_each_request_from_a_fresh_engine(real_engine):
    requests = [
        {"id": 1, "source": "var leaked = 1; print('a'); console.log('b', 2);", "filename": "a.js", "flags": []},
        {"id": 2, "source": "print(typeof leaked); console.error('to stderr');", "filename": "b.js", "flags": []},
        {"id": 3, "source": "throw new TypeError('boom');", "filename": "c.js", "flags": ["onlyStrict"]},
        {"id": 4, "source": "print('never'); var 1x;", "filename": "d.js", "flags": []},
        {"id": "five", "source": "print('\u00e9\\u2028')", "filename": "e.js", "flags": []},
    ]
    worker = start_worker()
    stdout, stderr = worker.communicate("".join(json.dumps(r) + "\n" for r in requests), timeout=60)
    assert worker.returncode == 0, stderr
    ready, *answers = [json.loads(line) for line in stdout.splitlines()]
    assert ready["ready"] is True and ready["pid"] == worker.pid
    reports = [answer.pop("report") for answer in answers]
    assert reports[0] == reports[1] == reports[4] == ""
    assert reports[2].startswith("Uncaught TypeError: boom\n    at ") and "c.js:1:" in reports[2]
    assert reports[3].startswith("SyntaxError: Unexpected number\n    at d.js:1:")
    assert answers == [
        {"id": 1, "status": "ok", "stdout": "a\nb 2\n", "error": ""},
        {"id": 2, "status": "ok", "stdout": "undefined\n", "error": ""},  # nothing leaks between tests
        {"id": 3, "status": "uncaught", "stdout": "", "error": "Uncaught TypeError: boom"},
        {"id": 4, "status": "syntax", "stdout": "", "error": "SyntaxError: Unexpected number"},
        {"id": "five", "status": "ok", "stdout": "\u00e9\u2028\n", "error": ""},
    ]
    assert stderr == "to stderr\n"  # console.error stays on fd 2, where the parent reads it


# --- crash, timeout, recycling: a scripted worker --------------------------------------------

# Speaks the worker protocol; what it does depends on words in the test's source.
FAKE_WORKER = textwrap.dedent("""\
    import json, os, sys, time
    out = os.fdopen(os.dup(1), "w")
    out.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\\n"); out.flush()
    for count, line in enumerate(sys.stdin):
        request = json.loads(line)
        source = request["source"]
        if "CRASH" in source and ("IF_USED" not in source or count > 0):
            sys.stderr.write("jsthreads: fatal heap error: boom\\n"); sys.stderr.flush()
            os.abort()
        if "HANG" in source:
            time.sleep(600)
        if "STDERR" in source:
            sys.stderr.write("a console.error line\\n"); sys.stderr.flush()
        status, error = ("uncaught", "Uncaught Error: pid %d" % os.getpid()) if "PID" in source else ("ok", "")
        out.write(json.dumps({"id": request["id"], "status": status, "stdout": "", "error": error}) + "\\n")
        out.flush()
    """)


@pytest.fixture
def fake_worker(test262_tool, monkeypatch, tmp_path, real_engine):
    script = tmp_path / "fake_worker.py"
    script.write_text(FAKE_WORKER)
    monkeypatch.setattr(test262_tool, "worker_command", lambda engine_args: [sys.executable, str(script)])
    return script


def write_tests(root: Path, bodies: dict[str, str]) -> list[str]:
    (root / "test").mkdir(exist_ok=True)
    for name, body in bodies.items():
        (root / "test" / name).write_text(f"/*---\nflags: [raw]\n---*/\n{body}\n")
    return [str(root / "test" / name) for name in bodies]


def run_tool(tool, root: Path, paths: list[str], *extra: str) -> dict[str, dict]:
    out = root / "out.json"
    code = tool.main(["--root", str(root), "--known-failures", str(root / "known.txt"), "-q", "--json", str(out),
                      *extra, *paths])
    assert code in (0, 1)
    return {Path(r["path"]).name: r for r in json.loads(out.read_text())["results"]}


def test_crash_and_timeout_fail_one_run_and_a_fresh_worker_continues(test262_tool, fake_worker, tmp_path):
    paths = write_tests(tmp_path, {"a.js": "1", "crash.js": "CRASH", "b.js": "2", "hang.js": "HANG",
                                   "c.js": "3", "err.js": "STDERR"})
    started = time.monotonic()
    results = run_tool(test262_tool, tmp_path, paths, "--jobs", "1", "--timeout", "1")
    assert time.monotonic() - started < 30
    assert {name: r["status"] for name, r in results.items()} == {
        "a.js": "pass", "crash.js": "crash", "b.js": "pass", "hang.js": "timeout", "c.js": "pass", "err.js": "pass"}
    assert results["crash.js"]["reason"] == "crash: worker killed by SIGABRT; jsthreads: fatal heap error: boom"
    assert results["crash.js"]["exit_code"] == -6
    assert results["hang.js"]["reason"] == "timed out after 1 s"


def test_a_crash_is_confirmed_in_a_fresh_worker(test262_tool, fake_worker, tmp_path, capsys):
    # A crash that needs an earlier test in the same worker is not the test's own: the rerun counts.
    paths = write_tests(tmp_path, {"a.js": "1", "b.js": "CRASH IF_USED"})
    results = run_tool(test262_tool, tmp_path, paths, "--jobs", "1")
    assert results["b.js"]["status"] == "pass"
    assert results["b.js"]["crashed_earlier"].startswith("crash: worker killed by SIGABRT")
    out = capsys.readouterr().out
    assert "crashed a worker that had run other tests, but not a fresh one (1):" in out


def test_stderr_of_a_run_is_judged_like_a_subprocess(test262_tool, fake_worker, tmp_path):
    # An uncaught error after console.error: the CLI's stderr starts with the console line.
    (tmp_path / "test").mkdir()
    (tmp_path / "test" / "neg.js").write_text(
        "/*---\nflags: [raw]\nnegative:\n  phase: runtime\n  type: Error\n---*/\nSTDERR PID\n")
    results = run_tool(test262_tool, tmp_path, [str(tmp_path / "test" / "neg.js")])
    assert results["neg.js"]["status"] == "fail"
    assert results["neg.js"]["reason"] == "expected an uncaught Error, got: a console.error line"


def test_workers_are_recycled_after_a_number_of_tests(test262_tool, fake_worker, tmp_path, monkeypatch):
    monkeypatch.setattr(test262_tool, "WORKER_MAX_TESTS", 2)
    paths = write_tests(tmp_path, {f"t{index}.js": "PID" for index in range(5)})
    results = run_tool(test262_tool, tmp_path, paths, "--jobs", "1")
    pids = [r["reason"].rsplit(" ", 1)[1] for _, r in sorted(results.items())]
    assert len(pids) == 5 and pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_a_worker_that_cannot_start_stops_the_run(test262_tool, monkeypatch, tmp_path, capsys, real_engine):
    command = [sys.executable, "-c", "import sys; sys.exit('ImportError: no _core*.so here')"]
    monkeypatch.setattr(test262_tool, "worker_command", lambda engine_args: command)
    paths = write_tests(tmp_path, {"a.js": "1"})
    code = test262_tool.main(["--root", str(tmp_path), "--known-failures", str(tmp_path / "k.txt"), "-q", *paths])
    assert code == 2
    err = capsys.readouterr().err
    assert "the test262 worker did not start (exit code 1)" in err and "no _core*.so here" in err


# --- batch and --isolated agree on real test262 files ----------------------------------------


@needs_test262
def test_batch_and_isolated_modes_agree_on_a_smoke_sample(test262_tool, tmp_path, capsys, real_engine):
    lines = [line.strip() for line in (TEST262 / "smoke.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    sample = lines[::len(lines) // 60][:60]
    outcomes = {}
    for mode in ("batch", "isolated"):
        out = tmp_path / f"{mode}.json"
        flags = ["--isolated"] if mode == "isolated" else []
        test262_tool.main(["--root", str(TEST262), "--known-failures", str(tmp_path / "none.txt"), "-q",
                           "--jobs", "2", "--json", str(out), *flags, *sample])
        outcomes[mode] = {(r["path"], r["mode"]): (r["status"], r["reason"])
                          for r in json.loads(out.read_text())["results"]}
    capsys.readouterr()
    assert outcomes["batch"].keys() == outcomes["isolated"].keys()
    assert len(outcomes["batch"]) > 60
    differ = {key: (outcomes["batch"][key], outcomes["isolated"][key]) for key in outcomes["batch"]
              if (outcomes["batch"][key][0] == "pass") != (outcomes["isolated"][key][0] == "pass")}
    assert differ == {}
