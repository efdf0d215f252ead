"""The opcode table: the single definition of jsthreads bytecode.

Owns each opcode's name, operand kinds, flags and one-line meaning. `_build.py` generates
`csrc/gen/opcodes.h` from it; the emitter, the disassembler and (later) the JIT read it too, so
none of them can disagree (STYLE §2). Must not import anything from the package: the build
script loads this file by path before the C extension exists.

Encoding (specs/bytecode.md, BC-1): a function's code is an array of 32-bit words; an instruction
is its opcode word followed by one word per operand. Operand kinds:
  r  register index          k  constant-pool index       n  constant index of a name (atom)
  i  signed immediate        t  jump target (absolute word index)
  c  inline-cache / site slot index (per function)
  p  value-profile slot index (per function): the emitter allocates it itself, callers of
     FunctionCode.emit never pass one; PROFILE_LANES says which values the slot records
"""

# flags: T may throw, G may collect (allocates), S safepoint poll, B branch, X ends the block
OPCODES = [
    # name, operands, flags, meaning
    ("NOP", "", "", "nothing"),
    ("LOAD_CONST", "rk", "", "r[a] = k[b]"),
    ("LOAD_INT", "ri", "", "r[a] = b (int32)"),
    ("LOAD_UNDEFINED", "r", "", "r[a] = undefined"),
    ("LOAD_NULL", "r", "", "r[a] = null"),
    ("LOAD_TRUE", "r", "", "r[a] = true"),
    ("LOAD_FALSE", "r", "", "r[a] = false"),
    ("LOAD_HOLE", "r", "", "r[a] = <hole> (TDZ marker)"),
    ("MOV", "rr", "", "r[a] = r[b]"),
    ("LOAD_THIS", "r", "T", "r[a] = this (ReferenceError in a derived constructor before super())"),
    ("LOAD_NEW_TARGET", "r", "", "r[a] = new.target"),
    ("LOAD_CALLEE", "r", "", "r[a] = the running function"),
    ("CHECK_TDZ", "rn", "T", "throw ReferenceError if r[a] is <hole> (name n[b])"),
    ("THROW_CONST_ASSIGN", "n", "TX", "throw TypeError: Assignment to constant variable."),
    # environments
    ("PUSH_ENV", "iki", "G", "env = new Env(a slots, names k[b] or undefined, kind c: 0 block, 1 var scope, 2 catch, 3 function expression name) whose parent is env"),
    ("POP_ENV", "", "", "env = env.parent"),
    ("COPY_ENV", "", "G", "env = copy of env (per-iteration let bindings)"),
    ("GET_ENV", "rii", "", "r[a] = env^b.slots[c]"),
    ("GET_ENV_CHECKED", "riin", "T", "r[a] = env^b.slots[c], ReferenceError for <hole> (name n[d])"),
    ("PUT_ENV", "iir", "", "env^a.slots[b] = r[c]"),
    ("PUT_ENV_CHECKED", "iirn", "T", "env^a.slots[b] = r[c], ReferenceError if it holds <hole>"),
    # globals and dynamic names
    ("GET_GLOBAL", "rncp", "TG", "r[a] = global binding n[b] (ReferenceError if missing)"),
    ("TYPEOF_GLOBAL", "rn", "TG", "r[a] = typeof global binding n[b] (no ReferenceError)"),
    ("PUT_GLOBAL", "nrci", "TG", "global binding n[a] = r[b]; d=1 strict (ReferenceError if missing)"),
    ("DECLARE_GLOBALS", "kkkk", "TG", "script prologue: GlobalDeclarationInstantiation as one step under the realm's declaration lock: checks, then bindings for the let/class names k[a] and const names k[b] (holes), var names k[c] and function names k[d] (undefined until DECLARE_GLOBAL_FUNCTION); atom lists"),
    ("CHECK_GLOBAL_DECLARATIONS", "kk", "TG", "eval prologue when the variable scope is global: EvalDeclarationInstantiation's checks of var names k[a] and function names k[b] (atom lists), before any binding is made"),
    ("DECLARE_GLOBAL_VAR", "n", "TG", "CreateGlobalVarBinding(n[a]) (indirect eval code: configurable)"),
    ("DECLARE_GLOBAL_FUNCTION", "nr", "TG", "CreateGlobalFunctionBinding(n[a], r[b])"),
    ("INIT_GLOBAL_LEXICAL", "nr", "TG", "initialise global lexical n[a] = r[b]"),
    ("GET_NAME", "rn", "TG", "r[a] = dynamic lookup of n[b] through env chain (with/eval)"),
    ("TYPEOF_NAME", "rn", "TG", "r[a] = typeof dynamic lookup of n[b]"),
    ("PUT_NAME", "nri", "TG", "dynamic assignment n[a] = r[b]; c=1 strict"),
    ("DELETE_NAME", "rn", "TG", "r[a] = delete dynamic binding n[b]"),
    ("RESOLVE_NAME", "rn", "TG", "r[a] = base of the dynamic reference n[b]: an Env, an object, or undefined (unresolvable)"),
    ("GET_NAME_REF", "rrn", "TG", "r[a] = value of n[c] in reference base r[b] (from RESOLVE_NAME)"),
    ("PUT_NAME_REF", "rnri", "TG", "assign r[c] to n[b] in reference base r[a]; d=1 strict"),
    ("GET_NAME_THIS", "rrn", "TG", "r[a] = callee n[c] via dynamic lookup, r[b] = its with-object or undefined"),
    ("DECLARE_EVAL_VAR", "n", "TG", "sloppy direct eval: var n[a] in the caller's variable scope"),
    ("DECLARE_EVAL_FUNCTION", "nr", "TG", "sloppy direct eval: function n[a] = r[b] in the caller's variable scope"),
    ("PUSH_WITH", "r", "TG", "env = new object Env over ToObject(r[a])"),
    ("SAVE_ENV", "r", "", "r[a] = env (handlers restore it)"),
    ("RESTORE_ENV", "r", "", "env = r[a]"),
    # properties
    ("GET_PROP", "rrncp", "TG", "r[a] = r[b][n[c]]"),
    ("PUT_PROP", "rnrc", "TG", "r[a][n[b]] = r[c] (strictness from the function)"),
    ("GET_ELEM", "rrrp", "TG", "r[a] = r[b][r[c]]"),
    ("PUT_ELEM", "rrr", "TG", "r[a][r[b]] = r[c]"),
    ("DELETE_PROP", "rrn", "TG", "r[a] = delete r[b][n[c]]"),
    ("DELETE_ELEM", "rrr", "TG", "r[a] = delete r[b][r[c]]"),
    ("IN", "rrr", "TG", "r[a] = r[b] in r[c]"),
    ("DEFINE_FIELD", "rrr", "TG", "CreateDataPropertyOrThrow(r[a], r[b], r[c])"),
    ("DEFINE_FIELD_NAME", "rnrc", "TG", "CreateDataPropertyOrThrow(r[a], n[b], r[c]) (an add cache)"),
    ("DEFINE_METHOD", "rrri", "TG", "define r[c] on r[a] under key r[b]: d=0 class method, 1 class getter, 2 class setter, 3 literal method, 4/5/6 name r[c] after key (plain/get/set), 7 literal getter, 8 literal setter"),
    ("SET_PROTO", "rr", "TG", "object literal __proto__: r[a].[[Prototype]] = r[b] if object or null"),
    ("COPY_DATA_PROPERTIES", "rrr", "TG", "CopyDataProperties(r[a], r[b], excluded keys array r[c] or undefined)"),
    ("GET_SUPER", "rrr", "TG", "r[a] = super[r[b]] (home object's prototype, receiver r[c])"),
    ("PUT_SUPER", "rrr", "TG", "super[r[a]] = r[b] (receiver r[c])"),
    ("TO_PROPERTY_KEY", "rr", "TG", "r[a] = ToPropertyKey(r[b])"),
    # allocation
    ("NEW_OBJECT", "ri", "G", "r[a] = {} with storage for b named properties (an object literal's own)"),
    ("NEW_ARRAY", "ri", "G", "r[a] = [] with capacity b"),
    ("ARRAY_PUSH", "rr", "TG", "append r[b] to array r[a], which no JS code can reach yet (a literal or another fresh array)"),
    ("ARRAY_PUSH_HOLE", "r", "TG", "append a hole to array r[a]"),
    ("ARRAY_SPREAD", "rr", "TG", "append every value of iterable r[b] to array r[a]"),
    ("CLOSURE", "rk", "G", "r[a] = closure of function constant k[b] over env"),
    ("METHOD", "rkr", "G", "r[a] = closure of k[b] with home object r[c]"),
    ("CLASS", "rrkr", "TG", "r[a] = class constructor from k[c] extending r[d] (hole: none); r[b] = its prototype"),
    ("SET_CLASS_FIELDS", "rr", "", "class constructor r[a] runs field initialiser r[b] on construction"),
    ("INIT_FIELDS", "", "TG", "run this function's class field initialiser on this"),
    ("TEMPLATE_OBJECT", "rkc", "G", "r[a] = cached template object for strings k[b] (site c)"),
    ("CREATE_ARGUMENTS", "ri", "G", "r[a] = arguments object; b=1 mapped"),
    ("CREATE_REST", "ri", "G", "r[a] = array of arguments from index b"),
    ("REGEXP", "rkk", "TG", "r[a] = new RegExp(k[b], k[c])"),
    # operators
    ("ADD", "rrrp", "TG", "r[a] = r[b] + r[c]"),
    ("SUB", "rrrp", "TG", "r[a] = r[b] - r[c]"),
    ("MUL", "rrrp", "TG", "r[a] = r[b] * r[c]"),
    ("DIV", "rrrp", "TG", "r[a] = r[b] / r[c]"),
    ("MOD", "rrrp", "TG", "r[a] = r[b] % r[c]"),
    ("EXP", "rrrp", "TG", "r[a] = r[b] ** r[c]"),
    ("BIT_AND", "rrrp", "TG", "r[a] = r[b] & r[c]"),
    ("BIT_OR", "rrrp", "TG", "r[a] = r[b] | r[c]"),
    ("BIT_XOR", "rrrp", "TG", "r[a] = r[b] ^ r[c]"),
    ("SHL", "rrrp", "TG", "r[a] = r[b] << r[c]"),
    ("SAR", "rrrp", "TG", "r[a] = r[b] >> r[c]"),
    ("SHR", "rrrp", "TG", "r[a] = r[b] >>> r[c]"),
    ("EQ", "rrr", "TG", "r[a] = r[b] == r[c]"),
    ("NE", "rrr", "TG", "r[a] = r[b] != r[c]"),
    ("STRICT_EQ", "rrr", "", "r[a] = r[b] === r[c]"),
    ("STRICT_NE", "rrr", "", "r[a] = r[b] !== r[c]"),
    ("LT", "rrrp", "TG", "r[a] = r[b] < r[c]"),
    ("LE", "rrrp", "TG", "r[a] = r[b] <= r[c]"),
    ("GT", "rrrp", "TG", "r[a] = r[b] > r[c]"),
    ("GE", "rrrp", "TG", "r[a] = r[b] >= r[c]"),
    ("INSTANCEOF", "rrr", "TG", "r[a] = r[b] instanceof r[c]"),
    ("NEG", "rr", "TG", "r[a] = -r[b]"),
    ("TO_NUMBER", "rr", "TG", "r[a] = +r[b]"),
    ("TO_NUMERIC", "rr", "TG", "r[a] = ToNumeric(r[b])"),
    ("TO_STRING", "rr", "TG", "r[a] = ToString(r[b]) (template literals)"),
    ("NOT", "rr", "", "r[a] = !r[b]"),
    ("BIT_NOT", "rr", "TG", "r[a] = ~r[b]"),
    ("TYPEOF", "rr", "", "r[a] = typeof r[b]"),
    ("INC", "rrp", "TG", "r[a] = r[b] + 1 (r[b] already numeric)"),
    ("DEC", "rrp", "TG", "r[a] = r[b] - 1 (r[b] already numeric)"),
    # control
    ("JMP", "t", "BX", "pc = a"),
    ("LOOP", "t", "BSX", "pc = a (a backward edge: polls the safepoint)"),
    ("JMP_TRUE", "rt", "B", "if ToBoolean(r[a]) pc = b"),
    ("JMP_FALSE", "rt", "B", "if !ToBoolean(r[a]) pc = b"),
    ("JMP_NULLISH", "rt", "B", "if r[a] is null or undefined pc = b"),
    ("JMP_NOT_NULLISH", "rt", "B", "if r[a] is neither null nor undefined pc = b"),
    ("JMP_UNDEFINED", "rt", "B", "if r[a] is undefined pc = b"),
    ("JMP_STRICT_EQ", "rrt", "B", "if r[a] === r[b] pc = c (switch cases)"),
    # calls
    ("CALL", "rrriicp", "TGS", "r[a] = r[b].call(r[c], r[d .. d+e]); call cache f"),
    ("CALL_SPREAD", "rrrr", "TGS", "r[a] = r[b].call(r[c], ...array r[d])"),
    ("CALL_EVAL", "rrriicp", "TGS", "like CALL, but a direct eval when r[b] is %eval%"),
    ("NEW", "rriicp", "TGS", "r[a] = new r[b](r[c .. c+d]); construct cache e"),
    ("NEW_SPREAD", "rrr", "TGS", "r[a] = new r[b](...array r[c])"),
    ("SUPER_CALL", "rii", "TGS", "r[a] = super(r[b .. b+c]); binds this"),
    ("SUPER_CALL_SPREAD", "rr", "TGS", "r[a] = super(...array r[b]); binds this"),
    # super() whose constructor is not the running frame (arrows, direct eval) or whose this
    # lives in the constructor's Env: the constructor and new.target come in registers and the
    # binding is made by BIND_THIS* (INT-3)
    ("SUPER_CONSTRUCT", "rrrii", "TGS", "r[a] = Construct(r[b].[[GetPrototypeOf]](), r[d .. d+e], new.target r[c])"),
    ("SUPER_CONSTRUCT_SPREAD", "rrrr", "TGS", "r[a] = Construct(r[b].[[GetPrototypeOf]](), ...array r[d], new.target r[c])"),
    ("BIND_THIS", "iir", "T", "env^a.slots[b] = r[c] if it holds <hole> (one atomic step), else ReferenceError"),
    ("BIND_THIS_NAME", "nr", "TG", "BIND_THIS on the nearest Env slot named n[a] (direct eval code)"),
    ("INIT_FIELDS_OF", "rr", "TGS", "run the field initialiser of constructor r[a] on r[b]"),
    ("SET_THIS", "r", "", "this = r[a]: a derived constructor whose this lives in its Env, before it returns"),
    # private names (INT-18): a storage maps objects to one private element's value (or to true
    # for a class's brand); a static private method's brand is the class constructor itself
    ("PRIVATE_NEW", "r", "G", "r[a] = a fresh private storage (an engine-internal WeakMap)"),
    ("PRIVATE_GET", "rrrn", "TG", "r[a] = r[b]'s element in storage r[c]; TypeError naming n[d] if it has none"),
    ("PRIVATE_PUT", "rrrn", "TG", "r[a]'s element in storage r[b] = r[c]; TypeError naming n[d] if it has none"),
    ("PRIVATE_ADD", "rrrk", "TG", "add r[a] to storage r[b] with value r[c]; TypeError k[d] if it is there"),
    ("PRIVATE_IN", "rrrn", "TG", "r[a] = r[c] has storage r[b]'s element (#x in o); TypeError naming n[d] for a non-object"),
    ("PRIVATE_CHECK", "rrkn", "TG", "brand check of r[a] against brand r[b]: TypeError k[c] (nullish r[a]: naming n[d])"),
    ("RET", "r", "X", "return r[a]"),
    ("RET_UNDEFINED", "", "X", "return undefined"),
    ("THROW", "r", "TX", "throw r[a]"),
    ("THROW_REFERENCE", "n", "TX", "throw ReferenceError: n[a] is not defined"),
    ("THROW_TYPE", "k", "TX", "throw TypeError with message k[a]"),
    ("THROW_SYNTAX", "k", "TX", "throw SyntaxError with message k[a] (deferred early errors)"),
    ("REQUIRE_OBJECT_COERCIBLE", "r", "T", "TypeError if r[a] is null or undefined (destructuring)"),
    ("REQUIRE_OBJECT", "rk", "T", "TypeError k[b] unless r[a] is an object (iterator results)"),
    # iteration
    ("GET_ITERATOR", "rrr", "TG", "r[a] = GetIterator(r[c]), r[b] = its next method"),
    ("GET_ASYNC_ITERATOR", "rrr", "TG", "r[a] = GetIterator(r[c], async), r[b] = next"),
    ("ITER_NEXT", "rrrt", "TG", "r[a] = next value of iterator r[b] (next r[c]); if done pc = d"),
    ("ITER_CLOSE", "r", "TG", "IteratorClose(r[a]) for a normal completion"),
    ("ITER_CLOSE_THROW", "rr", "TG", "IteratorClose(r[a]) for the abrupt completion r[b]: errors from return() are ignored unless r[b] is a generator's return()"),
    ("FOR_IN_PREPARE", "rr", "TG", "r[a] = for-in key iterator over r[b]"),
    ("FOR_IN_NEXT", "rrt", "TG", "r[a] = next key of r[b]; if done pc = c"),
    # generators and async functions
    ("GENERATOR_START", "", "G", "create the generator object and return it; resume here"),
    ("YIELD", "rr", "G", "suspend yielding r[b]; on resume r[a] = the value sent (throw/return handled)"),
    ("YIELD_DELEGATE", "rrr", "TG", "yield* step: iterator r[b], received r[c]; r[a] = result when done"),
    ("AWAIT", "rr", "TG", "suspend until r[b] settles; r[a] = its value (or throw)"),
    ("ASYNC_RESULT", "r", "X", "async function: resolve the result promise with r[a] and finish"),
    # async generators and for await (specs/interpreter.md INT-16, INT-17)
    ("YIELD_RESUME", "rrr", "G", "async generator yield*: suspend yielding r[b] as it is; on resume r[a] = the value sent and r[c] = how (0 next, 1 throw, 2 return), nothing thrown"),
    ("GENERATOR_RETURN", "r", "TX", "complete the generator by return(r[a]): finally blocks run, then it is done with r[a]"),
    ("ASYNC_DELEGATE", "rrrrt", "TG", "async yield* step: r[a] = iterator r[b]'s next (held in r[b+1]), throw or return method called with r[c], by mode r[d] (0 next, 1 throw, 2 return); pc = e (r[a] untouched) when that throw/return method is missing"),
    ("ASYNC_ITER_CLOSE", "rrrt", "TG", "AsyncIteratorClose, first half: r[a] = r[b].return() for the caller to await; pc = d when there is no return method. r[c] is the completion: <hole> (normal) or a generator's return() let errors through; for any other (a throw) errors are dropped and pc = d"),
    ("ASYNC_CLOSE_ERROR", "rr", "T", "AsyncIteratorClose, error of the awaited return() result r[b]: thrown unless completion r[a] is a throw (which wins and is rethrown after)"),
    ("DEBUGGER", "", "", "nothing"),
]


