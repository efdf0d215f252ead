/*
 * builtins/timers.c — the node-style timer globals: setTimeout/clearTimeout,
 * setInterval/clearInterval, setImmediate/clearImmediate and queueMicrotask. The queues
 * themselves live in job.c; this file only validates and coerces arguments like node does.
 * Timer ids are plain numbers (node returns Timeout objects, whose numeric value is the id).
 */
#include "builtins.h"

enum { TIMER_TIMEOUT, TIMER_INTERVAL, TIMER_IMMEDIATE };

// The largest delay node accepts; anything outside [1, TIMEOUT_MAX] becomes 1 ms.
#define TIMEOUT_MAX 2147483647.0

static Value require_callback(ThreadState *ts, Value callback) {
    if (ops_is_callable(callback)) return JS_UNDEFINED;
    return error_throw_type(ts, "The \"callback\" argument must be of type function. Received %V", callback);
}

static Value set_timer(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value callback = builtin_arg(args, argc, 0);
    if (value_is_exception(require_callback(ts, callback))) return JS_EXCEPTION;
    double delay = 0;
    int first_extra = 1;
    if (magic != TIMER_IMMEDIATE) {
        if (!ops_to_number(ts, builtin_arg(args, argc, 1), &delay)) return JS_EXCEPTION;
        if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = 1;
        first_extra = 2;
    }
    Value extra = JS_UNDEFINED;
    if (argc > first_extra) {
        Values *list = values_new(ts, (uint32_t)(argc - first_extra));
        if (!list) return JS_EXCEPTION;
        for (int i = first_extra; i < argc; i++) list->items[list->count++] = args[i];
        extra = value_from_cell(list);
    }
    uint32_t id = magic == TIMER_INTERVAL ? job_add_interval(ts, callback, delay, extra)
                                          : job_add_timer(ts, callback, delay, extra);
    if (id == 0) return JS_EXCEPTION;
    return value_from_number((double)id);
}

static Value clear_timer(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value id = builtin_arg(args, argc, 0);
    double number;
    if (value_is_number(id) || value_is_string(id)) {
        if (!ops_to_number(ts, id, &number)) return JS_EXCEPTION;
        if (number >= 1 && number <= 4294967295.0 && number == (double)(uint32_t)number)
            job_clear_timer(ts, (uint32_t)number);
    }
    return JS_UNDEFINED;
}

static Value queueMicrotask(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value callback = builtin_arg(args, argc, 0);
    if (value_is_exception(require_callback(ts, callback))) return JS_EXCEPTION;
    // JS_HOLE as the argument makes job.c call the callback with no arguments, as node does.
    if (!job_enqueue(ts, callback, JS_HOLE)) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

static const BuiltinEntry timers_table[] = {
    BUILTIN_FN_MAGIC("setTimeout", set_timer, 2, TIMER_TIMEOUT),
    BUILTIN_FN_MAGIC("setInterval", set_timer, 2, TIMER_INTERVAL),
    BUILTIN_FN_MAGIC("setImmediate", set_timer, 1, TIMER_IMMEDIATE),
    BUILTIN_FN("clearTimeout", clear_timer, 1),
    BUILTIN_FN("clearInterval", clear_timer, 1),
    BUILTIN_FN("clearImmediate", clear_timer, 1),
    BUILTIN_FN("queueMicrotask", queueMicrotask, 1),
};

bool builtins_install_timers(ThreadState *ts) {
    return builtins_install_table(ts, ts->rt->realm.global_object, timers_table, BUILTIN_COUNT(timers_table));
}
