"""Scope analysis: hoisting, TDZ, and which bindings closures capture.

Owns the first compiler pass (specs/bytecode.md BC-5..BC-7). It builds a Scope for every
function, block, catch clause, loop head, switch and class that declares something, records
every declaration with its kind, and decides where each binding lives: in a register of its
function, or in an environment record slot when a nested function (or eval/with) can see it.
It does not emit anything; the emitter asks `resolve()` during emission.
"""

from ..parse import ast

LEXICAL = ("let", "const", "class")
# A class scope binding (not an identifier, so no clash) holding the evaluated computed keys of
# its instance fields: the field initialiser function reads them from the class Env.
FIELD_KEYS = "#field keys"
# A derived constructor's binding of itself (not an identifier either): super() in its arrows and
# direct evals finds the parent constructor through it, like `this` and new.target (INT-3).
ACTIVE_FUNCTION = "%active function"
# Private names (INT-18) are class-scope bindings: "#x" holds a field's storage, a method, or an
# accessor's getter, "#x set" an accessor's setter and "#x brand" the brand a method or accessor
# checks (the class's brand storage, or the constructor for static ones): named after the
# element, so a nested class's names shadow exactly like the element's own, also for code that
# finds them by name (direct eval). The space keeps them apart from any name the source can write.
PRIVATE_SET = " set"
PRIVATE_BRAND = " brand"
# A class with private names and a direct eval in its body keeps, in this binding, the text
# describing every private name its eval code may use (its own and the enclosing classes').
PRIVATE_NAMES = "# private names"


class PrivateName:
    """What a class declares for one #name: kind is field, method or accessor."""

    __slots__ = ("name", "kind", "static", "getter", "setter")

    def __init__(self, name, kind, static):
        self.name = name              # with the '#'
        self.kind = kind
        self.static = static
        self.getter = self.setter = False


class Binding:
    __slots__ = ("name", "kind", "scope", "captured", "register", "slot")

    def __init__(self, name, kind, scope):
        self.name = name
        self.kind = kind          # var let const class function param catch callee arguments this new.target, active function
        self.scope = scope
        self.captured = False
        self.register = None      # register index when not captured
        self.slot = None          # env slot when captured

    @property
    def needs_tdz(self):
        return self.kind in LEXICAL


class FunctionInfo:
    """Per-function facts the emitter needs."""

    def __init__(self, node, parent, strict, kind):
        self.node = node
        self.parent = parent
        self.strict = strict
        self.kind = kind                  # script, function, arrow, eval, field
        self.scope = None                 # the function's top scope (params + vars)
        self.uses_arguments = False
        self.uses_this = False
        self.has_direct_eval = False
        self.has_with = False
        self.dynamic = False              # every binding in named envs (eval/with here or below)
        self.register_count = 0
        self.param_count = 0
        self.simple_params = True
        self.param_bindings = []          # per formal: its Binding (identifiers) or None (patterns)
        # ES2020 FunctionDeclarationInstantiation: with non-simple parameters the body's vars
        # live in a scope of their own below the parameters' (`body_scope`); a sloppy function
        # that calls eval directly keeps its top-level let/const/class in `lexical_scope`, so
        # that eval can tell them from vars (EvalDeclarationInstantiation).
        self.separate_params = False      # non-simple parameters: a scope of their own
        self.body_scope = None
        self.lexical_scope = None
        self.var_scope = None             # where var and function declarations go
        self.param_scope = None           # parameters and `arguments`: `scope`, or its child

    @property
    def is_arrow(self):
        return self.kind == "arrow"

    def new_register(self):
        self.register_count += 1
        return self.register_count - 1


class Scope:
    def __init__(self, kind, node, parent, function):
        # function (parameters, and vars unless `body` exists), body (vars of a function with
        # non-simple parameters), block, catch, with, class, script
        self.kind = kind
        self.node = node
        self.parent = parent
        self.function = function
        self.bindings = {}
        self.order = []
        self.env_size = 0
        self.has_env = False
        self.private_names = None   # a class scope: its PrivateNames by name

    def declare(self, name, kind):
        binding = self.bindings.get(name)
        if binding is None:
            binding = Binding(name, kind, self)
            self.bindings[name] = binding
            self.order.append(binding)
        elif kind == "function" or (binding.kind == "param" and kind == "function"):
            binding.kind = kind if binding.kind != "param" else binding.kind
        return binding

    def lookup_local(self, name):
        return self.bindings.get(name)


