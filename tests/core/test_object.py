"""Unit tests of the object model: csrc/structure.c, butterfly.c, object.c and objectexotic.c.

The C driver tests/core/object_test.c is compiled with those files and tests/core/stubs_object.c
(a calloc heap with an explicit-roots collector, Latin-1 strings, the few conversions and error
helpers the object model calls) into a temp dir; each C test runs as its own pytest case.
Invariant tests cite specs/objectmodel.md (OM-1 .. OM-9) in the C source.
"""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CSRC = REPO / "csrc"
HERE = Path(__file__).resolve().parent
SOURCES = [CSRC / "structure.c", CSRC / "butterfly.c", CSRC / "object.c", CSRC / "objectexotic.c",
           HERE / "stubs_object.c", HERE / "object_test.c"]
WARNINGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-I", str(CSRC), "-I", str(HERE)]


def build(directory, flags):
    binary = Path(directory) / "object_test"
    subprocess.run(["gcc", *WARNINGS, *flags, *map(str, SOURCES), "-lm", "-lpthread",
                    "-o", str(binary)], check=True)
    return binary


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    # OBJECT_TEST_CFLAGS="-O2" drops the sanitizers; the default catches memory errors.
    flags = os.environ.get("OBJECT_TEST_CFLAGS",
                           "-O1 -g -fsanitize=address,undefined -fno-sanitize-recover").split()
    return build(tmp_path_factory.mktemp("object"), flags)


def c_test_names():
    """The driver's own list, read from its source so collection needs no compiler."""
    text = (HERE / "object_test.c").read_text()
    table = text[text.index("static const TestCase tests[]"):]
    return [line.split('"')[1] for line in table.splitlines() if line.strip().startswith('{"')]


@pytest.mark.parametrize("name", c_test_names())
def test_object_model(driver, name):
    result = subprocess.run([str(driver), name], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"ok {name}" in result.stdout


def test_driver_lists_every_test(driver):
    listed = subprocess.run([str(driver), "list"], capture_output=True, text=True, check=True)
    assert listed.stdout.split() == c_test_names()


def test_object_model_builds_warning_free_at_O2(tmp_path):
    """The engine build flags: gcc -std=gnu11 -O2 -Wall -Wextra, no warnings."""
    for source in SOURCES[:4]:
        subprocess.run(["gcc", *WARNINGS, "-O2", "-c", str(source), "-o",
                        str(tmp_path / (source.stem + ".o"))], check=True)
