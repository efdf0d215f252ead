"""The embedding API (DESIGN.md §5, docs/embedding.md): Runtime, live proxies of JS values,
conversions both ways, errors, limits, and Python callables and objects handed to JS.

Owns the Python half of csrc/api.h: every C call goes through `lib` from jsthreads.core, with the
GIL released while JS runs (cffi's default for out-of-line API calls), so Python threads run JS
in parallel. Each Python thread that calls in becomes a JS thread of its own (api.c attaches it
on its first call and detaches it when the thread ends). JS threads call Python back through
`jst_py_host` (cffi takes the GIL for it). Objects stay in JS and are reached through handles:
a proxy owns one handle (a GC root) and releases it when it dies, from any thread.

The common calls skip cffi: jsthreads._fastcall (csrc/pyext/fastcall.c), a CPython extension built
next to the core, is the proxies' base class. Calling a proxy with None/bool/int/float/str
arguments is one C call (jst_call_mixed, the GIL released while JS runs) and a primitive result
comes back converted in C; a JS thread calling an exposed callable with primitive arguments goes
through its C hook (PyGILState_Ensure, vectorcall). Everything else reaches the helpers below
(_slow_call, _slow_finish, _slow_put, _host_error_for), i.e. the cffi path. Without the extension
(a build that lacks it) the cffi path does everything, more slowly.
"""

import inspect
import itertools
import json
import os
import sys
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from pathlib import Path

from .compile import compile_source
from .parse.diagnostics import JSSyntaxError as _ParseSyntaxError
from . import core as _core_loader
from .core import ffi, lib, MODES

__all__ = ["Runtime", "JSError", "JSSyntaxError", "JSTimeoutError", "JSInterruptedError",
           "JSMemoryError", "JSObject", "JSArray", "JSFunction", "JSPromise", "undefined"]

MAX_SAFE_INTEGER = 2 ** 53
# Hot-path constants, read once (attribute lookups on `lib` cost a little on every call).
_OK, _THROWN = lib.JST_OK, lib.JST_ERROR_THROWN
_K_UNDEFINED, _K_NULL, _K_BOOL, _K_NUMBER, _K_STRING, _K_HOST = (
    lib.JST_KIND_UNDEFINED, lib.JST_KIND_NULL, lib.JST_KIND_BOOL, lib.JST_KIND_NUMBER,
    lib.JST_KIND_STRING, lib.JST_KIND_HOST)
_H_UNDEFINED, _H_NULL, _H_FALSE, _H_TRUE = (lib.JST_HANDLE_UNDEFINED, lib.JST_HANDLE_NULL,
                                            lib.JST_HANDLE_FALSE, lib.JST_HANDLE_TRUE)
_NULL = ffi.NULL
_K_OTHER, _K_BIGINT = lib.JST_KIND_OTHER, lib.JST_KIND_BIGINT
_HOST_VALUE, _HOST_THROW, _HOST_ABSENT, _HOST_NUMBER = (lib.JST_HOST_VALUE, lib.JST_HOST_THROW,
                                                       lib.JST_HOST_ABSENT, lib.JST_HOST_NUMBER)
_call_mixed = lib.jst_call_mixed
_HOST_CALL, _HOST_CALL_INTS, _HOST_GET, _HOST_SET, _HOST_HAS, _HOST_KEYS = (
    lib.JST_HOST_CALL, lib.JST_HOST_CALL_INTS, lib.JST_HOST_GET, lib.JST_HOST_SET, lib.JST_HOST_HAS,
    lib.JST_HOST_KEYS)
_ABSENT = object()   # a host operation found no such attribute (JS looks on the prototype)


class _Undefined:
    """JS `undefined`, for the Runtimes created with `undefined=jsthreads.undefined` and for
    passing undefined (rather than null, which None becomes) to JS."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "undefined"

    def __bool__(self):
        return False

    def __reduce__(self):
        return (_Undefined, ())


undefined = _Undefined()


def _load_fastcall():
    """jsthreads._fastcall from the folder jsthreads._core came from (an installed package, or a
    JSTHREADS_BUILD_DIR build: tools/devbuild.sh puts both there), else None."""
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec
    folder = os.path.dirname(getattr(_core_loader._core, "__file__", "") or "")
    # Only this interpreter's suffixes: a folder may hold builds for several Python versions.
    paths = [os.path.join(folder, "_fastcall" + suffix) for suffix in EXTENSION_SUFFIXES] if folder else []
    for path in paths:
        if os.path.exists(path):
            loader = ExtensionFileLoader("jsthreads._fastcall", path)
            module = loader.create_module(ModuleSpec("jsthreads._fastcall", loader, origin=path))
            loader.exec_module(module)
            sys.modules["jsthreads._fastcall"] = module
            return module
    return None


_fastcall = _load_fastcall()
# The C state of runtimes whose JS Threads outlived close(): JS may still call back through it.
_LEAKED = []


class JSError(Exception):
    """A JS exception that reached Python: `.name`, `.message`, `.stack` (the JS stack text),
    `.value` (the thrown value, converted) and `.text` (the report the CLI would print)."""

    def __init__(self, text, name="Error", message="", stack=None, value=None):
        super().__init__(text)
        self.text = text
        self.name = name
        self.message = message
        self.stack = stack
        self.value = value


class JSTimeoutError(JSError):
    """The Runtime's time_limit ran out during the call (TimeoutError-like)."""


