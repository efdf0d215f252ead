"""JS errors in Python and Python errors in JS (issue 5 "Errors")."""
import pytest

import jsthreads


def test_js_error_fields(rt):
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("function inner() { throw new RangeError('too far') }\ninner()", "calc.js")
    error = info.value
    assert error.name == "RangeError" and error.message == "too far"
    assert "at inner (calc.js:1" in error.stack
    assert isinstance(error.value, jsthreads.JSObject) and error.value["message"] == "too far"
    assert error.text.startswith("Uncaught RangeError: too far")


def test_thrown_primitives(rt):
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("throw 42")
    assert info.value.value == 42
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("throw {code: 7}")
    assert info.value.value["code"] == 7


def test_syntax_errors_have_a_location(rt):
    with pytest.raises(jsthreads.JSSyntaxError) as info:
        rt.eval("let a = 1;\nlet b = ;", "broken.js")
    error = info.value
    assert isinstance(error, jsthreads.JSError)
    assert (error.filename, error.line) == ("broken.js", 2) and error.column >= 9
    assert error.name == "SyntaxError"
    with pytest.raises(jsthreads.JSError) as info:   # eval'd at run time: a JS SyntaxError
        rt.eval("eval('1 +')")
    assert info.value.name == "SyntaxError"


def test_python_exception_is_a_catchable_js_error(rt):
    def fail(kind):
        raise {"key": KeyError, "value": ValueError}[kind]("bad " + kind)
    rt.expose("fail", fail)
    assert rt.eval("try { fail('value') } catch (e) { [e instanceof Error, e.name, e.message].join('|') }") == \
        "true|ValueError|bad value"
    assert rt.eval("try { fail('key') } catch (e) { e.name }") == "KeyError"


def test_uncaught_python_exception_comes_back_chained(rt):
    class Custom(Exception):
        pass
    original = Custom("from python")

    def fail():
        raise original
    rt.expose("fail", fail)
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("function callsPython() { fail() }\ncallsPython()")
    assert info.value.name == "Custom"
    assert info.value.__cause__ is original
    assert "callsPython" in info.value.stack


def test_errors_in_attribute_access_of_python_objects(rt):
    class Touchy:
        @property
        def value(self):
            raise AttributeError("no value today")
    rt.globals["touchy"] = Touchy()
    assert rt.eval("try { touchy.value } catch (e) { e.name + ': ' + e.message }") == "AttributeError: no value today"


def test_bad_calls_give_js_errors_not_crashes(rt):
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("({})")(1)
    assert info.value.name == "TypeError"
    with pytest.raises(jsthreads.JSError):
        rt.eval("(1)").new() if False else rt.eval("({})").new()
    with pytest.raises(TypeError):
        rt.call(42)
