"""The disassembler (jsthreads/disasm.py) and `jsthreads disasm FILE` through disasm.main."""

import re

import pytest

from jsthreads import bytecode
from jsthreads import disasm
from jsthreads.compile import compile_source
from jsthreads.compile import code as C

SOURCE = """\
let total = 0;
function add(o, n) {
  try {
    total = o.foo + n;
  } finally {
    log(`${n}`);
  }
  return () => o;
}
"""


@pytest.fixture(scope="module")
def text():
    return disasm.disassemble(compile_source(SOURCE, "sample.js"))


def test_every_function_gets_a_header_line(text):
    headers = re.findall(r"^function (\S+) \(params=(\d+) regs=(\d+) flags=(\S+)\)$", text, re.M)
    names = [h[0] for h in headers]
    assert names == ["<script>", "add", "<anonymous>"]
    script, add, arrow = headers
    assert script[3] == "SCRIPT" and add[1] == "2" and "CONSTRUCTOR" in add[3]
    assert arrow[3] == "ARROW"


def test_instruction_lines_show_pc_opcode_and_rendered_operands(text):
    # Registers as rN, names quoted, cache slots as ic#N.
    assert re.search(r'^  \d{4}  GET_PROP +r\d+, r\d+, "foo", ic#\d+, vp#\d+$', text, re.M)
    assert re.search(r'^  \d{4}  LOAD_CONST +r\d+, "n"|TO_STRING', text, re.M)
    # Jumps render their target, and the target line is marked.
    jump = re.search(r"JMP +-> (\d{4})", text)
    assert jump and re.search(r"^>>%s  " % jump.group(1), text, re.M)


def test_line_and_column_come_from_the_line_table(text):
    """A position is printed where the line table starts an entry and holds until the next."""
    position = None
    for line in text.splitlines():
        marker = re.search(r"; (\d+:\d+)$", line)
        if marker:
            position = marker.group(1)
        if "GET_PROP" in line:
            break
    assert position == "4:13"


def test_constants_handlers_and_functions_are_listed(text):
    assert re.search(r'^    k\d+ +atom +"foo"$', text, re.M)
    assert re.search(r"^    k\d+ +function +<function #2 <anonymous>>$", text, re.M)
    handler = re.search(r"^    \[(\d{4}), (\d{4})\) -> (\d{4})  r\d+  finally$", text, re.M)
    assert handler and int(handler.group(1)) < int(handler.group(2))


def test_env_names_are_printed_for_dynamic_functions():
    out = disasm.disassemble(compile_source("function f(a) { var b; eval(''); }"))
    assert re.search(r"^  env names: a, .*\bb\b", out, re.M)


def test_operand_rendering_follows_the_operand_kinds_of_every_opcode():
    """One instruction of each opcode, operands all 0: each renders as its kind says."""
    f = C.FunctionCode("all", 0)
    f.register_count = 1
    f.constant(C.Atom("name"))
    f.cache_count = 1
    for name, kinds, _, _ in bytecode.OPCODES:
        f.emit(name, *([0] * len(kinds.replace("p", ""))))   # emit adds the profile slot itself
    out = disasm.disassemble(C.serialize([f], "all.js", ""))
    lines = [l for l in out.splitlines() if re.match(r"^(  |>>)\d{4}  ", l)]
    assert len(lines) == len(bytecode.OPCODES)
    expected = {"r": "r0", "k": '"name"', "n": '"name"', "i": "0", "t": "-> 0000", "c": "ic#0"}
    profiles = 0
    for line, (name, kinds, _, _) in zip(lines, bytecode.OPCODES):
        body = line.split(";")[0].split(None, 2)
        assert body[1] == name
        operands = body[2].strip() if len(body) > 2 else ""
        expected["p"] = "vp#%d" % profiles   # profile slots are numbered in emission order
        profiles += kinds.count("p")
        assert operands == ", ".join(expected[k] for k in kinds), line
    assert f.profile_count == profiles == len(bytecode.PROFILE_LANES)


def test_main_prints_the_disassembly(tmp_path, capsys):
    path = tmp_path / "ok.js"
    path.write_text("var x = 1 + 2;\n")
    assert disasm.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("; %s (1 functions)" % path) and "DECLARE_GLOBALS" in out


def test_main_reports_syntax_errors_like_the_cli(tmp_path, capsys):
    path = tmp_path / "bad.js"
    path.write_text("var = ;\n")
    assert disasm.main([str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("SyntaxError: ") and "bad.js:1:" in captured.err and "^" in captured.err


def test_main_reports_missing_files_and_usage(tmp_path, capsys):
    assert disasm.main([str(tmp_path / "missing.js")]) == 2
    assert "missing.js" in capsys.readouterr().err
    assert disasm.main([]) == 2
    assert "usage" in capsys.readouterr().err
