"""The C fast paths of jsthreads._fastcall (csrc/pyext/fastcall.c): Python -> JS calls of a proxy
with primitive arguments, and JS -> Python calls through the engine's call hook. Every primitive
type both ways, the fallbacks to the cffi path (objects, lone surrogates, big ints, long argument
lists, long strings), errors, limits, and concurrency from 8 Python threads and from JS Threads."""
import gc
import math
import threading
import time

import pytest

import jsthreads
from jsthreads import runtime


def test_the_extension_is_loaded_and_is_the_proxies_base(rt):
    assert runtime._fastcall is not None, "jsthreads._fastcall was not built next to the core"
    f = rt.eval("(x) => x")
    assert isinstance(f, runtime._fastcall.Proxy)
    assert type(f).__call__ is runtime._fastcall.Proxy.__call__   # no Python frame per call
    assert rt._fast.address == int(runtime.ffi.cast("uintptr_t", rt._data))


PRIMITIVES = [
    (None, None), (True, True), (False, False), (0, 0), (-7, -7), (2 ** 53, 2 ** 53),
    (-(2 ** 53), -(2 ** 53)), (1.5, 1.5), (-0.0, 0), (3.0, 3), (1e300, 1e300), ("", ""),
    ("plain", "plain"), ("h\xe9llo \u4e16\u754c \U0001f600", "h\xe9llo \u4e16\u754c \U0001f600"),
    ("x" * 5000, "x" * 5000), (jsthreads.undefined, None),
]


@pytest.mark.parametrize("value,expected", PRIMITIVES, ids=[repr(v)[:20] for v, _ in PRIMITIVES])
def test_python_to_js_primitives_round_trip(any_rt, value, expected):
    identity = any_rt.eval("(x) => x")
    result = identity(value)
    assert result == expected and type(result) is type(expected)
    typeof = any_rt.eval("(x) => typeof x")
    js_type = {type(None): "object", bool: "boolean", int: "number", float: "number", str: "string"}
    assert typeof(value) == ("undefined" if value is jsthreads.undefined else js_type[type(value)])


def test_numbers_keep_their_value_across(rt):
    f = rt.eval("(a, b, c) => [Object.is(a, -0), a + b, c]")
    assert f(-0.0, 1, 2.5).to_py() == [True, 1, 2.5]
    assert math.isnan(rt.eval("() => NaN")())
    assert rt.eval("() => -Infinity")() == -math.inf
    assert rt.eval("(x) => x * 2")(2 ** 52) == 2 ** 53
    big = rt.eval("(x) => x * 4")(2 ** 52)   # beyond 2**53: a float, as before
    assert big == 2.0 ** 54 and type(big) is float


def test_undefined_follows_the_runtimes_setting():
    with jsthreads.Runtime(undefined=jsthreads.undefined) as rt:
        assert rt.eval("() => undefined")() is jsthreads.undefined
        assert rt.eval("(x) => x === undefined")(jsthreads.undefined) is True
        seen = []
        rt.expose("see", lambda x: seen.append(x))
        rt.eval("see(undefined); see(null)")
        assert seen == [jsthreads.undefined, None]


def test_fallbacks_give_the_same_results(rt):
    identity = rt.eval("(...xs) => xs.length === 1 ? xs[0] : xs")
    assert identity("\ud800x") == "\ud800x"                  # lone surrogate: no UTF-8
    assert identity(2 ** 70) == 2 ** 70                        # a BigInt both ways
    assert identity([1, "a"]).to_py() == [1, "a"]              # objects: a proxy back
    assert identity({"k": [None]}).to_py() == {"k": [None]}
    assert identity(*range(20)).to_py() == list(range(20))    # more than 8 arguments
    assert identity(True, 1.5, None, "s").to_py() == [True, 1.5, None, "s"]

    class Thing:
        size = 3
    thing = Thing()
    assert identity(thing) is thing                            # a host object comes back as itself
    f = identity(lambda: 1)
    assert f is not None
    assert rt.eval("(f) => f() + 1")(lambda: 41) == 42


def test_methods_keep_this_and_non_functions_throw(rt):
    o = rt.eval("({k: 10, add(x, y) { return this.k + x + y }})")
    assert o.add(1, 2) == 13
    method = o.add
    assert method(1.5, "z") == "11.5z"
    with pytest.raises(jsthreads.JSError) as info:
        o(1)
    assert info.value.name == "TypeError"
    with pytest.raises(TypeError):
        rt.eval("(x) => x")(x=1)


