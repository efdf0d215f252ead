"""Python threads and JS threads together (issue 5 "Threads")."""
import gc
import threading
import time

import pytest

import jsthreads


def run_threads(count, target):
    errors = []

    def wrapped(i):
        try:
            target(i)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
    threads = [threading.Thread(target=wrapped, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors[:3]


@pytest.mark.parametrize("mode", ["threads", "gil"])
def test_eight_python_threads_at_once(mode):
    with jsthreads.Runtime(mode=mode) as rt:
        rt.eval("globalThis.shared = {hits: 0}; var lock = new Lock(); function bump() { lock.hold(() => { shared.hits++ }) }")
        double = rt.eval("(xs) => xs.map(x => x * 2)")

        def work(i):
            for j in range(100):
                assert rt.call("String", j) == str(j)
                assert double([i, j]).to_py() == [2 * i, 2 * j]
                obj = rt.eval("({thread: %d, n: %d})" % (i, j))
                assert obj.to_py() == {"thread": i, "n": j}
                rt.call("bump")
        run_threads(8, work)
        assert rt.eval("shared.hits") == 800


def test_each_python_thread_is_its_own_js_thread(rt):
    ids = []
    run_threads(4, lambda i: ids.append(rt.thread_id()))
    assert len(set(ids)) == 4 and rt.thread_id() not in ids


def test_js_threads_call_python_concurrently(rt):
    seen = []
    lock = threading.Lock()
    in_python = threading.Semaphore(0)

    @rt.expose
    def record(thread, value):
        with lock:
            seen.append((thread, value))
        return value * 2
    total = rt.eval("""
        const threads = [];
        for (let t = 0; t < 4; t++)
            threads.push(new Thread(() => { let s = 0; for (let i = 0; i < 100; i++) s += record(t, i); return s }));
        threads.map(t => t.join()).reduce((a, b) => a + b)
    """)
    assert total == 4 * 2 * sum(range(100))
    assert len(seen) == 400 and {t for t, _ in seen} == {0, 1, 2, 3}
    del in_python


def test_python_callable_keeps_js_values_alive(rt):
    kept = []
    rt.expose("keep", kept.append)
    rt.eval("""
        for (let i = 0; i < 3; i++) new Thread(() => keep({thread: i, data: [i, i, i]})).join()
        for (let i = 0; i < 2000; i++) ({garbage: new Array(50)})
    """)
    for _ in range(3):
        rt.gc()
    assert sorted(k.to_py()["thread"] for k in kept) == [0, 1, 2]
    assert kept[0]["data"].to_py()[0] == kept[0]["thread"]


def test_proxies_released_from_other_threads(rt):
    objects = [rt.eval("({i: %d})" % i) for i in range(50)]
    holder = []
    t = threading.Thread(target=lambda: holder.append(objects.pop()))
    t.start()
    t.join()

    def drop(i):
        while objects:
            try:
                objects.pop()
            except IndexError:
                break
        holder.clear()
        gc.collect()
    run_threads(4, drop)
    rt.gc()
    assert rt.eval("1") == 1


def test_the_python_gil_is_released_while_js_runs(rt):
    spin = rt.eval("() => { let s = 0; for (let i = 0; i < 2e7; i++) s = (s + i) % 7; return s }")
    ticks = []
    stop = threading.Event()

    def counter():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)
    t = threading.Thread(target=counter)
    t.start()
    time.sleep(0.02)
    before = len(ticks)
    spin()
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5   # the Python thread kept running while JS ran


def test_thread_exit_detaches(rt):
    for _ in range(20):   # 20 short-lived Python threads: each attaches and detaches
        run_threads(2, lambda i: rt.eval("1 + 1"))
    assert rt.eval("'fine'") == "fine"


def test_closing_with_attached_threads_alive():
    rt = jsthreads.Runtime()
    ready, finish = threading.Event(), threading.Event()

    def user():
        rt.eval("1")
        ready.set()
        finish.wait(10)
    t = threading.Thread(target=user)
    t.start()
    ready.wait(10)
    rt.close()
    finish.set()
    t.join()


def test_close_refuses_while_another_thread_is_inside():
    rt = jsthreads.Runtime()
    entered, release = threading.Event(), threading.Event()
    rt.expose("entered", entered.set)
    rt.expose("wait_release", lambda: release.wait(10))
    t = threading.Thread(target=lambda: rt.eval("entered(); wait_release(); 1"))
    t.start()
    assert entered.wait(10)
    with pytest.raises(RuntimeError, match="in use"):
        rt.close()
    release.set()
    t.join()
    rt.close()
    assert rt.closed


def test_close_from_inside_a_callback_is_refused(rt):
    rt.expose("close_now", rt.close)
    assert rt.eval("try { close_now(); 'closed' } catch (e) { e.name }") == "RuntimeError"
    assert rt.eval("'alive'") == "alive"


def test_runtime_with_running_js_threads_is_left_to_them():
    rt = jsthreads.Runtime()
    done = threading.Event()

    def slow():
        time.sleep(0.3)
        done.set()
    rt.expose("slow", slow)
    rt.eval("new Thread(() => slow())")
    rt.close()   # a JS Thread still runs: the runtime stays alive for it, Python lets go
    assert rt.closed
    assert done.wait(10)


def test_handle_table_grows_while_other_threads_read(rt):
    make = rt.eval("(i, j) => ({i, j})")

    def work(i):
        kept = [make(i, j) for j in range(1500)]   # 8 x 1500 live proxies: the table grows
        for j, obj in enumerate(kept):
            assert obj["i"] == i and obj["j"] == j
    run_threads(8, work)
    rt.gc()
    assert rt.eval("1") == 1
