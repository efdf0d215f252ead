"""The bytecode compiler, checked at the bytecode level (no C core needed).

Every snippet is compiled with `compile_source`, read back with `compile.blob.read_blob` and run
through `verify`, which checks the structural invariants of specs/bytecode.md (BC-1 encoding,
BC-5 env depth and slots, BC-8 handlers, BC-9 function references, BC-10 line table, BC-11 cache
slots, BC-14 back edges). The tests
then assert what each construct must emit. The smoke tests at the end compile the language
corpus and the test262 smoke list: compilation either succeeds or raises JSSyntaxError.
"""

import glob
import os
import re
import struct

import pytest

from jsthreads import bytecode
from jsthreads.compile import compile_source, compile_function, JSSyntaxError
from jsthreads.compile import code as C
from jsthreads.compile.blob import read_blob, decode, BlobError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEST262 = "/work/shared/test262"

ENDS_BLOCK = {name for name, _, flags, _ in bytecode.OPCODES if "X" in flags}
ENV_OPS = {"GET_ENV", "GET_ENV_CHECKED", "PUT_ENV", "PUT_ENV_CHECKED", "POP_ENV", "COPY_ENV",
           "PUSH_ENV", "PUSH_WITH", "CLOSURE", "METHOD", "CLASS"}


# ---------------------------------------------------------------------------------------------
# Helpers


def compile_js(source, **options):
    """Compiles and verifies; returns the Blob."""
    blob = read_blob(compile_source(source, "test.js", **options))
    verify(blob)
    return blob


def fn(blob, name):
    return blob.function_named(name)


def ops(f):
    return f.opcodes()


def instructions(f, name=None):
    return [i for i in f.instructions() if name is None or i.name == name]


def constant(f, insn, kind):
    """The constant named by the first operand of `kind` ('k' or 'n') of insn."""
    return f.constants[insn.operands_of(kind)[0]]


def names_loaded(f, opcode):
    return [str(constant(f, i, "n")) for i in instructions(f, opcode)]


def declared_globals(f):
    """The four atom lists of the script's DECLARE_GLOBALS: let/class, const, var, function."""
    [insn] = instructions(f, "DECLARE_GLOBALS")
    return [[str(atom) for atom in f.constants[k]] for k in insn.operands_of("k")]


class VerifyError(AssertionError):
    pass


def verify(blob):
    """Structural invariants of every function in a blob (raises VerifyError)."""
    functions = blob.functions
    referenced = set()
    for f in functions:
        try:
            verify_function(f, functions, referenced)
        except VerifyError as error:
            raise VerifyError("function #%d %r: %s" % (f.index, f.name, error)) from None
    unreferenced = set(range(1, len(functions))) - referenced   # BC-9
    if unreferenced:
        raise VerifyError("functions never referenced: %s" % sorted(unreferenced))


def check(condition, message, *args):
    if not condition:
        raise VerifyError(message % args if args else message)


def verify_function(f, functions, referenced):
    insns = list(decode(f.words))                     # BC-1: complete instructions only
    boundaries = {i.pc for i in insns}
    end = len(f.words)
    check(f.param_count <= f.register_count, "params %d > registers %d", f.param_count, f.register_count)
    check(insns and insns[-1].name in ENDS_BLOCK, "code must end with a block-ending instruction")
    caches = []
    profiles = []
    for insn in insns:
        for kind, value in zip(insn.kinds, insn.operands):
            where = "%04d %s" % (insn.pc, insn.name)
            if kind == "r":
                check(0 <= value < f.register_count, "%s: register r%d >= %d", where, value, f.register_count)
            elif kind in "kn":
                check(0 <= value < len(f.constants), "%s: constant %d out of range", where, value)
                if kind == "n":
                    check(isinstance(f.constants[value], C.Atom), "%s: n operand is not an atom", where)
            elif kind == "t":
                check(value in boundaries or value == end, "%s: target %d not an instruction", where, value)
                # BC-14: every backward edge is a LOOP, which polls the safepoint.
                check(value > insn.pc or insn.name == "LOOP", "%s: backward jump to %d", where, value)
            elif kind == "c":
                check(0 <= value < f.cache_count, "%s: cache %d >= %d", where, value, f.cache_count)
                caches.append(value)
            elif kind == "p":
                check(0 <= value < f.profile_count, "%s: profile %d >= %d", where, value, f.profile_count)
                profiles.append(value)
        if insn.name in ("CLOSURE", "METHOD", "CLASS"):
            ref = constant(f, insn, "k")
            check(isinstance(ref, C.FunctionRef), "%04d %s: k is not a function", insn.pc, insn.name)
            check(0 < ref.index < len(functions), "%04d: function index %d", insn.pc, ref.index)
            referenced.add(ref.index)
    # BC-11: one cache slot per site, none unused.
    check(sorted(caches) == list(range(f.cache_count)), "cache slots %s vs count %d", sorted(caches), f.cache_count)
    # BC-18: one profile slot per profiled instruction, none unused.
    check(sorted(profiles) == list(range(f.profile_count)), "profile slots %s vs count %d",
          sorted(profiles), f.profile_count)
    # BC-8: handlers inside the code, on boundaries, with a valid register.
    for h in f.handlers:
        check(h.start < h.end <= end, "handler range [%d, %d)", h.start, h.end)
        check(h.start in boundaries and (h.end in boundaries or h.end == end), "handler range off boundary")
        check(h.target in boundaries, "handler target %d not an instruction", h.target)
        check(h.register < f.register_count, "handler register r%d", h.register)
        check(h.kind in (0, 1), "handler kind %d", h.kind)
        check(not h.start <= h.target < h.end, "handler %r protects its own target", h)
    # BC-10: line table sorted by pc, positions 1-based.
    previous = -1
    for pc, line, column in f.lines:
        check(pc > previous and (pc in boundaries or pc == end), "line entry at %d", pc)
        check(line >= 1 and column >= 1, "line entry %d:%d", line, column)
        previous = pc
    if f.env_names is not None:
        check(len(f.env_names) == f.env_size, "env names %d vs env_size %d", len(f.env_names), f.env_size)
    verify_env_depth(f, insns)


UNKNOWN = "unknown"


def verify_env_depth(f, insns):
    """Abstract interpretation of the env stack pushed by this function's own code.

    Each instruction must be reached with one env stack shape (joins agree); POP_ENV never
    pops the function's env; GET_ENV/PUT_ENV slots exist in the env they name when that env is
    local; handlers start with an unknown env and must RESTORE_ENV before touching it [BC-8]."""
    at = {i.pc: i for i in insns}
    order = [i.pc for i in insns]
    following = {pc: order[n + 1] if n + 1 < len(order) else None for n, pc in enumerate(order)}
    states = {}
    work = [(0, ((), ()))]

    def merge(pc, state):
        old = states.get(pc)
        if old is None:
            states[pc] = state
            return True
        stack, saved = old
        check(stack == state[0], "%04d: env stack %s vs %s at a join", pc, stack, state[0])
        merged = tuple(sorted(set(saved) & set(state[1])))
        if merged != saved:
            states[pc] = (stack, merged)
            return True
        return False

    while work:
        pc, state = work.pop()
        if pc is None or pc >= len(f.words):
            continue
        if not merge(pc, state):
            continue
        stack, saved = states[pc]
        insn = at[pc]
        name = insn.name
        for h in f.handlers:
            if h.start <= pc < h.end:
                work.append((h.target, (UNKNOWN, saved)))
        if stack == UNKNOWN and name in ENV_OPS:
            raise VerifyError("%04d %s with an unknown env (handler without RESTORE_ENV)" % (pc, name))
        if name == "PUSH_ENV":
            stack = stack + (insn.operands[0],)
        elif name == "PUSH_WITH":
            stack = stack + ("with",)
        elif name == "POP_ENV":
            check(len(stack) > 0, "%04d POP_ENV below the function's env", pc)
            stack = stack[:-1]
        elif name == "SAVE_ENV":
            saved = tuple(sorted(dict(saved, **{str(insn.operands[0]): stack}).items()))
        elif name == "RESTORE_ENV":
            found = dict(saved).get(str(insn.operands[0]))
            check(found is not None, "%04d RESTORE_ENV of a register holding no saved env", pc)
            stack = found
        elif name in ("GET_ENV", "GET_ENV_CHECKED", "PUT_ENV", "PUT_ENV_CHECKED"):
            if name.startswith("GET"):
                hops, slot = insn.operands[1], insn.operands[2]
            else:
                hops, slot = insn.operands[0], insn.operands[1]
            if hops < len(stack):
                size = stack[-1 - hops]
                check(size != "with", "%04d %s names a with env", pc, name)
                check(slot < size, "%04d %s slot %d of a %d-slot env", pc, name, slot, size)
            elif hops == len(stack) and f.flags & C.NEEDS_ENV:
                check(slot < f.env_size, "%04d %s slot %d of the %d-slot function env", pc, name, slot, f.env_size)
        state = (stack, saved)
        for kind, value in zip(insn.kinds, insn.operands):
            if kind == "t":
                work.append((value, state))
        if name not in ENDS_BLOCK:
            work.append((following[pc], state))