# Value profiles (specs/bytecode.md BC-18). A `p` slot is a C `ValueProfile` {kinds, structure_id}:
# `kinds` holds one byte of PROFILE_KINDS bits per lane, lane i in bits 8i..8i+7; the lanes an
# opcode records are listed here (the interpreter fills exactly these). `structure_id` is the
# structure of the objects seen in lane 0 (0: none yet, 0xFFFFFFFF: more than one).
PROFILE_KINDS = ("int", "double", "string", "object", "boolean", "nullish", "other")
PROFILE_LANES = {
    "GET_GLOBAL": ("result",),
    "GET_PROP": ("result",),
    "GET_ELEM": ("result", "object", "key"),
    "CALL": ("result",),
    "CALL_EVAL": ("result",),
    "NEW": ("result",),
    "INC": ("result", "operand"),
    "DEC": ("result", "operand"),
}
for _name in ("ADD", "SUB", "MUL", "DIV", "MOD", "EXP", "BIT_AND", "BIT_OR", "BIT_XOR", "SHL", "SAR",
              "SHR", "LT", "LE", "GT", "GE"):
    PROFILE_LANES[_name] = ("result", "left", "right")


OPCODE_INDEX = {name: index for index, (name, _, _, _) in enumerate(OPCODES)}
OPERANDS = {name: operands for name, operands, _, _ in OPCODES}
FLAGS = {name: flags for name, _, flags, _ in OPCODES}


