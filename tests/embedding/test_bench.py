"""tools/bench_embedding.py (tools/bench.py --embedding) measures every case on jsthreads."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_embedding", ROOT / "tools" / "bench_embedding.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_case_has_a_jsthreads_figure(monkeypatch):
    bench = load_bench()
    monkeypatch.setattr(bench, "ENGINES", [bench.Jsthreads])
    monkeypatch.setattr(bench, "COUNTS", {case: 3 for case in bench.CASES})
    monkeypatch.setattr(bench, "SCALING_N", 20000)
    table = bench.measure(repeat=1)
    assert set(table) == set(bench.CASES) | {"scaling"}
    scaling = table.pop("scaling")
    assert scaling["one"] > 0 and scaling["two"] > 0 and scaling["speedup"] == 2 * scaling["one"] / scaling["two"]
    for case, row in table.items():
        assert isinstance(row["jsthreads"], float) and row["jsthreads"] > 0, (case, row)
    text = bench.report(table)
    assert "call js->py" in text and "list py->js" in text
    assert "speedup" in bench.report(dict(table, scaling=scaling))


def test_ratio_compares_with_the_faster_peer():
    bench = load_bench()
    assert bench.ratio({"jsthreads": 3.0, "mini-racer": 2.0, "quickjs": 1.0}) == 3.0
    assert bench.ratio({"jsthreads": 3.0, "mini-racer": None, "quickjs": "unavailable"}) is None
