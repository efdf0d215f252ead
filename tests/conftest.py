"""Shared fixtures: `run_js` runs JS through the jsthreads CLI in a subprocess (the build that
JSTHREADS_BUILD_DIR selects, else the installed one) and returns (exit code, stdout, stderr)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, cwd=None, stdin=None, env=None):
    environment = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    environment.update(env or {})
    process = subprocess.run([sys.executable, "-m", "jsthreads", *args], cwd=cwd or ROOT, input=stdin,
                             capture_output=True, text=True, timeout=120, env=environment)
    return process.returncode, process.stdout, process.stderr


@pytest.fixture
def cli():
    """cli(*args, cwd=None, stdin=None) -> (exit code, stdout, stderr) of `jsthreads ARGS`."""
    return run_cli


@pytest.fixture
def run_js(tmp_path):
    """run_js(source, name='main.js', *flags) writes source to tmp_path/name and runs it there."""
    def run(source, name="main.js", *flags, env=None):
        (tmp_path / name).write_text(source, encoding="utf-8")
        return run_cli("run", name, *flags, cwd=tmp_path, env=env)
    return run
