"""tree-sitter concrete syntax tree -> ESTree AST (jsthreads.parse.ast), and `parse()` itself.

Owns everything that needs the concrete tree: repairing the few places where the grammar and
ECMAScript 2020 disagree (by re-parsing, see _parse_tree and reparse_statements), syntax errors
(ERROR/MISSING nodes, located at the offending token), literal decoding with the strict-mode
literal rules, directive prologues and so each function's `strict` flag, cover grammars
(expressions reinterpreted as patterns or assignment targets), and every check that depends on
parentheses or line breaks, which the AST no longer shows (`({a}) = 1`, `-x ** 2`,
`a ?? b || c`, `throw` + newline). Syntax the grammar accepts beyond ES2020 is rejected here
(JSX, decorators, `using`, import/export declarations), except
class fields, private names (`#x`) and logical assignment (`&&=`, `||=`, `??=`), which are
accepted.
Scope-, label- and context-dependent early errors on the finished AST are early_errors.py's
job; this module only calls it.
"""

import bisect
import gc
import re
import sys

import tree_sitter_javascript
from tree_sitter import Language, Parser, Query, QueryCursor

from . import ast as js
from .diagnostics import JSSyntaxError, LineMap
from .early_errors import check_program
from .literals import (LiteralError, decode_identifier, decode_number, decode_string,
                       decode_template, is_identifier_char, raw_template, validate_regex)

__all__ = ["parse"]

_LANGUAGE = Language(tree_sitter_javascript.language())
# Where _parse_tree looks for tokens to repair.
_REPAIR_QUERY = Query(_LANGUAGE, "(ERROR) @error (using_declaration) @keyword "
                                 "(yield_expression) @keyword (comment) @comment")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|[\r\n]|\xe2\x80[\xa8\xa9]")
# Words the grammar treats as keywords where ECMAScript 2020 allows an identifier, and the
# same-length identifier spelling the grammar is shown instead.
_WORD_REPAIRS = {"using": b"usinG", "yield": b"yielD", "undefined": b"undefineD"}

# Extras the grammar may put between any two tokens; every child walk skips them.
_COMMENTS = frozenset(("comment", "html_comment"))
_CHAIN_LINKS = frozenset(("member_expression", "subscript_expression", "call_expression"))
_LOGICAL = frozenset(("&&", "||", "??"))
_STATEMENT_KEYWORDS = frozenset((
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "export", "extends", "finally", "for", "function", "if", "import", "in",
    "instanceof", "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var",
    "void", "while", "with", "null", "true", "false", "enum",
))
_PUNCTUATORS = frozenset((
    "{", "(", ")", "[", "]", ".", "...", ";", ",", "<", ">", "<=", ">=", "==", "!=", "===",
    "!==", "+", "-", "*", "%", "**", "++", "--", "<<", ">>", ">>>", "&", "|", "^", "!", "~",
    "&&", "||", "??", "?", "?.", ":", "=", "+=", "-=", "*=", "%=", "**=", "<<=", ">>=", ">>>=",
    "&=", "|=", "^=", "&&=", "||=", "??=", "=>", "/", "/=", "}", "${", "`", "@", "#",
))
_STRICT_RESERVED = frozenset(("implements", "interface", "let", "package", "private",
                              "protected", "public", "static", "yield"))
_REGEX_FLAGS = "gimsuy"
# Operands that bind looser than any operator: as an unparenthesized operand of a binary or
# unary operator they mean tree-sitter's grammar accepted what ECMAScript's does not
# (`x - y = 1` is parsed as `x - (y = 1)`).
_LOOSE_OPERANDS = frozenset(("assignment_expression", "augmented_assignment_expression",
                             "arrow_function", "yield_expression"))
# What `class X extends <here>` may be: a LeftHandSideExpression.
_HERITAGE_TYPES = frozenset((
    "identifier", "member_expression", "subscript_expression", "call_expression",
    "new_expression", "parenthesized_expression", "this", "super", "array", "object",
    "function_expression", "generator_function", "class", "template_string", "string",
    "number", "regex", "true", "false", "null", "undefined", "meta_property",
))
# Characters tree-sitter's grammar skips as whitespace that ECMAScript does not (U+180E stopped
# being a space separator in Unicode 6.3; U+200B, U+2060 and U+0085 never were JS whitespace).
_FAKE_SPACE = re.compile("[\u180e\u200b\u2060\u0085]")
# Nodes whose contents are exempt from the [~In] restriction of a for-statement head.
_IN_ALLOWED = frozenset((
    "parenthesized_expression", "array", "object", "arguments", "template_string",
    "function_expression", "generator_function", "class", "formal_parameters",
    "statement_block", "computed_property_name",
))
# Conversion recurses once per nesting level (binary operator chains excepted); Python-to-Python
# calls use no C stack in 3.11, so the limit is raised for the duration of a parse.
_RECURSION_FLOOR = 20000


def parse(source, filename="<input>", *, module=False, strict=False, eval_allows=frozenset(),
          private_names=frozenset()):
    """Parse JavaScript source text into a js.Program, raising JSSyntaxError on any syntax or
    early error. `module=True` parses as module code (strict; import/export not supported);
    `strict=True` parses script code that is strict from its first character, as a direct
    eval inside strict code is. `eval_allows` lists what a direct eval's caller lets its code
    use (see check_program); `private_names` the private names (without '#') of the classes
    around it."""
    data = source.encode("utf-8", "surrogatepass")
    tree = _parse_tree(data)
    converter = Converter(source, data, filename, module)
    converter.strict = module or strict
    # Building a large AST triggers the cyclic GC over and over although nothing here makes
    # cycles worth collecting; pausing it halves the time for big sources.
    collecting = gc.isenabled()
    gc.disable()
    recursion_limit = sys.getrecursionlimit()
    if recursion_limit < _RECURSION_FLOOR:
        sys.setrecursionlimit(_RECURSION_FLOOR)
    try:
        if tree.root_node.has_error:
            converter.raise_tree_error(tree)
        converter.check_source(tree)
        program = converter.program(tree.root_node)
        check_program(program, converter.error_at, eval_allows, private_names)
    except RecursionError:
        raise JSSyntaxError("Maximum nesting depth exceeded", filename, 1, 1,
                            converter.lines.line_text(1)) from None
    finally:
        if collecting:
            gc.enable()
        if recursion_limit < _RECURSION_FLOOR:
            sys.setrecursionlimit(recursion_limit)
        # The lazy spans keep the converter alive as their resolver; drop what they do not
        # need (the handler table is also a reference cycle through bound methods).
        converter.handlers = None
    return program


_LONE_CR = re.compile(rb"\r(?!\n)")


def _parse_tree(data):
    """Run tree-sitter over a copy of the source patched (byte for byte, so offsets hold) where
    its grammar and ECMAScript 2020 disagree; the converter reads token text from the original.

    NUL is the lexer's end-of-input marker, so raw NULs (legal inside strings) become \x01,
    which is still illegal outside literals. When the tree has errors, tokens the grammar
    choked on are repaired and the source parsed again: backslashes of invalid escapes in
    templates (legal when tagged) are neutralised, and `using`, `yield` and `undefined` used
    as plain identifiers (`using(x)`, sloppy `var yield`, `undefined: ;`) are respelled as
    identifiers; a /* */ comment spanning lines becomes blanks around its line breaks, since
    the grammar's ASI does not count it as a line break. That is safe because the converter
    decodes every literal and identifier again from the original text, ignores comments, and
    early_errors.py applies the rules for yield. A repair that does not give an error-free tree
    is dropped, so errors are reported on the tree of the source as written."""
    parser = Parser(_LANGUAGE)
    if b"\0" in data:
        data = data.replace(b"\0", b"\x01")
    if b"\r" in data:
        # A lone CR is a line terminator (ES2020 11.3) but not to the grammar's scanner, which
        # would then run a // comment on into the next line and skip ASI; CR LF it handles.
        data = _LONE_CR.sub(b"\n", data)
    original = tree = parser.parse(data)
    if not tree.root_node.has_error:
        return tree
    patched = None
    for _ in range(16):
        patches = []
        captures = QueryCursor(_REPAIR_QUERY).captures(tree.root_node)
        current = patched or data
        for node in captures.get("comment", ()):
            text = current[node.start_byte:node.end_byte]
            if text.startswith(b"/*") and _LINE_BREAK_BYTES.search(text):
                blank = bytearray(b" " * len(text))
                for match in _LINE_BREAK_BYTES.finditer(text):
                    blank[match.start():match.end()] = match.group()
                if bytes(blank) != text:
                    patches.append((node.start_byte, bytes(blank)))
        for node in captures.get("keyword", ()):
            # A `using` declaration or a `yield` expression that does not parse: its first
            # token is probably an identifier.
            first = node.children[0]
            if node.type == "yield_expression" and not (
                    any(c.type == "ERROR" for c in node.children)
                    or (node.next_sibling is not None and node.next_sibling.type == "ERROR")):
                continue
            if first.type in _WORD_REPAIRS:
                patches.append((first.start_byte, _WORD_REPAIRS[first.type]))
        for node in captures.get("error", ()):
            stack = [node]
            while stack:
                leaf = stack.pop()
                if leaf.child_count:
                    if leaf.type not in ("string", "template_substitution"):
                        stack.extend(leaf.children)
                    continue
                kind = leaf.type
                if kind in _WORD_REPAIRS:
                    patches.append((leaf.start_byte, _WORD_REPAIRS[kind]))
                elif (kind == "ERROR"
                      and (patched or data)[leaf.start_byte:leaf.start_byte + 1] == b"\\"):
                    patches.append((leaf.start_byte, b"x"))
        if not patches:
            break
        patched = bytearray(patched or data)
        for start, text in patches:
            patched[start:start + len(text)] = text
        tree = parser.parse(bytes(patched))
        if not tree.root_node.has_error:
            return tree
    return original


