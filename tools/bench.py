"""Benchmarks jsthreads against quickjs (the PyPI binding) and node on the programs in
tools/bench/*.js, and reports median times, ratios and a geomean in one table. Owns the engine
adapters and the timing protocol; the programs own their workloads.

Every program ends with an expression statement whose value is a checksum: engines that disagree
on it are flagged, since a fast wrong answer is a bug. Each repetition uses a fresh runtime whose
creation is not timed, and repetitions go round-robin over the engines so that machine noise hits
them alike.

    python tools/bench.py                          # all benches, 5 repetitions, all engines
    python tools/bench.py -k fib --engines node,quickjs --repeat 1
    python tools/bench.py --startup                # process start-up: `jsthreads run EMPTY.js` vs node
    python tools/bench.py --threads --repeat 5     # 2-thread speedup, Lock/Atomics counter, queue, mode cost
    python tools/bench.py --threads --cpu-time     # ... with process CPU time too (for a loaded machine)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

from rich.markup import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # measure the checkout's jsthreads (built in place) when not installed
BENCH_DIR = Path(__file__).resolve().parent / "bench"
ENGINES = ("jsthreads", "quickjs", "node")

# Times vm.runInThisContext only: node's own start-up and the file read are outside the clock,
# as runtime creation is for the in-process engines.
NODE_RUNNER = r"""
const fs = require("fs");
const vm = require("vm");
const file = process.argv[1];
const source = fs.readFileSync(file, "utf8");
const start = process.hrtime.bigint();
const result = vm.runInThisContext(source, { filename: file });
const ns = process.hrtime.bigint() - start;
const value = typeof result === "bigint" ? String(result) : result === undefined ? null : result;
process.stdout.write(JSON.stringify({ ns: ns.toString(), result: value }) + "\n");
"""


class BenchError(Exception):
    """A bench failed on one engine (it threw, or the engine crashed)."""


# ---------------------------------------------------------------------------------------------
# Engines: each measures one run of a program in a fresh runtime and returns (seconds, value).
# `unavailable` says why an engine cannot run here; the table reports it instead of crashing.


class JsthreadsEngine:
    name = "jsthreads"

    def __init__(self) -> None:
        self.unavailable = None
        try:
            import jsthreads
            self.module = jsthreads
            if not hasattr(jsthreads, "Runtime"):
                self.unavailable = "jsthreads has no Runtime yet"
        except Exception as error:  # a broken build can fail in many ways; report, do not crash
            self.unavailable = f"import jsthreads failed: {type(error).__name__}: {error}"

    def measure(self, path: Path, source: str) -> tuple[float, object]:
        runtime = self.module.Runtime()
        try:
            start = time.perf_counter()
            try:
                value = runtime.eval(source, filename=path.name)
            except Exception as error:
                raise BenchError(f"{type(error).__name__}: {error}") from error
            return time.perf_counter() - start, value
        finally:
            runtime.close()


class QuickjsEngine:
    name = "quickjs"

    def __init__(self) -> None:
        self.unavailable = None
        try:
            import quickjs
            self.module = quickjs
        except Exception as error:
            self.unavailable = f"import quickjs failed: {error}"

    def measure(self, path: Path, source: str) -> tuple[float, object]:
        context = self.module.Context()
        start = time.perf_counter()
        try:
            value = context.eval(source)
        except Exception as error:
            raise BenchError(str(error).splitlines()[0]) from error
        elapsed = time.perf_counter() - start
        if isinstance(value, self.module.Object):
            value = json.loads(value.json())
        return elapsed, value


class NodeEngine:
    name = "node"

    def __init__(self) -> None:
        self.executable = shutil.which("node")
        self.unavailable = None if self.executable else "node not found on PATH"

    def measure(self, path: Path, source: str) -> tuple[float, object]:
        done = subprocess.run([self.executable, "-e", NODE_RUNNER, str(path)], capture_output=True, text=True,
                              timeout=300)
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            error = next((line for line in lines if "Error" in line), lines[-1] if lines else "no output")
            raise BenchError(f"node exited {done.returncode}: {error.strip()}")
        report = json.loads(done.stdout.strip().splitlines()[-1])
        return int(report["ns"]) / 1e9, report["result"]


ENGINE_CLASSES = {"jsthreads": JsthreadsEngine, "quickjs": QuickjsEngine, "node": NodeEngine}


def comparable(value: object) -> object:
    """Engines return the same JS number as int or float; compare numbers by value."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return repr(value)


