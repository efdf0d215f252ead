"""AST shape: every ESTree node type the front end produces, its fields, spans and strictness."""

import pytest

from jsthreads.parse import JSSyntaxError, parse
from jsthreads.parse import ast as js


def body(source, **options):
    return parse(source, **options).body


def first(source, **options):
    return body(source, **options)[0]


def expr(source, **options):
    statement = first(source, **options)
    assert isinstance(statement, js.ExpressionStatement)
    return statement.expression


def names(nodes):
    return [type(n).__name__ if n is not None else None for n in nodes]


# --------------------------------------------------------------------------- program, statements

def test_program_fields_and_span():
    program = parse("a;\nb;")
    assert isinstance(program, js.Program)
    assert program.sourceType == "script"
    assert program.strict is False
    assert tuple(program.span) == (1, 1, 2, 3, 0, 5)
    assert names(program.body) == ["ExpressionStatement", "ExpressionStatement"]


def test_module_program_is_strict():
    program = parse("x = 1", module=True)
    assert program.sourceType == "module"
    assert program.strict is True


def test_directive_prologue():
    statements = body('"use strict"; \'other\'; "not" + 1; "late";')
    assert [s.directive for s in statements] == ["use strict", "other", None, None]
    assert parse('"use strict"').strict is True
    assert parse('("use strict")').strict is False
    assert parse('"use\\x20strict"').strict is False


def test_simple_statements():
    statements = body("{} ; debugger; with (o) x; throw e;")
    assert names(statements) == ["BlockStatement", "EmptyStatement", "DebuggerStatement",
                                 "WithStatement", "ThrowStatement"]
    assert isinstance(statements[3].object, js.Identifier)
    assert statements[4].argument.name == "e"


def test_if_statement():
    node = first("if (a) b; else c;")
    assert isinstance(node, js.IfStatement)
    assert node.test.name == "a"
    assert isinstance(node.consequent, js.ExpressionStatement)
    assert isinstance(node.alternate, js.ExpressionStatement)
    assert first("if (a) b;").alternate is None


def test_loops():
    w, d, f, fi, fo = body("while (a) b; do c; while (d); for (let i = 0; i < n; i++) ;"
                           "for (k in o) ; for (const v of it) ;")
    assert isinstance(w, js.WhileStatement) and w.test.name == "a"
    assert isinstance(d, js.DoWhileStatement) and d.test.name == "d"
    assert isinstance(f, js.ForStatement)
    assert isinstance(f.init, js.VariableDeclaration) and f.init.kind == "let"
    assert isinstance(f.test, js.BinaryExpression) and isinstance(f.update, js.UpdateExpression)
    assert isinstance(fi, js.ForInStatement) and fi.left.name == "k"
    assert isinstance(fo, js.ForOfStatement) and getattr(fo, "await") is False
    assert fo.left.kind == "const" and fo.left.declarations[0].id.name == "v"
    empty = first("for (;;) {}")
    assert empty.init is None and empty.test is None and empty.update is None


def test_for_await():
    loop = first("async function f() { for await (x of y) ; }").body.body[0]
    assert isinstance(loop, js.ForOfStatement) and getattr(loop, "await") is True


def test_for_in_of_heads_with_patterns():
    loop = first("for ([a, b] of c) ;")
    assert isinstance(loop.left, js.ArrayPattern)
    loop = first("for (let [a, b] of c) ;")
    assert isinstance(loop.left.declarations[0].id, js.ArrayPattern)
    loop = first("for (var x = 1 in o) ;")
    assert loop.left.declarations[0].init.value == 1.0


def test_labels_break_continue():
    node = first("outer: for (;;) { break outer; continue outer; break; }")
    assert isinstance(node, js.LabeledStatement) and node.label.name == "outer"
    inner = node.body.body.body
    assert names(inner) == ["BreakStatement", "ContinueStatement", "BreakStatement"]
    assert inner[0].label.name == "outer" and inner[2].label is None


def test_switch():
    node = first("switch (x) { case 1: a; b; default: c }")
    assert isinstance(node, js.SwitchStatement) and node.discriminant.name == "x"
    assert [len(c.consequent) for c in node.cases] == [2, 1]
    assert node.cases[0].test.value == 1.0 and node.cases[1].test is None


def test_try_catch_finally():
    node = first("try { a } catch (e) { b } finally { c }")
    assert isinstance(node.handler, js.CatchClause) and node.handler.param.name == "e"
    assert isinstance(node.finalizer, js.BlockStatement)
    assert first("try {} catch {}").handler.param is None
    assert isinstance(first("try {} catch ({a}) {}").handler.param, js.ObjectPattern)


