"""Error.stack as node 20 (V8) has it: the frames are captured at construction, the header is
formatted from the current name and message at the first read and then stays; the frames of the
error's own (subclass) constructors are left out. Expected texts were checked with node 20."""

SOURCE = r"""
var e = new Error("a"); e.message = "b"; e.name = "X"; console.log(e.stack.split("\n")[0]);
var f = new Error("a"); f.stack; f.message = "b"; console.log(f.stack.split("\n")[0]);
class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; } }
console.log(new MyErr("hi").stack.split("\n")[0]);
var g = new TypeError("t"); g.name = "Z"; console.log(g.stack.split("\n")[0]);
try { null.x; } catch (err) { err.message = "wrapped: " + err.message; console.log(err.stack.split("\n")[0]); }
console.log(Object.keys(Object.getOwnPropertyDescriptor(e, "stack")).join());
e.stack = "custom"; console.log(e.stack);
var o = {}; Error.captureStackTrace(o); console.log(typeof o.stack, o.stack.split("\n")[0]);
console.log(Object.getOwnPropertyNames(new MyErr("x")).join());
var frozen = Object.freeze(new RangeError("r")); console.log(frozen.stack.split("\n")[0]);
function thrower() { throw new MyErr("boom"); }
try { thrower(); } catch (err) { console.log(err.stack.split("\n")[1].trim().split(" ")[1]); }
"""

EXPECTED = """X: b
Error: a
MyErr: hi
Z: t
TypeError: wrapped: Cannot read properties of null (reading 'x')
value,writable,enumerable,configurable
custom
string Error
stack,message,name
RangeError: r
thrower
"""


def test_stack_header_follows_name_and_message_until_first_read(run_js):
    code, out, err = run_js(SOURCE)
    assert (code, out, err) == (0, EXPECTED, "")


def test_uncaught_subclass_error_shows_its_name_and_the_throw_site(run_js):
    code, out, err = run_js("class E2 extends Error { constructor(m) { super(m); this.name = 'E2'; } }\n"
                            "function f() { throw new E2('boom'); }\nf();\n")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == "Uncaught E2: boom", err
    assert lines[1].strip().startswith("at f ("), err