# ---------------------------------------------------------------------------------------------
# Running


def find_benches(filters: Sequence[str] | None) -> list[Path]:
    benches = sorted(path for path in BENCH_DIR.glob("*.js") if not path.name.startswith("_"))
    if filters:
        benches = [path for path in benches if any(f in path.stem for f in filters)]
    return benches


def run_benches(benches: list[Path], engines: list, repeat: int, console) -> dict[str, dict[str, dict]]:
    """{bench: {engine: {"times": [s...], "value": v, "error": str|None}}} for available engines."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    live = [engine for engine in engines if not engine.unavailable]
    results = {path.stem: {e.name: {"times": [], "value": None, "error": None} for e in live} for path in benches}
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True)
    with progress:
        task = progress.add_task("bench", total=len(benches) * repeat * len(live))
        for path in benches:
            source = path.read_text(encoding="utf-8")
            for index in range(repeat):
                # Rotate the order too, so no engine always runs right after the same neighbour.
                shift = index % len(live) if live else 0
                for engine in live[shift:] + live[:shift]:
                    progress.update(task, description=f"{path.stem} on {engine.name}")
                    slot = results[path.stem][engine.name]
                    if slot["error"] is None:
                        try:
                            seconds, value = engine.measure(path, source)
                            slot["times"].append(seconds)
                            slot["value"] = comparable(value)
                        except (BenchError, subprocess.TimeoutExpired) as error:
                            slot["error"] = str(error)
                    progress.advance(task)
    return results


def agreement(per_engine: dict[str, dict]) -> bool:
    values = [slot["value"] for slot in per_engine.values() if slot["error"] is None and slot["times"]]
    return all(value == values[0] for value in values)


def median_ms(slot: dict) -> float | None:
    return statistics.median(slot["times"]) * 1000 if slot["error"] is None and slot["times"] else None


def geomean(values: list[float]) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def print_report(console, results: dict, engines: list, repeat: int) -> None:
    from rich.table import Table

    names = [engine.name for engine in engines]
    live = [engine.name for engine in engines if not engine.unavailable]
    # Ratios compare the first engine listed (jsthreads by default) with each of the others.
    base, others = names[0], names[1:]
    table = Table(title=f"bench: median of {repeat} (ms)", title_justify="left")
    table.add_column("bench")
    for name in names:
        table.add_column(name, justify="right")
    for other in others:
        table.add_column(f"{base}\n/{other}", justify="right")
    table.add_column("result", overflow="fold")

    columns: dict[str, list[float]] = {name: [] for name in names}
    ratios: dict[str, list[float]] = {other: [] for other in others}
    errors = []
    for bench, per_engine in results.items():
        medians = {name: median_ms(per_engine[name]) if name in per_engine else None for name in names}
        cells = []
        for name in names:
            if name not in live:
                cells.append("[dim]n/a[/dim]")
            elif per_engine[name]["error"]:
                cells.append("[red]error[/red]")
                errors.append(f"{bench} on {name}: {per_engine[name]['error']}")
            else:
                columns[name].append(medians[name])
                cells.append(f"{medians[name]:.1f}")
        for other in others:
            if medians.get(base) and medians.get(other):
                ratio = medians[base] / medians[other]
                ratios[other].append(ratio)
                cells.append(f"{ratio:.2f}")
            else:
                cells.append("")
        if agreement(per_engine):
            values = {slot["value"] for slot in per_engine.values() if slot["error"] is None and slot["times"]}
            cells.append(str(next(iter(values))) if values else "")
        else:
            shown = escape(", ".join(f"{name}={slot['value']!r}" for name, slot in per_engine.items()
                                     if slot["error"] is None))
            cells.append(f"[bold red]MISMATCH[/bold red] {shown}")
        table.add_row(bench, *cells)
    table.add_section()
    means = [columns[name] and f"{geomean(columns[name]):.1f}" or "" for name in names]
    mean_ratios = [ratios[other] and f"{geomean(ratios[other]):.2f}" or "" for other in others]
    table.add_row("geomean", *means, *mean_ratios, "", style="bold")
    console.print(table)
    for engine in engines:
        if engine.unavailable:
            console.print(f"[yellow]{engine.name} unavailable[/yellow]: {escape(engine.unavailable)}", soft_wrap=True)
    for error in errors:
        console.print(f"[red]error[/red] {escape(error)}", soft_wrap=True)


def write_json(path: Path, results: dict, engines: list, repeat: int) -> None:
    document = {
        "repeat": repeat,
        "engines": {engine.name: {"available": not engine.unavailable, "reason": engine.unavailable}
                    for engine in engines},
        "benches": {
            bench: {
                "agree": agreement(per_engine),
                "engines": {name: {"times_ms": [t * 1000 for t in slot["times"]], "median_ms": median_ms(slot),
                                   "result": slot["value"], "error": slot["error"]}
                            for name, slot in per_engine.items()},
            }
            for bench, per_engine in results.items()
        },
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Start-up: wall time of a whole process running an empty file, jsthreads CLI vs node.


def _corpus_module():
    # jsthreads/corpus.py owns the engine command and environment. It is loaded by path so that a
    # jsthreads package that cannot import does not stop us from timing an overriding command.
    name = "_jsthreads_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "jsthreads" / "corpus.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the file executes
        spec.loader.exec_module(module)
    return sys.modules[name]


def measure_startup(console, runs: int = 10) -> dict[str, dict]:
    from rich.table import Table

    corpus = _corpus_module()
    commands = {"jsthreads": corpus.engine_command() + ["run"]}
    environments = {"jsthreads": corpus.engine_environment(), "node": None}
    if shutil.which("node"):
        commands["node"] = [shutil.which("node")]
    results: dict[str, dict] = {name: {"times": [], "error": None} for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "EMPTY.js"
        empty.write_text("")
        for _ in range(runs):
            for name, command in commands.items():
                if results[name]["error"]:
                    continue
                start = time.perf_counter()
                done = subprocess.run([*command, str(empty)], capture_output=True, text=True, timeout=60,
                                      env=environments[name])
                elapsed = time.perf_counter() - start
                if done.returncode != 0:
                    first = (done.stderr.strip().splitlines() or ["no output"])[-1]
                    results[name]["error"] = f"exit {done.returncode}: {first}"
                else:
                    results[name]["times"].append(elapsed)
    table = Table(title=f"start-up of an empty file: median of {runs} (ms)", title_justify="left")
    for column in ("engine", "median", "min", "vs node"):
        table.add_column(column, justify="left" if column == "engine" else "right")
    node_median = median_ms(results["node"]) if "node" in results else None
    for name, slot in results.items():
        if slot["error"]:
            table.add_row(name, "[red]error[/red]", "", "")
            continue
        median = median_ms(slot)
        ratio = f"{median / node_median:.2f}" if node_median else ""
        table.add_row(name, f"{median:.1f}", f"{min(slot['times']) * 1000:.1f}", ratio)
    console.print(table)
    for name, slot in results.items():
        if slot["error"]:
            console.print(f"[red]error[/red] {name}: {escape(slot['error'])}", soft_wrap=True)
    return results


# ---------------------------------------------------------------------------------------------
# Threads (`--threads`): what running JS threads in parallel buys, in one interleaved run.
#
# * speedup: a `unit(index)` workload (tools/bench/threads/{numeric,alloc}.js) done as 1 thread x
#   2 units and as 2 threads x 1 unit; speedup = time(1x2) / time(2x1). Spawned threads in both
#   configurations, so thread start-up is on both sides. Under --gil the speedup should be ~1.
#   Each engine's 1x2 run comes right before its 2x1 run, and "speedup, paired" is the median of
#   the per-round ratios: a shared host has slow phases that last seconds (another tenant's load),
#   which the ratio of two medians taken minutes apart does not cancel but a paired ratio does.
# * shared counter: ITERATIONS increments by one thread (plain property), by 2 threads under a
#   Lock, by 2 threads with Atomics.add(obj, key); producer/consumer: items per second through a
#   bounded queue with Lock + Condition (programs with `run(threads, iterations)`).
# * single-thread cost: the single-thread bench set under --threads vs --gil, same process.
# * node: the speedup workloads on worker_threads (one Worker per thread, start-up included).
# * processes: the speedup workloads as N separate `jsthreads run` processes with no shared state,
#   started together and timed inside JS (start-up excluded), so "speedup" in that column is
#   what this machine gives two independent copies of the work: the ceiling for the threads
#   column, measured in the same run (a shared host's cores and caches set it, not jsthreads).
# Every measurement is in-process (a fresh jsthreads Runtime, creation untimed) except node's.
# * --cpu-time: each jsthreads cell also shows the median process CPU time (all threads, user +
#   sys). On a machine other jobs load, wall times say little; CPU time still shows contention:
#   "cpu 2x1/1x2" above 1.00 is CPU the 2-thread run burns on shared cache lines, atomics, lock
#   handovers and spinning, and the single set's cpu threads/gil compares the work of the modes.

THREADS_DIR = BENCH_DIR / "threads"
SPEEDUP_WORKLOADS = ("numeric", "alloc")
SPEEDUP_CONFIGS = ((1, 2), (2, 1))  # (threads, units per thread)
SPEEDUP_LABELS = ("1 thread x 2", "2 threads x 1")
COUNTER_PROGRAMS = (("counter-single", 1), ("counter-lock", 2), ("counter-atomics", 2))
COUNTER_ITERATIONS = 200_000
PRODCONS_ITERATIONS = 20_000

UNIT_DRIVER = """
(function (threads, units) {
  const workers = [];
  for (let t = 0; t < threads; t++)
    workers.push(new Thread((t) => {
      let sum = 0;
      for (let u = 0; u < units; u++) sum += unit(t * units + u);
      return sum;
    }, t));
  let total = 0;
  for (const worker of workers) total += worker.join();
  return total;
})(%d, %d);
"""

NODE_UNIT_RUNNER = r"""
const { Worker } = require("worker_threads");
const fs = require("fs");
const [file, threads, units] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const body = fs.readFileSync(file, "utf8") + `
const { parentPort, workerData } = require("worker_threads");
let sum = 0;
for (let u = 0; u < workerData.units; u++) sum += unit(workerData.t * workerData.units + u);
parentPort.postMessage(sum);`;
const start = process.hrtime.bigint();
let done = 0, total = 0;
for (let t = 0; t < threads; t++) {
  const worker = new Worker(body, { eval: true, workerData: { t, units } });
  worker.on("message", value => {
    total += value;
    if (++done === threads) {
      const ns = process.hrtime.bigint() - start;
      process.stdout.write(JSON.stringify({ ns: ns.toString(), result: total }) + "\n");
      process.exit(0);
    }
  });
  worker.on("error", error => { console.error(String(error)); process.exit(1); });
}
"""


# Each process sleeps until a common wall-clock moment (start-ups differ by tens of ms), then
# times its own units; the measurement is the slowest process.
PROCESS_UNIT_FOOTER = """
Atomics.wait({ at: 0 }, "at", 0, Math.max(0, %d - Date.now()));
const __start = performance.now();
let __sum = 0;
for (let u = 0; u < %d; u++) __sum += unit(%d * %d + u);
console.log(JSON.stringify({ ms: performance.now() - __start, result: __sum }));
"""
PROCESS_START_DELAY_MS = 1500


def _processes_unit_measure(unit_source: str, threads: int, units: int) -> tuple[float, object]:
    """`threads` concurrent `jsthreads run` processes, each doing `units` units: (slowest seconds, sum)."""
    start_at = int(time.time() * 1000) + PROCESS_START_DELAY_MS
    with tempfile.TemporaryDirectory() as folder:
        processes = []
        for t in range(threads):
            path = Path(folder) / f"unit{t}.js"
            path.write_text(unit_source + PROCESS_UNIT_FOOTER % (start_at, units, t, units), encoding="utf-8")
            processes.append(subprocess.Popen([sys.executable, "-m", "jsthreads", "run", "--threads", str(path)],
                                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        reports = []
        for process in processes:
            out, err = process.communicate(timeout=300)
            if process.returncode != 0:
                raise BenchError(f"jsthreads run exited {process.returncode}: {err.strip()[-200:]}")
            reports.append(json.loads(out.strip().splitlines()[-1]))
    return max(r["ms"] for r in reports) / 1000, sum(r["result"] for r in reports)


class JsthreadsModeEngine:
    """jsthreads in one mode, in-process: a fresh Runtime per measurement, creation untimed."""

    def __init__(self, mode: str) -> None:
        self.name = f"jsthreads --{mode}"
        self.mode = mode
        self.unavailable = None
        try:
            import jsthreads
            self.module = jsthreads
        except Exception as error:
            self.unavailable = f"import jsthreads failed: {type(error).__name__}: {error}"

    def measure_source(self, source: str, filename: str) -> tuple[float, object]:
        """(wall seconds, value); the process CPU seconds of the same run go to last_cpu."""
        runtime = self.module.Runtime(self.mode)
        try:
            start, cpu_start = time.perf_counter(), time.process_time()
            try:
                value = runtime.eval(source, filename=filename)
            except Exception as error:
                raise BenchError(f"{type(error).__name__}: {error}") from error
            self.last_cpu = time.process_time() - cpu_start
            return time.perf_counter() - start, value
        finally:
            runtime.close()


def threads_cases() -> list[dict]:
    """Every measurement of the --threads set: {group, label, engine kind, source or node args}."""
    cases = []
    for workload in SPEEDUP_WORKLOADS:
        path = THREADS_DIR / f"{workload}.js"
        unit_source = path.read_text(encoding="utf-8")
        for threads, units in SPEEDUP_CONFIGS:
            label = f"{threads} thread{'s' if threads > 1 else ''} x {units}"
            cases.append({"group": workload, "label": label, "source": unit_source + UNIT_DRIVER % (threads, units),
                          "node": [str(path), str(threads), str(units)],
                          "processes": (unit_source, threads, units)})
    for name, threads in COUNTER_PROGRAMS:
        source = (THREADS_DIR / f"{name}.js").read_text(encoding="utf-8")
        cases.append({"group": "counter", "label": name.split("-", 1)[1],
                      "source": source + f"\nrun({threads}, {COUNTER_ITERATIONS});\n", "node": None})
    source = (THREADS_DIR / "prodcons.js").read_text(encoding="utf-8")
    cases.append({"group": "prodcons", "label": f"{PRODCONS_ITERATIONS} items",
                  "source": source + f"\nrun(2, {PRODCONS_ITERATIONS});\n", "node": None})
    return cases


def _node_unit_measure(node: str, arguments: list[str]) -> tuple[float, object]:
    done = subprocess.run([node, "-e", NODE_UNIT_RUNNER, *arguments], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise BenchError(f"node exited {done.returncode}: {done.stderr.strip()[-200:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return int(report["ns"]) / 1e9, report["result"]


def run_threads_benches(repeat: int, filters: Sequence[str] | None, console, with_node: bool = True) -> dict:
    """{"cases": [{group, label, engines: {name: slot}}], "single": {bench: {mode: slot}}}; slots as
    run_benches makes them. Repetitions go round-robin over every (case, engine) pair."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    engines = [JsthreadsModeEngine("threads"), JsthreadsModeEngine("gil")]
    node = shutil.which("node") if with_node else None
    cases = [case for case in threads_cases()
             if not filters or any(f in case["group"] or f in case["label"] for f in filters)]
    singles = find_benches(filters)
    jobs = []
    for case in cases:
        case["engines"] = {}
        for engine in engines:
            case["engines"][engine.name] = {"times": [], "value": None, "error": engine.unavailable}
            jobs.append((case, engine.name, lambda c=case, e=engine: e.measure_source(c["source"], c["group"] + ".js"),
                         engine))
        if case.get("processes"):
            slot = {"times": [], "value": None, "error": engines[0].unavailable}
            case["engines"]["jsthreads processes"] = slot
            jobs.append((case, "jsthreads processes", lambda c=case: _processes_unit_measure(*c["processes"]), None))
        if case["node"]:
            slot = {"times": [], "value": None, "error": None if node else "node not found on PATH"}
            case["engines"]["node workers"] = slot
            if node:
                jobs.append((case, "node workers", lambda c=case: _node_unit_measure(node, c["node"]), None))
    jobs = _pair_speedup_jobs(jobs)
    single: dict[str, dict] = {}
    for path in singles:
        source = path.read_text(encoding="utf-8")
        single[path.stem] = {}
        for engine in engines:
            single[path.stem][engine.name] = {"times": [], "value": None, "error": engine.unavailable}
            jobs.append((single[path.stem], engine.name,
                         lambda s=source, e=engine, n=path.name: e.measure_source(s, n), engine))
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True)
    with progress:
        task = progress.add_task("threads bench", total=len(jobs) * repeat)
        for index in range(repeat):
            # Rotate the order each round so that no measurement always follows the same neighbour.
            shift = index % len(jobs) if jobs else 0
            for owner, name, measure, engine in jobs[shift:] + jobs[:shift]:
                slot = owner["engines"][name] if "engines" in owner else owner[name]
                if slot["error"] is None:
                    try:
                        seconds, value = measure()
                        slot["times"].append(seconds)
                        if engine is not None:
                            slot.setdefault("cpu", []).append(engine.last_cpu)
                        slot["value"] = comparable(value)
                    except (BenchError, subprocess.TimeoutExpired) as error:
                        slot["error"] = str(error)
                progress.advance(task)
    return {"cases": cases, "single": single, "repeat": repeat}


