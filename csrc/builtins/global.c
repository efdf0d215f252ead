/*
 * builtins/global.c — the value properties and plain functions of the global object:
 * globalThis, NaN, Infinity, undefined, parseInt, parseFloat, isNaN, isFinite. Number.parseInt
 * and Number.parseFloat are the same function objects (§20.1.2.12-13), attached here.
 * eval is the interpreter's; the URI functions live in builtins/uri.c. Also `performance`
 * (W3C High Resolution Time: now(), timeOrigin, toJSON), which node and browsers have as a global.
 */
#include <stdlib.h>
#include <time.h>

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

// ---- performance (W3C High Resolution Time) ----
// performance.now() is milliseconds since performance.timeOrigin on the monotonic clock: it never
// goes backwards and ignores wall-clock changes (HR-Time §4). The origin is taken once, when the
// realm is set up, so every thread of a runtime shares one time line; timeOrigin is the wall-clock
// time (ms since the epoch) of that same instant. Both origins ride in `now`'s data slots
// (data[0] monotonic, data[1] epoch), so each runtime keeps its own without any global state.
// Like node, no coarsening: the full nanosecond clock reading as a double of milliseconds.

static double clock_ms(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

// now() (magic 0) and the timeOrigin getter (magic 1) read the origins through `data`, the
// `now` function; toJSON (magic 2) returns {timeOrigin} as node does.
static Value performance_read(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc;
    const NativeFunction *callee = value_to_cell(ts->callee);
    const NativeFunction *now = magic == 0 ? callee : value_to_cell(callee->data[0]);
    if (magic == 0) return value_from_number(clock_ms(CLOCK_MONOTONIC) - value_to_number(now->data[0]));
    Value origin = now->data[1];
    if (magic == 1) return origin;
    Value json = object_new_plain(ts);
    if (value_is_exception(json) || object_define_value(ts, json, atom_from_cstr(ts, "timeOrigin"), origin, PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    return json;
}

// The object node and browsers have: `now`, `timeOrigin` and `toJSON` on its prototype (what
// node calls Performance.prototype, tagged "Performance"), the global `performance` itself empty.
static bool install_performance(ThreadState *ts) {
    Value proto = object_new_plain(ts);
    if (value_is_exception(proto)) return false;
    Value performance = object_new(ts, proto);
    if (value_is_exception(performance)) return false;
    Value now = function_new_native(ts, performance_read, "now", 0, 0, 0);
    if (value_is_exception(now)) return false;
    NativeFunction *now_fn = value_to_cell(now);
    // Epoch origin first: the monotonic origin is the later reading, so now() starts at >= 0.
    now_fn->data[1] = value_from_number(clock_ms(CLOCK_REALTIME));
    now_fn->data[0] = value_from_number(clock_ms(CLOCK_MONOTONIC));
    Value time_origin = function_new_native(ts, performance_read, "get timeOrigin", 0, 1, 0);
    Value to_json = function_new_native(ts, performance_read, "toJSON", 0, 2, 0);
    if (value_is_exception(time_origin) || value_is_exception(to_json)) return false;
    ((NativeFunction *)value_to_cell(time_origin))->data[0] = now;
    ((NativeFunction *)value_to_cell(to_json))->data[0] = now;
    static const BuiltinEntry tag[] = {BUILTIN_STRING("@@toStringTag", "Performance", PROP_CONFIGURABLE)};
    return object_define_value(ts, proto, atom_from_cstr(ts, "now"), now, PROP_ENUMERABLE | PROP_CONFIGURABLE | PROP_WRITABLE) >= 0 &&
           object_define_accessor(ts, proto, atom_from_cstr(ts, "timeOrigin"), time_origin, JS_UNDEFINED,
                                  PROP_ENUMERABLE | PROP_CONFIGURABLE) >= 0 &&
           object_define_value(ts, proto, atom_from_cstr(ts, "toJSON"), to_json, PROP_ENUMERABLE | PROP_CONFIGURABLE | PROP_WRITABLE) >= 0 &&
           builtins_install_table(ts, proto, tag, 1) &&
           object_define_value(ts, ts->rt->realm.global_object, atom_from_cstr(ts, "performance"), performance,
                               PROP_ENUMERABLE | PROP_CONFIGURABLE | PROP_WRITABLE) >= 0;
}

bool builtins_install_global(ThreadState *ts) {
    Value global = ts->rt->realm.global_object;
    if (object_define_value(ts, global, ATOM(ts, undefined), JS_UNDEFINED, 0) < 0 ||
        !builtins_define_global(ts, "globalThis", global) ||
        !builtins_install_table(ts, global, global_table, BUILTIN_COUNT(global_table)) ||
        !install_performance(ts))
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
