/*
 * fastcall.c — jsthreads._fastcall, the CPython extension that makes the common Python <-> JS
 * calls of the embedding API (DESIGN.md §5, docs/embedding.md "What a call costs") without the
 * cffi layer. Owns two types and one C callback:
 *
 *   Proxy        the base of jsthreads.runtime.JSObject: the slots _rt, _h, _this, the handle's
 *                release when the proxy dies, and tp_call. A call whose arguments are all
 *                None/bool/int (within 2**53)/float/str goes straight to jst_call_mixed, with the
 *                Python GIL released while JS runs (issue 5: other Python threads run meanwhile);
 *                a primitive result comes back converted here. Anything else (other argument
 *                types, object results, exceptions, a closed runtime) is handed to Python
 *                helpers in runtime.py, which do what the cffi path always did.
 *   RuntimeData  the per-Runtime C state: the jst_runtime pointer, the host table (host id ->
 *                Python object) and the Runtime's `undefined`. Its address is the runtime's
 *                py_data, which the engine hands back to the call hook.
 *   call_hook    the engine's call hook (api_table.h): a JS thread calling an exposed Python
 *                callable takes the GIL (PyGILState_Ensure, from any thread), converts primitive
 *                arguments, calls it with vectorcall and converts a primitive result; other
 *                arguments are passed to the cffi callback (jst_py_host). Python exceptions
 *                become JS Errors named after their class through runtime.py's helper, as there.
 *
 * Only api.h and api_table.h are included: extension modules load with RTLD_LOCAL, so the core's
 * functions are reached through the table whose address the cffi module returns
 * (lib.jst_api_table(), passed to init()). The core has no Python.h dependency.
 *
 * Threads: the GIL serialises everything here except jst_call_mixed, which runs with it released
 * and touches only C state (the api pointer read before releasing, and the argument copies on
 * this C stack). The handle of a dying proxy is released with the GIL held; jst_handle_release
 * may run on any thread, attached or not.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include "api.h"
#include "api_table.h"

#define MAX_SAFE_INTEGER 9007199254740992.0
#define FAST_ARGS 8   // longer argument lists take the Python path

static const jst_api_functions *api;
// Set by init(): jsthreads.undefined, and runtime.py's helpers for everything off the fast path.
static PyObject *undefined_singleton;
static PyObject *slow_call;     // slow_call(proxy, args) -> result
static PyObject *slow_finish;   // slow_finish(rt, status, kind, handle, host_id, text) -> result
static PyObject *slow_put;      // slow_put(rt, value, result_address) -> JST_HOST_* answer
static PyObject *host_error;    // host_error(rt, exception) -> handle of a JS Error (0: failed)

// ---- RuntimeData ----

typedef struct {
    PyObject_HEAD
    jst_runtime *runtime;   // while the C runtime exists (callbacks, handle releases); else NULL
    int closed;             // calls from Python take the Python path (which raises)
    PyObject *hosts;        // the Runtime's host table, a dict shared with it
    PyObject *undefined;    // what JS undefined becomes in this Runtime
    PyObject *owner;        // weak reference to the Runtime
} RuntimeData;

static int rd_traverse(RuntimeData *self, visitproc visit, void *arg) {
    Py_VISIT(self->hosts);
    Py_VISIT(self->undefined);
    Py_VISIT(self->owner);
    return 0;
}

static int rd_clear(RuntimeData *self) {
    Py_CLEAR(self->hosts);
    Py_CLEAR(self->undefined);
    Py_CLEAR(self->owner);
    return 0;
}

static void rd_dealloc(RuntimeData *self) {
    PyObject_GC_UnTrack(self);
    rd_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int rd_init(RuntimeData *self, PyObject *args, PyObject *kwargs) {
    PyObject *owner, *hosts, *undefined;
    if (!PyArg_ParseTuple(args, "OO!O", &owner, &PyDict_Type, &hosts, &undefined)) return -1;
    PyObject *weak = PyWeakref_NewRef(owner, NULL);
    if (!weak) return -1;
    Py_XSETREF(self->owner, weak);
    Py_INCREF(hosts);
    Py_XSETREF(self->hosts, hosts);
    Py_INCREF(undefined);
    Py_XSETREF(self->undefined, undefined);
    return 0;
}

static PyObject *rd_set_runtime(RuntimeData *self, PyObject *arg) {
    void *p = PyLong_AsVoidPtr(arg);
    if (!p && PyErr_Occurred()) return NULL;
    self->runtime = p;
    if (!p) self->closed = 1;
    Py_RETURN_NONE;
}

static PyObject *rd_close(RuntimeData *self, PyObject *unused) {
    self->closed = 1;
    Py_RETURN_NONE;
}

static PyObject *rd_address(RuntimeData *self, void *closure) { return PyLong_FromVoidPtr(self); }

static PyMethodDef rd_methods[] = {
    {"set_runtime", (PyCFunction)rd_set_runtime, METH_O,
     "set_runtime(address): the jst_runtime (0 once it is freed: closed too)"},
    {"close", (PyCFunction)rd_close, METH_NOARGS,
     "calls from Python are refused from now on; callbacks from JS still run"},
    {NULL},
};

static PyGetSetDef rd_getset[] = {
    {"address", (getter)rd_address, NULL, "the address handed to the engine as py_data", NULL},
    {NULL},
};

static PyTypeObject RuntimeDataType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "jsthreads._fastcall.RuntimeData",
    .tp_doc = "RuntimeData(runtime, hosts, undefined): a Runtime's state for the fast paths",
    .tp_basicsize = sizeof(RuntimeData),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)rd_init,
    .tp_traverse = (traverseproc)rd_traverse,
    .tp_clear = (inquiry)rd_clear,
    .tp_dealloc = (destructor)rd_dealloc,
    .tp_methods = rd_methods,
    .tp_getset = rd_getset,
};

// ---- conversions ----

// A JS number as Python shows it: int when integral and within 2**53 (-0 too), else float.
static PyObject *number_to_py(double n) {
    if (n == trunc(n) && fabs(n) <= MAX_SAFE_INTEGER) return PyLong_FromLongLong((long long)n);
    return PyFloat_FromDouble(n);
}

// An exact int within 2**53 as a double; false otherwise (bigger ints become BigInts elsewhere).
static bool safe_int(PyObject *v, double *out) {
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow || (n == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return false;
    }
    if (n > 9007199254740992LL || n < -9007199254740992LL) return false;
    *out = (double)n;
    return true;
}

// ---- Proxy ----

typedef struct {
    PyObject_HEAD
    PyObject *rt;          // the Runtime (slot _rt)
    RuntimeData *data;     // rt._fast, looked up when _rt is set (NULL without one)
    PyObject *this_value;  // slot _this: the object a method was read from, or NULL / None
    PyObject *weakrefs;
    unsigned int handle;   // slot _h
} Proxy;

static PyTypeObject ProxyType;

static int proxy_traverse(Proxy *self, visitproc visit, void *arg) {
    Py_VISIT(self->rt);
    Py_VISIT(self->data);
    Py_VISIT(self->this_value);
    return 0;
}

static int proxy_clear(Proxy *self) {
    Py_CLEAR(self->rt);
    Py_CLEAR(self->data);
    Py_CLEAR(self->this_value);
    return 0;
}

static void proxy_dealloc(Proxy *self) {
    PyObject_GC_UnTrack(self);
    if (self->weakrefs) PyObject_ClearWeakRefs((PyObject *)self);
    // The handle is a GC root of the JS heap; releasing only marks the slot free.
    if (self->data && self->data->runtime && self->handle) api->handle_release(self->data->runtime, self->handle);
    self->handle = 0;
    proxy_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *proxy_get_rt(Proxy *self, void *closure) {
    PyObject *rt = self->rt ? self->rt : Py_None;
    Py_INCREF(rt);
    return rt;
}

static int proxy_set_rt(Proxy *self, PyObject *rt, void *closure) {
    if (!rt) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete _rt");
        return -1;
    }
    PyObject *data = PyObject_GetAttrString(rt, "_fast");
    if (!data) return -1;
    if (Py_IS_TYPE(data, &RuntimeDataType)) {
        Py_XSETREF(self->data, (RuntimeData *)data);
    } else {
        Py_DECREF(data);
        Py_CLEAR(self->data);
    }
    Py_INCREF(rt);
    Py_XSETREF(self->rt, rt);
    return 0;
}

static PyGetSetDef proxy_getset[] = {
    {"_rt", (getter)proxy_get_rt, (setter)proxy_set_rt, "the Runtime", NULL},
    {NULL},
};

static PyMemberDef proxy_members[] = {
    {"_h", T_UINT, offsetof(Proxy, handle), 0, "the handle (a GC root) this proxy owns"},
    {"_this", T_OBJECT, offsetof(Proxy, this_value), 0, "the `this` of a method, or None"},
    {NULL},
};

static PyObject *call_python_path(Proxy *self, PyObject *args) {
    return PyObject_CallFunctionObjArgs(slow_call, (PyObject *)self, args, NULL);
}

/*
 * proxy(*args): the JS call. The arguments are encoded as jst_call_mixed takes them (kinds,
 * numbers, and the UTF-8 of the strings back to back); a str with lone surrogates has no UTF-8
 * and takes the Python path (which writes WTF-8).
 */
