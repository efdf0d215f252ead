"""AST node classes: ESTree (es5, es2015..es2020) with a source span on every node.

Owns the node vocabulary the compiler consumes: one class per ESTree type, with ESTree's class
and field names, `__slots__`, keyword constructors and a `span`. `fields` lists the fields
that hold child nodes (a node, None, or a list of nodes and Nones) in source order, which is
what `iter_child_nodes` walks; every other slot is plain data (str, bool, float, dict, None).
Extensions to ESTree: functions and Program carry `strict` (true when the code is strict mode
code), and PropertyDefinition (public class fields, es2022) is included. This module holds no
parsing logic.
"""

__all__ = ["Span", "Node", "iter_child_nodes", "walk", "NODE_TYPES"]


class Span:
    """Where a node sits in the source: lines and columns are 1-based, columns and offsets count
    characters (not UTF-8 bytes) and the end position is exclusive (just past the last char)."""

    __slots__ = ("start_line", "start_col", "end_line", "end_col", "start_offset", "end_offset")

    def __init__(self, start_line, start_col, end_line, end_col, start_offset, end_offset):
        self.start_line = start_line
        self.start_col = start_col
        self.end_line = end_line
        self.end_col = end_col
        self.start_offset = start_offset
        self.end_offset = end_offset

    def __iter__(self):
        return iter((self.start_line, self.start_col, self.end_line, self.end_col,
                     self.start_offset, self.end_offset))

    def __eq__(self, other):
        return isinstance(other, Span) and tuple(self) == tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        return "Span(%d, %d, %d, %d, %d, %d)" % tuple(self)


class Node:
    """Base of all AST nodes. Subclasses define `__slots__` (their ESTree fields) and `fields`.

    Constructors take the fields as keyword arguments (positionally too, in `__slots__` order,
    which the parser uses because it is twice as fast), then `span`; ESTree fields named by
    Python keywords (`async`, `await`) are keyword-only and read with getattr. `span` may be given as a
    Span or, by the parser, as a lazy `(resolver, start_byte, end_byte)` triple that becomes a
    Span on first read: most spans of a large program are never read, and computing lines
    eagerly costs as much as building the nodes."""

    __slots__ = ("_span",)
    fields = ()

    @property
    def span(self):
        span = self._span
        if span.__class__ is tuple:
            span = self._span = Span(*span[0].resolve(span[1], span[2]))
        return span

    @span.setter
    def span(self, value):
        self._span = value

    @property
    def type(self):
        """The ESTree `type` string, which is always the class name."""
        return type(self).__name__

    def __repr__(self):
        parts = ", ".join("%s=%r" % (name, getattr(self, name)) for name in self._data_slots())
        return "%s(%s)" % (type(self).__name__, parts)

    def _data_slots(self):
        return [name for cls in reversed(type(self).__mro__)
                for name in getattr(cls, "__slots__", ()) if name != "_span"]

    def as_dict(self, spans=False):
        """Return the node as plain ESTree JSON-like data (for tests, tools and debugging)."""
        out = {"type": type(self).__name__}
        for name in self._data_slots():
            out[name] = _plain(getattr(self, name), spans)
        if spans and self._span is not None:
            out["span"] = tuple(self.span)
        return out


def _plain(value, spans):
    if isinstance(value, Node):
        return value.as_dict(spans)
    if isinstance(value, list):
        return [_plain(item, spans) for item in value]
    return value


def iter_child_nodes(node):
    """Yield the direct child nodes of `node` in `fields` order, skipping None (array holes,
    absent optional parts)."""
    for name in node.fields:
        value = getattr(node, name)
        if value is None:
            continue
        if isinstance(value, list):
            for item in value:
                if item is not None:
                    yield item
        else:
            yield value