def _is_direct_eval(node):
    return isinstance(node.callee, ast.Identifier) and node.callee.name == "eval" and not node.optional


def pattern_names(pattern, out):
    """Collects the identifiers a binding pattern declares."""
    if pattern is None:
        return out
    t = type(pattern)
    if t is ast.Identifier:
        out.append(pattern.name)
    elif t is ast.ObjectPattern:
        for prop in pattern.properties:
            pattern_names(prop.argument if type(prop) is ast.RestElement else prop.value, out)
    elif t is ast.ArrayPattern:
        for element in pattern.elements:
            pattern_names(element, out)
    elif t is ast.AssignmentPattern:
        pattern_names(pattern.left, out)
    elif t is ast.RestElement:
        pattern_names(pattern.argument, out)
    return out


class Analysis:
    """Result of analysing one Program (or eval body): scopes and functions by AST node."""

    def __init__(self):
        self.scopes = {}       # id(node) -> Scope
        self.functions = {}    # id(function node) -> FunctionInfo
        self.references = []   # (scope, name)
        self.annexb = set()    # id() of block-level functions also assigned to a var (B.3.3)


def analyze(program, *, mode="script", strict=False):
    """Runs the pass over a Program. mode: script, eval (direct), indirect-eval, function."""
    analysis = Analysis()
    Analyzer(analysis, mode, strict).run(program)
    return analysis


