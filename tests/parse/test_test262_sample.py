"""A sample of test262's test/language tree through the front end (the full run is
tests/parse/test262_parse_check.py): positive tests parse, parse-negative tests raise
JSSyntaxError, and nothing raises anything else."""

import importlib.util
import os

import pytest

_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test262_parse_check.py")
_spec = importlib.util.spec_from_file_location("test262_parse_check", _SCRIPT)
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

# Listed in jsthreads/parse/early_errors.py's known gaps.
KNOWN_FAILURES = ("arrowparameters-cover-formalparameters-yield", "head-init-async-of",
                  "yield-as-generator-declaration-binding-identifier")

ROOT = check.DEFAULT_ROOT
SAMPLE = check.collect(ROOT, [])[::50] if os.path.isdir(ROOT) else []


@pytest.mark.skipif(not SAMPLE, reason="test262 checkout not available")
@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: os.path.relpath(p, ROOT))
def test_test262_file(path):
    _, kind, failures, crashes = check.check_file(path)
    assert not crashes
    if kind is None or any(k in path for k in KNOWN_FAILURES):
        return
    assert not failures, failures