static PyObject *proxy_call(Proxy *self, PyObject *args, PyObject *kwargs) {
    if (kwargs && PyDict_GET_SIZE(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "JS functions take no keyword arguments");
        return NULL;
    }
    RuntimeData *data = self->data;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (!data || data->closed || !data->runtime || argc > FAST_ARGS) return call_python_path(self, args);
    jst_handle this_handle = JST_HANDLE_UNDEFINED;
    if (self->this_value && self->this_value != Py_None) {
        if (!PyObject_TypeCheck(self->this_value, &ProxyType)) return call_python_path(self, args);
        this_handle = ((Proxy *)self->this_value)->handle;
    }
    char kinds[FAST_ARGS + 1];
    double numbers[FAST_ARGS];
    const char *texts[FAST_ARGS];
    size_t text_length = 0;
    int strings = 0;
    for (Py_ssize_t i = 0; i < argc; i++) {
        PyObject *a = PyTuple_GET_ITEM(args, i);
        numbers[i] = 0;
        if (PyFloat_CheckExact(a)) {
            kinds[i] = 'n';
            numbers[i] = PyFloat_AS_DOUBLE(a);
        } else if (PyLong_CheckExact(a)) {
            if (!safe_int(a, &numbers[i])) return call_python_path(self, args);
            kinds[i] = 'n';
        } else if (a == Py_None) {
            kinds[i] = 'l';
        } else if (a == Py_True) {
            kinds[i] = 't';
        } else if (a == Py_False) {
            kinds[i] = 'f';
        } else if (a == undefined_singleton) {
            kinds[i] = 'u';
        } else if (PyUnicode_CheckExact(a)) {
            Py_ssize_t length;
            const char *utf8 = PyUnicode_AsUTF8AndSize(a, &length);
            if (!utf8) {
                PyErr_Clear();
                return call_python_path(self, args);
            }
            kinds[i] = 's';
            numbers[i] = (double)length;
            texts[strings++] = utf8;
            text_length += (size_t)length;
        } else {
            return call_python_path(self, args);
        }
    }
    kinds[argc] = '\0';
    // One string needs no copy; several are joined (their UTF-8 stays owned by the str objects).
    char small[256], *joined = NULL;
    const char *text = strings == 1 ? texts[0] : NULL;
    if (strings > 1) {
        joined = text_length <= sizeof small ? small : PyMem_Malloc(text_length);
        if (!joined) return PyErr_NoMemory();
        size_t offset = 0;
        for (Py_ssize_t i = 0, s = 0; i < argc; i++) {
            if (kinds[i] != 's') continue;
            memcpy(joined + offset, texts[s++], (size_t)numbers[i]);
            offset += (size_t)numbers[i];
        }
        text = joined;
    }
    jst_runtime *runtime = data->runtime;
    jst_handle function = self->handle;
    jst_result r;
    int status;
    // Other Python threads run while JS does (issue 5); everything used below is C state.
    Py_BEGIN_ALLOW_THREADS
    status = api->call_mixed(runtime, function, this_handle, kinds, numbers, text, (int)argc, &r);
    Py_END_ALLOW_THREADS
    if (joined && joined != small) PyMem_Free(joined);
    if (status == JST_OK) {
        switch (r.kind) {
        case JST_KIND_NUMBER: return number_to_py(r.number);
        case JST_KIND_STRING: return PyUnicode_DecodeUTF8(r.text, (Py_ssize_t)r.length, "surrogatepass");
        case JST_KIND_BOOL: return PyBool_FromLong(r.number != 0);
        case JST_KIND_NULL: Py_RETURN_NONE;
        case JST_KIND_UNDEFINED:
            Py_INCREF(data->undefined);
            return data->undefined;
        default: break;
        }
    }
    // Objects, host values, BigInts, exceptions and failures: runtime.py makes proxies and errors.
    PyObject *text_bytes = r.kind == JST_KIND_BIGINT && status == JST_OK && r.text
                               ? PyBytes_FromStringAndSize(r.text, (Py_ssize_t)r.length)
                               : (Py_INCREF(Py_None), Py_None);
    if (!text_bytes) {
        if (status == JST_OK && r.handle) api->handle_release(runtime, r.handle);
        return NULL;
    }
    PyObject *result = PyObject_CallFunction(slow_finish, "OiiIKO", self->rt, status, r.kind, (unsigned int)r.handle,
                                             (unsigned long long)r.host_id, text_bytes);
    Py_DECREF(text_bytes);
    return result;
}

