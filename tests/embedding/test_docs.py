"""docs/embedding.md's Python blocks and examples/embed_*.py run as written."""
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "embedding.md").read_text(), re.S)
EXAMPLES = sorted((ROOT / "examples").glob("embed_*.py"))


def test_the_guide_has_examples():
    assert len(BLOCKS) >= 6 and len(EXAMPLES) >= 3


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_doc_block_runs(block):
    exec(compile(block, "docs/embedding.md", "exec"), {"__name__": "__doc_example__"})


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path, capsys):
    runpy.run_path(str(path), run_name="__main__")
    assert capsys.readouterr().out.strip()   # each example prints what it shows
