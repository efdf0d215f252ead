"""Syntax-error reporting for the front end: JSSyntaxError and its file:line:col + caret format.

Owns the exception every parse failure becomes and the mapping from a character offset in the
source to a 1-based line and column. It must not depend on tree-sitter or on the AST, so the
compiler can raise the same error for problems it finds later. Lines are split at every
ECMAScript LineTerminator (LF, CR, CRLF, U+2028, U+2029), columns count characters of the line.
"""

import bisect
import re

__all__ = ["JSSyntaxError", "LineMap"]

# CRLF must come first so it counts as one terminator, as in ECMA-262 LineTerminatorSequence.
_LINE_TERMINATOR = re.compile("\r\n|[\n\r\u2028\u2029]")


class LineMap:
    """Maps character offsets of one source text to (line, column), both 1-based."""

    __slots__ = ("source", "starts")

    def __init__(self, source):
        self.source = source
        # starts[i] is the offset of the first character of line i + 1.
        self.starts = [0]
        self.starts.extend(m.end() for m in _LINE_TERMINATOR.finditer(source))

    def position(self, offset):
        """Return (line, column) of a character offset; offsets past the end clamp to it."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line):
        """Return the text of a 1-based line without its terminator."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        text = self.source[start:end]
        return text.rstrip("\r\n\u2028\u2029") if line < len(self.starts) else text


class JSSyntaxError(Exception):
    """A JavaScript SyntaxError found before any code runs (parse errors and early errors).

    `str(error)` is the bare message, like V8's `error.message`; `format()` adds the location
    and a caret under the offending column, the way the CLI prints uncaught errors.
    """

    def __init__(self, message, filename="<input>", line=1, column=1, source_line=""):
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.source_line = source_line

    @classmethod
    def at_offset(cls, message, source, offset, filename="<input>", line_map=None):
        """Build an error located at a character offset of `source`."""
        line_map = line_map or LineMap(source)
        line, column = line_map.position(offset)
        return cls(message, filename, line, column, line_map.line_text(line))

    def __str__(self):
        return self.message

    def __reduce__(self):
        # Exceptions pickle their args by default; keep every attribute across processes.
        return (type(self), (self.message, self.filename, self.line, self.column, self.source_line))

    def format(self):
        """Return the four-line report: message, location, source line, caret."""
        # The echoed line keeps its tabs verbatim; the caret line is column - 1 plain spaces, the
        # fixed format the corpus .expected files are written against.
        pad = " " * (self.column - 1)
        return (
            f"SyntaxError: {self.message}\n"
            f"    at {self.filename}:{self.line}:{self.column}\n"
            f"    {self.source_line}\n"
            f"    {pad}^"
        )