static PyTypeObject ProxyType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "jsthreads._fastcall.Proxy",
    .tp_doc = "The base of the JS proxies (jsthreads.JSObject): owns a handle; calling it calls JS",
    .tp_basicsize = sizeof(Proxy),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_traverse = (traverseproc)proxy_traverse,
    .tp_clear = (inquiry)proxy_clear,
    .tp_dealloc = (destructor)proxy_dealloc,
    .tp_call = (ternaryfunc)proxy_call,
    .tp_weaklistoffset = offsetof(Proxy, weakrefs),
    .tp_getset = proxy_getset,
    .tp_members = proxy_members,
};

// ---- the call hook: JS threads calling Python ----

// The JS Error for the pending Python exception (consumed): JST_HOST_THROW with its handle.
static int throw_pending(PyObject *rt, jst_result *result) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    if (traceback && value) PyException_SetTraceback(value, traceback);
    result->handle = 0;   // a failure to make the Error throws undefined, as the cffi path does
    PyObject *h = value ? PyObject_CallFunctionObjArgs(host_error, rt, value, NULL) : NULL;
    if (h) {
        result->handle = (jst_handle)PyLong_AsUnsignedLong(h);
        Py_DECREF(h);
    }
    if (PyErr_Occurred()) {
        result->handle = 0;
        PyErr_Clear();
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    return JST_HOST_THROW;
}

