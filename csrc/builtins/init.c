/*
 * builtins/init.c — the helpers every builtins/<global>.c uses to define its tables, and
 * builtins_install_all: the one explicit list of installers, in dependency order (no
 * registration by side effect). Creates the objects everything else hangs from first:
 * %Object.prototype%, %Function.prototype%, the global object, the global lexical scope.
 */
#include <string.h>

#include "builtins.h"

// The well-known symbols by the name that follows "@@" in table entries.
static const char *const well_known_names[SYMBOL_COUNT] = {
#define X(n) #n,
    WELL_KNOWN_SYMBOLS(X)
#undef X
};

PropKey builtins_key(ThreadState *ts, const char *name) {
    if (name[0] == '@' && name[1] == '@') {
        for (int i = 0; i < SYMBOL_COUNT; i++)
            if (strcmp(name + 2, well_known_names[i]) == 0) return ts->rt->well_known_symbols[i];
        return error_throw_type(ts, "unknown well-known symbol %s", name);
    }
    return atom_from_cstr(ts, name);
}

// A builtin function's `name`: "push", "[Symbol.iterator]", "get size", "get [Symbol.species]".
static Value entry_function_name(ThreadState *ts, const char *name, const char *prefix) {
    StringBuilder b;
    string_builder_init(&b, ts);
    if (prefix) {
        string_builder_append_cstr(&b, prefix);
        string_builder_append_char(&b, ' ');
    }
    if (name[0] == '@' && name[1] == '@') {
        string_builder_append_cstr(&b, "[Symbol.");
        string_builder_append_cstr(&b, name + 2);
        string_builder_append_char(&b, ']');
    } else {
        string_builder_append_cstr(&b, name);
    }
    return string_builder_finish(&b);
}

static Value entry_function(ThreadState *ts, const BuiltinEntry *e, NativeFn fn, const char *prefix,
                            int length) {
    Value name = entry_function_name(ts, e->name, prefix);
    if (value_is_exception(name)) return JS_EXCEPTION;
    return function_new_native_named(ts, fn, name, length, e->magic, 0);
}

bool builtins_install_table(ThreadState *ts, Value target, const BuiltinEntry *table, int count) {
    for (int i = 0; i < count; i++) {
        const BuiltinEntry *e = &table[i];
        PropKey key = builtins_key(ts, e->name);
        if (value_is_exception(key)) return false;
        Value value = JS_UNDEFINED;
        switch ((BuiltinKind)e->kind) {
        case BUILTIN_KIND_FUNCTION:
            value = entry_function(ts, e, e->fn, NULL, e->length);
            break;
        case BUILTIN_KIND_GETSET: {
            Value getter = e->fn ? entry_function(ts, e, e->fn, "get", 0) : JS_UNDEFINED;
            if (value_is_exception(getter)) return false;
            Value setter = e->setter ? entry_function(ts, e, e->setter, "set", 1) : JS_UNDEFINED;
            if (value_is_exception(setter)) return false;
            if (object_define_accessor(ts, target, key, getter, setter, e->attributes) < 0) return false;
            continue;
        }
        case BUILTIN_KIND_NUMBER:
            value = value_from_number(e->number);
            break;
        case BUILTIN_KIND_STRING:
            value = string_from_utf8(ts, e->string, strlen(e->string));
            break;
        }
        if (value_is_exception(value)) return false;
        if (object_define_value(ts, target, key, value, e->attributes) < 0) return false;
    }
    return true;
}

bool builtins_define_global(ThreadState *ts, const char *name, Value v) {
    Value key = atom_from_cstr(ts, name);
    if (value_is_exception(key)) return false;
    return object_define_value(ts, ts->rt->realm.global_object, key, v, PROP_HIDDEN) >= 0;
}

Value builtins_install_constructor(ThreadState *ts, const char *name, NativeFn fn, int length,
                                   Value prototype, uint16_t native_flags) {
    Value constructor = function_new_native(ts, fn, name, length, 0, native_flags | NATIVE_CONSTRUCTOR);
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    // F.prototype is fixed (§20.1.2.19 and friends); prototype.constructor is an ordinary method slot.
    if (object_define_value(ts, constructor, ATOM(ts, prototype), prototype, 0) < 0 ||
        object_define_value(ts, prototype, ATOM(ts, constructor), constructor, PROP_HIDDEN) < 0 ||
        !builtins_define_global(ts, name, constructor))
        return JS_EXCEPTION;
    return constructor;
}