def test_errors_from_fast_calls(rt):
    thrower = rt.eval("(m) => { throw new RangeError(m) }")
    with pytest.raises(jsthreads.JSError) as info:
        thrower("too far")
    assert info.value.name == "RangeError" and info.value.message == "too far"
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("(x) => { throw x }")(5)
    assert info.value.value == 5


def test_calls_after_close_raise(rt_factory=None):
    rt = jsthreads.Runtime()
    f = rt.eval("(x) => x")
    assert f(1) == 1
    rt.close()
    with pytest.raises(RuntimeError, match="closed"):
        f(1)
    del f
    gc.collect()   # a proxy of a closed runtime dies quietly


JS_VALUES = ["null", "true", "false", "0", "-0", "42", "2.5", "-1e300", "2 ** 53",
             "''", "'text'", "'h\\u00e9llo \\u4e16\\ud83d\\ude00'", "'\\ud800'", "'y'.repeat(1000)"]


@pytest.mark.parametrize("source", JS_VALUES)
def test_js_to_python_primitives_round_trip(any_rt, source):
    seen = []

    def echo(x):
        seen.append(x)
        return x
    any_rt.expose("echo", echo)
    assert any_rt.eval("echo(%s) === %s" % (source, source)) is True   # -0 comes back as 0
    assert seen[0] == any_rt.eval(source)


def test_js_to_python_argument_mixes(rt):
    rt.expose("show", lambda *xs: repr(xs))
    assert rt.eval("show(1, 'a', true, null, undefined, 2.5)") == "(1, 'a', True, None, None, 2.5)"
    assert rt.eval("show()") == "()"
    assert rt.eval("show(...Array.from({length: 12}, (_, i) => i))") == repr(tuple(range(12)))
    assert rt.eval("show([1, 2])") == "([ 1, 2 ],)"    # an object: the cffi path, a live proxy
    rt.expose("kinds", lambda *xs: ",".join(type(x).__name__ for x in xs))
    assert rt.eval("kinds([1], {}, () => 1, 's', 1)") == "JSArray,JSObject,JSFunction,str,int"
    assert rt.eval("show(10n ** 20n)") == "(100000000000000000000,)"


def test_js_to_python_results(rt):
    results = {"int": 7, "big": 2 ** 60, "float": 0.5, "none": None, "true": True, "str": "\xe9t\xe9",
               "long": "z" * 1000, "lone": "\udc00", "list": [1, [2]], "dict": {"a": 1},
               "undef": jsthreads.undefined}
    rt.expose("give", lambda name: results[name])
    assert rt.eval("give('int')") == 7
    assert rt.eval("typeof give('big')") == "bigint"
    assert rt.eval("give('float')") == 0.5
    assert rt.eval("give('none') === null") is True
    assert rt.eval("give('true') === true") is True
    assert rt.eval("give('str')") == "\xe9t\xe9"
    assert rt.eval("give('long').length") == 1000
    assert rt.eval("give('lone').charCodeAt(0)") == 0xDC00
    assert rt.eval("JSON.stringify(give('list'))") == "[1,[2]]"
    assert rt.eval("give('dict').a") == 1
    assert rt.eval("give('undef') === undefined") is True


def test_python_exceptions_become_js_errors_and_chain_back(rt):
    class Custom(Exception):
        pass

    def fail(x):
        raise Custom("no %s" % x)
    rt.expose("fail", fail)
    assert rt.eval("try { fail(1) } catch (e) { [e.name, e.message, e instanceof Error].join() }") == "Custom,no 1,true"
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("fail('x')")
    assert info.value.name == "Custom"
    assert isinstance(info.value.__cause__, Custom) and info.value.__cause__.__traceback__ is not None
    rt.expose("stop", lambda: (_ for _ in ()).throw(KeyboardInterrupt("k")))
    assert rt.eval("try { stop() } catch (e) { e.name }") == "KeyboardInterrupt"


def test_time_limit_and_interrupt_inside_fast_calls():
    with jsthreads.Runtime(time_limit=0.2) as rt:
        spin = rt.eval("(n) => { for (;;) n++ }")
        started = time.monotonic()
        with pytest.raises(jsthreads.JSTimeoutError):
            spin(1)
        assert time.monotonic() - started < 10
        assert rt.eval("(a, b) => a + b")(1, 2) == 3
    with jsthreads.Runtime() as rt:
        spin = rt.eval("(s) => { for (;;) s += 'x'.length }")
        timer = threading.Timer(0.2, rt.interrupt)
        timer.start()
        with pytest.raises(jsthreads.JSInterruptedError):
            spin("go")
        timer.join()