// A callable's return value into *result (the engine's buffer takes a short string).
static int put_result(PyObject *rt, PyObject *value, PyObject *undefined, jst_result *result) {
    double n;
    if (PyFloat_CheckExact(value)) {
        result->number = PyFloat_AS_DOUBLE(value);
        return JST_HOST_NUMBER;
    }
    if (PyLong_CheckExact(value) && safe_int(value, &n)) {
        result->number = n;
        return JST_HOST_NUMBER;
    }
    if (value == Py_None) {
        result->kind = JST_KIND_NULL;
        return JST_HOST_VALUE;
    }
    if (value == Py_True || value == Py_False) {
        result->kind = JST_KIND_BOOL;
        result->number = value == Py_True;
        return JST_HOST_VALUE;
    }
    if (value == undefined_singleton) {
        result->kind = JST_KIND_UNDEFINED;
        return JST_HOST_VALUE;
    }
    if (PyUnicode_CheckExact(value)) {
        Py_ssize_t length;
        const char *utf8 = PyUnicode_AsUTF8AndSize(value, &length);
        if (utf8 && (size_t)length <= result->length) {
            memcpy((char *)result->text, utf8, (size_t)length);
            result->length = (size_t)length;
            result->kind = JST_KIND_STRING;
            return JST_HOST_VALUE;
        }
        PyErr_Clear();   // lone surrogates or a long string: the Python path
    }
    PyObject *address = PyLong_FromVoidPtr(result);
    PyObject *answer = address ? PyObject_CallFunctionObjArgs(slow_put, rt, value, address, NULL) : NULL;
    Py_XDECREF(address);
    if (!answer) return throw_pending(rt, result);
    long a = PyLong_AsLong(answer);
    Py_DECREF(answer);
    if (a == -1 && PyErr_Occurred()) return throw_pending(rt, result);
    return (int)a;
}

static int python_finalizing(void) {
#if PY_VERSION_HEX >= 0x030D0000
    return Py_IsFinalizing();
#else
    return _Py_IsFinalizing();
#endif
}

