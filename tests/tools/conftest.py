"""Fixtures for the tooling tests: a node-backed fake engine (fake_engine.js speaks the jsthreads
CLI contract) selected through JSTHREADS_ENGINE_CMD, and the scripts in tools/ loaded as modules
(tools/ is not a package)."""

from __future__ import annotations

import importlib.util
import shlex
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FAKE_ENGINE = Path(__file__).resolve().with_name("fake_engine.js")
NODE = shutil.which("node")



@pytest.fixture
def fake_engine_cmd() -> str:
    if NODE is None:
        pytest.skip("node is not installed")
    return shlex.join([NODE, str(FAKE_ENGINE)])


@pytest.fixture
def fake_engine(monkeypatch, fake_engine_cmd) -> str:
    """Points every tool at the fake engine for the duration of a test."""
    monkeypatch.setenv("JSTHREADS_ENGINE_CMD", fake_engine_cmd)
    return fake_engine_cmd


def load_tool(name: str):
    """Imports tools/<name>.py as a module (cached in sys.modules under `tools_<name>`)."""
    module_name = f"tools_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, REPO / "tools" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


@pytest.fixture
def test262_tool():
    return load_tool("test262")


@pytest.fixture
def bench_tool():
    return load_tool("bench")
