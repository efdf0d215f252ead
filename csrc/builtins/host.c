/*
 * builtins/host.c — the JS side of Python objects handed to JS (embedding API, DESIGN.md §5):
 * host objects (CELL_HOST_OBJECT; each public attribute of the Python object is an accessor
 * whose getter/setter calls into Python) and host functions (natives whose data names the
 * Python callable). The Python object stays alive while its JS stand-in does: the stand-in's
 * finalize hook queues the id, and the embedder drops its reference when it drains the queue.
 * A host function keeps a host object in data[1], so one finalize hook serves both kinds.
 * The host id is written before the cell is published and never changes, so any thread may read
 * it without a lock [OM-4 does not apply: no property storage is involved].
 */
#include "host.h"
#include "../api.h"
#include "../objectexotic.h"

// Ordinary for now: attributes are accessors installed on the object itself.
const ObjectMethods host_object_methods = {.traits = EXOTIC_PLAIN_STORAGE | EXOTIC_NO_VIRTUAL_INDEXES};

static bool read_host_id(Value v, uint64_t *out) {
    if (value_cell_type(v) != CELL_HOST_OBJECT) return false;
    *out = ((HostObject *)value_to_cell(v))->host_id;
    return true;
}

static Value host_call(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    uint64_t id;
    if (!read_host_id(nf->data[1], &id)) return error_throw_type(ts, "not a Python function");
    return api_host_invoke(ts, JST_HOST_CALL, id, self, args, argc);
}

// Accessors: data[0] is the attribute name; the receiver must be a host object.
static Value host_get(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    uint64_t id;
    if (!read_host_id(self, &id)) return error_throw_type(ts, "Illegal invocation: not a Python object");
    return api_host_invoke(ts, JST_HOST_GET, id, nf->data[0], NULL, 0);
}

static Value host_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    uint64_t id;
    if (!read_host_id(self, &id)) return error_throw_type(ts, "Illegal invocation: not a Python object");
    Value v = builtin_arg(args, argc, 0);
    Value result = api_host_invoke(ts, JST_HOST_SET, id, nf->data[0], &v, 1);
    return value_is_exception(result) ? result : JS_UNDEFINED;
}

static Value host_cell_new(ThreadState *ts, uint64_t host_id) {
    HostObject *h = object_alloc(ts, sizeof(HostObject), CELL_HOST_OBJECT,
                                 realm_intrinsic(ts, INTRINSIC_HOST_OBJECT_PROTOTYPE));
    if (!h) return JS_EXCEPTION;
    h->host_id = host_id;
    return value_from_cell(h);
}

Value host_object_new(ThreadState *ts, uint64_t host_id, const char *names, size_t length) {
    Value object = host_cell_new(ts, host_id);
    if (value_is_exception(object)) return object;
    size_t start = 0;
    for (size_t i = 0; i <= length; i++) {
        if (i < length && names[i] != '\0') continue;
        if (i > start) {
            Value name = string_from_wtf8(ts, names + start, i - start);
            if (value_is_exception(name)) return name;
            Value getter = function_new_native_named(ts, host_get, name, 0, 0, 0);
            if (value_is_exception(getter)) return getter;
            Value setter = function_new_native_named(ts, host_set, name, 1, 0, 0);
            if (value_is_exception(setter)) return setter;
            ((NativeFunction *)value_to_cell(getter))->data[0] = name;
            ((NativeFunction *)value_to_cell(setter))->data[0] = name;
            PropKey key = property_key_from_value(ts, name);
            if (value_is_exception(key)) return JS_EXCEPTION;
            if (object_define_accessor(ts, object, key, getter, setter, PROP_ENUMERABLE | PROP_CONFIGURABLE) < 0)
                return JS_EXCEPTION;
        }
        start = i + 1;
    }
    return object;
}

Value host_function_new(ThreadState *ts, uint64_t host_id, const char *name, size_t length) {
    Value name_value = string_from_wtf8(ts, name, length);
    if (value_is_exception(name_value)) return name_value;
    Value keeper = host_cell_new(ts, host_id);
    if (value_is_exception(keeper)) return keeper;
    Value fn = function_new_native_named(ts, host_call, name_value, 0, 0, 0);
    if (value_is_exception(fn)) return fn;
    ((NativeFunction *)value_to_cell(fn))->data[1] = keeper;
    return fn;
}

bool host_id_of(Value v, uint64_t *host_id) {
    if (read_host_id(v, host_id)) return true;
    if (value_cell_type(v) == CELL_NATIVE_FUNCTION) {
        NativeFunction *nf = value_to_cell(v);
        if (nf->fn == host_call) return read_host_id(nf->data[1], host_id);
    }
    return false;
}

void host_object_finalize(Runtime *rt, Cell *cell) {
    api_host_dead(rt, ((HostObject *)cell)->host_id);
}

static Value host_to_string(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return string_from_cstr(ts, "[object PythonObject]");
}

static const BuiltinEntry host_prototype_table[] = {
    BUILTIN_FN("toString", host_to_string, 0),
    BUILTIN_STRING("@@toStringTag", "PythonObject", PROP_CONFIGURABLE),
};

bool host_install(ThreadState *ts) {
    Value prototype = object_new_plain(ts);
    if (value_is_exception(prototype)) return false;
    if (!builtins_install_table(ts, prototype, host_prototype_table, BUILTIN_COUNT(host_prototype_table)))
        return false;
    ts->rt->realm.intrinsics[INTRINSIC_HOST_OBJECT_PROTOTYPE] = prototype;
    return true;
}