def handler_covers(f, pc):
    return [h for h in f.handlers if h.start <= pc < h.end]


def env_accesses(f):
    return [i for i in f.instructions() if i.name in ("GET_ENV", "GET_ENV_CHECKED", "PUT_ENV", "PUT_ENV_CHECKED")]


# ---------------------------------------------------------------------------------------------
# The blob itself (BC-1..BC-3)


def test_blob_round_trip_preserves_every_field_and_constant_tag():
    """BC-2/BC-3: read_blob inverts serialize for every constant tag and field."""
    f = C.FunctionCode("f\u00e9\U0001F600", C.STRICT | C.ARROW)
    f.param_count, f.register_count, f.length, f.env_size = 1, 4, 1, 2
    f.env_names = ["a", "b"]
    f.source_start, f.source_end = 3, 40
    values = [None, C.NullConst, True, False, 1.5, -0.0, float("inf"), "str\ud800", C.Atom("name"),
              C.FunctionRef(1), C.ConstList([C.ConstList(["x", None]), C.ConstList(["y"])])]
    indexes = [f.constant(v) for v in values]
    f.mark_line(1, 1)
    f.emit("LOAD_INT", 0, -7)
    f.emit("LOAD_CONST", 1, indexes[4])
    f.emit("GET_PROP", 2, 1, indexes[8], f.new_cache())
    f.emit("CLOSURE", 3, indexes[9])
    f.emit("RET", 3)
    f.handlers.append((0, 3, 14, 2, 1))
    g = C.FunctionCode("", 0)
    g.emit("RET_UNDEFINED")
    blob = read_blob(C.serialize([f, g], "file.js", "source text"))
    assert (blob.filename, blob.source) == ("file.js", "source text")
    h = blob.functions[0]
    assert h.name == "f\u00e9\U0001F600" and h.flags == C.STRICT | C.ARROW
    assert (h.param_count, h.register_count, h.length, h.env_size) == (1, 4, 1, 2)
    assert (h.source_start, h.source_end, h.env_names, h.cache_count) == (3, 40, ["a", "b"], 1)
    assert h.profile_count == 1 and h.words[-6] == 0  # GET_PROP got profile slot 0 from emit
    assert h.words == f.words and [tuple(x) for x in h.handlers] == f.handlers
    assert h.lines == [(0, 1, 1)] and blob.functions[1].env_names is None
    got = h.constants
    assert got[0] is None and got[1] is C.NullConst and got[2] is True and got[3] is False
    assert got[4] == 1.5 and struct.pack("<d", got[5]) == struct.pack("<d", -0.0) and got[6] == float("inf")
    assert got[7] == "str\ud800" and type(got[7]) is str
    assert type(got[8]) is C.Atom and got[8] == "name"
    assert isinstance(got[9], C.FunctionRef) and got[9].index == 1
    assert got[10] == (("x", None), ("y",))
    assert instructions(h, "LOAD_INT")[0].operands == [0, -7]


def test_blob_reader_rejects_malformed_bytes():
    blob = compile_source("1 + 2")
    with pytest.raises(BlobError):
        read_blob(b"NOPE" + blob[4:])
    with pytest.raises(BlobError):
        read_blob(blob[:-3])
    with pytest.raises(BlobError):
        read_blob(blob + b"\0")
    with pytest.raises(BlobError):
        list(decode([len(bytecode.OPCODES)]))
    with pytest.raises(BlobError):
        list(decode([bytecode.OPCODE_INDEX["MOV"], 1]))


def test_instruction_length_is_one_word_plus_one_per_operand():
    """BC-1: the decoder and bytecode.instruction_length agree for every opcode."""
    for index, (name, kinds, flags, meaning) in enumerate(bytecode.OPCODES):
        assert set(kinds) <= set("rknitcp"), name
        assert set(flags) <= set("TGSBX"), name
        words = [index] + [0] * len(kinds)
        (insn,) = decode(words)
        assert insn.name == name and insn.length == bytecode.instruction_length(index)


def test_generated_header_lists_every_opcode_in_table_order():
    """BC-12."""
    header = bytecode.generate_c_header()
    assert header.startswith("/* Generated by jsthreads/_build.py")
    names = re.findall(r"^    OP_(\w+),", header, re.M)
    assert names == [name for name, _, _, _ in bytecode.OPCODES]


def _c_source(name):
    with open(os.path.join(ROOT, "csrc", name), encoding="utf-8") as handle:
        return handle.read()


def test_code_flags_mirror_frame_h():
    """BC-13: code.py's flag bits are csrc/frame.h's CODE_* enum."""
    found = dict((name, 1 << int(bit)) for name, bit in
                 re.findall(r"^\s*CODE_(\w+) = 1 << (\d+),", _c_source("frame.h"), re.M))
    assert found == C.FUNCTION_FLAGS


def test_constant_tags_and_record_sizes_mirror_code_c():
    """BC-3/BC-13: the K_* tags in code.c are code.py's, in the same order; handler and line
    records have the 5 and 3 u32 fields the loader copies."""
    text = _c_source("code.c")
    tags = re.search(r"enum \{ (K_UNDEFINED[^}]*) \};", text).group(1)
    names = [t.strip() for t in tags.split(",")]
    assert [getattr(C, n) for n in names] == list(range(len(names))) == list(range(10))
    frame = _c_source("frame.h")
    assert "uint32_t start, end, target, reg, kind;" in frame
    assert "uint32_t pc, line, column;" in frame
    assert "nhandlers * 20" in text and "nlines * 12" in text


# ---------------------------------------------------------------------------------------------
# Registers and bindings (BC-4..BC-7)


def test_parameters_occupy_the_first_registers():
    """BC-4: arguments land in r0..r(n-1); the rest of the frame follows."""
    f = fn(compile_js("function f(a, b, c) { return c; }"), "f")
    assert f.param_count == 3 and f.length == 3
    ret = instructions(f, "RET")[0]
    moves = {i.operands[1]: i.operands[0] for i in instructions(f, "MOV")}
    assert ret.operands[0] in (2, moves.get(2))


def test_uncaptured_locals_live_in_registers():
    """BC-5: nothing captures x, so no env and no env access."""
    f = fn(compile_js("function f(a) { var x = a + 1; let y = x * 2; return y; }"), "f")
    assert not f.flags & C.NEEDS_ENV and f.env_size == 0
    assert env_accesses(f) == [] and "PUSH_ENV" not in ops(f)


def test_captured_locals_live_in_env_slots():
    """BC-5: a closure's free variable lives in the env; the closure reads it with GET_ENV."""
    blob = compile_js("function f(a) { var x = a; var y = 2; return function g() { return x + y; }; }")
    f, g = fn(blob, "f"), fn(blob, "g")
    assert f.flags & C.NEEDS_ENV and f.env_size == 2
    puts = instructions(f, "PUT_ENV")
    assert sorted(i.operands[1] for i in puts) == [0, 1] and all(i.operands[0] == 0 for i in puts)
    gets = instructions(g, "GET_ENV")
    assert len(gets) == 2 and all(i.operands[1] == 0 for i in gets)
    assert sorted(i.operands[2] for i in gets) == [0, 1]
    assert not g.flags & C.NEEDS_ENV


def test_env_hops_count_only_scopes_with_an_env():
    """BC-5: hops = envs between the reference and the binding's env."""
    blob = compile_js("""
        function outer() {
          let a = 1;
          function mid() { let b = 2; return () => a + b; }
          return mid;
        }""")
    arrow = blob.functions[-1]
    hops = sorted((i.operands[1], i.operands[2]) for i in instructions(arrow, "GET_ENV_CHECKED"))
    assert hops == [(0, 0), (1, 0)]


