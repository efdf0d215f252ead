"""Runtime life cycle, eval/eval_file/call, globals, expose, isolation (issue 5 "Surface")."""
import gc

import pytest

import jsthreads


def test_eval_returns_converted_completion_values(any_rt):
    assert any_rt.eval("1 + 2") == 3
    assert any_rt.eval("0.5 * 3") == 1.5
    assert any_rt.eval("'a' + 'b'") == "ab"
    assert any_rt.eval("true") is True
    assert any_rt.eval("null") is None
    assert any_rt.eval("undefined") is None


def test_eval_file_uses_its_name_in_stacks(rt, tmp_path):
    path = tmp_path / "prog.js"
    path.write_text("function f() { throw new Error('bad') }\nvar x = 40 + 2; x")
    assert rt.eval_file(path) == 42
    path.write_text("function f() { throw new Error('bad') }\nf()")
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval_file(path)
    assert "prog.js:1" in info.value.stack


def test_context_manager_closes_and_closed_runtime_refuses_calls():
    with jsthreads.Runtime() as rt:
        assert rt.eval("6 * 7") == 42
    assert rt.closed
    with pytest.raises(RuntimeError, match="closed"):
        rt.eval("1")
    rt.close()   # idempotent


def test_proxy_outliving_its_runtime_is_harmless():
    rt = jsthreads.Runtime()
    obj = rt.eval("({a: 1})")
    rt.close()
    with pytest.raises(RuntimeError, match="closed"):
        obj["a"]
    del obj
    gc.collect()


def test_runtimes_are_isolated():
    with jsthreads.Runtime() as a, jsthreads.Runtime(mode="gil") as b:
        a.eval("var shared = 'a'; let lexical = 1")
        assert b.eval("typeof shared") == "undefined"
        assert "shared" not in b.globals and "lexical" not in b.globals
        b.globals["shared"] = "b"
        assert a.globals["shared"] == "a"
        value = a.eval("({x: 1})")
        with pytest.raises(ValueError, match="another Runtime"):
            b.call("String", value)


def test_call_by_name_and_by_function(rt):
    rt.eval("function add(a, b) { return a + b } const mul = (a, b) => a * b")
    assert rt.call("add", 2, 3) == 5
    assert rt.call("mul", 4, 5) == 20   # a top-level const is found too
    f = rt.eval("(s) => s.toUpperCase()")
    assert rt.call(f, "abc") == "ABC"
    assert f("xy") == "XY"
    with pytest.raises(jsthreads.JSError, match="missing is not defined"):
        rt.call("missing")
    with pytest.raises(jsthreads.JSError) as info:
        rt.call("Math")
    assert info.value.name == "TypeError"


def test_globals_mapping(rt):
    g = rt.globals
    g["answer"] = 42
    assert rt.eval("answer") == 42
    assert "answer" in g and g["answer"] == 42
    rt.eval("let later = 'lexical'")
    assert g["later"] == "lexical"
    del g["answer"]
    assert "answer" not in g
    with pytest.raises(KeyError):
        g["answer"]
    assert g.get("answer", "default") == "default"
    assert "Math" in g.keys() or "answer" not in g.keys()


def test_expose_forms(rt):
    rt.expose("plus", lambda a, b: a + b)

    @rt.expose
    def twice(x):
        return 2 * x

    @rt.expose("shout")
    def make_loud(s):
        return s.upper() + "!"

    assert rt.eval("plus(1, 2) + twice(10)") == 23
    assert rt.eval("shout('hi')") == "HI!"
    assert twice(4) == 8   # the decorator returns the function itself
    assert rt.eval("typeof twice") == "function"
    assert rt.eval("twice.name") == "twice"


def test_run_until_idle_runs_timers_and_microtasks(rt):
    rt.eval("globalThis.log = []; setTimeout(() => log.push('timer'), 5); Promise.resolve().then(() => log.push('micro'))")
    rt.run_until_idle()
    assert rt.globals["log"].to_py() == ["micro", "timer"]
