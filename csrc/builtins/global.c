/*
 * builtins/global.c — the value properties and plain functions of the global object:
 * globalThis, NaN, Infinity, undefined, parseInt, parseFloat, isNaN, isFinite. Number.parseInt
 * and Number.parseFloat are the same function objects (§20.1.2.12-13), attached here.
 * eval is the interpreter's; the URI functions live in builtins/uri.c.
 */
#include <stdlib.h>

#include "builtins.h"
#include "../number.h"

// Runs a number.h parser over ToString(v) as UTF-16. magic: 0 parseFloat, else parseInt.
static Value parse_with(ThreadState *ts, Value v, int radix, bool integer) {
    Value s = ops_to_string(ts, v);
    if (value_is_exception(s)) return JS_EXCEPTION;
    String *flat = string_flatten(ts, s);
    if (!flat) return JS_EXCEPTION;
    uint32_t n = flat->length;
    const uint16_t *units = flat->chars.wide;
    uint16_t *widened = NULL;
    if (!(flat->header.flags & STRING_WIDE)) {
        widened = malloc((n ? n : 1) * sizeof(uint16_t));
        if (!widened) return error_throw_out_of_memory(ts);
        for (uint32_t i = 0; i < n; i++) widened[i] = flat->chars.latin1[i];
        units = widened;
    }
    double d = integer ? number_parse_int(units, n, radix) : number_parse_float(units, n);
    free(widened);
    return value_from_number(d);
}

static Value parseInt(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    // ToString(string) happens before ToInt32(radix) (§18.2.5 steps 1-6).
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    int32_t radix;
    if (!ops_to_int32(ts, builtin_arg(args, argc, 1), &radix)) return JS_EXCEPTION;
    return parse_with(ts, s, radix, true);
}

static Value parseFloat(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    return parse_with(ts, builtin_arg(args, argc, 0), 0, false);
}

// isNaN (magic 0) and isFinite (magic 1), both coercing with ToNumber.
static Value isNaN(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    double d;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &d)) return JS_EXCEPTION;
    return value_from_bool(magic ? isfinite(d) : d != d);
}

static const BuiltinEntry global_table[] = {
    BUILTIN_NUMBER("Infinity", INFINITY, 0),
    BUILTIN_NUMBER("NaN", NAN, 0),
    BUILTIN_FN_MAGIC("isFinite", isNaN, 1, 1),
    BUILTIN_FN_MAGIC("isNaN", isNaN, 1, 0),
    BUILTIN_FN("parseFloat", parseFloat, 1),
    BUILTIN_FN("parseInt", parseInt, 2),
};

bool builtins_install_global(ThreadState *ts) {
    Value global = ts->rt->realm.global_object;
    if (object_define_value(ts, global, ATOM(ts, undefined), JS_UNDEFINED, 0) < 0 ||
        !builtins_define_global(ts, "globalThis", global) ||
        !builtins_install_table(ts, global, global_table, BUILTIN_COUNT(global_table)))
        return false;
    Value number = ops_get_cstr(ts, global, "Number");
    if (!value_is_object(number)) return false;
    static const char *const shared[] = {"parseFloat", "parseInt"};
    for (int i = 0; i < 2; i++) {
        Value key = atom_from_cstr(ts, shared[i]);
        Value fn = value_is_exception(key) ? JS_EXCEPTION : object_get(ts, global, key);
        if (value_is_exception(fn) || object_define_value(ts, number, key, fn, PROP_HIDDEN) < 0) return false;
    }
    return true;
}
