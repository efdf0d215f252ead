"""`jsthreads repl`: an interactive prompt over one engine.

Owns line editing (readline when available), multi-line input (a line that ends the source
early — "Unexpected end of input" or an unterminated template — asks for more), echoing each
completion value as console.log would, and printing errors without leaving the loop.
"""

import sys

from .compile import compile_source, JSSyntaxError

INCOMPLETE = ("Unexpected end of input", "Unterminated template literal", "Unterminated string constant")


def _is_incomplete(error, source):
    if any(error.message.startswith(text) for text in INCOMPLETE):
        return True
    # An error reported at the very end of the input means more text could still fix it.
    lines = source.rstrip("\n").split("\n")
    return error.line >= len(lines) and error.column > len(lines[-1])


def main(args=None, stdin=None, stdout=None):
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401  (line editing and history for input())
        except ImportError:
            pass
    from .core import Engine, EngineError
    engine = Engine("gil" if getattr(args, "gil", False) else "threads")
    buffer = []
    while True:
        prompt = "... " if buffer else "> "
        try:
            if interactive:
                line = input(prompt)
            else:
                line = stdin.readline()
                if not line:
                    break
                line = line.rstrip("\n")
        except EOFError:
            break
        except KeyboardInterrupt:
            buffer = []
            print(file=stdout)
            continue
        if not buffer and line.strip() in (".exit", ".quit"):
            break
        buffer.append(line)
        source = "\n".join(buffer)
        if not source.strip():
            buffer = []
            continue
        try:
            blob = compile_source(source, "<repl>")
        except JSSyntaxError as error:
            if _is_incomplete(error, source):
                continue
            buffer = []
            print(error.format(), file=stdout)
            continue
        buffer = []
        try:
            handle = engine.run_blob(blob, run_event_loop=True)
            print(engine.inspect(handle), file=stdout)
        except EngineError as error:
            print(error.text, file=stdout)
        stdout.flush()
    engine.close()
    return 0