class Converter:
    """One conversion of one source text. Tracks only what the concrete tree cannot answer
    locally: whether the code being converted is strict, inside a generator, inside an async
    function (to tell `yield`/`await` expressions from identifiers)."""

    def __init__(self, source, data, filename, module):
        self.source = source
        self.data = data
        self.filename = filename
        self.module = module
        self.lines = LineMap(source)
        self.starts = self.lines.starts
        self.strict = module
        self.generator = False
        self.async_ = False
        self.in_static_block = False   # `await` is reserved there, and in its arrows
        self._init_offsets()
        self.handlers = self._handlers()

    # ------------------------------------------------------------------ offsets and errors

    def _init_offsets(self):
        # tree-sitter reports UTF-8 byte offsets; spans count characters. ASCII sources map
        # 1:1. Otherwise `_ends[i]` is the byte offset just past the i-th non-ASCII character
        # and `_shift[i]` how many extra bytes all non-ASCII characters up to it took.
        if len(self.data) == len(self.source):
            self._ends = None
            return
        ends = [0]
        shift = [0]
        extra = 0
        for match in re.finditer("[^\x00-\x7f]", self.source):
            width = len(match.group().encode("utf-8", "surrogatepass"))
            extra += width - 1
            ends.append(match.start() + extra + 1)
            shift.append(extra)
        self._ends = ends
        self._shift = shift

    def char(self, byte):
        """Map a UTF-8 byte offset to a character offset."""
        if self._ends is None:
            return byte
        return byte - self._shift[bisect.bisect_right(self._ends, byte) - 1]

    def span(self, node):
        """The lazy span of a CST node (see js.Node.span)."""
        return (self, node.start_byte, node.end_byte)

    def span_bytes(self, start, end):
        return (self, start, end)

    def resolve(self, start, end):
        """Span fields for a byte range (called by js.Span when first read)."""
        if self._ends is not None:
            start = self.char(start)
            end = self.char(end)
        starts = self.starts
        line = bisect.bisect_right(starts, start)
        end_line = bisect.bisect_right(starts, end) if end != start else line
        return (line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1,
                start, end)

    def join(self, first, last):
        """Span from the start of CST node `first` to the end of CST node `last`."""
        return self.span_bytes(first.start_byte, last.end_byte)

    def text(self, node):
        if self._ends is None:
            return self.source[node.start_byte:node.end_byte]
        return self.data[node.start_byte:node.end_byte].decode("utf-8", "surrogatepass")

    def error_at(self, message, offset):
        """Return a JSSyntaxError located at a character offset (the caller raises it)."""
        return JSSyntaxError.at_offset(message, self.source, offset, self.filename, self.lines)

    def fail(self, message, node):
        raise self.error_at(message, self.char(node.start_byte))

    def fail_byte(self, message, byte):
        raise self.error_at(message, self.char(byte))

    def unexpected(self, node):
        """Raise V8's "Unexpected ..." error for a CST token (or the construct starting at it)."""
        token = _first_token(node)
        if token is None:
            self.fail_byte("Unexpected end of input", len(self.data))
        raise self.error_at(self.unexpected_message(token), self.char(token.start_byte))

    def unexpected_message(self, token):
        kind = token.type
        if kind == "string":
            return "Unexpected string"
        if kind == "number":
            return "Unexpected number"
        if kind in ("template_string", "`"):
            return "Unexpected template string"
        text = self.text(token)
        if not text:
            return "Unexpected end of input"
        if kind in ("jsx_text", "ERROR") and not _is_word(text):
            text = text.split()[0] if text.split() else text
        if _is_word(text):
            if text in _STRICT_RESERVED and self.strict:
                return "Unexpected strict mode reserved word"
            if text == "enum" or (text == "await" and (self.module or self.async_)):
                return "Unexpected reserved word"
            if text in _STATEMENT_KEYWORDS:
                return "Unexpected token '%s'" % text
            return "Unexpected identifier '%s'" % text
        if text[0] in "0123456789" or (text[0] == "." and text[1:2].isdigit()):
            return "Unexpected number"
        if text[0] in "'\"":
            return "Unexpected string"
        if text[0] == "#":
            return "Unexpected identifier '%s'" % text
        if text not in _PUNCTUATORS:
            return "Invalid or unexpected token"
        return "Unexpected token '%s'" % text

    def raise_tree_error(self, tree):
        """Raise the SyntaxError for the first ERROR or MISSING node of a tree."""
        byte, token, previous = _locate_tree_error(tree, self.data)
        if token is None:
            self.fail_byte("Unexpected end of input", byte)
        if token.type in _ASSIGN_OPERATORS and previous is not None:
            # `1 = 2`: V8 names the bad target rather than the `=` after it. The grammar
            # lexes `1 += 2` as `+` then `=`, so an adjacent operator belongs to the `=`.
            if (previous.end_byte == token.start_byte and previous.prev_sibling is not None
                    and self.text(previous) + "=" in _ASSIGN_OPERATORS):
                previous = _last_token(previous.prev_sibling)
            target = previous
            while (target.parent is not None and target.parent.type not in _NOT_TARGETS
                   and target.parent.end_byte == previous.end_byte):
                target = target.parent
            self.fail("Invalid left-hand side in assignment", target)
        if token.type in ("++", "--") and previous is not None and not self.newline_between(
                previous.end_byte, token.start_byte):
            self.fail("Invalid left-hand side expression in postfix operation", previous)
        if token.type in ("'", '"'):
            self.fail_byte("Invalid or unexpected token", byte)
        if (previous is not None and previous.type == "regex" and previous.end_byte == byte
                and _is_word(self.text(token))):
            self.fail("Invalid regular expression flags", previous)
        if token.type == "string" and token.parent is not None and token.parent.type in (
                "ERROR", "arguments") and _child_of_type(token.parent, "(") is not None:
            self.fail_byte("missing ) after argument list", byte)
        if token.type == "ERROR" and token.child_count == 0:
            text = self.text(token)
            if text[:1] in ("'", '"') or text[:1] == "\\" or not text.strip():
                self.fail_byte("Invalid or unexpected token", byte)
        raise self.error_at(self.unexpected_message(token), self.char(byte))

    def check_source(self, tree):
        """Checks on raw source text that the grammar's lexer is laxer about."""
        source = self.source
        if _FAKE_SPACE.search(source):
            byte = last = 0
            for match in _FAKE_SPACE.finditer(source):
                byte += len(source[last:match.start()].encode("utf-8", "surrogatepass"))
                last = match.start()
                node = tree.root_node.descendant_for_byte_range(byte, byte + 1)
                if node is None or node.type not in ("string_fragment", "comment", "string",
                                                     "template_string", "regex_pattern",
                                                     "html_comment", "escape_sequence"):
                    raise self.error_at("Invalid or unexpected token", match.start())
        if "-->" in source or "<!--" in source:
            for node in _nodes_of_type(tree.root_node, "html_comment"):
                if self.module:
                    self.fail("Unexpected token '<'" if self.text(node).startswith("<")
                              else "Unexpected token '--'", node)
                if self.text(node).startswith("-->"):
                    self.check_html_close(node)

    def check_html_close(self, node):
        # Annex B: `-->` opens a comment only at the start of a line, after nothing but
        # whitespace and /* */ comments (a multi-line one that spans a line break counts as
        # the line break).
        text = self.source[:self.char(node.start_byte)]
        while True:
            text = text.rstrip(" \t\v\f\u00a0\ufeff")
            if not text.endswith("*/"):
                break
            opening = text.rfind("/*", 0, len(text) - 2)
            if opening < 0:
                break
            if any(t in text[opening:] for t in "\n\r\u2028\u2029"):
                return
            text = text[:opening]
        if text and text[-1] not in "\n\r\u2028\u2029":
            self.fail("Unexpected token '>'", node)

    def newline_between(self, start_byte, end_byte):
        """Whether a LineTerminator occurs between two byte offsets (comments included)."""
        chunk = self.data[start_byte:end_byte]
        return (b"\n" in chunk or b"\r" in chunk or b"\xe2\x80\xa8" in chunk
                or b"\xe2\x80\xa9" in chunk)

    # ------------------------------------------------------------------ tree helpers

    @staticmethod
    def named(node):
        return [c for c in node.named_children if c.type not in _COMMENTS]

    @staticmethod
    def tokens(node):
        return [c for c in node.children if c.type not in _COMMENTS]

    # ------------------------------------------------------------------ program and bodies

    def program(self, root):
        statements = self.named(root)
        if statements and statements[0].type == "hash_bang_line":
            statements = statements[1:]
        count, use_strict = self.scan_directives(statements)
        self.strict = self.strict or use_strict
        body = self.statement_list(statements, count)
        return js.Program(body=body, sourceType="module" if self.module else "script",
                          strict=self.strict, span=self.span_bytes(0, len(self.data)))

    def scan_directives(self, statements):
        """Count the directive prologue of a statement list; report whether it has 'use strict'.

        The prologue is scanned before anything is converted because "use strict" makes the
        whole body strict, including the directives before it (`"\\01"; "use strict";`)."""
        count = 0
        use_strict = False
        for statement in statements:
            if statement.type != "expression_statement":
                break
            parts = self.named(statement)
            if len(parts) != 1 or parts[0].type != "string":
                break
            if self.text(parts[0])[1:-1] == "use strict":
                use_strict = True
            count += 1
        return count, use_strict

    def statement_list(self, statements, directives=0):
        body = self.statements(statements)
        for i in range(directives):
            # ESTree's `directive` is the raw source text between the quotes.
            body[i].directive = self.text(self.named(statements[i])[0])[1:-1]
        return body

    def expression(self, node):
        handler = self.handlers.get(node.type)
        if handler is None:
            self.unexpected(node)
        return handler(node)

    def statement(self, node):
        """Convert a statement in a single-statement position (if branch, loop body...)."""
        result = self.expression(node)
        if type(result) is list:
            # A block misread as an object literal followed by more code (see
            # expression_statement): only a statement list can hold the pieces.
            if len(result) != 1:
                self.unexpected_after(node)
            return result[0]
        return result

    def statements(self, nodes):
        """Convert a statement list, splicing in statements split off a misread block."""
        body = []
        index = 0
        count = len(nodes)
        while index < count:
            node = nodes[index]
            index += 1
            if (node.type == "expression_statement" and index < count
                    and self.is_split_let(node, nodes[index])):
                # `let` + line break + binding is one LexicalDeclaration (a line break after
                # `let` is no ASI point when a binding can follow), which tree-sitter splits
                # into `let;` and the rest: rejoin the two with the break blanked out.
                following = nodes[index]
                index += 1
                body.extend(self.reparse_statements(
                    node.start_byte, following.end_byte,
                    blank=(node.start_byte + 3, _first_token(following).start_byte)))
                continue
            result = self.expression(node)
            if type(result) is list:
                body.extend(result)
            else:
                body.append(result)
        return body

    def is_split_let(self, node, following):
        parts = self.named(node)
        if (len(parts) != 1 or parts[0].type != "identifier" or self.text(parts[0]) != "let"
                or _child_of_type(node, ";") is not None):
            return False
        token = _first_token(following)
        return (token is not None and token.type in ("identifier", "[", "{", "yield", "await")
                and self.newline_between(node.end_byte, token.start_byte))

    def reparse_statements(self, start, end, blank=None, patch=None):
        """Parse the bytes [start, end) of the source on their own and convert the statements
        found there. Everything else, and the `blank` byte range if given, is blanked to
        spaces, so offsets stay those of the original source; `patch` is (offset, bytes) to
        overwrite (same length) before parsing."""
        if not self.data[start:end].strip():
            return []
        blanked = bytearray(b" " * len(self.data))
        blanked[start:end] = self.data[start:end]
        if blank is not None:
            blanked[blank[0]:blank[1]] = b" " * (blank[1] - blank[0])
        if patch is not None:
            blanked[patch[0]:patch[0] + len(patch[1])] = patch[1]
        tree = Parser(_LANGUAGE).parse(bytes(blanked))
        if tree.root_node.has_error:
            self.raise_tree_error(tree)
        return self.statements(self.named(tree.root_node))

    # ------------------------------------------------------------------ statements

    def expression_statement(self, node):
        parts = self.named(node)
        if not parts:
            self.unexpected(node)
        first = parts[0]
        block = self.check_statement_start(first)
        if block is not None:
            # tree-sitter reads `{a: 1}` or `{}[0]` at the start of a statement as an object
            # literal, but there `{` always opens a block: convert the braces as a block and
            # whatever followed them as the next statements.
            body = self.reparse_statements(block.start_byte + 1, block.end_byte - 1)
            result = [js.BlockStatement(body=body, span=self.span(block))]
            result.extend(self.reparse_statements(block.end_byte, node.end_byte))
            return result
        leftmost = first
        while leftmost.type in ("subscript_expression", "assignment_expression",
                                "member_expression", "call_expression"):
            leftmost = leftmost.children[0]
        if (leftmost is not first and leftmost.type == "identifier"
                and self.text(leftmost) == "let" and leftmost.next_sibling is not None
                and leftmost.next_sibling.type == "["
                and self.newline_between(leftmost.end_byte, leftmost.next_sibling.start_byte)):
            # No ExpressionStatement starts with `let [`: it is a declaration with an array
            # pattern, which tree-sitter misreads as a member access when a line break
            # follows `let`.
            return self.reparse_statements(node.start_byte, node.end_byte,
                                           blank=(leftmost.end_byte,
                                                  leftmost.next_sibling.start_byte))
        if first.type == "yield_expression" and self.generator:
            tokens = self.tokens(first)
            if (len(tokens) > 1 and tokens[1].type != "*"
                    and self.newline_between(tokens[0].end_byte, tokens[1].start_byte)):
                # `yield` is restricted like `return`: `yield\n(x)` is `yield; (x);`.
                return [js.ExpressionStatement(js.YieldExpression(None, False,
                                                                  self.span(tokens[0])),
                                               None, self.span(tokens[0]))] + \
                    self.reparse_statements(tokens[1].start_byte, node.end_byte)
        return js.ExpressionStatement(self.expression(first), None, self.span(node))

    def check_statement_start(self, node):
        """An ExpressionStatement may not start with `function`, `class`, `async function` or
        `{`; tree-sitter happily parses `function(){}` or `class {}` as expressions there.
        Returns the object-literal node that is really a block, if any."""
        current = node
        while True:
            kind = current.type
            if kind in ("function_expression", "generator_function"):
                if self.tokens(current)[0].type == "async":
                    self.fail("Async functions can only be declared at the top level or inside "
                              "a block.", current)
                self.fail("Function statements require a function name", current)
            if kind == "class":
                if current.child_by_field_name("name") is None:
                    # `class {}` as a statement: a declaration needs a name.
                    self.unexpected(self.tokens(current)[1])
                self.fail("Unexpected token 'class'", current)
            if kind in ("object", "object_pattern"):
                return current
            if kind in ("parenthesized_expression", "arrow_function") or not current.child_count:
                return
            current = current.children[0]

    def unexpected_after(self, node):
        """Raise "Unexpected ..." for the first token after CST node `node`."""
        current = node
        while current is not None:
            following = current.next_sibling
            while following is not None and following.type in _COMMENTS:
                following = following.next_sibling
            if following is not None:
                self.unexpected(following)
            current = current.parent
        self.fail_byte("Unexpected end of input", len(self.data))

    def operand(self, node):
        """Convert the operand of a unary or binary operator, which may not be an
        assignment, arrow function or yield expression unless parenthesized."""
        kind = node.type
        if kind in _LOOSE_OPERANDS:
            if kind == "arrow_function":
                self.fail("Malformed arrow function parameter list", node)
            if kind == "yield_expression":
                if self.generator:
                    self.unexpected(node)
            else:
                self.fail("Invalid left-hand side in assignment", node)
        return self.expression(node)

    def check_no_in(self, node):
        """Reject a bare `in` operator in a for(;;) head's initializer ([~In] in the grammar),
        which would make the head ambiguous with a for-in head."""
        stack = [node]
        while stack:
            current = stack.pop()
            kind = current.type
            if kind == "binary_expression" and _operator(current) == "in":
                self.unexpected(current.child_by_field_name("operator"))
            if kind in _IN_ALLOWED:
                continue
            if kind == "ternary_expression":
                stack.append(current.child_by_field_name("condition"))
                stack.append(current.child_by_field_name("alternative"))
                continue
            if kind == "subscript_expression":
                stack.append(current.child_by_field_name("object"))
                continue
            if kind == "arrow_function":
                stack.append(current.child_by_field_name("body"))
                continue
            stack.extend(current.named_children)

    def variable_declaration(self, node):
        return self.declaration(node, "var")

    def lexical_declaration(self, node):
        return self.declaration(node, node.child_by_field_name("kind").type)

    def using_declaration(self, node):
        # `using` declarations are not ES2020: `using` is an identifier, so read the
        # statement again with the word respelled (`using\nx = 1` is two statements).
        keyword = node.children[0]
        return self.reparse_statements(node.start_byte, node.end_byte,
                                       patch=(keyword.start_byte, _WORD_REPAIRS["using"]))

    def declaration(self, node, kind):
        declarators = []
        for child in self.named(node):
            if child.type != "variable_declarator":
                self.unexpected(child)
            name = child.child_by_field_name("name")
            value = child.child_by_field_name("value")
            target = self.binding(name)
            init = self.expression(value) if value is not None else None
            declarators.append(js.VariableDeclarator(target, init, self.span(child)))
        if not declarators:
            self.unexpected(node)
        return js.VariableDeclaration(declarations=declarators, kind=kind, span=self.span(node))

    def statement_block(self, node):
        return js.BlockStatement(self.statements(self.named(node)), self.span(node))

    def empty_statement(self, node):
        return js.EmptyStatement(span=self.span(node))

    def debugger_statement(self, node):
        return js.DebuggerStatement(span=self.span(node))

    def paren_inner(self, node):
        parts = self.named(node)
        if len(parts) != 1:
            self.unexpected(node)
        return self.expression(parts[0])

    def if_statement(self, node):
        alternate = node.child_by_field_name("alternative")
        if alternate is not None:
            parts = self.named(alternate)
            alternate = self.statement(parts[0]) if parts else self.unexpected(alternate)
        return js.IfStatement(
            test=self.paren_inner(node.child_by_field_name("condition")),
            consequent=self.statement(node.child_by_field_name("consequence")),
            alternate=alternate, span=self.span(node))

    def switch_statement(self, node):
        cases = []
        for case in self.named(node.child_by_field_name("body")):
            test = None
            if case.type == "switch_case":
                test = self.expression(case.child_by_field_name("value"))
                body = [s for s in case.children_by_field_name("body") if s.type not in _COMMENTS]
            elif case.type == "switch_default":
                body = [s for s in self.named(case)]
            else:
                self.unexpected(case)
            cases.append(js.SwitchCase(test=test, consequent=self.statements(body),
                                       span=self.span(case)))
        return js.SwitchStatement(discriminant=self.paren_inner(node.child_by_field_name("value")),
                                  cases=cases, span=self.span(node))

    def for_statement(self, node):
        init = node.child_by_field_name("initializer")
        if init is None or init.type == "empty_statement":
            init_ast = None
        elif init.type == "expression_statement":
            self.check_no_in(self.named(init)[0])
            init_ast = self.expression(self.named(init)[0])
        else:
            self.check_no_in(init)
            init_ast = self.statement(init)
        test = None
        for part in node.children_by_field_name("condition"):
            if not part.is_named or part.type in _COMMENTS or part.type == "empty_statement":
                continue
            if part.type == "expression_statement":
                part = self.named(part)[0]
            test = self.expression(part)
        update = node.child_by_field_name("increment")
        return js.ForStatement(init=init_ast, test=test,
                               update=self.expression(update) if update is not None else None,
                               body=self.statement(node.child_by_field_name("body")),
                               span=self.span(node))

    def for_in_statement(self, node):
        is_await = False
        for child in node.children:
            if child.type == "await":
                is_await = True
            elif child.type == "(":
                break
        kind = node.child_by_field_name("kind")
        left = node.child_by_field_name("left")
        value = node.child_by_field_name("value")
        operator = node.child_by_field_name("operator").type
        right = node.child_by_field_name("right")
        if is_await and (operator != "of" or not self.async_):
            if not self.async_:
                self.fail("Unexpected reserved word", _child_of_type(node, "await"))
            self.unexpected(node.child_by_field_name("operator"))
        if (kind is None and left.type == "subscript_expression"
                and self.text(left.child_by_field_name("object")) == "let"):
            # `for (let [a] of b)`: tree-sitter reads `let[a]` as a member access, but a
            # for-in/of head never starts with the expression `let [`.
            kind = left.child_by_field_name("object")
            left_kind = "let"
            target = self.array_binding_from_index(left)
        else:
            left_kind = kind.type if kind is not None else None
            target = None
        if kind is not None:
            if target is None:
                target = self.binding(left)
            init = None
            if value is not None:
                # Annex B allows `for (var x = 1 in o)` in sloppy code, nothing else.
                if (operator == "of" or left_kind != "var" or self.strict
                        or left.type != "identifier"):
                    self.fail("for-%s loop variable declaration may not have an initializer."
                              % operator, left)
                init = self.expression(value)
            last = value if value is not None else left
            declarator = js.VariableDeclarator(id=target, init=init, span=self.join(left, last))
            left_ast = js.VariableDeclaration(declarations=[declarator], kind=left_kind,
                                              span=self.join(kind, last))
        else:
            if value is not None:
                self.unexpected(value)
            if operator == "of" and left.type == "identifier" and self.text(left) in ("async",
                                                                                   "let"):
                if self.text(left) == "let":
                    self.fail("The left-hand side of a for-of loop may not be 'let'.", left)
                if not is_await:
                    self.fail("The left-hand side of a for-of loop may not be 'async'.", left)
            left_ast = self.target(left, "for-loop", patterns=True)
        if operator == "of" and right.type == "sequence_expression":
            self.unexpected(_child_of_type(right, ","))
        right_ast = self.expression(right)
        body = self.statement(node.child_by_field_name("body"))
        if operator == "of":
            return js.ForOfStatement(left=left_ast, right=right_ast, body=body,
                                     span=self.span(node), **{"await": is_await})
        return js.ForInStatement(left=left_ast, right=right_ast, body=body, span=self.span(node))

    def array_binding_from_index(self, node):
        """Turn the `[...]` of a misparsed `let[...]` member access into an ArrayPattern."""
        index = node.child_by_field_name("index")
        parts = self.named(index) if index.type == "sequence_expression" else [index]
        elements = [self.binding(part) for part in parts]
        open_bracket = _child_of_type(node, "[")
        return js.ArrayPattern(elements=elements, span=self.join(open_bracket, node))

    def while_statement(self, node):
        return js.WhileStatement(test=self.paren_inner(node.child_by_field_name("condition")),
                                 body=self.statement(node.child_by_field_name("body")),
                                 span=self.span(node))

    def do_statement(self, node):
        return js.DoWhileStatement(body=self.statement(node.child_by_field_name("body")),
                                   test=self.paren_inner(node.child_by_field_name("condition")),
                                   span=self.span(node))

    def try_statement(self, node):
        handler = node.child_by_field_name("handler")
        finalizer = node.child_by_field_name("finalizer")
        if handler is None and finalizer is None:
            self.fail_byte("Missing catch or finally after try", node.end_byte - 1)
        if handler is not None:
            param = handler.child_by_field_name("parameter")
            handler = js.CatchClause(
                param=self.binding(param) if param is not None else None,
                body=self.statement_block(handler.child_by_field_name("body")),
                span=self.span(handler))
        if finalizer is not None:
            finalizer = self.statement_block(finalizer.child_by_field_name("body"))
        return js.TryStatement(block=self.statement_block(node.child_by_field_name("body")),
                               handler=handler, finalizer=finalizer, span=self.span(node))

    def with_statement(self, node):
        return js.WithStatement(object=self.paren_inner(node.child_by_field_name("object")),
                                body=self.statement(node.child_by_field_name("body")),
                                span=self.span(node))

    def jump_label(self, node):
        label = node.child_by_field_name("label")
        if label is None:
            return None
        if self.newline_between(node.children[0].end_byte, label.start_byte):
            # `break \n foo` is `break; foo;`: tree-sitter would attach the label.
            self.unexpected(label)
        return self.identifier(label)

    def break_statement(self, node):
        return js.BreakStatement(label=self.jump_label(node), span=self.span(node))

    def continue_statement(self, node):
        return js.ContinueStatement(label=self.jump_label(node), span=self.span(node))

    def return_statement(self, node):
        parts = self.named(node)
        if parts and self.newline_between(node.children[0].end_byte, parts[0].start_byte):
            # `return` is a restricted production: a line break ends it, so `return\n(x)` is
            # `return; (x);`. tree-sitter reads one statement when the next line could go on.
            keyword = node.children[0]
            return [js.ReturnStatement(None, self.span(keyword))] + self.reparse_statements(
                parts[0].start_byte, node.end_byte)
        return js.ReturnStatement(self.expression(parts[0]) if parts else None, self.span(node))

    def throw_statement(self, node):
        parts = self.named(node)
        if not parts:
            self.unexpected(node)
        if self.newline_between(node.children[0].end_byte, parts[0].start_byte):
            self.fail("Illegal newline after throw", node)
        return js.ThrowStatement(argument=self.expression(parts[0]), span=self.span(node))

    def labeled_statement(self, node):
        label = node.child_by_field_name("label")
        body = node.child_by_field_name("body")
        if body is None:
            parts = self.named(node)
            body = parts[-1] if len(parts) > 1 else self.unexpected(node)
        return js.LabeledStatement(label=self.identifier(label), body=self.statement(body),
                                   span=self.span(node))

    def import_statement(self, node):
        if self.module:
            self.fail("import declarations are not supported", node)
        self.fail("Cannot use import statement outside a module", node)

    def export_statement(self, node):
        if self.module:
            self.fail("export declarations are not supported", node)
        self.fail("Unexpected token 'export'", node)

    # ------------------------------------------------------------------ functions

    def function_declaration(self, node):
        return self.function(node, js.FunctionDeclaration)

    def generator_function_declaration(self, node):
        return self.function(node, js.FunctionDeclaration)

    def function_expression(self, node):
        return self.function(node, js.FunctionExpression)

    def generator_function(self, node):
        return self.function(node, js.FunctionExpression)

    def arrow_function(self, node):
        return self.function(node, js.ArrowFunctionExpression)

    def function(self, node, cls, *, method=None, is_async=None, generator=None, span=None):
        """Convert any function-like CST node. `method` is the method kind for object/class
        methods (whose async/generator flags the caller has already read off the tokens)."""
        arrow = cls is js.ArrowFunctionExpression
        if method is None:
            is_async = generator = False
            for child in node.children:
                kind = child.type
                if kind == "async":
                    is_async = True
                    following = child.next_sibling
                    if following is not None and self.newline_between(child.end_byte,
                                                                      following.start_byte):
                        self.unexpected(following)
                elif kind == "*":
                    generator = True
                elif kind in ("formal_parameters", "identifier", "statement_block"):
                    break
        params_node = node.child_by_field_name("parameters")
        if params_node is None:
            params_node = node.child_by_field_name("parameter")
        body_node = node.child_by_field_name("body")
        if arrow:
            arrow_token = _child_of_type(node, "=>")
            if arrow_token is None:
                self.unexpected(node)
            if self.newline_between(params_node.end_byte, arrow_token.start_byte):
                self.unexpected(arrow_token)
        statements = None
        use_strict = False
        if arrow and body_node.type != "statement_block":
            leftmost = body_node
            while leftmost.child_count and leftmost.type not in ("parenthesized_expression",
                                                                  "object", "object_pattern"):
                leftmost = leftmost.children[0]
            if leftmost.type in ("object", "object_pattern"):
                # `() => {} = 1`: a concise body cannot start with `{`.
                self.unexpected_after(leftmost)
        if body_node.type == "statement_block":
            statements = self.named(body_node)
            directives, use_strict = self.scan_directives(statements)
        saved = self.strict, self.generator, self.async_, self.in_static_block
        self.in_static_block = self.in_static_block and arrow
        self.strict = strict = self.strict or use_strict
        name = node.child_by_field_name("name") if method is None else None
        ident = self.identifier(name) if name is not None else None
        if arrow:
            # Arrow parameters see the enclosing function's yield context; the body does not.
            # An await expression in them is still an error, but it must parse as one.
            self.async_ = is_async or self.async_
            params = self.parameters(params_node)
            self.generator = False
        else:
            self.generator = generator
            self.async_ = is_async
            params = self.parameters(params_node)
        self.async_ = is_async
        if statements is not None:
            body = js.BlockStatement(body=self.statement_list(statements, directives),
                                     span=self.span(body_node))
        else:
            body = self.expression(body_node)
        self.strict, self.generator, self.async_, self.in_static_block = saved
        return cls(id=ident, params=params, body=body, generator=generator,
                   expression=statements is None, strict=strict,
                   span=span or self.span(node), **{"async": is_async})

    def parameters(self, node):
        if node.type != "formal_parameters":
            # The single bare parameter of `x => ...`.
            return [self.binding(node)]
        params = []
        items = self.tokens(node)[1:-1]
        for index, item in enumerate(items):
            if item.type == ",":
                if index == 0 or items[index - 1].type == ",":
                    self.unexpected(item)
                continue
            if params and isinstance(params[-1], js.RestElement):
                self.fail("Rest parameter must be last formal parameter", item)
            param = self.binding(item)
            if isinstance(param, js.RestElement) and index + 1 < len(items):
                self.fail("Rest parameter must be last formal parameter", items[index + 1])
            params.append(param)
        return params

    # ------------------------------------------------------------------ classes

    def class_declaration(self, node):
        return self.class_(node, js.ClassDeclaration)

    def class_(self, node, cls):
        decorator = _child_of_type(node, "decorator")
        if decorator is not None:
            self.fail("Invalid or unexpected token", decorator)
        saved = self.strict
        # All parts of a class, heritage included, are strict mode code.
        self.strict = True
        name = node.child_by_field_name("name")
        heritage = _child_of_type(node, "class_heritage")
        super_class = None
        if heritage is not None:
            parts = self.named(heritage)
            if len(parts) != 1:
                self.unexpected(heritage)
            if parts[0].type not in _HERITAGE_TYPES:
                self.unexpected(parts[0])
            super_class = self.expression(parts[0])
        body_node = node.child_by_field_name("body")
        members = []
        for member in self.named(body_node):
            kind = member.type
            if kind == "method_definition":
                members.append(self.method_definition(member, True))
            elif kind == "field_definition":
                members.append(self.field_definition(member))
            elif kind == "class_static_block":
                members.append(self.static_block(member))
            else:
                self.unexpected(member)
        body = js.ClassBody(body=members, span=self.span(body_node))
        result = cls(id=self.identifier(name) if name is not None else None,
                     superClass=super_class, body=body, span=self.span(node))
        self.strict = saved
        return result

    def class_expression(self, node):
        return self.class_(node, js.ClassExpression)

    def static_block(self, node):
        body_node = node.child_by_field_name("body")
        saved = self.generator, self.async_, self.in_static_block
        self.generator = self.async_ = False
        self.in_static_block = True
        body = self.statement_block(body_node)
        self.generator, self.async_, self.in_static_block = saved
        span = self.span(node)
        run = js.CallExpression(js.ArrowFunctionExpression(params=[], body=body, strict=True, span=span), [],
                                span=span)
        return js.StaticBlock(body=body, value=run, span=span)

    def field_definition(self, node):
        decorator = _child_of_type(node, "decorator")
        if decorator is not None:
            self.fail("Invalid or unexpected token", decorator)
        static = any(c.type == "static" for c in node.children)
        key, computed = self.property_key(node.child_by_field_name("property"))
        value = node.child_by_field_name("value")
        return js.PropertyDefinition(key=key,
                                     value=self.expression(value) if value is not None else None,
                                     computed=computed, static=static, span=self.span(node))

    def method_definition(self, node, in_class):
        decorator = _child_of_type(node, "decorator")
        if decorator is not None:
            self.fail("Invalid or unexpected token", decorator)
        name = node.child_by_field_name("name")
        static = is_async = generator = False
        kind = "method"
        for child in node.children:
            if child.start_byte >= name.start_byte:
                break
            token = child.type
            if token == "static":
                static = True
            elif token == "static get":
                static = True
                kind = "get"
            elif token in ("get", "set"):
                kind = token
            elif token == "async":
                is_async = True
                if self.newline_between(child.end_byte, name.start_byte):
                    self.unexpected(name)
            elif token == "*":
                generator = True
        if static and not in_class:
            self.unexpected(node)
        key, computed = self.property_key(name)
        params = node.child_by_field_name("parameters")
        value = self.function(node, js.FunctionExpression, method=kind, is_async=is_async,
                              generator=generator, span=self.join(params, node))
        if in_class:
            if (kind == "method" and not static and not computed
                    and _key_name(key) == "constructor"):
                kind = "constructor"
            return js.MethodDefinition(key=key, value=value, kind=kind, computed=computed,
                                       static=static, span=self.span(node))
        return js.Property(key=key, value=value, kind="init" if kind == "method" else kind,
                           method=kind == "method", shorthand=False, computed=computed,
                           span=self.span(node))

    def property_key(self, node):
        kind = node.type
        if kind == "computed_property_name":
            parts = self.named(node)
            if len(parts) != 1:
                self.unexpected(node)
            return self.expression(parts[0]), True
        if kind in ("property_identifier", "identifier", "shorthand_property_identifier",
                    "shorthand_property_identifier_pattern"):
            return self.identifier_name(node), False
        if kind in ("string", "number"):
            return self.expression(node), False
        if kind == "private_property_identifier":
            return self.private_identifier(node), False
        self.unexpected(node)

    def private_identifier(self, node):
        name = self.text(node)[1:]
        if not name.isascii():
            self.check_identifier_chars(node, name)
        if "\\" in name:
            name = self.escaped_name(node, name)
        return js.PrivateIdentifier(name, (self, node.start_byte, node.end_byte))

    # ------------------------------------------------------------------ identifiers

    def identifier(self, node):
        name = self.text(node)
        if not name.isascii():
            self.check_identifier_chars(node, name)
        if "\\" in name:
            name = self.escaped_name(node, name)
            # Contextual words (yield, let, ...) follow the same rules escaped or not; those
            # are early_errors.py's. Reserved words can never be spelled with escapes.
            if name in _STATEMENT_KEYWORDS:
                self.fail("Keyword must not contain escaped characters", node)
        return js.Identifier(name, (self, node.start_byte, node.end_byte))

    def identifier_name(self, node):
        # Property names may be any IdentifierName, reserved words included.
        name = self.text(node)
        if not name.isascii():
            self.check_identifier_chars(node, name)
        if "\\" in name:
            name = self.escaped_name(node, name)
        return js.Identifier(name, (self, node.start_byte, node.end_byte))

    def check_identifier_chars(self, node, name):
        for index, ch in enumerate(name):
            if ch != "\\" and not is_identifier_char(ch, index == 0):
                raise self.error_at("Invalid or unexpected token", self.char(node.start_byte)
                                    + index)

    def escaped_name(self, node, raw):
        try:
            return decode_identifier(raw)
        except LiteralError as error:
            raise self.error_at(error.message, self.char(node.start_byte) + error.offset) from None

    def this(self, node):
        return js.ThisExpression((self, node.start_byte, node.end_byte))

    def super(self, node):
        return js.Super(span=self.span(node))

    # ------------------------------------------------------------------ literals

    def number(self, node):
        raw = self.text(node)
        try:
            value, bigint, legacy = decode_number(raw)
        except LiteralError as error:
            raise self.error_at(error.message, self.char(node.start_byte) + error.offset) from None
        after = self.data[node.end_byte:node.end_byte + 4].decode("utf-8", "ignore")[:1]
        if after and (after == "\\" or is_identifier_char(after, False)):
            # `3in x`: an IdentifierStart or digit may not directly follow a numeric literal.
            self.fail_byte("Invalid or unexpected token", node.end_byte)
        if legacy and self.strict:
            self.fail("Octal literals are not allowed in strict mode." if legacy == "octal" else
                      "Decimals with leading zeros are not allowed in strict mode.", node)
        return js.Literal(value, raw, None, bigint, self.span(node))

    def string(self, node):
        raw = self.text(node)
        try:
            value, legacy = decode_string(raw[1:-1])
        except LiteralError as error:
            raise self.error_at(error.message,
                                self.char(node.start_byte) + 1 + error.offset) from None
        if legacy is not None and self.strict:
            raise self.error_at(legacy[0], self.char(node.start_byte) + 1 + legacy[1])
        return js.Literal(value, raw, None, None, self.span(node))

    def true(self, node):
        return js.Literal(value=True, raw="true", span=self.span(node))

    def false(self, node):
        return js.Literal(value=False, raw="false", span=self.span(node))

    def null(self, node):
        return js.Literal(value=None, raw="null", span=self.span(node))

    def undefined(self, node):
        return js.Identifier(name="undefined", span=self.span(node))

    def regex(self, node):
        raw = self.text(node)
        slash = raw.rindex("/")
        pattern, flags = raw[1:slash], raw[slash + 1:]
        if pattern.startswith("*"):
            # `/*` always opens a comment; here an unterminated one.
            self.fail("Invalid or unexpected token", node)
        if any(f not in _REGEX_FLAGS for f in flags) or len(set(flags)) != len(flags):
            self.fail("Invalid regular expression flags", node)
        if "\n" in pattern or "\r" in pattern or "\u2028" in pattern or "\u2029" in pattern:
            self.fail("Invalid regular expression: missing /", node)
        try:
            validate_regex(pattern, flags)
        except LiteralError as error:
            raise self.error_at(error.message,
                                self.char(node.start_byte) + 1 + error.offset) from None
        return js.Literal(value=None, raw=raw, regex={"pattern": pattern, "flags": flags},
                          span=self.span(node))

    def template_string(self, node, tagged=False):
        quasis = []
        expressions = []
        start = node.start_byte + 1
        for child in node.children:
            if child.type == "template_substitution":
                quasis.append(self.template_element(start, child.start_byte, tagged, False))
                parts = self.named(child)
                if len(parts) != 1:
                    self.unexpected(child)
                expressions.append(self.expression(parts[0]))
                start = child.end_byte
        quasis.append(self.template_element(start, node.end_byte - 1, tagged, True))
        return js.TemplateLiteral(quasis=quasis, expressions=expressions, span=self.span(node))

    def template_element(self, start, end, tagged, tail):
        body = self.data[start:end].decode("utf-8", "surrogatepass")
        cooked, error = decode_template(body)
        if error is not None and not tagged:
            raise self.error_at(error[0], self.char(start) + error[1])
        return js.TemplateElement(value={"cooked": cooked, "raw": raw_template(body)}, tail=tail,
                                  span=self.span_bytes(start, end))

    # ------------------------------------------------------------------ expressions

    def parenthesized_expression(self, node):
        return self.paren_inner(node)

    def sequence_expression(self, node):
        expressions = []
        for child in self.named(node):
            if child.type == "sequence_expression":
                expressions.extend(self.sequence_expression(child).expressions)
            else:
                expressions.append(self.expression(child))
        return js.SequenceExpression(expressions=expressions, span=self.span(node))

    def array(self, node):
        elements = []
        after_element = False
        for child in node.children:
            kind = child.type
            if kind == ",":
                if not after_element:
                    elements.append(None)
                after_element = False
            elif kind in ("[", "]") or kind in _COMMENTS:
                continue
            else:
                elements.append(self.expression(child))
                after_element = True
        return js.ArrayExpression(elements, self.span(node))

    def spread_element(self, node):
        parts = self.named(node)
        return js.SpreadElement(argument=self.expression(parts[0]), span=self.span(node))

    def object(self, node):
        properties = []
        after_comma = True
        for child in node.children:
            kind = child.type
            if kind == ",":
                if after_comma:
                    self.unexpected(child)
                after_comma = True
                continue
            if kind in ("{", "}") or kind in _COMMENTS:
                continue
            if not after_comma:
                self.unexpected(child)
            after_comma = False
            properties.append(self.object_member(child))
        return js.ObjectExpression(properties, self.span(node))

    def object_member(self, node):
        kind = node.type
        if kind == "pair":
            key, computed = self.property_key(node.child_by_field_name("key"))
            return js.Property(key, self.expression(node.child_by_field_name("value")), "init",
                               False, False, computed, self.span(node))
        if kind == "shorthand_property_identifier":
            return js.Property(key=self.identifier_name(node), value=self.identifier(node),
                               kind="init", method=False, shorthand=True, computed=False,
                               span=self.span(node))
        if kind == "method_definition":
            return self.method_definition(node, False)
        if kind == "spread_element":
            return self.spread_element(node)
        if kind in ("assignment_pattern", "object_assignment_pattern"):
            # `{a = 1}` is only valid once the object is reinterpreted as a pattern.
            self.fail("Invalid shorthand property initializer", _child_of_type(node, "="))
        self.unexpected(node)

    def function_call_arguments(self, node):
        args = []
        after_comma = True
        for child in node.children:
            kind = child.type
            if kind == ",":
                if after_comma:
                    self.unexpected(child)
                after_comma = True
            elif kind in ("(", ")") or kind in _COMMENTS:
                continue
            else:
                if not after_comma:
                    self.unexpected(child)
                after_comma = False
                args.append(self.expression(child))
        return args

    # Member and call chains. `chain` returns (ast, optional, awaited): whether an optional
    # link (`?.`) occurs in the chain so far, so the outermost link can wrap it in a
    # ChainExpression, and the `await` token if the chain starts with a misread await.

    def member_expression(self, node):
        result, optional, awaited = self.chain(node)
        if optional:
            result = js.ChainExpression(expression=result, span=result._span)
        if awaited is not None:
            result = js.AwaitExpression(argument=result,
                                        span=self.join(awaited, node))
        return result

    subscript_expression = call_expression = member_expression

    def chain(self, node):
        # Positional access instead of field lookups: this is the hottest path of the
        # converter. The callee/object is always the first child and the property or
        # arguments the last; a `?.` token sits between them.
        kind = node.type
        children = node.children
        callee_node = children[0]
        args_node = children[-1]
        optional_token = None
        for child in children[1:-1]:
            if child.type == "optional_chain":
                optional_token = child
                break
        is_optional = optional_token is not None
        awaited = None
        callee_type = callee_node.type
        if callee_type in _CHAIN_LINKS:
            callee, optional, awaited = self.chain(callee_node)
        elif (callee_type == "identifier" and self.async_ and not is_optional
              and kind != "member_expression" and self.text(callee_node) == "await"):
            # In async code `await (x)`, `await [x]` and await `x` are await expressions that
            # tree-sitter reads as a call, a subscript or a tagged template on `await`; the
            # rest of the chain then applies to the operand, not to the await.
            return self.await_operand(node, kind), False, callee_node
        else:
            callee = self.callee(callee_node, kind)
            optional = False
        span = self.span(node)
        if kind == "member_expression":
            prop = args_node
            key = (self.private_identifier(prop) if prop.type == "private_property_identifier"
                   else self.identifier_name(prop))
            result = js.MemberExpression(callee, key, False, is_optional, span)
        elif kind == "subscript_expression":
            result = js.MemberExpression(callee,
                                         self.expression(node.child_by_field_name("index")),
                                         True, is_optional, span)
        elif args_node.type == "template_string":
            if optional or is_optional:
                self.fail("Invalid tagged template on optional chain", args_node)
            return js.TaggedTemplateExpression(tag=callee,
                                               quasi=self.template_string(args_node, True),
                                               span=span), False, awaited
        elif isinstance(callee, _ImportCallee):
            args = self.function_call_arguments(args_node)
            if len(args) != 1 or isinstance(args[0], js.SpreadElement) or is_optional:
                self.fail("import() requires exactly one argument", args_node)
            return js.ImportExpression(source=args[0], span=span), False, awaited
        else:
            result = js.CallExpression(callee, self.function_call_arguments(args_node),
                                       is_optional, span)
        if is_optional and isinstance(callee, js.Super):
            self.unexpected(optional_token)
        return result, optional or is_optional, awaited

    def await_operand(self, node, kind):
        if kind == "subscript_expression":
            index = node.child_by_field_name("index")
            parts = self.named(index) if index.type == "sequence_expression" else [index]
            return js.ArrayExpression(elements=[self.expression(p) for p in parts],
                                      span=self.join(_child_of_type(node, "["), node))
        args_node = node.child_by_field_name("arguments")
        if args_node.type == "template_string":
            return self.template_string(args_node)
        args = self.function_call_arguments(args_node)
        if not args or any(isinstance(a, js.SpreadElement) for a in args):
            self.unexpected(args_node)
        if len(args) == 1:
            return args[0]
        return js.SequenceExpression(expressions=args, span=self.span(args_node))

    def callee(self, node, link):
        kind = node.type
        if kind == "import":
            if link != "call_expression":
                self.unexpected(node)
            return _ImportCallee()
        if kind == "super":
            return js.Super(span=self.span(node))
        return self.expression(node)

    def new_expression(self, node):
        constructor = node.child_by_field_name("constructor")
        callee = self.callee(constructor, "new")
        if isinstance(callee, js.ChainExpression) and constructor.type != "parenthesized_expression":
            self.fail("Invalid optional chain from new expression", constructor)
        if constructor.type == "import" or isinstance(callee, _ImportCallee):
            self.unexpected(constructor)
        args = node.child_by_field_name("arguments")
        return js.NewExpression(callee=callee,
                                arguments=self.function_call_arguments(args) if args else [],
                                span=self.span(node))

    def meta_property(self, node):
        tokens = self.tokens(node)
        meta, prop = tokens[0], tokens[-1]
        if meta.type != "new" or prop.type != "target":
            if meta.type == "import":
                self.fail("Cannot use 'import.meta' outside a module", node)
            self.unexpected(node)
        return js.MetaProperty(meta=js.Identifier(name="new", span=self.span(meta)),
                               property=js.Identifier(name="target", span=self.span(prop)),
                               span=self.span(node))

    def yield_expression(self, node):
        tokens = self.tokens(node)
        delegate = len(tokens) > 1 and tokens[1].type == "*"
        parts = self.named(node)
        if delegate and self.newline_between(tokens[0].end_byte, tokens[1].start_byte):
            self.unexpected(tokens[1])
        if not self.generator:
            if self.strict:
                self.fail("Unexpected strict mode reserved word", node)
            if delegate or parts:
                # Outside generators `yield` is an identifier, so `yield x` is two expressions.
                self.unexpected(tokens[1])
            return js.Identifier(name="yield", span=self.span(node))
        if delegate and not parts:
            self.unexpected(node.next_sibling if node.next_sibling is not None else tokens[-1])
        if parts and not delegate and self.newline_between(tokens[0].end_byte,
                                                          parts[0].start_byte):
            # A line break after `yield` ends the expression (see expression_statement, which
            # handles the statement-level case); nested deeper, the tree cannot be split.
            self.fail("Line break between 'yield' and its operand is not supported here",
                      parts[0])
        argument = self.expression(parts[0]) if parts else None
        return js.YieldExpression(argument=argument, delegate=delegate, span=self.span(node))

    def await_expression(self, node):
        parts = self.named(node)
        if not self.async_:
            if self.in_static_block:
                self.fail("Unexpected reserved word", node)
            if self.module or len(parts) != 1 or parts[0].type != "parenthesized_expression":
                self.fail("await is only valid in async functions and the top level bodies of "
                          "modules", node)
            # In non-async script code `await(x)` is a call of a function named await.
            callee = js.Identifier(name="await", span=self.span(self.tokens(node)[0]))
            inner = self.named(parts[0])
            if len(inner) == 1 and inner[0].type == "sequence_expression":
                args = self.sequence_expression(inner[0]).expressions
            else:
                args = [self.expression(part) for part in inner]
            return js.CallExpression(callee=callee, arguments=args, optional=False,
                                     span=self.span(node))
        if not parts:
            self.unexpected(node.next_sibling if node.next_sibling is not None else node)
        return js.AwaitExpression(argument=self.operand(parts[0]), span=self.span(node))

    def unary_expression(self, node):
        operator = node.child_by_field_name("operator").type
        argument = node.child_by_field_name("argument")
        if argument.type == "binary_expression" and _operator(argument) == "**":
            self.fail("Unary operator used immediately before exponentiation expression. "
                      "Parenthesis must be used to disambiguate operator precedence", argument)
        return js.UnaryExpression(operator, self.operand(argument), True, self.span(node))

    def update_expression(self, node):
        operator_node = node.child_by_field_name("operator")
        argument = node.child_by_field_name("argument")
        prefix = operator_node.start_byte < argument.start_byte
        target = self.simple_target(argument)
        if target is None:
            self.fail("Invalid left-hand side expression in %s operation"
                      % ("prefix" if prefix else "postfix"), argument)
        if not prefix and self.newline_between(argument.end_byte, operator_node.start_byte):
            self.unexpected(operator_node)
        return js.UpdateExpression(operator=operator_node.type, argument=target, prefix=prefix,
                                   span=self.span(node))

    def binary_expression(self, node):
        # Iterative on the left spine: long `a + b + c + ...` chains are left-nested and
        # would otherwise recurse once per operator.
        spine = []
        current = node
        while current.type == "binary_expression":
            parts = _parts(current, 3)
            spine.append((current, parts))
            current = parts[0]
        if current.type == "private_property_identifier":
            # `#x in o` (ES2022 ergonomic brand checks): a private name only left of `in`.
            if not spine or _operator(spine[-1][0]) != "in":
                self.fail("Unexpected identifier '%s'" % self.text(current), current)
            result = self.private_identifier(current)
        else:
            result = self.operand(current)
        for link, (left, operator_node, right) in reversed(spine):
            operator = operator_node.type
            if operator == "**" and left.type in ("unary_expression", "await_expression"):
                self.fail("Unary operator used immediately before exponentiation expression. "
                          "Parenthesis must be used to disambiguate operator precedence", left)
            if operator in _LOGICAL:
                for operand in (left, right):
                    if operand.type == "binary_expression":
                        inner = _operator(operand)
                        if inner in _LOGICAL and inner != operator and "??" in (inner, operator):
                            # `a ?? b || c` needs parentheses; V8 blames the second operator.
                            self.unexpected(operator_node if operand is left else
                                            operand.child_by_field_name("operator"))
            if right.type == "private_property_identifier":
                self.fail("Unexpected identifier '%s'" % self.text(right), right)
            if right.type == "binary_expression" and operator in _RELATIONAL_OR_TIGHTER:
                # The grammar reads `a < #x in o` as `a < (#x in o)`; JavaScript has no such
                # parse, since `#x in o` can only start a relational expression.
                leftmost = right
                while leftmost.type == "binary_expression":
                    leftmost = leftmost.child_by_field_name("left")
                if leftmost.type == "private_property_identifier":
                    self.fail("Unexpected identifier '%s'" % self.text(leftmost), leftmost)
            cls = js.LogicalExpression if operator in _LOGICAL else js.BinaryExpression
            if right.type in _LOOSE_OPERANDS:
                right_ast = self.operand(right)
            else:
                right_ast = self.expression(right)
            result = cls(operator, result, right_ast, (self, link.start_byte, link.end_byte))
        return result

    def ternary_expression(self, node):
        return js.ConditionalExpression(
            self.operand(node.child_by_field_name("condition")),
            self.expression(node.child_by_field_name("consequence")),
            self.expression(node.child_by_field_name("alternative")), self.span(node))

    def assignment_expression(self, node):
        left, _, right = _parts(node, 3)
        target = self.target(left, "assignment", patterns=True)
        return js.AssignmentExpression("=", target, self.expression(right),
                                       (self, node.start_byte, node.end_byte))

    def augmented_assignment_expression(self, node):
        left = node.child_by_field_name("left")
        target = self.simple_target(left)
        if target is None:
            self.fail("Invalid left-hand side in assignment", left)
        return js.AssignmentExpression(operator=_operator(node), left=target,
                                       right=self.expression(node.child_by_field_name("right")),
                                       span=self.span(node))

    def jsx(self, node):
        self.fail("Unexpected token '<'", node)

    # ------------------------------------------------------------------ patterns and targets

    def simple_target(self, node):
        """Convert a target that must be a simple reference (compound assignment, ++/--):
        an identifier or a non-optional member access, possibly parenthesized. None if not."""
        while node.type == "parenthesized_expression":
            parts = self.named(node)
            if len(parts) != 1:
                return None
            node = parts[0]
        kind = node.type
        if kind in ("identifier", "undefined"):
            return self.identifier(node)
        if kind in ("member_expression", "subscript_expression"):
            result = self.expression(node)
            return None if isinstance(result, js.ChainExpression) else result
        if kind == "yield_expression" and not self.generator and not self.named(node):
            return self.expression(node)
        return None

    def target(self, node, context, patterns):
        """Convert the left side of `=` or of a for-in/of head: a simple target or, when it is
        written as an object/array literal without parentheses, a destructuring pattern."""
        kind = node.type
        if kind in ("object", "object_pattern", "array", "array_pattern") and patterns:
            return self.assignment_pattern_node(node)
        result = self.simple_target(node)
        if result is None:
            self.fail("Invalid left-hand side in %s" % context, node)
        return result

    def assignment_pattern_node(self, node):
        kind = node.type
        if kind in ("object", "object_pattern"):
            return js.ObjectPattern(properties=self.pattern_properties(node, False),
                                    span=self.span(node))
        return js.ArrayPattern(elements=self.pattern_elements(node, False), span=self.span(node))

    def binding(self, node):
        """Convert a BindingIdentifier or BindingPattern (declarations, parameters, catch)."""
        kind = node.type
        if kind in ("identifier", "undefined"):
            return self.identifier(node)
        if kind == "object_pattern":
            return js.ObjectPattern(properties=self.pattern_properties(node, True),
                                    span=self.span(node))
        if kind == "array_pattern":
            return js.ArrayPattern(elements=self.pattern_elements(node, True),
                                   span=self.span(node))
        if kind == "assignment_pattern":
            return js.AssignmentPattern(left=self.binding(node.child_by_field_name("left")),
                                        right=self.expression(node.child_by_field_name("right")),
                                        span=self.span(node))
        if kind == "rest_pattern":
            parts = self.named(node)
            if len(parts) != 1:
                self.unexpected(node)
            if parts[0].type in ("assignment_pattern", "assignment_expression"):
                self.fail("Rest parameter may not have a default initializer", parts[0])
            return js.RestElement(argument=self.binding(parts[0]), span=self.span(node))
        if kind == "yield_expression" and not self.generator and not self.named(node):
            return self.expression(node)
        if kind == "array":
            return js.ArrayPattern(elements=self.pattern_elements(node, True),
                                   span=self.span(node))
        if kind == "object":
            return js.ObjectPattern(properties=self.pattern_properties(node, True),
                                    span=self.span(node))
        if kind == "assignment_expression":
            return js.AssignmentPattern(left=self.binding(node.child_by_field_name("left")),
                                        right=self.expression(node.child_by_field_name("right")),
                                        span=self.span(node))
        if kind == "spread_element":
            return self.rest(node, True)
        self.fail("Invalid destructuring assignment target" if kind in (
            "member_expression", "subscript_expression") else
            self.unexpected_message(_first_token(node) or node), node)

    def pattern_element(self, node, binding):
        """One element of a destructuring pattern: a target with an optional default."""
        if binding:
            return self.binding(node)
        kind = node.type
        if kind in ("assignment_expression", "assignment_pattern"):
            return js.AssignmentPattern(
                left=self.pattern_element(node.child_by_field_name("left"), False),
                right=self.expression(node.child_by_field_name("right")),
                span=self.span(node))
        if kind in ("object", "object_pattern", "array", "array_pattern"):
            return self.assignment_pattern_node(node)
        result = self.simple_target(node)
        if result is None:
            self.fail("Invalid destructuring assignment target", node)
        return result

    def pattern_elements(self, node, binding):
        elements = []
        after_element = False
        children = self.tokens(node)
        for index, child in enumerate(children):
            kind = child.type
            if kind == ",":
                if not after_element:
                    elements.append(None)
                after_element = False
                continue
            if kind in ("[", "]"):
                continue
            if elements and isinstance(elements[-1], js.RestElement):
                self.fail("Rest element must be last element", child)
            if kind in ("rest_pattern", "spread_element"):
                elements.append(self.rest(child, binding))
                if children[index + 1].type == ",":
                    self.fail("Rest element must be last element", child)
            else:
                elements.append(self.pattern_element(child, binding))
            after_element = True
        return elements

    def rest(self, node, binding):
        parts = self.named(node)
        if len(parts) != 1:
            self.unexpected(node)
        argument = parts[0]
        if argument.type in ("assignment_expression", "assignment_pattern"):
            self.fail("Invalid destructuring assignment target", argument)
        return js.RestElement(argument=self.pattern_element(argument, binding),
                              span=self.span(node))

    def pattern_properties(self, node, binding):
        properties = []
        children = self.tokens(node)
        after_comma = True
        for index, child in enumerate(children):
            kind = child.type
            if kind == ",":
                if after_comma:
                    self.unexpected(child)
                after_comma = True
                continue
            if kind in ("{", "}"):
                continue
            if not after_comma:
                self.unexpected(child)
            after_comma = False
            if properties and isinstance(properties[-1], js.RestElement):
                self.fail("Rest element must be last element", child)
            span = self.span(child)
            if kind in ("pair", "pair_pattern"):
                key, computed = self.property_key(child.child_by_field_name("key"))
                value = self.pattern_element(child.child_by_field_name("value"), binding)
                properties.append(js.Property(key=key, value=value, kind="init", method=False,
                                              shorthand=False, computed=computed, span=span))
            elif kind in ("shorthand_property_identifier", "shorthand_property_identifier_pattern"):
                properties.append(js.Property(key=self.identifier_name(child),
                                              value=self.identifier(child), kind="init",
                                              method=False, shorthand=True, computed=False,
                                              span=span))
            elif kind in ("object_assignment_pattern", "assignment_pattern"):
                left = child.child_by_field_name("left")
                if left.type not in ("shorthand_property_identifier",
                                     "shorthand_property_identifier_pattern", "identifier"):
                    self.unexpected(left)
                value = js.AssignmentPattern(
                    left=self.identifier(left),
                    right=self.expression(child.child_by_field_name("right")), span=span)
                properties.append(js.Property(key=self.identifier_name(left), value=value,
                                              kind="init", method=False, shorthand=True,
                                              computed=False, span=span))
            elif kind in ("rest_pattern", "spread_element"):
                rest = self.rest(child, binding)
                if not isinstance(rest.argument, (js.Identifier, js.MemberExpression)):
                    self.fail("`...` must be followed by an identifier in declaration contexts"
                              if binding else "`...` must be followed by an assignable reference "
                              "in assignment contexts", child)
                if index + 1 < len(children) and children[index + 1].type == ",":
                    self.fail("Rest element must be last element", child)
                properties.append(rest)
            else:
                self.fail("Invalid destructuring assignment target", child)
        return properties

    # ------------------------------------------------------------------ dispatch table

    def _handlers(self):
        table = {
            "expression_statement": self.expression_statement,
            "variable_declaration": self.variable_declaration,
            "lexical_declaration": self.lexical_declaration,
            "using_declaration": self.using_declaration,
            "statement_block": self.statement_block,
            "empty_statement": self.empty_statement,
            "debugger_statement": self.debugger_statement,
            "if_statement": self.if_statement,
            "switch_statement": self.switch_statement,
            "for_statement": self.for_statement,
            "for_in_statement": self.for_in_statement,
            "while_statement": self.while_statement,
            "do_statement": self.do_statement,
            "try_statement": self.try_statement,
            "with_statement": self.with_statement,
            "break_statement": self.break_statement,
            "continue_statement": self.continue_statement,
            "return_statement": self.return_statement,
            "throw_statement": self.throw_statement,
            "labeled_statement": self.labeled_statement,
            "import_statement": self.import_statement,
            "export_statement": self.export_statement,
            "function_declaration": self.function_declaration,
            "generator_function_declaration": self.generator_function_declaration,
            "class_declaration": self.class_declaration,
            "identifier": self.identifier,
            "this": self.this,
            "super": self.super,
            "number": self.number,
            "string": self.string,
            "true": self.true,
            "false": self.false,
            "null": self.null,
            "undefined": self.undefined,
            "regex": self.regex,
            "template_string": self.template_string,
            "parenthesized_expression": self.parenthesized_expression,
            "sequence_expression": self.sequence_expression,
            "array": self.array,
            "object": self.object,
            "spread_element": self.spread_element,
            "function_expression": self.function_expression,
            "generator_function": self.generator_function,
            "arrow_function": self.arrow_function,
            "class": self.class_expression,
            "member_expression": self.member_expression,
            "subscript_expression": self.subscript_expression,
            "call_expression": self.call_expression,
            "new_expression": self.new_expression,
            "meta_property": self.meta_property,
            "yield_expression": self.yield_expression,
            "await_expression": self.await_expression,
            "unary_expression": self.unary_expression,
            "update_expression": self.update_expression,
            "binary_expression": self.binary_expression,
            "ternary_expression": self.ternary_expression,
            "assignment_expression": self.assignment_expression,
            "augmented_assignment_expression": self.augmented_assignment_expression,
        }
        for kind in ("jsx_element", "jsx_self_closing_element", "jsx_fragment",
                     "jsx_opening_element"):
            table[kind] = self.jsx
        return table