def test_block_scoped_capture_pushes_and_pops_a_block_env():
    f = fn(compile_js("function f() { { let x = 1; g(() => x); } return 1; }"), "f")
    assert ops(f).count("PUSH_ENV") == 1 and ops(f).count("POP_ENV") == 1
    assert not f.flags & C.NEEDS_ENV


def test_let_tdz_uses_holes_and_checks():
    """Uncaptured let: LOAD_HOLE then CHECK_TDZ on reads; captured: GET_ENV_CHECKED."""
    f = fn(compile_js("function f() { g(x); let x = 1; return x; }"), "f")
    assert "LOAD_HOLE" in ops(f) and "x" in names_loaded(f, "CHECK_TDZ")
    h = fn(compile_js("function h() { let x = 1; return () => x; }"), "h")
    arrow = compile_js("function h() { let x = 1; return () => x; }").functions[-1]
    assert "GET_ENV_CHECKED" in ops(arrow)
    hole_then_put = [i.name for i in h.instructions()][:2]
    assert hole_then_put == ["LOAD_HOLE", "PUT_ENV"]


def test_var_reads_are_not_tdz_checked():
    f = fn(compile_js("function f() { var x = 1; return () => x; }"), "f")
    arrow = compile_js("function f() { var x = 1; return () => x; }").functions[-1]
    assert "GET_ENV" in ops(arrow) and "GET_ENV_CHECKED" not in ops(arrow)
    assert "CHECK_TDZ" not in ops(f)


def test_const_assignment_throws_after_a_tdz_check():
    f = fn(compile_js("function f() { const c = 1; c = 2; }"), "f")
    assert "THROW_CONST_ASSIGN" in ops(f) and "CHECK_TDZ" in ops(f)
    assert ops(f).index("CHECK_TDZ") < ops(f).index("THROW_CONST_ASSIGN")


def test_globals_use_global_opcodes_with_caches():
    blob = compile_js("var v = 1; let l = 2; const c = 3; function d() {} v = l + c + undeclared;")
    main = blob.entry
    # One instruction checks and binds every name of the script (BC-6), before anything else.
    assert declared_globals(main) == [["l"], ["c"], ["v"], ["d"]]
    assert ops(main).index("DECLARE_GLOBALS") < ops(main).index("CLOSURE")
    assert names_loaded(main, "DECLARE_GLOBAL_FUNCTION") == ["d"]
    assert "DECLARE_GLOBAL_VAR" not in ops(main) and "CHECK_GLOBAL_DECLARATIONS" not in ops(main)
    assert set(names_loaded(main, "GET_GLOBAL")) == {"l", "c", "undeclared"}
    assert names_loaded(main, "PUT_GLOBAL") == ["v", "v"]
    # Declarations come before any statement's code.
    assert ops(main).index("DECLARE_GLOBAL_FUNCTION") < ops(main).index("INIT_GLOBAL_LEXICAL")


def test_typeof_undeclared_global_does_not_throw():
    main = compile_js("typeof nothing").entry
    assert names_loaded(main, "TYPEOF_GLOBAL") == ["nothing"] and "GET_GLOBAL" not in ops(main)


def test_mapped_arguments_put_parameters_in_env_slots_in_order():
    """BC-7: sloppy function with simple params using arguments: parameter i is env slot i."""
    f = fn(compile_js("function f(a, b, c) { return arguments.length + a; }"), "f")
    assert f.flags & C.NEEDS_ARGUMENTS and f.flags & C.NEEDS_ENV
    puts = {i.operands[2]: i.operands[1] for i in instructions(f, "PUT_ENV") if i.operands[2] < 3}
    assert puts == {0: 0, 1: 1, 2: 2}
    assert instructions(f, "CREATE_ARGUMENTS")[0].operands[1] == 1


def test_strict_arguments_are_unmapped_and_params_stay_in_registers():
    f = fn(compile_js("function f(a, b) { 'use strict'; return arguments[0] + a; }"), "f")
    assert instructions(f, "CREATE_ARGUMENTS")[0].operands[1] == 0
    assert not any(i.operands[2] in (0, 1) for i in instructions(f, "PUT_ENV"))


def test_rest_and_default_parameters():
    f = fn(compile_js("function f(a, b = a + 1, ...rest) { return rest; }"), "f")
    assert f.length == 1 and f.param_count == 3
    assert instructions(f, "CREATE_REST")[0].operands[1] == 2
    assert "JMP_UNDEFINED" in ops(f) and f.flags & C.NEEDS_ARGUMENTS


def test_this_and_new_target_captured_by_arrows_go_through_the_env():
    blob = compile_js("function f() { return () => [this, new.target]; }")
    f, arrow = fn(blob, "f"), blob.functions[-1]
    assert "LOAD_THIS" in ops(f) and "LOAD_NEW_TARGET" in ops(f)
    assert names_loaded(arrow, "GET_ENV_CHECKED") == ["this"]
    assert "GET_ENV" in ops(arrow) and "LOAD_THIS" not in ops(arrow)
    assert arrow.flags & C.ARROW


def test_direct_eval_makes_the_function_dynamic():
    """BC-6: direct eval: every binding in a named env, names after the eval are dynamic."""
    f = fn(compile_js("function f(a) { var x = 1; eval('x'); return y; }"), "f")
    assert f.flags & C.DYNAMIC_SCOPE and f.flags & C.NEEDS_ENV
    assert {"a", "x", "arguments"} <= set(f.env_names)
    assert "CALL_EVAL" in ops(f) and names_loaded(f, "GET_NAME_THIS") == ["eval"]
    assert "y" in names_loaded(f, "GET_NAME")


def test_enclosing_functions_of_eval_keep_named_envs():
    blob = compile_js("function outer() { var o = 1; function inner() { eval(''); } return inner; }")
    outer = fn(blob, "outer")
    assert outer.flags & C.DYNAMIC_SCOPE and "o" in outer.env_names


def test_strict_eval_call_does_not_make_names_dynamic():
    f = fn(compile_js("function f() { 'use strict'; var x = 1; eval('x'); return x; }"), "f")
    assert "GET_NAME" not in ops(f)


def test_with_statement_resolves_names_dynamically():
    """BC-6: inside with, names (even locals) are looked up by name."""
    f = fn(compile_js("function f(o) { var v = 1; with (o) { v = w; v += 1; } return v; }"), "f")
    assert "PUSH_WITH" in ops(f)
    assert names_loaded(f, "GET_NAME") == ["w"]
    # Assignments resolve their reference once, before the right side (ES2020 6.2.4.9).
    assert names_loaded(f, "RESOLVE_NAME") == ["v", "v"]
    assert names_loaded(f, "GET_NAME_REF") == ["v"] and names_loaded(f, "PUT_NAME_REF") == ["v", "v"]
    code = ops(f)
    assert code.index("RESOLVE_NAME") < code.index("GET_NAME") < code.index("PUT_NAME_REF")
    assert f.env_names is not None and "v" in f.env_names


def test_with_call_passes_the_with_object_as_this():
    f = fn(compile_js("function f(o) { with (o) { m(); } }"), "f")
    assert names_loaded(f, "GET_NAME_THIS") == ["m"]


def test_sloppy_eval_code_declares_in_the_callers_scope():
    """BC-6: eval code: vars via DECLARE_EVAL_VAR, free names and own vars by name."""
    main = compile_js("var a = 1; function f() {} a + b;", mode="eval").entry
    assert main.flags & C.EVAL and main.flags & C.SCRIPT
    assert names_loaded(main, "DECLARE_EVAL_VAR") == ["a"]
    assert names_loaded(main, "DECLARE_EVAL_FUNCTION") == ["f"]
    assert set(names_loaded(main, "GET_NAME")) == {"a", "b"}
    assert "GET_GLOBAL" not in ops(main)


def test_sloppy_eval_lexicals_get_their_own_env():
    blob = compile_js("let x = 1; var y = 2; (() => x + y)();", mode="eval")
    main, arrow = blob.entry, blob.functions[-1]
    # The global-declaration check comes first; it only acts when the var scope is global.
    assert ops(main)[:5] == ["LOAD_UNDEFINED", "CHECK_GLOBAL_DECLARATIONS", "DECLARE_EVAL_VAR", "PUSH_ENV", "LOAD_HOLE"]
    assert names_loaded(arrow, "GET_ENV_CHECKED") == ["x"] and names_loaded(arrow, "GET_NAME") == ["y"]


