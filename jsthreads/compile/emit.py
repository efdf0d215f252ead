"""Bytecode emission: AST (after scope analysis) -> FunctionCode objects.

Owns the second compiler pass (specs/bytecode.md BC-4..BC-9): expression evaluation into
registers, control flow with labels, finally blocks (inlined on every exit path), destructuring,
classes, generators and the global-declaration prologue of scripts. Register bindings come from
scope.py; temporaries are allocated above them with a stack discipline.
"""

from ..parse import ast
from . import code as C
from .scope import (analyze, resolve, pattern_names, FIELD_KEYS, ACTIVE_FUNCTION, PRIVATE_SET,
                    PRIVATE_BRAND, PRIVATE_NAMES, describe_private_names)


class CompileError(Exception):
    """An early error found during emission (reported like a SyntaxError)."""

    def __init__(self, message, node):
        super().__init__(message)
        self.node = node


class Label:
    __slots__ = ("pc", "patches")

    def __init__(self):
        self.pc = None
        self.patches = []


class JumpTarget:
    """A break/continue destination with the state to unwind when jumping to it."""

    def __init__(self, labels, break_label, continue_label, env_depth, finally_depth, iterator=None):
        self.labels = labels
        self.break_label = break_label
        self.continue_label = continue_label
        self.env_depth = env_depth
        self.finally_depth = finally_depth
        self.iterator = iterator   # for-of iterator register to close when breaking out
        self.async_iterator = False   # for await: closing awaits return() (AsyncIteratorClose)
        self.is_switch = False
        self.region_depth = 0      # protected regions open outside the loop (see Region)


class Region:
    """Code protected by a handler. `gaps` are stretches emitted inside it that belong outside
    it: finally bodies and IteratorClose copies run when a jump leaves the protected statement,
    which must not be caught by that statement's own handlers [BC-8]."""

    def __init__(self, start):
        self.start = start
        self.gaps = []

    def ranges(self, end):
        """[start, end) minus the gaps, as (start, end) pairs."""
        out, pos = [], self.start
        for gap_start, gap_end in sorted(self.gaps):
            if gap_end <= pos or gap_start >= end:
                continue
            if gap_start > pos:
                out.append((pos, gap_start))
            pos = max(pos, gap_end)
        if pos < end:
            out.append((pos, end))
        return out


ITER_RESULT_NOT_OBJECT = "Iterator result is not an object"
# NEW_OBJECT's storage hint stops here: a structure of more properties becomes a dictionary.
MAX_LITERAL_CAPACITY = 64

ASSIGN_OPS = {"+=": "ADD", "-=": "SUB", "*=": "MUL", "/=": "DIV", "%=": "MOD", "**=": "EXP",
              "&=": "BIT_AND", "|=": "BIT_OR", "^=": "BIT_XOR", "<<=": "SHL", ">>=": "SAR",
              ">>>=": "SHR"}
BINARY_OPS = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD", "**": "EXP",
              "&": "BIT_AND", "|": "BIT_OR", "^": "BIT_XOR", "<<": "SHL", ">>": "SAR",
              ">>>": "SHR", "==": "EQ", "!=": "NE", "===": "STRICT_EQ", "!==": "STRICT_NE",
              "<": "LT", "<=": "LE", ">": "GT", ">=": "GE", "instanceof": "INSTANCEOF", "in": "IN"}


def compile_program(program, filename, source, *, mode="script", strict=False, eval_allows=frozenset(),
                    private_names=None):
    """Compiles a parsed Program; returns the blob. mode: script, eval, indirect-eval.
    private_names: for direct eval code, {name: (PrivateName, class name)} of the classes
    around it (scope.parse_private_names)."""
    analysis = analyze(program, mode=mode, strict=strict)
    unit = Unit(analysis, filename, source)
    unit.eval_private_names = private_names or {}
    unit.eval_context = [(C.EVAL_NEW_TARGET if "new.target" in eval_allows else 0)
                         | (C.EVAL_SUPER_PROPERTY if "super.property" in eval_allows else 0)
                         | (C.EVAL_SUPER_CALL if "super.call" in eval_allows else 0)]
    unit.compile_entry(program, mode)
    return C.serialize(unit.functions, filename, source)


def compile_function_source(program, filename, source, kind):
    """new Function(...): the program holds one function expression statement; its function is
    the entry (BC-9)."""
    analysis = analyze(program, mode="indirect-eval")
    unit = Unit(analysis, filename, source)
    expression = program.body[0].expression
    index = unit.compile_function(expression, name="anonymous")
    assert index == 0
    return C.serialize(unit.functions, filename, source)


class Unit:
    """All functions of one compilation; function constants refer to them by index."""

    def __init__(self, analysis, filename, source):
        self.analysis = analysis
        self.filename = filename
        self.source = source
        self.functions = []
        # What a direct eval may use in the function being compiled (CODE_EVAL_* bits), innermost
        # last: arrows inherit their parent's, other functions start from their own kind.
        self.eval_context = [0]
        self.eval_private_names = {}   # direct eval code: the private names around it

    def compile_entry(self, program, mode):
        info = self.analysis.functions[id(program)]
        flags = C.SCRIPT
        if mode in ("eval", "indirect-eval"):
            # Eval code's var declarations are configurable (deletable) bindings.
            flags |= C.EVAL
        if info.strict:
            flags |= C.STRICT
        if info.has_direct_eval or mode == "eval":
            flags |= self.eval_context[-1]
        fc = C.FunctionCode("", flags)
        self.functions.append(fc)
        FunctionEmitter(self, info, fc).emit_script(program, mode)

    def compile_function(self, node, name, flags=0, class_info=None):
        info = self.analysis.functions[id(node)]
        if type(node) is ast.ArrowFunctionExpression:
            context = self.eval_context[-1]
        else:
            context = C.EVAL_NEW_TARGET
            if flags & C.METHOD or class_info is not None:
                context |= C.EVAL_SUPER_PROPERTY
            if class_info is not None and class_info & C.DERIVED:
                context |= C.EVAL_SUPER_CALL
        fc = C.FunctionCode(name, flags | (context if info.has_direct_eval else 0))
        fc.index = len(self.functions)
        self.functions.append(fc)
        self.eval_context.append(context)
        try:
            FunctionEmitter(self, info, fc).emit_function(node, class_info)
        finally:
            self.eval_context.pop()
        return fc.index


