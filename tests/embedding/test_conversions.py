"""Conversions both ways and live proxies (issue 5 "Conversions")."""
import math

import pytest

import jsthreads


@pytest.mark.parametrize("value", [0, 1, -7, 2 ** 53, -(2 ** 53), 1.5, -0.25, 1e300, "", "plain",
                                   "ünïcödé ✓ 😀", "lone \ud800 surrogate", True, False, None])
def test_scalars_round_trip(rt, value):
    identity = rt.eval("(x) => x")
    back = identity(value)
    assert back == value and type(back) is type(value)


def test_special_floats(rt):
    identity = rt.eval("(x) => x")
    assert math.isnan(identity(float("nan")))
    assert identity(float("inf")) == float("inf")
    assert rt.eval("-Infinity") == float("-inf")
    assert rt.eval("2 ** 60") == float(2 ** 60)   # beyond 2**53 a JS number is a float
    assert type(rt.eval("2 ** 60")) is float


def test_big_ints_become_bigints_and_back(rt):
    identity = rt.eval("(x) => x")
    assert identity(2 ** 53 + 1) == 2 ** 53 + 1 and rt.eval("(x) => typeof x")(2 ** 53 + 1) == "bigint"
    assert identity([1, 2, 2 ** 64]).to_py() == [1, 2, 2 ** 64]
    rt.globals["big"] = {"n": -(2 ** 70)}
    assert rt.eval("big.n === -(2n ** 70n)") is True
    assert rt.eval("2n ** 100n - 1n") == 2 ** 100 - 1 and rt.eval("-5n") == -5 and rt.eval("0n") == 0
    assert rt.eval("typeof 5n") == "bigint" and type(rt.eval("5n")) is int
    rt.expose("twice", lambda n: n * 2)
    assert rt.eval("twice(2n ** 64n) === 2n ** 65n") is True     # both ways through a callback
    assert rt.eval("twice(2 ** 52)") == 2 ** 53 and rt.eval("typeof twice(2 ** 53)") == "bigint"


def test_null_and_undefined(rt):
    assert rt.eval("[null, undefined]").to_py() == [None, None]
    with jsthreads.Runtime(undefined=jsthreads.undefined) as strict:
        assert strict.eval("undefined") is jsthreads.undefined
        assert strict.eval("null") is None
        assert strict.eval("[null, undefined, {u: undefined}]").to_py() == [None, jsthreads.undefined, {"u": jsthreads.undefined}]
    assert rt.eval("(x) => x === undefined")(jsthreads.undefined) is True
    assert rt.eval("(x) => x === null")(None) is True


def test_containers_become_fresh_arrays_and_objects(rt):
    data = {"list": [1, 2.5, "three", None, True], "tuple": (1, 2), "nested": {"k": [[]]}, "7": "seven"}
    check = rt.eval("""(d) => Array.isArray(d.list) && Array.isArray(d.tuple) && d.nested.k[0].length === 0
                       && Object.getPrototypeOf(d) === Object.prototype && d[7] === 'seven'""")
    assert check(data) is True
    back = rt.eval("(d) => d")(data).to_py()
    assert back == {"list": [1, 2.5, "three", None, True], "tuple": [1, 2], "nested": {"k": [[]]}, "7": "seven"}
    # Fresh copies: JS changes do not reach the Python list.
    source = [1, 2]
    rt.eval("(a) => a.push(3)")(source)
    assert source == [1, 2]


def test_large_list_both_ways(rt):
    data = list(range(10000))
    js = rt.eval("(a) => a")(data)
    assert len(js) == 10000 and js[9999] == 9999
    assert js.to_py() == data
    words = ["w%d" % i for i in range(10000)]
    assert rt.eval("(a) => a.join(',').length")(words) == len(",".join(words))


def test_containers_with_python_objects_and_cycles(rt):
    class Thing:
        pass
    thing = Thing()
    cyclic = [1]
    cyclic.append(cyclic)
    check = rt.eval("(a) => a[1] === a && a[0] === 1")
    assert check(cyclic) is True
    assert rt.eval("(a) => a[0]")([thing]) is thing
    with pytest.raises(TypeError, match="dict keys"):
        rt.eval("(a) => a")({(1, 2): "tuple key"})


def test_to_py_keeps_cycles(rt):
    value = rt.eval("const o = {name: 'root', kids: []}; o.kids.push(o); o.self = o; o").to_py()
    assert value["self"] is value and value["kids"][0] is value
    # Acyclic data takes the one-crossing path: a part reached twice is copied twice.
    shared = rt.eval("const s = [1]; [s, s]").to_py()
    assert shared == [[1], [1]]


def test_to_py_leaves_functions_as_proxies(rt):
    value = rt.eval("({f: (x) => x + 1, n: 1})").to_py()
    assert value["n"] == 1 and isinstance(value["f"], jsthreads.JSFunction)
    assert value["f"](1) == 2


def test_live_proxy_operations(rt):
    obj = rt.eval("({x: 1, list: [10, 20, 30], greet(name) { return 'hi ' + name + this.x }})")
    assert obj["x"] == 1 and obj.x == 1
    obj.x = 5
    obj["y"] = [1, 2]
    assert rt.eval("(o) => o.x + o.y.length")(obj) == 7
    assert obj.greet("bob") == "hi bob5"   # a method read from an object gets it as `this`
    assert "x" in obj and "nope" not in obj
    assert len(obj) == 4 and sorted(obj) == ["greet", "list", "x", "y"]
    del obj["y"]
    assert "y" not in obj
    items = obj.list
    assert isinstance(items, jsthreads.JSArray)
    assert len(items) == 3 and list(items) == [10, 20, 30] and items[-1] == 30 and items[0:2] == [10, 20]
    items.append(40)
    assert rt.eval("(o) => o.list.length")(obj) == 4
    assert obj.missing is None
    assert "greet" in repr(obj)


def test_constructors_and_identity(rt):
    Point = rt.eval("class Point { constructor(x, y) { this.x = x; this.y = y } sum() { return this.x + this.y } }; Point")
    p = Point.new(2, 3)
    assert p.sum() == 5
    same = rt.eval("(a) => a")(p)
    assert same == p and hash(same) == hash(p)
    assert rt.eval("({})") != p


def test_python_objects_are_proxies_in_js(rt):
    class Account:
        def __init__(self):
            self.balance = 10

        def deposit(self, amount):
            self.balance += amount
            return self.balance

    account = Account()
    rt.globals["account"] = account
    assert rt.eval("account.deposit(5)") == 15
    assert rt.eval("account.balance = 100; account.balance") == 100
    assert account.balance == 100
    assert rt.eval("String(account)") == "[object PythonObject]"
    assert rt.eval("account") is account   # comes back as the same Python object
    assert rt.eval("(f) => f(2)")(lambda x: x * 21) == 42


def test_python_objects_die_with_their_js_stand_ins(rt):
    class Big:
        pass
    rt.eval("(o) => 0")(Big())
    for _ in range(3):
        rt.gc()
    assert not any(isinstance(v, Big) for v in rt._hosts.values())
