"""time_limit, interrupt() and heap_limit (issue 5 "Limits")."""
import threading
import time

import pytest

import jsthreads


@pytest.mark.parametrize("mode", ["threads", "gil"])
def test_time_limit_stops_a_tight_loop_and_the_runtime_stays_usable(mode):
    with jsthreads.Runtime(mode=mode, time_limit=0.2) as rt:
        start = time.monotonic()
        with pytest.raises(jsthreads.JSTimeoutError) as info:
            rt.eval("while (true) {}")
        assert time.monotonic() - start < 5
        assert info.value.message == "Script execution timed out"
        assert rt.eval("1 + 1") == 2


def test_time_limit_cannot_be_caught_away(rt):
    rt.time_limit = 0.2
    with pytest.raises(jsthreads.JSTimeoutError):
        rt.eval("for (;;) { try { while (true) {} } catch (e) {} }")
    with pytest.raises(jsthreads.JSTimeoutError):
        rt.eval("function recurse() { try { recurse() } catch (e) { recurse() } } recurse()")


def test_time_limit_stops_js_threads(rt):
    rt.time_limit = 0.3
    with pytest.raises(jsthreads.JSTimeoutError):
        rt.eval("const t = new Thread(() => { while (true) {} }); t.join()")
    rt.time_limit = None
    assert rt.eval("new Thread(() => 5).join()") == 5


def test_time_limit_is_per_call(rt):
    rt.expose("sleep", time.sleep)
    rt.time_limit = 0.5
    for _ in range(4):   # four calls of 0.2 s each: the limit restarts with every call
        rt.eval("sleep(0.2); 1")


def test_interrupt_from_another_python_thread(any_rt):
    timer = threading.Timer(0.2, any_rt.interrupt)
    timer.start()
    with pytest.raises(jsthreads.JSInterruptedError) as info:
        any_rt.eval("function spin() { while (true) {} } spin()")
    timer.join()
    assert info.value.message == "Script execution interrupted"
    assert any_rt.eval("'still usable'") == "still usable"
    any_rt.interrupt()   # while idle: the next call is not affected
    assert any_rt.eval("2") == 2


def test_interrupt_reaches_callbacks_and_threads(rt):
    rt.expose("interrupt_me", rt.interrupt)
    with pytest.raises(jsthreads.JSInterruptedError):
        rt.eval("interrupt_me(); while (true) {}")


def test_heap_limit_raises_and_the_runtime_stays_usable():
    with jsthreads.Runtime(heap_limit=48 * 1024 * 1024) as rt:
        with pytest.raises(jsthreads.JSMemoryError) as info:
            rt.eval("(function () { const a = []; while (true) a.push({x: [1, 2, 3]}) })()")
        assert info.value.name == "RangeError"
        assert rt.eval("""(function () {
            try { const b = []; while (true) b.push(new Array(64)) } catch (e) { return e instanceof RangeError }
        })()""") is True
        assert rt.eval("[1, 2, 3].map(x => x * 2)").to_py() == [2, 4, 6]


def test_bad_limits_are_rejected():
    with pytest.raises(ValueError):
        jsthreads.Runtime(time_limit=0)
    with pytest.raises(ValueError):
        jsthreads.Runtime(heap_limit=-1)
    with pytest.raises(ValueError):
        jsthreads.Runtime(mode="fast")


@pytest.mark.parametrize("mode", ["threads", "gil"])
def test_time_limit_ends_an_event_loop_idle_on_a_timer(mode):
    # The loop would sleep 10 s for the timer; the limit wakes it instead of waiting it out.
    with jsthreads.Runtime(mode=mode, time_limit=0.3) as rt:
        start = time.monotonic()
        with pytest.raises(jsthreads.JSTimeoutError):
            rt.eval("setTimeout(() => {}, 10000)")
            rt.run_until_idle()
        assert time.monotonic() - start < 5
        assert rt.eval("3") == 3