class JSInterruptedError(JSError):
    """rt.interrupt() stopped the call."""


class JSMemoryError(JSError):
    """The Runtime's heap_limit was reached (a RangeError in JS); the runtime stays usable."""


class JSSyntaxError(JSError, _ParseSyntaxError):
    """Source that does not parse: `.filename`, `.line`, `.column` (1-based), `.message`."""

    def __init__(self, error):
        _ParseSyntaxError.__init__(self, error.message, error.filename, error.line, error.column,
                                   error.source_line)
        self.text = error.format()
        self.name = "SyntaxError"
        self.stack = None
        self.value = None

    def __str__(self):
        return self.message


# Runtimes by key, for the C callbacks (py_data is the key, so no cycle keeps a Runtime alive).
# Keyed by the key as a `void *` cdata: the callbacks look up the pointer they get as it is
# (cdata pointers hash and compare by address), with no cast.
_RUNTIMES = {}
_RUNTIME_KEYS = itertools.count(1)
_results = threading.local()   # one jst_result per Python thread, reused by every call


def _result():
    try:
        return _results.r
    except AttributeError:
        _results.r = ffi.new("jst_result *")
        return _results.r


@lru_cache(maxsize=256)
def _compiled(source, filename):
    # Repeated evals of one snippet (a REPL line, a template) compile once, like V8's cache.
    return compile_source(source, filename)


def _wtf8(text):
    return text.encode("utf-8", "surrogatepass")


