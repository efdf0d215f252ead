"""The disassembler behind `jsthreads disasm FILE`: a blob, printed readably.

Owns only presentation. Operand rendering is driven by the operand kinds in bytecode.py
(STYLE §2: the disassembler reads bytecode.py only); blob parsing is compile/blob.py's
`read_blob`, which mirrors csrc/code.c. Per function it prints a header, the constants, one
line per instruction (pc, opcode, operands, line:col where the line table changes), the
handler table and the env slot names (specs/bytecode.md BC-1..BC-3).

`jsthreads disasm --profile FILE` first runs FILE with JSTHREADS_PROFILE_DUMP=1 (the interpreter
then prints every filled value-profile slot of the script's functions when its synchronous run
ends, csrc/interp.c) and shows each profiled instruction's observed kinds after it (BC-18).
"""

import json
import sys

from . import bytecode
from .compile.blob import read_blob
from .compile.code import FUNCTION_FLAGS, Atom, ConstList, FunctionRef, NullConst

HANDLER_KINDS = {0: "catch", 1: "finally"}
PROFILE_POLYMORPHIC = 0xFFFFFFFF


def flag_names(flags):
    """'STRICT|ARROW' for a Code.flags word (unknown bits as hex)."""
    names = [name for name, bit in FUNCTION_FLAGS.items() if flags & bit]
    rest = flags & ~sum(FUNCTION_FLAGS.values())
    if rest:
        names.append("0x%x" % rest)
    return "|".join(names) or "-"


def function_title(f):
    if f.name:
        return f.name
    if f.flags & FUNCTION_FLAGS["EVAL"]:
        return "<eval>"
    if f.flags & FUNCTION_FLAGS["SCRIPT"]:
        return "<script>"
    return "<anonymous>"


def render_constant(value, functions=None):
    """A constant as source-like text: strings quoted, atoms quoted, functions by index."""
    if value is None:
        return "undefined"
    if value is NullConst:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(int(value)) if value.is_integer() and abs(value) < 2 ** 53 else repr(value)
    if isinstance(value, FunctionRef):
        title = ""
        if functions is not None and 0 <= value.index < len(functions):
            title = " " + function_title(functions[value.index])
        return "<function #%d%s>" % (value.index, title)
    if isinstance(value, ConstList):
        return "[" + ", ".join(render_constant(item, functions) for item in value) + "]"
    if isinstance(value, str):
        return json.dumps(str(value), ensure_ascii=False)
    return repr(value)


def render_operand(kind, value, f, functions):
    """One operand by its kind letter from bytecode.py: r k n i t c."""
    if kind == "r":
        return "r%d" % value
    if kind in ("k", "n"):
        if 0 <= value < len(f.constants):
            return render_constant(f.constants[value], functions)
        return "k%d?" % value
    if kind == "t":
        return "-> %04d" % value
    if kind == "c":
        return "ic#%d" % value
    if kind == "p":
        return "vp#%d" % value
    return str(value)


def render_profile(name, kinds, structure_id):
    """`result=int|double left=int` for a slot's lane bytes, named by bytecode.PROFILE_LANES."""
    parts = []
    for lane, lane_name in enumerate(bytecode.PROFILE_LANES.get(name, ())):
        bits = (kinds >> (8 * lane)) & 0xFF
        if bits:
            seen = [kind for i, kind in enumerate(bytecode.PROFILE_KINDS) if bits & (1 << i)]
            text = "%s=%s" % (lane_name, "|".join(seen))
            if lane == 0 and structure_id:
                text += "(%s)" % ("polymorphic" if structure_id == PROFILE_POLYMORPHIC else "s%d" % structure_id)
            parts.append(text)
    return " ".join(parts) or "unreached"


