"""Decoding of literal tokens: numbers, strings, template chunks, escaped identifier names, and
the pattern syntax of regular expression literals.

Owns the mapping from a token's source text to its value as the compiler sees it: every number
a Python float, BigInts as decimal digit strings, strings as UTF-16 code units spelled as Python
code points (so "\\ud83d" stays a lone surrogate). Functions here see one token's text only; they
report problems by raising LiteralError with an offset into that text and never decide anything
about strict mode: they return what the caller needs to apply the strict-mode rules itself.
"""

import re
import unicodedata

from . import regexp_properties

__all__ = ["LiteralError", "decode_number", "decode_string", "decode_template",
           "decode_identifier", "raw_template", "is_identifier_char", "validate_regex"]


class LiteralError(Exception):
    """A malformed literal; `offset` is relative to the start of the text given to the decoder."""

    def __init__(self, message, offset=0):
        super().__init__(message)
        self.message = message
        self.offset = offset


_SIMPLE_ESCAPES = {
    "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "\n": "", "\r": "", "\u2028": "", "\u2029": "",
}
_HEX = "0123456789abcdefABCDEF"
_OCTAL = "01234567"
_DIGITS = "0123456789"

_DECIMAL = re.compile(r"(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?\Z")


def decode_number(raw):
    """Decode a numeric literal token.

    Returns (value, bigint, legacy) where value is a float (None for a BigInt), bigint is the
    decimal digit string of a BigInt literal (else None), and legacy is None, 'octal' (`017`) or
    'decimal' (`08`, `09.5`): the two forms strict mode forbids.
    """
    text = raw
    if "_" in text:
        _check_separators(text)
        text = text.replace("_", "")
    if text.endswith("n"):
        return None, _decode_bigint(text[:-1]), None
    prefix = text[:2].lower()
    if prefix in ("0x", "0o", "0b"):
        base = {"0x": 16, "0o": 8, "0b": 2}[prefix]
        try:
            return _int_to_float(int(text[2:], base)), None, None
        except ValueError:
            raise LiteralError("Invalid or unexpected token") from None
    if len(text) > 1 and text[0] == "0" and text[1] in _DIGITS:
        # Annex B: a leading 0 makes an octal literal unless an 8 or 9 follows, in which case
        # the token is a decimal ("NonOctalDecimalIntegerLiteral") and may even have a fraction.
        if all(ch in _OCTAL for ch in text):
            return _int_to_float(int(text, 8)), None, "octal"
        head = re.match(r"[0-9]+", text).group()
        if all(ch in _OCTAL for ch in head):
            raise LiteralError("Invalid or unexpected token", len(head))
        if not _DECIMAL.match(text):
            raise LiteralError("Invalid or unexpected token")
        return float(text), None, "decimal"
    if not _DECIMAL.match(text):
        raise LiteralError("Invalid or unexpected token")
    return float(text), None, None


def _check_separators(text):
    # Numeric separators (es2021) are accepted, but only between two digits of the literal's
    # base, and never in a legacy octal or leading-zero literal.
    digits = _HEX if text[:2].lower() == "0x" else _DIGITS
    if text[0] == "0" and len(text) > 1 and text[1] in "0123456789_":
        raise LiteralError("Numeric separators are not allowed here", 1)
    for k, ch in enumerate(text):
        if ch == "_" and (k == 0 or k + 1 >= len(text) or text[k - 1] not in digits
                          or text[k + 1] not in digits):
            raise LiteralError("Numeric separators are not allowed here", k)


def _decode_bigint(digits):
    prefix = digits[:2].lower()
    try:
        if prefix in ("0x", "0o", "0b"):
            return str(int(digits[2:], {"0x": 16, "0o": 8, "0b": 2}[prefix]))
        if digits.isdigit() and (digits == "0" or digits[0] != "0"):
            return str(int(digits))
    except ValueError:
        pass
    raise LiteralError("Invalid or unexpected token" if digits[:1] == "0" and digits != "0"
                       else "Invalid BigInt syntax", 0)


def _int_to_float(value):
    # float() of a huge int raises instead of rounding to infinity like ToNumber does.
    try:
        return float(value)
    except OverflowError:
        return float("inf")