class Runtime:
    """One JS runtime: its own heap, globals and JS threads (see docs/embedding.md).

    mode: "threads" (JS threads and Python threads run JS in parallel) or "gil" (one at a time).
    time_limit: seconds each call from Python may run (JSTimeoutError after), None for no limit.
    heap_limit: bytes of JS heap (JSMemoryError / a JS RangeError beyond), None for no limit.
    undefined: what JS `undefined` becomes in Python (None unless given, e.g. jsthreads.undefined).
    """

    def __init__(self, mode="threads", time_limit=None, heap_limit=None, undefined=None):
        if mode not in MODES:
            raise ValueError("mode must be 'threads' or 'gil', not %r" % (mode,))
        if heap_limit is not None and heap_limit <= 0:
            raise ValueError("heap_limit must be a positive number of bytes")
        self.mode = mode
        self._undefined = undefined
        self._key = next(_RUNTIME_KEYS)
        self._hosts = {}                 # host id -> Python object JS holds (api.c reports deaths)
        self._host_errors = OrderedDict()  # host id -> Python exception raised in a callback
        self._host_ids = itertools.count(1)
        self._close_lock = threading.Lock()
        self._closed = False
        self._api = None
        out = ffi.new("jst_runtime **")
        # With the extension, py_data is its RuntimeData (the call hook reads it); the proxies
        # find it as rt._fast.
        self._fast = _fastcall.RuntimeData(self, self._hosts, undefined) if _fastcall else None
        self._data = ffi.cast("void *", self._fast.address if self._fast is not None else self._key)
        _RUNTIMES[self._data] = weakref.ref(self)
        status = lib.jst_runtime_create(MODES[mode], int(heap_limit or 0), self._data, out)
        if status != lib.JST_OK:
            del _RUNTIMES[self._data]
            raise MemoryError("could not create a jsthreads runtime (status %d)" % status)
        self._api = out[0]
        if self._fast is not None:
            self._fast.set_runtime(int(ffi.cast("uintptr_t", self._api)))
        self.time_limit = time_limit
        self._globals = None

    # ---- life cycle ----

    @property
    def time_limit(self):
        return self._time_limit

    @time_limit.setter
    def time_limit(self, seconds):
        if seconds is not None and seconds <= 0:
            raise ValueError("time_limit must be a positive number of seconds")
        self._time_limit = seconds
        lib.jst_set_time_limit(self._api, float(seconds or 0))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Frees the runtime. Other Python threads must not be inside it. If JS Threads are still
        running, the runtime stays alive until the process ends (they keep using it)."""
        with self._close_lock:
            if self._closed:
                return
            status = lib.jst_runtime_close(self._api)
            if status == lib.JST_ERROR_BUSY:
                raise RuntimeError("the Runtime is in use (by another thread, or this close() runs "
                                   "inside a call from JS); close it once those calls return")
            # Closed, or (JS Threads still running) left to them until the process ends: then the
            # C runtime lives on, and so must this object's half, for their callbacks.
            self._closed = True
            if self._fast is not None:
                if status == lib.JST_OK:
                    self._fast.set_runtime(0)
                else:
                    self._fast.close()
                    _LEAKED.append(self._fast)   # it is the C runtime's py_data
            if status == lib.JST_OK:
                self._api = None
                _RUNTIMES.pop(self._data, None)
                self._hosts.clear()
                self._host_errors.clear()

    @property
    def closed(self):
        return self._closed

    def __del__(self):
        try:
            if self._api is not None:
                self.close()
        except Exception:
            pass

    def _live(self):
        if self._closed:
            raise RuntimeError("this jsthreads Runtime is closed")
        return self._api

    # ---- running code ----

    def eval(self, source, filename="<eval>", run_event_loop=False):
        """Runs source as a script; returns its completion value converted (objects as proxies)."""
        try:
            blob = _compiled(source, filename)
        except _ParseSyntaxError as error:
            raise JSSyntaxError(error) from None
        r = _result()
        status = lib.jst_eval_blob(self._live(), blob, len(blob), 1 if run_event_loop else 0, r)
        return self._finish(status, r)

    def eval_file(self, path, run_event_loop=False):
        # Bytes, then UTF-8: no newline translation, so a bare CR reaches the parser (as in the CLI).
        path = Path(path)
        return self.eval(path.read_bytes().decode("utf-8"), str(path), run_event_loop)

    def run_until_idle(self):
        """Runs this thread's microtasks and timers until none is left."""
        r = _result()
        self._finish(lib.jst_drain(self._live(), 1, r), r)

    def run_microtasks(self):
        r = _result()
        self._finish(lib.jst_drain(self._live(), 0, r), r)

    def call(self, function, *args):
        """Calls a JS function (a JSFunction, or the name of a global) with converted arguments."""
        api = self._live()
        if isinstance(function, JSObject):
            if function._rt is not self:
                raise ValueError("a JS value of another Runtime cannot be called in this one")
            return function._call(_H_UNDEFINED, args)
        if not isinstance(function, str):
            raise TypeError("call() takes a JS function or a global's name, not %s" % type(function).__name__)
        handles, owned = self._handles(args)
        r = _result()
        try:
            name = _wtf8(function)
            status = lib.jst_call_named(api, name, len(name), handles, len(args), r)
        finally:
            for h in owned:
                lib.jst_handle_release(api, h)
        return self._finish(status, r)

    @property
    def globals(self):
        """The global scope as a mutable mapping (globalThis; reads also see top-level let/const)."""
        if self._globals is None:
            self._globals = _Globals(self)
        return self._globals

    def expose(self, name_or_function=None, function=None):
        """Makes a Python callable a JS global: rt.expose("name", fn), rt.expose(fn), or as a
        decorator @rt.expose / @rt.expose("name"). Returns the callable."""
        if callable(name_or_function) and function is None:
            target = name_or_function
            self.globals[target.__name__] = target
            return target
        if function is not None:
            self.globals[name_or_function] = function
            return function

        def decorator(target):
            self.globals[name_or_function or target.__name__] = target
            return target
        return decorator

    def interrupt(self):
        """From any thread: makes the JS running in this runtime throw (JSInterruptedError in the
        Python call that ran it). JS Threads stop too. A no-op when nothing runs."""
        with self._close_lock:   # never concurrently with close() freeing the runtime
            if not self._closed:
                lib.jst_interrupt(self._api)

    def gc(self):
        lib.jst_gc(self._live())
        self._drop_dead_hosts()

    def thread_id(self):
        """The JS thread id of the calling Python thread in this runtime (attaching it)."""
        return lib.jst_thread_id(self._live())

    # ---- conversions: Python -> JS ----

    def _handles(self, values):
        """C array of handles for values, and the list of those the caller must release."""
        if not values:
            return _NULL, ()
        handles = ffi.new("jst_handle[]", len(values))
        owned = []
        try:
            for i, value in enumerate(values):
                t = type(value)
                if (t is int and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER) or t is float:
                    h = handles[i] = lib.jst_new_number(self._api, value)   # the common case
                    owned.append(h)
                    continue
                h, own = self._to_js(value)
                handles[i] = h
                if own:
                    owned.append(h)
        except BaseException:
            for h in owned:
                lib.jst_handle_release(self._api, h)
            raise
        return handles, owned

    def _encode(self, values):
        """jst_call_mixed's arguments (kinds, numbers, text) and the handles the caller releases
        (None when there are none)."""
        kinds = ""
        numbers = []
        texts = []
        owned = None
        try:
            for value in values:
                t = type(value)
                if t is str:
                    data = value.encode("utf-8", "surrogatepass")
                    kinds += "s"
                    numbers.append(len(data))
                    texts.append(data)
                elif t is float or (t is int and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER):
                    kinds += "n"
                    numbers.append(value)
                elif value is None:
                    kinds += "l"
                    numbers.append(0)
                elif t is bool:
                    kinds += "t" if value else "f"
                    numbers.append(0)
                elif value is undefined:
                    kinds += "u"
                    numbers.append(0)
                else:
                    h, own = self._to_js(value)
                    if own:
                        if owned is None:
                            owned = []
                        owned.append(h)
                    kinds += "h"
                    numbers.append(h)
        except BaseException:
            for h in owned or ():
                lib.jst_handle_release(self._api, h)
            raise
        return kinds.encode(), numbers, b"".join(texts), owned

    def _to_js(self, value, memo=None):
        """(handle, owned): owned handles are new and the caller releases them."""
        if value is None:
            return lib.JST_HANDLE_NULL, False
        if value is True:
            return lib.JST_HANDLE_TRUE, False
        if value is False:
            return lib.JST_HANDLE_FALSE, False
        t = type(value)
        if t is int or t is float:
            if t is int and not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                # A JS number cannot hold it exactly: a BigInt does.
                digits = b"%x" % value
                out = ffi.new("jst_handle *")
                self._check(lib.jst_new_bigint(self._api, digits, len(digits), out))
                return out[0], True
            return lib.jst_new_number(self._api, value), True
        if t is str:
            data = _wtf8(value)
            out = ffi.new("jst_handle *")
            self._check(lib.jst_new_string(self._api, data, len(data), out))
            return out[0], True
        if value is undefined:
            return lib.JST_HANDLE_UNDEFINED, False
        if isinstance(value, JSObject):
            if value._rt is not self:
                raise ValueError("a JS value of another Runtime cannot be passed to this one")
            return value._h, False
        if isinstance(value, bool):
            return (lib.JST_HANDLE_TRUE if value else lib.JST_HANDLE_FALSE), False
        if isinstance(value, (int, float)):
            return self._to_js(int(value) if isinstance(value, int) else float(value))
        if isinstance(value, str):
            return self._to_js(str(value))
        if isinstance(value, (list, tuple, dict)):
            return self._container_to_js(value, memo)
        if callable(value):
            return self._host_function(value), True
        return self._host_object(value), True

    def _container_to_js(self, value, memo):
        if memo is None:
            # One crossing for plain data: json.dumps (C) here, a C JSON reader there.
            try:
                text = json.dumps(value, separators=(",", ":"), check_circular=True).encode("ascii")
            except (TypeError, ValueError):
                text = None
            if text is not None:
                r = _result()
                status = lib.jst_from_json(self._api, text, len(text), r)
                if status == lib.JST_OK:
                    return r.handle, True
                if status == lib.JST_ERROR_OOM:
                    raise JSMemoryError("RangeError: Out of memory", "RangeError", "Out of memory")
            memo = {}
        # Element by element: cycles become cycles, JS proxies and Python objects pass through.
        if id(value) in memo:
            return lib.jst_handle_dup(self._api, memo[id(value)]), True
        out = ffi.new("jst_handle *")
        is_dict = isinstance(value, dict)
        self._check(lib.jst_new_object(self._api, out) if is_dict else lib.jst_new_array(self._api, out))
        target = out[0]
        memo[id(value)] = target
        items = value.items() if is_dict else enumerate(value)
        r = _result()
        try:
            for key, item in items:
                if not isinstance(key, (str, int)):
                    raise TypeError("dict keys converted to JS must be str or int, not %s" % type(key).__name__)
                name = _wtf8(str(key))
                h, own = self._to_js(item, memo)
                try:
                    status = lib.jst_set_named(self._api, target, name, len(name), h, r)
                finally:
                    if own:
                        lib.jst_handle_release(self._api, h)
                self._finish(status, r)
        except BaseException:
            lib.jst_handle_release(self._api, target)
            raise
        return target, True

    def _new_host_id(self, obj):
        self._drop_dead_hosts()
        host_id = next(self._host_ids)
        self._hosts[host_id] = obj
        return host_id

    def _host_function(self, function):
        name = _wtf8(getattr(function, "__name__", None) or type(function).__name__)
        out = ffi.new("jst_handle *")
        self._check(lib.jst_new_host_function(self._api, self._new_host_id(function), name, len(name), out))
        return out[0]

    def _host_object(self, obj):
        out = ffi.new("jst_handle *")
        self._check(lib.jst_new_host_object(self._api, self._new_host_id(obj), out))
        return out[0]

    def _drop_dead_hosts(self):
        ids = ffi.new("uint64_t[64]")
        while True:
            n = lib.jst_take_dead_hosts(self._api, ids, 64)
            for i in range(n):
                self._hosts.pop(ids[i], None)
            if n < 64:
                return

    def _check(self, status):
        if status == lib.JST_ERROR_OOM:
            raise JSMemoryError("RangeError: Out of memory", "RangeError", "Out of memory")
        if status != lib.JST_OK:
            raise RuntimeError("jsthreads: embedding call failed (status %d)" % status)

    # ---- conversions: JS -> Python ----

    def _finish(self, status, r):
        if status == _OK:
            return self._from_result(r)
        if status == _THROWN:
            raise self._error(r.handle)
        self._check(status)

    def _from_result(self, r, this=None):
        kind = r.kind
        if kind == _K_NUMBER:
            n = r.number
            return int(n) if n.is_integer() and -MAX_SAFE_INTEGER <= n <= MAX_SAFE_INTEGER else n
        if kind == _K_STRING:
            return ffi.unpack(r.text, r.length).decode("utf-8", "surrogatepass")
        if kind == _K_UNDEFINED:
            return self._undefined
        if kind == _K_NULL:
            return None
        if kind == _K_BOOL:
            return r.number != 0
        if kind == _K_HOST:
            return self._hosts.get(r.host_id)
        if kind == _K_BIGINT:
            return int(ffi.unpack(r.text, r.length), 16)
        cls = _PROXY_CLASSES.get(kind, JSObject)
        if cls is JSFunction:
            return JSFunction(self, r.handle, this)
        return cls(self, r.handle)

    def _from_arg(self, a):
        """A jst_result argument of a host callback (object handles stay the engine's)."""
        kind = a.kind
        if kind == _K_NUMBER:
            n = a.number
            return int(n) if n.is_integer() and -MAX_SAFE_INTEGER <= n <= MAX_SAFE_INTEGER else n
        if kind == _K_STRING:
            return ffi.unpack(a.text, a.length).decode("utf-8", "surrogatepass")
        if a.handle:
            cls = _PROXY_CLASSES.get(kind, JSObject)
            return cls(self, lib.jst_handle_dup(self._api, a.handle))
        return self._from_result(a)

    def _put_result(self, value, result):
        """Writes a host callback's result into the jst_result; returns the JST_HOST_* answer."""
        t = type(value)
        if t is float or (t is int and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER):
            result.number = value
            return _HOST_NUMBER
        if value is None:
            result.kind = _K_NULL
            return _HOST_VALUE
        if t is bool:
            result.kind = _K_BOOL
            result.number = value
            return _HOST_VALUE
        if t is str:
            data = _wtf8(value)
            if len(data) <= result.length:   # the engine's buffer: no handle needed
                ffi.memmove(result.text, data, len(data))
                result.length = len(data)
                result.kind = _K_STRING
                return _HOST_VALUE
        if value is undefined:
            result.kind = _K_UNDEFINED
            return _HOST_VALUE
        h, own = self._to_js(value)
        result.handle = h if own else lib.jst_handle_dup(self._api, h)
        result.kind = _K_OTHER
        return _HOST_VALUE

    def _from_handle(self, h):
        """A value from a handle the caller keeps owning (objects get their own duplicate)."""
        r = _result()
        self._check(lib.jst_handle_read(self._api, h, r))
        if r.handle:
            r.handle = lib.jst_handle_dup(self._api, h)
        return self._from_result(r)

    def _error(self, h):
        """The Python exception for a thrown value (handle h, consumed)."""
        api = self._api
        try:
            host = ffi.new("uint64_t *")
            reason = lib.jst_exception_reason(api, h, host)
            text_out = ffi.new("char **")
            if lib.jst_error_format(api, h, text_out) == lib.JST_OK:
                text = ffi.string(text_out[0]).decode("utf-8", "replace")
                lib.jst_free_text(text_out[0])
            else:
                text = "Uncaught exception"
            value = self._from_handle(h)
        finally:
            lib.jst_handle_release(api, h)
        name, message, stack = "Error", "", None
        if isinstance(value, JSObject):
            try:
                name = str(value.get("name", "Error"))
                message = str(value.get("message", ""))
                stack = value.get("stack")
            except JSError:
                pass
        else:
            message = str(value)
            name = type(value).__name__ if value is not None else "null"
        cls = {lib.JST_REASON_TIMEOUT: JSTimeoutError, lib.JST_REASON_INTERRUPT: JSInterruptedError,
               lib.JST_REASON_OOM: JSMemoryError}.get(reason, JSError)
        error = cls(text, name, message, stack, value)
        if reason == lib.JST_REASON_HOST:
            error.__cause__ = self._host_errors.get(host[0])
        return error

    def _host_error(self, exc):
        """A JS Error standing for a Python exception raised in a callback (an owned handle)."""
        host_id = next(self._host_ids)
        self._host_errors[host_id] = exc
        while len(self._host_errors) > 256:   # thrown errors are rarely kept long; bound the memo
            self._host_errors.popitem(last=False)
        name = _wtf8(type(exc).__name__)
        message = _wtf8(str(exc))
        out = ffi.new("jst_handle *")
        if lib.jst_new_host_error(self._api, name, len(name), message, len(message), host_id, out) != lib.JST_OK:
            return 0
        return out[0]