def walk(node):
    """Yield `node` and all its descendants, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = list(iter_child_nodes(current))
        children.reverse()
        stack.extend(children)


# ---------------------------------------------------------------------------------------------
# Program and statements
# ---------------------------------------------------------------------------------------------

class Program(Node):
    __slots__ = ("body", "sourceType", "strict")
    fields = ("body",)

    def __init__(self, body, sourceType="script", strict=False, span=None):
        self.body = body
        self.sourceType = sourceType
        self.strict = strict
        self._span = span


class ExpressionStatement(Node):
    """`directive` is the raw text of a directive-prologue string without its quotes, else None."""

    __slots__ = ("expression", "directive")
    fields = ("expression",)

    def __init__(self, expression, directive=None, span=None):
        self.expression = expression
        self.directive = directive
        self._span = span


class BlockStatement(Node):
    __slots__ = ("body",)
    fields = ("body",)

    def __init__(self, body, span=None):
        self.body = body
        self._span = span


class EmptyStatement(Node):
    __slots__ = ()

    def __init__(self, span=None):
        self._span = span


class DebuggerStatement(Node):
    __slots__ = ()

    def __init__(self, span=None):
        self._span = span


class WithStatement(Node):
    __slots__ = ("object", "body")
    fields = ("object", "body")

    def __init__(self, object, body, span=None):
        self.object = object
        self.body = body
        self._span = span


class ReturnStatement(Node):
    __slots__ = ("argument",)
    fields = ("argument",)

    def __init__(self, argument=None, span=None):
        self.argument = argument
        self._span = span


class LabeledStatement(Node):
    __slots__ = ("label", "body")
    fields = ("label", "body")

    def __init__(self, label, body, span=None):
        self.label = label
        self.body = body
        self._span = span


class BreakStatement(Node):
    __slots__ = ("label",)
    fields = ("label",)

    def __init__(self, label=None, span=None):
        self.label = label
        self._span = span


class ContinueStatement(Node):
    __slots__ = ("label",)
    fields = ("label",)

    def __init__(self, label=None, span=None):
        self.label = label
        self._span = span


class IfStatement(Node):
    __slots__ = ("test", "consequent", "alternate")
    fields = ("test", "consequent", "alternate")

    def __init__(self, test, consequent, alternate=None, span=None):
        self.test = test
        self.consequent = consequent
        self.alternate = alternate
        self._span = span


class SwitchStatement(Node):
    __slots__ = ("discriminant", "cases")
    fields = ("discriminant", "cases")

    def __init__(self, discriminant, cases, span=None):
        self.discriminant = discriminant
        self.cases = cases
        self._span = span


class SwitchCase(Node):
    """`test` is None for `default:`."""

    __slots__ = ("test", "consequent")
    fields = ("test", "consequent")

    def __init__(self, test, consequent, span=None):
        self.test = test
        self.consequent = consequent
        self._span = span


class ThrowStatement(Node):
    __slots__ = ("argument",)
    fields = ("argument",)

    def __init__(self, argument, span=None):
        self.argument = argument
        self._span = span


class TryStatement(Node):
    __slots__ = ("block", "handler", "finalizer")
    fields = ("block", "handler", "finalizer")

    def __init__(self, block, handler=None, finalizer=None, span=None):
        self.block = block
        self.handler = handler
        self.finalizer = finalizer
        self._span = span


class CatchClause(Node):
    """`param` is None for `catch {}` (optional catch binding, es2019)."""

    __slots__ = ("param", "body")
    fields = ("param", "body")

    def __init__(self, param, body, span=None):
        self.param = param
        self.body = body
        self._span = span


class WhileStatement(Node):
    __slots__ = ("test", "body")
    fields = ("test", "body")

    def __init__(self, test, body, span=None):
        self.test = test
        self.body = body
        self._span = span


class DoWhileStatement(Node):
    __slots__ = ("body", "test")
    fields = ("body", "test")

    def __init__(self, body, test, span=None):
        self.body = body
        self.test = test
        self._span = span


class ForStatement(Node):
    """`init` is a VariableDeclaration, an expression or None."""

    __slots__ = ("init", "test", "update", "body")
    fields = ("init", "test", "update", "body")

    def __init__(self, init=None, test=None, update=None, body=None, span=None):
        self.init = init
        self.test = test
        self.update = update
        self.body = body
        self._span = span


class ForInStatement(Node):
    """`left` is a VariableDeclaration (one declarator) or an assignment target/pattern."""

    __slots__ = ("left", "right", "body")
    fields = ("left", "right", "body")

    def __init__(self, left, right, body, span=None):
        self.left = left
        self.right = right
        self.body = body
        self._span = span


class ForOfStatement(Node):
    """`await` is true for `for await (... of ...)`."""

    __slots__ = ("left", "right", "body", "await")
    fields = ("left", "right", "body")

    def __init__(self, left, right, body, span=None, **flags):
        # `await` is a Python keyword, so it can only arrive through **flags.
        self.left = left
        self.right = right
        self.body = body
        setattr(self, "await", bool(flags.pop("await", False)))
        if flags:
            raise TypeError("ForOfStatement got unexpected fields %s" % sorted(flags))
        self._span = span


class VariableDeclaration(Node):
    """`kind` is 'var', 'let' or 'const'."""

    __slots__ = ("declarations", "kind")
    fields = ("declarations",)

    def __init__(self, declarations, kind, span=None):
        self.declarations = declarations
        self.kind = kind
        self._span = span


class VariableDeclarator(Node):
    __slots__ = ("id", "init")
    fields = ("id", "init")

    def __init__(self, id, init=None, span=None):
        self.id = id
        self.init = init
        self._span = span


# ---------------------------------------------------------------------------------------------
# Functions and classes
# ---------------------------------------------------------------------------------------------

class _Function(Node):
    """Shared shape of the three function node types. `expression` is true only for an arrow
    function whose body is an expression; `strict` is true when the function's code is strict
    (its own "use strict" directive, or any enclosing strict code, class body or module)."""

    __slots__ = ("id", "params", "body", "generator", "async", "expression", "strict")
    fields = ("id", "params", "body")

    def __init__(self, id=None, params=None, body=None, generator=False, expression=False,
                 strict=False, span=None, **flags):
        # `async` is a Python keyword, so it can only arrive through **flags.
        self.id = id
        self.params = params if params is not None else []
        self.body = body
        self.generator = generator
        setattr(self, "async", bool(flags.pop("async", False)))
        if flags:
            raise TypeError("%s got unexpected fields %s" % (type(self).__name__, sorted(flags)))
        self.expression = expression
        self.strict = strict
        self._span = span


class FunctionDeclaration(_Function):
    __slots__ = ()


class FunctionExpression(_Function):
    __slots__ = ()


class ArrowFunctionExpression(_Function):
    __slots__ = ()


class ClassDeclaration(Node):
    __slots__ = ("id", "superClass", "body")
    fields = ("id", "superClass", "body")

    def __init__(self, id=None, superClass=None, body=None, span=None):
        self.id = id
        self.superClass = superClass
        self.body = body
        self._span = span


class ClassExpression(Node):
    __slots__ = ("id", "superClass", "body")
    fields = ("id", "superClass", "body")

    def __init__(self, id=None, superClass=None, body=None, span=None):
        self.id = id
        self.superClass = superClass
        self.body = body
        self._span = span


class ClassBody(Node):
    """`body` holds MethodDefinition and PropertyDefinition nodes."""

    __slots__ = ("body",)
    fields = ("body",)

    def __init__(self, body, span=None):
        self.body = body
        self._span = span


class MethodDefinition(Node):
    """`kind` is 'constructor', 'method', 'get' or 'set'; `value` is a FunctionExpression."""

    __slots__ = ("key", "value", "kind", "computed", "static")
    fields = ("key", "value")

    def __init__(self, key, value, kind="method", computed=False, static=False, span=None):
        self.key = key
        self.value = value
        self.kind = kind
        self.computed = computed
        self.static = static
        self._span = span


class StaticBlock(Node):
    """A class static initialization block (`static { ... }`, ES2022). `body` is its
    BlockStatement; `value` is the same statements as the call of a strict arrow, which the
    compiler runs like a static field's initialiser (this = the class) and whose result it drops.
    The early-error checker reads `body` (a static block is no arrow: `return` and `await` are
    errors in it)."""

    __slots__ = ("body", "value")
    fields = ("value",)
    key = None
    computed = False
    static = True

    def __init__(self, body, value, span=None):
        self.body = body
        self.value = value
        self._span = span


class PropertyDefinition(Node):
    """A class field (`x = 1;`, `static y;`, `#z;`); `value` is None without an initializer."""

    __slots__ = ("key", "value", "computed", "static")
    fields = ("key", "value")

    def __init__(self, key, value=None, computed=False, static=False, span=None):
        self.key = key
        self.value = value
        self.computed = computed
        self.static = static
        self._span = span


# ---------------------------------------------------------------------------------------------
# Expressions
# ---------------------------------------------------------------------------------------------

class Identifier(Node):
    """`name` has any \\u escapes of the source already decoded."""

    __slots__ = ("name",)

    def __init__(self, name, span=None):
        self.name = name
        self._span = span


class PrivateIdentifier(Node):
    """`#name` (ES2022): a class element's key, a member's property, or the left of `#x in o`.
    `name` is without the '#'."""

    __slots__ = ("name",)

    def __init__(self, name, span=None):
        self.name = name
        self._span = span


class Literal(Node):
    """`value` is None (null, regex, bigint), bool, float (every number) or str (UTF-16 code
    units as code points: lone surrogates stay). Regex literals set `regex` to
    {'pattern', 'flags'}; BigInt literals set `bigint` to the value's decimal digits."""

    __slots__ = ("value", "raw", "regex", "bigint")

    def __init__(self, value, raw, regex=None, bigint=None, span=None):
        self.value = value
        self.raw = raw
        self.regex = regex
        self.bigint = bigint
        self._span = span


