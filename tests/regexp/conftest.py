"""Differential fixture for the RegExp tests: a JS snippet runs through the jsthreads CLI (the
build JSTHREADS_BUILD_DIR selects) and through node, the oracle; stdout and success must agree.
Skips when node is not installed."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


def _run(argv, *extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(list(argv) + list(extra), cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)


def run_jsthreads(code, *flags):
    return _run([sys.executable, "-m", "jsthreads", "run", "-e", code], *flags)


@pytest.fixture
def same_as_node():
    """check(code): stdout and exit status (zero or not) equal node's."""
    if NODE is None:
        pytest.skip("node is not installed")

    def check(code):
        ours, theirs = run_jsthreads(code), _run([NODE, "-e", code])
        assert ours.stdout == theirs.stdout, "stderr:\n" + ours.stderr
        assert (ours.returncode == 0) == (theirs.returncode == 0), ours.stderr
    return check


@pytest.fixture
def jsthreads():
    """run(code, *flags) -> CompletedProcess of the jsthreads CLI."""
    return run_jsthreads


@pytest.fixture
def run_both():
    """run(code) -> (jsthreads result, node result); skips when node is not installed."""
    if NODE is None:
        pytest.skip("node is not installed")
    return lambda code: (run_jsthreads(code), _run([NODE, "-e", code]))