class FunctionEmitter:
    def __init__(self, unit, info, fc):
        self.unit = unit
        self.info = info
        self.fc = fc
        self.scope = info.scope
        self.temp_top = 0
        self.max_register = 0
        self.targets = []          # JumpTarget stack
        self.finally_stack = []    # callables emitting finally bodies (innermost last)
        self.env_depth = 0         # envs pushed by this function's blocks (not the function env)
        self.completion = None     # register for script/eval completion values
        self.pending_labels = []
        self.env_save_register = None
        self.regions = []          # open Regions, outermost first
        # (len(targets), completion register outside) of the finally bodies being emitted
        self.finally_completions = []

    # ---- registers ----
    def begin_temps(self):
        self.temp_top = self.info.register_count
        self.max_register = self.temp_top

    def temp(self):
        r = self.temp_top
        self.temp_top += 1
        if self.temp_top > self.max_register:
            self.max_register = self.temp_top
        return r

    def temps(self, count):
        first = self.temp_top
        for _ in range(count):
            self.temp()
        return first

    def mark(self):
        return self.temp_top

    def release(self, mark):
        self.temp_top = mark

    # ---- code ----
    def emit(self, name, *operands):
        return self.fc.emit(name, *operands)

    def name(self, text):
        return self.fc.constant(C.Atom(text))

    def const(self, value):
        return self.fc.constant(value)

    def label(self):
        return Label()

    def place(self, label):
        label.pc = len(self.fc.words)
        for at in label.patches:
            self.fc.words[at] = label.pc

    def jump(self, op, label, *operands):
        pc = self.emit(op, *operands, 0)
        at = pc + len(operands) + 1
        if label.pc is not None:
            self.fc.words[at] = label.pc
        else:
            label.patches.append(at)

    def at(self, node):
        span = node.span
        if span is not None:
            self.fc.mark_line(span.start_line, span.start_col)

    def error(self, message, node):
        raise CompileError(message, node)

    # ---- entry points ----
    def emit_script(self, program, mode):
        self.begin_temps()
        self.completion = self.temp()
        self.emit("LOAD_UNDEFINED", self.completion)
        if self.info.dynamic or mode == "eval":
            self.fc.flags |= C.DYNAMIC_SCOPE
        self.script_declarations(program, mode)
        self.hoist_functions(program.body)
        for statement in program.body:
            self.statement(statement)
        self.emit("RET", self.completion)
        self.finish()

    def script_declarations(self, program, mode):
        scope = self.scope
        if scope.kind == "function":   # strict eval: its own function-like scope
            self.function_env_prologue()
            return
        if mode == "script":
            # GlobalDeclarationInstantiation (§16.1.7): one instruction checks every name and
            # creates every binding, so no other thread's script can declare in between.
            self.declare_globals(program, scope)
        else:
            # EvalDeclarationInstantiation (§18.2.1.3 steps 5 and 8-10) makes the same checks
            # when the eval's variable environment is the global one (the op finds out).
            self.check_global_declarations(program, scope)
            for binding in scope.order:
                if binding.kind == "var":
                    self.emit("DECLARE_EVAL_VAR" if mode == "eval" else "DECLARE_GLOBAL_VAR", self.name(binding.name))
        if scope.has_env:
            # Lexical declarations of sloppy eval code live in a fresh env of their own
            # (scope.py gave them its slots).
            self.push_env(scope)
            self.init_lexicals(scope)

    def global_declaration_names(self, program, scope):
        """The script's var names and its top-level function names, in declaration order."""
        variables = [b.name for b in scope.order if b.kind == "var"]
        functions = []
        for statement in program.body:
            node = statement
            while type(node) is ast.LabeledStatement:
                node = node.body
            if type(node) is ast.FunctionDeclaration and node.id.name not in functions:
                functions.append(node.id.name)
        return variables, functions

    def atom_list(self, names):
        return self.const(C.ConstList([C.Atom(name) for name in names]))

    def check_global_declarations(self, program, scope):
        """CHECK_GLOBAL_DECLARATIONS for eval code: ES2020 18.2.1.3 steps 5 and 8-10 check every
        var and function name before the DECLARE_* instructions create any binding."""
        variables, functions = self.global_declaration_names(program, scope)
        if variables or functions:
            self.emit("CHECK_GLOBAL_DECLARATIONS", self.atom_list(variables), self.atom_list(functions))

    def declare_globals(self, program, scope):
        """DECLARE_GLOBALS: ES2020 15.1.11 steps 5-16 (every check, then every binding) as one
        step; DECLARE_GLOBAL_FUNCTION stores each function once its closure exists."""
        lets = [b.name for b in scope.order if b.kind in ("let", "class")]
        consts = [b.name for b in scope.order if b.kind == "const"]
        variables, functions = self.global_declaration_names(program, scope)
        if lets or consts or variables or functions:
            self.emit("DECLARE_GLOBALS", self.atom_list(lets), self.atom_list(consts),
                      self.atom_list(variables), self.atom_list(functions))

    def env_names_constant(self, scope):
        if not scope.function.dynamic and scope.kind != "with":
            return self.const(None)
        names = [None] * scope.env_size
        for b in scope.order:
            if b.slot is not None:
                names[b.slot] = b.name
        return self.const(C.ConstList(C.Atom(n or "") for n in names))

    def finish(self):
        self.fc.register_count = max(self.max_register, self.info.register_count)
        if self.info.param_count is not None:
            self.fc.param_count = len(getattr(self.info, "param_registers", []))

    def function_env_prologue(self):
        scope = self.scope
        if scope.has_env:
            self.fc.flags |= C.NEEDS_ENV
            self.fc.env_size = scope.env_size
            if self.info.dynamic:
                names = [None] * scope.env_size
                for b in scope.order:
                    if b.slot is not None:
                        names[b.slot] = b.name
                self.fc.env_names = [n or "" for n in names]
        # Captured pseudo-bindings and parameters are copied into the env.
        for b in scope.order:
            if b.kind == "this" and b.captured:
                r = self.temp()
                self.emit("LOAD_THIS", r) if not (self.fc.flags & C.DERIVED) else self.emit("LOAD_HOLE", r)
                self.emit("PUT_ENV", 0, b.slot, r)
                self.release(r)
            elif b.kind == "new.target" and b.captured:
                r = self.temp()
                self.emit("LOAD_NEW_TARGET", r)
                self.emit("PUT_ENV", 0, b.slot, r)
                self.release(r)
            elif b.kind == "active function" and b.captured:
                r = self.temp()
                self.emit("LOAD_CALLEE", r)
                self.emit("PUT_ENV", 0, b.slot, r)
                self.release(r)
            elif b.kind in ("let", "const", "class") and b.captured:
                r = self.temp()
                self.emit("LOAD_HOLE", r)
                self.emit("PUT_ENV", 0, b.slot, r)
                self.release(r)
            elif b.kind in ("let", "const", "class") and b.register is not None:
                self.emit("LOAD_HOLE", b.register)

    def emit_function(self, node, class_info):
        info = self.info
        fc = self.fc
        is_arrow = type(node) is ast.ArrowFunctionExpression
        if info.strict:
            fc.flags |= C.STRICT
        if is_arrow:
            fc.flags |= C.ARROW
        if node.generator:
            fc.flags |= C.GENERATOR
        if getattr(node, "async"):
            fc.flags |= C.ASYNC
        if info.dynamic:
            fc.flags |= C.DYNAMIC_SCOPE
        if info.uses_arguments or any(type(p) is ast.RestElement for p in node.params):
            fc.flags |= C.NEEDS_ARGUMENTS
        if (not is_arrow and not node.generator and not getattr(node, "async")
                and class_info is None and not fc.flags & C.METHOD):
            fc.flags |= C.CONSTRUCTOR
        if class_info is not None:
            fc.flags |= class_info
        if node.span is not None:
            fc.source_start = node.span.start_offset
            fc.source_end = node.span.end_offset
        length = 0
        for p in node.params:
            if type(p) in (ast.AssignmentPattern, ast.RestElement):
                break
            length += 1
        fc.length = length
        self.begin_temps()
        async_function = fc.flags & C.ASYNC and not fc.flags & C.GENERATOR
        if async_function:
            # The promise exists before the parameters are bound: their errors reject it
            # (ES2020 25.7.5.1 step 4.b); a generator's parameters throw at the call instead.
            self.emit("GENERATOR_START")
        self.function_env_prologue()
        if info.param_scope is not info.scope:
            self.enter(info.param_scope)
        if info.separate_params:
            # Parameter expressions see the arguments object, and later parameters in TDZ.
            self.create_arguments()
            for b in info.param_scope.order:
                if b.kind == "param":
                    self.load_hole_into(b)
        # Parameters: registers hold the actual arguments; captured or patterned ones are moved.
        for index, param in enumerate(node.params):
            reg = info.param_registers[index]
            if type(param) is ast.Identifier:
                b = info.param_bindings[index]
                if b.captured:
                    self.emit("PUT_ENV", 0, b.slot, reg)
                elif b.register != reg:
                    self.emit("MOV", b.register, reg)
            elif type(param) is ast.RestElement:
                r = self.temp()
                self.emit("CREATE_REST", r, index)
                self.bind_pattern(param.argument, r, "param")
                self.release(r)
            else:
                self.bind_pattern(param, reg, "param")
        if not info.separate_params:
            self.create_arguments()
        elif info.body_scope is not None:
            # The body's vars live in a scope of their own; one named like a parameter (or
            # `arguments`) starts with its value (ES2020 9.2.15 step 28.f.i.4).
            self.enter(info.body_scope)
            for b in info.body_scope.order:
                outer = info.param_scope.bindings.get(b.name)
                if b.kind == "var" and outer is not None and outer.kind in ("param", "arguments"):
                    r = self.temp()
                    self.load_binding(outer, r)
                    self.store_binding(b, r, init=True)
                    self.release(r)
        if info.lexical_scope is not None:
            self.enter(info.lexical_scope)
        if fc.flags & C.GENERATOR:
            self.emit("GENERATOR_START")
        if class_info is not None and not (class_info & C.DERIVED):
            self.emit("INIT_FIELDS")
        if node.expression:
            self.at(node.body)
            r = self.expression(node.body)
            self.emit_return(r)
        else:
            self.hoist_functions(node.body.body)
            for statement in node.body.body:
                self.statement(statement)
            if fc.flags & C.ASYNC and not fc.flags & C.GENERATOR:
                r = self.temp()
                self.emit("LOAD_UNDEFINED", r)
                self.emit("ASYNC_RESULT", r)
            else:
                self.sync_this()
                self.emit("RET_UNDEFINED")
        self.finish()

    def create_arguments(self):
        arguments = self.scope.bindings.get("arguments")
        if arguments is not None and arguments.kind == "arguments":
            r = self.temp()
            mapped = not self.info.strict and self.info.simple_params
            self.emit("CREATE_ARGUMENTS", r, 1 if mapped else 0)
            self.store_binding(arguments, r, init=True)
            self.release(r)

    def load_hole_into(self, binding):
        if binding.captured:
            r = self.temp()
            self.emit("LOAD_HOLE", r)
            self.emit("PUT_ENV", self.env_hops(binding.scope), binding.slot, r)
            self.release(r)
        else:
            self.emit("LOAD_HOLE", binding.register)

    def emit_return(self, reg):
        if self.fc.flags & C.ASYNC and not self.fc.flags & C.GENERATOR:
            self.emit("ASYNC_RESULT", reg)
        else:
            self.sync_this()
            self.emit("RET", reg)

    def this_in_env(self):
        """A derived constructor whose `this` is captured keeps it in its Env only: arrows and
        eval code may bind it with super() there, even after the constructor returned (INT-3)."""
        if not self.fc.flags & C.DERIVED:
            return None
        binding = self.info.scope.bindings.get("this")
        return binding if binding is not None and binding.captured else None

    def sync_this(self):
        """The return of such a constructor reads the frame's this: copy the Env's there."""
        binding = self.this_in_env()
        if binding is not None:
            r = self.temp()
            self.emit("GET_ENV", r, self.env_hops(binding.scope), binding.slot)
            self.emit("SET_THIS", r)
            self.release(r)

    def hoist_functions(self, body):
        """Function declarations are initialised at scope entry (before any statement)."""
        for statement in body:
            node = statement
            while type(node) is ast.LabeledStatement:
                node = node.body
            if type(node) is ast.FunctionDeclaration:
                r = self.temp()
                self.closure(node, r, node.id.name)
                binding, dynamic = resolve(self.scope, node.id.name)
                if binding is None:
                    if self.info.kind == "eval" and not self.info.strict:
                        self.emit("DECLARE_EVAL_FUNCTION", self.name(node.id.name), r)
                    else:
                        self.emit("DECLARE_GLOBAL_FUNCTION", self.name(node.id.name), r)
                else:
                    self.store_binding(binding, r, init=True)
                self.release(r)

    # ---- bindings ----
    def env_hops(self, target_scope):
        hops = 0
        scope = self.scope
        while scope is not target_scope:
            if scope.has_env:
                hops += 1
            scope = scope.parent
        return hops

    def load_name(self, name, node, dst=None, typeof=False):
        binding, dynamic = resolve(self.scope, name)
        if dynamic:
            dst = self.temp() if dst is None else dst
            self.emit("TYPEOF_NAME" if typeof else "GET_NAME", dst, self.name(name))
            return dst
        if binding is None:
            dst = self.temp() if dst is None else dst
            if typeof:
                self.emit("TYPEOF_GLOBAL", dst, self.name(name))
            else:
                self.emit("GET_GLOBAL", dst, self.name(name), self.fc.new_cache())
            return dst
        if binding.captured:
            dst = self.temp() if dst is None else dst
            hops = self.env_hops(binding.scope)
            if self.checked(binding):
                self.emit("GET_ENV_CHECKED", dst, hops, binding.slot, self.name(name))
            else:
                self.emit("GET_ENV", dst, hops, binding.slot)
        else:
            if self.checked(binding):
                self.emit("CHECK_TDZ", binding.register, self.name(name))
            if dst is None:
                return binding.register
            if dst != binding.register:
                self.emit("MOV", dst, binding.register)
        if typeof:
            self.emit("TYPEOF", dst, dst)
        return dst

    def store_name(self, name, reg, node, init=False, declaration_kind=None):
        binding, dynamic = resolve(self.scope, name)
        if dynamic and not init:
            self.emit("PUT_NAME", self.name(name), reg, 1 if self.info.strict else 0)
            return
        if binding is None:
            if init and declaration_kind in ("let", "const", "class"):
                self.emit("INIT_GLOBAL_LEXICAL", self.name(name), reg)
            elif dynamic:
                self.emit("PUT_NAME", self.name(name), reg, 1 if self.info.strict else 0)
            else:
                self.emit("PUT_GLOBAL", self.name(name), reg, self.fc.new_cache(), 1 if self.info.strict else 0)
            return
        self.store_binding(binding, reg, init=init)

    def store_binding(self, binding, reg, init=False):
        if not init and binding.kind == "const":
            if binding.captured:
                t = self.temp()
                self.emit("GET_ENV_CHECKED", t, self.env_hops(binding.scope), binding.slot, self.name(binding.name))
                self.release(t)
            else:
                self.emit("CHECK_TDZ", binding.register, self.name(binding.name))
            self.emit("THROW_CONST_ASSIGN", self.name(binding.name))
            return
        if not init and binding.kind == "callee":
            if self.info.strict:
                self.emit("THROW_CONST_ASSIGN", self.name(binding.name))
            return
        if binding.captured:
            hops = self.env_hops(binding.scope)
            if not init and self.checked(binding):
                self.emit("PUT_ENV_CHECKED", hops, binding.slot, reg, self.name(binding.name))
            else:
                self.emit("PUT_ENV", hops, binding.slot, reg)
        else:
            if not init and self.checked(binding):
                self.emit("CHECK_TDZ", binding.register, self.name(binding.name))
            if binding.register != reg:
                self.emit("MOV", binding.register, reg)

    def load_binding(self, binding, dst):
        """Reads a binding known to be initialised."""
        if binding.captured:
            self.emit("GET_ENV", dst, self.env_hops(binding.scope), binding.slot)
        elif binding.register != dst:
            self.emit("MOV", dst, binding.register)

    def checked(self, binding):
        """Whether an access to binding must test for the hole (TDZ)."""
        if binding.needs_tdz:
            return True
        if binding.kind != "param" or not binding.scope.function.separate_params:
            return False
        # Non-simple parameters are in TDZ only while the parameter list runs: code in the
        # body (which reaches them through the body's var scope) always sees them initialised.
        body = binding.scope.function.body_scope
        scope = self.scope
        while scope is not binding.scope:
            if scope is body:
                return False
            scope = scope.parent
        return True

    # ---- scopes ----
    def enter_scope(self, node):
        scope = self.unit.analysis.scopes.get(id(node))
        if scope is None:
            return None
        return self.enter(scope)

    def enter(self, scope):
        """Makes scope current: pushes its Env if it has one, puts its lexicals in TDZ."""
        previous = self.scope
        self.scope = scope
        if scope.has_env:
            self.push_env(scope)
        self.init_lexicals(scope)
        return previous

    def push_env(self, scope):
        kind = 1 if scope.kind == "body" else 2 if scope.kind == "catch" else 0
        self.emit("PUSH_ENV", scope.env_size, self.env_names_constant(scope), kind)
        self.env_depth += 1

    def init_lexicals(self, scope):
        for b in scope.order:
            if b.kind in ("let", "const", "class"):
                if b.captured:
                    r = self.temp()
                    self.emit("LOAD_HOLE", r)
                    self.emit("PUT_ENV", 0, b.slot, r)
                    self.release(r)
                else:
                    self.emit("LOAD_HOLE", b.register)

    def leave_scope(self, previous):
        if previous is None:
            return
        if self.scope.has_env:
            self.emit("POP_ENV")
            self.env_depth -= 1
        self.scope = previous

    # ---- statements ----
    def statement(self, node):
        self.at(node)
        mark = self.mark()
        getattr(self, "stmt_" + type(node).__name__)(node)
        self.release(mark)

    def stmt_ExpressionStatement(self, node):
        if self.completion is not None:
            self.expression(node.expression, self.completion)
        else:
            self.expression(node.expression)

    def stmt_EmptyStatement(self, node):
        pass

    def stmt_DebuggerStatement(self, node):
        self.emit("DEBUGGER")

    def stmt_BlockStatement(self, node):
        previous = self.enter_scope(node)
        self.hoist_functions(node.body)
        for statement in node.body:
            self.statement(statement)
        self.leave_scope(previous)

    def stmt_VariableDeclaration(self, node):
        for d in node.declarations:
            if d.init is None:
                if node.kind == "var":
                    continue
                r = self.temp()
                self.emit("LOAD_UNDEFINED", r)
                self.bind_pattern(d.id, r, node.kind)
                continue
            if type(d.id) is ast.Identifier:
                base = self.resolve_dynamic(d.id.name) if node.kind == "var" else None
                r = self.expression_named(d.init, d.id.name)
                if base is not None:
                    self.put_dynamic(base, d.id.name, r)
                else:
                    self.store_name(d.id.name, r, d, init=node.kind != "var", declaration_kind=node.kind)
            else:
                r = self.expression(d.init)
                self.bind_pattern(d.id, r, node.kind)

    def stmt_FunctionDeclaration(self, node):
        # Hoisted; Annex B.3.3 also copies a sloppy block function to its var when the
        # declaration is evaluated (scope.py decided which ones).
        if id(node) not in self.unit.analysis.annexb:
            return
        name = node.id.name
        r = self.temp()
        self.load_name(name, node, r)
        var_scope = self.info.var_scope
        binding = var_scope.bindings.get(name) or self.info.param_scope.bindings[name]
        if self.info.kind == "script" and var_scope.kind == "script":
            self.emit("PUT_GLOBAL", self.name(name), r, self.fc.new_cache(), 0)
        elif self.info.kind == "eval" and var_scope.kind == "script":
            # The var is in the caller's variable scope: assign it by name from outside every
            # Env this eval code pushed (the block's own binding must not catch the name).
            saved = self.temp()
            self.emit("SAVE_ENV", saved)
            for _ in range(self.env_depth):
                self.emit("POP_ENV")
            self.emit("PUT_NAME", self.name(name), r, 0)
            self.emit("RESTORE_ENV", saved)
        else:
            self.store_binding(binding, r, init=True)
        self.release(r)

    def stmt_ClassDeclaration(self, node):
        r = self.class_expression(node)
        self.store_name(node.id.name, r, node, init=True, declaration_kind="class")

    def stmt_ReturnStatement(self, node):
        if node.argument is not None:
            r = self.expression(node.argument)
            if self.is_async_generator():
                # An async generator awaits its return value, inside any try (ES2020 13.10.1).
                awaited = self.temp()
                self.emit("AWAIT", awaited, r)
                r = awaited
        else:
            r = self.temp()
            self.emit("LOAD_UNDEFINED", r)
        if self.finally_stack:
            # The value must survive the finally bodies.
            saved = self.temp()
            self.emit("MOV", saved, r)
            r = saved
        self.leave(0, 0)
        # The return itself is outside every try: a derived constructor's bad return value
        # throws in the caller's frame, past any catch or finally here.
        start = len(self.fc.words)
        self.emit_return(r)
        self.exclude(0, start)

    def leave(self, target_index, finally_depth):
        """Emits what a jump out to targets[target_index - 1] runs, innermost first: for-of
        loops above target_index close their iterators and try statements above finally_depth
        run their finally bodies, each in the env of its own statement. Returns the env depth
        reached (the caller pops the rest)."""
        saved_stack, saved_targets, saved_depth = self.finally_stack, self.targets, self.env_depth
        depth = self.env_depth
        while True:
            entry = self.finally_stack[-1] if len(self.finally_stack) > finally_depth else None
            floor = entry.target_depth if entry is not None else target_index
            for target in reversed(self.targets[floor:]):
                if target.iterator is not None:
                    self.close_iterator(target)
            self.targets = self.targets[:floor]
            if entry is None:
                break
            self.finally_stack = self.finally_stack[:-1]
            depth = self.pop_envs(depth, entry.env_depth)
            self.env_depth = depth
            start = len(self.fc.words)
            entry.emit_body()
            self.exclude(entry.region_depth, start)
        self.finally_stack, self.targets, self.env_depth = saved_stack, saved_targets, saved_depth
        return depth

    def close_iterator(self, target):
        start = len(self.fc.words)
        if target.async_iterator:
            # AsyncIteratorClose for a normal completion: return()'s result is awaited and must
            # be an object; its errors propagate [INT-17].
            result, completion, skip = self.temp(), self.temp(), self.label()
            self.emit("LOAD_HOLE", completion)
            self.jump("ASYNC_ITER_CLOSE", skip, result, target.iterator, completion)
            self.emit("AWAIT", result, result)
            self.emit("REQUIRE_OBJECT", result, self.const(ITER_RESULT_NOT_OBJECT))
            self.place(skip)
        else:
            self.emit("ITER_CLOSE", target.iterator)
        self.exclude(target.region_depth, start)

    def pop_envs(self, depth, to_depth):
        for _ in range(depth - to_depth):
            self.emit("POP_ENV")
        return min(depth, to_depth)

    def exclude(self, region_depth, start):
        """Code from start to here runs outside the regions opened at region_depth and later."""
        end = len(self.fc.words)
        if end > start:
            for region in self.regions[region_depth:]:
                region.gaps.append((start, end))

    def open_region(self):
        region = Region(len(self.fc.words))
        self.regions.append(region)
        return region

    def close_region(self, region):
        assert self.regions[-1] is region
        self.regions.pop()

    def add_handler(self, region, end, target, register, kind):
        for range_start, range_end in region.ranges(end):
            self.fc.handlers.append((range_start, range_end, target, register, kind))

    def reset_completion(self):
        """Statements whose completion value is UpdateEmpty(..., undefined) (if, loops, switch,
        try, with) start it as undefined, so an empty body does not keep an earlier value."""
        if self.completion is not None:
            self.emit("LOAD_UNDEFINED", self.completion)

    def stmt_IfStatement(self, node):
        self.reset_completion()
        else_label, end = self.label(), self.label()
        self.condition_jump(node.test, else_label, False)
        self.statement(node.consequent)
        if node.alternate is not None:
            self.jump("JMP", end)
            self.place(else_label)
            self.statement(node.alternate)
            self.place(end)
        else:
            self.place(else_label)

    def condition_jump(self, test, label, when):
        """Jumps to label when ToBoolean(test) == when."""
        mark = self.mark()
        if type(test) is ast.UnaryExpression and test.operator == "!":
            self.condition_jump(test.argument, label, not when)
            return
        if type(test) is ast.LogicalExpression and test.operator in ("&&", "||"):
            if (test.operator == "&&") != when:
                # (a && b) false -> a false or b false ; (a || b) true -> a true or b true
                self.condition_jump(test.left, label, when)
                self.condition_jump(test.right, label, when)
            else:
                skip = self.label()
                self.condition_jump(test.left, skip, not when)
                self.condition_jump(test.right, label, when)
                self.place(skip)
            return
        r = self.expression(test)
        self.jump("JMP_TRUE" if when else "JMP_FALSE", label, r)
        self.release(mark)

    def take_labels(self):
        labels, self.pending_labels = self.pending_labels, []
        return labels

    def loop(self, node, body_fn, continue_label, break_label, labels, iterator=None, async_iterator=False):
        target = JumpTarget(labels, break_label, continue_label, self.env_depth,
                            len(self.finally_stack), iterator)
        target.async_iterator = async_iterator
        target.region_depth = len(self.regions)
        self.targets.append(target)
        body_fn()
        self.targets.pop()

    def stmt_WhileStatement(self, node):
        labels = self.take_labels()
        self.reset_completion()
        top, end = self.label(), self.label()
        self.place(top)
        self.condition_jump(node.test, end, False)
        self.loop(node, lambda: self.statement(node.body), top, end, labels)
        self.jump("LOOP", top)
        self.place(end)

    def stmt_DoWhileStatement(self, node):
        labels = self.take_labels()
        self.reset_completion()
        top, cont, end = self.label(), self.label(), self.label()
        self.place(top)
        self.loop(node, lambda: self.statement(node.body), cont, end, labels)
        self.place(cont)
        r = self.expression(node.test)
        self.jump("JMP_FALSE", end, r)
        self.jump("LOOP", top)
        self.place(end)

    def stmt_ForStatement(self, node):
        labels = self.take_labels()
        self.reset_completion()
        previous = self.enter_scope(node)
        per_iteration = previous is not None and self.scope.has_env
        if node.init is not None:
            if type(node.init) is ast.VariableDeclaration:
                self.statement(node.init)
            else:
                self.expression(node.init)
        if per_iteration:
            # CreatePerIterationEnvironment also runs once before the first test (ES2020
            # 13.7.4.8 step 2): closures in the initialiser keep the initial copy.
            self.emit("COPY_ENV")
        top, cont, end = self.label(), self.label(), self.label()
        self.place(top)
        if node.test is not None:
            self.condition_jump(node.test, end, False)
        self.loop(node, lambda: self.statement(node.body), cont, end, labels)
        self.place(cont)
        if per_iteration:
            self.emit("COPY_ENV")
        if node.update is not None:
            mark = self.mark()
            self.expression(node.update)
            self.release(mark)
        self.jump("LOOP", top)
        self.place(end)
        self.leave_scope(previous)

    def for_each_binding(self, node, value_reg):
        """Assigns the current for-in/of value to the loop's left side."""
        left = node.left
        if type(left) is ast.VariableDeclaration:
            target = left.declarations[0].id
            kind = left.kind
            if type(target) is ast.Identifier:
                self.store_name(target.name, value_reg, left, init=kind != "var", declaration_kind=kind)
            else:
                self.bind_pattern(target, value_reg, kind)
        else:
            self.assign_to(left, value_reg)

    def stmt_ForInStatement(self, node):
        self.for_in_of(node, of=False)

    def stmt_ForOfStatement(self, node):
        self.for_in_of(node, of=True)

    def for_in_of(self, node, of):
        labels = self.take_labels()
        self.reset_completion()
        scope = self.unit.analysis.scopes.get(id(node))
        # The right side sees the loop's let bindings in TDZ.
        previous = self.enter_scope(node) if scope is not None else None
        right = self.expression(node.right)
        iterator, next_method = self.temp(), self.temp()
        is_await = of and getattr(node, "await", False)
        if of:
            self.emit("GET_ASYNC_ITERATOR" if is_await else "GET_ITERATOR", iterator, next_method, right)
        else:
            self.emit("FOR_IN_PREPARE", iterator, right)
        if previous is not None and self.scope.has_env:
            self.emit("POP_ENV")
            self.env_depth -= 1
        top, end = self.label(), self.label()
        value = self.temp()
        self.place(top)
        if is_await:
            self.async_iterator_step(end, value, iterator, next_method)
        elif of:
            self.jump("ITER_NEXT", end, value, iterator, next_method)
        else:
            self.jump("FOR_IN_NEXT", end, value, iterator)
        if previous is not None and self.scope.has_env:
            self.emit("PUSH_ENV", self.scope.env_size, self.env_names_constant(self.scope), 0)
            self.env_depth += 1
        body_end = self.label()
        break_label = self.label() if previous is not None and self.scope.has_env else end

        def body():
            if of:
                self.protected_iteration(iterator, lambda: (self.for_each_binding(node, value),
                                                            self.statement(node.body)), is_await)
            else:
                self.for_each_binding(node, value)
                self.statement(node.body)

        self.loop(node, body, body_end, break_label, labels, iterator if of else None, is_await)
        self.place(body_end)
        if previous is not None and self.scope.has_env:
            self.emit("POP_ENV")
            self.jump("LOOP", top)
            self.place(break_label)
            self.emit("POP_ENV")
            self.env_depth -= 1
        else:
            self.jump("LOOP", top)
        self.place(end)
        if previous is not None:
            self.scope = previous

    def async_iterator_step(self, end, value, iterator, next_method):
        """for await: value = (await next()).value, or to end when done [INT-17]. Errors here
        do not close the iterator."""
        result = self.temp()
        self.emit("CALL", result, next_method, iterator, 0, 0, self.fc.new_cache())
        self.emit("AWAIT", result, result)
        self.emit("REQUIRE_OBJECT", result, self.const(ITER_RESULT_NOT_OBJECT))
        self.emit("GET_PROP", value, result, self.name("done"), self.fc.new_cache())
        self.jump("JMP_TRUE", end, value)
        self.emit("GET_PROP", value, result, self.name("value"), self.fc.new_cache())
        self.release(result)

    def async_close_for_throw(self, iterator, exc):
        """AsyncIteratorClose for the completion in exc: a throw wins over anything return()
        or its awaited result does; a generator's return() token lets their errors through."""
        result, rethrow = self.temp(), self.label()
        self.jump("ASYNC_ITER_CLOSE", rethrow, result, iterator, exc)
        region = self.open_region()
        self.emit("AWAIT", result, result)
        self.emit("REQUIRE_OBJECT", result, self.const(ITER_RESULT_NOT_OBJECT))
        self.close_region(region)
        end_pc = len(self.fc.words)
        self.jump("JMP", rethrow)
        handler_pc = len(self.fc.words)
        error = self.temp()
        self.add_handler(region, end_pc, handler_pc, error, 0)
        self.restore_env_in_handler()
        self.emit("ASYNC_CLOSE_ERROR", exc, error)
        self.place(rethrow)

    def protected_iteration(self, iterator, body, is_async=False):
        """Runs body with a handler that closes the iterator if it throws (IteratorClose).
        The handler is finally-kind: a generator return() also closes the iterator [BC-8]."""
        region = self.open_region()
        body()
        self.close_region(region)
        end_pc = len(self.fc.words)
        after = self.label()
        self.jump("JMP", after)
        handler_pc = len(self.fc.words)
        exc = self.temp()
        self.add_handler(region, end_pc, handler_pc, exc, 1)
        self.restore_env_in_handler()
        if is_async:
            self.async_close_for_throw(iterator, exc)
        else:
            self.emit("ITER_CLOSE_THROW", iterator, exc)
        self.emit("THROW", exc)
        self.place(after)

    def restore_env_in_handler(self):
        if self.env_save_register is not None:
            self.emit("RESTORE_ENV", self.env_save_register)

    def stmt_LabeledStatement(self, node):
        self.pending_labels.append(node.label.name)
        body = node.body
        # Nested labels (a: b: for ...) all name the innermost statement.
        if type(body) in (ast.WhileStatement, ast.DoWhileStatement, ast.ForStatement,
                          ast.ForInStatement, ast.ForOfStatement, ast.LabeledStatement):
            self.statement(body)
            return
        labels = self.take_labels()
        end = self.label()
        self.targets.append(JumpTarget(labels, end, None, self.env_depth, len(self.finally_stack)))
        self.statement(body)
        self.targets.pop()
        self.place(end)

    def find_target(self, node, is_continue):
        for index in range(len(self.targets) - 1, -1, -1):
            target = self.targets[index]
            if node.label is not None:
                if node.label.name in target.labels:
                    if is_continue and target.continue_label is None:
                        self.error("Illegal continue statement: '%s' does not denote an iteration statement" % node.label.name, node)
                    return index, target
            elif is_continue and target.continue_label is not None:
                return index, target
            elif not is_continue and (target.continue_label is not None or target.is_switch):
                return index, target
        self.error("Illegal break statement" if not is_continue else "Illegal continue statement", node)

    def stmt_BreakStatement(self, node):
        index, target = self.find_target(node, False)
        self.jump_out(index, target, target.break_label, closing=True)

    def stmt_ContinueStatement(self, node):
        index, target = self.find_target(node, True)
        self.jump_out(index, target, target.continue_label, closing=False)

    def jump_out(self, index, target, label, closing):
        # A break or continue out of a finally body completes with that body's value.
        escaped = [outer for depth, outer in self.finally_completions if depth > index]
        if escaped:
            self.emit("MOV", escaped[0], self.completion)
        # Everything inside the target first (inner loops, finally bodies), then the target's
        # own iterator when breaking out of a for-of (continue keeps it open).
        depth = self.leave(index + 1, target.finally_depth)
        if closing and target.iterator is not None:
            self.close_iterator(target)
        self.pop_envs(depth, target.env_depth)
        # A continue to a while loop's head is a back edge: it must poll the safepoint [BC-14].
        self.jump("LOOP" if label.pc is not None else "JMP", label)

    def stmt_ThrowStatement(self, node):
        r = self.expression(node.argument)
        self.at(node)
        self.emit("THROW", r)

    def stmt_TryStatement(self, node):
        self.reset_completion()
        # Unwinding leaves the env of the throw point (any block env inside the try), so the
        # handlers restore the env saved at entry [INT-4].
        env_register = self.temp()
        self.emit("SAVE_ENV", env_register)
        saved_env_register = self.env_save_register
        end = self.label()
        region_depth = len(self.regions)
        if node.finalizer is not None:
            entry = FinallyEntry(lambda: self.finally_body(node.finalizer), len(self.targets),
                                 env_register, self.env_depth, region_depth)
            self.finally_stack.append(entry)
        region = self.open_region()
        self.env_save_register = env_register
        self.statement(node.block)
        block_end = len(self.fc.words)
        if node.handler is not None:
            after_catch = self.label()
            self.jump("JMP", after_catch)
            handler_pc = len(self.fc.words)
            exc = self.temp()
            self.add_handler(region, block_end, handler_pc, exc, 0)
            self.emit("RESTORE_ENV", env_register)
            self.reset_completion()
            self.catch_clause(node.handler, exc)
            self.place(after_catch)
        self.close_region(region)
        self.env_save_register = saved_env_register
        if node.finalizer is not None:
            self.finally_stack.pop()
            protected_end = len(self.fc.words)
            # Normal completion runs the finally body inline.
            self.finally_body(node.finalizer)
            self.jump("JMP", end)
            handler_pc = len(self.fc.words)
            exc = self.temp()
            self.add_handler(region, protected_end, handler_pc, exc, 1)
            self.emit("RESTORE_ENV", env_register)
            self.finally_body(node.finalizer)
            self.emit("THROW", exc)
        self.place(end)

    def finally_body(self, block):
        mark = self.mark()
        saved_completion = self.completion
        if self.completion is not None:
            # The completion value of try/finally is the try block's: the finally's is dropped,
            # unless a break or continue leaves the finally body (jump_out copies it then).
            self.completion = self.temp()
            self.emit("LOAD_UNDEFINED", self.completion)
            self.finally_completions.append((len(self.targets), saved_completion))
        self.statement(block)
        if saved_completion is not None:
            self.finally_completions.pop()
        self.completion = saved_completion
        self.release(mark)

    def catch_clause(self, handler, exc):
        previous = self.enter_scope(handler)
        if handler.param is not None:
            if type(handler.param) is ast.Identifier:
                self.store_name(handler.param.name, exc, handler, init=True)
            else:
                self.bind_pattern(handler.param, exc, "let")
        self.stmt_BlockStatement(handler.body)
        self.leave_scope(previous)

    def stmt_SwitchStatement(self, node):
        labels = self.take_labels()
        self.reset_completion()
        value = self.temp()
        self.expression(node.discriminant, value)
        previous = self.enter_scope(node)
        # Function declarations of the cases exist before any case test runs.
        for case in node.cases:
            self.hoist_functions(case.consequent)
        end = self.label()
        case_labels = [self.label() for _ in node.cases]
        default_index = None
        for index, case in enumerate(node.cases):
            if case.test is None:
                default_index = index
                continue
            mark = self.mark()
            r = self.expression(case.test)
            self.jump("JMP_STRICT_EQ", case_labels[index], value, r)
            self.release(mark)
        self.jump("JMP", case_labels[default_index] if default_index is not None else end)
        target = JumpTarget(labels, end, None, self.env_depth, len(self.finally_stack))
        target.is_switch = True
        self.targets.append(target)
        for index, case in enumerate(node.cases):
            self.place(case_labels[index])
            for statement in case.consequent:
                self.statement(statement)
        self.targets.pop()
        self.place(end)
        self.leave_scope(previous)

    def stmt_WithStatement(self, node):
        self.reset_completion()
        obj = self.expression(node.object)
        scope = self.unit.analysis.scopes[id(node)]
        previous = self.scope
        self.emit("PUSH_WITH", obj)
        scope.has_env = True
        self.scope = scope
        self.env_depth += 1
        self.statement(node.body)
        self.emit("POP_ENV")
        self.env_depth -= 1
        self.scope = previous

    # ---- expressions ----
    def expression(self, node, dst=None):
        """Evaluates node; returns the register holding the value (dst when given)."""
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            self.error("Unsupported syntax: %s" % type(node).__name__, node)
        r = method(node, dst)
        if dst is not None and r != dst:
            self.emit("MOV", dst, r)
            return dst
        return r

    def expression_named(self, node, name, dst=None):
        """NamedEvaluation: anonymous functions and classes take the binding's name."""
        t = type(node)
        if t in (ast.FunctionExpression, ast.ArrowFunctionExpression) and getattr(node, "id", None) is None:
            dst = self.temp() if dst is None else dst
            self.closure(node, dst, name)
            return dst
        if t is ast.ClassExpression and node.id is None:
            return self.class_expression(node, dst, name)
        return self.expression(node, dst)

    def target(self, dst):
        return self.temp() if dst is None else dst

    def expr_Literal(self, node, dst):
        dst = self.target(dst)
        value = node.value
        if node.regex is not None:
            self.emit("REGEXP", dst, self.const(node.regex["pattern"]), self.const(node.regex["flags"]))
        elif node.bigint is not None:
            self.emit("LOAD_CONST", dst, self.const(C.BigIntConst(format(int(node.bigint), "x"))))
        elif value is None:
            self.emit("LOAD_NULL", dst)
        elif value is True:
            self.emit("LOAD_TRUE", dst)
        elif value is False:
            self.emit("LOAD_FALSE", dst)
        elif isinstance(value, float):
            if value.is_integer() and -2**31 <= value < 2**31 and not (value == 0 and str(value).startswith("-")):
                self.emit("LOAD_INT", dst, int(value))
            else:
                self.emit("LOAD_CONST", dst, self.const(value))
        else:
            self.emit("LOAD_CONST", dst, self.const(value))
        return dst

    def expr_Identifier(self, node, dst):
        if node.name == "undefined":
            binding, dynamic = resolve(self.scope, "undefined")
            if binding is None and not dynamic:
                dst = self.target(dst)
                self.emit("LOAD_UNDEFINED", dst)
                return dst
        self.at(node)
        return self.load_name(node.name, node, dst)

    def this_binding(self):
        binding, _ = resolve(self.scope, "this")
        return binding

    def expr_ThisExpression(self, node, dst):
        dst = self.target(dst)
        binding = self.this_binding()
        if binding is None and self.unit.eval_context[0] & C.EVAL_SUPER_CALL:
            # Eval code in a derived constructor: super() may bind this after the eval began,
            # so it is read from the constructor's Env (dynamic, so its slots are named).
            self.emit("GET_NAME", dst, self.name("this"))
        elif binding is None or not binding.captured or (
                binding.scope.function is self.info and self.this_in_env() is None):
            self.emit("LOAD_THIS", dst)
        else:
            self.emit("GET_ENV_CHECKED", dst, self.env_hops(binding.scope), binding.slot, self.name("this"))
        return dst

    def expr_MetaProperty(self, node, dst):
        dst = self.target(dst)
        binding, _ = resolve(self.scope, "new.target")
        if binding is None or binding.scope.function is self.info or not binding.captured:
            self.emit("LOAD_NEW_TARGET", dst)
        else:
            self.emit("GET_ENV", dst, self.env_hops(binding.scope), binding.slot)
        return dst

    def expr_TemplateLiteral(self, node, dst):
        dst = self.target(dst)
        result = self.temp()
        first = node.quasis[0].value["cooked"]
        self.emit("LOAD_CONST", result, self.const(first))
        for index, expression in enumerate(node.expressions):
            mark = self.mark()
            r = self.expression(expression)
            s = self.temp()
            self.emit("TO_STRING", s, r)
            self.emit("ADD", result, result, s)
            text = node.quasis[index + 1].value["cooked"]
            if text:
                self.emit("LOAD_CONST", s, self.const(text))
                self.emit("ADD", result, result, s)
            self.release(mark)
        self.emit("MOV", dst, result)
        return dst

    def expr_TaggedTemplateExpression(self, node, dst):
        dst = self.target(dst)
        quasi = node.quasi
        strings = C.ConstList(
            [C.ConstList(q.value["cooked"] if q.value["cooked"] is not None else None for q in quasi.quasis),
             C.ConstList(q.value["raw"] for q in quasi.quasis)])
        fn, this = self.callee_and_this(node.tag)
        args = self.temps(1 + len(quasi.expressions))
        self.emit("TEMPLATE_OBJECT", args, self.const(strings), self.fc.new_cache())
        for index, expression in enumerate(quasi.expressions):
            self.expression(expression, args + 1 + index)
        self.at(node)
        self.emit("CALL", dst, fn, this, args, 1 + len(quasi.expressions), self.fc.new_cache())
        return dst

    def expr_ArrayExpression(self, node, dst):
        dst = self.target(dst)
        arr = self.temp()
        self.emit("NEW_ARRAY", arr, len(node.elements))
        for element in node.elements:
            mark = self.mark()
            if element is None:
                self.emit("ARRAY_PUSH_HOLE", arr)
            elif type(element) is ast.SpreadElement:
                r = self.expression(element.argument)
                self.emit("ARRAY_SPREAD", arr, r)
            else:
                r = self.expression(element)
                self.emit("ARRAY_PUSH", arr, r)
            self.release(mark)
        self.emit("MOV", dst, arr)
        return dst

    def property_key(self, prop):
        """Register holding a computed key, or None with the static name in prop_name()."""
        if prop.computed:
            r = self.expression(prop.key)
            k = self.temp()
            self.emit("TO_PROPERTY_KEY", k, r)
            return k
        return None

    @staticmethod
    def static_key(key):
        if type(key) is ast.Identifier:
            return key.name
        if type(key) is ast.PrivateIdentifier:
            return "#" + key.name      # a private element's function name
        if type(key) is ast.Literal:
            value = key.value
            if key.bigint is not None:
                return key.bigint   # { 1n: x } names "1" (its decimal digits)
            if isinstance(value, float):
                return number_key(value)
            return str(value) if not isinstance(value, str) else value
        raise ValueError(key)

    def key_register(self, prop):
        k = self.property_key(prop)
        if k is not None:
            return k, None
        name = self.static_key(prop.key)
        k = self.temp()
        self.emit("LOAD_CONST", k, self.name(name))
        return k, name

    def expr_ObjectExpression(self, node, dst):
        dst = self.target(dst)
        obj = self.temp()
        # Room for the literal's own properties up front, so that its first field does not grow
        # the storage (a spread's properties are not counted; large literals start at the cap).
        named = sum(type(prop) is not ast.SpreadElement for prop in node.properties)
        self.emit("NEW_OBJECT", obj, min(named, MAX_LITERAL_CAPACITY))
        for prop in node.properties:
            mark = self.mark()
            if type(prop) is ast.SpreadElement:
                r = self.expression(prop.argument)
                u = self.temp()
                self.emit("LOAD_UNDEFINED", u)
                self.emit("COPY_DATA_PROPERTIES", obj, r, u)
            elif prop.kind in ("get", "set"):
                k, name = self.key_register(prop)
                f = self.temp()
                self.method_closure(prop.value, f, obj, name, prefix=prop.kind, key_reg=k if name is None else None)
                self.emit("DEFINE_METHOD", obj, k, f, 7 if prop.kind == "get" else 8)
            elif not prop.computed and not prop.shorthand and not prop.method and self.static_key(prop.key) == "__proto__":
                r = self.expression(prop.value)
                self.emit("SET_PROTO", obj, r)
            elif prop.method:
                k, name = self.key_register(prop)
                f = self.temp()
                self.method_closure(prop.value, f, obj, name, key_reg=k if name is None else None)
                self.emit("DEFINE_METHOD", obj, k, f, 3)
            else:
                if prop.computed:
                    k = self.property_key(prop)
                    v = self.expression(prop.value)
                    if is_anonymous_function(prop.value):
                        self.set_function_name_from(v, k)
                    self.emit("DEFINE_FIELD", obj, k, v)
                else:
                    name = self.static_key(prop.key)
                    v = self.expression_named(prop.value, name)
                    self.emit("DEFINE_FIELD_NAME", obj, self.name(name), v, self.fc.new_cache())
            self.release(mark)
        self.emit("MOV", dst, obj)
        return dst

    def set_function_name_from(self, fn_reg, key_reg):
        # Computed keys name anonymous functions at run time through DEFINE_METHOD kind 4.
        self.emit("DEFINE_METHOD", fn_reg, key_reg, fn_reg, 4)

    def closure(self, node, dst, name):
        index = self.unit.compile_function(node, name)
        self.emit("CLOSURE", dst, self.const(C.FunctionRef(index)))
        return dst

    def method_closure(self, node, dst, home, name, prefix=None, key_reg=None, flags=0):
        fname = name if name is not None else ""
        if prefix and name is not None:
            fname = prefix + " " + name
        index = self.unit.compile_function(node, fname, flags | C.METHOD)
        self.emit("METHOD", dst, self.const(C.FunctionRef(index)), home)
        if key_reg is not None:
            self.emit("DEFINE_METHOD", dst, key_reg, dst, 4 if prefix is None else (5 if prefix == "get" else 6))
        return dst

    def expr_FunctionExpression(self, node, dst):
        dst = self.target(dst)
        if node.id is not None:
            # The function's own name is bound in a scope between it and the outside.
            scope = self.unit.analysis.scopes.get(id(node.id))
            previous = self.scope
            if scope is not None:
                self.scope = scope
                if scope.has_env:
                    self.emit("PUSH_ENV", scope.env_size, self.env_names_constant(scope), 3)
                self.closure(node, dst, node.id.name)
                b = scope.bindings[node.id.name]
                if b.captured:
                    self.emit("PUT_ENV", 0, b.slot, dst)
                else:
                    self.emit("MOV", b.register, dst)
                if scope.has_env:
                    self.emit("POP_ENV")
                self.scope = previous
                return dst
        return self.closure(node, dst, node.id.name if node.id else "")

    def expr_ArrowFunctionExpression(self, node, dst):
        dst = self.target(dst)
        return self.closure(node, dst, "")

    def expr_ClassExpression(self, node, dst):
        return self.class_expression(node, dst)

    def expr_SequenceExpression(self, node, dst):
        for expression in node.expressions[:-1]:
            mark = self.mark()
            self.expression(expression)
            self.release(mark)
        return self.expression(node.expressions[-1], dst)

    def expr_UnaryExpression(self, node, dst):
        op = node.operator
        if op == "typeof" and type(node.argument) is ast.Identifier:
            dst = self.target(dst)
            return self.load_name(node.argument.name, node.argument, dst, typeof=True)
        if op == "delete":
            return self.delete(node.argument, dst)
        r = self.expression(node.argument)
        dst = self.target(dst)
        self.at(node)
        if op == "-":
            self.emit("NEG", dst, r)
        elif op == "+":
            self.emit("TO_NUMBER", dst, r)
        elif op == "!":
            self.emit("NOT", dst, r)
        elif op == "~":
            self.emit("BIT_NOT", dst, r)
        elif op == "typeof":
            self.emit("TYPEOF", dst, r)
        elif op == "void":
            self.emit("LOAD_UNDEFINED", dst)
        return dst

    def delete(self, argument, dst):
        dst = self.target(dst)
        t = type(argument)
        if t is ast.ChainExpression:
            argument = argument.expression
            t = type(argument)
        if t is ast.MemberExpression and type(argument.object) is ast.Super:
            # delete super[k]: this is checked and k evaluated (not converted), then a
            # ReferenceError (ES2020 12.5.3.2 step 5.a).
            mark = self.mark()
            self.expr_ThisExpression(argument.object, self.temp())
            if argument.computed:
                self.expression(argument.property)
            self.at(argument)
            self.emit("THROW_REFERENCE", self.name("super"))
            self.release(mark)
        elif t is ast.MemberExpression:
            obj = self.expression(argument.object)
            end = None
            if argument.optional:
                end = self.label()
                self.emit("LOAD_TRUE", dst)
                self.jump("JMP_NULLISH", end, obj)
            if argument.computed:
                k = self.expression(argument.property)
                self.emit("DELETE_ELEM", dst, obj, k)
            else:
                self.emit("DELETE_PROP", dst, obj, self.name(argument.property.name))
            if end:
                self.place(end)
        elif t is ast.Identifier:
            binding, dynamic = resolve(self.scope, argument.name)
            if dynamic or binding is None:
                self.emit("DELETE_NAME", dst, self.name(argument.name))
            else:
                self.emit("LOAD_FALSE", dst)
        else:
            mark = self.mark()
            self.expression(argument)
            self.release(mark)
            self.emit("LOAD_TRUE", dst)
        return dst

    def expr_BinaryExpression(self, node, dst):
        if type(node.left) is ast.PrivateIdentifier:
            return self.private_in(node, dst)
        left = self.expression_stable(node.left, node.right)
        right = self.expression(node.right)
        dst = self.target(dst)
        self.at(node)
        op = BINARY_OPS[node.operator]
        if op == "IN":
            self.emit("IN", dst, left, right)
        else:
            self.emit(op, dst, left, right)
        return dst

    def expression_stable(self, node, later):
        """Evaluates node into a register that `later` cannot change (copies locals if needed)."""
        r = self.expression(node)
        if r < self.info.register_count and not is_simple(later):
            t = self.temp()
            self.emit("MOV", t, r)
            return t
        return r

    def expr_LogicalExpression(self, node, dst):
        dst = self.target(dst)
        end = self.label()
        self.expression(node.left, dst)
        if node.operator == "&&":
            self.jump("JMP_FALSE", end, dst)
        elif node.operator == "||":
            self.jump("JMP_TRUE", end, dst)
        else:
            self.jump("JMP_NOT_NULLISH", end, dst)
        self.expression(node.right, dst)
        self.place(end)
        return dst

    def expr_ConditionalExpression(self, node, dst):
        dst = self.target(dst)
        else_label, end = self.label(), self.label()
        self.condition_jump(node.test, else_label, False)
        self.expression(node.consequent, dst)
        self.jump("JMP", end)
        self.place(else_label)
        self.expression(node.alternate, dst)
        self.place(end)
        return dst

    def expr_AssignmentExpression(self, node, dst):
        left = node.left
        if node.operator == "=":
            if type(left) is ast.Identifier:
                base = self.resolve_dynamic(left.name)
                r = self.expression_named(node.right, left.name, dst)
                self.at(node)
                if base is not None:
                    self.put_dynamic(base, left.name, r)
                else:
                    self.store_name(left.name, r, node)
                return r
            if type(left) is ast.MemberExpression:
                is_super = type(left.object) is ast.Super
                obj = self.expr_ThisExpression(None, None) if is_super else self.expression_stable(left.object, node.right)
                key = None
                if left.computed:
                    key = self.expression_stable(left.property, node.right)
                elif is_super:
                    key = self.temp()
                    self.emit("LOAD_CONST", key, self.name(left.property.name))
                r = self.expression(node.right, dst)
                self.at(node)
                self.store_member(left, obj, key, r)
                return r
            r = self.expression(node.right, dst)
            if type(left) in (ast.ObjectPattern, ast.ArrayPattern):
                self.bind_pattern(left, r, None)
            return r
        if node.operator in ("&&=", "||=", "??="):
            dst = self.target(dst)
            end = self.label()
            ref = self.reference(left)
            self.load_reference(ref, dst)
            op = {"&&=": "JMP_FALSE", "||=": "JMP_TRUE", "??=": "JMP_NOT_NULLISH"}[node.operator]
            self.jump(op, end, dst)
            if type(left) is ast.Identifier:
                self.expression_named(node.right, left.name, dst)
            else:
                self.expression(node.right, dst)
            self.store_reference(ref, dst)
            self.place(end)
            return dst
        ref = self.reference(left)
        dst = self.target(dst)
        current = self.temp()
        self.load_reference(ref, current)
        r = self.expression(node.right)
        self.at(node)
        self.emit(ASSIGN_OPS[node.operator], dst, current, r)
        self.store_reference(ref, dst)
        return dst

    # references: (kind, ...) for compound assignment and update expressions
    def resolve_dynamic(self, name):
        """For a name looked up at run time, RESOLVE_NAME it now (the reference is kept even if
        the binding goes away before the write, ES2020 6.2.4.9); the base register, or None."""
        binding, dynamic = resolve(self.scope, name)
        if not dynamic:
            return None
        base = self.temp()
        self.emit("RESOLVE_NAME", base, self.name(name))
        return base

    def put_dynamic(self, base, name, value):
        self.emit("PUT_NAME_REF", base, self.name(name), value, 1 if self.info.strict else 0)

    def reference(self, node):
        t = type(node)
        if t is ast.Identifier:
            base = self.resolve_dynamic(node.name)
            if base is not None:
                return ("dynamic", node.name, node, base)
            return ("name", node.name, node)
        if t is ast.MemberExpression:
            if type(node.object) is ast.Super:
                obj = self.expr_ThisExpression(None, None)   # the receiver, checked first
            else:
                obj = self.expression(node.object)
            if obj is not None and obj < self.info.register_count:
                copy = self.temp()
                self.emit("MOV", copy, obj)
                obj = copy
            if node.computed:
                k = self.expression(node.property)
                key = self.temp()
                if type(node.object) is not ast.Super:
                    # A null or undefined base throws before the key is converted (ES2020
                    # 12.3.2.1 step 4): leave the key as it is, the access throws.
                    keep = self.label()
                    self.emit("MOV", key, k)
                    self.jump("JMP_NULLISH", keep, obj)
                    self.emit("TO_PROPERTY_KEY", key, k)
                    self.place(keep)
                else:
                    self.emit("TO_PROPERTY_KEY", key, k)
            elif type(node.object) is ast.Super:
                key = self.temp()
                self.emit("LOAD_CONST", key, self.name(node.property.name))
            else:
                key = None
            return ("member", node, obj, key)
        self.error("Invalid left-hand side in assignment", node)

    def load_reference(self, ref, dst):
        if ref[0] == "dynamic":
            self.emit("GET_NAME_REF", dst, ref[3], self.name(ref[1]))
        elif ref[0] == "name":
            self.load_name(ref[1], ref[2], dst)
        else:
            _, node, obj, key = ref
            self.load_member(node, obj, key, dst)

    def store_reference(self, ref, value):
        if ref[0] == "dynamic":
            self.put_dynamic(ref[3], ref[1], value)
        elif ref[0] == "name":
            self.store_name(ref[1], value, ref[2])
        else:
            _, node, obj, key = ref
            self.store_member(node, obj, key, value)

    def load_member(self, node, obj, key, dst):
        if type(node.property) is ast.PrivateIdentifier:
            self.private_load(node.property, obj, dst)
        elif type(node.object) is ast.Super:
            if key is None:
                key = self.temp()
                self.emit("LOAD_CONST", key, self.name(node.property.name))
            self.emit("GET_SUPER", dst, key, obj if obj is not None else self.expr_ThisExpression(None, None))
        elif key is None:
            self.emit("GET_PROP", dst, obj, self.name(node.property.name), self.fc.new_cache())
        else:
            self.emit("GET_ELEM", dst, obj, key)

    def store_member(self, node, obj, key, value):
        if type(node.property) is ast.PrivateIdentifier:
            self.private_store(node.property, obj, value)
        elif type(node.object) is ast.Super:
            if key is None:
                key = self.temp()
                self.emit("LOAD_CONST", key, self.name(node.property.name))
            self.emit("PUT_SUPER", key, value, obj if obj is not None else self.expr_ThisExpression(None, None))
        elif key is None:
            self.emit("PUT_PROP", obj, self.name(node.property.name), value, self.fc.new_cache())
        else:
            self.emit("PUT_ELEM", obj, key, value)

    def assign_to(self, target, value):
        """Assigns value to an assignment target (identifier, member or pattern)."""
        t = type(target)
        if t is ast.Identifier:
            self.store_name(target.name, value, target)
        elif t is ast.MemberExpression:
            mark = self.mark()
            if type(target.object) is ast.Super:
                obj = None
            else:
                obj = self.expression(target.object)
            key = self.expression(target.property) if target.computed else None
            self.store_member(target, obj, key, value)
            self.release(mark)
        elif t in (ast.ObjectPattern, ast.ArrayPattern, ast.AssignmentPattern):
            self.bind_pattern(target, value, None)
        else:
            self.error("Invalid destructuring assignment target", target)

    def expr_UpdateExpression(self, node, dst):
        ref = self.reference(node.argument)
        dst = self.target(dst)
        old = self.temp()
        self.load_reference(ref, old)
        self.emit("TO_NUMERIC", old, old)
        new = self.temp()
        self.at(node)
        self.emit("INC" if node.operator == "++" else "DEC", new, old)
        self.store_reference(ref, new)
        self.emit("MOV", dst, new if node.prefix else old)
        return dst

    def expr_MemberExpression(self, node, dst):
        return self.member(node, dst, None)

    def member(self, node, dst, nullish_label):
        dst = self.target(dst)
        if type(node.object) is ast.Super:
            # `this` is checked before the key is evaluated (ES2020 12.3.5.1 step 2).
            this = self.expr_ThisExpression(None, None)
            key = self.temp()
            if node.computed:
                k = self.expression(node.property)
                self.emit("TO_PROPERTY_KEY", key, k)
            else:
                self.emit("LOAD_CONST", key, self.name(node.property.name))
            self.emit("GET_SUPER", dst, key, this)
            return dst
        obj = self.chain_part(node.object, nullish_label)
        if node.optional:
            self.jump("JMP_NULLISH", nullish_label, obj)
        if node.computed:
            key = self.expression(node.property)
            self.at(node)
            self.emit("GET_ELEM", dst, obj, key)
        elif type(node.property) is ast.PrivateIdentifier:
            self.at(node)
            self.private_load(node.property, obj, dst)
        else:
            self.at(node)
            self.emit("GET_PROP", dst, obj, self.name(node.property.name), self.fc.new_cache())
        return dst

    def chain_part(self, node, nullish_label):
        """Evaluates a sub-expression of an optional chain, propagating the short-circuit label."""
        t = type(node)
        if nullish_label is not None and t is ast.MemberExpression:
            return self.member(node, None, nullish_label)
        if nullish_label is not None and t is ast.CallExpression:
            return self.call(node, None, nullish_label)
        return self.expression(node)

    def expr_ChainExpression(self, node, dst):
        dst = self.target(dst)
        end, nullish = self.label(), self.label()
        inner = node.expression
        if type(inner) is ast.MemberExpression:
            self.member(inner, dst, nullish)
        else:
            self.call(inner, dst, nullish)
        self.jump("JMP", end)
        self.place(nullish)
        self.emit("LOAD_UNDEFINED", dst)
        self.place(end)
        return dst

    def callee_and_this(self, callee, nullish_label=None):
        t = type(callee)
        if t is ast.MemberExpression:
            this = self.temp()
            fn = self.temp()
            if type(callee.object) is ast.Super:
                self.expr_ThisExpression(None, this)
                key = self.temp()
                if callee.computed:
                    k = self.expression(callee.property)
                    self.emit("TO_PROPERTY_KEY", key, k)
                else:
                    self.emit("LOAD_CONST", key, self.name(callee.property.name))
                self.emit("GET_SUPER", fn, key, this)
                return fn, this
            self.expression(callee.object, this) if nullish_label is None else self.emit("MOV", this, self.chain_part(callee.object, nullish_label))
            if callee.optional:
                self.jump("JMP_NULLISH", nullish_label, this)
            if callee.computed:
                key = self.expression(callee.property)
                self.at(callee)
                self.emit("GET_ELEM", fn, this, key)
            elif type(callee.property) is ast.PrivateIdentifier:
                self.at(callee)
                self.private_load(callee.property, this, fn)
            else:
                self.at(callee)
                self.emit("GET_PROP", fn, this, self.name(callee.property.name), self.fc.new_cache())
            return fn, this
        if t is ast.Identifier:
            binding, dynamic = resolve(self.scope, callee.name)
            if dynamic:
                fn, this = self.temp(), self.temp()
                self.emit("GET_NAME_THIS", fn, this, self.name(callee.name))
                return fn, this
        if t is ast.ChainExpression and type(callee.expression) is ast.MemberExpression:
            # (a?.b)() calls with this = a, or throws calling undefined when a is nullish.
            end, nullish = self.label(), self.label()
            fn, this = self.callee_and_this(callee.expression, nullish)
            self.jump("JMP", end)
            self.place(nullish)
            self.emit("LOAD_UNDEFINED", fn)
            self.place(end)
            return fn, this
        fn = self.chain_part(callee, nullish_label) if nullish_label is not None else self.expression(callee)
        this = self.temp()
        self.emit("LOAD_UNDEFINED", this)
        return fn, this

    def expr_CallExpression(self, node, dst):
        return self.call(node, dst, None)

    def call(self, node, dst, nullish_label):
        dst = self.target(dst)
        if type(node.callee) is ast.Super:
            return self.super_call(node, dst)
        fn, this = self.callee_and_this(node.callee, nullish_label)
        if fn < self.info.register_count and not all(is_simple(a) for a in node.arguments):
            # A local's register: the arguments could reassign it before the call (f(f = g)).
            copy = self.temp()
            self.emit("MOV", copy, fn)
            fn = copy
        if node.optional:
            self.jump("JMP_NULLISH", nullish_label, fn)
        op = "CALL"
        if type(node.callee) is ast.Identifier and node.callee.name == "eval" and not node.optional:
            # eval?.(x) is not a direct eval (ES2020 12.3.9.1 only names `eval(...)`).
            op = "CALL_EVAL"
        if any(type(a) is ast.SpreadElement for a in node.arguments):
            arr = self.spread_arguments(node.arguments)
            self.at(node)
            if op == "CALL_EVAL":
                op = "CALL"
            self.emit("CALL_SPREAD", dst, fn, this, arr)
            return dst
        args = self.temps(len(node.arguments))
        for index, argument in enumerate(node.arguments):
            self.expression(argument, args + index)
        self.at(node)
        self.emit(op, dst, fn, this, args, len(node.arguments), self.fc.new_cache())
        return dst

    def spread_arguments(self, arguments):
        arr = self.temp()
        self.emit("NEW_ARRAY", arr, len(arguments))
        for argument in arguments:
            mark = self.mark()
            if type(argument) is ast.SpreadElement:
                r = self.expression(argument.argument)
                self.emit("ARRAY_SPREAD", arr, r)
            else:
                r = self.expression(argument)
                self.emit("ARRAY_PUSH", arr, r)
            self.release(mark)
        return arr

    def super_call(self, node, dst):
        this = self.this_binding()
        if this is None or this.scope.function is not self.info or self.this_in_env() is not None:
            return self.super_call_through_env(node, dst, this)
        if any(type(a) is ast.SpreadElement for a in node.arguments):
            arr = self.spread_arguments(node.arguments)
            self.at(node)
            self.emit("SUPER_CALL_SPREAD", dst, arr)
        else:
            args = self.temps(len(node.arguments))
            for index, argument in enumerate(node.arguments):
                self.expression(argument, args + index)
            self.at(node)
            self.emit("SUPER_CALL", dst, args, len(node.arguments))
        # Arrow functions inside the constructor see the bound this through the env.
        binding = self.this_binding()
        if binding is not None and binding.captured:
            t = self.temp()
            self.emit("LOAD_THIS", t)
            self.emit("PUT_ENV", self.env_hops(binding.scope), binding.slot, t)
        self.emit("INIT_FIELDS")
        return dst

    def super_call_through_env(self, node, dst, this):
        """super() in an arrow or eval code of a derived constructor, or in one whose this lives
        in its Env: the constructor, new.target and the this binding are the constructor's
        Env slots (named ones from eval code), bound at most once (INT-3)."""
        ctor, new_target = self.temp(), self.temp()
        for name, reg, own in ((ACTIVE_FUNCTION, ctor, "LOAD_CALLEE"), ("new.target", new_target, "LOAD_NEW_TARGET")):
            binding, _ = resolve(self.scope, name)
            if binding is None:
                self.emit("GET_NAME", reg, self.name(name))
            elif binding.scope.function is self.info and not binding.captured:
                self.emit(own, reg)
            else:
                self.emit("GET_ENV", reg, self.env_hops(binding.scope), binding.slot)
        if any(type(a) is ast.SpreadElement for a in node.arguments):
            arr = self.spread_arguments(node.arguments)
            self.at(node)
            self.emit("SUPER_CONSTRUCT_SPREAD", dst, ctor, new_target, arr)
        else:
            args = self.temps(len(node.arguments))
            for index, argument in enumerate(node.arguments):
                self.expression(argument, args + index)
            self.at(node)
            self.emit("SUPER_CONSTRUCT", dst, ctor, new_target, args, len(node.arguments))
        if this is None:
            self.emit("BIND_THIS_NAME", self.name("this"), dst)
        else:
            self.emit("BIND_THIS", self.env_hops(this.scope), this.slot, dst)
        self.emit("INIT_FIELDS_OF", ctor, dst)
        return dst

    def expr_NewExpression(self, node, dst):
        dst = self.target(dst)
        fn = self.expression(node.callee)
        if any(type(a) is ast.SpreadElement for a in node.arguments):
            arr = self.spread_arguments(node.arguments)
            self.at(node)
            self.emit("NEW_SPREAD", dst, fn, arr)
            return dst
        if fn < self.info.register_count and node.arguments:
            copy = self.temp()
            self.emit("MOV", copy, fn)
            fn = copy
        args = self.temps(len(node.arguments))
        for index, argument in enumerate(node.arguments):
            self.expression(argument, args + index)
        self.at(node)
        self.emit("NEW", dst, fn, args, len(node.arguments), self.fc.new_cache())
        return dst

    def expr_SpreadElement(self, node, dst):
        self.error("Unexpected token '...'", node)

    def expr_YieldExpression(self, node, dst):
        dst = self.target(dst)
        if node.argument is not None:
            value = self.expression(node.argument)
        else:
            value = self.temp()
            self.emit("LOAD_UNDEFINED", value)
        self.at(node)
        if self.is_async_generator():
            if node.delegate:
                return self.async_yield_star(value, dst)
            # yield v awaits v, then AsyncGeneratorYield (ES2020 25.5.3.7) [INT-16].
            awaited = self.temp()
            self.emit("AWAIT", awaited, value)
            self.emit("YIELD", dst, awaited)
            return dst
        if node.delegate:
            iterator, next_method, received = self.temp(), self.temp(), self.temp()
            self.emit("GET_ASYNC_ITERATOR" if getattr(self.info.node, "async", False) else "GET_ITERATOR",
                      iterator, next_method, value)
            self.emit("LOAD_UNDEFINED", received)
            top = self.label()
            self.place(top)
            # YIELD_DELEGATE either finishes (falls through with the result) or suspends; the
            # interpreter re-executes it with the value sent on resumption.
            self.emit("YIELD_DELEGATE", dst, iterator, received)
            return dst
        self.emit("YIELD", dst, value)
        return dst

    def is_async_generator(self):
        return self.fc.flags & C.ASYNC and self.fc.flags & C.GENERATOR

    def async_yield_star(self, value, dst):
        """yield* in an async generator (ES2020 14.4.14, generatorKind async, without awaiting
        the inner values as later editions say): a loop over ASYNC_DELEGATE, which calls the
        inner next/throw/return by how the generator was resumed, and YIELD_RESUME [INT-16]."""
        iterator = self.temps(2)
        received, mode, result, scratch = self.temp(), self.temp(), self.temp(), self.temp()
        self.emit("GET_ASYNC_ITERATOR", iterator, iterator + 1, value)
        self.emit("LOAD_UNDEFINED", received)
        self.emit("LOAD_INT", mode, 0)
        top, missing, done, returned, no_return, end = (self.label() for _ in range(6))
        self.place(top)
        self.jump("ASYNC_DELEGATE", missing, result, iterator, received, mode)
        self.emit("AWAIT", result, result)
        self.emit("REQUIRE_OBJECT", result, self.const(ITER_RESULT_NOT_OBJECT))
        self.emit("GET_PROP", scratch, result, self.name("done"), self.fc.new_cache())
        self.jump("JMP_TRUE", done, scratch)
        self.emit("GET_PROP", scratch, result, self.name("value"), self.fc.new_cache())
        self.emit("YIELD_RESUME", received, scratch, mode)
        self.jump("LOOP", top)
        # Done: the inner value is the result, or after return() the generator's return value.
        self.place(done)
        self.emit("GET_PROP", dst, result, self.name("value"), self.fc.new_cache())
        self.emit("LOAD_INT", scratch, 2)
        self.jump("JMP_STRICT_EQ", returned, mode, scratch)
        self.jump("JMP", end)
        self.place(returned)
        self.emit("AWAIT", dst, dst)
        self.emit("GENERATOR_RETURN", dst)
        # The inner iterator lacks the method: return(v) returns (await v); throw() closes it
        # and throws a TypeError.
        self.place(missing)
        self.emit("LOAD_INT", scratch, 2)
        self.jump("JMP_STRICT_EQ", no_return, mode, scratch)
        thrown = self.label()
        self.emit("LOAD_HOLE", scratch)
        self.jump("ASYNC_ITER_CLOSE", thrown, result, iterator, scratch)
        self.emit("AWAIT", result, result)
        self.emit("REQUIRE_OBJECT", result, self.const(ITER_RESULT_NOT_OBJECT))
        self.place(thrown)
        self.emit("THROW_TYPE", self.const("The iterator does not provide a 'throw' method"))
        self.place(no_return)
        self.emit("AWAIT", received, received)
        self.emit("GENERATOR_RETURN", received)
        self.place(end)
        return dst

    def expr_AwaitExpression(self, node, dst):
        dst = self.target(dst)
        value = self.expression(node.argument)
        self.at(node)
        self.emit("AWAIT", dst, value)
        return dst

    # ---- private names (INT-18) ----
    def private_name(self, node):
        """The PrivateName `#x` refers to, from the innermost class declaring it, and that
        class's scope (the early errors made sure there is one)."""
        name = "#" + node.name
        scope = self.scope
        while scope is not None:
            if scope.private_names and name in scope.private_names:
                return scope.private_names[name], scope.class_name
            scope = scope.parent
        if name in self.unit.eval_private_names:
            return self.unit.eval_private_names[name]
        self.error("Private field '%s' must be declared in an enclosing class" % name, node)

    def visible_private_names(self, scope):
        """(PrivateName, class name) of every private name code in `scope` may use, innermost
        class first, each name once: what a direct eval there receives."""
        seen, entries = set(), []
        while scope is not None:
            for name, private in (scope.private_names or {}).items():
                if name not in seen:
                    seen.add(name)
                    entries.append((private, scope.class_name))
            scope = scope.parent
        for name, entry in self.unit.eval_private_names.items():
            if name not in seen:
                seen.add(name)
                entries.append(entry)
        return entries

    def private_brand_check(self, private, class_name, obj, node):
        brand = self.load_name(private.name + PRIVATE_BRAND, node)
        if private.static:
            message = "Receiver must be class %s" % class_name
        else:
            message = "Receiver must be an instance of class %s" % class_name
        self.emit("PRIVATE_CHECK", obj, brand, self.const(message), self.name(private.name))

    def private_load(self, node, obj, dst):
        private, class_name = self.private_name(node)
        if private.kind == "field":
            storage = self.load_name(private.name, node)
            self.emit("PRIVATE_GET", dst, obj, storage, self.name(private.name))
            return dst
        self.private_brand_check(private, class_name, obj, node)
        if private.kind == "method":
            self.load_name(private.name, node, dst)
        elif private.getter:
            getter = self.load_name(private.name, node)
            self.emit("CALL", dst, getter, obj, 0, 0, self.fc.new_cache())
        else:
            self.emit("THROW_TYPE", self.const("'%s' was defined without a getter" % private.name))
        return dst

    def private_store(self, node, obj, value):
        private, class_name = self.private_name(node)
        if private.kind == "field":
            storage = self.load_name(private.name, node)
            self.emit("PRIVATE_PUT", obj, storage, value, self.name(private.name))
            return
        self.private_brand_check(private, class_name, obj, node)
        if private.kind == "method":
            self.emit("THROW_TYPE", self.const("Private method '%s' is not writable" % private.name))
        elif private.setter:
            setter = self.load_name(private.name + PRIVATE_SET, node)
            argument, ignored = self.temp(), self.temp()
            self.emit("MOV", argument, value)
            self.emit("CALL", ignored, setter, obj, argument, 1, self.fc.new_cache())
        else:
            self.emit("THROW_TYPE", self.const("'%s' was defined without a setter" % private.name))

    def private_in(self, node, dst):
        """`#x in o`: whether o has the field, or the brand of the method or accessor."""
        obj = self.expression(node.right)
        dst = self.target(dst)
        private, _ = self.private_name(node.left)
        storage = self.load_name(private.name + ("" if private.kind == "field" else PRIVATE_BRAND), node.left)
        self.at(node)
        self.emit("PRIVATE_IN", dst, storage, obj, self.name(private.name))
        return dst

    # ---- classes ----
    def class_expression(self, node, dst=None, name=None):
        dst = self.target(dst)
        scope = self.unit.analysis.scopes.get(id(node))
        previous = self.scope
        self.scope = scope
        if scope.has_env:
            self.push_env(scope)
        class_name = node.id.name if node.id is not None else (name or "")
        scope.class_name = class_name or "anonymous"   # for the brand check messages
        if node.id is not None:
            b = scope.bindings[node.id.name]
            hole = self.temp()
            self.emit("LOAD_HOLE", hole)
            self.store_binding(b, hole, init=True)
        heritage = self.temp()
        if node.superClass is not None:
            self.expression(node.superClass, heritage)
        else:
            self.emit("LOAD_HOLE", heritage)
        constructor = None
        for member in node.body.body:
            if type(member) is ast.MethodDefinition and member.kind == "constructor":
                constructor = member
        flags = C.CLASS_CONSTRUCTOR | (C.DERIVED if node.superClass is not None else 0)
        ctor_node = constructor.value
        ctor_index = self.unit.compile_function(ctor_node, class_name, 0, class_info=flags)
        ctor_code = self.unit.functions[ctor_index]
        ctor_code.flags &= ~C.CONSTRUCTOR
        if node.span is not None:
            ctor_code.source_start = node.span.start_offset
            ctor_code.source_end = node.span.end_offset
        ctor, proto = self.temp(), self.temp()
        self.emit("CLASS", ctor, proto, self.const(C.FunctionRef(ctor_index)), heritage)
        self.private_environment(scope, ctor)
        instance_fields = []
        static_fields = []
        field_keys = None
        if FIELD_KEYS in scope.bindings:
            # Computed instance field keys are evaluated here, in element order [BC-5].
            field_keys = self.temp()
            self.emit("NEW_ARRAY", field_keys, 0)
        for member in node.body.body:
            if type(member) is ast.MethodDefinition:
                if member.kind == "constructor":
                    continue
                mark = self.mark()
                home = ctor if member.static else proto
                prefix = member.kind if member.kind in ("get", "set") else None
                if type(member.key) is ast.PrivateIdentifier:
                    # A private method or accessor half is a class-scope binding, not a property.
                    f = self.temp()
                    name = "#" + member.key.name
                    self.method_closure(member.value, f, home, name, prefix=prefix)
                    binding = scope.bindings[name + PRIVATE_SET if member.kind == "set" else name]
                    self.store_binding(binding, f, init=True)
                    self.release(mark)
                    continue
                k, key_name = self.key_register(member)
                f = self.temp()
                kind = {"method": 0, "get": 1, "set": 2}[member.kind]
                self.method_closure(member.value, f, home, key_name, prefix=prefix,
                                    key_reg=k if key_name is None else None)
                self.emit("DEFINE_METHOD", home, k, f, kind)
                self.release(mark)
            elif type(member) is ast.StaticBlock:
                static_fields.append(member)   # runs among the static fields, in order
            elif type(member) is ast.PropertyDefinition:
                (static_fields if member.static else instance_fields).append(member)
                if member.computed and not member.static:
                    mark = self.mark()
                    self.emit("ARRAY_PUSH", field_keys, self.property_key(member))
                    self.release(mark)
        if field_keys is not None:
            self.store_binding(scope.bindings[FIELD_KEYS], field_keys, init=True)
        if instance_fields or instance_brand(scope) is not None:
            init = self.field_initializer(instance_fields, proto)
            self.emit("SET_CLASS_FIELDS", ctor, init)
        if node.id is not None:
            # The inner class binding is initialised before static fields run (they may name it).
            self.store_binding(scope.bindings[node.id.name], ctor, init=True)
        for field in static_fields:
            mark = self.mark()
            if type(field) is ast.StaticBlock:
                init = self.field_initializer([field], ctor, single=True)
                self.emit("CALL", self.temp(), init, ctor, 0, 0, self.fc.new_cache())
                self.release(mark)
                continue
            private = type(field.key) is ast.PrivateIdentifier
            if not private:
                k, key_name = self.key_register(field)
            if field.value is not None:
                init = self.field_initializer([field], ctor, single=True)
                v = self.temp()
                this = ctor
                self.emit("CALL", v, init, this, 0, 0, self.fc.new_cache())
            else:
                v = self.temp()
                self.emit("LOAD_UNDEFINED", v)
            if private:
                self.private_add(ctor, field.key, v)
            else:
                self.emit("DEFINE_FIELD", ctor, k, v)
            self.release(mark)
        self.emit("MOV", dst, ctor)
        if scope.has_env:
            self.emit("POP_ENV")
            self.env_depth -= 1
        self.scope = previous
        return dst

    def private_environment(self, scope, ctor):
        """Makes the class's private names before any element is evaluated: a storage per
        field, one brand storage for the instance methods and accessors (INT-18)."""
        if not scope.private_names:
            return
        mark = self.mark()
        if PRIVATE_NAMES in scope.bindings:
            r = self.temp()
            self.emit("LOAD_CONST", r, self.const(describe_private_names(self.visible_private_names(scope))))
            self.store_binding(scope.bindings[PRIVATE_NAMES], r, init=True)
        brand = None
        for private in scope.private_names.values():
            if private.kind == "field":
                r = self.temp()
                self.emit("PRIVATE_NEW", r)
                self.store_binding(scope.bindings[private.name], r, init=True)
            elif private.static:
                self.store_binding(scope.bindings[private.name + PRIVATE_BRAND], ctor, init=True)
            else:
                if brand is None:
                    brand = self.temp()
                    self.emit("PRIVATE_NEW", brand)
                self.store_binding(scope.bindings[private.name + PRIVATE_BRAND], brand, init=True)
        self.release(mark)

    def private_add(self, obj, key, value):
        """PrivateFieldAdd: define #key on obj (a constructor's this, or the class)."""
        name = "#" + key.name
        storage = self.load_name(name, key)
        self.emit("PRIVATE_ADD", obj, storage, value,
                  self.const("Cannot initialize %s twice on the same object" % name))

    def field_initializer(self, fields, home, single=False):
        """A synthetic method that defines the fields on `this` (or returns one static value)."""
        fc = C.FunctionCode("<instance_members_initializer>", C.METHOD | C.STRICT | C.FIELD_INIT
                            | C.EVAL_NEW_TARGET | C.EVAL_SUPER_PROPERTY)
        fc.index = len(self.unit.functions)
        self.unit.functions.append(fc)
        emitter = FieldEmitter(self.unit, self, fc)
        # Field initialisers see new.target (undefined) and super.x (ES2020 class fields).
        self.unit.eval_context.append(C.EVAL_NEW_TARGET | C.EVAL_SUPER_PROPERTY)
        try:
            emitter.emit_fields(fields, single)
        finally:
            self.unit.eval_context.pop()
        r = self.temp()
        self.emit("METHOD", r, self.const(C.FunctionRef(fc.index)), home)
        return r

    def bind_pattern(self, pattern, value, kind):
        """Destructures value into pattern; kind is var/let/const/param/catch or None (assignment)."""
        t = type(pattern)
        init = kind is not None and kind != "var"
        if t is ast.Identifier:
            if kind is None:
                self.store_name(pattern.name, value, pattern)
            else:
                self.store_name(pattern.name, value, pattern, init=init, declaration_kind=kind)
            return
        if t is ast.MemberExpression:
            self.assign_to(pattern, value)
            return
        if t is ast.AssignmentPattern:
            mark = self.mark()
            v = self.temp()
            self.emit("MOV", v, value)
            has = self.label()
            self.jump("JMP_NOT_NULLISH", has, v) if False else None
            skip = self.label()
            self.jump_undefined_not(v, skip)
            if type(pattern.left) is ast.Identifier:
                self.expression_named(pattern.right, pattern.left.name, v)
            else:
                self.expression(pattern.right, v)
            self.place(skip)
            self.bind_pattern(pattern.left, v, kind)
            self.release(mark)
            return
        if t is ast.ObjectPattern:
            mark = self.mark()
            self.emit("REQUIRE_OBJECT_COERCIBLE", value)
            keys = []
            for prop in pattern.properties:
                if type(prop) is ast.RestElement:
                    excluded = self.temp()
                    self.emit("NEW_ARRAY", excluded, len(keys))
                    for k in keys:
                        self.emit("ARRAY_PUSH", excluded, k)
                    target, _, ref = self.assignment_target(prop.argument, kind)
                    rest = self.temp()
                    self.emit("NEW_OBJECT", rest, 0)
                    self.emit("COPY_DATA_PROPERTIES", rest, value, excluded)
                    self.bind_element(target, None, ref, rest, kind)
                    continue
                k, name = self.key_register(prop)
                keys.append(k)
                target, default, ref = self.assignment_target(prop.value, kind)
                v = self.temp()
                if name is not None:
                    self.emit("GET_PROP", v, value, self.name(name), self.fc.new_cache())
                else:
                    self.emit("GET_ELEM", v, value, k)
                self.bind_element(target, default, ref, v, kind)
            self.release(mark)
            return
        if t is ast.ArrayPattern:
            mark = self.mark()
            iterator, next_method, v = self.temp(), self.temp(), self.temp()
            self.emit("GET_ITERATOR", iterator, next_method, value)
            done = self.temp()
            self.emit("LOAD_FALSE", done)

            def body():
                for element in pattern.elements:
                    if type(element) is ast.RestElement:
                        target, _, ref = self.assignment_target(element.argument, kind)
                        arr = self.temp()
                        self.emit("NEW_ARRAY", arr, 0)
                        top, end = self.label(), self.label()
                        self.jump("JMP_TRUE", end, done)
                        self.place(top)
                        self.emit("LOAD_TRUE", done)
                        self.jump("ITER_NEXT", end, v, iterator, next_method)
                        self.emit("LOAD_FALSE", done)
                        self.emit("ARRAY_PUSH", arr, v)
                        self.jump("LOOP", top)
                        self.place(end)
                        self.emit("LOAD_TRUE", done)
                        self.bind_element(target, None, ref, arr, kind)
                        continue
                    if element is not None:
                        target, default, ref = self.assignment_target(element, kind)
                    next_label = self.label()
                    self.emit("LOAD_UNDEFINED", v)
                    self.jump("JMP_TRUE", next_label, done)
                    self.emit("LOAD_TRUE", done)
                    self.jump("ITER_NEXT", next_label, v, iterator, next_method)
                    self.emit("LOAD_FALSE", done)
                    self.place(next_label)
                    if element is not None:
                        self.bind_element(target, default, ref, v, kind)

            region = self.open_region()
            body()
            self.close_region(region)
            end_pc = len(self.fc.words)
            after = self.label()
            closed = self.label()
            self.jump("JMP_TRUE", closed, done)
            self.emit("ITER_CLOSE", iterator)
            self.place(closed)
            self.jump("JMP", after)
            handler_pc = len(self.fc.words)
            exc = self.temp()
            self.add_handler(region, end_pc, handler_pc, exc, 1)
            self.restore_env_in_handler()
            rethrow = self.label()
            self.jump("JMP_TRUE", rethrow, done)
            self.emit("ITER_CLOSE_THROW", iterator, exc)
            self.place(rethrow)
            self.emit("THROW", exc)
            self.place(after)
            self.release(mark)
            return
        self.error("Invalid destructuring assignment target", pattern)

    def assignment_target(self, element, kind):
        """Splits a pattern element into (target, default initialiser, reference). In an
        assignment pattern a property target's reference (object and key) is evaluated before
        the value is read and before the default (ES2020 12.15.5.5-6); `reference` is then set."""
        default = None
        if type(element) is ast.AssignmentPattern:
            element, default = element.left, element.right
        ref = None
        if kind is None and type(element) is ast.MemberExpression:
            ref = self.reference(element)
        return element, default, ref

    def bind_element(self, target, default, ref, value, kind):
        """Applies the default when value is undefined (into value), then binds or assigns it."""
        if default is not None:
            skip = self.label()
            self.jump_undefined_not(value, skip)
            if type(target) is ast.Identifier:
                self.expression_named(default, target.name, value)
            else:
                self.expression(default, value)
            self.place(skip)
        if ref is not None:
            self.store_reference(ref, value)
        else:
            self.bind_pattern(target, value, kind)

    def jump_undefined_not(self, reg, label):
        """Jumps to label unless reg is undefined."""
        is_undefined = self.label()
        self.jump("JMP_UNDEFINED", is_undefined, reg)
        self.jump("JMP", label)
        self.place(is_undefined)