def decode_string(body):
    """Decode the text between the quotes of a string literal.

    Returns (value, legacy) where legacy is None or (message, offset) naming the first escape
    that strict mode forbids (`\\01`, `\\8`); the caller raises it when the code is strict.
    """
    if "\n" in body or "\r" in body:
        # Only a line continuation (backslash + terminator) may span lines in a string.
        for match in re.finditer(r"\\\r\n|\\[\s\S]|[\r\n]", body):
            if match.group() in ("\r", "\n"):
                raise LiteralError("Invalid or unexpected token", match.start())
    if "\\" not in body:
        return body, None
    value, legacy, error = _decode_escapes(body, template=False)
    if error:
        raise LiteralError(*error)
    return value, legacy


def decode_template(body):
    """Decode one template chunk (the text between ` or } and ${ or `).

    Returns (cooked, error) where cooked is None and error is (message, offset) when the chunk
    holds an escape that is invalid in templates; untagged templates must report the error.
    """
    if "\\" not in body:
        return raw_template(body), None
    value, _, error = _decode_escapes(body, template=True)
    if error:
        return None, error
    return value, None


def raw_template(body):
    """The TRV of a template chunk: the source text with CRLF and CR normalised to LF."""
    if "\r" in body:
        return body.replace("\r\n", "\n").replace("\r", "\n")
    return body


def _decode_escapes(text, template):
    """Shared escape decoder. Returns (value, legacy, error); see decode_string/decode_template."""
    out = []
    legacy = None
    i = 0
    n = len(text)
    while True:
        j = text.find("\\", i)
        if j < 0:
            chunk = text[i:]
            if template and "\r" in chunk:
                chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
            out.append(chunk)
            break
        chunk = text[i:j]
        if template and "\r" in chunk:
            chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
        out.append(chunk)
        if j + 1 >= n:
            return None, None, ("Invalid or unexpected token", j)
        ch = text[j + 1]
        i = j + 2
        simple = _SIMPLE_ESCAPES.get(ch)
        if simple is not None:
            out.append(simple)
            if ch == "\r" and i < n and text[i] == "\n":
                i += 1
        elif ch == "x":
            digits = text[i:i + 2]
            if len(digits) < 2 or digits[0] not in _HEX or digits[1] not in _HEX:
                return None, None, ("Invalid hexadecimal escape sequence", j)
            out.append(chr(int(digits, 16)))
            i += 2
        elif ch == "u":
            code, i = _unicode_escape(text, i)
            if code is None:
                return None, None, ("Invalid Unicode escape sequence", j)
            out.append(chr(code))
        elif ch in _DIGITS:
            if ch == "0" and (i >= n or text[i] not in _DIGITS):
                out.append("\0")
            elif ch in "89":
                if template:
                    return None, None, ("\\8 and \\9 are not allowed in template strings.", j)
                legacy = legacy or ("\\8 and \\9 are not allowed in strict mode.", j)
                out.append(ch)
            else:
                if template:
                    return None, None, ("Octal escape sequences are not allowed in template "
                                        "strings.", j)
                legacy = legacy or ("Octal escape sequences are not allowed in strict mode.", j)
                # ZeroToThree OctalDigit OctalDigit, or FourToSeven OctalDigit, at most.
                limit = 3 if ch in "0123" else 2
                end = j + 1
                while end < n and end - (j + 1) < limit and text[end] in _OCTAL:
                    end += 1
                out.append(chr(int(text[j + 1:end], 8)))
                i = end
        else:
            out.append(ch)
    return "".join(out), legacy, None


def _unicode_escape(text, i):
    """Parse the part after `\\u` at text[i:]; return (code point or None, next index)."""
    if text.startswith("{", i):
        close = text.find("}", i)
        digits = text[i + 1:close] if close >= 0 else ""
        if not digits or any(d not in _HEX for d in digits):
            return None, i
        code = int(digits, 16)
        if code > 0x10FFFF:
            return None, i
        return code, close + 1
    digits = text[i:i + 4]
    if len(digits) < 4 or any(d not in _HEX for d in digits):
        return None, i
    return int(digits, 16), i + 4


def decode_identifier(raw):
    """Decode \\u escapes in an identifier token; raise LiteralError if an escape is malformed
    or produces a character that may not appear in an identifier at that place."""
    out = []
    i = 0
    n = len(raw)
    while i < n:
        j = raw.find("\\", i)
        if j < 0:
            out.append(raw[i:])
            break
        out.append(raw[i:j])
        if not raw.startswith("u", j + 1):
            raise LiteralError("Invalid Unicode escape sequence", j)
        code, i = _unicode_escape(raw, j + 2)
        if code is None:
            raise LiteralError("Invalid Unicode escape sequence", j)
        ch = chr(code)
        if not is_identifier_char(ch, not any(out)):
            raise LiteralError("Invalid Unicode escape sequence", j)
        out.append(ch)
    return "".join(out)