def test_return():
    fn = first("function f() { return; return a, b; }")
    empty, full = fn.body.body
    assert empty.argument is None
    assert isinstance(full.argument, js.SequenceExpression)


def test_variable_declarations():
    node = first("var a = 1, b;")
    assert isinstance(node, js.VariableDeclaration) and node.kind == "var"
    assert [d.id.name for d in node.declarations] == ["a", "b"]
    assert node.declarations[1].init is None
    assert first("const c = 1;").kind == "const"


# --------------------------------------------------------------------------- functions, classes

def test_function_declaration_fields():
    fn = first("function f(a, b = 1, ...c) { return a; }")
    assert isinstance(fn, js.FunctionDeclaration)
    assert fn.id.name == "f"
    assert names(fn.params) == ["Identifier", "AssignmentPattern", "RestElement"]
    assert fn.generator is False and getattr(fn, "async") is False
    assert fn.expression is False and fn.strict is False
    assert isinstance(fn.body, js.BlockStatement)


def test_generator_and_async_flags():
    gen = first("function* g() { yield 1; yield* x; yield; }")
    assert gen.generator is True
    y1, y2, y3 = [s.expression for s in gen.body.body]
    assert isinstance(y1, js.YieldExpression) and y1.delegate is False
    assert y2.delegate is True and y3.argument is None
    fn = first("async function f() { await x; }")
    assert getattr(fn, "async") is True
    assert isinstance(fn.body.body[0].expression, js.AwaitExpression)
    assert getattr(expr("(async function* () {})"), "async") is True


def test_function_expression_and_arrows():
    fn = expr("(function named() {})")
    assert isinstance(fn, js.FunctionExpression) and fn.id.name == "named"
    arrow = expr("(a, b) => a + b")
    assert isinstance(arrow, js.ArrowFunctionExpression)
    assert arrow.expression is True and isinstance(arrow.body, js.BinaryExpression)
    assert arrow.id is None
    block = expr("x => { return x }")
    assert block.expression is False and names(block.params) == ["Identifier"]
    assert getattr(expr("async x => x"), "async") is True
    assert isinstance(expr("() => ({})").body, js.ObjectExpression)


def test_strict_flags():
    outer = first('function a() { "use strict"; function b() {} }')
    assert outer.strict is True and outer.body.body[1].strict is True
    assert body("function c() {}")[0].strict is False
    program = parse('"use strict"; function d() { return () => 1; }')
    fn = program.body[1]
    assert fn.strict is True and fn.body.body[0].argument.strict is True
    method = first("class A { m() {} }").body.body[0].value
    assert method.strict is True
    assert first("function e() {}", module=True).strict is True


def test_class_declaration_and_members():
    cls = first("class A extends B { constructor() { super(); } static s() {} get g() {}"
                " set g(v) {} [k]() {} x = 1; static y; 'str'() {} }")
    assert isinstance(cls, js.ClassDeclaration) and cls.id.name == "A"
    assert cls.superClass.name == "B"
    members = cls.body.body
    assert isinstance(cls.body, js.ClassBody)
    assert [(type(m).__name__, getattr(m, "kind", None), m.static, m.computed)
            for m in members] == [
        ("MethodDefinition", "constructor", False, False),
        ("MethodDefinition", "method", True, False),
        ("MethodDefinition", "get", False, False),
        ("MethodDefinition", "set", False, False),
        ("MethodDefinition", "method", False, True),
        ("PropertyDefinition", None, False, False),
        ("PropertyDefinition", None, True, False),
        ("MethodDefinition", "method", False, False),
    ]
    assert isinstance(members[0].value, js.FunctionExpression)
    assert members[5].value.value == 1.0 and members[6].value is None
    assert isinstance(members[7].key, js.Literal)
    call = members[0].value.body.body[0].expression
    assert isinstance(call, js.CallExpression) and isinstance(call.callee, js.Super)


def test_class_expression():
    cls = expr("(class {})")
    assert isinstance(cls, js.ClassExpression) and cls.id is None and cls.superClass is None


# --------------------------------------------------------------------------- expressions

def test_primary_expressions():
    this, ident, arr, obj = [s.expression for s in body("this; x; [1, , ...a,]; ({});")]
    assert isinstance(this, js.ThisExpression)
    assert isinstance(ident, js.Identifier) and ident.name == "x"
    assert names(arr.elements) == ["Literal", None, "SpreadElement"]
    assert isinstance(obj, js.ObjectExpression) and obj.properties == []
    assert expr("undefined").name == "undefined"


