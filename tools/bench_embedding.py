"""Embedding benchmark: the costs of the Python <-> JS boundary in jsthreads, side by side with
the mini-racer (V8) and quickjs PyPI bindings (`pip install .[bench]`; peers that are missing
are skipped). Run it as `python tools/bench_embedding.py` or `python tools/bench.py --embedding`.

Cases (each timed as the best of --repeat rounds, reported per operation):
  call py->js    calling a small JS function (a, b) => a + b from Python
  call js->py    a JS loop calling an exposed Python function, per call
  eval snippet   eval of the small snippet "1 + 2" (the same text each time)
  list py->js    converting a 10,000-element list of ints to a JS array (and reading its length)
  list js->py    converting a 10,000-element JS array to a Python list
Target (issue 5): jsthreads within 1.5x of the faster peer on each case.
--cpu times with the process's CPU time instead of wall time: on a loaded machine wall time
mostly measures the scheduler (every engine's figure grows 4-5x at load 15, unevenly).

Scaling (jsthreads only, issue 5 "Threads"): one --threads Runtime, CPU-bound JS called from two
Python threads at once vs from one: speedup = 2 x (time of one call alone) / (wall time of two
concurrent calls), best of --repeat; 2.0 is perfect on a 2-core machine. The 1-minute load
average is printed next to it: on a shared machine other processes take cores too.
"""

import argparse
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIST = list(range(10000))
CASES = ["call py->js", "call js->py", "eval snippet", "list py->js", "list js->py"]
# Operations per timed round: chosen so a round takes a few milliseconds at least.
COUNTS = {"call py->js": 2000, "call js->py": 2000, "eval snippet": 2000, "list py->js": 20, "list js->py": 20}


CLOCK = time.perf_counter   # main(--cpu) switches to time.process_time


def _best(repeat, count, op):
    best = float("inf")
    for _ in range(repeat):
        start = CLOCK()
        op(count)
        best = min(best, CLOCK() - start)
    return best / count


class Jsthreads:
    name = "jsthreads"

    def __init__(self):
        import jsthreads
        self.rt = jsthreads.Runtime()
        self.rt.expose("pyadd", lambda a, b: a + b)
        self.add = self.rt.eval("(a, b) => a + b")
        self.length = self.rt.eval("(a) => a.length")
        self.rt.eval("globalThis.big = Array.from({length: 10000}, (_, i) => i)")
        self.big = self.rt.globals["big"]

    def ops(self):
        add, length, rt, big = self.add, self.length, self.rt, self.big
        loop = rt.eval("(n) => { let s = 0; for (let i = 0; i < n; i++) s += pyadd(i, 1); return s }")

        def call_py_js(n):
            for i in range(n):
                add(i, 1)

        def eval_snippet(n):
            for _ in range(n):
                rt.eval("1 + 2")

        def list_in(n):
            for _ in range(n):
                assert length(LIST) == 10000

        def list_out(n):
            for _ in range(n):
                assert len(big.to_py()) == 10000
        return {"call py->js": call_py_js, "call js->py": loop, "eval snippet": eval_snippet,
                "list py->js": list_in, "list js->py": list_out}

    def close(self):
        self.rt.close()


class MiniRacer:
    name = "mini-racer"

    def __init__(self):
        from py_mini_racer import MiniRacer as Context
        self.ctx = Context()
        self.add = self.ctx.eval("(a, b) => a + b")
        self.ctx.eval("var big = Array.from({length: 10000}, (_, i) => i); function length(a) { return a.length }")

    def ops(self):
        ctx, add = self.ctx, self.add

        def call_py_js(n):
            for i in range(n):
                add(i, 1)

        def eval_snippet(n):
            for _ in range(n):
                ctx.eval("1 + 2")

        def list_in(n):
            for _ in range(n):
                assert ctx.call("length", LIST) == 10000

        def list_out(n):
            for _ in range(n):
                assert len(ctx.execute("big")) == 10000
        # Its Python callbacks are asynchronous (wrap_py_function yields a JS function returning
        # a promise), so a synchronous JS->Python call has no equivalent.
        return {"call py->js": call_py_js, "eval snippet": eval_snippet, "list py->js": list_in,
                "list js->py": list_out}

    def close(self):
        self.ctx.close()


class QuickJS:
    name = "quickjs"

    def __init__(self):
        import quickjs
        self.ctx = quickjs.Context()
        self.ctx.add_callable("pyadd", lambda a, b: a + b)
        self.add = self.ctx.eval("(a, b) => a + b")
        self.ctx.eval("var big = Array.from({length: 10000}, (_, i) => i)")

    def ops(self):
        ctx, add = self.ctx, self.add
        loop = ctx.eval("(n) => { let s = 0; for (let i = 0; i < n; i++) s += pyadd(i, 1); return s }")
        length = ctx.eval("(a) => a.length")
        big = ctx.get("big")

        def call_py_js(n):
            for i in range(n):
                add(i, 1)

        def eval_snippet(n):
            for _ in range(n):
                ctx.eval("1 + 2")

        def list_in(n):   # the binding converts only scalars: lists go through JSON
            for _ in range(n):
                assert length(ctx.parse_json(json.dumps(LIST))) == 10000

        def list_out(n):
            for _ in range(n):
                assert len(json.loads(big.json())) == 10000
        return {"call py->js": call_py_js, "call js->py": loop, "eval snippet": eval_snippet,
                "list py->js": list_in, "list js->py": list_out}

    def close(self):
        pass