class FinallyEntry:
    def __init__(self, emit_body, target_depth, env_register, env_depth, region_depth):
        self.emit_body = emit_body
        self.target_depth = target_depth     # len(targets) at the try: loops inside it come after
        self.env_register = env_register
        self.env_depth = env_depth           # the try statement's env depth
        self.region_depth = region_depth     # len(regions) outside the try's own region


def instance_brand(class_scope):
    """The name of a binding holding the class's instance brand, or None if it has none."""
    for private in (class_scope.private_names or {}).values():
        if private.kind != "field" and not private.static:
            return private.name + PRIVATE_BRAND
    return None


class FieldEmitter(FunctionEmitter):
    """Emits a class's field initialiser: `this.k = v` for each field, in a method body."""

    def __init__(self, unit, outer, fc):
        # Field initialisers run as methods of the class: they see the class scope.
        info = _FieldInfo(outer)
        super().__init__(unit, info, fc)
        self.scope = outer.scope
        self.outer = outer

    def emit_fields(self, fields, single):
        self.begin_temps()
        for field in fields:
            field_info = self.unit.analysis.functions.get(id(field))
            if field_info is not None:
                self.temp_top = max(self.temp_top, field_info.register_count)
        self.max_register = self.temp_top
        self.info.register_count = self.temp_top
        computed_index = 0
        class_scope = self.outer.scope
        brand_name = instance_brand(class_scope)
        if not single and brand_name is not None:
            # Private methods and accessors first stamp the instance (PrivateMethodOrAccessorAdd).
            mark = self.mark()
            this, true = self.temp(), self.temp()
            self.emit("LOAD_THIS", this)
            self.emit("LOAD_TRUE", true)
            brand = self.load_name(brand_name, None)
            self.emit("PRIVATE_ADD", this, brand, true, self.const(
                "Cannot initialize private methods of class %s twice on the same object" % class_scope.class_name))
            self.release(mark)
        for field in fields:
            mark = self.mark()
            self.at(field)
            self.scope = self.outer.scope
            pushed = False
            if field.value is not None:
                scope = self.unit.analysis.scopes.get(id(field))
                if scope is not None:
                    self.scope = scope
                    self.info.scope = scope
                    if scope.has_env:
                        # Each initialiser is its own function scope: arrows in it capture
                        # `this` through this env (scope.py declared it there).
                        pushed = True
                        self.emit("PUSH_ENV", scope.env_size, self.env_names_constant(scope), 0)
                        this_binding = scope.bindings.get("this")
                        if this_binding is not None and this_binding.captured:
                            t = self.temp()
                            self.emit("LOAD_THIS", t)
                            self.emit("PUT_ENV", 0, this_binding.slot, t)
            if single:
                v = self.temp()
                if field.value is None:
                    self.emit("LOAD_UNDEFINED", v)
                else:
                    name = None if field.computed or field.key is None else self.static_key(field.key)
                    self.expression_named(field.value, name, v) if name else self.expression(field.value, v)
                self.emit("RET", v)
                break
            this = self.temp()
            self.emit("LOAD_THIS", this)
            v = self.temp()
            if field.computed:
                keys = self.load_name(FIELD_KEYS, field)
                key = self.temp()
                self.emit("LOAD_INT", key, computed_index)
                self.emit("GET_ELEM", key, keys, key)
                computed_index += 1
                if field.value is None:
                    self.emit("LOAD_UNDEFINED", v)
                else:
                    self.expression(field.value, v)
                    if is_anonymous_function(field.value):
                        self.set_function_name_from(v, key)
                self.emit("DEFINE_FIELD", this, key, v)
            else:
                name = self.static_key(field.key)
                if field.value is None:
                    self.emit("LOAD_UNDEFINED", v)
                else:
                    self.expression_named(field.value, name, v)
                if type(field.key) is ast.PrivateIdentifier:
                    self.private_add(this, field.key, v)
                else:
                    self.emit("DEFINE_FIELD_NAME", this, self.name(name), v, self.fc.new_cache())
            if pushed:
                self.emit("POP_ENV")
            self.release(mark)
        self.emit("RET_UNDEFINED")
        self.fc.register_count = self.max_register
        self.fc.param_count = 0