class Analyzer:
    def __init__(self, analysis, mode, strict):
        self.analysis = analysis
        self.mode = mode
        self.strict = strict
        self.derived_constructors = set()   # ids of derived classes' constructor functions

    # ---- declaration collection ----
    def run(self, program):
        kind = "script" if self.mode in ("script", "indirect-eval") else ("eval" if self.mode == "eval" else "script")
        info = FunctionInfo(program, None, program.strict or self.strict, kind)
        self.analysis.functions[id(program)] = info
        # Sloppy direct eval declares its vars in the caller's variable scope, like a script
        # does on the global object; strict eval code gets a function-like scope below.
        scope = Scope("script", program, None, info)
        info.scope = info.var_scope = info.param_scope = scope
        self.analysis.scopes[id(program)] = scope
        if self.mode in ("eval", "indirect-eval") and info.strict:
            # Strict eval code gets its own variable environment (ES2020 18.2.1.1).
            scope.kind = "function"
        self.hoist_vars(program.body, scope)
        self.declare_lexical(program.body, scope)
        if kind == "eval" and not info.strict:
            info.dynamic = True
        self.visit_list(program.body, scope)
        self.finish()

    def hoist_vars(self, body, scope):
        """var and function declarations of a function body go to its top scope."""
        for statement in body:
            self.hoist_statement(statement, scope, top=True)

    def hoist_statement(self, node, scope, top=False):
        if node is None:
            return
        t = type(node)
        if t is ast.VariableDeclaration:
            if node.kind == "var":
                for d in node.declarations:
                    for name in pattern_names(d.id, []):
                        scope.declare(name, "var")
        elif t is ast.FunctionDeclaration:
            # Block-level functions are lexical; Annex B may add a var later (visit_annexb).
            if top:
                scope.declare(node.id.name, "function")
        elif t in (ast.IfStatement,):
            self.hoist_statement(node.consequent, scope)
            self.hoist_statement(node.alternate, scope)
        elif t is ast.LabeledStatement:
            self.hoist_statement(node.body, scope, top)
        elif t in (ast.WhileStatement, ast.DoWhileStatement, ast.WithStatement):
            self.hoist_statement(node.body, scope)
        elif t is ast.ForStatement:
            self.hoist_statement(node.init, scope)
            self.hoist_statement(node.body, scope)
        elif t in (ast.ForInStatement, ast.ForOfStatement):
            self.hoist_statement(node.left, scope)
            self.hoist_statement(node.body, scope)
        elif t is ast.BlockStatement:
            for s in node.body:
                self.hoist_statement(s, scope)
        elif t is ast.TryStatement:
            self.hoist_statement(node.block, scope)
            if node.handler:
                self.hoist_statement(node.handler.body, scope)
            self.hoist_statement(node.finalizer, scope)
        elif t is ast.SwitchStatement:
            for case in node.cases:
                for s in case.consequent:
                    self.hoist_statement(s, scope)

    def declare_lexical(self, body, scope):
        """let/const/class (and block-level functions) of a block go to the block's scope."""
        for statement in body:
            while type(statement) is ast.LabeledStatement:
                statement = statement.body
            t = type(statement)
            if t is ast.VariableDeclaration and statement.kind != "var":
                for d in statement.declarations:
                    for name in pattern_names(d.id, []):
                        scope.declare(name, statement.kind)
            elif t is ast.ClassDeclaration:
                scope.declare(statement.id.name, "class")
            elif t is ast.FunctionDeclaration and scope.kind in ("block", "catch"):
                scope.declare(statement.id.name, "function")

    def new_scope(self, kind, node, parent):
        scope = Scope(kind, node, parent, parent.function)
        self.analysis.scopes[id(node)] = scope
        return scope

    # ---- the walk ----
    def visit_list(self, nodes, scope):
        for node in nodes:
            if node is not None:
                self.visit(node, scope)

    def visit(self, node, scope):
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is not None:
            method(node, scope)
        else:
            for child in ast.iter_child_nodes(node):
                self.visit(child, scope)

    def reference(self, name, scope):
        self.analysis.references.append((scope, name))

    def visit_Identifier(self, node, scope):
        if node.name == "arguments":
            function = scope.function
            while function.is_arrow:
                function = function.parent
            if function.kind == "function":
                function.uses_arguments = True
        self.reference(node.name, scope)

    def visit_ThisExpression(self, node, scope):
        self.reference("this", scope)

    def visit_MetaProperty(self, node, scope):
        self.reference("new.target", scope)

    def visit_Super(self, node, scope):
        self.reference("this", scope)

    def visit_MemberExpression(self, node, scope):
        self.visit(node.object, scope)
        if node.computed:
            self.visit(node.property, scope)

    def visit_Property(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        if node.shorthand and type(node.value) is ast.Identifier:
            self.visit(node.value, scope)
        else:
            self.visit(node.value, scope)

    def visit_MethodDefinition(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        self.visit(node.value, scope)

    def visit_PropertyDefinition(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        if node.value is not None:
            # A field initialiser is its own function (this = the instance).
            self.function_like(node, scope, [], node.value, kind="field", expression=True)

    visit_StaticBlock = visit_PropertyDefinition

    def visit_LabeledStatement(self, node, scope):
        self.visit(node.body, scope)

    def visit_BreakStatement(self, node, scope):
        pass

    visit_ContinueStatement = visit_BreakStatement

    def visit_CallExpression(self, node, scope):
        if type(node.callee) is ast.Super:
            for name in ("this", "new.target", ACTIVE_FUNCTION):
                self.reference(name, scope)
        if _is_direct_eval(node):
            function = scope.function
            function.has_direct_eval = True
            self.reference("this", scope)
            self.reference("new.target", scope)
            f = function
            while f is not None and f.is_arrow:
                f = f.parent
            if f is not None and f.kind == "function":
                f.uses_arguments = True
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)

    def visit_WithStatement(self, node, scope):
        self.visit(node.object, scope)
        scope.function.has_with = True
        inner = self.new_scope("with", node, scope)
        self.visit(node.body, inner)

    def visit_BlockStatement(self, node, scope):
        inner = self.new_scope("block", node, scope)
        self.declare_lexical(node.body, inner)
        self.visit_list(node.body, inner)

    def visit_SwitchStatement(self, node, scope):
        self.visit(node.discriminant, scope)
        inner = self.new_scope("block", node, scope)
        for case in node.cases:
            self.declare_lexical(case.consequent, inner)
        for case in node.cases:
            if case.test is not None:
                self.visit(case.test, inner)
            self.visit_list(case.consequent, inner)

    def visit_ForStatement(self, node, scope):
        inner = scope
        if type(node.init) is ast.VariableDeclaration and node.init.kind != "var":
            inner = self.new_scope("block", node, scope)
            self.declare_lexical([node.init], inner)
        for child in (node.init, node.test, node.update, node.body):
            if child is not None:
                self.visit(child, inner)

    def visit_ForInStatement(self, node, scope):
        inner = scope
        if type(node.left) is ast.VariableDeclaration and node.left.kind != "var":
            inner = self.new_scope("block", node, scope)
            self.declare_lexical([node.left], inner)
        # The right side sees the loop's bindings in TDZ (ES2020 13.7.5.12 step 2).
        self.visit(node.right, inner)
        self.visit(node.left, inner)
        self.visit(node.body, inner)

    visit_ForOfStatement = visit_ForInStatement

    def visit_CatchClause(self, node, scope):
        inner = self.new_scope("catch", node, scope)
        if node.param is not None:
            for name in pattern_names(node.param, []):
                inner.declare(name, "catch")
            self.visit(node.param, inner)
        body_scope = self.new_scope("block", node.body, inner)
        self.declare_lexical(node.body.body, body_scope)
        self.visit_list(node.body.body, body_scope)

    def visit_VariableDeclarator(self, node, scope):
        self.visit(node.id, scope)
        if node.init is not None:
            self.visit(node.init, scope)

    def visit_ClassDeclaration(self, node, scope):
        self.visit_class(node, scope)

    def visit_ClassExpression(self, node, scope):
        self.visit_class(node, scope)

    def visit_class(self, node, scope):
        if not any(type(m) is ast.MethodDefinition and m.kind == "constructor" for m in node.body.body):
            node.body.body.insert(0, synthesize_constructor(node))
        if node.superClass is not None:
            self.derived_constructors.update(id(m.value) for m in node.body.body
                                             if type(m) is ast.MethodDefinition and m.kind == "constructor")
        inner = self.new_scope("class", node, scope)
        if node.id is not None:
            inner.declare(node.id.name, "const")
        inner.private_names = private_names(node.body.body)
        if inner.private_names and any(type(n) is ast.CallExpression and _is_direct_eval(n)
                                       for n in ast.walk(node.body)):
            inner.declare(PRIVATE_NAMES, "const").captured = True
        for private in inner.private_names.values():
            inner.declare(private.name, "const").captured = True
            if private.setter:
                inner.declare(private.name + PRIVATE_SET, "const").captured = True
            if private.kind != "field":
                inner.declare(private.name + PRIVATE_BRAND, "const").captured = True
        if any(type(m) is ast.PropertyDefinition and m.computed and not m.static for m in node.body.body):
            inner.declare(FIELD_KEYS, "var").captured = True
        if node.superClass is not None:
            self.visit(node.superClass, inner)
        for member in node.body.body:
            self.visit(member, inner)

    def visit_FunctionDeclaration(self, node, scope):
        if scope.kind in ("block", "catch"):
            self.annexb(node, scope)
        self.function_like(node, scope, node.params, node.body, kind="function")

    def visit_FunctionExpression(self, node, scope):
        outer = scope
        if node.id is not None:
            # The name of a function expression is bound in its own scope.
            outer = self.new_scope("block", node.id, scope)
            outer.declare(node.id.name, "callee")
        self.function_like(node, outer, node.params, node.body, kind="function")

    def visit_ArrowFunctionExpression(self, node, scope):
        self.function_like(node, scope, node.params, node.body, kind="arrow",
                           expression=node.expression)

    def function_like(self, node, scope, params, body, kind, expression=False):
        strict = getattr(node, "strict", False) or scope.function.strict
        info = FunctionInfo(node, scope.function, strict, kind)
        self.analysis.functions[id(node)] = info
        fscope = Scope("function", node, scope, info)
        info.scope = info.var_scope = info.param_scope = fscope
        self.analysis.scopes[id(node)] = fscope
        simple = all(type(p) is ast.Identifier for p in params)
        pscope = fscope
        if not simple and not strict and contains_direct_eval(params):
            # ES2020 9.2.15 step 20: sloppy eval in a parameter expression declares its vars
            # outside the parameters' scope (in the function Env), which is a block-like Env
            # below it; the body's var scope follows as usual.
            pscope = info.param_scope = Scope("params", params, fscope, info)
            self.analysis.scopes[id(params)] = pscope
        if simple:
            # A repeated name (sloppy, simple lists only) binds its last occurrence; earlier ones
            # get placeholder bindings so that slot i stays parameter i for mapped arguments,
            # where they behave like unmapped entries [BC-7].
            last = {p.name: index for index, p in enumerate(params)}
            for index, p in enumerate(params):
                name = p.name if last[p.name] == index else "#param %d" % index
                info.param_bindings.append(fscope.declare(name, "param"))
        else:
            for p in params:
                names = pattern_names(p, [])
                for name in names:
                    pscope.declare(name, "param")
                info.param_bindings.append(pscope.bindings[p.name] if type(p) is ast.Identifier else None)
        info.param_count = len(params)
        if kind == "function":
            fscope.declare("this", "this")
            fscope.declare("new.target", "new.target")
            if id(node) in self.derived_constructors:
                fscope.declare(ACTIVE_FUNCTION, "active function")
        if kind == "field":
            fscope.declare("this", "this")
        info.simple_params = simple
        info.separate_params = not simple
        if expression:
            self.visit(body, pscope)
            for p in params:
                self.visit(p, pscope)
            return
        inner = pscope
        if not simple:
            inner = info.body_scope = info.var_scope = Scope("body", body, pscope, info)
            self.analysis.scopes[id(body)] = inner
        self.hoist_vars(body.body, inner)
        if not strict and contains_direct_eval(body.body):
            inner = info.lexical_scope = Scope("lexical", body.body, inner, info)
            self.analysis.scopes[id(body.body)] = inner
        self.declare_lexical(body.body, inner)
        for p in params:
            self.visit(p, pscope)
        self.visit_list(body.body, inner)

    def visit_IfStatement(self, node, scope):
        # B.3.4: a function declaration as an if branch (sloppy) is one in a block of its own.
        for field in ("consequent", "alternate"):
            branch = getattr(node, field)
            if type(branch) is ast.FunctionDeclaration:
                setattr(node, field, ast.BlockStatement([branch], span=branch.span))
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)

    def annexb(self, node, scope):
        """ES2020 B.3.3: a plain function declared in a block of sloppy code is also assigned
        to a var of the same name when the block's declaration is evaluated, unless that var
        would clash with a lexical declaration around it or with a parameter."""
        name = node.id.name
        info = scope.function
        if info.strict or node.generator or getattr(node, "async"):
            return
        arguments = name == "arguments" and info.kind in ("function", "arrow")
        if arguments and info.kind == "arrow":
            return
        var_scope = info.var_scope
        s = scope.parent
        while s is not var_scope:
            binding = s.bindings.get(name)
            if binding is not None and not (binding.kind == "catch" and type(s.node.param) is ast.Identifier):
                return   # `var name` here would be an early error (B.3.5 allows simple catch)
            s = s.parent
        existing = var_scope.bindings.get(name)
        if existing is not None and existing.kind not in ("var", "function"):
            return       # a top-level let/const/class, or a parameter (same scope)
        param = info.param_scope.bindings.get(name)
        if param is not None and param.kind == "param":
            return
        if arguments:
            # No var is created: the copy goes to the arguments object's binding (step ii).
            info.uses_arguments = True
        elif existing is None:
            var_scope.declare(name, "var")
        self.analysis.annexb.add(id(node))

    # ---- resolution and allocation ----
    def finish(self):
        functions = list(self.analysis.functions.values())
        for info in functions:
            if info.has_direct_eval or info.has_with:
                f = info
                while f is not None:
                    f.dynamic = True
                    f = f.parent
        for info in functions:
            if not info.uses_arguments:
                continue
            existing = info.param_scope.bindings.get("arguments")
            if existing is None:
                existing = info.param_scope.declare("arguments", "arguments")
            elif existing.kind == "var":
                # `var arguments` is the arguments object's own binding (ES2020 9.2.15 step 27).
                existing.kind = "arguments"
            if existing.kind == "arguments" and not info.strict and info.simple_params:
                # Mapped arguments alias the parameters, so those live in the env, in
                # parameter order (slot i = parameter i) [BC-7].
                for binding in info.scope.order:
                    if binding.kind == "param":
                        binding.captured = True
        for scope, name in self.analysis.references:
            binding, _ = resolve(scope, name)
            if binding is not None and binding.scope.function is not scope.function:
                binding.captured = True
        for scope in self.analysis.scopes.values():
            if scope.function.dynamic or (scope.kind in ("with",)):
                for binding in scope.order:
                    binding.captured = True
            if scope.kind == "script" and (scope.function.kind == "eval" or self.mode == "indirect-eval"):
                # Sloppy eval code: vars go to the caller's variable environment (or the global
                # object), let/const/class to a fresh Env of the eval's own (ES2020 18.2.1.3).
                for binding in scope.order:
                    if binding.kind in LEXICAL:
                        binding.captured = True
                        binding.slot = scope.env_size
                        scope.env_size += 1
                scope.has_env = scope.env_size > 0
                continue
            if scope.function.kind in ("script",) and scope.kind == "script":
                continue  # globals live on the global object / global lexicals
            owner = scope
            if scope.kind == "body" and not scope.function.dynamic:
                # The body's var scope resolves names on its own but keeps its captured
                # bindings in the function Env: only eval could tell two Envs apart [BC-15].
                owner = scope.parent
            for binding in scope.order:
                if binding.captured:
                    binding.slot = owner.env_size
                    owner.env_size += 1
            for s in {scope, owner}:
                s.has_env = s.env_size > 0 or (s.function.dynamic and s.kind in ("function", "body"))
        # Registers: parameters first (so the caller's arguments land in them), then the rest.
        for info in functions:
            fscope = info.scope
            params = [b for b in fscope.order if b.kind == "param"]
            info.register_count = 0
            info.param_registers = []
            for p in info.node.params if hasattr(info.node, "params") else []:
                info.param_registers.append(info.new_register())
        for scope in self.analysis.scopes.values():
            info = scope.function
            if scope.kind == "script" and info.kind == "script":
                continue
            if info.kind == "eval" and scope.kind == "script":
                continue
            for binding in scope.order:
                if not binding.captured:
                    binding.register = info.new_register()


def resolve(scope, name):
    """Finds the binding `name` refers to from `scope`; (None, dynamic) for globals.

    `dynamic` is true when a with scope or a sloppy direct eval lies between the reference and
    the binding (or global), so the lookup must happen by name at run time [BC-6].
    """
    dynamic = False
    outermost = scope
    while scope is not None:
        outermost = scope
        binding = scope.bindings.get(name)
        if binding is not None:
            if scope.kind == "script" and binding.kind in LEXICAL and binding.slot is not None:
                return binding, dynamic  # in the eval's own lexical env
            if scope.kind == "script" and scope.function.kind == "script":
                return None, dynamic
            if scope.function.kind == "eval" and scope.kind == "script":
                return None, True
            return binding, dynamic
        if scope.kind == "with":
            dynamic = True
        if scope.kind in ("function", "body") and scope.function.has_direct_eval and not scope.function.strict:
            dynamic = True
        scope = scope.parent
    # Direct eval code cannot know the caller's scopes: its free names are looked up by name.
    if outermost is not None and outermost.function.kind == "eval":
        dynamic = True
    return None, dynamic


def contains_direct_eval(statements):
    """Whether these statements call eval directly, outside any nested function."""
    stack = list(statements)
    while stack:
        node = stack.pop()
        t = type(node)
        if t in (ast.FunctionDeclaration, ast.FunctionExpression, ast.ArrowFunctionExpression):
            continue
        if t is ast.CallExpression and _is_direct_eval(node):
            return True
        if t is ast.PropertyDefinition or t is ast.StaticBlock:
            if node.computed:
                stack.append(node.key)
            continue
        stack.extend(child for child in ast.iter_child_nodes(node) if child is not None)
    return False


def describe_private_names(entries):
    """The text direct eval code receives for (PrivateName, class name) pairs, innermost first."""
    return "\n".join("%s %s %d %d %d %s" % (p.name, p.kind, p.static, p.getter, p.setter, class_name)
                     for p, class_name in entries)


def parse_private_names(text):
    """describe_private_names' text back as {name: (PrivateName, class name)}."""
    names = {}
    for line in text.split("\n") if text else ():
        name, kind, static, getter, setter, class_name = line.split(" ", 5)
        private = PrivateName(name, kind, static == "1")
        private.getter, private.setter = getter == "1", setter == "1"
        names.setdefault(name, (private, class_name))
    return names


def private_names(members):
    """The class body's private names by name (with '#'), in declaration order."""
    names = {}
    for member in members:
        if type(member.key) is not ast.PrivateIdentifier:
            continue
        name = "#" + member.key.name
        if type(member) is ast.PropertyDefinition:
            names[name] = PrivateName(name, "field", member.static)
        elif member.kind == "method":
            names[name] = PrivateName(name, "method", member.static)
        else:
            private = names.setdefault(name, PrivateName(name, "accessor", member.static))
            if member.kind == "get":
                private.getter = True
            else:
                private.setter = True
    return names


def synthesize_constructor(class_node):
    """The default constructor of a class (ES2020 14.6.13 step 10), as a parsed method."""
    from ..parse import parse
    if class_node.superClass is not None:
        source = "(class extends B { constructor(...args) { super(...args); } })"
    else:
        source = "(class { constructor() {} })"
    method = parse(source, "<default constructor>").body[0].expression.body.body[0]
    method.value.strict = True
    method.value.span = None
    return method