class _Globals:
    """rt.globals: a mapping over globalThis."""

    def __init__(self, rt):
        self._rt = rt

    def _global_object(self):
        out = ffi.new("jst_handle *")
        self._rt._check(lib.jst_global(self._rt._live(), out))
        return JSObject(self._rt, out[0])

    def _lookup(self, name):
        rt = self._rt
        data = _wtf8(name)
        found = ffi.new("int *")
        r = _result()
        value = rt._finish(lib.jst_global_get(rt._live(), data, len(data), found, r), r)
        return found[0], value

    def __getitem__(self, name):
        found, value = self._lookup(name)
        if not found:
            raise KeyError(name)
        return value

    def get(self, name, default=None):
        found, value = self._lookup(name)
        return value if found else default

    def __setitem__(self, name, value):
        self._global_object()[name] = value

    def __delitem__(self, name):
        if name not in self:
            raise KeyError(name)
        del self._global_object()[name]

    def __contains__(self, name):
        return bool(self._lookup(name)[0])

    def keys(self):
        return self._global_object().keys()

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())


class _PyProxy:
    """The proxies' base without jsthreads._fastcall: the same slots, the handle released in
    __del__, and calls through the cffi path."""

    __slots__ = ("_rt", "_h", "_this", "__weakref__")

    def __del__(self):
        rt = self._rt
        api = rt._api
        if api is not None and self._h:
            lib.jst_handle_release(api, self._h)

    def __call__(self, *args):
        return _slow_call(self, args)