class _FieldInfo:
    """Function facts for a synthetic field initialiser (a strict method, no parameters)."""

    def __init__(self, outer):
        self.strict = True
        self.kind = "field"
        self.dynamic = False
        self.register_count = 0
        self.param_count = 0
        self.param_registers = []
        self.uses_arguments = False
        self.has_direct_eval = False
        self.scope = outer.scope
        self.node = None
        self.is_arrow = False
        self.separate_params = False
        self.body_scope = self.lexical_scope = None
        self.var_scope = self.param_scope = outer.scope


def is_anonymous_function(node):
    t = type(node)
    return (t in (ast.FunctionExpression, ast.ClassExpression) and node.id is None) or t is ast.ArrowFunctionExpression


def is_simple(node):
    t = type(node)
    return t in (ast.Literal, ast.Identifier, ast.ThisExpression) or (
        t in (ast.FunctionExpression, ast.ArrowFunctionExpression))


def number_key(value):
    """The property key for a numeric literal key: its ToString."""
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return number_to_string(value)


def number_to_string(value):
    """Number::toString for property keys written as numeric literals (1.5, 1e21, 1e-7)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    digits = mantissa.replace(".", "").replace("-", "").lstrip("0")
    if mantissa.endswith(".0"):
        digits = mantissa[:-2].replace("-", "").lstrip("0")
    # Decimal exponent n such that value = 0.d1d2... * 10^n
    from decimal import Decimal
    d = Decimal(text)
    sign, ds, exp = d.as_tuple()
    digits = "".join(map(str, ds)).rstrip("0") or "0"
    k = len(digits)
    n = exp + len(ds)
    prefix = "-" if sign else ""
    if k <= n <= 21:
        return prefix + digits + "0" * (n - k)
    if 0 < n <= 21:
        return prefix + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return prefix + "0." + "0" * (-n) + digits
    e = n - 1
    sign_e = "+" if e >= 0 else "-"
    if k == 1:
        return prefix + digits + "e" + sign_e + str(abs(e))
    return prefix + digits[0] + "." + digits[1:] + "e" + sign_e + str(abs(e))
