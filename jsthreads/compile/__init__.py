"""The bytecode compiler: scope analysis (scope.py), emission (emit.py), blobs (code.py).

`compile_source` is the one entry point the runtime uses: source text in, blob out, or a
JSSyntaxError carrying file:line:col for both parse errors and emission-time early errors.
"""

from ..parse import parse, JSSyntaxError
from .emit import compile_program, compile_function_source, CompileError
from .scope import parse_private_names

__all__ = ["compile_source", "compile_function", "JSSyntaxError"]


def _syntax_error(error, filename, source):
    span = error.node.span if error.node is not None else None
    line, column = (span.start_line, span.start_col) if span is not None else (1, 1)
    lines = source.splitlines() or [""]
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return JSSyntaxError(str(error), filename, line, column, source_line)


def compile_source(source, filename="<input>", *, mode="script", strict=False, eval_allows=frozenset(),
                   private_names=""):
    """Compiles a script (mode 'script'), direct eval ('eval') or indirect eval ('indirect-eval').
    eval_allows: what the function around a direct eval lets its code use ("new.target",
    "super.property", "super.call"; ES2020 18.2.1.1 steps 6-8). private_names: the private
    names around a direct eval, as the class that holds them described them (INT-18)."""
    private = parse_private_names(private_names)
    program = parse(source, filename, strict=strict and mode != "script", eval_allows=eval_allows,
                    private_names=frozenset(p.name[1:] for p, _ in private.values()))
    try:
        return compile_program(program, filename, source, mode=mode, strict=strict,
                               eval_allows=eval_allows, private_names=private)
    except CompileError as error:
        raise _syntax_error(error, filename, source) from None


def compile_function(parameters, body, kind=""):
    """new Function(parameters, body): `kind` is '', 'function*', 'async function'."""
    keyword = (kind + " ") if kind else "function "
    if kind == "function*":
        keyword = "function* "
    source = "(%sanonymous(%s\n) {\n%s\n})" % (keyword, parameters, body)
    program = parse(source, "<anonymous>")
    try:
        return compile_function_source(program, "<anonymous>", source, kind)
    except CompileError as error:
        raise _syntax_error(error, "<anonymous>", source) from None