class JSObject(_fastcall.Proxy if _fastcall else _PyProxy):
    """A live JS object. Item and attribute access read and write its properties; `in` tests
    them; len, iteration, keys/values/items follow its own enumerable properties; calling works
    for functions; .to_py() makes a deep Python copy. The base class holds the slots _rt, _h
    (the handle this proxy owns) and _this (a method's object), and makes the calls."""

    __slots__ = ()

    def __init__(self, rt, handle, this=None):
        object.__setattr__(self, "_rt", rt)
        object.__setattr__(self, "_h", handle)
        object.__setattr__(self, "_this", this)

    # properties
    def _key(self, key):
        if isinstance(key, str):
            return _wtf8(key), None
        if isinstance(key, int) and not isinstance(key, bool):
            return str(key).encode(), None
        if isinstance(key, JSObject):
            return None, key._h
        raise TypeError("JS property keys are str, int or JS symbols, not %s" % type(key).__name__)

    def _get(self, key):
        rt = self._rt
        name, handle = self._key(key)
        r = _result()
        if handle is None:
            status = lib.jst_get_named(rt._live(), self._h, name, len(name), r)
        else:
            status = lib.jst_get(rt._live(), self._h, handle, r)
        if status == lib.JST_OK:
            return rt._from_result(r, this=self)
        return rt._finish(status, r)

    def __getitem__(self, key):
        return self._get(key)

    def get(self, key, default=None):
        return self._get(key) if key in self else default

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._get(name)

    def __setitem__(self, key, value):
        rt = self._rt
        api = rt._live()
        name, handle = self._key(key)
        h, own = rt._to_js(value)
        r = _result()
        try:
            if handle is None:
                status = lib.jst_set_named(api, self._h, name, len(name), h, r)
            else:
                status = lib.jst_set(api, self._h, handle, h, r)
        finally:
            if own:
                lib.jst_handle_release(api, h)
        rt._finish(status, r)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("JS proxies take no private attributes (%s); use item access" % name)
        self[name] = value

    def _key_handle(self, key):
        rt = self._rt
        if isinstance(key, JSObject):
            return key._h, False
        if isinstance(key, (str, int)) and not isinstance(key, bool):
            return rt._to_js(str(key))
        raise TypeError("JS property keys are str, int or JS symbols, not %s" % type(key).__name__)

    def __delitem__(self, key):
        rt = self._rt
        h, own = self._key_handle(key)
        r = _result()
        try:
            status = lib.jst_delete(rt._live(), self._h, h, r)
        finally:
            if own:
                lib.jst_handle_release(rt._api, h)
        rt._finish(status, r)

    def __delattr__(self, name):
        del self[name]

    def __contains__(self, key):
        rt = self._rt
        try:
            h, own = self._key_handle(key)
        except TypeError:
            return False
        r = _result()
        try:
            status = lib.jst_has(rt._live(), self._h, h, r)
        finally:
            if own:
                lib.jst_handle_release(rt._api, h)
        return rt._finish(status, r)

    def keys(self):
        """Own enumerable string keys, as a Python list."""
        rt = self._rt
        r = _result()
        keys = rt._finish(lib.jst_keys(rt._live(), self._h, r), r)
        return keys.to_py()

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def __len__(self):
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    # calling: the base class's __call__ (the fast path), else _call through _slow_call
    def _call(self, this_handle, args):
        rt = self._rt
        api = rt._live()
        kinds, numbers, text, owned = rt._encode(args)
        try:
            r = _results.r
        except AttributeError:
            r = _result()
        if owned is None:
            status = _call_mixed(api, self._h, this_handle, kinds, numbers, text, len(args), r)
        else:
            try:
                status = _call_mixed(api, self._h, this_handle, kinds, numbers, text, len(args), r)
            finally:
                for h in owned:
                    lib.jst_handle_release(api, h)
        if status == _OK and r.kind == _K_STRING:
            return ffi.unpack(r.text, r.length).decode("utf-8", "surrogatepass")
        return rt._finish(status, r)

    def new(self, *args):
        """`new f(...args)`."""
        rt = self._rt
        api = rt._live()
        handles, owned = rt._handles(args)
        r = _result()
        try:
            status = lib.jst_construct(api, self._h, handles, len(args), r)
        finally:
            for h in owned:
                lib.jst_handle_release(api, h)
        return rt._finish(status, r)

    # copying
    def to_py(self):
        """A deep copy as Python lists, dicts and scalars (cycles preserved; functions and other
        non-data objects stay proxies)."""
        rt = self._rt
        text = ffi.new("char **")
        length = ffi.new("size_t *")
        status = lib.jst_to_json(rt._live(), self._h, text, length)
        if status == lib.JST_OK:
            try:
                data = ffi.unpack(text[0], length[0])
            finally:
                lib.jst_free_text(text[0])
            value = json.loads(data)
            if rt._undefined is not None:
                return _to_py_slow(self, {})   # undefined must stay distinct from null
            return value
        return _to_py_slow(self, {})

    def __repr__(self):
        rt = self._rt
        if rt._api is None:
            return "<JSObject of a closed Runtime>"
        text = ffi.new("char **")
        if lib.jst_handle_inspect(rt._api, self._h, text) != lib.JST_OK:
            return "<JSObject>"
        try:
            return ffi.string(text[0]).decode("utf-8", "replace")
        finally:
            lib.jst_free_text(text[0])

    def __str__(self):
        rt = self._rt
        text = ffi.new("char **")
        if lib.jst_handle_to_utf8(rt._live(), self._h, text) != lib.JST_OK:
            return repr(self)
        try:
            return ffi.string(text[0]).decode("utf-8", "replace")
        finally:
            lib.jst_free_text(text[0])

    def __eq__(self, other):
        if not isinstance(other, JSObject) or other._rt is not self._rt:
            return NotImplemented
        return bool(lib.jst_handle_same(self._rt._api, self._h, other._h))

    def __hash__(self):
        return hash(str(lib.jst_handle_identity(self._rt._api, self._h)))


