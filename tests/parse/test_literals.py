"""Literal decoding: numbers, BigInts, strings (UTF-16 code units), templates, regexps and
escaped identifiers, including the strict-mode literal rules."""

import math

import pytest

from jsthreads.parse import JSSyntaxError, parse
from jsthreads.parse import ast as js
from jsthreads.parse.literals import LiteralError, decode_number, decode_string, decode_template


def value_of(source, **options):
    node = parse(source, **options).body[0].expression
    assert isinstance(node, js.Literal)
    return node


def error_of(source, **options):
    with pytest.raises(JSSyntaxError) as info:
        parse(source, **options)
    return info.value


# --------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("raw, expected", [
    ("0", 0.0), ("42", 42.0), ("1.5", 1.5), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0),
    ("2E-2", 0.02), ("0x1F", 31.0), ("0XfF", 255.0), ("0o17", 15.0), ("0b101", 5.0),
    ("017", 15.0), ("08", 8.0), ("09.5", 9.5), ("1_000", 1000.0), ("0xa_b", 171.0),
    ("9007199254740993", 9007199254740992.0), ("1e400", math.inf),
])
def test_numbers_are_floats(raw, expected):
    literal = value_of(raw)
    assert type(literal.value) is float and literal.value == expected
    assert literal.raw == raw and literal.bigint is None


def test_huge_hex_is_infinity_not_an_overflow():
    assert value_of("0x" + "f" * 300).value == math.inf


@pytest.mark.parametrize("raw, digits", [("0n", "0"), ("123n", "123"), ("0x1Fn", "31"),
                                         ("0b11n", "3"), ("0o17n", "15"), ("1_0n", "10")])
def test_bigints(raw, digits):
    literal = value_of(raw)
    assert literal.value is None and literal.bigint == digits and literal.raw == raw


@pytest.mark.parametrize("raw", ["1__0", "1_", "0_1", "01n", "1.5n", "1e3n"])
def test_malformed_numbers(raw):
    error_of("x = " + raw)


def test_legacy_octal_numbers_in_strict_mode():
    error = error_of('"use strict"; 010')
    assert error.message == "Octal literals are not allowed in strict mode."
    assert (error.line, error.column) == (1, 15)
    error = error_of('"use strict";\n  08')
    assert error.message == "Decimals with leading zeros are not allowed in strict mode."
    assert (error.line, error.column) == (2, 3)
    assert value_of("0o10", module=True).value == 8.0


def test_number_directly_followed_by_identifier():
    assert error_of("3in []").message == "Invalid or unexpected token"


# --------------------------------------------------------------------------- strings

@pytest.mark.parametrize("source, expected", [
    (r"'a\nb\tc'", "a\nb\tc"),
    (r"'\b\f\v\r\0'", "\b\f\v\r\0"),
    (r"'\x41\u0042\u{43}'", "ABC"),
    (r"'\u{1F600}'", "\U0001F600"),
    (r"'\ud83d'", "\ud83d"),
    (r"'\ud83d\ude00'", "\ud83d\ude00"),
    ("'a\\\nb'", "ab"),
    ("'a\\\r\nb'", "ab"),
    ("'a\\\u2028b'", "ab"),
    (r"'\q\'\"'", "q'\""),
    ("'\u2028'", "\u2028"),
    (r"'\101'", "A"),
    (r"'\08'", "\x008"),
    (r"'\8'", "8"),
    ('"é😀"', "é😀"),
])
def test_string_escapes(source, expected):
    literal = value_of(source)
    assert literal.value == expected
    assert literal.raw == source


def test_lone_surrogates_encode_as_utf16():
    value = value_of(r"'\ud83d\ude00x\udc00'").value
    assert value.encode("utf-16-le", "surrogatepass") == "😀x".encode("utf-16-le") + b"\x00\xdc"


def test_octal_escapes_in_strict_mode():
    error = error_of('"use strict"; "ab\\01"')
    assert error.message == "Octal escape sequences are not allowed in strict mode."
    assert (error.line, error.column) == (1, 18)
    assert error_of('"use strict"; "\\8"').message == "\\8 and \\9 are not allowed in strict mode."
    # A later "use strict" applies to the directives before it.
    assert error_of('function f() { "\\01"; "use strict"; }').message.startswith("Octal escape")
    assert error_of('"\\01"; "use strict";').message.startswith("Octal escape")