ENGINES = [Jsthreads, MiniRacer, QuickJS]


def measure(repeat=5, log=lambda text: None):
    """{case: {engine: seconds per operation or None (unsupported) or an error string}}, plus
    "scaling" (measure_scaling) when SCALING is on."""
    table = {case: {} for case in CASES}
    for cls in ENGINES:
        try:
            engine = cls()
        except Exception as error:  # a peer that is not installed is reported, not fatal
            log("%s: unavailable (%s)" % (cls.name, error))
            for case in CASES:
                table[case][cls.name] = "unavailable"
            continue
        ops = engine.ops()
        for case in CASES:
            op = ops.get(case)
            if op is None:
                table[case][cls.name] = None
                continue
            try:
                op(min(COUNTS[case], 10))   # warm-up
                table[case][cls.name] = _best(repeat, COUNTS[case], op)
            except Exception as error:
                table[case][cls.name] = "error: %s" % error
        engine.close()
    if SCALING:
        try:
            table["scaling"] = measure_scaling(min(repeat, 3))
        except Exception as error:
            log("scaling: %s" % error)
    return table


SCALING_SOURCE = "(n) => { let s = 0; for (let i = 0; i < n; i++) s = (s + i * i) % 1000003; return s }"
SCALING_N = 3_000_000
SCALING = True   # measure() adds the scaling figure (tests turn it off or shrink SCALING_N)


def _cpu():
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def measure_scaling(repeat=3, n=None, mode="threads"):
    """{"one": s, "two": s, "speedup": x, "cores": CPU s per wall s during the two-thread rounds,
    "cores_one": the same for one thread, "load": the 1-minute load average before and after}.
    On an idle machine cores_one is about 1 and cores about 2; when they are equal, the process
    got no more CPU with two threads than with one (other load, or a CPU quota)."""
    import jsthreads
    n = n or SCALING_N
    load_before = os.getloadavg()[0]
    with jsthreads.Runtime(mode) as rt:
        work = rt.eval(SCALING_SOURCE)
        expected = work(n)

        def in_threads(count):
            results = []
            threads = [threading.Thread(target=lambda: results.append(work(n))) for _ in range(count)]
            start, cpu = time.perf_counter(), _cpu()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
            assert results == [expected] * count, results   # both really ran the whole loop
            return wall, _cpu() - cpu

        one, cpu_one = min(in_threads(1) for _ in range(repeat))
        two, cpu = min(in_threads(2) for _ in range(repeat))
    return {"one": one, "two": two, "speedup": 2 * one / two, "cores": cpu / two, "cores_one": cpu_one / one,
            "load": [load_before, os.getloadavg()[0]]}


def report_scaling(row):
    return ("scaling: 2 Python threads x CPU-bound JS in one Runtime: one call %.3f s, two concurrent "
            "calls %.3f s, speedup %.2fx (cores busy: %.2f with one thread, %.2f with two; load average "
            "%.1f -> %.1f on %d CPUs)"
            % (row["one"], row["two"], row["speedup"], row["cores_one"], row["cores"], row["load"][0],
               row["load"][1], os.cpu_count() or 1))


def _format(value):
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    return "%.2f us" % (value * 1e6) if value < 1e-3 else "%.2f ms" % (value * 1e3)


def ratio(row):
    """jsthreads time / the faster peer's, or None."""
    ours = row.get("jsthreads")
    peers = [v for k, v in row.items() if k != "jsthreads" and isinstance(v, float)]
    if not isinstance(ours, float) or not peers:
        return None
    return ours / min(peers)


def report(table):
    names = [cls.name for cls in ENGINES]
    lines = ["%-14s" % "case" + "".join("%16s" % n for n in names) + "%14s" % "vs best peer"]
    for case in CASES:
        row = table[case]
        r = ratio(row)
        lines.append("%-14s" % case + "".join("%16s" % _format(row.get(n)) for n in names)
                     + "%14s" % ("%.2fx" % r if r is not None else "-"))
    if "scaling" in table:
        lines.append(report_scaling(table["scaling"]))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--scaling-only", action="store_true", help="only the 2-thread scaling figure")
    parser.add_argument("--cpu", action="store_true", help="time with CPU time (process_time), not wall time")
    args = parser.parse_args(argv)
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    if args.scaling_only:
        print(report_scaling(measure_scaling(args.repeat)))
        return 0
    table = measure(args.repeat, log=lambda text: print(text, file=sys.stderr))
    print(report(table))
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
