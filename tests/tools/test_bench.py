"""tools/bench.py and the programs in tools/bench/: the table with node and quickjs, checksum
agreement, the jsthreads adapter's in-process protocol, and start-up timing against the fake engine."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "tools" / "bench"
EXPECTED_BENCHES = {"fib", "loops", "property", "alloc", "closures", "strings", "arrays", "json", "mapset",
                    "methods"}


def test_bench_programs_are_self_contained_and_end_with_a_checksum():
    names = {path.stem for path in BENCH_DIR.glob("*.js")}
    assert EXPECTED_BENCHES <= names
    for path in BENCH_DIR.glob("*.js"):
        source = path.read_text()
        assert not re.search(r"\b(console|print|require|process)\b", source), path.name
        last = [line for line in source.splitlines() if line.strip()][-1]
        assert last.endswith(";") and not last.startswith(("}", "//", "const ", "let ", "var ")), path.name


def test_fib_on_jsthreads_and_node_makes_a_table(fake_engine_cmd, tmp_path):
    # quickjs is only installed with the [bench] extra, so the default run compares with node.
    out_json = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(REPO / "tools" / "bench.py"), "--engines", "jsthreads,node", "-k", "fib",
                           "--repeat", "1", "--json", str(out_json)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("│ fib"))
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert cells[0] == "fib" and float(cells[1]) > 0 and float(cells[2]) > 0 and float(cells[3]) > 0
    assert cells[4] == "1571344"  # both engines agree on the checksum
    assert "geomean" in done.stdout and "/node" in done.stdout
    report = json.loads(out_json.read_text())
    fib = report["benches"]["fib"]
    assert fib["agree"] and fib["engines"]["jsthreads"]["result"] == 1571344
    assert len(fib["engines"]["node"]["times_ms"]) == 1


class FakeRuntime:
    """Stands in for jsthreads.Runtime: records the protocol the bench must follow."""
    log: list[str] = []

    def __init__(self):
        self.log.append("new")

    def eval(self, source, filename=None):
        self.log.append(f"eval {filename}")
        return 7.0 if "fib" in filename else "wrong"

    def close(self):
        self.log.append("close")


class FakeEngine:
    def __init__(self, name, value):
        self.name, self.value, self.unavailable = name, value, None

    def measure(self, path, source):
        return 0.001, self.value


def test_jsthreads_adapter_uses_a_fresh_runtime_per_run(bench_tool, monkeypatch):
    engine = bench_tool.JsthreadsEngine()
    engine.unavailable, engine.module = None, type("jsthreads", (), {"Runtime": FakeRuntime})
    FakeRuntime.log = []
    for _ in range(2):
        seconds, value = engine.measure(BENCH_DIR / "fib.js", "fib(1);")
        assert seconds >= 0 and value == 7.0
    assert FakeRuntime.log == ["new", "eval fib.js", "close"] * 2


def test_disagreeing_engines_are_flagged(bench_tool, capsys):
    from rich.console import Console

    engines = [FakeEngine("jsthreads", 7.0), FakeEngine("quickjs", 7), FakeEngine("node", 8)]
    benches = [BENCH_DIR / "fib.js"]
    console = Console(width=200)
    results = bench_tool.run_benches(benches, engines, 2, console)
    assert results["fib"]["quickjs"]["value"] == 7  # 7.0 and 7 are the same JS number
    assert not bench_tool.agreement(results["fib"])
    bench_tool.print_report(console, results, engines, 2)
    out = capsys.readouterr().out
    assert "MISMATCH" in out and "node=8" in out


def test_unavailable_engine_is_reported_not_fatal(bench_tool, capsys):
    from rich.console import Console

    missing = FakeEngine("jsthreads", None)
    missing.unavailable = "import jsthreads failed: ImportError: no _core"
    engines = [missing, FakeEngine("quickjs", 1)]
    console = Console(width=200)
    results = bench_tool.run_benches([BENCH_DIR / "fib.js"], engines, 1, console)
    bench_tool.print_report(console, results, engines, 1)
    out = capsys.readouterr().out
    assert "n/a" in out and "jsthreads unavailable: import jsthreads failed" in out


def test_startup_compares_the_engine_command_with_node(bench_tool, fake_engine, capsys):
    from rich.console import Console

    results = bench_tool.measure_startup(Console(width=200), runs=2)
    assert set(results) == {"jsthreads", "node"}
    assert all(slot["error"] is None and len(slot["times"]) == 2 for slot in results.values())
    assert "start-up" in capsys.readouterr().out


# --- the threads set (--threads) -------------------------------------------------------------


def tiny_threads_dir(tmp_path: Path) -> Path:
    """The real threads programs, with the two unit workloads swapped for tiny ones."""
    folder = tmp_path / "threads"
    folder.mkdir()
    for path in (BENCH_DIR / "threads").glob("*.js"):
        (folder / path.name).write_text(path.read_text())
    (folder / "numeric.js").write_text("function unit(index) { let s = 0; for (let i = 0; i < 1000; i++) s += i % (index + 2); return s; }\n")
    (folder / "alloc.js").write_text("function unit(index) { const a = []; for (let i = 0; i < 500; i++) a.push({ i }); return a.length + index; }\n")
    return folder


def test_threads_programs_use_the_threads_api_and_define_their_entry_point():
    for path in (BENCH_DIR / "threads").glob("*.js"):
        source = path.read_text()
        assert not re.search(r"\b(console|print|require|process)\b", source), path.name
        assert re.search(r"^function (unit|run)\(", source, re.MULTILINE), path.name


def test_threads_set_runs_every_case_in_both_modes_and_agrees(bench_tool, monkeypatch, tmp_path, capsys):
    from rich.console import Console

    monkeypatch.setattr(bench_tool, "THREADS_DIR", tiny_threads_dir(tmp_path))
    monkeypatch.setattr(bench_tool, "BENCH_DIR", tmp_path)
    (tmp_path / "tiny.js").write_text("let s = 0; for (let i = 0; i < 100; i++) s += i; s;\n")
    monkeypatch.setattr(bench_tool, "COUNTER_ITERATIONS", 200)
    monkeypatch.setattr(bench_tool, "PRODCONS_ITERATIONS", 100)
    monkeypatch.setattr(bench_tool, "PROCESS_START_DELAY_MS", 300)
    results = bench_tool.run_threads_benches(1, None, Console(width=200))
    by_label = {(case["group"], case["label"]): case["engines"] for case in results["cases"]}
    assert set(by_label) == {("numeric", "1 thread x 2"), ("numeric", "2 threads x 1"), ("alloc", "1 thread x 2"),
                             ("alloc", "2 threads x 1"), ("counter", "single"), ("counter", "lock"),
                             ("counter", "atomics"), ("prodcons", "100 items")}
    for (group, label), engines in by_label.items():
        values = {slot["value"] for slot in engines.values() if not slot["error"]}
        errors = [slot["error"] for slot in engines.values() if slot["error"] and "node not found" not in slot["error"]]
        assert not errors and len(values) == 1, (group, label, engines)
    # The speedup workloads also ran as separate processes, and agreed (checked above).
    assert by_label[("alloc", "2 threads x 1")]["jsthreads processes"]["times"]
    assert "jsthreads processes" not in by_label[("counter", "lock")]
    assert by_label[("counter", "lock")]["jsthreads --threads"]["value"] == 200
    assert by_label[("prodcons", "100 items")]["jsthreads --gil"]["value"] == 4950
    assert set(results["single"]) == {"tiny"}
    assert results["single"]["tiny"]["jsthreads --threads"]["value"] == 4950
    bench_tool.print_threads_report(Console(width=250), results)
    out = capsys.readouterr().out
    assert "speedup 1x2 / 2x1" in out and "speedup, paired" in out and "throughput vs single" in out
    assert "items/s" in out and "geomean threads/gil" in out


def test_speedup_runs_are_paired_per_engine_and_their_ratios_taken_per_round(bench_tool):
    cases = [{"group": "alloc", "label": label} for label in bench_tool.SPEEDUP_LABELS]
    counter = {"group": "counter", "label": "lock"}
    single = {}
    jobs = [(case, engine, None, None) for case in cases for engine in ("threads", "gil", "node")]
    jobs = [(counter, "threads", None, None)] + jobs + [(single, "threads", None, None)]
    paired = bench_tool._pair_speedup_jobs(jobs)
    assert [(owner.get("label"), engine) for owner, engine, _, _ in paired] == [
        ("lock", "threads"), ("1 thread x 2", "threads"), ("2 threads x 1", "threads"),
        ("1 thread x 2", "gil"), ("2 threads x 1", "gil"), ("1 thread x 2", "node"), ("2 threads x 1", "node"),
        (None, "threads")]
    one = {"times": [0.2, 0.3, 0.2], "error": None}
    two = {"times": [0.1, 0.1, 0.2], "error": None}
    assert bench_tool.paired_speedup(one, two) == 2.0
    assert bench_tool.paired_speedup(one, dict(two, error="boom")) is None