def test_strict_eval_code_keeps_its_vars_local_and_free_names_dynamic():
    main = compile_js("var a = 1; a + b;", mode="eval", strict=True).entry
    assert main.flags & C.STRICT and "DECLARE_EVAL_VAR" not in ops(main)
    assert names_loaded(main, "GET_NAME") == ["b"]


def test_non_simple_parameters_get_a_scope_apart_from_the_body_vars():
    """ES2020 FunctionDeclarationInstantiation: defaults see the parameter scope, not the body's
    vars; a body var named like a parameter starts with the parameter's value."""
    blob = compile_js("function f(a, g = () => a + x) { var a; var x = 1; return () => x; }")
    f = fn(blob, "f")
    default_arrow, body_arrow = blob.functions[-2], blob.functions[-1]
    # Body vars are a scope of their own, but captured ones share the function Env (no push).
    assert "PUSH_ENV" not in ops(f) and f.env_size == 2   # parameter a, body var x
    # The default's closure reads a from the parameter's slot and x from the global object.
    assert names_loaded(default_arrow, "GET_ENV_CHECKED") == ["a"] and names_loaded(default_arrow, "GET_GLOBAL") == ["x"]
    param_slot = instructions(default_arrow, "GET_ENV_CHECKED")[0].operands[2]
    body_slot = instructions(body_arrow, "GET_ENV")[0].operands[2]
    assert param_slot != body_slot


def test_body_var_scope_of_a_function_calling_eval_gets_its_own_env():
    """Sloppy eval in the body declares its vars in the body's var scope: PUSH_ENV kind 1."""
    f = fn(compile_js("function f(a = 1) { var b; eval(''); }"), "f")
    assert [i.operands[2] for i in instructions(f, "PUSH_ENV")][:1] == [1]


def test_parameters_are_in_tdz_only_for_the_parameter_list():
    f = fn(compile_js("function f(a = b, b = 1) { return a + b; }"), "f")
    code = ops(f)
    assert code.count("LOAD_HOLE") >= 2
    checks = instructions(f, "CHECK_TDZ")
    assert [str(constant(f, i, "n")) for i in checks] == ["b"]   # the body's a + b is not checked
    simple = fn(compile_js("function s(a, b) { return a + b; }"), "s")
    assert "CHECK_TDZ" not in ops(simple) and "LOAD_HOLE" not in ops(simple)


def test_arguments_exist_before_non_simple_parameters_are_bound():
    f = fn(compile_js("function f(a = arguments[1]) { return a; }"), "f")
    assert ops(f).index("CREATE_ARGUMENTS") < ops(f).index("JMP_UNDEFINED")
    assert instructions(f, "CREATE_ARGUMENTS")[0].operands[1] == 0


def test_duplicate_parameters_map_only_the_last_occurrence():
    """BC-7: slot i stays parameter i; an earlier duplicate gets a placeholder slot."""
    f = fn(compile_js("function f(a, b, a) { return arguments[0] + a; }"), "f")
    puts = {i.operands[2]: i.operands[1] for i in instructions(f, "PUT_ENV") if i.operands[2] < 3}
    assert puts == {0: 0, 1: 1, 2: 2} and f.env_size >= 3
    ret_source = instructions(f, "GET_ENV")
    assert 2 in [i.operands[2] for i in ret_source] and 0 not in [i.operands[2] for i in ret_source]


def test_sloppy_function_calling_eval_keeps_top_level_lexicals_apart_from_vars():
    """EvalDeclarationInstantiation must tell a function's let from its var: the lets get a
    block env of their own above the function env."""
    f = fn(compile_js("function f() { var v; let l; eval(''); }"), "f")
    assert "v" in f.env_names and "l" not in f.env_names
    push = instructions(f, "PUSH_ENV")
    assert len(push) == 1 and push[0].operands[2] == 0
    assert list(constant(f, push[0], "k")) == ["l"]
    strict = fn(compile_js("function s() { 'use strict'; var v; let l; eval(''); }"), "s")
    assert "PUSH_ENV" not in ops(strict)


def test_catch_parameter_env_is_marked_for_eval():
    f = fn(compile_js("function f() { try {} catch (e) { eval(''); } }"), "f")
    assert [i.operands[2] for i in instructions(f, "PUSH_ENV")][:1] == [2]


def test_annex_b_block_function_assigns_its_var_when_evaluated():
    """B.3.3: the var exists (undefined) from the start; the block's declaration copies it."""
    f = fn(compile_js("function f() { { g(); function g() {} } return g; }"), "f")
    code = ops(f)
    closure = code.index("CLOSURE")
    call = code.index("CALL")
    assert code.count("MOV") >= 2 and call > closure
    main = compile_js("{ function g() {} }").entry
    assert declared_globals(main) == [[], [], ["g"], []] and names_loaded(main, "PUT_GLOBAL") == ["g"]


@pytest.mark.parametrize("source", [
    "function f() { let g; { function g() {} } }",
    "function f(g) { { function g() {} } }",
    "function f() { { let g; { function g() {} } } }",
    "function f() { 'use strict'; { function g() {} } }",
    "function f() { { function* g() {} } }",
])
def test_annex_b_skips_functions_whose_var_would_conflict(source):
    code = ops(fn(compile_js(source), "f"))
    # Only the block's own hoisting stores the closure; no copy follows it.
    closure = code.index("CLOSURE")
    assert code[closure + 1] in ("MOV", "PUT_ENV") and code[closure + 2:] == ["RET_UNDEFINED"], code


def test_annex_b_function_in_eval_assigns_from_outside_the_eval_envs():
    main = compile_js("let x; { function g() { return x; } }", mode="eval").entry
    code = ops(main)
    put = code.index("PUT_NAME")
    assert code[put - 3:put] == ["SAVE_ENV", "POP_ENV", "POP_ENV"] and code[put + 1] == "RESTORE_ENV"
    assert names_loaded(main, "DECLARE_EVAL_VAR") == ["g"]


def test_indirect_eval_lexicals_live_in_a_fresh_env():
    main = compile_js("let a = 1; var b = a; function c() { return a; }", mode="indirect-eval").entry
    assert "DECLARE_GLOBAL_LEXICAL" not in ops(main) and "INIT_GLOBAL_LEXICAL" not in ops(main)
    assert names_loaded(main, "DECLARE_GLOBAL_VAR") == ["b"]
    assert names_loaded(main, "DECLARE_GLOBAL_FUNCTION") == ["c"]
    assert "PUSH_ENV" in ops(main) and "GET_GLOBAL" not in names_loaded(main, "GET_GLOBAL")


def test_strict_indirect_eval_keeps_its_vars_local():
    main = compile_js("var a = 1; function c() {} a;", mode="indirect-eval", strict=True).entry
    assert "DECLARE_GLOBAL_VAR" not in ops(main) and "DECLARE_GLOBAL_FUNCTION" not in ops(main)


def test_completion_value_is_reset_by_if_loops_switch_try_and_with():
    """UpdateEmpty(stmt, undefined): these statements complete with undefined when empty."""
    for source in ("1; if (true) {}", "1; while (false) {}", "1; switch (1) {}",
                   "1; try {} catch (e) {}", "1; with ({}) {}", "var k; 1; for (k in {}) {}"):
        main = compile_js(source, mode="eval").entry
        completion = instructions(main, "RET")[0].operands[0]
        loads = [i for i in instructions(main, "LOAD_UNDEFINED") if i.operands[0] == completion]
        assert len(loads) >= 2, source
    main = compile_js("1; { } var x = 2; function f() {}", mode="eval").entry
    completion = instructions(main, "RET")[0].operands[0]
    assert len([i for i in instructions(main, "LOAD_UNDEFINED") if i.operands[0] == completion]) == 1


def test_destructuring_assignment_evaluates_the_target_before_the_value():
    """ES2020 12.15.5.6: the target reference, then the value, then the default."""
    main = compile_js("({ p: o[k] = d } = s);").entry
    code = ops(main)
    assert code.index("TO_PROPERTY_KEY") < code.index("GET_PROP", code.index("TO_PROPERTY_KEY")) < code.index("PUT_ELEM")
    names = [(i.name, str(constant(main, i, "n"))) for i in main.instructions()
             if i.name in ("GET_GLOBAL", "GET_PROP")]
    assert names == [("GET_GLOBAL", "s"), ("GET_GLOBAL", "o"), ("GET_GLOBAL", "k"), ("GET_PROP", "p"), ("GET_GLOBAL", "d")]


