"""Reading compiler blobs back into Python objects: the inverse of `code.serialize`.

Owns nothing of the format itself (code.py writes it, specs/bytecode.md BC-2/BC-3 define it);
it mirrors `code_load` in csrc/code.c so that the disassembler and tests can look at exactly
the bytes the C core would load. Instruction decoding is driven by bytecode.py's operand kinds
only [BC-1]. Must not import the emitter or the parser.
"""

import struct

from .. import bytecode
from .code import MAGIC, VERSION, Atom, ConstList, FunctionRef, NullConst
from .code import K_UNDEFINED, K_NULL, K_TRUE, K_FALSE, K_NUMBER, K_STRING, K_ATOM, K_FUNCTION, K_LIST
from .code import K_BIGINT, BigIntConst


class BlobError(ValueError):
    """The bytes are not a well-formed blob (truncated, bad magic, unknown tag)."""


class Handler:
    __slots__ = ("start", "end", "target", "register", "kind")

    def __init__(self, start, end, target, register, kind):
        self.start, self.end, self.target, self.register, self.kind = start, end, target, register, kind

    def __iter__(self):
        return iter((self.start, self.end, self.target, self.register, self.kind))

    def __repr__(self):
        return "Handler(%d, %d, %d, r%d, kind=%d)" % tuple(self)


class Instruction:
    """One decoded instruction: its pc (word index), opcode name and operand words."""
    __slots__ = ("pc", "name", "operands")

    def __init__(self, pc, name, operands):
        self.pc, self.name, self.operands = pc, name, operands

    @property
    def kinds(self):
        return bytecode.OPERANDS[self.name]

    @property
    def length(self):
        return 1 + len(self.operands)

    def operands_of(self, kind):
        """The operand values whose kind letter is `kind` ('r', 'k', 'n', 'i', 't', 'c')."""
        return [value for letter, value in zip(self.kinds, self.operands) if letter == kind]

    def __repr__(self):
        return "%04d %s %s" % (self.pc, self.name, ", ".join(map(str, self.operands)))


class Function:
    """One function of a blob, with the fields code.FunctionCode serialised."""

    def __init__(self, index):
        self.index = index
        self.name = ""
        self.flags = 0
        self.param_count = 0
        self.register_count = 0
        self.length = 0
        self.env_size = 0
        self.source_start = 0
        self.source_end = 0
        self.constants = []
        self.env_names = None
        self.words = []
        self.handlers = []
        self.lines = []            # (pc, line, column)
        self.cache_count = 0
        self.profile_count = 0

    def instructions(self):
        return decode(self.words)

    def opcodes(self):
        """The opcode names of this function in order."""
        return [insn.name for insn in decode(self.words)]

    def position(self, pc):
        """(line, column) of the instruction at pc from the line table, (0, 0) when unknown."""
        found = (0, 0)
        for entry_pc, line, column in self.lines:
            if entry_pc > pc:
                break
            found = (line, column)
        return found


class Blob:
    def __init__(self, filename, source, functions):
        self.filename = filename
        self.source = source
        self.functions = functions

    @property
    def entry(self):
        return self.functions[0]

    def function_named(self, name):
        """The first function called `name` (KeyError when none)."""
        for f in self.functions:
            if f.name == name:
                return f
        raise KeyError(name)


def decode(words):
    """Yields the Instructions of a word array; raises BlobError on a bad opcode or a truncated
    instruction [BC-1]."""
    pc = 0
    count = len(bytecode.OPCODES)
    while pc < len(words):
        op = words[pc]
        if not 0 <= op < count:
            raise BlobError("bad opcode %d at %d" % (op, pc))
        name, kinds, _, _ = bytecode.OPCODES[op]
        end = pc + 1 + len(kinds)
        if end > len(words):
            raise BlobError("truncated %s at %d" % (name, pc))
        yield Instruction(pc, name, list(words[pc + 1:end]))
        pc = end


class _Reader:
    def __init__(self, data):
        self.data = data
        self.at = 0

    def take(self, size):
        if self.at + size > len(self.data):
            raise BlobError("truncated blob at byte %d" % self.at)
        chunk = self.data[self.at:self.at + size]
        self.at += size
        return chunk

    def u8(self):
        return self.take(1)[0]

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]

    def f64(self):
        return struct.unpack("<d", self.take(8))[0]

    def string(self):
        units = self.u32()
        return self.take(units * 2).decode("utf-16-le", "surrogatepass")

    def constant(self, depth=0):
        tag = self.u8()
        if tag == K_UNDEFINED:
            return None
        if tag == K_NULL:
            return NullConst
        if tag == K_TRUE:
            return True
        if tag == K_FALSE:
            return False
        if tag == K_NUMBER:
            return self.f64()
        if tag == K_STRING:
            return self.string()
        if tag == K_ATOM:
            return Atom(self.string())
        if tag == K_BIGINT:
            return BigIntConst(self.string())
        if tag == K_FUNCTION:
            return FunctionRef(self.u32())
        if tag == K_LIST:
            if depth > 4:
                raise BlobError("constant lists nested too deeply")
            return ConstList(self.constant(depth + 1) for _ in range(self.u32()))
        raise BlobError("bad constant tag %d" % tag)


def read_blob(data):
    """Parses blob bytes into a Blob (BC-2); the first function is the entry."""
    reader = _Reader(bytes(data))
    if reader.take(4) != MAGIC:
        raise BlobError("not a jsthreads blob")
    version, count = struct.unpack("<II", reader.take(8))
    if version != VERSION:
        raise BlobError("blob version %d, expected %d" % (version, VERSION))
    filename = reader.string()
    source = reader.string()
    functions = []
    for index in range(count):
        f = Function(index)
        (f.flags, f.param_count, f.register_count, f.length, f.env_size,
         f.source_start, f.source_end) = struct.unpack("<7I", reader.take(28))
        f.name = reader.string()
        f.constants = [reader.constant() for _ in range(reader.u32())]
        names = reader.u32()
        if names != 0xFFFFFFFF:
            f.env_names = [reader.string() for _ in range(names)]
        nwords = reader.u32()
        f.words = list(struct.unpack("<%di" % nwords, reader.take(4 * nwords)))
        f.handlers = [Handler(*struct.unpack("<5I", reader.take(20))) for _ in range(reader.u32())]
        f.lines = [struct.unpack("<3I", reader.take(12)) for _ in range(reader.u32())]
        f.cache_count = reader.u32()
        f.profile_count = reader.u32()
        functions.append(f)
    if reader.at != len(reader.data):
        raise BlobError("%d trailing bytes" % (len(reader.data) - reader.at))
    return Blob(filename, source, functions)