class _ImportCallee:
    """Placeholder callee marking `import(...)`, which becomes an ImportExpression."""

    __slots__ = ()


def _parts(node, count):
    """The children of `node` without comments, when the grammar gives it exactly `count`
    tokens/subtrees (binary expressions, assignments): cheaper than field lookups."""
    children = node.children
    if len(children) != count:
        children = [c for c in children if c.type not in _COMMENTS]
    return children


_RELATIONAL_OR_TIGHTER = frozenset(("<", ">", "<=", ">=", "instanceof", "in", "<<", ">>", ">>>",
                                   "+", "-", "*", "/", "%", "**"))


def _operator(node):
    operator = node.child_by_field_name("operator")
    return operator.type


def _child_of_type(node, kind):
    for child in node.children:
        if child.type == kind:
            return child
    return None


def _first_token(node):
    """The first leaf token of a CST node (strings, numbers, regexes count as one token)."""
    while node.child_count and node.type not in ("string", "number", "regex", "template_string"):
        children = [c for c in node.children if c.type not in _COMMENTS]
        if not children:
            return None
        node = children[0]
    return node


def _last_token(node):
    while node.child_count and node.type not in ("string", "number", "regex",
                                                 "template_string"):
        node = node.children[-1]
    return node


def _nodes_of_type(root, kind):
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == kind:
            yield node
        stack.extend(node.children)