def _pair_speedup_jobs(jobs: list) -> list:
    """Puts each engine's 1x2 run of a speedup workload right before its 2x1 run, so that the two
    runs of one round see the same phase of a shared host (its slow phases last seconds) and their
    ratio, the paired speedup, cancels it. Every other job keeps its place."""
    order = {}
    for position, (owner, name, _, _) in enumerate(jobs):
        group = owner.get("group")
        if group in SPEEDUP_WORKLOADS:
            first = order.setdefault((group, None), position)
            order[position] = (first, name, owner["label"] != SPEEDUP_LABELS[0])
        else:
            order[position] = (position, "", False)
    engine_rank = {}
    for owner, name, _, _ in jobs:
        engine_rank.setdefault(name, len(engine_rank))
    return [job for _, job in sorted(enumerate(jobs), key=lambda item: (
        order[item[0]][0], engine_rank[order[item[0]][1]] if order[item[0]][1] else 0, order[item[0]][2]))]


def paired_speedup(one: dict | None, two: dict | None) -> float | None:
    """Median over rounds of time(1x2) / time(2x1), each ratio from runs measured back to back."""
    if not one or not two or one["error"] or two["error"]:
        return None
    ratios = [a / b for a, b in zip(one["times"], two["times"]) if b]
    return statistics.median(ratios) if ratios else None