def test_for_in_right_side_sees_the_loop_bindings_in_tdz():
    blob = compile_js("for (let x in { k: () => x }) ;")
    arrow = blob.functions[-1]
    assert names_loaded(arrow, "GET_ENV_CHECKED") == ["x"]


def test_for_let_copies_the_env_before_the_first_test():
    f = fn(compile_js("function f() { for (let i = 0, g = () => i; i < 2; i++) {} }"), "f")
    code = ops(f)
    assert code.count("COPY_ENV") == 2 and code.index("COPY_ENV") < code.index("LT")


def test_new_function_body_is_the_entry():
    blob = read_blob(compile_function("a, b", "return a + b"))
    verify(blob)
    f = blob.entry
    assert f.name == "anonymous" and f.param_count == 2 and f.length == 2
    assert not f.flags & C.SCRIPT and len(blob.functions) == 1


# ---------------------------------------------------------------------------------------------
# Statements


def test_function_declarations_are_hoisted_before_statements():
    f = fn(compile_js("function f() { return g(); function g() { return 1; } }"), "f")
    assert ops(f).index("CLOSURE") < ops(f).index("CALL")


def test_if_and_conditional_jumps_land_after_the_branch():
    f = fn(compile_js("function f(a) { if (a && !b) { return 1; } else { return 2; } }"), "f")
    assert {"JMP_FALSE", "JMP_TRUE"} & set(ops(f))


def test_while_and_do_while_loops_jump_back_with_loop():
    """LOOP is the only backward jump: it polls the safepoint (INT-9)."""
    for source in ("function f(n) { while (n) n--; }", "function f(n) { do n--; while (n); }",
                   "function f(n) { for (var i = 0; i < n; i++) {} }"):
        f = fn(compile_js(source), "f")
        loops = instructions(f, "LOOP")
        assert len(loops) == 1 and loops[0].operands[0] < loops[0].pc
        for insn in f.instructions():
            for kind, target in zip(insn.kinds, insn.operands):
                if kind == "t" and insn.name != "LOOP":
                    assert target > insn.pc, (source, insn)


def test_continue_to_a_while_head_is_a_loop_back_edge():
    """BC-14: `while (x) { continue; }` must still reach a safepoint poll every iteration."""
    f = fn(compile_js("function f(n) { while (n) { if (n > 1) continue; n--; } }"), "f")
    loops = instructions(f, "LOOP")
    assert len(loops) == 2 and len({i.operands[0] for i in loops}) == 1
    assert all(i.operands[0] > i.pc for i in instructions(f, "JMP"))


def test_for_let_captured_copies_the_env_each_iteration():
    f = fn(compile_js("function f() { for (let i = 0; i < 3; i++) g(() => i); }"), "f")
    assert ops(f).count("COPY_ENV") == 2
    code = ops(f)
    # CreatePerIterationEnvironment: once before the first test, then after the body and
    # before the update.
    first = code.index("COPY_ENV")
    second = code.index("COPY_ENV", first + 1)
    assert first < code.index("LT") < code.index("CALL") < second < code.index("INC")


def test_for_let_uncaptured_does_not_copy():
    f = fn(compile_js("function f() { for (let i = 0; i < 3; i++) g(i); }"), "f")
    assert "COPY_ENV" not in ops(f) and "PUSH_ENV" not in ops(f)


def test_for_in_uses_the_key_iterator():
    f = fn(compile_js("function f(o) { for (var k in o) g(k); }"), "f")
    assert "FOR_IN_PREPARE" in ops(f) and "FOR_IN_NEXT" in ops(f)
    nxt = instructions(f, "FOR_IN_NEXT")[0]
    assert ops(f)[-1] == "RET_UNDEFINED" and nxt.operands[2] > nxt.pc


def test_for_of_closes_the_iterator_on_break_but_not_on_continue():
    f = fn(compile_js("function f(a) { for (const x of a) { if (x) continue; break; } }"), "f")
    assert "GET_ITERATOR" in ops(f) and "ITER_NEXT" in ops(f)
    assert ops(f).count("ITER_CLOSE") == 1
    # The throw path closes it too, through a finally-kind handler [BC-8]. The range has a
    # gap where break closes the iterator itself.
    assert len({h.target for h in f.handlers}) == 1 and all(h.kind == 1 for h in f.handlers)
    close = instructions(f, "ITER_CLOSE")[0]
    assert handler_covers(f, close.pc) == []
    target = [i for i in f.instructions() if i.pc == f.handlers[0].target][0]
    assert target.name in ("ITER_CLOSE_THROW", "RESTORE_ENV")


def test_for_of_per_iteration_env_for_captured_let():
    f = fn(compile_js("function f(a) { for (let x of a) g(() => x); }"), "f")
    code = ops(f)
    assert code.count("PUSH_ENV") == 2  # one for the TDZ of the head, one per iteration
    assert code.count("POP_ENV") == 3   # after the head, at the back edge, at break


def test_labeled_continue_and_break_reach_outer_loops():
    f = fn(compile_js("""function f() {
        outer: for (var i = 0; i < 3; i++) {
          inner: for (var j = 0; j < 3; j++) { if (j) continue outer; if (i) break outer; }
        }
        a: b: for (;;) { continue a; }
        block: { break block; }
      }"""), "f")
    loops = [i.operands[0] for i in instructions(f, "LOOP")]
    assert len(loops) == 3


def test_illegal_labeled_continue_is_a_syntax_error():
    with pytest.raises(JSSyntaxError):
        compile_source("a: { continue a; }")


def test_switch_compares_cases_strictly_and_hoists_functions_first():
    f = fn(compile_js("""function f(x) {
        switch (x) { case 1: return g(); case h(): break; default: return 0; function g() {} }
      }"""), "f")
    code = ops(f)
    assert code.count("JMP_STRICT_EQ") == 2
    # g exists before any case test runs (FunctionDeclarationInstantiation of the block).
    assert code.index("CLOSURE") < code.index("JMP_STRICT_EQ")


def test_switch_with_captured_let_has_its_own_env():
    f = fn(compile_js("function f(x) { switch (x) { case 1: let y = 2; return () => y; } }"), "f")
    assert "PUSH_ENV" in ops(f)


def test_try_catch_handler_restores_the_env_first():
    """BC-8, INT-4: unwinding keeps the throw point's env, so a catch restores it."""
    f = fn(compile_js("function f() { try { let x = 1; g(() => x); } catch (e) { return e; } }"), "f")
    (h,) = f.handlers
    assert h.kind == 0
    first = [i for i in f.instructions() if i.pc == h.target][0]
    assert first.name == "RESTORE_ENV"
    save = instructions(f, "SAVE_ENV")[0]
    assert save.operands[0] == first.operands[0] and save.pc < h.start


def test_try_finally_runs_the_finally_on_every_exit_outside_the_handlers():
    """BC-8: finally bodies are inlined on each exit; the copies are not protected by the
    handlers of the try they belong to (an exception there must not re-run the finally)."""
    f = fn(compile_js("""function f(a) {
        for (;;) {
          try {
            if (a) return 1;
            if (b) break;
            if (c) continue;
          } catch (e) {
            return 2;
          } finally {
            cleanup();
          }
        }
      }"""), "f")
    calls = [i for i in instructions(f, "CALL")]
    # return 1, break, continue, return 2, normal completion, exception path.
    assert len(calls) == 6
    kinds = sorted(h.kind for h in f.handlers)
    assert set(kinds) == {0, 1}
    finally_target = [h for h in f.handlers if h.kind == 1][0].target
    for call in calls:
        if call.pc > finally_target:
            continue  # the copy inside the finally handler itself
        assert handler_covers(f, call.pc) == [], call


def test_try_finally_return_value_survives_the_finally():
    f = fn(compile_js("function f() { var x = 1; try { return x; } finally { x = 2; } }"), "f")
    ret = instructions(f, "RET")[0]
    mov_to_ret = [i for i in instructions(f, "MOV") if i.operands[0] == ret.operands[0]]
    assert mov_to_ret and mov_to_ret[0].pc < instructions(f, "LOAD_INT")[-1].pc


