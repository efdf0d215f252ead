"""JSSyntaxError: attributes, the four-line format(), and where syntax errors (tree-sitter
ERROR/MISSING nodes) are reported: at the token V8 calls unexpected."""

import pickle

import pytest

from jsthreads.parse import JSSyntaxError, parse
from jsthreads.parse.diagnostics import LineMap


def error_of(source, filename="<input>"):
    with pytest.raises(JSSyntaxError) as info:
        parse(source, filename)
    return info.value


def test_error_attributes_and_str():
    error = error_of("let x = 1;\nlet y = ;", "app.js")
    assert str(error) == error.message == "Unexpected token ';'"
    assert (error.filename, error.line, error.column) == ("app.js", 2, 9)
    assert error.source_line == "let y = ;"
    assert isinstance(error, Exception)


def test_format_exact():
    error = error_of("let x = 1;\nlet y = ;", "app.js")
    assert error.format() == (
        "SyntaxError: Unexpected token ';'\n"
        "    at app.js:2:9\n"
        "    let y = ;\n"
        "            ^"
    )


def test_format_keeps_tabs_in_the_source_line():
    error = JSSyntaxError("Unexpected token ';'", "t.js", 1, 4, "\tx ;")
    assert error.format().splitlines()[2:] == ["    \tx ;", "       ^"]


def test_format_for_errors_found_by_early_error_pass():
    error = error_of("function f() {\n  break;\n}", "f.js")
    assert error.format() == (
        "SyntaxError: Illegal break statement\n"
        "    at f.js:2:3\n"
        "      break;\n"
        "      ^"
    )


def test_error_survives_pickling():
    error = error_of("a b")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.line, copy.column, copy.source_line) == \
        (error.message, error.line, error.column, error.source_line)


def test_line_map():
    lines = LineMap("ab\r\ncd\ref\u2028g")
    assert lines.position(0) == (1, 1)
    assert lines.position(4) == (2, 1)
    assert lines.position(7) == (3, 1)
    assert lines.position(10) == (4, 1)
    assert [lines.line_text(n) for n in (1, 2, 3, 4)] == ["ab", "cd", "ef", "g"]


@pytest.mark.parametrize("source, message, line, column", [
    ("var x = ;", "Unexpected token ';'", 1, 9),
    ("a b", "Unexpected identifier 'b'", 1, 3),
    ("if (a { }", "Unexpected token '{'", 1, 7),
    ("x = {a:1,,b:2}", "Unexpected token ','", 1, 10),
    ("f(a,,b)", "Unexpected token ','", 1, 5),
    ("var 1 = 2;", "Unexpected number", 1, 5),
    ("function (){}", "Function statements require a function name", 1, 1),
    ("a = (1 + );", "Unexpected token ')'", 1, 10),
    ("x = [1, 2", "Unexpected end of input", 1, 10),
    ("while true {}", "Unexpected token 'true'", 1, 7),
    ("x = a ? b;", "Unexpected token ';'", 1, 10),
    ("obj = {a b}", "Unexpected identifier 'b'", 1, 10),
    ("x = 1 +* 2", "Unexpected token '*'", 1, 8),
    ("function f() {\n  return 1;\n", "Unexpected end of input", 3, 1),
    ("var if = 1;", "Unexpected token 'if'", 1, 5),
    ("foo(1, 2));", "Unexpected token ')'", 1, 10),
    ("x = {a: 1, b: 2;", "Unexpected token ';'", 1, 16),
    ("for (let i of ) {}", "Unexpected token ')'", 1, 15),
    ("function* g() { yield* ; }", "Unexpected token ';'", 1, 24),
    ("a = b => => c", "Unexpected token '=>'", 1, 10),
    ("if (x) else y", "Unexpected token 'else'", 1, 8),
    ("}", "Unexpected token '}'", 1, 1),
    ("x = 'abc", "Invalid or unexpected token", 1, 5),
    ("console.log(\"hi\"", "missing ) after argument list", 1, 13),
    ("try {} ", "Missing catch or finally after try", 1, 6),
    ("class { }", "Unexpected token '{'", 1, 7),
    ("throw\nnew Error()", "Illegal newline after throw", 1, 1),
    ("x = <div/>", "Unexpected token '<'", 1, 5),
    ("/a/G", "Invalid regular expression flags", 1, 1),
    ("var a = 1 2", "Unexpected number", 1, 11),
    ("x\u00a0= 1\u180e", "Invalid or unexpected token", 1, 6),
])
def test_syntax_error_locations(source, message, line, column):
    error = error_of(source)
    assert (error.message, error.line, error.column) == (message, line, column)


@pytest.mark.parametrize("source", [
    "@dec class A {}",
    "class A { static { return; } }",   # static blocks are ES2022 and parse, but are no function
    "import x from 'y';",
    "export const a = 1;",
    "x = <a>b</a>;",
    "a.#b",          # private names are ES2022 and parse, but only inside a class declaring them
    "import.meta",
])
def test_syntax_beyond_es2020_is_rejected(source):
    error_of(source)


def test_no_python_exception_escapes_for_garbage():
    for source in ["\x00", "`${", "/*", "'\\", "\\u{", "a\u2028=>1", "\ud800", "(" * 5000,
                   "a" + ".b" * 30000, "{" * 3000, "#!/bin/sh\nx", "<!-- x\n-->y"]:
        try:
            parse(source)
        except JSSyntaxError as error:
            error.format()


def test_deep_nesting_reports_a_syntax_error_not_a_crash():
    source = "x" + "[0]" * 30000
    try:
        parse(source)
    except JSSyntaxError as error:
        assert error.message == "Maximum nesting depth exceeded"
