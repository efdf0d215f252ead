"""JSPromise: result() and await (issue 5 "Promises")."""
import asyncio

import pytest

import jsthreads


def test_result_of_a_resolved_chain(rt):
    promise = rt.eval("Promise.resolve(20).then(x => x + 1).then(x => x * 2)")
    assert isinstance(promise, jsthreads.JSPromise)
    assert promise.result() == 42
    assert promise.state == "fulfilled"


def test_result_runs_timers(rt):
    promise = rt.eval("new Promise(resolve => setTimeout(() => resolve('late'), 20))")
    assert promise.state == "pending"
    assert promise.result(timeout=5) == "late"


def test_rejection_raises_js_error(rt):
    promise = rt.eval("(async () => { throw new TypeError('nope') })()")
    with pytest.raises(jsthreads.JSError) as info:
        promise.result()
    assert info.value.name == "TypeError" and info.value.message == "nope"


def test_result_times_out_on_a_promise_nobody_settles(rt):
    with pytest.raises(TimeoutError):
        rt.eval("new Promise(() => {})").result(timeout=0.1)


def test_promise_settled_by_a_js_thread(rt):
    promise = rt.eval("""new Promise(resolve => {
        const t = new Thread(() => { let s = 0; for (let i = 0; i < 1e5; i++) s += i; return s });
        resolve(t.join());
    })""")
    assert promise.result(timeout=10) == sum(range(100000))


def test_awaitable_from_asyncio(rt):
    async def main():
        first = await rt.eval("Promise.resolve('a')")
        second = await rt.eval("new Promise(r => setTimeout(() => r('b'), 10))")
        return first + second
    assert asyncio.run(main()) == "ab"


def test_async_function_calling_python(rt):
    rt.expose("fetch_value", lambda key: {"k": key * 2})
    promise = rt.eval("(async (k) => { await null; return fetch_value(k).k })")(21)
    assert promise.result() == 42