def _to_py_slow(value, memo):
    """Deep copy with a memo keyed by JS identity, so cycles come back as cycles."""
    if not isinstance(value, JSObject) or isinstance(value, (JSFunction, JSPromise)):
        return value
    key = lib.jst_handle_identity(value._rt._api, value._h)
    if key in memo:
        return memo[key]
    if isinstance(value, JSArray):
        out = []
        memo[key] = out
        for i in range(len(value)):
            out.append(_to_py_slow(value[i], memo))
        return out
    out = {}
    memo[key] = out
    for k in value.keys():
        out[k] = _to_py_slow(value[k], memo)
    return out


class JSArray(JSObject):
    """A live JS array: len is its length; iteration yields its elements."""

    __slots__ = ()

    def __len__(self):
        rt = self._rt
        r = _result()
        return rt._finish(lib.jst_length(rt._live(), self._h, r), r)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if isinstance(key, int) and key < 0:
            key += len(self)
        return self._get(key)

    def append(self, value):
        self.push(value)


class JSFunction(JSObject):
    """A live JS function; calling it converts the arguments. Read as a property of an object, it
    is called with that object as `this`."""

    __slots__ = ()


class JSPromise(JSObject):
    """A JS promise: .result(timeout) waits for it (running this thread's jobs); awaitable."""

    __slots__ = ()

    def _settled(self):
        """(True, value) once fulfilled; raises the rejection; (False, None) while pending."""
        rt = self._rt
        r = _result()
        rt._check(lib.jst_promise_state(rt._live(), self._h, r))
        state = int(r.number)
        if state == 0:
            return False, None
        if not r.handle:   # a Python object (host value)
            value = rt._hosts.get(r.host_id)
            if state == 2:
                raise JSError("Uncaught %r" % (value,), type(value).__name__, str(value), None, value)
            return True, value
        if state == 2:
            raise rt._error(r.handle)
        try:
            return True, rt._from_handle(r.handle)
        finally:
            lib.jst_handle_release(rt._api, r.handle)

    @property
    def state(self):
        """"pending", "fulfilled" or "rejected"."""
        rt = self._rt
        r = _result()
        rt._check(lib.jst_promise_state(rt._live(), self._h, r))
        if r.handle:
            lib.jst_handle_release(rt._api, r.handle)
        return ("pending", "fulfilled", "rejected")[int(r.number)]

    def result(self, timeout=None):
        """The fulfilled value, or the rejection raised as JSError. Runs this thread's microtasks
        and event loop (timers) first; then waits for other threads to settle it, at most
        `timeout` seconds (TimeoutError)."""
        rt = self._rt
        deadline = None if timeout is None else time.monotonic() + timeout
        done, value = self._settled()
        if done:
            return value
        rt.run_microtasks()
        done, value = self._settled()
        if done:
            return value
        rt.run_until_idle()
        delay = 0.0005
        while True:
            done, value = self._settled()
            if done:
                return value
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("the JS promise did not settle within %s s" % timeout)
            time.sleep(delay)
            delay = min(delay * 2, 0.02)
            rt.run_microtasks()

    def __await__(self):
        import asyncio
        rt = self._rt
        rt.run_microtasks()
        done, value = self._settled()
        if not done:
            rt.run_until_idle()
        while not done:
            done, value = self._settled()
            if done:
                break
            yield from asyncio.sleep(0.001).__await__()
            rt.run_microtasks()
        return value


