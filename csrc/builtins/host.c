/*
 * builtins/host.c — the JS side of Python objects handed to JS (embedding API, DESIGN.md §5,
 * docs/embedding.md "Python objects in JS"):
 *   - host objects (CELL_HOST_OBJECT), exotic objects whose string-keyed properties ARE the
 *     Python object's: every [[Get]], [[Set]], [[HasProperty]], [[Delete]], [[GetOwnProperty]]
 *     and [[OwnPropertyKeys]] asks Python at that moment (api_host_invoke, one crossing), so
 *     attributes added later on the Python side are seen from JS. Python decides what a key
 *     means (jsthreads/runtime.py: attributes, or items for mappings); here a Python property is
 *     a writable, configurable data property, enumerable unless its value is callable (methods
 *     behave like methods on a JS prototype: for-in, Object.keys and JSON.stringify skip them).
 *     Symbol keys are never Python's: they live in the object's ordinary storage.
 *   - host functions (natives whose data names the Python callable).
 * The Python object stays alive while its JS stand-in does: the stand-in's finalize hook queues
 * the id, and the embedder drops its reference when it drains the queue. A host function keeps
 * a host object in data[1], so one finalize hook serves both kinds.
 * The host id is written before the cell is published and never changes, so any thread may read
 * it without a lock. String-keyed state lives in Python (its own locking, the GIL), so no
 * property storage is shared for those keys and OM-4 has nothing to protect; symbol keys use the
 * ordinary storage and its protocol.
 */
#include "host.h"
#include <stdlib.h>
#include <string.h>
#include "../api.h"
#include "../jsstring.h"
#include "../objectexotic.h"

static bool read_host_id(Value v, uint64_t *out) {
    if (value_cell_type(v) != CELL_HOST_OBJECT) return false;
    *out = ((HostObject *)value_to_cell(v))->host_id;
    return true;
}

static uint64_t id_of(Object *o) { return ((HostObject *)o)->host_id; }

// ---- host functions ----

static Value host_call(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    uint64_t id;
    if (!read_host_id(nf->data[1], &id)) return error_throw_type(ts, "not a Python function");
    Value result;
    return api_host_invoke(ts, JST_HOST_CALL, id, self, args, argc, &result) < 0 ? JS_EXCEPTION : result;
}

// ---- host objects: the exotic internal methods ----

// The attribute name Python sees for a string key (index keys as their decimal text).
static Value key_name(ThreadState *ts, PropKey key) {
    return property_key_is_index(key) ? property_key_to_value(ts, key) : key;
}

// Python's view of key: JST_HOST_VALUE (*value), JST_HOST_ABSENT, or -1 on throw.
static int python_get(ThreadState *ts, Object *o, PropKey key, Value *value) {
    Value name = key_name(ts, key);
    if (value_is_exception(name)) return -1;
    return api_host_invoke(ts, JST_HOST_GET, id_of(o), name, NULL, 0, value);
}

static void data_descriptor(Value v, PropertyDescriptor *out) {
    *out = (PropertyDescriptor){.value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED,
                                .attributes = PROP_WRITABLE | PROP_CONFIGURABLE |
                                              (ops_is_callable(v) ? 0 : PROP_ENUMERABLE),
                                .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE |
                                       DESC_HAS_CONFIGURABLE};
}

static int host_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    if (value_is_symbol(key)) return ordinary_get_own_property(ts, o, key, out);
    Value v;
    int found = python_get(ts, o, key, &v);
    if (found < 0) return -1;
    if (found == JST_HOST_ABSENT) return 0;
    data_descriptor(v, out);
    return 1;
}

// Python attributes first, then (absent there, or a symbol) the prototype chain.
static Value host_get(ThreadState *ts, Object *o, PropKey key, Value receiver) {
    if (value_is_symbol(key)) {
        PropertyDescriptor desc;
        int found = ordinary_get_own_property(ts, o, key, &desc);
        if (found < 0) return JS_EXCEPTION;
        if (found) {
            if (!(desc.attributes & PROP_ACCESSOR)) return desc.value;
            if (value_is_undefined(desc.getter)) return JS_UNDEFINED;
            return interp_call(ts, desc.getter, receiver, NULL, 0);
        }
    } else {
        Value v;
        int found = python_get(ts, o, key, &v);
        if (found < 0) return JS_EXCEPTION;
        if (found == JST_HOST_VALUE) return v;
    }
    Value proto = object_get_prototype_of(ts, value_from_cell(o));
    if (value_is_exception(proto)) return JS_EXCEPTION;
    if (!value_is_object(proto)) return JS_UNDEFINED;
    return object_get_with_receiver(ts, proto, key, receiver);
}

static int host_has_property(ThreadState *ts, Object *o, PropKey key) {
    if (value_is_symbol(key)) {
        PropertyDescriptor ignored;
        if (ordinary_get_own_property(ts, o, key, &ignored)) return 1;
    } else {
        Value name = key_name(ts, key), ignored;
        if (value_is_exception(name)) return -1;
        int found = api_host_invoke(ts, JST_HOST_HAS, id_of(o), name, NULL, 0, &ignored);
        if (found < 0) return -1;
        if (found == JST_HOST_VALUE) return 1;
    }
    Value proto = object_get_prototype_of(ts, value_from_cell(o));
    if (value_is_exception(proto)) return -1;
    return value_is_object(proto) ? object_has_property(ts, proto, key) : 0;
}

