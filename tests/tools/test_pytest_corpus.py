"""jsthreads/pytest_corpus.py: collection of corpus/**/*.js as per-mode items and their outcomes,
through a real pytest subprocess (with and without pytest-xdist) on a temporary corpus."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, fake_engine_cmd) -> Path:
    files = {
        "pytest.ini": "[pytest]\n",  # pins the rootdir, as the repository's pyproject.toml will
        "corpus/language/ok.js": 'print("ok");\n',
        "corpus/language/ok.expected": "ok\n",
        "corpus/language/diff.js": 'print("actual");\n',
        "corpus/language/diff.expected": "expected\n",
        "corpus/language/skipped.js": "// @skip: not yet\n",
        "corpus/threads/only_threads.js": "// @modes: threads\n// @repeat: 2\nprint(1);\n",
        "corpus/threads/harness/helper.js": "null.x;\n",
        "corpus/threads/_private.js": "null.x;\n",
        "elsewhere/not_corpus.js": "null.x;\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def run_pytest(project: Path, engine: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, JSTHREADS_ENGINE_CMD=engine, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "pytest", "-p", "jsthreads.pytest_corpus", "-p", "no:cacheprovider",
               "-o", "addopts=", *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120)


def test_collects_one_item_per_mode(project, fake_engine_cmd):
    done = run_pytest(project, fake_engine_cmd, "--collect-only", "-q", ".")
    collected = [line for line in done.stdout.splitlines() if "::" in line]
    assert collected == [
        "corpus/language/diff.js::gil",
        "corpus/language/diff.js::threads",
        "corpus/language/ok.js::gil",
        "corpus/language/ok.js::threads",
        "corpus/language/skipped.js::gil",
        "corpus/language/skipped.js::threads",
        "corpus/threads/only_threads.js::threads",
    ], done.stdout + done.stderr


def test_corpus_mode_option_restricts_modes(project, fake_engine_cmd):
    done = run_pytest(project, fake_engine_cmd, "--collect-only", "-q", "--corpus-mode", "gil", "corpus")
    collected = [line for line in done.stdout.splitlines() if "::" in line]
    assert collected == ["corpus/language/diff.js::gil", "corpus/language/ok.js::gil",
                         "corpus/language/skipped.js::gil"]


def test_outcomes_and_failure_diff(project, fake_engine_cmd):
    done = run_pytest(project, fake_engine_cmd, "-rs", "corpus")
    assert done.returncode == 1
    assert "2 failed, 3 passed, 2 skipped" in done.stdout, done.stdout
    assert "corpus/language/diff.js [gil]: output differs from diff.expected" in done.stdout
    assert "-expected\n+actual" in done.stdout
    assert "SKIPPED [2] corpus/language/skipped.js: not yet" in done.stdout


def test_runs_under_xdist_with_race_seed(project, fake_engine_cmd):
    (project / "corpus/threads/seed.js").write_text(textwrap.dedent("""\
        // @modes: gil
        // @repeat: 3
        if (process.env.JSTHREADS_RACE === "42") throw new Error("seed 42 reached");
    """))
    done = run_pytest(project, fake_engine_cmd, "-n", "2", "--corpus-race", "40", "-k", "seed")
    assert done.returncode == 1, done.stdout
    assert "1 failed" in done.stdout
    assert "Uncaught Error: seed 42 reached" in done.stdout
    assert "failed on repeat 3 of 3, race seed 42" in done.stdout


def test_corpus_repeat_overrides_the_directive_with_race_seeds(project, fake_engine_cmd):
    (project / "corpus/threads/seed.js").write_text(textwrap.dedent("""\
        // @modes: gil
        if (process.env.JSTHREADS_RACE === "7") throw new Error("seed 7 reached");
    """))
    done = run_pytest(project, fake_engine_cmd, "--corpus-race", "1", "--corpus-repeat", "10", "-k", "seed")
    assert done.returncode == 1, done.stdout
    assert "failed on repeat 7 of 10, race seed 7" in done.stdout
    done = run_pytest(project, fake_engine_cmd, "--corpus-race", "1", "--corpus-repeat", "5", "-k", "seed")
    assert done.returncode == 0, done.stdout
