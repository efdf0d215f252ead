"""jsthreads: a JavaScript runtime whose threads share one heap and run in parallel.

The embedding API (re-exports only): Runtime, JSError, JSSyntaxError. Importing the package
does not load the C core; `Runtime` does, on first use.
"""

__all__ = ["Runtime", "JSError", "JSSyntaxError"]


def __getattr__(name):
    # Lazy so that `python -m jsthreads disasm` and the test tools work without the C core.
    if name in __all__:
        from . import runtime
        return getattr(runtime, name)
    raise AttributeError(name)