def cpu_ms(slot: dict | None) -> float | None:
    """Median process CPU time of a slot measured with --cpu-time, else None."""
    if not slot or slot["error"] or not slot.get("cpu"):
        return None
    return statistics.median(slot["cpu"]) * 1000


def print_threads_report(console, results: dict, show_cpu: bool = False) -> None:
    from rich.table import Table

    columns = ["jsthreads --threads", "jsthreads --gil", "jsthreads processes", "node workers"]
    table = Table(title=f"threads bench: median of {results['repeat']} (ms)", title_justify="left")
    table.add_column("workload")
    table.add_column("config")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_column("result", overflow="fold")
    errors = []

    def cell(slot: dict | None, where: str) -> str:
        if slot is None:
            return "[dim]n/a[/dim]"
        if slot["error"]:
            errors.append(f"{where}: {slot['error']}")
            return "[red]error[/red]"
        median = median_ms(slot)
        if median is None:
            return ""
        cpu = cpu_ms(slot) if show_cpu else None
        return f"{median:.1f} (cpu {cpu:.1f})" if cpu is not None else f"{median:.1f}"

    groups: dict[str, list[dict]] = {}
    for case in results["cases"]:
        groups.setdefault(case["group"], []).append(case)
    for group, cases in groups.items():
        for case in cases:
            values = {slot["value"] for slot in case["engines"].values() if slot["error"] is None and slot["times"]}
            shown = str(next(iter(values))) if len(values) == 1 else ("[bold red]MISMATCH[/bold red] " + escape(
                ", ".join(f"{n}={s['value']!r}" for n, s in case["engines"].items())) if values else "")
            table.add_row(group, case["label"], *(cell(case["engines"].get(c), f"{group} {case['label']} on {c}")
                                                  for c in columns), shown)
        table.add_row(group, *_derived_row(group, cases, columns), "", style="bold")
        if group in SPEEDUP_WORKLOADS and len(cases) == 2:
            paired = [paired_speedup(cases[0]["engines"].get(c), cases[1]["engines"].get(c)) for c in columns]
            table.add_row(group, "speedup, paired", *(f"{p:.2f}x" if p else "" for p in paired), "", style="bold")
        if show_cpu and group in SPEEDUP_WORKLOADS and len(cases) == 2:
            one, two = ([cpu_ms(case["engines"].get(c)) for c in columns] for case in cases)
            table.add_row(group, "cpu 2x1 / 1x2", *(f"{b / a:.2f}" if a and b else "" for a, b in zip(one, two)), "",
                          style="bold")
        table.add_section()
    ratios, cpu_ratios = [], []
    for bench, slots in results["single"].items():
        threads, gil = (median_ms(slots[c]) for c in columns[:2])
        ratio = f"{threads / gil:.2f}" if threads and gil else ""
        if threads and gil:
            ratios.append(threads / gil)
        threads_cpu, gil_cpu = (cpu_ms(slots[c]) for c in columns[:2])
        if show_cpu and threads_cpu and gil_cpu:
            cpu_ratios.append(threads_cpu / gil_cpu)
            ratio += f" cpu {threads_cpu / gil_cpu:.2f}"
        table.add_row("single", bench, cell(slots[columns[0]], f"{bench} --threads"),
                      cell(slots[columns[1]], f"{bench} --gil"), "", "", f"threads/gil {ratio}")
    if ratios:
        mean = f"{geomean(ratios):.2f}" + (f" cpu {geomean(cpu_ratios):.2f}" if cpu_ratios else "")
        table.add_row("single", "geomean threads/gil", "", "", "", "", mean, style="bold")
    console.print(table)
    for error in errors:
        console.print(f"[red]error[/red] {escape(error)}", soft_wrap=True)


