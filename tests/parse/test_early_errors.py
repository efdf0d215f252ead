"""Early errors: each class of error gives V8's message at the offending line:column, and the
nearby valid forms still parse."""

import pytest

from jsthreads.parse import JSSyntaxError, parse


def error_of(source, **options):
    with pytest.raises(JSSyntaxError) as info:
        parse(source, **options)
    return info.value


DUP = "Identifier '%s' has already been declared"

# (source, message, line, column)
EARLY_ERRORS = [
    # Duplicate declarations.
    ("let a; let a;", DUP % "a", 1, 12),
    ("let a; var a;", DUP % "a", 1, 12),
    ("var a; let a;", DUP % "a", 1, 12),
    ("{ var a; } let a;", DUP % "a", 1, 16),
    ("function f() { let a; { var a; } }", DUP % "a", 1, 29),
    ("const a = 1; function a() {}", DUP % "a", 1, 23),
    ("class A {}\nclass A {}", DUP % "A", 2, 7),
    ("try {} catch (e) { let e; }", DUP % "e", 1, 24),
    ("try {} catch ([e]) { var e; }", DUP % "e", 1, 26),
    ("try {} catch (e) { for (var e of []); }", DUP % "e", 1, 29),
    ("function f(a) { let a; }", DUP % "a", 1, 21),
    ("switch (x) { case 1: let a; case 2: let a; }", DUP % "a", 1, 41),
    ('"use strict"; { function f() {} function f() {} }', DUP % "f", 1, 42),
    ("{ function* f() {} function f() {} }", DUP % "f", 1, 29),
    ("for (let x of y) { var x; }", DUP % "x", 1, 24),
    ("const [a, a] = b;", DUP % "a", 1, 11),
    ("let let = 1;", "let is disallowed as a lexically bound name", 1, 5),
    # Jumps and labels.
    ("break;", "Illegal break statement", 1, 1),
    ("continue;", "Illegal continue statement: no surrounding iteration statement", 1, 1),
    ("while (1) { continue foo; }", "Undefined label 'foo'", 1, 22),
    ("foo: { continue foo; }",
     "Illegal continue statement: 'foo' does not denote an iteration statement", 1, 8),
    ("a: a: ;", "Label 'a' has already been declared", 1, 4),
    ("x: while (1) { (function () { break x; }); }", "Undefined label 'x'", 1, 37),
    ("switch (1) { default: default: }", "More than one default clause in switch statement",
     1, 23),
    # Assignment targets.
    ("1 = 2", "Invalid left-hand side in assignment", 1, 1),
    ("a + b = c", "Invalid left-hand side in assignment", 1, 5),
    ("++1", "Invalid left-hand side expression in prefix operation", 1, 3),
    ("(a, b) = 1", "Invalid left-hand side in assignment", 1, 1),
    ("({a}) = 1", "Invalid left-hand side in assignment", 1, 1),
    ("a?.b = 1", "Invalid left-hand side in assignment", 1, 1),
    ("f() = 1", "Invalid left-hand side in assignment", 1, 1),
    ("f()++", "Invalid left-hand side expression in postfix operation", 1, 1),
    ("[...a, b] = c", "Rest element must be last element", 1, 2),
    ("({...{a}} = x)", "`...` must be followed by an assignable reference in assignment "
     "contexts", 1, 3),
    ("[a.b()] = c", "Invalid left-hand side in assignment", 1, 1),
    ("for ((a + b) in c);", "Invalid left-hand side in for-loop", 1, 6),
    ("for (let of x);", "The left-hand side of a for-of loop may not be 'let'.", 1, 6),
    ("let\nlet = 1;", "let is disallowed as a lexically bound name", 2, 1),
    # Declarations.
    ("const a;", "Missing initializer in const declaration", 1, 7),
    ("let [a];", "Missing initializer in destructuring declaration", 1, 5),
    ("for (var a = 1 of c);", "for-of loop variable declaration may not have an initializer.",
     1, 10),
    ('"use strict"; for (var a = 1 in c);',
     "for-in loop variable declaration may not have an initializer.", 1, 24),
    ("if (1) let x = 1;", "Lexical declaration cannot appear in a single-statement context", 1, 8),
    ("if (1) class A {}", "Unexpected token 'class'", 1, 8),
    ("while (1) function f() {}", "In non-strict mode code, functions can only be declared at "
     "top level, inside a block, or as the body of an if statement.", 1, 11),
    ('"use strict"; if (1) function f() {}', "In strict mode code, functions can only be "
     "declared at top level or inside a block.", 1, 22),
    ("label: function* g() {}",
     "Generators can only be declared at the top level or inside a block.", 1, 8),
    # Context: return, super, new.target, yield, await.
    ("return;", "Illegal return statement", 1, 1),
    ("function f() { super(); }", "'super' keyword unexpected here", 1, 16),
    ("class A { constructor() { super(); } }", "'super' keyword unexpected here", 1, 27),
    ("({ m() { super(); } })", "'super' keyword unexpected here", 1, 10),
    ("function f() { super.x; }", "'super' keyword unexpected here", 1, 16),
    ("class A extends B { x = super(); }", "'super' keyword unexpected here", 1, 25),
    ("new.target", "new.target expression is not allowed here", 1, 1),
    ("() => new.target", "new.target expression is not allowed here", 1, 7),
    ("function f() { await x; }",
     "await is only valid in async functions and the top level bodies of modules", 1, 16),
    ("async function f() { var await; }", "Unexpected reserved word", 1, 26),
    ("async function f(a = await 1) {}",
     "Illegal await-expression in formal parameters of async function", 1, 22),
    ("(async function await() {})", "Unexpected reserved word", 1, 17),
    ("function* g(a = yield) {}", "Yield expression not allowed in formal parameter", 1, 17),
    ("function* g() { (a = yield) => 1; }", "Yield expression not allowed in formal parameter",
     1, 22),
    ("function* g() { var yield; }", "Unexpected identifier 'yield'", 1, 21),
    ("(function* yield() {})", "Unexpected identifier 'yield'", 1, 12),
    ("function f() { yield 1 }", "Unexpected number", 1, 22),
    # Classes.
    ("class A { static prototype() {} }",
     "Classes may not have a static property named 'prototype'", 1, 18),
    ("class A { static prototype = 1 }",
     "Classes may not have a static property named 'prototype'", 1, 18),
    ("class A { constructor() {} constructor() {} }", "A class may only have one constructor",
     1, 28),
    ("class A { get constructor() {} }", "Class constructor may not be an accessor", 1, 15),
    ("class A { *constructor() {} }", "Class constructor may not be a generator", 1, 12),
    ("class A { async constructor() {} }", "Class constructor may not be an async method",
     1, 17),
    ("class A { constructor = 1 }", "Classes may not have a field named 'constructor'", 1, 11),
    ("class A { x = arguments }", "'arguments' is not allowed in class field initializer or "
     "static initialization block", 1, 15),
    # Object literals and functions.
    ("({__proto__: 1, __proto__: 2})",
     "Duplicate __proto__ fields are not allowed in object literals", 1, 17),
    ("({get a(b) {}})", "Getter must not have any formal parameters.", 1, 9),
    ("({set a() {}})", "Setter must have exactly one formal parameter.", 1, 8),
    ("({set a(...b) {}})", "Setter function argument must not be a rest parameter", 1, 9),
    ("function f(...a,) {}", "Rest parameter must be last formal parameter", 1, 16),
    ("function f(a, ...b, c) {}", "Rest parameter must be last formal parameter", 1, 19),
    ("(a, a) => 1", "Duplicate parameter name not allowed in this context", 1, 5),
    ("({ m(a, a) {} })", "Duplicate parameter name not allowed in this context", 1, 9),
    ("function f(a = 1) { \"use strict\"; }",
     "Illegal 'use strict' directive in function with non-simple parameter list", 1, 21),
    # Operators.
    ("-x ** 2", "Unary operator used immediately before exponentiation expression. "
     "Parenthesis must be used to disambiguate operator precedence", 1, 1),
    ("a ?? b || c", "Unexpected token '||'", 1, 8),
    ("a || b ?? c", "Unexpected token '??'", 1, 8),
    ("new a?.b()", "Invalid optional chain from new expression", 1, 5),
    ("a?.b`x`", "Invalid tagged template on optional chain", 1, 5),
    # Strict mode.
    ("enum = 1", "Unexpected reserved word", 1, 1),
    ('"use strict"; implements = 1', "Unexpected strict mode reserved word", 1, 15),
    ('"use strict"; var let;', "Unexpected strict mode reserved word", 1, 19),
    ("class static {}", "Unexpected strict mode reserved word", 1, 7),
    ('"use strict"; eval = 1;', "Unexpected eval or arguments in strict mode", 1, 15),
    ('"use strict"; arguments++;', "Unexpected eval or arguments in strict mode", 1, 15),
    ('"use strict"; function eval() {}', "Unexpected eval or arguments in strict mode", 1, 24),
    ('"use strict"; ({eval} = 1)', "Unexpected eval or arguments in strict mode", 1, 17),
    ('"use strict"; try {} catch (arguments) {}',
     "Unexpected eval or arguments in strict mode", 1, 29),
    ("function eval() { \"use strict\"; }", "Unexpected eval or arguments in strict mode", 1, 10),
    ('"use strict"; delete x;', "Delete of an unqualified identifier in strict mode.", 1, 15),
    ('"use strict"; delete ((x));', "Delete of an unqualified identifier in strict mode.", 1, 15),
    ('"use strict"; with (a) {}', "Strict mode code may not include a with statement", 1, 15),
    ('function f(a, a) { "use strict"; }',
     "Duplicate parameter name not allowed in this context", 1, 15),
    ("var x = 1; with (x) {}", "Strict mode code may not include a with statement", 1, 12),
]