_PROXY_CLASSES = {
    lib.JST_KIND_ARRAY: JSArray,
    lib.JST_KIND_FUNCTION: JSFunction,
    lib.JST_KIND_PROMISE: JSPromise,
}


# ---- the helpers of jsthreads._fastcall: everything off its fast paths ----

def _slow_call(proxy, args):
    """proxy(*args) when an argument is not a primitive (or the runtime is closed)."""
    rt = proxy._rt
    rt._live()
    this = proxy._this
    return proxy._call(_H_UNDEFINED if this is None else this._h, args)


def _slow_finish(rt, status, kind, handle, host_id, text):
    """The result of a fast call that is not a primitive: a proxy owning `handle`, a Python
    object, a BigInt (its hexadecimal `text`), or the exception raised."""
    if status == _OK:
        if kind == _K_HOST:
            return rt._hosts.get(host_id)
        if kind == _K_BIGINT:
            return int(text, 16)
        return _PROXY_CLASSES.get(kind, JSObject)(rt, handle)
    if status == _THROWN:
        raise rt._error(handle)
    rt._check(status)


def _slow_put(rt, value, address):
    """A callable's result the C hook does not convert itself: _put_result into its jst_result."""
    return rt._put_result(value, ffi.cast("jst_result *", address))


def _host_error_for(rt, exc):
    return rt._host_error(exc)