class ThisExpression(Node):
    __slots__ = ()

    def __init__(self, span=None):
        self._span = span


class Super(Node):
    __slots__ = ()

    def __init__(self, span=None):
        self._span = span


class ArrayExpression(Node):
    """`elements` holds expressions, SpreadElement, and None for holes."""

    __slots__ = ("elements",)
    fields = ("elements",)

    def __init__(self, elements, span=None):
        self.elements = elements
        self._span = span


class ObjectExpression(Node):
    """`properties` holds Property and SpreadElement nodes."""

    __slots__ = ("properties",)
    fields = ("properties",)

    def __init__(self, properties, span=None):
        self.properties = properties
        self._span = span


class Property(Node):
    """An object-literal or object-pattern entry. `kind` is 'init', 'get' or 'set'. A shorthand
    property has distinct key and value Identifier nodes with the same name."""

    __slots__ = ("key", "value", "kind", "method", "shorthand", "computed")
    fields = ("key", "value")

    def __init__(self, key, value, kind="init", method=False, shorthand=False,
                 computed=False, span=None):
        self.key = key
        self.value = value
        self.kind = kind
        self.method = method
        self.shorthand = shorthand
        self.computed = computed
        self._span = span


class UnaryExpression(Node):
    __slots__ = ("operator", "argument", "prefix")
    fields = ("argument",)

    def __init__(self, operator, argument, prefix=True, span=None):
        self.operator = operator
        self.prefix = prefix
        self.argument = argument
        self._span = span