@pytest.mark.parametrize("source, message, line, column", EARLY_ERRORS[:-1])
def test_early_error(source, message, line, column):
    error = error_of(source)
    assert (error.message, error.line, error.column) == (message, line, column)


def test_module_code_is_strict():
    source, message, line, column = EARLY_ERRORS[-1]
    error = error_of(source, module=True)
    assert (error.message, error.line, error.column) == (message, line, column)
    assert error_of("var await;", module=True).message == "Unexpected reserved word"


@pytest.mark.parametrize("source", [
    # Annex B and sloppy-mode forms that must keep working.
    "{ function f() {} function f() {} }",
    "try {} catch (e) { var e; }",
    "var a; var a; function a() {}",
    "function f(a, a) {}",
    "if (x) function f() {}",
    "label: function f() {}",
    "for (var x = 1 in o) ;",
    "var let = 1; let\nx = 1;",
    "let\n[a] = [1];",
    "if (x) let\ny",
    "var yield1 = 1; yield;",
    "await: ; var await;",
    "({__proto__: 1, __proto__() {}, ['__proto__']: 2})",
    "({__proto__: a, __proto__: b} = {})",
    "function f() { new.target; () => new.target; }",
    "class A extends B { constructor() { (() => super())(); } m() { super.m(); } }",
    "({ m() { super.x; }, get g() { return super.y; } })",
    "class A { static m() { return super.constructor; } x = this; y = () => super.z; }",
    "class A { static constructor() {} }",
    "class A { m() { (class { [super.x]() {} }); } }",
    "a: { break a; } b: while (1) { continue b; }",
    "a: b: while (1) { continue a; }",
    "switch (1) { case 1: break; }",
    "function f() { return; }",
    "async function f() { await 1; for await (x of y); }",
    "function* g() { yield; yield* g(); (function () { var yield; }); }",
    "(a = 1) => a; async (a) => await a;",
    "(-x) ** 2; a ** -b; (a ?? b) || c; a ?? (b && c);",
    "let a; { let a; } function g(a) { var a; }",
    "for (let i = 0; i < 1; i++) { let i; }",
    "x = { get constructor() {} }; class A { 'constructor'() {} }",
    "class A { get [a]() {} set [a](v) {} static prototype2() {} }",
    "delete x.y; delete x;",
    '"use strict"; delete x.y; ({ eval: 1 }).eval; x.arguments = 1;',
    "function arguments() {} var eval;",
    "function f() { return new.target; }",
])
def test_valid_code_parses(source):
    parse(source)


def test_function_own_strictness_applies_to_its_parameters():
    assert error_of("function f(eval) { 'use strict'; }").message == \
        "Unexpected eval or arguments in strict mode"


def test_first_error_wins_in_source_order():
    error = error_of("let a; let a;\nbreak;")
    assert error.line == 1


def test_strict_option_makes_script_code_strict():
    program = parse("x = 1", strict=True)
    assert program.strict is True and program.sourceType == "script"
    assert error_of_strict("with (a) {}").message == \
        "Strict mode code may not include a with statement"
    assert error_of_strict("'\\01'").message == \
        "Octal escape sequences are not allowed in strict mode."


def error_of_strict(source):
    with pytest.raises(JSSyntaxError) as info:
        parse(source, strict=True)
    return info.value