def _key_name(key):
    if isinstance(key, js.Identifier):
        return key.name
    if isinstance(key, js.Literal) and isinstance(key.value, str):
        return key.value
    return None


_WORD = re.compile(r"[\w$\\][\w$\\\u200c\u200d]*\Z", re.UNICODE)


def _is_word(text):
    return bool(_WORD.match(text))


# ---------------------------------------------------------------------------------------------
# Locating syntax errors
# ---------------------------------------------------------------------------------------------

_LOOKAHEAD_CACHE = {}
_ASSIGN_OPERATORS = frozenset(("=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=",
                               "&=", "|=", "^=", "&&=", "||=", "??="))
_NOT_TARGETS = frozenset(("ERROR", "program", "expression_statement", "statement_block",
                          "formal_parameters", "variable_declarator", "lexical_declaration",
                          "variable_declaration", "pair", "assignment_expression",
                          "augmented_assignment_expression", "sequence_expression",
                          "for_statement", "for_in_statement"))
_ATOMIC = frozenset(("string", "number", "regex"))


def _valid_lookahead(state):
    names = _LOOKAHEAD_CACHE.get(state)
    if names is None:
        iterator = _LANGUAGE.lookahead_iterator(state)
        names = frozenset(iterator.names()) if iterator is not None else frozenset()
        _LOOKAHEAD_CACHE[state] = names
    return names


