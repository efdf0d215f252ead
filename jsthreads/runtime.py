"""Runtime: the embedding API's entry point (eval, eval_file), over core.Engine.

Owns compiling source for the engine and mapping engine failures to Python exceptions:
JSSyntaxError for source that does not parse, JSError for anything JS throws. The full
embedding surface (proxies, conversions, callbacks, limits) arrives with its own issue.
"""

from pathlib import Path

from .compile import compile_source, JSSyntaxError
from .core import Engine, EngineError


class JSError(Exception):
    """A JS exception that escaped to Python; `text` is the report the CLI would print."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text
        first = text.splitlines()[0] if text else ""
        if first.startswith("Uncaught "):
            first = first[len("Uncaught "):]
        name, sep, message = first.partition(": ")
        self.name = name if sep else "Error"
        self.message = message if sep else first


class Runtime:
    def __init__(self, mode="threads"):
        self._engine = Engine(mode)
        self.mode = mode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._engine.close()

    def eval(self, source, filename="<eval>", run_event_loop=False):
        """Runs source as a script; returns its completion value (primitives as Python values)."""
        blob = compile_source(source, filename)
        try:
            handle = self._engine.run_blob(blob, run_event_loop)
        except EngineError as error:
            raise JSError(error.text) from None
        return self._engine.to_python(handle)

    def eval_file(self, path):
        # Bytes, then UTF-8: no newline translation, so a bare CR reaches the parser (as in the CLI).
        path = Path(path)
        return self.eval(path.read_bytes().decode("utf-8"), str(path))

    def run_until_idle(self):
        try:
            self._engine.run_event_loop()
        except EngineError as error:
            raise JSError(error.text) from None


__all__ = ["Runtime", "JSError", "JSSyntaxError"]