def test_object_properties():
    obj = expr("({a, b: 1, [c]: 2, get d() {}, set e(v) {}, f() {}, async *g() {}, ...h,"
               " 'i': 3, 4: 5})")
    p = obj.properties
    assert [(q.kind, q.method, q.shorthand, q.computed) for q in p if isinstance(q, js.Property)] \
        == [("init", False, True, False), ("init", False, False, False),
            ("init", False, False, True), ("get", False, False, False),
            ("set", False, False, False), ("init", True, False, False),
            ("init", True, False, False), ("init", False, False, False),
            ("init", False, False, False)]
    assert isinstance(p[7], js.SpreadElement)
    shorthand = p[0]
    assert shorthand.key.name == shorthand.value.name == "a"
    assert shorthand.key is not shorthand.value
    gen = p[6].value
    assert gen.generator is True and getattr(gen, "async") is True
    assert p[8].key.value == "i" and p[9].key.value == 4.0


def test_unary_update_binary_logical():
    unary, update, post, binary, logical, nullish = [
        s.expression for s in body("typeof x; ++a; b--; 1 + 2 * 3; a && b || c; a ?? b;")]
    assert isinstance(unary, js.UnaryExpression) and unary.operator == "typeof"
    assert unary.prefix is True
    assert isinstance(update, js.UpdateExpression) and update.prefix is True
    assert post.prefix is False and post.operator == "--"
    assert binary.operator == "+" and binary.right.operator == "*"
    assert isinstance(logical, js.LogicalExpression) and logical.operator == "||"
    assert logical.left.operator == "&&"
    assert isinstance(nullish, js.LogicalExpression) and nullish.operator == "??"
    assert expr("(-x) ** 2").operator == "**"
    assert expr("a ** b ** c").right.operator == "**"


def test_long_operator_chain_does_not_recurse():
    node = expr(" + ".join(["x"] * 30000))
    depth = 0
    while isinstance(node, js.BinaryExpression):
        node = node.left
        depth += 1
    assert depth == 29999


@pytest.mark.parametrize("operator", ["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=",
                                      ">>>=", "&=", "|=", "^=", "&&=", "||=", "??="])
def test_assignment_operators(operator):
    node = expr("a %s b" % operator)
    assert isinstance(node, js.AssignmentExpression) and node.operator == operator


def test_conditional_and_sequence():
    cond = expr("a ? b : c")
    assert isinstance(cond, js.ConditionalExpression) and cond.alternate.name == "c"
    seq = expr("a, b, c")
    assert isinstance(seq, js.SequenceExpression) and len(seq.expressions) == 3


def test_calls_members_new():
    call = expr("f(a, ...b)")
    assert isinstance(call, js.CallExpression) and call.optional is False
    assert names(call.arguments) == ["Identifier", "SpreadElement"]
    member = expr("a.b[c]")
    assert isinstance(member, js.MemberExpression) and member.computed is True
    assert member.object.computed is False and member.object.property.name == "b"
    new = expr("new A(1)")
    assert isinstance(new, js.NewExpression) and len(new.arguments) == 1
    assert expr("new A").arguments == []
    assert expr("a.if").property.name == "if"


def test_optional_chains():
    chain = expr("a?.b.c(1)?.[d]")
    assert isinstance(chain, js.ChainExpression)
    outer = chain.expression
    assert isinstance(outer, js.MemberExpression) and outer.optional is True
    call = outer.object
    assert isinstance(call, js.CallExpression) and call.optional is False
    assert call.callee.object.optional is True
    assert expr("a?.()").expression.optional is True
    # Parentheses end a chain: the member access outside is not part of it.
    outside = expr("(a?.b).c")
    assert isinstance(outside, js.MemberExpression)
    assert isinstance(outside.object, js.ChainExpression)
    assert not isinstance(expr("a.b"), js.ChainExpression)


def test_templates():
    tpl = expr("`a${b}c${d}e`")
    assert isinstance(tpl, js.TemplateLiteral)
    assert [q.value["cooked"] for q in tpl.quasis] == ["a", "c", "e"]
    assert [q.tail for q in tpl.quasis] == [False, False, True]
    assert [e.name for e in tpl.expressions] == ["b", "d"]
    tagged = expr("tag`x${1}`")
    assert isinstance(tagged, js.TaggedTemplateExpression) and tagged.tag.name == "tag"
    assert tagged.quasi.quasis[0].value == {"cooked": "x", "raw": "x"}


def test_meta_property_super_import():
    fn = first("function f() { new.target; }")
    meta = fn.body.body[0].expression
    assert isinstance(meta, js.MetaProperty)
    assert (meta.meta.name, meta.property.name) == ("new", "target")
    method = expr("({ m() { return super.x; } })").properties[0].value
    member = method.body.body[0].argument
    assert isinstance(member.object, js.Super)
    dynamic = expr("import('m')")
    assert isinstance(dynamic, js.ImportExpression) and dynamic.source.value == "m"