class UpdateExpression(Node):
    __slots__ = ("operator", "argument", "prefix")
    fields = ("argument",)

    def __init__(self, operator, argument, prefix, span=None):
        self.operator = operator
        self.argument = argument
        self.prefix = prefix
        self._span = span


class BinaryExpression(Node):
    __slots__ = ("operator", "left", "right")
    fields = ("left", "right")

    def __init__(self, operator, left, right, span=None):
        self.operator = operator
        self.left = left
        self.right = right
        self._span = span


class LogicalExpression(Node):
    """`operator` is '||', '&&' or '??'."""

    __slots__ = ("operator", "left", "right")
    fields = ("left", "right")

    def __init__(self, operator, left, right, span=None):
        self.operator = operator
        self.left = left
        self.right = right
        self._span = span


class AssignmentExpression(Node):
    """`left` is a pattern for '=' and an Identifier or MemberExpression otherwise."""

    __slots__ = ("operator", "left", "right")
    fields = ("left", "right")

    def __init__(self, operator, left, right, span=None):
        self.operator = operator
        self.left = left
        self.right = right
        self._span = span


class ConditionalExpression(Node):
    __slots__ = ("test", "consequent", "alternate")
    fields = ("test", "consequent", "alternate")

    def __init__(self, test, consequent, alternate, span=None):
        self.test = test
        self.consequent = consequent
        self.alternate = alternate
        self._span = span


class CallExpression(Node):
    __slots__ = ("callee", "arguments", "optional")
    fields = ("callee", "arguments")

    def __init__(self, callee, arguments, optional=False, span=None):
        self.callee = callee
        self.arguments = arguments
        self.optional = optional
        self._span = span


class NewExpression(Node):
    __slots__ = ("callee", "arguments")
    fields = ("callee", "arguments")

    def __init__(self, callee, arguments, span=None):
        self.callee = callee
        self.arguments = arguments
        self._span = span


class MemberExpression(Node):
    """`property` is an Identifier when not `computed`; `optional` marks a `?.` link."""

    __slots__ = ("object", "property", "computed", "optional")
    fields = ("object", "property")

    def __init__(self, object, property, computed=False, optional=False, span=None):
        self.object = object
        self.property = property
        self.computed = computed
        self.optional = optional
        self._span = span


class ChainExpression(Node):
    """Wraps the outermost member/call of an optional chain (`a?.b.c` is one chain)."""

    __slots__ = ("expression",)
    fields = ("expression",)

    def __init__(self, expression, span=None):
        self.expression = expression
        self._span = span