# Other_ID_Start / Other_ID_Continue keep identifiers stable across Unicode versions; U+2E2F
# VERTICAL TILDE is a letter (Lm) but Pattern_Syntax, so it is excluded.
_OTHER_ID_START = frozenset("\u1885\u1886\u2118\u212e\u309b\u309c")
_OTHER_ID_CONTINUE = frozenset("\u00b7\u0387\u1369\u136a\u136b\u136c\u136d\u136e\u136f"
                               "\u1370\u1371\u19da\u200c\u200d\u30fb\uff65")
_START_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nl"))
_CONTINUE_CATEGORIES = _START_CATEGORIES | {"Mn", "Mc", "Nd", "Pc"}


def is_identifier_char(ch, first):
    """Whether `ch` may start (`first`) or continue an IdentifierName (ID_Start/ID_Continue
    plus $ and _, and ZWNJ/ZWJ when continuing)."""
    if ch in "$_" or ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
        return True
    if ch < "\x80":
        return not first and "0" <= ch <= "9"
    if ch == "\u2e2f":
        return False
    if ch in _OTHER_ID_START:
        return True
    if not first and ch in _OTHER_ID_CONTINUE:
        return True
    category = unicodedata.category(ch)
    # Cn: assigned in a Unicode version newer than Python's database; accept rather than
    # reject identifiers that current engines accept.
    return (category in (_START_CATEGORIES if first else _CONTINUE_CATEGORIES)
            or (category == "Cn" and (ord(ch) & 0xFFFE) != 0xFFFE
                and not 0xFDD0 <= ord(ch) <= 0xFDEF))


# ---------------------------------------------------------------------------------------------
# Regular expression literals: early errors in the pattern (ES2020, with Annex B's extended
# syntax when the u flag is absent). Only validity is decided here; the regexp engine compiles.
# ---------------------------------------------------------------------------------------------