// %Function.prototype% is itself callable: it accepts any arguments and returns undefined.
static Value Function_prototype(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)args, (void)argc, (void)magic;
    return JS_UNDEFINED;
}

// %ThrowTypeError% (§9.2.9.1), the poison pill behind strict `arguments.callee` and friends.
static Value ThrowTypeError(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return error_throw_type(ts, "'caller', 'callee', and 'arguments' properties may not be accessed "
                                "on strict mode functions or the arguments objects for calls to them");
}

// The objects that must exist before any installer runs.
static bool create_roots(ThreadState *ts) {
    Realm *realm = &ts->rt->realm;
    Value object_prototype = object_new(ts, JS_NULL);
    if (value_is_exception(object_prototype)) return false;
    realm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE] = object_prototype;

    NativeFunction *fp = object_alloc(ts, sizeof(NativeFunction), CELL_NATIVE_FUNCTION, object_prototype);
    if (!fp) return false;
    fp->fn = Function_prototype;
    fp->data[0] = fp->data[1] = JS_UNDEFINED;
    Value function_prototype = value_from_cell(fp);
    realm->intrinsics[INTRINSIC_FUNCTION_PROTOTYPE] = function_prototype;
    Value empty = string_empty(ts);
    if (value_is_exception(empty) ||
        object_define_value(ts, function_prototype, ATOM(ts, length), value_from_int(0), PROP_CONFIGURABLE) < 0 ||
        object_define_value(ts, function_prototype, ATOM(ts, name), empty, PROP_CONFIGURABLE) < 0)
        return false;

    Object *global = object_alloc(ts, sizeof(Object), CELL_GLOBAL, object_prototype);
    if (!global) return false;
    realm->global_object = value_from_cell(global);
    Value lexicals = object_new(ts, JS_NULL);
    if (value_is_exception(lexicals)) return false;
    realm->global_lexicals = lexicals;

    // The number-string cache of ops.c: every slot starts empty.
    Values *cache = values_new(ts, 1024);
    if (!cache) return false;
    for (uint32_t i = 0; i < 1024; i++) cache->items[i] = JS_UNDEFINED;
    cache->count = 1024;
    realm->intrinsics[INTRINSIC_NUMBER_STRING_CACHE] = value_from_cell(cache);

    Value thrower = function_new_native(ts, ThrowTypeError, "", 0, 0, 0);
    if (value_is_exception(thrower) || object_set_integrity(ts, thrower, true) < 0) return false;
    realm->intrinsics[INTRINSIC_THROW_TYPE_ERROR] = thrower;
    return true;
}

// builtins/shell.c: the jsc shell helpers, a no-op unless JSTHREADS_SHELL_HELPERS=1.

bool builtins_install_all(ThreadState *ts) {
    if (!create_roots(ts)) return false;
    // Dependencies first: error before anything that throws during installation, iterator
    // before the iterables (array, string, map), function before generator.
    return builtins_install_object(ts) &&
           builtins_install_function(ts) &&
           builtins_install_error(ts) &&
           error_init_out_of_memory(ts) &&
           builtins_install_symbol(ts) &&
           builtins_install_iterator(ts) &&
           builtins_install_array(ts) &&
           builtins_install_string(ts) &&
           builtins_install_boolean(ts) &&
           builtins_install_number(ts) &&
           builtins_install_math(ts) &&
           builtins_install_json(ts) &&
           builtins_install_map(ts) &&
           builtins_install_promise(ts) &&
           builtins_install_generator(ts) &&
           builtins_install_timers(ts) &&
           builtins_install_global(ts) &&
           builtins_install_console(ts) &&
           builtins_install_thread(ts) &&
           builtins_install_sync(ts) &&
           builtins_install_atomics(ts) &&
           builtins_install_date(ts) &&
           builtins_install_regexp(ts) &&
           builtins_install_typedarray(ts) &&
           builtins_install_weakref(ts) &&
           builtins_install_bigint(ts) &&
           builtins_install_proxy(ts) &&
           builtins_install_reflect(ts) &&
           builtins_install_uri(ts) &&
           builtins_install_shell(ts);
}