class SequenceExpression(Node):
    __slots__ = ("expressions",)
    fields = ("expressions",)

    def __init__(self, expressions, span=None):
        self.expressions = expressions
        self._span = span


class YieldExpression(Node):
    __slots__ = ("argument", "delegate")
    fields = ("argument",)

    def __init__(self, argument=None, delegate=False, span=None):
        self.argument = argument
        self.delegate = delegate
        self._span = span


class AwaitExpression(Node):
    __slots__ = ("argument",)
    fields = ("argument",)

    def __init__(self, argument, span=None):
        self.argument = argument
        self._span = span


class TemplateLiteral(Node):
    """`quasis` has one more element than `expressions`; in the source they alternate, starting
    and ending with a quasi (iter_child_nodes yields all quasis, then all expressions)."""

    __slots__ = ("quasis", "expressions")
    fields = ("quasis", "expressions")

    def __init__(self, quasis, expressions, span=None):
        self.quasis = quasis
        self.expressions = expressions
        self._span = span


class TemplateElement(Node):
    """`value` is {'cooked': str or None, 'raw': str}; cooked is None only in tagged templates
    with an invalid escape. `raw` has CR and CRLF normalised to LF, as the spec requires."""

    __slots__ = ("value", "tail")

    def __init__(self, value, tail, span=None):
        self.value = value
        self.tail = tail
        self._span = span


class TaggedTemplateExpression(Node):
    __slots__ = ("tag", "quasi")
    fields = ("tag", "quasi")

    def __init__(self, tag, quasi, span=None):
        self.tag = tag
        self.quasi = quasi
        self._span = span


class MetaProperty(Node):
    """`new.target` (meta and property are Identifiers)."""

    __slots__ = ("meta", "property")
    fields = ("meta", "property")

    def __init__(self, meta, property, span=None):
        self.meta = meta
        self.property = property
        self._span = span


class ImportExpression(Node):
    """Dynamic `import(source)` (es2020)."""

    __slots__ = ("source",)
    fields = ("source",)

    def __init__(self, source, span=None):
        self.source = source
        self._span = span


class SpreadElement(Node):
    __slots__ = ("argument",)
    fields = ("argument",)

    def __init__(self, argument, span=None):
        self.argument = argument
        self._span = span


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

class ObjectPattern(Node):
    """`properties` holds Property nodes (value is a pattern) and a final RestElement."""

    __slots__ = ("properties",)
    fields = ("properties",)

    def __init__(self, properties, span=None):
        self.properties = properties
        self._span = span


class ArrayPattern(Node):
    """`elements` holds patterns, None for holes, and a final RestElement."""

    __slots__ = ("elements",)
    fields = ("elements",)

    def __init__(self, elements, span=None):
        self.elements = elements
        self._span = span


class RestElement(Node):
    __slots__ = ("argument",)
    fields = ("argument",)

    def __init__(self, argument, span=None):
        self.argument = argument
        self._span = span


class AssignmentPattern(Node):
    __slots__ = ("left", "right")
    fields = ("left", "right")

    def __init__(self, left, right, span=None):
        self.left = left
        self.right = right
        self._span = span


# Every concrete node class, by ESTree type name (an explicit list, so nothing registers itself).
NODE_TYPES = {cls.__name__: cls for cls in (
    Program, ExpressionStatement, BlockStatement, EmptyStatement, DebuggerStatement,
    WithStatement, ReturnStatement, LabeledStatement, BreakStatement, ContinueStatement,
    IfStatement, SwitchStatement, SwitchCase, ThrowStatement, TryStatement, CatchClause,
    WhileStatement, DoWhileStatement, ForStatement, ForInStatement, ForOfStatement,
    VariableDeclaration, VariableDeclarator, FunctionDeclaration, FunctionExpression,
    ArrowFunctionExpression, ClassDeclaration, ClassExpression, ClassBody, MethodDefinition,
    PropertyDefinition, StaticBlock, Identifier, PrivateIdentifier, Literal, ThisExpression, Super, ArrayExpression,
    ObjectExpression, Property, UnaryExpression, UpdateExpression, BinaryExpression,
    LogicalExpression, AssignmentExpression, ConditionalExpression, CallExpression,
    NewExpression, MemberExpression, ChainExpression, SequenceExpression, YieldExpression,
    AwaitExpression, TemplateLiteral, TemplateElement, TaggedTemplateExpression, MetaProperty,
    ImportExpression, SpreadElement, ObjectPattern, ArrayPattern, RestElement, AssignmentPattern,
)}
