"""super() outside its constructor's frame and private names (INT-3, INT-18), checked at the
bytecode level: what the emitter produces for them, verified like every other blob."""

import pytest

from jsthreads.compile import compile_source, JSSyntaxError
from jsthreads.compile import code as C
from jsthreads.compile.scope import describe_private_names, parse_private_names, PrivateName

from .test_compile import compile_js, fn, ops, instructions, constant, names_loaded


def test_super_in_an_arrow_goes_through_the_constructor_env():
    blob = compile_js("class B extends A { constructor() { const f = () => super(1); f(); this.x = 1; } }")
    ctor, arrow = fn(blob, "B"), next(f for f in blob.functions if f.flags & C.ARROW)
    # The constructor stores itself, new.target and the hole for this in its Env.
    assert {"LOAD_CALLEE", "LOAD_NEW_TARGET", "LOAD_HOLE"} <= set(ops(ctor))
    # Its own `this` is read from the Env and copied to the frame before it returns.
    assert "LOAD_THIS" not in ops(ctor) and "GET_ENV_CHECKED" in ops(ctor)
    assert ops(ctor)[-2:] == ["SET_THIS", "RET_UNDEFINED"]
    arrow_ops = ops(arrow)
    assert arrow_ops.index("SUPER_CONSTRUCT") < arrow_ops.index("BIND_THIS") < arrow_ops.index("INIT_FIELDS_OF")
    assert "SUPER_CALL" not in arrow_ops


def test_plain_derived_constructor_keeps_the_frame_this():
    ctor = fn(compile_js("class B extends A { constructor() { super(); this.x = 1; } }"), "B")
    assert "SUPER_CALL" in ops(ctor) and "SET_THIS" not in ops(ctor) and "LOAD_THIS" in ops(ctor)


def test_eval_code_may_call_super_only_when_allowed():
    blob = compile_js("class B extends A { constructor() { eval('super()'); } }")
    assert fn(blob, "B").flags & C.EVAL_SUPER_CALL
    inner = compile_js("super(); this;", mode="eval", strict=True, eval_allows=frozenset({"super.call"}))
    assert ops(inner.entry).count("GET_NAME") == 3   # the constructor, new.target and this
    assert "BIND_THIS_NAME" in ops(inner.entry)
    with pytest.raises(JSSyntaxError, match="'super' keyword unexpected here"):
        compile_source("super()", "<eval>", mode="eval", strict=True)
    base = compile_js("class B { constructor() { eval('1'); } m() { eval('2'); } }")
    assert not any(f.flags & C.EVAL_SUPER_CALL for f in base.functions)


def test_private_elements_compile_to_private_ops_on_class_bindings():
    blob = compile_js("""class P {
        #x = 1; static #s; #m() {} get #g() { return 1; }
        f(o) { o.#x = o.#x + 1; return [#x in o, o.#m, o.#g, P.#s]; } }""")
    cls = blob.entry
    assert ops(cls).count("PRIVATE_NEW") == 3          # #x, #s, and one brand for #m and #g
    f = fn(blob, "f")
    assert {"PRIVATE_GET", "PRIVATE_PUT", "PRIVATE_IN", "PRIVATE_CHECK"} <= set(ops(f))
    assert "GET_PROP" not in ops(f) and "PUT_PROP" not in ops(f)
    init = fn(blob, "<instance_members_initializer>")
    adds = instructions(init, "PRIVATE_ADD")
    assert [str(constant(init, i, "k")) for i in adds] == [
        "Cannot initialize private methods of class P twice on the same object",
        "Cannot initialize #x twice on the same object"]
    assert fn(blob, "#m") is not None and fn(blob, "get #g") is not None


def test_private_names_description_round_trips():
    m = PrivateName("#m", "accessor", True)
    m.getter = True
    text = describe_private_names([(PrivateName("#x", "field", False), "A"), (m, "B")])
    back = parse_private_names(text)
    assert back["#x"][0].kind == "field" and back["#x"][1] == "A"
    assert (back["#m"][0].static, back["#m"][0].getter, back["#m"][0].setter, back["#m"][1]) == (True, True, False, "B")


def test_eval_code_reaches_private_names_by_name():
    blob = compile_js("this.#x; this.#m();", mode="eval", strict=True,
                      private_names="#x field 0 0 0 A\n#m method 0 0 0 A")
    assert set(names_loaded(blob.entry, "GET_NAME")) == {"#x", "#m", "#m brand"}
    with pytest.raises(JSSyntaxError, match="Private field '#y' must be declared"):
        compile_source("this.#y", "<eval>", mode="eval", strict=True, private_names="#x field 0 0 0 A")


def test_class_with_eval_describes_its_private_names():
    blob = compile_js("class O { #o; m() { return class I { #i; n() { eval('') } } } }")
    described = [str(c) for f in blob.functions for c in f.constants if isinstance(c, str) and "\n" in c]
    assert described == ["#i field 0 0 0 I\n#o field 0 0 0 O"]