def test_nested_finally_bodies_run_innermost_first_with_iterator_closes_between():
    f = fn(compile_js("""function f(it) {
        try {
          for (const x of it) {
            try { return x; } finally { inner(); }
          }
        } finally { outer(); }
      }"""), "f")
    sequence = [i.name if i.name != "GET_GLOBAL" else str(constant(f, i, "n")) for i in f.instructions()]
    ret = sequence.index("RET")
    before = [s for s in sequence[:ret] if s in ("inner", "outer", "ITER_CLOSE")]
    assert before[-3:] == ["inner", "ITER_CLOSE", "outer"]


def test_break_through_finally_pops_block_envs_once():
    """The env depth stays consistent when a break leaves block envs and runs a finally."""
    blob = compile_js("""function f() {
        let a = 1; g(() => a);
        for (;;) {
          try { { let x = 2; g(() => x); break; } } finally { let y = 3; g(() => y); }
        }
        return a;
      }""")
    f = fn(blob, "f")
    assert "GET_ENV_CHECKED" in ops(f) or "GET_ENV" in ops(f)  # verify() checked the depths


def test_derived_constructor_return_is_outside_its_try():
    """BC-8: a derived constructor's bad return value throws past its own catch."""
    blob = compile_js("class B extends A { constructor() { try { return 1; } catch (e) {} } }")
    ctor = fn(blob, "B")
    ret = instructions(ctor, "RET")[0]
    assert handler_covers(ctor, ret.pc) == []


def test_throw_statement():
    f = fn(compile_js("function f() { throw new Error('x'); }"), "f")
    assert ops(f)[-2:] == ["THROW", "RET_UNDEFINED"] and "NEW" in ops(f)


def test_array_destructuring_closes_the_iterator():
    f = fn(compile_js("function f(a) { var [x, , y = 1, ...z] = a; return z; }"), "f")
    code = ops(f)
    assert "GET_ITERATOR" in code and "ITER_NEXT" in code and "ITER_CLOSE" in code
    assert "ITER_CLOSE_THROW" in code and "JMP_UNDEFINED" in code and "ARRAY_PUSH" in code
    assert [h.kind for h in f.handlers] == [1]


def test_object_destructuring_with_rest_and_computed_keys():
    f = fn(compile_js("function f(o, k) { var {a, b: {c}, [k]: d = 2, ...rest} = o; }"), "f")
    code = ops(f)
    assert code.count("REQUIRE_OBJECT_COERCIBLE") == 2
    assert "GET_ELEM" in code and "TO_PROPERTY_KEY" in code
    assert "COPY_DATA_PROPERTIES" in code
    assert set(names_loaded(f, "GET_PROP")) == {"a", "b", "c"}


def test_destructuring_assignment_to_members():
    f = fn(compile_js("function f(o, p) { [o.x, o[0]] = p; ({y: o.y} = p); }"), "f")
    assert names_loaded(f, "PUT_PROP") == ["x", "y"] and "PUT_ELEM" in ops(f)


def test_catch_parameter_destructuring():
    f = fn(compile_js("function f() { try {} catch ({message}) { return message; } }"), "f")
    assert names_loaded(f, "GET_PROP") == ["message"]


# ---------------------------------------------------------------------------------------------
# Expressions


def test_small_integers_are_immediates_and_other_numbers_constants():
    main = compile_js("a = 1; a = -5; a = 1.5; a = 4294967296; a = -0;").entry
    ints = [i.operands[1] for i in instructions(main, "LOAD_INT")]
    assert 1 in ints and 0 in ints  # -5 and -0 are NEG of a literal
    consts = [constant(main, i, "k") for i in instructions(main, "LOAD_CONST")]
    assert 1.5 in consts and 4294967296.0 in consts
    assert ops(main).count("NEG") == 2


def test_operators_map_to_their_opcodes():
    main = compile_js("""r = a + b; r = a - b; r = a * b; r = a / b; r = a % b; r = a ** b;
        r = a & b; r = a | b; r = a ^ b; r = a << b; r = a >> b; r = a >>> b;
        r = a == b; r = a != b; r = a === b; r = a !== b; r = a < b; r = a <= b; r = a > b;
        r = a >= b; r = a instanceof b; r = a in b; r = -a; r = +a; r = !a; r = ~a;
        r = typeof a; r = void a; r = typeof q.r;""").entry
    code = set(ops(main))
    for name in ("ADD SUB MUL DIV MOD EXP BIT_AND BIT_OR BIT_XOR SHL SAR SHR EQ NE STRICT_EQ "
                 "STRICT_NE LT LE GT GE INSTANCEOF IN NEG TO_NUMBER NOT BIT_NOT TYPEOF_GLOBAL TYPEOF").split():
        assert name in code, name


def test_compound_and_update_assignment():
    f = fn(compile_js("function f(o, k) { var x = 1; x += 2; o.p *= 3; o[k] -= 1; x++; --o.q; return x; }"), "f")
    code = ops(f)
    assert {"ADD", "MUL", "SUB", "INC", "DEC", "TO_NUMERIC"} <= set(code)
    assert "TO_PROPERTY_KEY" in code and names_loaded(f, "PUT_PROP") == ["p", "q"]


def test_logical_and_nullish_assignment_short_circuit():
    f = fn(compile_js("function f(a, o) { a ||= 1; a &&= 2; o.x ??= 3; return a ?? o; }"), "f")
    code = ops(f)
    assert {"JMP_TRUE", "JMP_FALSE", "JMP_NOT_NULLISH"} <= set(code)


def test_left_operand_register_is_copied_when_the_right_side_may_assign_it():
    f = fn(compile_js("function f() { var x = 1; return x + (x = 2); }"), "f")
    add = instructions(f, "ADD")[0]
    moves = instructions(f, "MOV")
    assert any(m.operands[0] == add.operands[1] and m.pc < add.pc for m in moves)


def test_callee_register_is_copied_when_an_argument_may_assign_it():
    f = fn(compile_js("function f(g) { return g(g = 1); }"), "f")
    call = instructions(f, "CALL")[0]
    assert call.operands[1] >= 2  # a temporary, not g's binding register


def test_calls_pass_this_and_consecutive_arguments():
    f = fn(compile_js("function f(o) { return o.m(1, 2, 3); }"), "f")
    call = instructions(f, "CALL")[0]
    dst, callee, this, first, count = call.operands[:5]  # then the call cache and profile slots
    assert count == 3 and first + count <= f.register_count
    get = instructions(f, "GET_PROP")[0]
    assert get.operands[0] == callee and get.operands[1] == this


def test_spread_in_calls_arrays_new_and_objects():
    f = fn(compile_js("function f(a, C) { g(...a, 1); [0, ...a]; new C(...a); return {...a}; }"), "f")
    code = ops(f)
    assert "CALL_SPREAD" in code and "NEW_SPREAD" in code
    assert code.count("ARRAY_SPREAD") == 3 and "COPY_DATA_PROPERTIES" in code


def test_array_holes_and_object_literal_forms():
    f = fn(compile_js("""function f(k) {
        return [1, , 2] && {a: 1, [k]: 2, get g() { return 1; }, set g(v) {}, m() {},
                            __proto__: null, 'q': function () {}};
      }"""), "f")
    code = ops(f)
    assert "ARRAY_PUSH_HOLE" in code and "SET_PROTO" in code and "DEFINE_FIELD" in code
    # Literal method, getter, setter (classes use 0/1/2).
    kinds = sorted(i.operands[3] for i in instructions(f, "DEFINE_METHOD"))
    assert kinds == [3, 7, 8]
    names = sorted(blob_f.name for blob_f in compile_js(
        "({get g() {}, set g(v) {}, m() {}, q: function () {}})").functions[1:])
    assert names == ["get g", "m", "q", "set g"]


def test_template_literals_convert_with_to_string():
    f = fn(compile_js("function f(a, b) { return `x${a}y${b}`; }"), "f")
    # "x" + a + "y" + b: the empty last chunk is not added.
    assert ops(f).count("TO_STRING") == 2 and ops(f).count("ADD") == 3


def test_tagged_templates_pass_a_cached_template_object():
    f = fn(compile_js("function f(t, a) { return t`x${a}y`; }"), "f")
    template = instructions(f, "TEMPLATE_OBJECT")[0]
    strings = constant(f, template, "k")
    assert strings == (("x", "y"), ("x", "y"))
    call = instructions(f, "CALL")[0]
    assert call.operands[3] == template.operands[0] and call.operands[4] == 2


