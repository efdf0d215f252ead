"""Python objects in JS are exotic host objects (csrc/builtins/host.c): every property access asks
Python at that moment; and the inline call paths (jsthreads._fastcall, jst_call_mixed, preconverted
callback arguments) convert every kind of value both ways."""
import threading
import types

import pytest

import jsthreads


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self._secret = "hidden"

    def norm1(self):
        return abs(self.x) + abs(self.y)


def test_attributes_added_later_are_seen(rt):
    p = Point(1, 2)
    rt.globals["p"] = p
    assert rt.eval("p.z") is None and rt.eval("'z' in p") is False
    p.z = 42
    assert rt.eval("p.z") == 42 and rt.eval("'z' in p") is True
    assert sorted(rt.eval("Object.keys(p)")) == ["kind", "x", "y", "z"]
    del p.z
    assert rt.eval("p.hasOwnProperty('z')") is False


def test_js_writes_and_deletes_reach_python(rt):
    p = Point(1, 2)
    rt.globals["p"] = p
    rt.eval("p.x = 10; p.added = 'new'; delete p.y")
    assert p.x == 10 and p.added == "new" and not hasattr(p, "y")
    assert rt.eval("delete p.never_there") is True
    assert rt.eval("p.kind") == "point"   # class attributes are attributes too


def test_enumeration_json_and_inspection(rt):
    p = Point(3, -4)
    rt.globals["p"] = p
    # Methods are not enumerable (like methods on a JS prototype); data attributes are.
    assert rt.eval("let ks = []; for (const k in p) ks.push(k); ks.sort().join()") == "kind,x,y"
    assert rt.eval("JSON.stringify(p)") in ('{"kind":"point","x":3,"y":-4}', '{"x":3,"y":-4,"kind":"point"}')
    assert rt.eval("Object.getOwnPropertyNames(p).includes('norm1')") is True
    desc = rt.eval("Object.getOwnPropertyDescriptor(p, 'x')").to_py()
    assert desc == {"value": 3, "writable": True, "enumerable": True, "configurable": True}
    assert rt.eval("Object.getOwnPropertyDescriptor(p, 'norm1').enumerable") is False
    assert rt.eval("Object.entries(p).length") == 3
    assert rt.eval("String(p)") == "[object PythonObject]"


def test_console_log_shows_the_attributes(tmp_path):
    import subprocess
    import sys
    script = tmp_path / "show.py"
    script.write_text(
        "import jsthreads\n"
        "class P:\n"
        "    def __init__(self): self.a = 1; self.b = 'two'\n"
        "with jsthreads.Runtime() as rt:\n"
        "    rt.globals['p'] = P()\n"
        "    rt.eval('console.log(p)')\n")
    import os
    from pathlib import Path
    # The script lives outside the checkout: let it import this tree's jsthreads, installed or not.
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert "a: 1" in out.stdout and "b: 'two'" in out.stdout


def test_private_attributes_are_hidden(rt):
    p = Point(1, 2)
    rt.globals["p"] = p
    assert rt.eval("p._secret") is None and rt.eval("'_secret' in p") is False
    assert rt.eval("try { p._secret = 1; 'set' } catch (e) { e.name }") == "AttributeError"
    assert p._secret == "hidden"


def test_prototype_and_symbols(rt):
    p = Point(1, 2)
    rt.globals["p"] = p
    assert rt.eval("typeof p.toString") == "function"
    assert rt.eval("Object.prototype.toString.call(p)") == "[object PythonObject]"
    assert rt.eval("const s = Symbol('tag'); p[s] = 5; p[s]") == 5   # symbols live on the JS side
    assert not any(isinstance(k, str) and k.startswith("Symbol") for k in vars(p))
    assert rt.eval("try { Object.freeze(p); 'frozen' } catch (e) { e.name }") == "TypeError"
    assert rt.eval("try { Object.defineProperty(p, 'g', {get() { return 1 }}); 'ok' } catch (e) { e.name }") == "TypeError"
    assert rt.eval("const child = Object.create(p); child.x + child.y") == 3


def test_mappings_use_items(rt):
    config = {"host": "example.org", "port": 80}
    readonly = types.MappingProxyType(config)   # a Mapping that is not a dict (dicts are copied)
    rt.globals["readonly"] = readonly
    assert rt.eval("readonly.port + 1") == 81
    assert rt.eval("Object.keys(readonly).sort().join()") == "host,port"
    assert rt.eval("'host' in readonly && !('keys' in readonly)") is True
    assert rt.eval("try { readonly.port = 1; 'set' } catch (e) { e.name }") == "TypeError"
    assert rt.eval("JSON.stringify(readonly)") == '{"host":"example.org","port":80}'
    config["tls"] = True
    assert rt.eval("readonly.tls") is True