if _fastcall is not None:
    _fastcall.init(int(lib.jst_api_table()), undefined, _slow_call, _slow_finish, _slow_put, _host_error_for)


# ---- callbacks from JS threads ----

def _host_get(target, name):
    if isinstance(target, Mapping):
        try:
            return target[name]
        except KeyError:
            return _ABSENT
    if name.startswith("_"):
        return _ABSENT
    try:
        return getattr(target, name)
    except AttributeError:
        # Absent, unless the attribute exists and raised it itself (a property's getter): that
        # error is the program's and reaches JS.
        if inspect.getattr_static(target, name, _ABSENT) is _ABSENT:
            return _ABSENT
        raise


def _host_has(target, name):
    if isinstance(target, Mapping):
        return name in target
    return not name.startswith("_") and hasattr(target, name)


def _host_set(target, name, value):
    if isinstance(target, Mapping):
        if not isinstance(target, MutableMapping):
            raise TypeError("cannot set %r: %s is a read-only mapping" % (name, type(target).__name__))
        target[name] = value
    elif name.startswith("_"):
        raise AttributeError("cannot set %r: private attributes of Python objects are hidden from JS" % name)
    else:
        setattr(target, name, value)


def _host_delete(target, name):
    if isinstance(target, Mapping):
        if not isinstance(target, MutableMapping):
            raise TypeError("cannot delete %r: %s is a read-only mapping" % (name, type(target).__name__))
        target.pop(name, None)
    elif not name.startswith("_") and hasattr(target, name):
        delattr(target, name)


def _host_keys(target, enumerable_only):
    """Mappings: their str keys. Other objects: dir() without _names; enumerable_only leaves out
    callables (methods, as on a JS prototype)."""
    if isinstance(target, Mapping):
        return [k for k in target.keys() if isinstance(k, str)]
    names = [n for n in dir(target) if not n.startswith("_")]
    if enumerable_only:
        names = [n for n in names if not callable(getattr(target, n, None))]
    return names


@ffi.def_extern()
def jst_py_host(runtime_data, op, host_id, key, numbers, argv, argc, result):
    """A JS thread runs Python: calls a host function, or does a host object's internal method
    (JST_HOST_GET, SET, HAS, DELETE, KEYS) as an attribute or mapping operation. Never lets a
    Python exception escape: it becomes a JS Error named after its class."""
    ref = _RUNTIMES.get(runtime_data)
    rt = ref() if ref is not None else None
    if rt is None or rt._api is None:
        result.kind = _K_UNDEFINED
        return _HOST_VALUE
    try:
        target = rt._hosts[host_id]
        if op == _HOST_CALL_INTS:   # every argument an integral number: one unpack, no field reads
            value = target(*map(int, ffi.unpack(numbers, argc)))
            t = type(value)
            if t is float or (t is int and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER):
                result.number = value
                return _HOST_NUMBER
            return rt._put_result(value, result)
        if op == _HOST_CALL:
            if numbers:   # every argument a number
                args = [int(x) if x.is_integer() and -MAX_SAFE_INTEGER <= x <= MAX_SAFE_INTEGER else x
                        for x in ffi.unpack(numbers, argc)]
            else:
                args = [rt._from_arg(argv[i]) for i in range(argc)]
            return rt._put_result(target(*args), result)
        if op == _HOST_KEYS:
            return rt._put_result("\0".join(_host_keys(target, int(key.number) & 4)), result)
        name = ffi.unpack(key.text, key.length).decode("utf-8", "surrogatepass")
        if op == _HOST_GET:
            value = _host_get(target, name)
            return _HOST_ABSENT if value is _ABSENT else rt._put_result(value, result)
        if op == _HOST_HAS:
            return _HOST_VALUE if _host_has(target, name) else _HOST_ABSENT
        if op == _HOST_SET:
            _host_set(target, name, rt._from_arg(argv[0]))
        else:
            _host_delete(target, name)
        result.kind = _K_UNDEFINED
        return _HOST_VALUE
    except BaseException as exc:  # every Python error becomes a JS Error; none may escape to C
        try:
            result.handle = rt._host_error(exc)
        except BaseException:
            result.handle = 0
        return _HOST_THROW