_SYNTAX_CHARACTERS = frozenset("^$\\.*+?()[]{}|/")
_CLASS_ESCAPES = frozenset("dDsSwW")
_CONTROL_ESCAPES = {"f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B}
_PROPERTY = re.compile(r"[A-Za-z_]+(?:=[A-Za-z0-9_]+)?\Z")


def _is_property(text):
    """UnicodePropertyValueExpression (§22.2.1.1 early errors): names and values must be ones the
    engine knows, spelled exactly (no loose matching)."""
    if not _PROPERTY.match(text):
        return False
    name, eq, value = text.partition("=")
    if not eq:
        return name in regexp_properties.GENERAL_CATEGORY_VALUES or \
            name in regexp_properties.BINARY_PROPERTIES
    if name in ("General_Category", "gc"):
        return value in regexp_properties.GENERAL_CATEGORY_VALUES
    if name in ("Script", "sc", "Script_Extensions", "scx"):
        return value in regexp_properties.SCRIPT_VALUES
    return False


def validate_regex(pattern, flags):
    """Raise LiteralError (offset relative to the pattern) if the body of a regular expression
    literal is not a valid Pattern for its flags."""
    _RegexValidator(pattern, "u" in flags).run()


class _RegexValidator:
    """Recursive-descent recognizer for Pattern[U, N]; keeps no tree, only the facts the
    early errors need (capturing group count, group names, back-references by name)."""

    def __init__(self, pattern, unicode):
        self.p = pattern
        self.n = len(pattern)
        self.i = 0
        self.u = unicode
        self.group_count, self.has_named = self.prescan()
        self.names = set()
        self.references = []

    def fail(self, message, at=None):
        raise LiteralError("Invalid regular expression: /%s/: %s" % (self.p, message),
                           self.i if at is None else at)

    def prescan(self):
        # Back-references may point forward, so groups are counted before parsing.
        count = 0
        named = False
        i = 0
        in_class = False
        p = self.p
        while i < self.n:
            ch = p[i]
            if ch == "\\":
                i += 2
                continue
            if in_class:
                in_class = ch != "]"
            elif ch == "[":
                in_class = True
            elif ch == "(":
                if p.startswith("(?<", i) and not p.startswith(("(?<=", "(?<!"), i):
                    count += 1
                    named = True
                elif not p.startswith("(?", i):
                    count += 1
            i += 1
        return count, named

    def run(self):
        self.disjunction()
        if self.i < self.n:
            self.fail("Unmatched ')'")
        for name, at in self.references:
            if name not in self.names:
                self.fail("Invalid named capture referenced", at)

    def peek(self, ahead=0):
        index = self.i + ahead
        return self.p[index] if index < self.n else ""

    def disjunction(self):
        self.alternative()
        while self.peek() == "|":
            self.i += 1
            self.alternative()

    def alternative(self):
        while self.i < self.n and self.p[self.i] not in "|)":
            self.term()

    def term(self):
        p = self.p
        ch = p[self.i]
        start = self.i
        quantifiable = True
        if ch in "^$":
            self.i += 1
            quantifiable = False
        elif ch == "\\" and self.peek(1) in ("b", "B"):
            self.i += 2
            quantifiable = False
        elif ch == "(":
            quantifiable = self.group()
        elif ch == "[":
            self.character_class()
        elif ch in "*+?":
            self.fail("Nothing to repeat")
        elif ch == "{":
            if self.u or self.braced_quantifier(probe=True):
                self.fail("Nothing to repeat" if self.braced_quantifier(probe=True)
                          else "Lone quantifier brackets")
            self.i += 1
        elif ch in "}]":
            if self.u:
                self.fail("Lone quantifier brackets")
            self.i += 1
        elif ch == "\\":
            self.atom_escape()
        else:
            self.i += 1
        if self.quantifier() and not quantifiable:
            self.fail("Nothing to repeat", start)

    def quantifier(self):
        ch = self.peek()
        if ch in ("*", "+", "?") and ch:
            self.i += 1
        elif ch == "{":
            if not self.braced_quantifier(probe=False):
                if self.u:
                    self.fail("Incomplete quantifier")
                return False
        else:
            return False
        if self.peek() == "?":
            self.i += 1
        return True

    def braced_quantifier(self, probe):
        match = re.compile(r"\{([0-9]+)(,([0-9]*))?\}").match(self.p, self.i)
        if match is None:
            return False
        if not probe:
            low = int(match.group(1))
            high = match.group(3)
            if high and int(high) < low:
                self.fail("numbers out of order in {} quantifier")
            self.i = match.end()
        return True

    def group(self):
        """Parse a parenthesized group; return whether a quantifier may follow it."""
        p = self.p
        quantifiable = True
        if p.startswith("(?", self.i):
            if p.startswith(("(?=", "(?!"), self.i):
                self.i += 3
                quantifiable = not self.u
            elif p.startswith(("(?<=", "(?<!"), self.i):
                self.i += 4
                quantifiable = False
            elif p.startswith("(?:", self.i):
                self.i += 3
            elif p.startswith("(?<", self.i):
                self.i += 3
                name = self.group_name()
                if name in self.names:
                    self.fail("Duplicate capture group name")
                self.names.add(name)
            else:
                self.fail("Invalid group")
        else:
            self.i += 1
        self.disjunction()
        if self.peek() != ")":
            self.fail("Unterminated group")
        self.i += 1
        return quantifiable

    def group_name(self):
        """Parse `name>` (after `<`) and return the decoded name."""
        start = self.i
        out = []
        while True:
            if self.i >= self.n:
                self.fail("Invalid capture group name", start)
            ch = self.p[self.i]
            if ch == ">":
                break
            if ch == "\\":
                if self.peek(1) != "u":
                    self.fail("Invalid capture group name", start)
                code, self.i = _unicode_escape(self.p, self.i + 2)
                if code is None:
                    self.fail("Invalid Unicode escape", start)
                if 0xD800 <= code <= 0xDBFF and self.p.startswith("\\u", self.i):
                    trail, after = _unicode_escape(self.p, self.i + 2)
                    if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                        code = 0x10000 + ((code - 0xD800) << 10) + (trail - 0xDC00)
                        self.i = after
                ch = chr(code)
            else:
                self.i += 1
            if 0xD800 <= ord(ch) <= 0xDFFF or not is_identifier_char(ch, not out):
                self.fail("Invalid capture group name", start)
            out.append(ch)
        self.i += 1
        if not out:
            self.fail("Invalid capture group name", start)
        return "".join(out)

    def atom_escape(self):
        """Parse `\\...` outside a class (\\b and \\B are handled by term)."""
        start = self.i
        self.i += 1
        if self.i >= self.n:
            self.fail("\\ at end of pattern", start)
        ch = self.p[self.i]
        if ch in "123456789":
            digits = re.compile(r"[0-9]+").match(self.p, self.i).group()
            if self.u and int(digits) > self.group_count:
                self.fail("Invalid escape", start)
            self.i += len(digits) if (self.u or int(digits) <= self.group_count) else 1
            return
        if ch == "k":
            if self.u or self.has_named:
                self.i += 1
                if self.peek() != "<":
                    self.fail("Invalid named reference", start)
                self.i += 1
                self.references.append((self.group_name(), start))
            else:
                self.i += 1
            return
        self.character_escape(start, in_class=False)

    def character_escape(self, start, in_class):
        """Parse the escape after `\\` at self.i (shared by atoms and class atoms); return the
        code point it denotes, or None for a class escape like \\d."""
        ch = self.p[self.i]
        if ch in _CLASS_ESCAPES:
            self.i += 1
            return None
        if ch in "pP" and self.u:
            match = re.compile(r"\{([^}]*)\}").match(self.p, self.i + 1)
            if match is None or not _is_property(match.group(1)):
                self.fail("Invalid property name", start)
            self.i = match.end()
            return None
        if ch in _CONTROL_ESCAPES:
            self.i += 1
            return _CONTROL_ESCAPES[ch]
        if ch == "0" and (not self.peek(1) or self.peek(1) not in _DIGITS):
            self.i += 1
            return 0
        if ch in _DIGITS:
            if self.u:
                self.fail("Invalid decimal escape" if ch == "0" else "Invalid class escape",
                          start)
            # Annex B legacy octal escape (or, for 8 and 9, the digit itself).
            match = re.compile(r"[0-3][0-7]{0,2}|[4-7][0-7]?|[89]").match(self.p, self.i)
            self.i = match.end()
            text = match.group()
            return ord(text) if text in "89" else int(text, 8)
        if ch == "c":
            letter = self.peek(1)
            if letter.isascii() and letter.isalpha():
                self.i += 2
                return ord(letter) % 32
            if in_class and not self.u and letter and (letter in _DIGITS or letter == "_"):
                self.i += 2
                return ord(letter) % 32
            if self.u:
                self.fail("Invalid unicode escape", start)
            # Annex B: the backslash stands for itself and `c` is read next.
            return 0x5C
        if ch == "x":
            digits = self.p[self.i + 1:self.i + 3]
            if len(digits) == 2 and all(d in _HEX for d in digits):
                self.i += 3
                return int(digits, 16)
            if self.u:
                self.fail("Invalid escape", start)
            self.i += 1
            return ord("x")
        if ch == "u":
            code, after = (None, self.i)
            if self.u or not self.p.startswith("u{", self.i):
                code, after = _unicode_escape(self.p, self.i + 1)
                if code is not None and not self.u and self.p.startswith("{", self.i + 1):
                    code = None
            if code is None:
                if self.u:
                    self.fail("Invalid Unicode escape", start)
                self.i += 1
                return ord("u")
            self.i = after
            if self.u and 0xD800 <= code <= 0xDBFF and self.p.startswith("\\u", self.i):
                trail, end = _unicode_escape(self.p, self.i + 2)
                if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                    self.i = end
                    return 0x10000 + ((code - 0xD800) << 10) + (trail - 0xDC00)
            return code
        if self.u:
            if ch in _SYNTAX_CHARACTERS or (in_class and ch == "-"):
                self.i += 1
                return ord(ch)
            self.fail("Invalid escape", start)
        if ch == "k" and self.has_named and not in_class:
            self.fail("Invalid named reference", start)
        self.i += 1
        return ord(ch)

    def character_class(self):
        start = self.i
        self.i += 1
        if self.peek() == "^":
            self.i += 1
        while True:
            if self.i >= self.n:
                self.fail("Unterminated character class", start)
            if self.p[self.i] == "]":
                self.i += 1
                return
            low = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                high = self.class_atom()
                if low is None or high is None:
                    if self.u:
                        self.fail("Invalid character class", start)
                elif low > high:
                    self.fail("Range out of order in character class", start)

    def class_atom(self):
        ch = self.p[self.i]
        if ch != "\\":
            self.i += 1
            return ord(ch)
        start = self.i
        self.i += 1
        if self.i >= self.n:
            self.fail("\\ at end of pattern", start)
        if self.p[self.i] == "b":
            self.i += 1
            return 8
        if self.u and self.p[self.i] == "-":
            self.i += 1
            return ord("-")
        return self.character_escape(start, in_class=True)
