/*
 * builtins/console.c — the console object (log/info/debug to stdout, error/warn/trace to stderr,
 * dir, assert, group, count, time, table) and the `print` host function of test262 and the peer
 * corpus. Formatting is inspect.c's; this file only writes lines. Each call writes its whole
 * line with one fwrite and flushes, so lines from concurrent threads never interleave and
 * stdout and stderr stay in program order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins.h"
#include "../atomics.h"
#include "../number.h"

// console.group nesting, in spaces; shared by every thread (node has one console per process).
static int group_indent;

// Writes text plus a newline, indented by the current group.
static bool write_line(ThreadState *ts, FILE *stream, Value text) {
    size_t length;
    char *utf8 = string_to_utf8(ts, text, &length);
    if (!utf8) return false;
    int indent = load_relaxed(&group_indent);
    size_t newlines = 0;
    for (size_t i = 0; indent && i < length; i++) newlines += utf8[i] == '\n';
    char *line = malloc(length + (newlines + 1) * (size_t)indent + 2);
    if (!line) {
        free(utf8);
        error_throw_out_of_memory(ts);
        return false;
    }
    size_t n = 0;
    memset(line, ' ', (size_t)indent);
    n += (size_t)indent;
    for (size_t i = 0; i < length; i++) {
        line[n++] = utf8[i];
        if (utf8[i] == '\n' && indent) {
            memset(line + n, ' ', (size_t)indent);
            n += (size_t)indent;
        }
    }
    line[n++] = '\n';
    if (stream == stderr) fflush(stdout);
    fwrite(line, 1, n, stream);
    fflush(stream);
    free(line);
    free(utf8);
    return true;
}

// log, info, debug (magic 0: stdout) and error, warn (magic 1: stderr).
static Value console_log(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value text = inspect_format_args(ts, args, argc);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, magic ? stderr : stdout, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

static Value console_trace(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value message = inspect_format_args(ts, args, argc);
    if (value_is_exception(message)) return JS_EXCEPTION;
    Value trace = interp_stack_trace(ts, 0);
    if (value_is_exception(trace)) return JS_EXCEPTION;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "Trace");
    if (string_length(message) > 0) {
        string_builder_append_cstr(&b, ": ");
        string_builder_append_string(&b, message);
    }
    if (value_is_string(trace) && string_length(trace) > 0) {
        string_builder_append_char(&b, '\n');
        string_builder_append_string(&b, trace);
    }
    Value text = string_builder_finish(&b);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, stderr, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

// console.dir(value): util.inspect even for strings.
static Value console_dir(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value text = inspect_value(ts, builtin_arg(args, argc, 0), 2);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, stdout, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

// console.assert(value, ...message): "Assertion failed[: message]" on stderr when falsy.
static Value console_assert(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (ops_to_boolean(builtin_arg(args, argc, 0))) return JS_UNDEFINED;
    int count = argc > 1 ? argc - 1 : 0;
    Values *list = values_new(ts, (uint32_t)count + 1);
    if (!list) return JS_EXCEPTION;
    Value prefix = string_from_cstr(ts, "Assertion failed");
    if (value_is_exception(prefix)) return JS_EXCEPTION;
    if (count > 0 && value_is_string(args[1])) {
        Value colon = string_from_cstr(ts, "Assertion failed: ");
        prefix = value_is_exception(colon) ? JS_EXCEPTION : string_concat(ts, colon, args[1]);
        if (value_is_exception(prefix)) return JS_EXCEPTION;
        list->items[0] = prefix;
        for (int i = 1; i < count; i++) list->items[i] = args[i + 1];
        list->count = (uint32_t)count;
    } else {
        list->items[0] = prefix;
        for (int i = 0; i < count; i++) list->items[i + 1] = args[i + 1];
        list->count = (uint32_t)count + 1;
    }
    Value text = inspect_format_args(ts, list->items, (int)list->count);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, stderr, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

// group / groupCollapsed (magic 1) log their label and indent; groupEnd (magic 0) dedents.
static Value console_group(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (!magic) {
        int indent = load_relaxed(&group_indent);
        store_relaxed(&group_indent, indent >= 2 ? indent - 2 : 0);
        return JS_UNDEFINED;
    }
    if (argc > 0 && value_is_exception(console_log(ts, self, args, argc, 0))) return JS_EXCEPTION;
    store_relaxed(&group_indent, load_relaxed(&group_indent) + 2);
    return JS_UNDEFINED;
}

// The label argument of count/time ("default" when absent).
static Value label_of(ThreadState *ts, const Value *args, int argc) {
    Value label = builtin_arg(args, argc, 0);
    return value_is_undefined(label) ? string_from_cstr(ts, "default") : ops_to_string(ts, label);
}

// The table of counters (count/countReset) or timers (time/timeEnd/timeLog): one null-prototype
// object shared through data[0] of the natives of each family (set up at install).
static Value state_table(ThreadState *ts) {
    return ((NativeFunction *)value_to_cell(ts->callee))->data[0];
}

// count (magic 0) prints "label: n"; countReset (magic 1) forgets the label.
static Value console_count(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value label = label_of(ts, args, argc);
    if (value_is_exception(label)) return JS_EXCEPTION;
    Value table = state_table(ts);
    PropKey key = value_is_exception(table) ? JS_EXCEPTION : property_key_from_value(ts, label);
    if (value_is_exception(key)) return JS_EXCEPTION;
    if (magic) return object_delete(ts, table, key, false) < 0 ? JS_EXCEPTION : JS_UNDEFINED;
    Value count = object_get(ts, table, key);
    if (value_is_exception(count)) return JS_EXCEPTION;
    count = value_from_number((value_is_number(count) ? value_to_number(count) : 0) + 1);
    if (object_define_value(ts, table, key, count, PROP_DEFAULT) < 0) return JS_EXCEPTION;
    Value colon = string_from_cstr(ts, ": ");
    Value text = value_is_exception(colon) ? JS_EXCEPTION : string_concat(ts, label, colon);
    if (value_is_exception(text)) return JS_EXCEPTION;
    Value number = ops_to_string(ts, count);
    text = value_is_exception(number) ? JS_EXCEPTION : string_concat(ts, text, number);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, stdout, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

// time (magic 0) starts a timer; timeEnd (1) and timeLog (2) print "label: 1.234ms".
static Value console_time(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value label = label_of(ts, args, argc);
    if (value_is_exception(label)) return JS_EXCEPTION;
    Value table = state_table(ts);
    PropKey key = value_is_exception(table) ? JS_EXCEPTION : property_key_from_value(ts, label);
    if (value_is_exception(key)) return JS_EXCEPTION;
    if (magic == 0)
        return object_define_value(ts, table, key, value_from_number(now_ms()), PROP_DEFAULT) < 0 ? JS_EXCEPTION
                                                                                              : JS_UNDEFINED;
    Value start = object_get(ts, table, key);
    if (value_is_exception(start)) return JS_EXCEPTION;
    if (!value_is_number(start)) return JS_UNDEFINED;   // node only warns about unknown labels
    double elapsed = now_ms() - value_to_number(start);
    if (magic == 1 && object_delete(ts, table, key, false) < 0) return JS_EXCEPTION;
    char digits[NUMBER_BUF_SIZE + 8];
    if (elapsed >= 1000) {
        number_to_fixed(elapsed / 1000, 3, digits);
        strcat(digits, "s");
    } else {
        char fixed[NUMBER_BUF_SIZE];
        number_to_fixed(elapsed, 3, fixed);
        number_to_string(strtod(fixed, NULL), digits);
        strcat(digits, "ms");
    }
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_string(&b, label);
    string_builder_append_cstr(&b, ": ");
    string_builder_append_cstr(&b, digits);
    Value text = string_builder_finish(&b);
    if (value_is_exception(text)) return JS_EXCEPTION;
    return write_line(ts, stdout, text) ? JS_UNDEFINED : JS_EXCEPTION;
}

static const BuiltinEntry console_table[] = {
    BUILTIN_FN_MAGIC("log", console_log, 0, 0),
    BUILTIN_FN_MAGIC("warn", console_log, 0, 1),
    BUILTIN_FN("dir", console_dir, 0),
    BUILTIN_FN_MAGIC("time", console_time, 0, 0),
    BUILTIN_FN_MAGIC("timeEnd", console_time, 0, 1),
    BUILTIN_FN_MAGIC("timeLog", console_time, 0, 2),
    BUILTIN_FN("trace", console_trace, 0),
    BUILTIN_FN("assert", console_assert, 0),
    BUILTIN_FN_MAGIC("count", console_count, 0, 0),
    BUILTIN_FN_MAGIC("countReset", console_count, 0, 1),
    BUILTIN_FN_MAGIC("group", console_group, 0, 1),
    BUILTIN_FN_MAGIC("groupEnd", console_group, 0, 0),
    BUILTIN_FN_MAGIC("table", console_log, 0, 0),
    BUILTIN_FN_MAGIC("debug", console_log, 0, 0),
    BUILTIN_FN_MAGIC("info", console_log, 0, 0),
    BUILTIN_FN_MAGIC("groupCollapsed", console_group, 0, 1),
    BUILTIN_FN_MAGIC("error", console_log, 0, 1),
};

// print(...args): console.log for the test262 and peer-corpus harnesses.
static const BuiltinEntry print_table[] = {
    BUILTIN_FN_MAGIC("print", console_log, 0, 0),
};

// Gives each family of natives one shared state table.
static bool share_table(ThreadState *ts, Value console, const char *const *names, int count) {
    Value table = object_new(ts, JS_NULL);
    if (value_is_exception(table)) return false;
    for (int i = 0; i < count; i++) {
        Value fn = ops_get_cstr(ts, console, names[i]);
        if (value_cell_type(fn) != CELL_NATIVE_FUNCTION) return false;
        ((NativeFunction *)value_to_cell(fn))->data[0] = table;
    }
    return true;
}

bool builtins_install_console(ThreadState *ts) {
    static const char *const counters[] = {"count", "countReset"};
    static const char *const timers[] = {"time", "timeEnd", "timeLog"};
    Value console = object_new_plain(ts);
    return !value_is_exception(console) &&
           builtins_install_table(ts, console, console_table, BUILTIN_COUNT(console_table)) &&
           share_table(ts, console, counters, 2) && share_table(ts, console, timers, 3) &&
           builtins_define_global(ts, "console", console) &&
           builtins_install_table(ts, ts->rt->realm.global_object, print_table, BUILTIN_COUNT(print_table));
}
