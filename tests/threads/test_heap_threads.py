"""The heap under many mutators, through JS threads (specs/heap.md, specs/safepoints.md): per-thread
allocators, collections triggered by any thread stopping all the others, roots in every thread,
blocks handed back by threads that exit, and an embedder thread that is BLOCKED between API calls.
Every case runs in both modes; GC stress makes collections come every few allocations."""
import os
import queue
import re
import subprocess
import sys
import textwrap
import threading

import pytest

from tests.conftest import ROOT

MODES = ["--threads", "--gil"]
STRESS = {"JSTHREADS_GC_STRESS": "1"}


@pytest.mark.parametrize("mode", MODES)
def test_many_threads_allocating_under_gc_stress(run_js, mode):
    """HEAP-2, HEAP-6, HEAP-7, SP-4: six threads build linked lists, strings, arrays and closures
    while collections run every few allocations (any of them may be the collector); each checks
    every cell it built afterwards."""
    source = r"""
        function work(seed) {
            let list = null;
            const arrays = [];
            for (let i = 0; i < 1500; i++) {
                list = { i, s: 'n' + (seed * 10000 + i), f: () => i + seed, next: list };
                if (i % 50 === 0) arrays.push([i, String(i).repeat(3), { deep: { x: i } }]);
            }
            let bad = 0;
            for (let n = list, i = 1499; n; n = n.next, i--)
                if (n.i !== i || n.s !== 'n' + (seed * 10000 + i) || n.f() !== i + seed) bad++;
            arrays.forEach((a, k) => { if (a[0] !== k * 50 || a[1] !== String(k * 50).repeat(3) || a[2].deep.x !== k * 50) bad++; });
            return bad;
        }
        const threads = [];
        for (let k = 1; k <= 5; k++) threads.push(new Thread(work, k));
        const bad = [work(0), ...threads.map(t => t.join())];
        console.log(bad.join(' '));
    """
    code, out, err = run_js(source, "main.js", mode, env=STRESS)
    assert (code, out, err) == (0, "0 0 0 0 0 0\n", "")


@pytest.mark.parametrize("mode", MODES)
def test_shared_structure_built_by_many_threads_survives(run_js, mode):
    """HEAP-6, HEAP-10: threads push freshly allocated objects into one shared array under a Lock
    while others collect; every element is intact afterwards, including those made by threads
    that have exited (their cells outlive them)."""
    source = r"""
        const shared = [];
        const lock = new Lock();
        const threads = [];
        for (let k = 0; k < 4; k++) threads.push(new Thread(() => {
            for (let i = 0; i < 400; i++) {
                const item = { k, i, tag: 't' + k + ':' + i };
                lock.hold(() => shared.push(item));
            }
        }));
        threads.forEach(t => t.join());
        const seen = new Set();
        let bad = 0;
        for (const item of shared) {
            if (item.tag !== 't' + item.k + ':' + item.i) bad++;
            seen.add(item.tag);
        }
        console.log(shared.length, seen.size, bad);
    """
    code, out, err = run_js(source, "main.js", mode, env=STRESS)
    assert (code, out, err) == (0, "1600 1600 0\n", "")


@pytest.mark.parametrize("mode", MODES)
def test_exiting_threads_hand_their_blocks_back(run_js, mode):
    """HEAP-2, SP-7: forty short-lived threads, eight at a time, each allocating in many size
    classes and exiting; main keeps allocating and checking between the waves."""
    source = r"""
        let total = 0;
        for (let wave = 0; wave < 5; wave++) {
            const threads = [];
            for (let k = 0; k < 8; k++) threads.push(new Thread((w, k) => {
                const keep = [];
                for (let i = 0; i < 300; i++) keep.push(new Array(i % 40).fill(w * 100 + k));
                return keep.reduce((s, a) => s + a.length, 0);
            }, wave, k));
            const mine = [];
            for (let i = 0; i < 500; i++) mine.push({ wave, i });
            total += threads.map(t => t.join()).reduce((s, n) => s + n, 0);
            if (!mine.every((o, i) => o.wave === wave && o.i === i)) console.log('main lost data');
        }
        console.log(total);
    """
    code, out, err = run_js(source, "main.js", mode, env=STRESS)
    assert (code, out, err) == (0, "%d\n" % (40 * sum(i % 40 for i in range(300))), "")