@pytest.mark.parametrize("source, message", [
    (r"'\x4'", "Invalid hexadecimal escape sequence"),
    (r"'\u12'", "Invalid Unicode escape sequence"),
    (r"'\u{110000}'", "Invalid Unicode escape sequence"),
])
def test_invalid_string_escapes(source, message):
    error_of(source)


def test_unescaped_newline_in_string():
    error_of("'a\nb'")


def test_decoder_reports_offsets():
    with pytest.raises(LiteralError) as info:
        decode_string("ab\ncd")
    assert info.value.offset == 2
    assert decode_string(r"a\01") == ("a\x01", ("Octal escape sequences are not allowed in "
                                                "strict mode.", 1))
    assert decode_number("0x10") == (16.0, None, None)
    assert decode_template(r"\xz") == (None, ("Invalid hexadecimal escape sequence", 0))


# --------------------------------------------------------------------------- templates

def test_template_cooked_and_raw():
    tpl = parse(r"`a\n${x}\u0041`").body[0].expression
    assert [q.value for q in tpl.quasis] == [{"cooked": "a\n", "raw": "a\\n"},
                                             {"cooked": "A", "raw": "\\u0041"}]


def test_template_line_terminators_normalised():
    tpl = parse("`a\r\nb\rc`").body[0].expression
    assert tpl.quasis[0].value == {"cooked": "a\nb\nc", "raw": "a\nb\nc"}


def test_invalid_escapes_in_tagged_templates_cook_to_none():
    tagged = parse(r"tag`\unicode and \u{55}${1}\xg`").body[0].expression
    assert [q.value["cooked"] for q in tagged.quasi.quasis] == [None, None]
    assert tagged.quasi.quasis[0].value["raw"] == r"\unicode and \u{55}"


@pytest.mark.parametrize("source, message, column", [
    (r"`\xg`", "Invalid hexadecimal escape sequence", 2),
    (r"x = `ok ${1} \u{g}`", "Invalid Unicode escape sequence", 14),
    (r"`\01`", "Octal escape sequences are not allowed in template strings.", 2),
])
def test_invalid_escapes_in_untagged_templates(source, message, column):
    error = error_of(source)
    assert (error.message, error.column) == (message, column)


# --------------------------------------------------------------------------- regexps

def test_regex_literal():
    literal = value_of(r"/a\/b[/]+/gi")
    assert literal.value is None
    assert literal.regex == {"pattern": r"a\/b[/]+", "flags": "gi"}
    assert literal.raw == r"/a\/b[/]+/gi"


@pytest.mark.parametrize("source", ["/a/gg", "/a/x", "/a/G"])
def test_regex_flags(source):
    assert error_of(source).message == "Invalid regular expression flags"


@pytest.mark.parametrize("pattern", ["?", "a**", "(", "(?<a>x)(?<a>y)", "x{2,1}", "[z-a]",
                                     "(?<=a)?", "\\k<a>(?<b>x)"])
def test_invalid_regex_patterns(pattern):
    assert error_of("/%s/" % pattern).message.startswith("Invalid regular expression")


@pytest.mark.parametrize("pattern, flags", [("\\c", ""), ("]", ""), ("a{", ""), ("\\1", ""),
                                            ("(?=a)*", ""), ("\\u{1F600}", "u"),
                                            ("\\p{Script=Greek}", "u"), ("(?<n>.)\\k<n>", "u"),
                                            ("[\\d-z]", "")])
def test_annex_b_and_unicode_regex_patterns(pattern, flags):
    assert value_of("/%s/%s" % (pattern, flags)).regex["pattern"] == pattern


@pytest.mark.parametrize("pattern", ["\\c0", "{", "\\M", "\\1", "[\\d-a]", "(?=.)?"])
def test_unicode_mode_is_strict(pattern):
    error_of("/%s/u" % pattern)


# --------------------------------------------------------------------------- identifiers

def test_escaped_identifiers_are_decoded():
    decl = parse(r"var \u0061b\u{63} = 1;").body[0].declarations[0]
    assert decl.id.name == "abc"
    assert parse(r"x.\u0069f").body[0].expression.property.name == "if"


def test_escaped_keywords():
    assert error_of(r"var \u0069f;").message == "Keyword must not contain escaped characters"


def test_unicode_identifiers():
    assert parse("var ünïcödé = 1, ℮ = 2;").body[0].declarations[1].id.name == "℮"
    assert error_of("var a\u2e2f;").message == "Invalid or unexpected token"
    error_of(r"var \u0020;")