static int python_set(ThreadState *ts, Object *o, PropKey key, Value v) {
    Value name = key_name(ts, key), ignored;
    if (value_is_exception(name)) return -1;
    return api_host_invoke(ts, JST_HOST_SET, id_of(o), name, &v, 1, &ignored) < 0 ? -1 : 1;
}

static int host_define_own_property(ThreadState *ts, Object *o, PropKey key, const PropertyDescriptor *desc,
                                    bool throw_on_failure) {
    if (value_is_symbol(key)) return ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
    if (desc->attributes & PROP_ACCESSOR)
        return object_refuse(ts, throw_on_failure, "Cannot define accessor %K on a Python object", key);
    if (!(desc->has & DESC_HAS_VALUE)) return 1;   // attributes alone: Python attributes have fixed ones
    return python_set(ts, o, key, desc->value);
}

static int host_set(ThreadState *ts, Object *o, PropKey key, Value v, Value receiver, bool throw_on_failure) {
    if (receiver == value_from_cell(o) && !value_is_symbol(key)) return python_set(ts, o, key, v);
    // A symbol, or a JS object inheriting from this one: a data property on the receiver, as
    // OrdinarySet does for a writable data property found on the chain.
    if (!value_is_object(receiver))
        return object_refuse(ts, throw_on_failure, "Cannot create property '%K' on %V", key, receiver);
    PropertyDescriptor desc = {.value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED,
                               .attributes = PROP_DEFAULT,
                               .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE |
                                      DESC_HAS_CONFIGURABLE};
    return object_define_own_property(ts, receiver, key, &desc, throw_on_failure);
}

static int host_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    if (value_is_symbol(key)) return ordinary_delete(ts, o, key, throw_on_failure);
    Value name = key_name(ts, key), ignored;
    if (value_is_exception(name)) return -1;
    // Deleting an attribute Python does not have succeeds, as for any absent property.
    return api_host_invoke(ts, JST_HOST_DELETE, id_of(o), name, NULL, 0, &ignored) < 0 ? -1 : 1;
}

// Python's names (one NUL-separated string), then the symbols of ordinary storage.
static Values *host_own_keys(ThreadState *ts, Object *o, int flags) {
    Values *keys = values_new(ts, 8);
    if (!keys) return NULL;
    if (flags & OWN_KEYS_STRINGS) {
        Value names;
        int status = api_host_invoke(ts, JST_HOST_KEYS, id_of(o),
                                     value_from_int(flags & OWN_KEYS_ENUMERABLE_ONLY), NULL, 0, &names);
        if (status < 0) return NULL;
        if (status == JST_HOST_VALUE && value_is_string(names)) {
            size_t length;
            char *text = string_to_utf8(ts, names, &length);
            if (!text) return NULL;
            for (size_t start = 0, i = 0; i <= length; i++) {
                if (i < length && text[i] != '\0') continue;
                if (i > start) {
                    Value name = string_from_wtf8(ts, text + start, i - start);
                    PropKey key = value_is_exception(name) ? JS_EXCEPTION : property_key_from_value(ts, name);
                    keys = value_is_exception(key) ? NULL : values_push(ts, keys, key);
                    if (!keys) {
                        free(text);
                        return NULL;
                    }
                }
                start = i + 1;
            }
            free(text);
        }
    }
    if (flags & OWN_KEYS_SYMBOLS) {
        Values *symbols = ordinary_own_keys(ts, o, OWN_KEYS_SYMBOLS | (flags & OWN_KEYS_ENUMERABLE_ONLY), NULL);
        if (!symbols) return NULL;
        for (uint32_t i = 0; i < symbols->count; i++)
            if (!(keys = values_push(ts, keys, symbols->items[i]))) return NULL;
    }
    return keys;
}

// A Python object cannot promise to stay as it is, so it cannot be made non-extensible (and so
// Object.freeze/seal of one throw).
static int host_prevent_extensions(ThreadState *ts, Object *o, bool throw_on_failure) {
    (void)o;
    return object_refuse(ts, throw_on_failure, "Cannot prevent extensions of a Python object");
}

const ObjectMethods host_object_methods = {
    .traits = 0,   // storage holds only symbol keys; every string and index key is Python's
    .prevent_extensions = host_prevent_extensions,
    .get_own_property = host_get_own_property,
    .define_own_property = host_define_own_property,
    .has_property = host_has_property,
    .get = host_get,
    .set = host_set,
    .delete_property = host_delete,
    .own_keys = host_own_keys,
};

static Value host_cell_new(ThreadState *ts, uint64_t host_id) {
    HostObject *h = object_alloc(ts, sizeof(HostObject), CELL_HOST_OBJECT,
                                 realm_intrinsic(ts, INTRINSIC_HOST_OBJECT_PROTOTYPE));
    if (!h) return JS_EXCEPTION;
    h->host_id = host_id;
    return value_from_cell(h);
}

Value host_object_new(ThreadState *ts, uint64_t host_id) {
    return host_cell_new(ts, host_id);
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
