"""Code objects under construction and their serialisation into the blob the C core loads.

Owns the blob format (specs/bytecode.md BC-2): the compiler fills FunctionCode objects and
`serialize` writes them, with the script's source and filename, into bytes that
`code_load` in csrc/code.c turns into Code cells. Nothing here knows about the AST.
"""

import struct

from .. import bytecode

MAGIC = b"JSTB"
VERSION = 2

# Code flags; mirror of the CODE_* enum in csrc/frame.h.
STRICT = 1 << 0
ARROW = 1 << 1
GENERATOR = 1 << 2
ASYNC = 1 << 3
CLASS_CONSTRUCTOR = 1 << 4
DERIVED = 1 << 5
METHOD = 1 << 6
NEEDS_ARGUMENTS = 1 << 7
SCRIPT = 1 << 8
NEEDS_ENV = 1 << 9
EVAL = 1 << 10
CONSTRUCTOR = 1 << 11
FIELD_INIT = 1 << 12
DYNAMIC_SCOPE = 1 << 13
EVAL_NEW_TARGET = 1 << 14
EVAL_SUPER_PROPERTY = 1 << 15
EVAL_SUPER_CALL = 1 << 16
# Names by bit, for the disassembler and tests (frame.h's comment points here).
FUNCTION_FLAGS = {name: value for name, value in (
    ("STRICT", STRICT), ("ARROW", ARROW), ("GENERATOR", GENERATOR), ("ASYNC", ASYNC),
    ("CLASS_CONSTRUCTOR", CLASS_CONSTRUCTOR), ("DERIVED", DERIVED), ("METHOD", METHOD),
    ("NEEDS_ARGUMENTS", NEEDS_ARGUMENTS), ("SCRIPT", SCRIPT), ("NEEDS_ENV", NEEDS_ENV),
    ("EVAL", EVAL), ("CONSTRUCTOR", CONSTRUCTOR), ("FIELD_INIT", FIELD_INIT),
    ("DYNAMIC_SCOPE", DYNAMIC_SCOPE), ("EVAL_NEW_TARGET", EVAL_NEW_TARGET),
    ("EVAL_SUPER_PROPERTY", EVAL_SUPER_PROPERTY), ("EVAL_SUPER_CALL", EVAL_SUPER_CALL))}

# Constant tags (BC-3).
K_UNDEFINED, K_NULL, K_TRUE, K_FALSE, K_NUMBER, K_STRING, K_ATOM, K_FUNCTION, K_LIST, K_BIGINT = range(10)


class Atom(str):
    """A constant that is a property name: loaded as an interned atom (or an index key)."""


class BigIntConst(str):
    """A BigInt literal's value, spelled as the hex digits of its (non-negative) magnitude."""


class FunctionRef:
    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index


class ConstList(tuple):
    """A constant that is a list of constants (template strings)."""


class FunctionCode:
    def __init__(self, name, flags=0):
        self.name = name
        self.flags = flags
        self.param_count = 0
        self.register_count = 0
        self.length = 0
        self.env_size = 0
        self.env_names = None        # list of names or None
        self.source_start = 0
        self.source_end = 0
        self.words = []
        self.constants = []
        self._constant_index = {}
        self.handlers = []           # (start, end, target, register, kind)
        self.lines = []              # (pc, line, column)
        self.cache_count = 0
        self.profile_count = 0       # value-profile slots (`p` operands, BC-18)
        self.index = 0

    def constant(self, value):
        key = (type(value), value if not isinstance(value, float) else struct.pack("<d", value))
        if isinstance(value, (FunctionRef, ConstList)):
            key = (type(value), id(value))
        index = self._constant_index.get(key)
        if index is None:
            index = len(self.constants)
            self.constants.append(value)
            self._constant_index[key] = index
        return index

    def new_cache(self):
        self.cache_count += 1
        return self.cache_count - 1

    def emit(self, name, *operands):
        opcode = bytecode.OPCODE_INDEX[name]
        kinds = bytecode.OPCODES[opcode][1]
        if kinds.endswith("p"):
            # Profile slots are bookkeeping, not semantics: every site gets a fresh one here so
            # that no emitter path can forget or share one [BC-18].
            operands = operands + (self.profile_count,)
            self.profile_count += 1
        assert len(operands) == len(kinds), (name, operands)
        pc = len(self.words)
        self.words.append(opcode)
        self.words.extend(operands)
        return pc

    def mark_line(self, line, column):
        pc = len(self.words)
        if self.lines and self.lines[-1][0] == pc:
            self.lines[-1] = (pc, line, column)
        elif not self.lines or self.lines[-1][1:] != (line, column):
            self.lines.append((pc, line, column))


def _string(out, text):
    data = text.encode("utf-16-le", "surrogatepass")
    out.append(struct.pack("<I", len(data) // 2))
    out.append(data)


def _constant(out, value):
    if value is None:
        out.append(bytes([K_UNDEFINED]))
    elif value is NullConst:
        out.append(bytes([K_NULL]))
    elif value is True:
        out.append(bytes([K_TRUE]))
    elif value is False:
        out.append(bytes([K_FALSE]))
    elif isinstance(value, float):
        out.append(bytes([K_NUMBER]) + struct.pack("<d", value))
    elif isinstance(value, Atom):
        out.append(bytes([K_ATOM]))
        _string(out, value)
    elif isinstance(value, BigIntConst):
        out.append(bytes([K_BIGINT]))
        _string(out, value)
    elif isinstance(value, str):
        out.append(bytes([K_STRING]))
        _string(out, value)
    elif isinstance(value, FunctionRef):
        out.append(bytes([K_FUNCTION]) + struct.pack("<I", value.index))
    elif isinstance(value, ConstList):
        out.append(bytes([K_LIST]) + struct.pack("<I", len(value)))
        for item in value:
            _constant(out, item)
    else:
        raise TypeError("unsupported constant %r" % (value,))


class _Null:
    def __repr__(self):
        return "null"


NullConst = _Null()


def serialize(functions, filename, source):
    """The blob for a list of FunctionCode (the first is the entry)."""
    out = [MAGIC, struct.pack("<II", VERSION, len(functions))]
    _string(out, filename)
    _string(out, source)
    for f in functions:
        out.append(struct.pack("<7I", f.flags, f.param_count, f.register_count, f.length,
                               f.env_size, f.source_start, f.source_end))
        _string(out, f.name)
        out.append(struct.pack("<I", len(f.constants)))
        for value in f.constants:
            _constant(out, value)
        if f.env_names is None:
            out.append(struct.pack("<I", 0xFFFFFFFF))
        else:
            out.append(struct.pack("<I", len(f.env_names)))
            for name in f.env_names:
                _string(out, name)
        out.append(struct.pack("<I", len(f.words)))
        out.append(struct.pack("<%di" % len(f.words), *f.words))
        out.append(struct.pack("<I", len(f.handlers)))
        for h in f.handlers:
            out.append(struct.pack("<5I", *h))
        out.append(struct.pack("<I", len(f.lines)))
        for entry in f.lines:
            out.append(struct.pack("<3I", *entry))
        out.append(struct.pack("<II", f.cache_count, f.profile_count))
    return b"".join(out)