@pytest.mark.parametrize("mode", MODES)
def test_blocked_thread_roots_survive_collections(run_js, mode):
    """SP-3, SP-5, HEAP-7: a thread holds objects in locals while blocked in join and in
    Condition.wait; the threads it waits for collect many times meanwhile."""
    source = r"""
        const lock = new Lock(), cond = new Condition();
        const box = { ready: false };
        const waiter = new Thread(() => {
            const mine = { list: Array.from({ length: 200 }, (_, i) => ({ i })) };
            lock.hold(() => { while (!box.ready) cond.wait(lock); });
            return mine.list.every((o, i) => o.i === i);
        });
        const allocator = new Thread(() => {
            let junk = null;
            for (let i = 0; i < 20000; i++) junk = { i, junk: i % 100 ? junk : null };
            return junk.i;
        });
        const local = Array.from({ length: 100 }, (_, i) => 'k' + i);
        console.log(allocator.join());
        lock.hold(() => { box.ready = true; cond.notifyAll(); });
        console.log(waiter.join(), local.every((s, i) => s === 'k' + i));
    """
    code, out, err = run_js(source, "main.js", mode, env=STRESS)
    assert (code, out, err) == (0, "19999\ntrue true\n", "")


EMBEDDER = textwrap.dedent(r"""
    import sys
    from jsthreads.core import Engine
    from jsthreads.compile import compile_source
    engine = Engine(sys.argv[1])
    engine.run_blob(compile_source('''
        globalThis.worker = new Thread(() => {
            let keep = [];
            for (let i = 0; i < 20000; i++) { keep.push({ i }); if (keep.length > 500) keep = []; }
            console.log('worker finished allocating');
            return keep.length;
        });
    ''', 'start.js'), run_event_loop=False)
    print('script returned', flush=True)
    sys.stdin.readline()   # Python keeps the thread until the worker is done
    engine.run_blob(compile_source('console.log("joined", worker.join())', 'join.js'))
    engine.close()
""")


@pytest.mark.parametrize("mode", ["threads", "gil"])
def test_embedder_thread_is_blocked_between_api_calls(mode):
    """SP-5 "Embedders", SP-9: after jst_run_script returns, the main thread is away in Python and
    never polls; it counts as blocked (and holds no GIL), so a worker's collections and its whole
    run complete while Python waits. Otherwise the worker would hang at its first collection."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **STRESS)
    process = subprocess.Popen([sys.executable, "-c", EMBEDDER, mode], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    lines = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in iter(process.stdout.readline, "")], daemon=True)
    reader.start()
    try:
        # A generous guard against a hang, not a timing assertion.
        first = [lines.get(timeout=120), lines.get(timeout=120)]
        assert sorted(first) == ["script returned\n", "worker finished allocating\n"]
        process.stdin.write("go\n")
        process.stdin.close()
        assert process.wait(timeout=120) == 0, process.stderr.read()
        reader.join(timeout=10)
        rest = []
        while not lines.empty():
            rest.append(lines.get())
        assert (rest, process.stderr.read()) == (["joined 461\n"], "")
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("mode", MODES)
def test_gc_trace_reports_each_collection(run_js, mode):
    """JSTHREADS_GC_TRACE=1 prints one line per collection to stderr (HEAP-11: an allocation-
    triggered collection comes after at least the 8 MiB floor), numbered from 1, whichever thread
    collected; the program's own output is untouched."""
    source = r"""
        function churn() {
            let kept = 0;
            for (let i = 0; i < 200000; i++) kept += [i, { i }].length;
            return kept;
        }
        const other = new Thread(churn);
        console.log(churn() + other.join());
    """
    code, out, err = run_js(source, "main.js", mode, env={"JSTHREADS_GC_TRACE": "1"})
    assert (code, out) == (0, "800000\n")
    pattern = re.compile(r"\[gc (\d+)\] allocated (\d+\.\d) MiB, live (\d+\.\d) MiB, (\d+) blocks, "
                         r"mark \d+\.\d\d ms, sweep \d+\.\d\d ms")
    lines = err.splitlines()
    matches = [pattern.fullmatch(line) for line in lines]
    assert lines and all(matches), err
    assert [int(m[1]) for m in matches] == list(range(1, len(lines) + 1))
    assert all(float(m[2]) >= 8.0 and float(m[3]) < 8.0 and int(m[4]) > 0 for m in matches), err
