"""Private class members (ES2022): the AST they parse to and their early errors, with V8's
messages at the offending line:column."""

import pytest

from jsthreads.parse import JSSyntaxError, parse


def error_of(source):
    with pytest.raises(JSSyntaxError) as info:
        parse(source)
    return info.value


def test_private_names_parse_to_private_identifiers():
    program = parse("class A { #x = 1; static #m() {} get #g() {} f(o) { return #x in o && o?.#x; } }")
    members = program.body[0].body.body
    assert [m.key.as_dict() for m in members[:3]] == [{"type": "PrivateIdentifier", "name": n}
                                                     for n in ("x", "m", "g")]
    assert members[0].type == "PropertyDefinition" and members[1].static
    test = members[3].value.body.body[0].argument
    assert test.left.as_dict() == {"type": "BinaryExpression", "operator": "in",
                                   "left": {"type": "PrivateIdentifier", "name": "x"},
                                   "right": {"type": "Identifier", "name": "o"}}
    member = test.right.expression
    assert member.optional and member.property.as_dict() == {"type": "PrivateIdentifier", "name": "x"}


@pytest.mark.parametrize("source, message, line, column", [
    ("class A { m() { this.#x; } }", "Private field '#x' must be declared in an enclosing class", 1, 22),
    ("this.#x", "Private field '#x' must be declared in an enclosing class", 1, 6),
    ("class A { m() { return #y in this; } }", "Private field '#y' must be declared in an enclosing class", 1, 24),
    ("class A { #x;\n #x; }", "Identifier '#x' has already been declared", 2, 2),
    ("class A { #x; get #x() {} }", "Identifier '#x' has already been declared", 1, 19),
    ("class A { get #x() {} static set #x(v) {} }", "Identifier '#x' has already been declared", 1, 34),
    ("class A { get #x() {} set #x(v) {} get #x() {} }", "Identifier '#x' has already been declared", 1, 40),
    ("class A { #constructor; }", "Classes may not have a field named 'constructor'", 1, 11),
    ("class A { #constructor() {} }", "Class constructor may not be a private method", 1, 11),
    ("class A { #x; m() { delete this.#x; } }", "Private fields can not be deleted", 1, 21),
    ("class A { #x; m() { delete this?.#x; } }", "Private fields can not be deleted", 1, 21),
    ("class A extends B { #x; m() { super.#x; } }", "Unexpected private field", 1, 37),
    ("({ #x: 1 })", "Unexpected identifier '#x'", 1, 4),
    ("class A { #x; m() { let { #x: y } = this; } }", "Unexpected identifier '#x'", 1, 27),
    ("class A { #x; m() { 1 + #x in this; } }", "Unexpected identifier '#x'", 1, 25),
    ("class A { #x; m() { #x in #x in this; } }", "Unexpected identifier '#x'", 1, 27),
    # The heritage sees only the names of the classes around the class.
    ("class A extends (class { m(o) { o.#x; } }) { #x; }",
     "Private field '#x' must be declared in an enclosing class", 1, 35),
])
def test_private_name_early_errors(source, message, line, column):
    error = error_of(source)
    assert (error.message, error.line, error.column) == (message, line, column)


@pytest.mark.parametrize("source", [
    "class A { get #x() {} set #x(v) {} static get #y() {} static set #y(v) {} }",
    "class A { #x; m() { return class { n(o) { return o.#x; } }; } }",   # outer names in nested classes
    "class A { #x; m() { class B { #x; } return this.#x; } }",
    "class A { m(o) { return this.#later; } #later = 1; }",               # declared after its use
    "class A { #x; m(o) { return a && #x in o; } }",
    "class A { #x; [this.#x] = 1; }",
])
def test_valid_private_names_parse(source):
    parse(source)