def test_mutable_mapping_items_change_both_ways(rt):
    from collections import UserDict
    store = UserDict({"a": 1})
    rt.globals["store"] = store
    rt.eval("store.b = 2; delete store.a")
    assert dict(store) == {"b": 2}
    store["c"] = 3
    assert rt.eval("Object.keys(store).join()") == "b,c"


def test_python_errors_in_attribute_operations_are_js_errors(rt):
    class Strict:
        def __setattr__(self, name, value):
            raise ValueError("read-only: %s" % name)

        def __dir__(self):
            raise RuntimeError("no listing")

    rt.globals["strict"] = Strict()
    assert rt.eval("try { strict.a = 1 } catch (e) { e.name + ': ' + e.message }") == "ValueError: read-only: a"
    assert rt.eval("try { Object.keys(strict) } catch (e) { e.name }") == "RuntimeError"


def test_host_objects_from_js_threads(rt):
    class Counter:
        def __init__(self):
            self.n = 0
            self.lock = threading.Lock()

        def bump(self):
            with self.lock:
                self.n += 1

    counter = Counter()
    rt.globals["counter"] = counter
    rt.eval("""
        const ts = [];
        for (let t = 0; t < 4; t++) ts.push(new Thread(() => { for (let i = 0; i < 50; i++) { counter.bump(); counter.n; } }));
        for (const t of ts) t.join();
    """)
    assert counter.n == 200


# ---- the inline call paths ----

@pytest.mark.parametrize("args", [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), (0.5, -1.25), (2 ** 53, -(2 ** 53))])
def test_number_calls(rt, args):
    total = rt.eval("(...a) => a.reduce((s, x) => s + x, 0)")
    assert total(*args) == sum(args)
    assert type(total(*args)) is (float if any(isinstance(a, float) and not a.is_integer() for a in args) else int)


def test_mixed_calls_convert_every_kind(any_rt):
    rt = any_rt
    describe = rt.eval("(...a) => a.map(x => x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x).join()")
    p = Point(1, 2)
    args = (1, "s", None, jsthreads.undefined, True, False, [1], {"a": 1}, p, len, "é\ud800", 2.5)
    assert describe(*args) == "number,string,null,undefined,boolean,boolean,array,object,object,function,string,number"
    echo = rt.eval("(...a) => a")
    back = list(echo(*args))
    assert back[:6] == [1, "s", None, None, True, False] and back[8] is p and back[10] == "é\ud800"
    assert rt.eval("(a, b, c, d, e, f, g, h, i, j) => [a, j].join()")(*"abcdefghij") == "a,j"
    assert echo(2 ** 60, "x").to_py() == [2 ** 60, "x"]   # a BigInt in JS


def test_call_results_of_every_kind(rt):
    assert rt.eval("() => NaN")() != rt.eval("() => NaN")()   # NaN comes back as NaN
    assert rt.eval("(x) => x * 2")(2.5) == 5
    assert rt.eval("() => 'text'")() == "text"
    assert rt.eval("() => undefined")() is None
    assert rt.eval("() => [1, 2]")().to_py() == [1, 2]
    with pytest.raises(jsthreads.JSError) as info:
        rt.eval("(x) => { throw new RangeError('bad ' + x) }")(7)
    assert info.value.name == "RangeError" and info.value.message == "bad 7"
    with pytest.raises(jsthreads.JSError):
        rt.eval("({})")(1, "two")   # not a function


def test_callbacks_receive_and_return_every_kind(rt):
    seen = []

    @rt.expose
    def record(*args):
        seen.append(args)
        return args[0] if len(args) == 1 else len(args)

    assert rt.eval("record(1, 2, 3)") == 3
    assert seen[-1] == (1, 2, 3) and all(type(a) is int for a in seen[-1])
    assert rt.eval("record(0.5)") == 0.5 and type(seen[-1][0]) is float
    assert rt.eval("record('x'.repeat(1000))") == "x" * 1000        # longer than the inline buffer
    assert rt.eval("record('short')") == "short"
    assert rt.eval("record(null) === null && record(undefined) === null && record(true) === true")
    assert rt.eval("record([1, 2])[1]") == 2
    assert rt.eval("const o = {k: 1}; record(o) === o") is True      # the same JS object comes back
    assert rt.eval("typeof record(record)") == "function"   # the same Python callable, a new JS function
    assert rt.eval("typeof record(2 ** 53 + 2)") == "number"   # a float in Python
    assert rt.eval("record(1, 'a', null)") == 3 and seen[-1] == (1, "a", None)