static int call_hook(void *runtime_data, uint64_t host_id, const double *numbers, const jst_result *argv,
                     int argc, jst_result *result) {
    // A JS Thread may outlive the interpreter: cffi's callback knows how to refuse then. A
    // pthread Python has never seen (a JS Thread's first call) goes through cffi too: cffi gives
    // it a Python thread state that lives as long as the thread (and is freed with it), which
    // PyGILState_Ensure then finds; made here, one would be created and destroyed per call.
    if (argc > FAST_ARGS || !Py_IsInitialized() || python_finalizing() || !PyGILState_GetThisThreadState())
        return JST_HOST_PASS;
    // Arguments that are objects (handles) need proxies: the cffi path makes them.
    for (int i = 0; i < argc && !numbers; i++)
        if (argv[i].handle || (argv[i].kind > JST_KIND_STRING && argv[i].kind != JST_KIND_HOST)) return JST_HOST_PASS;
    PyGILState_STATE gil = PyGILState_Ensure();
    RuntimeData *data = runtime_data;
    PyObject *rt = data->runtime && data->owner ? PyWeakref_GetObject(data->owner) : Py_None;
    if (rt == Py_None) {
        // The Runtime is gone (its JS Threads outlived it): as the cffi path, undefined.
        PyGILState_Release(gil);
        result->kind = JST_KIND_UNDEFINED;
        return JST_HOST_VALUE;
    }
    Py_INCREF(rt);
    int answer = JST_HOST_PASS;
    PyObject *key = PyLong_FromUnsignedLongLong(host_id);
    PyObject *target = key ? PyDict_GetItemWithError(data->hosts, key) : NULL;
    Py_XDECREF(key);
    if (!target) {   // not ours (or no memory): the cffi path reports it
        PyErr_Clear();
        goto done;
    }
    Py_INCREF(target);
    PyObject *args[FAST_ARGS];
    int made = 0;
    for (; made < argc; made++) {
        PyObject *a;
        if (numbers) {
            a = number_to_py(numbers[made]);
        } else {
            const jst_result *v = &argv[made];
            switch (v->kind) {
            case JST_KIND_NUMBER: a = number_to_py(v->number); break;
            case JST_KIND_STRING: a = PyUnicode_DecodeUTF8(v->text, (Py_ssize_t)v->length, "surrogatepass"); break;
            case JST_KIND_BOOL: a = PyBool_FromLong(v->number != 0); break;
            case JST_KIND_NULL: a = Py_None; Py_INCREF(a); break;
            case JST_KIND_UNDEFINED: a = data->undefined; Py_INCREF(a); break;
            default: {   // JST_KIND_HOST: the Python object itself
                PyObject *id = PyLong_FromUnsignedLongLong(v->host_id);
                a = id ? PyDict_GetItemWithError(data->hosts, id) : NULL;
                Py_XDECREF(id);
                if (!a && !PyErr_Occurred()) a = Py_None;
                Py_XINCREF(a);
            }
            }
        }
        if (!a) break;
        args[made] = a;
    }
    PyObject *value = made == argc ? PyObject_Vectorcall(target, args, (size_t)argc, NULL) : NULL;
    for (int i = 0; i < made; i++) Py_DECREF(args[i]);
    Py_DECREF(target);
    if (!value) {
        answer = throw_pending(rt, result);
    } else {
        answer = put_result(rt, value, data->undefined, result);
        Py_DECREF(value);
    }
done:
    Py_DECREF(rt);
    PyGILState_Release(gil);
    return answer;
}

// ---- the module ----

static PyObject *fastcall_init(PyObject *module, PyObject *args) {
    unsigned long long table;
    PyObject *undefined, *call, *finish, *put, *error;
    if (!PyArg_ParseTuple(args, "KOOOOO", &table, &undefined, &call, &finish, &put, &error)) return NULL;
    const jst_api_functions *t = (const jst_api_functions *)(uintptr_t)table;
    if (!t || t->version != JST_API_TABLE_VERSION || t->size != sizeof(jst_api_functions) ||
        t->result_size != sizeof(jst_result)) {
        PyErr_SetString(PyExc_ImportError, "jsthreads._fastcall was built for another version of jsthreads._core");
        return NULL;
    }
    Py_INCREF(undefined);
    Py_XSETREF(undefined_singleton, undefined);
    Py_INCREF(call);
    Py_XSETREF(slow_call, call);
    Py_INCREF(finish);
    Py_XSETREF(slow_finish, finish);
    Py_INCREF(put);
    Py_XSETREF(slow_put, put);
    Py_INCREF(error);
    Py_XSETREF(host_error, error);
    api = t;
    api->set_call_hook(call_hook);
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"init", fastcall_init, METH_VARARGS,
     "init(table_address, undefined, slow_call, slow_finish, slow_put, host_error): connects the "
     "extension to the core (lib.jst_api_table()) and installs the call hook"},
    {NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "jsthreads._fastcall",
    "The fast paths of Python <-> JS calls (see csrc/pyext/fastcall.c).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fastcall(void) {
    if (PyType_Ready(&RuntimeDataType) < 0 || PyType_Ready(&ProxyType) < 0) return NULL;
    PyObject *module = PyModule_Create(&module_def);
    if (!module) return NULL;
    Py_INCREF(&RuntimeDataType);
    Py_INCREF(&ProxyType);
    if (PyModule_AddObject(module, "RuntimeData", (PyObject *)&RuntimeDataType) < 0 ||
        PyModule_AddObject(module, "Proxy", (PyObject *)&ProxyType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