@pytest.mark.parametrize("mode", ["threads", "gil"])
def test_eight_python_threads_call_at_once(mode):
    with jsthreads.Runtime(mode=mode) as rt:
        rt.expose("twice", lambda x: 2 * x)
        f = rt.eval("(i, j, s) => s + ':' + (twice(i) + j)")
        errors = []

        def work(i):
            try:
                for j in range(300):
                    assert f(i, j, "t") == "t:%d" % (2 * i + j)
            except BaseException as error:
                errors.append(error)
        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors[:3]


def test_the_gil_is_released_while_js_runs(rt):
    spin = rt.eval("(ms) => { const end = Date.now() + ms; let n = 0; while (Date.now() < end) n++; return n > 0 }")
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)
    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.01)
        before = len(ticks)
        assert spin(300) is True
        during = len(ticks) - before
    finally:
        stop.set()
        t.join()
    assert during >= 10, "Python threads did not run while JS ran (%d ticks)" % during


def test_js_threads_call_python_concurrently(rt):
    lock = threading.Lock()
    calls = []

    def record(t, i, tag):
        with lock:
            calls.append((t, i, tag))
        return t * 1000 + i
    rt.expose("record", record)
    total = rt.eval("""
        const threads = [];
        for (let t = 0; t < 4; t++)
            threads.push(new Thread(() => { let s = 0; for (let i = 0; i < 200; i++) s += record(t, i, 'x' + t); return s }));
        threads.map(t => t.join()).reduce((a, b) => a + b)
    """)
    assert len(calls) == 800
    assert all(tag == "x%d" % t for t, _, tag in calls)
    assert total == sum(t * 1000 * 200 + sum(range(200)) for t in range(4))


def test_values_a_callback_keeps_stay_alive(rt):
    kept = []
    rt.expose("keep", lambda f: kept.append(f))
    rt.eval("for (let i = 0; i < 3; i++) new Thread(() => keep((x) => x + i)).join()")
    rt.gc()
    rt.eval("globalThis.junk = Array.from({length: 20000}, (_, i) => ({i}))")
    rt.gc()
    assert sorted(f(10) for f in kept) == [10, 11, 12]


def test_proxies_release_their_handles_when_they_die(rt):
    make = rt.eval("(i) => ({i})")
    first = make(1)
    handle = first._h
    del first                      # the C base releases the handle at once...
    second = make(2)
    assert second._h == handle     # ...so the next object reuses its slot
    assert second.i == 2
    handles = {make(i)._h for i in range(2000)}
    assert len(handles) <= 2       # 2000 short-lived proxies never grow the handle table
    rt.gc()
    assert second.to_py() == {"i": 2}


def test_proxy_cycles_through_python_objects_are_collected():
    rt = jsthreads.Runtime()
    holder = type("Holder", (), {})()
    holder.fn = rt.eval("(x) => x")
    holder.rt = rt
    rt.expose("holder", holder)          # rt -> hosts -> holder -> fn -> rt
    import weakref
    ref = weakref.ref(holder)
    rt.close()
    del holder, rt
    gc.collect()
    assert ref() is None


def test_without_the_extension_the_cffi_path_does_everything(tmp_path):
    # A build folder holding only the core: runtime.py then makes every call through cffi.
    import os
    import subprocess
    import sys
    core_file = runtime._core_loader._core.__file__
    (tmp_path / "jsthreads").mkdir()
    os.symlink(core_file, tmp_path / "jsthreads" / os.path.basename(core_file))
    script = """
import jsthreads
from jsthreads import runtime
assert runtime._fastcall is None
with jsthreads.Runtime() as rt:
    rt.expose("inc", lambda x: x + 1)
    f = rt.eval("(a, s, n) => [inc(a), s, n === null]")
    assert f(41, "\\u00e9", None).to_py() == [42, "\\u00e9", True]
    assert rt.eval("(x) => x")("\\ud800") == "\\ud800"
    o = rt.eval("({k: 2, m(x) { return this.k * x }})")
    assert o.m(21) == 42
print("ok")
"""
    env = dict(os.environ, JSTHREADS_BUILD_DIR=str(tmp_path),
               PYTHONPATH=os.path.dirname(os.path.dirname(jsthreads.__file__)))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr
