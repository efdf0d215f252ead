"""The only importer of jsthreads._core: loads the C core and turns status codes into exceptions.

Owns the boundary objects: the cffi `ffi`/`lib` pair, the compile callback the engine calls for
eval and new Function, and `Engine`, a thin owner of one jst_runtime. JSTHREADS_BUILD_DIR
selects a private build (tools/devbuild.sh) instead of the installed extension.
"""

import os
import sys

# The compiler (and tree-sitter under it) is imported on first use: a script served from the
# CLI's code cache runs without it.


def _load_from(path):
    # importlib.machinery is loaded at interpreter start-up; importlib.util would cost ~20 ms.
    from importlib.machinery import ExtensionFileLoader, ModuleSpec
    loader = ExtensionFileLoader("jsthreads._core", path)
    spec = ModuleSpec("jsthreads._core", loader, origin=path)
    module = loader.create_module(spec)
    loader.exec_module(module)
    sys.modules["jsthreads._core"] = module
    return module


def _core_files(folder):
    """Paths of _core*.so below folder, sorted (recursive when asked for a build folder)."""
    found = []
    for root, _dirs, files in os.walk(folder):
        found += [os.path.join(root, name) for name in files if name.startswith("_core") and name.endswith(".so")]
    return sorted(found)


def _load_core():
    build_dir = os.environ.get("JSTHREADS_BUILD_DIR")
    if build_dir:
        for candidate in _core_files(build_dir):
            return _load_from(candidate)
        raise ImportError("no _core*.so under JSTHREADS_BUILD_DIR=%s" % build_dir)
    try:
        from . import _core
        return _core
    except ImportError:
        # Imported from a source checkout (tests put it on PYTHONPATH): use the installed build.
        here = os.path.dirname(os.path.realpath(__file__))
        for entry in sys.path:
            package = os.path.join(os.path.realpath(entry or "."), "jsthreads")
            if package != here and os.path.isdir(package):
                for name in sorted(os.listdir(package)):
                    if name.startswith("_core") and name.endswith(".so"):
                        return _load_from(os.path.join(package, name))
        raise


_core = _load_core()
ffi, lib = _core.ffi, _core.lib

MODES = {"threads": lib.JST_MODE_THREADS, "gil": lib.JST_MODE_GIL}

# Compile flags; mirror of the COMPILE_* enum in csrc/thread.h.
COMPILE_EVAL, COMPILE_STRICT, COMPILE_FUNCTION, COMPILE_DIRECT_EVAL = 1, 2, 4, 8
COMPILE_GENERATOR, COMPILE_ASYNC = 16, 32
# csrc/builtins/shell.c's load(): compile a whole script; `parameters` holds its file name.
COMPILE_SHELL_SCRIPT = 0x1000
COMPILE_NEW_TARGET, COMPILE_SUPER_PROPERTY, COMPILE_SUPER_CALL = 1 << 14, 1 << 15, 1 << 16


class EngineError(Exception):
    """A JS exception escaped: `text` is the uncaught-error report as the CLI prints it."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


def _copy_to_c(data):
    buffer = lib.jst_malloc(len(data))
    ffi.memmove(buffer, data, len(data))
    return ffi.cast("uint8_t *", buffer)


def _error_text(message):
    encoded = message.encode("utf-8", "surrogatepass") + b"\0"
    buffer = lib.jst_malloc(len(encoded))
    ffi.memmove(buffer, encoded, len(encoded))
    return ffi.cast("char *", buffer)


@ffi.def_extern()
def jst_py_compile(runtime_data, source, source_length, flags, parameters, parameters_length,
                   blob_out, blob_length_out, error_out, error_line, error_column):
    """Compiles eval / new Function source for the engine; never lets a Python error escape."""
    try:
        from .compile import compile_source, compile_function, JSSyntaxError
    except Exception as error:  # a broken install must not take the process down either
        error_out[0] = _error_text("internal compiler error: %s: %s" % (type(error).__name__, error))
        return 1
    try:
        text = ffi.unpack(source, source_length).decode("utf-8", "surrogatepass")
        if flags & COMPILE_SHELL_SCRIPT:
            filename = ffi.unpack(parameters, parameters_length).decode("utf-8", "replace") if parameters != ffi.NULL else "<load>"
            blob = compile_source(text, filename)
        elif flags & COMPILE_FUNCTION:
            params = ffi.unpack(parameters, parameters_length).decode("utf-8", "surrogatepass") if parameters != ffi.NULL else ""
            kind = {COMPILE_GENERATOR: "function*", COMPILE_ASYNC: "async function",
                    COMPILE_GENERATOR | COMPILE_ASYNC: "async function*"}.get(flags & (COMPILE_GENERATOR | COMPILE_ASYNC), "")
            blob = compile_function(params, text, kind)
        else:
            mode = "eval" if flags & COMPILE_DIRECT_EVAL else "indirect-eval"
            allows = frozenset(name for bit, name in ((COMPILE_NEW_TARGET, "new.target"),
                                                      (COMPILE_SUPER_PROPERTY, "super.property"),
                                                      (COMPILE_SUPER_CALL, "super.call"))
                               if flags & bit)
            # A direct eval's parameters describe the private names around it (INT-18).
            private = ffi.unpack(parameters, parameters_length).decode("utf-8", "surrogatepass") if (
                mode == "eval" and parameters != ffi.NULL) else ""
            blob = compile_source(text, "<eval>", mode=mode, strict=bool(flags & COMPILE_STRICT),
                                  eval_allows=allows, private_names=private)
    except JSSyntaxError as error:
        error_out[0] = _error_text(error.message)
        error_line[0] = error.line
        error_column[0] = error.column
        return 1
    except RecursionError:
        error_out[0] = _error_text("Maximum call stack size exceeded (source nesting too deep)")
        return 1
    except Exception as error:  # a compiler bug must not take the process down
        error_out[0] = _error_text("internal compiler error: %s: %s" % (type(error).__name__, error))
        return 1
    blob_out[0] = _copy_to_c(blob)
    blob_length_out[0] = len(blob)
    return 0


class Engine:
    """One jst_runtime. Not thread-safe yet: the embedding issue brings attach-on-entry."""

    def __init__(self, mode="threads"):
        out = ffi.new("jst_runtime **")
        status = lib.jst_runtime_new(MODES[mode], out)
        if status != lib.JST_OK:
            raise MemoryError("could not create a jsthreads runtime (status %d)" % status)
        self._rt = out[0]

    def close(self):
        if self._rt is not None:
            lib.jst_runtime_free(self._rt)
            self._rt = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def uncaught_text(self):
        text = ffi.new("char **")
        lib.jst_exception_format(self._rt, text)
        try:
            return ffi.string(text[0]).decode("utf-8", "replace")
        finally:
            lib.jst_free_text(text[0])

    def run_blob(self, blob, run_event_loop=True):
        """Runs a compiled script; returns a handle of its completion value."""
        result = ffi.new("jst_handle *")
        status = lib.jst_run_script(self._rt, blob, len(blob), 1 if run_event_loop else 0, result)
        if status == lib.JST_ERROR_THROWN:
            raise EngineError(self.uncaught_text())
        if status != lib.JST_OK:
            raise RuntimeError("engine error %d" % status)
        return result[0]

    def run_event_loop(self):
        if lib.jst_run_event_loop(self._rt) == lib.JST_ERROR_THROWN:
            raise EngineError(self.uncaught_text())

    def to_python(self, handle):
        """Primitive completion values as Python values; objects as their ToString."""
        kind = lib.jst_handle_kind(self._rt, handle)
        try:
            if kind in (lib.JST_KIND_UNDEFINED, lib.JST_KIND_NULL):
                return None
            if kind in (lib.JST_KIND_BOOL, lib.JST_KIND_NUMBER):
                out = ffi.new("double *")
                lib.jst_handle_to_double(self._rt, handle, out)
                if kind == lib.JST_KIND_BOOL:
                    return bool(out[0])
                value = out[0]
                return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
            return self._text(lib.jst_handle_to_utf8, handle)
        finally:
            lib.jst_handle_release(self._rt, handle)

    def inspect(self, handle):
        """The value as console.log prints it; releases the handle."""
        try:
            return self._text(lib.jst_handle_inspect, handle)
        finally:
            lib.jst_handle_release(self._rt, handle)

    def _text(self, render, handle):
        """Calls a jst_handle_* function that returns malloc'd UTF-8 and decodes it."""
        text = ffi.new("char **")
        if render(self._rt, handle, text) != lib.JST_OK:
            raise EngineError(self.uncaught_text())
        try:
            return ffi.string(text[0]).decode("utf-8", "replace")
        finally:
            lib.jst_free_text(text[0])

    def gc(self):
        lib.jst_gc(self._rt)
