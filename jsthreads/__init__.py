"""jsthreads: a JavaScript runtime whose threads share one heap and run in parallel.

The embedding API (re-exports of jsthreads.runtime; docs/embedding.md): Runtime, the proxies
JSObject/JSArray/JSFunction/JSPromise, `undefined`, and the errors JSError, JSSyntaxError,
JSTimeoutError, JSInterruptedError, JSMemoryError. Importing the package does not load the C
core; the first use of one of these names does.
"""

__all__ = ["Runtime", "JSError", "JSSyntaxError", "JSTimeoutError", "JSInterruptedError",
           "JSMemoryError", "JSObject", "JSArray", "JSFunction", "JSPromise", "undefined"]


def __getattr__(name):
    # Lazy so that `python -m jsthreads disasm` and the test tools work without the C core.
    if name in __all__:
        from . import runtime
        return getattr(runtime, name)
    raise AttributeError(name)
