"""Early errors that need scopes or context, checked in one walk over the finished AST.

Owns: duplicate declarations (let/const/class/function-in-block against each other, against
var hoisted through the same scope, against parameters and catch parameters, with Annex B's
sloppy duplicate block functions), `let` as a lexical name, break/continue targets and labels,
`return` placement, yield/await placement and their use as identifiers, super and new.target
placement, strict-mode rules on names (eval/arguments, reserved words), delete of identifiers,
`with`, duplicate and non-simple parameters, class member rules, duplicate __proto__,
getter/setter arity, const initializers and declarations in single-statement positions.
It never looks at source text: convert.py owns every check that needs the concrete tree.

Known gaps of the front end as a whole (tests/parse/test262_parse_check.py: 99.98% of positive
and 100% of parse-negative ES2020 tests in test262's test/language pass):
- Sloppy-mode `yield` as an identifier is recovered by re-spelling it for tree-sitter, which
  fails in arrow parameters `(yield) => 1` and in `var x = yield();` after `function* yield`.
- Parenthesized targets inside destructuring assignment (`[(a)] = b`) and
  `for (async of => {};;)` are rejected by the grammar.
- A line break after `return` or `yield` ends it, as ASI requires, when it heads a statement
  in a statement list; in a single-statement position (`if (a) return\n(b)`) or inside a
  larger expression (`x = yield\n(1)`) such code is rejected instead of split.
- Where tree-sitter's grammar rejects what V8 reports as an early error (`[...a = 1] = b`,
  `function f(...a = 1) {}`), the message is a generic "Unexpected token" / "Invalid
  left-hand side in assignment", and the location of grammar errors is reconstructed from the
  parse table, so it can differ from V8's by a token or two.
- Regular expressions are validated against ES2020 syntax, but \\p{...} names only by shape.
- import/export declarations are rejected even with module=True (modules are otherwise
  parsed as strict code with `await` reserved).
Accepted beyond ES2020, deliberately: public class fields (PropertyDefinition), class static
blocks (StaticBlock: `return`, `await`, `arguments` and `super()` are errors in them), logical
assignment (`&&=`, `||=`, `??=`), numeric separators and a leading `#!` line.
"""

from . import ast as js

__all__ = ["check_program"]

_KEYWORDS = frozenset((
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "export", "extends", "finally", "for", "function", "if", "import", "in",
    "instanceof", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var",
    "void", "while", "with", "null", "true", "false",
))
_STRICT_RESERVED = frozenset(("implements", "interface", "let", "package", "private",
                              "protected", "public", "static", "yield"))
# Names that need any check at all; everything else is accepted without further lookups.
_SPECIAL_NAMES = _KEYWORDS | _STRICT_RESERVED | {"enum", "await", "eval", "arguments"}

_DUPLICATE = "Identifier '%s' has already been declared"
_SUPER = "'super' keyword unexpected here"


def check_program(program, error_at, eval_allows=frozenset(), private_names=frozenset()):
    """Raise the first early error of `program`. `error_at(message, offset)` builds the
    JSSyntaxError for a character offset (so this module needs no source text). For direct eval
    code, `eval_allows` holds "new.target", "super.property" and/or "super.call" when the
    function around the eval call allows them (ES2020 18.2.1.1 steps 6-8), and `private_names`
    the private names (without '#') of the classes around it."""
    checker = Checker(error_at, program.sourceType == "module")
    checker.ctx.new_target = "new.target" in eval_allows
    checker.ctx.super_property = "super.property" in eval_allows
    checker.ctx.super_call = "super.call" in eval_allows
    if private_names:
        checker.private_names.append(set(private_names))
    checker.program(program)


class Context:
    """What the innermost function-like construct allows. Arrow functions copy the super,
    new.target and field flags of their parent; everything else starts fresh."""

    __slots__ = ("kind", "generator", "async_", "await_reserved", "super_call", "super_property",
                 "new_target", "in_field", "in_params", "labels", "loops", "breakables")

    def __init__(self, kind, parent=None):
        self.kind = kind                # 'script', 'function', 'arrow', 'method', 'field'
        self.generator = False
        self.async_ = False
        self.await_reserved = False
        self.super_call = False
        self.super_property = False
        self.new_target = kind != "script"
        self.in_field = False
        self.in_params = False
        self.labels = []                # [name, labels an iteration statement]
        self.loops = 0
        self.breakables = 0
        if parent is not None and kind == "arrow":
            self.super_call = parent.super_call
            self.super_property = parent.super_property
            self.new_target = parent.new_target
            self.in_field = parent.in_field