def test_yield_and_await_as_identifiers_in_sloppy_scripts():
    assert expr("yield").name == "yield"
    call = expr("await(1)")
    assert isinstance(call, js.CallExpression) and call.callee.name == "await"
    assert body("var await; await;")[1].expression.name == "await"


def test_await_reinterpreted_in_async_functions():
    fn = first("async function f() { await (a, b).c; await [1]; }")
    first_await, second = [s.expression for s in fn.body.body]
    assert isinstance(first_await, js.AwaitExpression)
    assert isinstance(first_await.argument, js.MemberExpression)
    assert isinstance(first_await.argument.object, js.SequenceExpression)
    assert isinstance(second.argument, js.ArrayExpression)


# --------------------------------------------------------------------------- patterns

def test_binding_patterns():
    decl = first("let {a, b: [c = 1, ...d], ...e} = f;").declarations[0]
    pattern = decl.id
    assert isinstance(pattern, js.ObjectPattern)
    a, b, rest = pattern.properties
    assert a.shorthand is True and isinstance(rest, js.RestElement)
    array = b.value
    assert isinstance(array, js.ArrayPattern)
    assert names(array.elements) == ["AssignmentPattern", "RestElement"]
    holes = first("var [, x, , y] = z;").declarations[0].id
    assert names(holes.elements) == [None, "Identifier", None, "Identifier"]


def test_assignment_patterns():
    node = expr("[a.b, c[0], ...d.e] = x")
    assert isinstance(node.left, js.ArrayPattern)
    assert names(node.left.elements) == ["MemberExpression", "MemberExpression", "RestElement"]
    node = expr("({a = 1, b: {c}, ...d} = y)")
    props = node.left.properties
    assert isinstance(props[0].value, js.AssignmentPattern) and props[0].shorthand is True
    assert isinstance(props[1].value, js.ObjectPattern)
    assert isinstance(props[2], js.RestElement)
    node = expr("[a, [b] = c] = d")
    assert names(node.left.elements) == ["Identifier", "AssignmentPattern"]


def test_parameter_patterns():
    fn = expr("({a}, [b], c = 1, ...d) => 0")
    assert names(fn.params) == ["ObjectPattern", "ArrayPattern", "AssignmentPattern",
                                "RestElement"]


# --------------------------------------------------------------------------- misreadings fixed

def test_block_that_looks_like_an_object():
    statements = body("{a: 1}\n[0];")
    assert names(statements) == ["BlockStatement", "ExpressionStatement"]
    label = statements[0].body[0]
    assert isinstance(label, js.LabeledStatement) and label.label.name == "a"
    assert isinstance(statements[1].expression, js.ArrayExpression)
    assert names(body("{}{x: 42};")) == ["BlockStatement", "BlockStatement", "EmptyStatement"]


def test_let_bracket_in_for_of_head_is_a_declaration():
    loop = first("async function f() { for await (let [x] of y) ; }").body.body[0]
    assert loop.left.kind == "let" and isinstance(loop.left.declarations[0].id, js.ArrayPattern)


# --------------------------------------------------------------------------- node helpers

def test_fields_and_iter_child_nodes_in_source_order():
    node = expr("a ? b : c")
    assert js.ConditionalExpression.fields == ("test", "consequent", "alternate")
    assert [n.name for n in js.iter_child_nodes(node)] == ["a", "b", "c"]
    array = expr("[x, , y]")
    assert [n.name for n in js.iter_child_nodes(array)] == ["x", "y"]
    assert list(js.iter_child_nodes(js.Identifier(name="z"))) == []


def test_walk_visits_everything():
    program = parse("function f(a) { return a + 1; }")
    kinds = [n.type for n in js.walk(program)]
    assert kinds[:3] == ["Program", "FunctionDeclaration", "Identifier"]
    assert "BinaryExpression" in kinds and "Literal" in kinds


def test_every_node_type_is_listed_with_slots():
    for name, cls in js.NODE_TYPES.items():
        assert cls.__name__ == name
        assert not hasattr(cls, "__dict__") or "__slots__" in cls.__dict__
        for field in cls.fields:
            assert any(field in getattr(k, "__slots__", ()) for k in cls.__mro__), (name, field)