def _derived_row(group: str, cases: list[dict], columns: list[str]) -> list[str]:
    """The figure a group exists for: speedup, throughput relative to one thread, or items/s."""
    def medians(case):
        return {c: median_ms(case["engines"][c]) if c in case["engines"] else None for c in columns}

    if group in SPEEDUP_WORKLOADS and len(cases) == 2:
        one, two = medians(cases[0]), medians(cases[1])
        return ["speedup 1x2 / 2x1", *(f"{one[c] / two[c]:.2f}x" if one[c] and two[c] else "" for c in columns)]
    if group == "counter":
        base = medians(cases[0])
        texts = []
        for c in columns:
            parts = [f"{case['label']} {base[c] / medians(case)[c]:.2f}" for case in cases[1:]
                     if base[c] and medians(case)[c]]
            texts.append(", ".join(parts))
        return ["throughput vs single", *texts]
    if group == "prodcons":
        m = medians(cases[0])
        return ["items/s", *(f"{PRODCONS_ITERATIONS / (m[c] / 1000):,.0f}" if m[c] else "" for c in columns)]
    return ["", *("" for _ in columns)]


def write_threads_json(path: Path, results: dict) -> None:
    def slot_json(slot):
        document = {"times_ms": [t * 1000 for t in slot["times"]], "median_ms": median_ms(slot),
                    "result": slot["value"], "error": slot["error"]}
        if slot.get("cpu"):
            document["cpu_ms"] = [t * 1000 for t in slot["cpu"]]
        return document

    document = {
        "repeat": results["repeat"],
        "cases": [{"group": c["group"], "label": c["label"],
                   "engines": {name: slot_json(slot) for name, slot in c["engines"].items()}}
                  for c in results["cases"]],
        "single": {bench: {name: slot_json(slot) for name, slot in slots.items()}
                   for bench, slots in results["single"].items()},
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


# `--embedding`: the Python <-> JS boundary (tools/bench_embedding.py) against mini-racer and
# quickjs, the PyPI bindings a Python user would otherwise pick.

def run_embedding_bench(console, repeat: int, json_path: Path | None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_embedding

    table = bench_embedding.measure(repeat, log=lambda text: console.print(text, markup=False))
    console.print(bench_embedding.report(table), markup=False)
    if json_path:
        json_path.write_text(json.dumps({"embedding": table}, indent=1) + "\n", encoding="utf-8")
    ours = [row.get("jsthreads") for row in table.values()]
    return 1 if any(not isinstance(value, float) for value in ours) else 0


# ---------------------------------------------------------------------------------------------
# The command line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Benchmark jsthreads against quickjs and node.")
    parser.add_argument("--repeat", type=int, default=5, metavar="N",
                        help="repetitions per bench and engine (default: 5)")
    parser.add_argument("-k", dest="filter", action="append", metavar="FILTER",
                        help="only benches whose name contains FILTER (repeatable: any of them)")
    parser.add_argument("--engines", default=",".join(ENGINES), metavar="LIST",
                        help="comma-separated engines; ratios compare the first with the others "
                             f"(default: {','.join(ENGINES)})")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all timings and results to FILE")
    parser.add_argument("--startup", action="store_true",
                        help="measure only process start-up: `jsthreads run EMPTY.js` vs `node EMPTY.js`")
    parser.add_argument("--threads", action="store_true",
                        help="the threads set: 2-thread speedup, shared counter (Lock/Atomics), producer/"
                             "consumer, --threads vs --gil single-thread cost, node worker_threads")
    parser.add_argument("--cpu-time", action="store_true",
                        help="with --threads: also report process CPU time per run (user + sys, all "
                             "threads) and the CPU ratios, which stay meaningful on a loaded machine")
    parser.add_argument("--embedding", action="store_true",
                        help="the embedding API: Python->JS and JS->Python calls, small evals, 10,000-"
                             "element lists both ways, against mini-racer and quickjs")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from rich.console import Console

    args = build_parser().parse_args(argv)
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=120)  # logs: keep the table on one line per bench
    errors = Console(stderr=True, highlight=False)
    if args.embedding:
        return run_embedding_bench(console, args.repeat, args.json)
    if args.threads:
        results = run_threads_benches(args.repeat, args.filter, errors, with_node="node" in args.engines)
        print_threads_report(console, results, show_cpu=args.cpu_time)
        if args.json:
            write_threads_json(args.json, results)
        slots = [slot for case in results["cases"] for slot in case["engines"].values()]
        slots += [slot for slots_ in results["single"].values() for slot in slots_.values()]
        return 1 if any(slot["error"] for slot in slots) else 0
    if args.startup:
        results = measure_startup(console)
        if args.json:
            args.json.write_text(json.dumps({"startup": results}, indent=1) + "\n", encoding="utf-8")
        return 1 if any(slot["error"] for slot in results.values()) else 0

    names = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = [name for name in names if name not in ENGINE_CLASSES]
    if unknown or not names:
        errors.print(f"bench: unknown engine(s) {', '.join(unknown)}; choose from {', '.join(ENGINES)}", markup=False)
        return 2
    if args.repeat < 1:
        errors.print("bench: --repeat must be at least 1", markup=False)
        return 2
    benches = find_benches(args.filter)
    if not benches:
        errors.print("bench: no benches match", markup=False)
        return 1
    engines = [ENGINE_CLASSES[name]() for name in names]
    results = run_benches(benches, engines, args.repeat, errors)
    print_report(console, results, engines, args.repeat)
    if args.json:
        write_json(args.json, results, engines, args.repeat)
    failed = any(slot["error"] for per_engine in results.values() for slot in per_engine.values())
    disagree = not all(agreement(per_engine) for per_engine in results.values())
    return 1 if failed or disagree else 0


if __name__ == "__main__":
    sys.exit(main())
