"""tools/bench.py --threads --cpu-time: process CPU time next to wall time, so that contention
(extra CPU of the 2-thread runs) and the --threads/--gil work ratio can be read on a loaded
machine, where wall-clock speedups say little."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.tools.test_bench import tiny_threads_dir

REPO = Path(__file__).resolve().parents[2]


def test_threads_set_records_cpu_time_for_jsthreads_runs_only(bench_tool, monkeypatch, tmp_path, capsys):
    from rich.console import Console

    monkeypatch.setattr(bench_tool, "THREADS_DIR", tiny_threads_dir(tmp_path))
    monkeypatch.setattr(bench_tool, "BENCH_DIR", tmp_path)
    # Enough work that the CPU clock (tens of ms granularity at worst) sees it.
    (tmp_path / "tiny.js").write_text("let s = 0; for (let i = 0; i < 300000; i++) s += i % 7; s;\n")
    results = bench_tool.run_threads_benches(2, ["numeric", "tiny"], Console(width=200), with_node=False)
    numeric = [case for case in results["cases"] if case["group"] == "numeric"]
    assert len(numeric) == 2
    for case in numeric:
        for name in ("jsthreads --threads", "jsthreads --gil"):
            slot = case["engines"][name]
            assert slot["error"] is None and len(slot["cpu"]) == len(slot["times"]) == 2
            assert all(cpu >= 0 for cpu in slot["cpu"])
        assert "cpu" not in case["engines"]["node workers"]   # node runs in another process
    tiny = results["single"]["tiny"]["jsthreads --threads"]
    assert bench_tool.cpu_ms(tiny) > 0

    bench_tool.print_threads_report(Console(width=250), results, show_cpu=True)
    out = capsys.readouterr().out
    assert "cpu 2x1 / 1x2" in out and "(cpu " in out and "geomean threads/gil" in out
    assert out.count(" cpu ") >= 2   # the single set's ratio and its geomean

    bench_tool.print_threads_report(Console(width=250), results)   # without the flag: wall only
    assert "(cpu " not in capsys.readouterr().out

    document = tmp_path / "threads.json"
    bench_tool.write_threads_json(document, results)
    written = json.loads(document.read_text())
    assert len(written["single"]["tiny"]["jsthreads --gil"]["cpu_ms"]) == 2


def test_cpu_time_flag_is_on_the_command_line():
    done = subprocess.run([sys.executable, str(REPO / "tools" / "bench.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--cpu-time" in done.stdout