def disassemble_function(f, functions, profiles=None):
    lines = []
    lines.append("function %s (params=%d regs=%d flags=%s)" % (
        function_title(f), f.param_count, f.register_count, flag_names(f.flags)))
    lines.append("  #%d length=%d env_size=%d caches=%d profiles=%d source=%d..%d" % (
        f.index, f.length, f.env_size, f.cache_count, f.profile_count, f.source_start, f.source_end))
    if f.constants:
        lines.append("  constants:")
        for index, value in enumerate(f.constants):
            kind = "atom" if isinstance(value, Atom) else type(value).__name__
            if value is None or value is NullConst or isinstance(value, bool):
                kind = "value"
            elif isinstance(value, FunctionRef):
                kind = "function"
            elif isinstance(value, ConstList):
                kind = "list"
            elif isinstance(value, float):
                kind = "number"
            elif kind == "str":
                kind = "string"
            lines.append("    k%-3d %-8s %s" % (index, kind, render_constant(value, functions)))
    if f.env_names is not None:
        lines.append("  env names: " + (", ".join(n or "<unnamed>" for n in f.env_names) or "(none)"))
    targets = {h.target for h in f.handlers}
    instructions = list(f.instructions())
    for insn in instructions:
        for kind, value in zip(insn.kinds, insn.operands):
            if kind == "t":
                targets.add(value)
    lines.append("  code:")
    line_starts = {pc: (line, column) for pc, line, column in f.lines}
    for insn in instructions:
        operands = ", ".join(render_operand(kind, value, f, functions)
                             for kind, value in zip(insn.kinds, insn.operands))
        marker = ">>" if insn.pc in targets else "  "
        text = "%s%04d  %-16s %s" % (marker, insn.pc, insn.name, operands)
        position = line_starts.get(insn.pc)
        if position is not None:
            text = "%-60s ; %d:%d" % (text.rstrip(), position[0], position[1])
        lines.append(text.rstrip())
        if profiles is not None and insn.kinds.endswith("p"):
            kinds, structure_id = profiles.get(insn.operands[-1], (0, 0))
            lines.append("          seen: " + render_profile(insn.name, kinds, structure_id))
    if len(f.words) in targets:
        lines.append(">>%04d  (end)" % len(f.words))
    if f.handlers:
        lines.append("  handlers:")
        for h in f.handlers:
            lines.append("    [%04d, %04d) -> %04d  r%d  %s" % (
                h.start, h.end, h.target, h.register, HANDLER_KINDS.get(h.kind, "kind %d" % h.kind)))
    return "\n".join(lines)


def disassemble(blob, profiles=None):
    """The text of every function in a blob, entry first. `profiles` (from parse_profiles)
    adds each profiled instruction's observed kinds."""
    parsed = read_blob(blob)
    parts = ["; %s (%d functions)" % (parsed.filename, len(parsed.functions))]
    for f in parsed.functions:
        found = None
        if profiles is not None:
            found = profiles.get((parsed.filename, f.source_start, f.source_end), {})
        parts.append(disassemble_function(f, parsed.functions, found))
    return "\n\n".join(parts) + "\n"


def parse_profiles(text):
    """{(file, source_start, source_end): {slot: (kinds, structure_id)}} from the
    JSTHREADS_PROFILE_DUMP lines in text; functions with the same span merge (kinds ORed)."""
    found = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) != 7 or fields[0] != "jsthreads-profile":
            continue
        try:
            start, end, slot, kinds, structure_id = (int(x) for x in fields[2:])
        except ValueError:
            continue
        slots = found.setdefault((fields[1], start, end), {})
        old_kinds, old_id = slots.get(slot, (0, 0))
        if old_id and structure_id and old_id != structure_id:
            structure_id = PROFILE_POLYMORPHIC
        slots[slot] = (old_kinds | kinds, structure_id or old_id)
    return found


def run_for_profiles(path):
    """Runs `jsthreads run path` with profile dumping on; (profiles, exit code)."""
    import os
    import subprocess
    env = dict(os.environ, JSTHREADS_PROFILE_DUMP="1")
    done = subprocess.run([sys.executable, "-m", "jsthreads", "run", path], env=env, capture_output=True,
                          text=True, errors="replace")
    return parse_profiles(done.stderr), done.returncode


def main(argv):
    """`jsthreads disasm FILE`: 0 on success, 1 on a SyntaxError, 2 on a usage or I/O error."""
    from .compile import compile_source
    from .parse import JSSyntaxError
    profile = "--profile" in argv
    argv = [a for a in argv if a != "--profile"]
    if len(argv) != 1:
        print("usage: jsthreads disasm [--profile] FILE", file=sys.stderr)
        return 2
    path = argv[0]
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
    except OSError as error:
        print("jsthreads disasm: cannot read %s: %s" % (path, error.strerror or error), file=sys.stderr)
        return 2
    try:
        blob = compile_source(source, path)
    except JSSyntaxError as error:
        print(error.format(), file=sys.stderr)
        return 1
    profiles = None
    if profile:
        profiles, code = run_for_profiles(path)
        if code != 0:
            print("jsthreads disasm: %s exited with %d; profiles up to there" % (path, code), file=sys.stderr)
    sys.stdout.write(disassemble(blob, profiles))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