def test_optional_chaining_short_circuits_to_undefined():
    f = fn(compile_js("function f(o) { return o?.a.b?.(1)?.[2]; }"), "f")
    code = ops(f)
    assert code.count("JMP_NULLISH") == 3 and "LOAD_UNDEFINED" in code
    targets = {i.operands[1] for i in instructions(f, "JMP_NULLISH")}
    assert len(targets) == 1  # the whole chain short-circuits to one place


def test_delete_forms():
    f = fn(compile_js("function f(o, k) { delete o.a; delete o[k]; delete o?.b; return delete 1; }"), "f")
    code = ops(f)
    assert "DELETE_PROP" in code and "DELETE_ELEM" in code and "JMP_NULLISH" in code
    main = compile_js("delete g;").entry
    assert names_loaded(main, "DELETE_NAME") == ["g"]


def test_regexp_literal():
    f = fn(compile_js("function f() { return /a+b/gi; }"), "f")
    insn = instructions(f, "REGEXP")[0]
    assert f.constants[insn.operands[1]] == "a+b" and f.constants[insn.operands[2]] == "gi"


def test_bigint_literals_are_hex_constants():
    f = fn(compile_js("function f() { return 255n + 0x10n; }"), "f")
    loads = instructions(f, "LOAD_CONST")
    values = [f.constants[insn.operands[1]] for insn in loads]
    assert values == ["ff", "10"] and all(type(v).__name__ == "BigIntConst" for v in values)


def test_comma_and_conditional_expressions():
    f = fn(compile_js("function f(a) { return (g(), a ? 1 : 2); }"), "f")
    assert "JMP_FALSE" in ops(f) and "JMP" in ops(f)


def test_new_and_new_target():
    f = fn(compile_js("function f(C) { return new C(1, 2) && new.target; }"), "f")
    new = instructions(f, "NEW")[0]
    assert new.operands[3] == 2 and "LOAD_NEW_TARGET" in ops(f)


def test_named_function_expression_binds_its_own_name():
    blob = compile_js("var f = function g(n) { return n ? g(n - 1) : 0; };")
    g = fn(blob, "g")
    assert "GET_ENV" in ops(g)
    assert "PUSH_ENV" in ops(blob.entry) and "POP_ENV" in ops(blob.entry)


def test_anonymous_functions_take_the_binding_name():
    names = [f.name for f in compile_js("var a = function () {}; let b = () => 1; c = class {};").functions[1:]]
    assert names == ["a", "b", "c"]


def test_line_table_maps_instructions_to_source_positions():
    """BC-10: call sites carry the line:column of the call."""
    blob = compile_js("var a = 1;\nfunction f() {\n  return g(a);\n}\n")
    f = fn(blob, "f")
    call = instructions(f, "CALL")[0]
    assert f.position(call.pc) == (3, 10)
    get = instructions(f, "GET_GLOBAL")[0]
    assert f.position(get.pc)[0] == 3
    assert (f.source_start, f.source_end) == (11, 42)


# ---------------------------------------------------------------------------------------------
# Classes


def test_class_methods_accessors_and_statics():
    blob = compile_js("""class A {
        constructor(x) { this.x = x; }
        m() { return 1; }
        get g() { return 2; }
        set g(v) {}
        static s() {}
        ['c' + 1]() {}
      }""")
    main = blob.entry
    cls = instructions(main, "CLASS")[0]
    ctor_ref = constant(main, cls, "k")
    ctor = blob.functions[ctor_ref.index]
    assert ctor.name == "A" and ctor.flags & C.CLASS_CONSTRUCTOR and ctor.flags & C.STRICT
    assert not ctor.flags & C.CONSTRUCTOR and ctor.param_count == 1
    defines = instructions(main, "DEFINE_METHOD")
    kinds = [i.operands[3] for i in defines]
    assert kinds.count(0) == 3 and kinds.count(1) == 1 and kinds.count(2) == 1
    ctor_reg, proto_reg = cls.operands[0], cls.operands[1]
    homes = [i.operands[0] for i in defines]
    assert homes.count(ctor_reg) == 1 and homes.count(proto_reg) == 4
    methods = [f for f in blob.functions if f.flags & C.METHOD]
    assert {f.name for f in methods} >= {"m", "get g", "set g", "s"}
    assert all(f.flags & C.STRICT and not f.flags & C.CONSTRUCTOR for f in methods)


def test_derived_class_calls_super_and_initialises_fields_after_it():
    blob = compile_js("""class B extends A {
        f = 1;
        constructor(...a) { super(...a); super.m(); super.p = 2; }
      }""")
    ctor = fn(blob, "B")
    assert ctor.flags & C.DERIVED
    code = ops(ctor)
    assert "SUPER_CALL_SPREAD" in code and code.index("SUPER_CALL_SPREAD") < code.index("INIT_FIELDS")
    assert "GET_SUPER" in code and "PUT_SUPER" in code
    default = fn(compile_js("class C extends A {}"), "C")
    assert "SUPER_CALL_SPREAD" in ops(default) and default.flags & C.DERIVED


def test_base_class_initialises_fields_at_entry():
    blob = compile_js("class A { x = 1; y; static z = 2; }")
    ctor = fn(blob, "A")
    assert ops(ctor)[0] == "INIT_FIELDS"
    init = [f for f in blob.functions if f.flags & C.FIELD_INIT]
    assert len(init) == 2
    main = blob.entry
    assert "SET_CLASS_FIELDS" in ops(main)
    assert names_loaded(init[0], "DEFINE_FIELD_NAME") == ["x", "y"]


def test_arrow_in_a_field_initialiser_captures_the_instance():
    """The field's `this` is put in an env the arrow reads (not an env that does not exist)."""
    blob = compile_js("class A { f = () => this.x; static s = () => this; }")
    init = [f for f in blob.functions if f.flags & C.FIELD_INIT]
    arrows = [f for f in blob.functions if f.flags & C.ARROW]
    assert len(arrows) == 2
    for f in init:
        code = ops(f)
        assert code.index("PUSH_ENV") < code.index("PUT_ENV") < code.index("CLOSURE")
    for arrow in arrows:
        assert names_loaded(arrow, "GET_ENV_CHECKED") == ["this"]


def test_computed_instance_field_keys_are_evaluated_once_at_definition():
    """The keys go into a class-scope slot in element order; the initialiser reads them."""
    blob = compile_js("let n = 0; class A { [n++] = 1; m() {} ['k' + n] = () => this; }")
    main = blob.entry
    code = ops(main)
    assert code.index("NEW_ARRAY") < code.index("ARRAY_PUSH") < code.index("SET_CLASS_FIELDS")
    assert code.count("TO_PROPERTY_KEY") == 2
    init = [f for f in blob.functions if f.flags & C.FIELD_INIT][0]
    assert ops(init).count("DEFINE_FIELD") == 2 and ops(init).count("GET_ELEM") == 2
    # The anonymous arrow is named from its computed key at run time.
    assert [i.operands[3] for i in instructions(init, "DEFINE_METHOD")] == [4]


def test_class_name_is_const_inside_the_class():
    blob = compile_js("class A { m() { A = 1; return A; } }")
    m = fn(blob, "m")
    assert "THROW_CONST_ASSIGN" in ops(m)


def test_delete_super_property_throws_reference_error():
    m = fn(compile_js("class A { m(k) { delete super[k]; } }"), "m")
    code = ops(m)
    assert "THROW_REFERENCE" in code and "DELETE_ELEM" not in code
    assert code.index("LOAD_THIS") < code.index("THROW_REFERENCE")


def test_super_property_assignment_in_an_object_literal_method():
    m = fn(compile_js("var o = { set v(x) { super.v = x * 2; } };"), "set v")
    assert "PUT_SUPER" in ops(m)


# ---------------------------------------------------------------------------------------------
# Generators and async functions (BC-8 finally-kind handlers, INT-6)


def test_generators_start_then_yield():
    g = fn(compile_js("function* g(a) { const x = yield a; yield* x; return 1; }"), "g")
    assert g.flags & C.GENERATOR and not g.flags & C.CONSTRUCTOR
    code = ops(g)
    assert code.index("GENERATOR_START") < code.index("YIELD") < code.index("YIELD_DELEGATE")
    assert "GET_ITERATOR" in code