def test_constructors_take_keywords_and_spans():
    span = js.Span(1, 2, 1, 5, 1, 4)
    node = js.BinaryExpression(operator="+", left=js.Identifier(name="a"),
                               right=js.Literal(value=1.0, raw="1"), span=span)
    assert node.span is span and node.left.span is None
    node.span = js.Span(2, 1, 2, 2, 9, 10)
    assert node.span.start_line == 2
    loop = js.ForOfStatement(left=None, right=None, body=None, **{"await": True})
    assert getattr(loop, "await") is True
    fn = js.FunctionExpression(params=[], body=None, **{"async": True})
    assert getattr(fn, "async") is True and fn.generator is False
    with pytest.raises(AttributeError):
        node.not_a_field = 1


def test_as_dict_is_estree_like():
    data = expr("a.b").as_dict()
    assert data["type"] == "MemberExpression"
    assert data["object"] == {"type": "Identifier", "name": "a"}
    assert data["computed"] is False and data["optional"] is False


# --------------------------------------------------------------------------- spans

def test_spans_are_one_based_and_exclusive():
    statement = first("  foo(bar);")
    call = statement.expression
    assert tuple(call.span) == (1, 3, 1, 11, 2, 10)
    assert tuple(call.arguments[0].span) == (1, 7, 1, 10, 6, 9)
    assert tuple(statement.span) == (1, 3, 1, 12, 2, 11)


def test_spans_across_lines():
    fn = first("function f() {\n  return 1;\n}")
    ret = fn.body.body[0]
    assert (ret.span.start_line, ret.span.start_col) == (2, 3)
    assert (fn.span.end_line, fn.span.end_col) == (3, 2)


def test_spans_count_characters_not_bytes():
    source = "'é😀'; x; /* ü */ y"
    x, y = [s.expression for s in body(source)[1:]]
    assert source[x.span.start_offset:x.span.end_offset] == "x"
    assert (x.span.start_line, x.span.start_col) == (1, 7)
    assert source[y.span.start_offset:y.span.end_offset] == "y"
    assert y.span.start_col == source.index("y") + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\u2029"])
def test_every_line_terminator_starts_a_line(newline):
    node = body("a;" + newline + "  b;")[1]
    assert (node.span.start_line, node.span.start_col) == (2, 3)


def test_template_element_spans_cover_the_text():
    source = "`ab${c}de`"
    quasis = expr(source).quasis
    assert [source[q.span.start_offset:q.span.end_offset] for q in quasis] == ["ab", "de"]


def test_syntax_error_is_not_swallowed_by_ast_helpers():
    with pytest.raises(JSSyntaxError):
        parse("a +")


# --------------------------------------------------------------------------- grammar repairs

def test_using_is_an_identifier():
    statements = body("function using(a) {} using(1); using = 2; using.x = 3; using\nx = 4;")
    assert statements[1].expression.callee.name == "using"
    assert statements[2].expression.left.name == "using"
    assert names(statements[-2:]) == ["ExpressionStatement", "ExpressionStatement"]


def test_sloppy_yield_is_an_identifier():
    statements = body("var yield = 1; yield = 2; yield: ; f(yield); var af = yield => 1;")
    assert statements[0].declarations[0].id.name == "yield"
    assert statements[1].expression.left.name == "yield"
    assert isinstance(statements[2], js.LabeledStatement)
    assert statements[4].declarations[0].init.params[0].name == "yield"


def test_multi_line_comment_counts_as_a_line_break_for_asi():
    statements = body("x = 1 /*\n*/ 'a'")
    assert names(statements) == ["ExpressionStatement", "ExpressionStatement"]


def test_line_break_after_return_and_yield_ends_them():
    fn = first("function f() { return\n(1); }")
    assert names(fn.body.body) == ["ReturnStatement", "ExpressionStatement"]
    assert fn.body.body[0].argument is None
    gen = first("function* g() { yield\n[1]; }")
    assert gen.body.body[0].expression.argument is None
    assert isinstance(gen.body.body[1].expression, js.ArrayExpression)


def test_raw_nul_characters_in_strings():
    assert expr("'a\x00b'").value == "a\x00b"


def test_let_line_break_binding_is_a_declaration():
    statements = body("var let; let\nx = 1;")
    assert names(statements) == ["VariableDeclaration", "VariableDeclaration"]
    assert statements[1].kind == "let" and statements[1].declarations[0].id.name == "x"


def test_a_lone_carriage_return_ends_lines_and_comments():
    """ES2020 11.3: CR alone is a line terminator, for ASI and for ending a // comment."""
    program = parse("var a = 1\r var b = 2 // note\r a = b\r\n")
    assert [type(s).__name__ for s in program.body] == ["VariableDeclaration", "VariableDeclaration",
                                                      "ExpressionStatement"]
