"""Thread, ThreadLocal, Lock and Condition as cells of their own types (specs/threads.md THR-17,
specs/sync.md SYNC-15): a finished Thread nobody references is collected with its native record,
Locks and Conditions die with their mutexes, what a waiter waits on stays alive, brand checks
are by cell type (exact messages), and the threads options maxJSThreads / the blocking gate
(THR-18, THR-19) through the CLI."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

MODES = ["--threads", "--gil"]


def run_with_rusage(tmp_path, source, *flags):
    """Runs source through `jsthreads run`; returns (exit code, stdout, stderr, max RSS in KiB)."""
    (tmp_path / "main.js").write_text(source, encoding="utf-8")
    environment = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with open(tmp_path / "out", "w+") as out, open(tmp_path / "err", "w+") as err:
        process = subprocess.Popen([sys.executable, "-m", "jsthreads", "run", "main.js", *flags], cwd=tmp_path,
                                   stdout=out, stderr=err, env=environment)
        _, status, usage = os.wait4(process.pid, 0)   # this child's own peak, not the worker's
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        return process.returncode, out.read(), err.read(), usage.ru_maxrss


# Each thread's outcome is a ~200 KB array: if records (and so outcomes) leaked, 1500 threads would
# keep ~300 MB alive. Collected with their Thread objects, the peak stays near one collection's
# worth [THR-17].
LEAK_PROBE = r"""
    let total = 0;
    for (let i = 0; i < 1500; i++) {
        const t = new Thread((n) => new Array(25000).fill(n), i);
        total += t.join()[0];
        new Lock(); new Condition(); new ThreadLocal();
    }
    console.log(total);
"""


def test_finished_threads_are_collected_with_their_records(tmp_path):
    code, out, err, rss_kib = run_with_rusage(tmp_path, LEAK_PROBE, "--threads")
    assert (code, err, out) == (0, "", "1124250\n")
    assert rss_kib < 200 * 1024, f"peak RSS {rss_kib} KiB: Thread records (or their outcomes) leak"


@pytest.mark.parametrize("mode", MODES)
def test_collection_keeps_what_is_still_needed(run_js, mode):
    # A running thread's object is pinned (it publishes into the record); an unjoined failure is
    # still reported after collections; a joined outcome survives collections by identity; a Lock
    # and Condition reachable only from a pending asyncWait stay alive and still work [SYNC-15].
    code, out, err = run_js(r"""
        const churn = () => { let keep; for (let i = 0; i < 300000; i++) keep = { i, a: [i, i] }; return keep; };
        const flag = { go: 0 };
        new Thread(() => { while (Atomics.load(flag, 'go') === 0) {} return 'spinner'; });
        new Thread(() => { throw new RangeError('reported after GC'); });
        const keeper = new Thread(() => ({ payload: 'kept' }));
        const first = keeper.join();
        let pending;
        (function () {
            const lock = new Lock(), cond = new Condition();
            lock.hold(() => { pending = cond.asyncWait(lock); });
            globalThis.wake = () => cond.notifyAll();
        })();
        churn(); churn();
        console.log(keeper.join() === first, first.payload, Thread.current === Thread.current);
        Atomics.store(flag, 'go', 1);
        churn();
        console.log('woken', wake());
        pending.then((release) => { release(); console.log('asyncWait resumed'); });
    """, "main.js", mode)
    assert code == 0, err
    assert out == "true kept true\nwoken 1\nasyncWait resumed\n"
    assert err == "Uncaught RangeError: reported after GC\n    at <anonymous> (main.js:5:36)\n" or \
        err.startswith("Uncaught RangeError: reported after GC")


@pytest.mark.parametrize("mode", MODES)
def test_brands_are_cell_types(run_js, mode):
    # THR-13, SYNC-1: a plain object with the right prototype is not a Thread/Lock/...; exact messages.
    code, out, err = run_js(r"""
        function show(f) { try { f(); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
        show(() => Thread.prototype.join.call(Object.create(Thread.prototype)));
        show(() => Object.getOwnPropertyDescriptor(Thread.prototype, 'id').get.call(new Lock()));
        show(() => Object.getOwnPropertyDescriptor(ThreadLocal.prototype, 'value').get.call(Object.create(ThreadLocal.prototype)));
        show(() => Lock.prototype.hold.call(new Condition(), () => 1));
        show(() => Condition.prototype.notify.call(new Lock()));
        show(() => new Condition().wait(Object.create(Lock.prototype)));
        show(() => Object.getOwnPropertyDescriptor(Lock.prototype, 'locked').get.call(Thread.current));
        class MyLock extends Lock {}
        const mine = new MyLock();
        console.log(mine.hold(() => 'subclass ok'), Object.prototype.toString.call(mine), mine instanceof MyLock);
    """, "main.js", mode)
    assert (code, err) == (0, ""), err
    assert out == (
        "TypeError: Thread.prototype.join called on incompatible receiver\n"
        "TypeError: Thread.prototype.id called on incompatible receiver\n"
        "TypeError: ThreadLocal.prototype.value called on incompatible receiver\n"
        "TypeError: Lock.prototype.hold called on incompatible receiver\n"
        "TypeError: Condition.prototype.notify called on incompatible receiver\n"
        "TypeError: Condition.prototype.wait requires a Lock argument\n"
        "TypeError: Lock.prototype.locked called on incompatible receiver\n"
        "subclass ok [object Lock] true\n")


def test_max_threads_option(run_js):
    code, out, err = run_js(r"""
        const flag = { go: 0 };
        const a = new Thread(() => { while (Atomics.load(flag, 'go') === 0) {} return 1; });
        try { new Thread(() => 2); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
        Atomics.store(flag, 'go', 1);
        console.log(a.join());
    """, "main.js", "--max-threads", "1")
    assert (code, err) == (0, ""), err
    assert out == "RangeError: too many live Threads (or thread-ID space exhausted)\n1\n"


def test_max_threads_rejects_bad_values(cli):
    code, out, err = cli("run", "-e", "1", "--max-threads", "-3")
    assert code == 2 and "--max-threads takes an integer from 0 to 32766" in err


def test_spawned_threads_may_block_under_the_gate_in_threads_mode(run_js):
    # THR-19: under --threads the gate is for main and embedder threads only.
    code, out, err = run_js(r"""
        const lock = new Lock(), cond = new Condition();
        const t = new Thread(() => {
            const inner = new Thread(() => 5);
            let ready = false, woke = false;
            const waiter = new Thread(() => lock.hold(() => { ready = true; while (!woke) cond.wait(lock); return 'woke'; }));
            while (!lock.hold(() => ready)) {}
            lock.hold(() => { woke = true; cond.notifyAll(); });
            return [inner.join(), waiter.join()];
        });
        t.asyncJoin().then((v) => console.log(v.join(' ')));
    """, "main.js", "--threads", "--can-block-is-false")
    assert (code, err) == (0, ""), err
    assert out == "5 woke\n"