def test_generator_try_finally_uses_a_finally_kind_handler():
    g = fn(compile_js("function* g() { try { yield 1; } finally { done(); } }"), "g")
    (h,) = g.handlers
    yield_pc = instructions(g, "YIELD")[0].pc
    assert h.kind == 1 and h.start <= yield_pc < h.end


def test_async_functions_await_and_resolve():
    f = fn(compile_js("async function f(p) { const v = await p; return v; }"), "f")
    assert f.flags & C.ASYNC
    code = ops(f)
    assert code.index("GENERATOR_START") < code.index("AWAIT") < code.index("ASYNC_RESULT")
    assert "RET" not in code
    arrow = compile_js("var a = async () => await 1;").functions[-1]
    assert arrow.flags & C.ASYNC and arrow.flags & C.ARROW and "ASYNC_RESULT" in ops(arrow)


# ---------------------------------------------------------------------------------------------
# Everything at once, and the smoke tests

EVERYTHING = r"""
'use strict';
let counter = 0;
const table = {a: 1, b: [1, 2, ...[3]], [`k${counter}`]: 2};
function outer(x, y = 2, ...rest) {
  var local = x;
  let captured = y;
  const f = () => captured + this;
  label: for (let i = 0; i < 3; i++) {
    setTimeout(() => i);
    for (const key in table) { if (key) continue label; else break label; }
    for (const [a, {b = 1}] of [[1, {}]]) { try { if (a) return a; } finally { local++; } }
  }
  switch (local) { case 1: { let z = () => local; break; } default: local = 0; }
  try { throw new Error(); } catch ({message}) { local = message; } finally { counter++; }
  return f?.() ?? rest.length;
}
class Base { field = 1; static s = 2; get v() { return this.field; } static m() {} }
class Derived extends Base { constructor() { super(); this.x = super.v; } }
function* gen() { const v = yield 1; yield* [v]; }
async function asy(p) { for (const q of p) await q; }
const tag = (s, ...v) => s.raw.join('') + v;
tag`a${1}b${2}`;
"""


def test_everything_verifies():
    blob = compile_js(EVERYTHING)
    used = {name for f in blob.functions for name in f.opcodes()}
    expected = {"CLOSURE", "METHOD", "CLASS", "GET_ENV", "PUT_ENV", "COPY_ENV", "FOR_IN_NEXT",
                "ITER_NEXT", "ITER_CLOSE", "SAVE_ENV", "RESTORE_ENV", "JMP_STRICT_EQ", "YIELD",
                "YIELD_DELEGATE", "AWAIT", "TEMPLATE_OBJECT", "SUPER_CALL", "GET_SUPER",
                "INIT_FIELDS", "SET_CLASS_FIELDS", "CREATE_REST", "JMP_NULLISH"}
    assert expected <= used, expected - used


def _corpus_files():
    return sorted(glob.glob(os.path.join(ROOT, "corpus", "language", "*.js")))


def _smoke_files():
    listing = os.path.join(TEST262, "smoke.txt")
    if not os.path.exists(listing):
        return []
    with open(listing, encoding="utf-8") as handle:
        paths = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    return [os.path.join(TEST262, p) for p in paths]


def _compile_or_syntax_error(path, strict=False):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    if strict:
        source = '"use strict";\n' + source
    try:
        blob = read_blob(compile_source(source, path))
    except JSSyntaxError:
        return None
    verify(blob)
    return blob


@pytest.mark.skipif(not _corpus_files(), reason="corpus/language is empty")
def test_language_corpus_compiles_or_raises_syntax_error():
    failures = []
    for path in _corpus_files():
        try:
            _compile_or_syntax_error(path)
        except Exception as error:  # anything but JSSyntaxError is a compiler bug
            failures.append("%s: %s: %s" % (os.path.basename(path), type(error).__name__, error))
    assert not failures, "\n".join(failures)


SMOKE_CHUNKS = 8


@pytest.mark.skipif(not _smoke_files(), reason="test262 smoke list not present")
@pytest.mark.parametrize("chunk", range(SMOKE_CHUNKS))
def test_test262_smoke_list_compiles_or_raises_syntax_error(chunk):
    """In chunks, so that pytest -n spreads the ~3000 files over workers."""
    failures = []
    for path in _smoke_files()[chunk::SMOKE_CHUNKS]:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4000)
        try:
            _compile_or_syntax_error(path, strict="onlyStrict" in head)
        except Exception as error:
            failures.append("%s: %s: %s" % (os.path.relpath(path, TEST262), type(error).__name__, error))
    assert not failures, "%d failures:\n%s" % (len(failures), "\n".join(failures[:50]))


@pytest.mark.skipif(not os.path.isdir(os.path.join(TEST262, "harness")), reason="no test262 harness")
def test_test262_harness_compiles():
    for path in sorted(glob.glob(os.path.join(TEST262, "harness", "*.js"))):
        _compile_or_syntax_error(path)


# ---------------------------------------------------------------------------------------------
# The verifier catches what it claims to


def _function(*instructions_, registers=4, handlers=(), flags=0, env_size=0):
    f = C.FunctionCode("bad", flags)
    f.register_count = registers
    f.env_size = env_size
    f.constant(None)          # k0 = undefined, for PUSH_ENV's names operand
    for insn in instructions_:
        f.emit(*insn)
    f.handlers.extend(handlers)
    return read_blob(C.serialize([f], "bad.js", ""))


@pytest.mark.parametrize("case, message", [
    ("register", "register r9"), ("target", "not an instruction"), ("pop", "below the function"),
    ("handler-env", "unknown env"), ("join", "at a join"), ("slot", "slot 1 of a 1-slot"),
    ("cache", "cache slots"), ("fallthrough", "block-ending")])
def test_verifier_rejects_broken_code(case, message):
    atom = C.Atom("x")
    if case == "register":
        blob = _function(("MOV", 0, 9), ("RET_UNDEFINED",))
    elif case == "target":
        blob = _function(("JMP", 1), ("RET_UNDEFINED",))
    elif case == "pop":
        blob = _function(("POP_ENV",), ("RET_UNDEFINED",))
    elif case == "handler-env":
        blob = _function(("LOAD_INT", 0, 1), ("THROW", 0), ("GET_ENV", 1, 0, 0), ("RET", 1),
                         handlers=[(0, 5, 5, 0, 0)])
    elif case == "join":
        blob = _function(("PUSH_ENV", 1, 0, 0), ("JMP_TRUE", 0, 8), ("POP_ENV",), ("RET_UNDEFINED",))
    elif case == "slot":
        blob = _function(("PUSH_ENV", 1, 0, 0), ("GET_ENV", 0, 0, 1), ("RET", 0))
    elif case == "cache":
        f = C.FunctionCode("bad", 0)
        f.register_count = 1
        f.emit("GET_PROP", 0, 0, f.constant(atom), 0)
        f.emit("GET_PROP", 0, 0, f.constant(atom), 0)
        f.emit("RET", 0)
        f.cache_count = 2
        blob = read_blob(C.serialize([f], "bad.js", ""))
    else:
        blob = _function(("LOAD_INT", 0, 1))
    with pytest.raises(VerifyError, match=message):
        verify(blob)


def test_direct_eval_sites_record_what_their_function_allows():
    """new.target and super.x inside direct eval follow the function around the call
    (ES2020 18.2.1.1 steps 6-8): arrows inherit, methods add super.x, scripts allow neither."""
    blob = compile_js("function f() { eval(''); (() => eval(''))(); }"
                      " ({ m() { eval(''); } }); eval('');")
    by_name = {fc.name: fc.flags for fc in blob.functions}
    both = C.EVAL_NEW_TARGET | C.EVAL_SUPER_PROPERTY
    assert by_name["f"] & both == C.EVAL_NEW_TARGET
    assert by_name["m"] & both == both
    assert blob.entry.flags & both == 0
    arrows = [fc for fc in blob.functions if fc.flags & C.ARROW]
    assert arrows and arrows[0].flags & both == C.EVAL_NEW_TARGET
    inner = compile_js("new.target; super.x;", mode="eval", eval_allows=frozenset({"new.target", "super.property"}))
    assert inner.entry.flags & both == both
    with pytest.raises(JSSyntaxError, match="new.target"):
        compile_js("new.target", mode="eval")