def _leaves(node, out):
    """Collect the tokens of a tree in order (comments skipped, literals kept whole)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.child_count == 0 or current.type in _ATOMIC:
            if current.type not in _COMMENTS:
                out.append(current)
            continue
        children = current.children
        children.reverse()
        stack.extend(children)
    return out


def _state_after(token):
    """The parse state right after `token` was shifted, or 0 if the table cannot tell.

    A token's next state is known directly only when it was shifted without reductions.
    Otherwise the largest node that `token` completes (ending where it ends) was reduced and
    pushed: the goto on that node from its own state is the state after the token."""
    state = token.next_parse_state
    if state:
        return state
    node = token
    parent = node.parent
    while (parent is not None and parent.type != "ERROR" and parent.parent is not None
           and parent.end_byte == token.end_byte):
        node = parent
        parent = node.parent
    if node is token:
        return 0
    return node.next_parse_state


def _first_error(node):
    """The first ERROR or MISSING node in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.is_missing or current.type == "ERROR":
            return current
        if current.has_error:
            children = current.children
            children.reverse()
            stack.extend(children)
    return None


def _locate_tree_error(tree, data):
    """Find the token V8 would call unexpected: returns (byte offset, token node or None for
    the end of input).

    tree-sitter's recovery does not say which token broke the parse: an ERROR node may wrap
    good tokens before the culprit, or only the tokens the culprit left incomplete (`var x = ;`
    wraps `=`). So the tokens from the first error onwards are replayed against the parse
    table: the first token that is not a valid lookahead in the state after its predecessor is
    the culprit. A MISSING node means the token after it was unexpected. When the replay cannot
    decide (the state is unknown inside an ERROR), the token under suspicion is blamed."""
    error = _first_error(tree.root_node)
    if error is None:
        return len(data), None, None
    leaves = _leaves(tree.root_node, [])
    first_bad = bisect.bisect_left([leaf.start_byte for leaf in leaves], error.start_byte)
    # A zero-width MISSING node sorts among the tokens starting at the same byte.
    while (error.is_missing and first_bad < len(leaves) and not leaves[first_bad].is_missing
           and leaves[first_bad].start_byte == error.start_byte):
        first_bad += 1
    previous = leaves[first_bad - 1] if first_bad > 0 else None
    for index in range(first_bad, len(leaves)):
        leaf = leaves[index]
        if leaf.is_missing:
            for after in leaves[index + 1:]:
                if not after.is_missing:
                    return after.start_byte, after, None
            return len(data), None, None
        if leaf.type == "ERROR" and leaf.child_count == 0:
            return leaf.start_byte, leaf, None
        if leaf.type in ("'", '"'):
            # A lone quote token: the string literal never ends.
            return leaf.start_byte, leaf, None
        state = _state_after(previous) if previous is not None else 1
        if state == 0:
            # Unknown: fall back to the state the token was lexed in, if it has one.
            state = leaf.parse_state
            if state in (0, 65535):
                return leaf.start_byte, leaf, previous
        valid = _valid_lookahead(state)
        first = leaf.children[0] if leaf.type in ("string", "regex") and leaf.child_count else leaf
        text = data[leaf.start_byte:leaf.end_byte].decode("utf-8", "replace")
        ok = first.type in valid or first.grammar_name in valid or text in valid
        if not ok and "_automatic_semicolon" in valid and previous is not None:
            gap = data[previous.end_byte:leaf.start_byte]
            ok = b"\n" in gap or b"\r" in gap or text == "}"
        if not ok:
            return leaf.start_byte, leaf, previous
        previous = leaf
    # Every token looked acceptable: an error that runs to the end of the input is an
    # unfinished construct; otherwise blame where the first error starts.
    if data[error.end_byte:].strip() and error.start_byte < len(data):
        token = _first_token(error)
        if token is not None and token.end_byte > token.start_byte:
            return token.start_byte, token, None
    return len(data), None, None
