"""Call and construct inline caches (specs/interpreter.md INT-15) and value profiles
(specs/bytecode.md BC-18): results stay exact whatever a site has cached, under races between
threads that fill and read one site, and the profiles record what the sites saw."""
import os
import subprocess
import sys

import pytest

from jsthreads import disasm

MODES = [(), ("--gil",)]

# Four threads share one call site and one construct site while each meets several callees and
# constructors (filling both ways and then going megamorphic) and one thread keeps replacing a
# constructor's prototype. Every call must reach the callee it names and every object the
# prototype read at its construction: a stale or torn entry may only miss [INT-15].
RACE = r"""
const fns = [(x) => x + 1, (x) => x * 2, function (x) { return x - 3; }, (x) => -x, Math.abs];
function callAt(fn, x) { return fn(x); }
function A() { this.k = "A"; }
function B() { this.k = "B"; }
const protos = [{ tag: 1 }, { tag: 2 }, { tag: 3 }];
function build(C) { return new C(); }
function work(id) {
  let bad = 0, calls = 0;
  for (let r = 0; r < 3000; r++) {
    const i = (r + id) % fns.length;
    const want = [r + 1, r * 2, r - 3, -r, r][i];
    if (callAt(fns[i], r) !== want) bad++;
    calls++;
    if (id === 0 && r % 7 === 0) A.prototype = protos[r % 3];
    const C = r % 2 ? A : B;
    const seenProto = C.prototype;
    const o = build(C);
    const p = Object.getPrototypeOf(o);
    // A's prototype may change between the read above and the construction: it must be one
    // of the prototypes A ever had, never B's or a torn value.
    if (C === B ? p !== B.prototype : !(p === seenProto || protos.includes(p) || p === A.prototype)) bad++;
    if (o.k !== (C === A ? "A" : "B")) bad++;
  }
  return [bad, calls];
}
const ts = [];
for (let k = 0; k < 4; k++) ts.push(new Thread(work, k));
const results = ts.map((t) => t.join());
console.log(JSON.stringify(results));
"""


@pytest.mark.parametrize("mode", MODES, ids=["threads", "gil"])
def test_shared_call_and_construct_sites_under_races(run_js, mode):
    code, out, err = run_js(RACE, "call_cache_race.js", *mode)
    assert code == 0, err
    assert out.strip() == "[[0,3000],[0,3000],[0,3000],[0,3000]]"


def test_class_constructor_still_throws_at_a_site_that_cached_plain_calls(run_js):
    source = r"""
    class K {}
    const plain = (x) => x;
    function at(f) { return f(1); }
    for (let i = 0; i < 50; i++) at(plain);
    try { at(K); console.log("no throw"); } catch (e) { console.log(e.constructor.name, e.message); }
    console.log(at(plain));
    """
    code, out, err = run_js(source, "class_at_cached_site.js")
    assert code == 0, err
    assert out.splitlines() == ["TypeError Class constructor K cannot be invoked without 'new'", "1"]


def test_construct_site_follows_prototype_replacement_and_deletion(run_js):
    source = r"""
    function F() {}
    function mk() { return new F(); }
    const first = mk();
    const p2 = { two: true };
    F.prototype = p2;
    const second = mk();
    delete F.prototype;                       // non-configurable: stays (sloppy: no throw)
    Object.defineProperty(F, "prototype", { value: null });
    const third = mk();                        // null prototype: %Object.prototype% [INT-3]
    console.log(Object.getPrototypeOf(second) === p2, Object.getPrototypeOf(third) === Object.prototype,
                Object.getPrototypeOf(first) !== p2);
    """
    code, out, err = run_js(source, "construct_site.js")
    assert code == 0, err
    assert out.strip() == "true true true"


PROFILED = r"""
function add(a, b) { return a + b; }
function get(o) { return o.v; }
let s = 0;
for (let i = 0; i < 50; i++) s = add(s, i);
add(0.5, 1);
add("a", 1);
get({ v: 1 }); get({ v: {} });
"""


def _profiles(tmp_path, source):
    path = tmp_path / "profiled.js"
    path.write_text(source)
    env = dict(os.environ, JSTHREADS_PROFILE_DUMP="1")
    done = subprocess.run([sys.executable, "-m", "jsthreads", "run", str(path)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout, disasm.parse_profiles(done.stderr), str(path)


def test_profile_dump_records_operand_and_result_kinds(tmp_path):
    _, profiles, path = _profiles(tmp_path, PROFILED)
    text = disasm.disassemble(__import__("jsthreads.compile", fromlist=["compile_source"])
                              .compile_source(PROFILED, path), profiles)
    add = text[text.index("function add"):text.index("function get")]
    seen = [line.split("seen: ")[1] for line in add.splitlines() if "seen: " in line]
    # int+int, double+int and string+int reached the one ADD.
    assert seen == ["result=int|double|string left=int|double|string right=int"]
    get = text[text.index("function get"):]
    result = [line for line in get.splitlines() if "seen: " in line][0]
    assert "result=int|object" in result


def test_profiles_are_empty_without_the_dump_variable(tmp_path):
    path = tmp_path / "quiet.js"
    path.write_text(PROFILED + "console.log('done');\n")
    done = subprocess.run([sys.executable, "-m", "jsthreads", "run", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout == "done\n" and "jsthreads-profile" not in done.stderr


def test_disasm_profile_flag_annotates_profiled_instructions(tmp_path, capsys):
    path = tmp_path / "cli.js"
    path.write_text("function sq(x) { return x * x; }\nfor (let i = 0; i < 5; i++) sq(i);\n")
    assert disasm.main(["--profile", str(path)]) == 0
    out = capsys.readouterr().out
    mul = out.split("MUL", 1)[1].splitlines()
    assert mul[1].strip() == "seen: result=int left=int right=int"
    assert "vp#" in out and "profiles=" in out