class Scope:
    """Declared names of one scope. `lexical` maps name -> declaration kind; `vars` holds var
    names declared in or hoisted through this scope; `params` the function or catch parameters
    (a catch scope is the catch block itself)."""

    __slots__ = ("kind", "parent", "lexical", "vars", "params", "simple_catch")

    def __init__(self, kind, parent):
        self.kind = kind                # 'function', 'block' or 'catch'
        self.parent = parent
        self.lexical = {}
        self.vars = set()
        self.params = {}
        self.simple_catch = True


class Checker:
    def __init__(self, error_at, module):
        self.error_at = error_at
        self.module = module
        self.strict = module
        self.ctx = Context("script")
        self.scope = Scope("function", None)
        self.private_names = []   # per enclosing class body, innermost last: its #names
        self.visitors = {
            js.Program: self.program,
            js.ExpressionStatement: self.expression_statement,
            js.BlockStatement: self.block,
            js.VariableDeclaration: self.variable_declaration,
            js.FunctionDeclaration: self.function_declaration,
            js.ClassDeclaration: self.class_declaration,
            js.IfStatement: self.if_statement,
            js.WhileStatement: self.loop,
            js.DoWhileStatement: self.loop,
            js.ForStatement: self.for_statement,
            js.ForInStatement: self.for_in_statement,
            js.ForOfStatement: self.for_in_statement,
            js.SwitchStatement: self.switch_statement,
            js.TryStatement: self.try_statement,
            js.WithStatement: self.with_statement,
            js.ReturnStatement: self.return_statement,
            js.LabeledStatement: self.labeled_statement,
            js.BreakStatement: self.break_statement,
            js.ContinueStatement: self.continue_statement,
            js.Identifier: self.reference,
            js.MemberExpression: self.member_expression,
            js.ObjectExpression: self.object_expression,
            js.Property: self.property,
            js.FunctionExpression: self.function_expression,
            js.ArrowFunctionExpression: self.arrow_function,
            js.ClassExpression: self.class_expression,
            js.CallExpression: self.call_expression,
            js.Super: self.bare_super,
            js.MetaProperty: self.meta_property,
            js.UnaryExpression: self.unary_expression,
            js.UpdateExpression: self.update_expression,
            js.AssignmentExpression: self.assignment_expression,
            js.YieldExpression: self.yield_expression,
            js.AwaitExpression: self.await_expression,
            js.BinaryExpression: self.binary_expression,
            js.LogicalExpression: self.binary_expression,
            js.PrivateIdentifier: self.private_reference,
            js.Literal: _ignore,
            js.ThisExpression: _ignore,
            js.EmptyStatement: _ignore,
            js.DebuggerStatement: _ignore,
        }

    def fail(self, message, node):
        raise self.error_at(message, node.span.start_offset if node.span else 0)

    # ------------------------------------------------------------------ traversal

    def visit(self, node):
        visitor = self.visitors.get(type(node))
        if visitor is not None:
            visitor(node)
            return
        for name in node.fields:
            value = getattr(node, name)
            if value is None:
                continue
            if type(value) is list:
                for item in value:
                    if item is not None:
                        self.visit(item)
            else:
                self.visit(value)

    def statements(self, body):
        for statement in body:
            self.visit(statement)

    def program(self, node):
        self.strict = node.strict
        self.statements(node.body)

    # ------------------------------------------------------------------ names

    def check_name(self, ident, binding=False, target=False, lexical=False):
        """Check an identifier used as a reference (default), a binding, or an assignment
        target against the reserved-word and strict-mode rules of the current context."""
        name = ident.name
        if name not in _SPECIAL_NAMES:
            return
        if name in _KEYWORDS:
            self.fail("Unexpected token '%s'" % name, ident)
        if name == "enum":
            self.fail("Unexpected reserved word", ident)
        if name == "await":
            if self.module or self.ctx.await_reserved:
                self.fail("Unexpected reserved word", ident)
        elif name == "yield":
            if self.strict:
                self.fail("Unexpected strict mode reserved word", ident)
            if self.ctx.generator:
                self.fail("Unexpected identifier 'yield'", ident)
        elif name in _STRICT_RESERVED:
            if self.strict:
                self.fail("Unexpected strict mode reserved word", ident)
            if lexical and name == "let":
                self.fail("let is disallowed as a lexically bound name", ident)
        elif (binding or target) and self.strict:
            self.fail("Unexpected eval or arguments in strict mode", ident)
        elif name == "arguments" and not binding and not target and self.ctx.in_field:
            self.fail("'arguments' is not allowed in class field initializer or static "
                      "initialization block", ident)

    def reference(self, ident):
        if ident.name in _SPECIAL_NAMES:
            self.check_name(ident)

    # ------------------------------------------------------------------ declarations

    def declare_lexical(self, ident, kind):
        name = ident.name
        scope = self.scope
        previous = scope.lexical.get(name)
        if previous is not None:
            # Annex B.3.3: sloppy blocks may repeat plain function declarations.
            if not (previous == kind == "sloppy-function"):
                self.fail(_DUPLICATE % name, ident)
        elif name in scope.vars or name in scope.params:
            self.fail(_DUPLICATE % name, ident)
        scope.lexical[name] = kind

    def declare_var(self, ident, for_of=False):
        name = ident.name
        scope = self.scope
        while True:
            if name in scope.lexical:
                self.fail(_DUPLICATE % name, ident)
            if scope.kind == "catch" and name in scope.params:
                # Annex B.3.5: `catch (e) { var e }` is allowed, except for patterns and
                # for-of heads.
                if not scope.simple_catch or for_of:
                    self.fail(_DUPLICATE % name, ident)
            scope.vars.add(name)
            if scope.kind == "function":
                return
            scope = scope.parent

    def declare_param(self, ident, unique):
        params = self.scope.params
        if ident.name in params and unique:
            self.fail("Duplicate parameter name not allowed in this context", ident)
        params[ident.name] = True

    def declare_catch_param(self, ident):
        if ident.name in self.scope.params:
            self.fail(_DUPLICATE % ident.name, ident)
        self.scope.params[ident.name] = True

    def binding(self, pattern, declare, lexical=False):
        """Check and declare every name bound by a binding pattern; visit its defaults and
        computed keys as expressions."""
        kind = type(pattern)
        if kind is js.Identifier:
            self.check_name(pattern, binding=True, lexical=lexical)
            declare(pattern)
        elif kind is js.ObjectPattern:
            for prop in pattern.properties:
                if type(prop) is js.RestElement:
                    self.binding(prop.argument, declare, lexical)
                else:
                    if type(prop.key) is js.PrivateIdentifier:
                        self.fail("Unexpected identifier '#%s'" % prop.key.name, prop.key)
                    if prop.computed:
                        self.visit(prop.key)
                    self.binding(prop.value, declare, lexical)
        elif kind is js.ArrayPattern:
            for element in pattern.elements:
                if element is not None:
                    self.binding(element, declare, lexical)
        elif kind is js.AssignmentPattern:
            self.binding(pattern.left, declare, lexical)
            self.visit(pattern.right)
        elif kind is js.RestElement:
            self.binding(pattern.argument, declare, lexical)
        else:
            self.fail("Invalid destructuring assignment target", pattern)

    def target(self, pattern):
        """Check an assignment target (the left of `=`, `+=`, `++`, for-in/of)."""
        kind = type(pattern)
        if kind is js.Identifier:
            self.check_name(pattern, target=True)
        elif kind is js.MemberExpression:
            self.visit(pattern)
        elif kind is js.ObjectPattern:
            for prop in pattern.properties:
                if type(prop) is js.RestElement:
                    self.target(prop.argument)
                else:
                    if type(prop.key) is js.PrivateIdentifier:
                        self.fail("Unexpected identifier '#%s'" % prop.key.name, prop.key)
                    if prop.computed:
                        self.visit(prop.key)
                    self.target(prop.value)
        elif kind is js.ArrayPattern:
            for element in pattern.elements:
                if element is not None:
                    self.target(element)
        elif kind is js.AssignmentPattern:
            self.target(pattern.left)
            self.visit(pattern.right)
        elif kind is js.RestElement:
            self.target(pattern.argument)
        else:
            self.fail("Invalid left-hand side in assignment", pattern)

    def variable_declaration(self, node, head=None):
        """`head` is 'for-in'/'for-of' when the declaration is a for-in/of loop head."""
        kind = node.kind
        for declarator in node.declarations:
            if head is None and declarator.init is None:
                if kind == "const":
                    self.fail("Missing initializer in const declaration", declarator)
                if type(declarator.id) is not js.Identifier:
                    self.fail("Missing initializer in destructuring declaration", declarator)
            if kind == "var":
                for_of = head == "for-of"
                self.binding(declarator.id, lambda ident: self.declare_var(ident, for_of))
            else:
                self.binding(declarator.id, lambda ident: self.declare_lexical(ident, kind),
                             lexical=True)
            if declarator.init is not None:
                self.visit(declarator.init)

    def function_declaration(self, node):
        ident = node.id
        self.declared_function_name(ident, node.strict)
        if self.scope.kind == "function":
            # At the top level of a function or script, function declarations are var-scoped.
            if ident.name in self.scope.lexical:
                self.fail(_DUPLICATE % ident.name, ident)
            self.scope.vars.add(ident.name)
        else:
            plain = not self.strict and not node.generator and not getattr(node, "async")
            self.declare_lexical(ident, "sloppy-function" if plain else "function")
        self.function(node, "function")

    def class_declaration(self, node):
        saved = self.strict
        self.strict = True
        self.check_name(node.id, binding=True)
        self.strict = saved
        self.declare_lexical(node.id, "class")
        self.class_(node)

    # ------------------------------------------------------------------ statements

    def expression_statement(self, node):
        self.visit(node.expression)

    def block(self, node):
        self.scope = Scope("block", self.scope)
        self.statements(node.body)
        self.scope = self.scope.parent

    def substatement(self, node, where):
        """A statement in a single-statement position: if/else branch, loop or with body,
        labeled statement body."""
        kind = type(node)
        if kind is js.VariableDeclaration and node.kind != "var":
            self.fail("Lexical declaration cannot appear in a single-statement context", node)
        if kind is js.ClassDeclaration:
            self.fail("Unexpected token 'class'", node)
        inner = node
        while type(inner) is js.LabeledStatement and where != "label":
            inner = inner.body
        if type(inner) is js.FunctionDeclaration:
            if inner.generator:
                self.fail("Generators can only be declared at the top level or inside a "
                          "block.", inner)
            if getattr(inner, "async"):
                self.fail("Async functions can only be declared at the top level or inside "
                          "a block.", inner)
            if self.strict:
                self.fail("In strict mode code, functions can only be declared at top level "
                          "or inside a block.", inner)
            if where != "label" and (where != "if" or inner is not node):
                self.fail("In non-strict mode code, functions can only be declared at top "
                          "level, inside a block, or as the body of an if statement.", inner)
            if where == "if":
                # Annex B.3.4: as if the declaration were wrapped in a block.
                self.scope = Scope("block", self.scope)
                self.visit(node)
                self.scope = self.scope.parent
                return
        self.visit(node)

    def if_statement(self, node):
        self.visit(node.test)
        self.substatement(node.consequent, "if")
        if node.alternate is not None:
            self.substatement(node.alternate, "if")

    def loop_body(self, body):
        ctx = self.ctx
        ctx.loops += 1
        ctx.breakables += 1
        self.substatement(body, "loop")
        ctx.loops -= 1
        ctx.breakables -= 1

    def loop(self, node):
        self.visit(node.test)
        self.loop_body(node.body)

    def for_statement(self, node):
        init = node.init
        scoped = type(init) is js.VariableDeclaration and init.kind != "var"
        if scoped:
            self.scope = Scope("block", self.scope)
        if type(init) is js.VariableDeclaration:
            self.variable_declaration(init)
        elif init is not None:
            self.visit(init)
        if node.test is not None:
            self.visit(node.test)
        if node.update is not None:
            self.visit(node.update)
        self.loop_body(node.body)
        if scoped:
            self.scope = self.scope.parent

    def for_in_statement(self, node):
        left = node.left
        head = "for-of" if type(node) is js.ForOfStatement else "for-in"
        if getattr(node, "await", False) and not self.ctx.async_:
            self.fail("Unexpected reserved word", node)
        scoped = type(left) is js.VariableDeclaration and left.kind != "var"
        if scoped:
            self.scope = Scope("block", self.scope)
        if type(left) is js.VariableDeclaration:
            self.variable_declaration(left, head)
        else:
            self.target(left)
        self.visit(node.right)
        self.loop_body(node.body)
        if scoped:
            self.scope = self.scope.parent

    def switch_statement(self, node):
        self.visit(node.discriminant)
        self.ctx.breakables += 1
        self.scope = Scope("block", self.scope)
        has_default = False
        for case in node.cases:
            if case.test is None:
                if has_default:
                    self.fail("More than one default clause in switch statement", case)
                has_default = True
            if case.test is not None:
                self.visit(case.test)
            self.statements(case.consequent)
        self.scope = self.scope.parent
        self.ctx.breakables -= 1

    def try_statement(self, node):
        self.block(node.block)
        handler = node.handler
        if handler is not None:
            self.scope = Scope("catch", self.scope)
            if handler.param is not None:
                self.scope.simple_catch = type(handler.param) is js.Identifier
                self.binding(handler.param, self.declare_catch_param)
            # The catch block shares the parameters' scope, so `catch (e) { let e }` clashes.
            self.statements(handler.body.body)
            self.scope = self.scope.parent
        if node.finalizer is not None:
            self.block(node.finalizer)

    def with_statement(self, node):
        if self.strict:
            self.fail("Strict mode code may not include a with statement", node)
        self.visit(node.object)
        self.substatement(node.body, "with")

    def return_statement(self, node):
        if self.ctx.kind in ("script", "field"):
            self.fail("Illegal return statement", node)
        if node.argument is not None:
            self.visit(node.argument)

    def labeled_statement(self, node):
        ctx = self.ctx
        name = node.label.name
        self.check_name(node.label)
        for label in ctx.labels:
            if label[0] == name:
                self.fail("Label '%s' has already been declared" % name, node.label)
        inner = node.body
        while type(inner) is js.LabeledStatement:
            inner = inner.body
        is_loop = type(inner) in (js.ForStatement, js.ForInStatement, js.ForOfStatement,
                                  js.WhileStatement, js.DoWhileStatement)
        ctx.labels.append([name, is_loop])
        self.substatement(node.body, "label")
        ctx.labels.pop()

    def find_label(self, ident):
        for label in reversed(self.ctx.labels):
            if label[0] == ident.name:
                return label
        self.fail("Undefined label '%s'" % ident.name, ident)

    def break_statement(self, node):
        if node.label is not None:
            self.find_label(node.label)
        elif not self.ctx.breakables:
            self.fail("Illegal break statement", node)

    def continue_statement(self, node):
        if node.label is not None:
            label = self.find_label(node.label)
            if not label[1]:
                self.fail("Illegal continue statement: '%s' does not denote an iteration "
                          "statement" % node.label.name, node)
        elif not self.ctx.loops:
            self.fail("Illegal continue statement: no surrounding iteration statement", node)

    # ------------------------------------------------------------------ functions

    def declared_function_name(self, ident, strict):
        """Check a declaration's name: the enclosing context decides yield/await, but the
        function's own "use strict" applies too (`function eval() { "use strict" }`).
        (An expression's name is checked inside its own context, in `function`.)"""
        saved = self.strict
        self.strict = saved or strict
        self.check_name(ident, binding=True)
        self.strict = saved

    def function_expression(self, node):
        self.function(node, "function")

    def arrow_function(self, node):
        self.function(node, "arrow")

    def function(self, node, kind, method=None, derived=False):
        """Check one function: `kind` is 'function', 'arrow' or 'method'; `method` is the
        MethodDefinition/Property kind ('constructor', 'method', 'get', 'set')."""
        parent_ctx = self.ctx
        ctx = Context(kind, parent_ctx)
        ctx.generator = node.generator
        ctx.async_ = getattr(node, "async")
        ctx.await_reserved = ctx.async_ or (kind == "arrow" and parent_ctx.await_reserved)
        if kind == "method":
            ctx.super_property = True
            ctx.super_call = method == "constructor" and derived
        saved_strict = self.strict
        self.strict = node.strict
        self.ctx = ctx
        if type(node) is js.FunctionExpression and node.id is not None:
            self.check_name(node.id, binding=True)
        self.scope = Scope("function", self.scope)
        params = node.params
        simple = all(type(p) is js.Identifier for p in params)
        unique = self.strict or kind != "function" or not simple
        ctx.in_params = True
        # An arrow's parameters are parsed with its context's [Yield]: `yield => 1` inside a
        # generator is an error, though its body may not contain yield expressions.
        ctx.generator = node.generator or (kind == "arrow" and parent_ctx.generator)
        for param in params:
            self.binding(param, lambda ident: self.declare_param(ident, unique))
        ctx.in_params = False
        ctx.generator = node.generator
        if method == "get" and params:
            self.fail("Getter must not have any formal parameters.", params[0])
        if method == "set":
            if len(params) != 1:
                self.fail("Setter must have exactly one formal parameter.", node)
            if type(params[0]) is js.RestElement:
                self.fail("Setter function argument must not be a rest parameter", params[0])
        body = node.body
        if type(body) is js.BlockStatement:
            if not simple:
                for statement in body.body:
                    if type(statement) is not js.ExpressionStatement or statement.directive is None:
                        break
                    if statement.directive == "use strict":
                        self.fail("Illegal 'use strict' directive in function with non-simple "
                                  "parameter list", statement)
            self.statements(body.body)
        else:
            self.visit(body)
        self.scope = self.scope.parent
        self.ctx = parent_ctx
        self.strict = saved_strict

    # ------------------------------------------------------------------ classes

    def class_expression(self, node):
        saved = self.strict
        self.strict = True
        if node.id is not None:
            self.check_name(node.id, binding=True)
        self.strict = saved
        self.class_(node)

    def class_(self, node):
        saved = self.strict
        self.strict = True
        if node.superClass is not None:
            self.visit(node.superClass)
        derived = node.superClass is not None
        has_constructor = False
        # The heritage saw the outer private names; the body sees its own too, all of them
        # from its start (ES2022 AllPrivateIdentifiersValid).
        self.private_names.append(self.declare_private_names(node.body.body))
        for member in node.body.body:
            if type(member) is js.StaticBlock:
                self.static_block(member.body)
                continue
            name = None if member.computed else _key_name(member.key)
            if member.computed:
                self.visit(member.key)
            if type(member) is js.MethodDefinition:
                value = member.value
                if member.kind == "constructor":
                    if has_constructor:
                        self.fail("A class may only have one constructor", member.key)
                    has_constructor = True
                    if value.generator:
                        self.fail("Class constructor may not be a generator", member.key)
                    if getattr(value, "async"):
                        self.fail("Class constructor may not be an async method", member.key)
                elif name == "constructor" and not member.static:
                    self.fail("Class constructor may not be an accessor", member.key)
                if member.static and name == "prototype":
                    self.fail("Classes may not have a static property named 'prototype'",
                              member.key)
                self.function(value, "method", member.kind, derived)
            else:
                if name == "constructor":
                    self.fail("Classes may not have a field named 'constructor'", member.key)
                if member.static and name == "prototype":
                    self.fail("Classes may not have a static property named 'prototype'",
                              member.key)
                if member.value is not None:
                    self.field_initializer(member.value)
        self.private_names.pop()
        self.strict = saved

    def declare_private_names(self, members):
        """The #names a class body declares; a getter and a setter (both static or neither) may
        share one, nothing else may."""
        declared = {}
        for member in members:
            key = member.key
            if type(key) is not js.PrivateIdentifier:
                continue
            is_method = type(member) is js.MethodDefinition
            if key.name == "constructor":
                self.fail("Class constructor may not be a private method" if is_method
                          else "Classes may not have a field named 'constructor'", key)
            kind = member.kind if is_method else "field"
            previous = declared.get(key.name)
            if previous is not None and not (
                    {previous[0], kind} == {"get", "set"} and previous[1] == member.static):
                self.fail("Identifier '#%s' has already been declared" % key.name, key)
            declared[key.name] = ("pair" if previous is not None else kind, member.static)
        return set(declared)

    def private_reference(self, node):
        if not any(node.name in names for names in self.private_names):
            self.fail("Private field '#%s' must be declared in an enclosing class" % node.name, node)

    def static_block(self, block):
        """ES2022 ClassStaticBlockBody: a function-like scope of its own where `arguments`,
        `await` (as a name or an expression), `return` and `super()` are early errors."""
        parent_ctx = self.ctx
        ctx = Context("field", parent_ctx)
        ctx.super_property = True
        ctx.in_field = True
        ctx.await_reserved = True
        self.ctx = ctx
        self.scope = Scope("function", self.scope)
        self.statements(block.body)
        self.scope = self.scope.parent
        self.ctx = parent_ctx

    def field_initializer(self, value):
        parent_ctx = self.ctx
        ctx = Context("field", parent_ctx)
        ctx.super_property = True
        ctx.in_field = True
        self.ctx = ctx
        self.scope = Scope("function", self.scope)
        self.visit(value)
        self.scope = self.scope.parent
        self.ctx = parent_ctx

    # ------------------------------------------------------------------ expressions

    def member_expression(self, node):
        if type(node.object) is js.Super:
            if not self.ctx.super_property:
                self.fail(_SUPER, node.object)
            if type(node.property) is js.PrivateIdentifier:
                self.fail("Unexpected private field", node.property)
        else:
            self.visit(node.object)
        if node.computed or type(node.property) is js.PrivateIdentifier:
            self.visit(node.property)

    def call_expression(self, node):
        if type(node.callee) is js.Super:
            if not self.ctx.super_call:
                self.fail(_SUPER, node.callee)
        else:
            self.visit(node.callee)
        for argument in node.arguments:
            self.visit(argument)

    def bare_super(self, node):
        self.fail(_SUPER, node)

    def meta_property(self, node):
        if not self.ctx.new_target:
            self.fail("new.target expression is not allowed here", node)

    def object_expression(self, node):
        seen_proto = False
        for prop in node.properties:
            if (type(prop) is js.Property and not prop.computed and not prop.shorthand
                    and not prop.method and prop.kind == "init"
                    and _key_name(prop.key) == "__proto__"):
                if seen_proto:
                    self.fail("Duplicate __proto__ fields are not allowed in object literals",
                              prop.key)
                seen_proto = True
            self.visit(prop)

    def property(self, node):
        if type(node.key) is js.PrivateIdentifier:
            self.fail("Unexpected identifier '#%s'" % node.key.name, node.key)
        if node.computed:
            self.visit(node.key)
        if node.method or node.kind != "init":
            self.function(node.value, "method", node.kind if node.kind != "init" else "method")
        else:
            self.visit(node.value)

    def unary_expression(self, node):
        if node.operator == "delete" and self.strict and type(node.argument) is js.Identifier:
            self.fail("Delete of an unqualified identifier in strict mode.", node)
        if node.operator == "delete":
            argument = node.argument
            if type(argument) is js.ChainExpression:
                argument = argument.expression
            if type(argument) is js.MemberExpression and type(argument.property) is js.PrivateIdentifier:
                self.fail("Private fields can not be deleted", node)
        self.visit(node.argument)

    def update_expression(self, node):
        self.target(node.argument)

    def assignment_expression(self, node):
        self.target(node.left)
        self.visit(node.right)

    def binary_expression(self, node):
        # Iterative on the left spine, like the converter: `a + b + ... + z` nests deeply.
        rights = []
        while type(node) in (js.BinaryExpression, js.LogicalExpression):
            rights.append(node.right)
            node = node.left
        self.visit(node)
        for right in reversed(rights):
            self.visit(right)

    def yield_expression(self, node):
        ctx = self.ctx
        if not ctx.generator:
            # Only reachable from arrow parameters or class fields inside a generator.
            self.fail("Yield expression not allowed in formal parameter" if ctx.kind == "arrow"
                      else "Unexpected strict mode reserved word", node)
        if ctx.in_params:
            self.fail("Yield expression not allowed in formal parameter", node)
        if node.argument is not None:
            self.visit(node.argument)

    def await_expression(self, node):
        ctx = self.ctx
        if not ctx.async_:
            self.fail("await is only valid in async functions and the top level bodies of "
                      "modules", node)
        if ctx.in_params:
            self.fail("Illegal await-expression in formal parameters of async function", node)
        self.visit(node.argument)


def _ignore(node):
    pass


def _key_name(key):
    if type(key) is js.Identifier:
        return key.name
    if type(key) is js.Literal and type(key.value) is str:
        return key.value
    return None