def instruction_length(opcode_index):
    """Words taken by an instruction: the opcode word plus one per operand."""
    return 1 + len(OPCODES[opcode_index][1])


def generate_c_header():
    """Text of csrc/gen/opcodes.h: the enum, operand counts and names (STYLE §2)."""
    lines = [
        "/* Generated by jsthreads/_build.py from jsthreads/bytecode.py; do not edit. */",
        "#ifndef JST_GEN_OPCODES_H",
        "#define JST_GEN_OPCODES_H",
        "",
        "typedef enum Opcode {",
    ]
    for name, operands, flags, meaning in OPCODES:
        lines.append(f"    OP_{name}, /* {operands or '-'} {flags or '-'}: {meaning.replace('*/', '* /')} */")
    lines += ["    OP_COUNT", "} Opcode;", ""]
    lines.append("static const unsigned char opcode_length[OP_COUNT] = {")
    lines.append("    " + ", ".join(str(1 + len(ops)) for _, ops, _, _ in OPCODES))
    lines.append("};")
    lines.append("static const char *const opcode_name[OP_COUNT] = {")
    lines.append("    " + ", ".join(f'"{name}"' for name, _, _, _ in OPCODES))
    lines.append("};")
    lines.append("static const char *const opcode_operands[OP_COUNT] = {")
    lines.append("    " + ", ".join(f'"{ops}"' for _, ops, _, _ in OPCODES))
    lines.append("};")
    lines.append("/* Value-profile lanes each opcode records (bit i: lane i), from PROFILE_LANES. */")
    lines.append("static const unsigned char opcode_profile_lanes[OP_COUNT] = {")
    lines.append("    " + ", ".join(str((1 << len(PROFILE_LANES.get(name, ()))) - 1) for name, _, _, _ in OPCODES))
    lines.append("};")
    lines.append("")
    lines.append("/* Labels for the computed-goto dispatch table, in opcode order. */")
    lines.append("#define OPCODE_LABELS \\")
    lines.append(" \\\n".join(f"    &&op_{name}," for name, _, _, _ in OPCODES))
    lines += ["", "#endif", ""]
    return "\n".join(lines)
