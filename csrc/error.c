/*
 * error.c — throwing (errors.h): the pending exception in ThreadState [VAL-4], Error objects of
 * each kind with their `stack`, message formatting (%s %d %u %V %K %C), and the text the CLI
 * prints for an uncaught exception. Message rendering never runs JS (it reads data properties
 * only); building the `stack` header does, as V8's does. The Error constructors themselves are
 * in builtins/error.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "bigint.h"
#include "atomics.h"
#include "celltrace.h"
#include "interp.h"
#include "jsstring.h"
#include "number.h"
#include "object.h"
#include "ops.h"
#include "builtins/builtins.h"

static const char *const kind_names[ERROR_KIND_COUNT] = {
    "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
    "AggregateError", "ConcurrentAccessError",
};

static const Intrinsic kind_prototypes[ERROR_KIND_COUNT] = {
    INTRINSIC_ERROR_PROTOTYPE, INTRINSIC_EVAL_ERROR_PROTOTYPE, INTRINSIC_RANGE_ERROR_PROTOTYPE,
    INTRINSIC_REFERENCE_ERROR_PROTOTYPE, INTRINSIC_SYNTAX_ERROR_PROTOTYPE,
    INTRINSIC_TYPE_ERROR_PROTOTYPE, INTRINSIC_URI_ERROR_PROTOTYPE,
    INTRINSIC_AGGREGATE_ERROR_PROTOTYPE, INTRINSIC_CONCURRENT_ACCESS_ERROR_PROTOTYPE,
};

// Both tables follow the ErrorKind order of errors.h.
const char *error_kind_name(ErrorKind kind) { return kind_names[kind]; }
Intrinsic error_kind_prototype(ErrorKind kind) { return kind_prototypes[kind]; }

Value error_throw(ThreadState *ts, Value exception) {
    ts->exception = exception;
    return JS_EXCEPTION;
}

Value error_take(ThreadState *ts) {
    Value exception = ts->exception;
    ts->exception = JS_HOLE;
    return exception;
}

// Throws the RangeError preallocated at start-up: creating a new one could need the memory
// that just ran out. Every OOM shares that object, so its `stack` is generic.
Value error_throw_out_of_memory(ThreadState *ts) {
    Value preallocated = realm_intrinsic(ts, INTRINSIC_OUT_OF_MEMORY_ERROR);
    // Before start-up made the error there is nothing better to throw than null.
    ts->exception = value_is_object(preallocated) ? preallocated : JS_NULL;
    return JS_EXCEPTION;
}

// ---- describing values for messages, without running JS ----

// A data property found on obj or its prototypes, JS_HOLE when absent or an accessor.
static Value peek_data_property(ThreadState *ts, Value obj, PropKey key) {
    for (int hops = 0; value_is_object(obj) && hops < 64; hops++) {
        // Proxies and host objects would run user code (traps, Python) to answer.
        CellType type = value_cell_type(obj);
        if (type == CELL_PROXY || type == CELL_HOST_OBJECT) return JS_HOLE;
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, key, &desc);
        if (found < 0) {
            error_take(ts);
            return JS_HOLE;
        }
        if (found) return (desc.attributes & PROP_ACCESSOR) ? JS_HOLE : desc.value;
        obj = object_get_prototype_of(ts, obj);
        if (value_is_exception(obj)) {
            error_take(ts);
            return JS_HOLE;
        }
    }
    return JS_HOLE;
}

static void append_symbol(StringBuilder *b, Value symbol) {
    Value description = ((Symbol *)value_to_cell(symbol))->description;
    string_builder_append_cstr(b, "Symbol(");
    if (value_is_string(description)) string_builder_append_string(b, description);
    string_builder_append_char(b, ')');
}

static void append_number(StringBuilder *b, double d) {
    char buffer[NUMBER_BUF_SIZE];
    number_to_string(d, buffer);
    string_builder_append_cstr(b, buffer);
}

// V8's constructor name of an object: the `name` of the `constructor` found by data lookups.
static void append_constructor_name(StringBuilder *b, Value obj) {
    ThreadState *ts = b->ts;
    Value constructor = peek_data_property(ts, obj, ATOM(ts, constructor));
    Value name = value_is_object(constructor) ? peek_data_property(ts, constructor, ATOM(ts, name))
                                              : JS_HOLE;
    if (value_is_string(name) && string_length(name) > 0)
        string_builder_append_string(b, name);
    else
        string_builder_append_cstr(b, "Object");
}

// %V: V8's NoSideEffectsToString, approximately: primitives as ToString would give them,
// errors as "Name: message", functions as native-code text, other objects as #<Ctor>.
static void append_value(StringBuilder *b, Value v) {
    ThreadState *ts = b->ts;
    if (value_is_string(v)) {
        string_builder_append_string(b, v);
    } else if (value_is_number(v)) {
        append_number(b, value_to_number(v));
    } else if (value_is_symbol(v)) {
        append_symbol(b, v);
    } else if (value_is_bigint(v)) {
        Value digits = bigint_to_string(ts, v, 10);
        if (value_is_exception(digits)) b->failed = true;
        else string_builder_append_string(b, digits);
    } else if (!value_is_object(v)) {
        string_builder_append_cstr(b, v == JS_UNDEFINED ? "undefined" : v == JS_NULL ? "null"
                                      : v == JS_TRUE   ? "true"
                                                       : "false");
    } else if (ops_is_callable(v)) {
        Value name = peek_data_property(ts, v, ATOM(ts, name));
        string_builder_append_cstr(b, "function ");
        if (value_is_string(name)) string_builder_append_string(b, name);
        string_builder_append_cstr(b, "() { [native code] }");
    } else if (value_cell_type(v) == CELL_ERROR) {
        Value name = peek_data_property(ts, v, ATOM(ts, name));
        Value message = peek_data_property(ts, v, ATOM(ts, message));
        string_builder_append_string(b, value_is_string(name) ? name : ATOM(ts, undefined));
        if (value_is_string(message) && string_length(message) > 0) {
            string_builder_append_cstr(b, ": ");
            string_builder_append_string(b, message);
        }
    } else {
        string_builder_append_cstr(b, "#<");
        append_constructor_name(b, v);
        string_builder_append_char(b, '>');
    }
}

static void append_key(StringBuilder *b, PropKey key) {
    if (property_key_is_index(key)) append_number(b, (double)property_key_index(key));
    else if (value_is_symbol(key)) append_symbol(b, key);
    else string_builder_append_string(b, key);
}

// V8's BuildDefaultCallSite: typeof, then the value for primitives ("number 5", "object null").
static void append_call_site(StringBuilder *b, Value v) {
    string_builder_append_string(b, ops_typeof(b->ts, v));
    if (value_is_string(v)) {
        string_builder_append_cstr(b, " \"");
        if (string_length(v) <= 100) {
            string_builder_append_string(b, v);
        } else {
            Value prefix = string_substring(b->ts, v, 0, 100);
            if (value_is_exception(prefix)) {
                b->failed = true;
                return;
            }
            string_builder_append_string(b, prefix);
            string_builder_append_cstr(b, "<...>");
        }
        string_builder_append_char(b, '"');
    } else if (value_is_null(v) || value_is_bool(v) || value_is_number(v) || value_is_bigint(v)) {
        string_builder_append_char(b, ' ');
        append_value(b, v);
    }
}

static void append_utf8(StringBuilder *b, const char *s) {
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p >= 0x80) {
            Value text = string_from_utf8(b->ts, s, strlen(s));
            if (value_is_exception(text)) b->failed = true;
            else string_builder_append_string(b, text);
            return;
        }
    }
    string_builder_append_cstr(b, s);
}

// Literal runs are copied in chunks so that a long format needs no allocation of its own.
Value error_vformat(ThreadState *ts, const char *format, va_list ap) {
    StringBuilder b;
    string_builder_init(&b, ts);
    const char *run = format;
    for (const char *p = format; *p; p++) {
        if (*p != '%') continue;
        if (p > run) {
            char chunk[256];
            size_t n = (size_t)(p - run);
            while (n > 0) {
                size_t take = n < sizeof chunk - 1 ? n : sizeof chunk - 1;
                memcpy(chunk, run, take);
                chunk[take] = 0;
                append_utf8(&b, chunk);
                run += take;
                n -= take;
            }
        }
        char directive = *++p;
        if (!directive) break;
        char number[32];
        switch (directive) {
        case 's': {
            const char *text = va_arg(ap, const char *);
            append_utf8(&b, text ? text : "(null)");
            break;
        }
        case 'd': snprintf(number, sizeof number, "%d", va_arg(ap, int)); string_builder_append_cstr(&b, number); break;
        case 'u': snprintf(number, sizeof number, "%u", va_arg(ap, unsigned)); string_builder_append_cstr(&b, number); break;
        case 'V': append_value(&b, va_arg(ap, Value)); break;
        case 'K': append_key(&b, va_arg(ap, PropKey)); break;
        case 'C': append_call_site(&b, va_arg(ap, Value)); break;
        default: string_builder_append_char(&b, (uint16_t)directive); break;
        }
        run = p + 1;
    }
    if (*run) append_utf8(&b, run);
    if (b.failed) {
        string_builder_discard(&b);
        return error_throw_out_of_memory(ts);
    }
    return string_builder_finish(&b);
}

// ---- error objects ----

// Error.prototype.toString's text ("Name: message"), reading the properties with [[Get]].
static Value error_header(ThreadState *ts, Value error) {
    Value name = ops_get(ts, error, ATOM(ts, name));
    if (value_is_exception(name)) return JS_EXCEPTION;
    name = value_is_undefined(name) ? string_from_cstr(ts, "Error") : ops_to_string(ts, name);
    if (value_is_exception(name)) return JS_EXCEPTION;
    Value message = ops_get(ts, error, ATOM(ts, message));
    if (value_is_exception(message)) return JS_EXCEPTION;
    message = value_is_undefined(message) ? string_empty(ts) : ops_to_string(ts, message);
    if (value_is_exception(message)) return JS_EXCEPTION;
    if (string_length(name) == 0) return message;
    if (string_length(message) == 0) return name;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_string(&b, name);
    string_builder_append_cstr(&b, ": ");
    string_builder_append_string(&b, message);
    return string_builder_finish(&b);
}

Value error_capture_stack(ThreadState *ts) { return interp_stack_trace(ts, 0); }

// Header and frames joined as V8 prints them; the header alone when there are no frames.
static Value join_stack(ThreadState *ts, Value header, Value trace) {
    if (!value_is_string(trace) || string_length(trace) == 0) return header;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_string(&b, header);
    string_builder_append_char(&b, '\n');
    string_builder_append_string(&b, trace);
    return string_builder_finish(&b);
}

/*
 * The `stack` accessor: V8 captures the frames at construction but formats the header
 * ("Name: message") on the first read, so a later change of name or message shows up, and from
 * then on `stack` is a plain data property holding that text. One native serves as getter (no
 * argument) and setter (one argument). Errors keep their frames in ErrorObject.frames and share
 * the realm's accessor (data[0] JS_HOLE), so constructing one allocates no function; other
 * objects given a stack by Error.captureStackTrace get an accessor of their own whose data[0]
 * holds the frames.
 */
static Value stack_accessor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self)) return JS_UNDEFINED;
    Value text;
    if (argc > 0) {
        text = args[0];
    } else {
        Value frames = ((NativeFunction *)value_to_cell(ts->callee))->data[0];
        if (frames == JS_HOLE)
            frames = value_cell_type(self) == CELL_ERROR ? ((ErrorObject *)value_to_cell(self))->frames : JS_UNDEFINED;
        Value header = error_header(ts, self);
        if (value_is_exception(header)) return JS_EXCEPTION;
        text = join_stack(ts, header, frames);
        if (value_is_exception(text)) return JS_EXCEPTION;
    }
    if (object_define_value(ts, self, ATOM(ts, stack), text, PROP_HIDDEN) < 0) return JS_EXCEPTION;
    return argc > 0 ? JS_UNDEFINED : text;
}

bool error_install_stack(ThreadState *ts, Value error, int skip) {
    Value trace = interp_stack_trace(ts, skip);
    if (value_is_exception(trace)) return false;
    Value accessor;
    if (value_cell_type(error) == CELL_ERROR) {
        Value *slot = &ts->rt->realm.intrinsics[INTRINSIC_ERROR_STACK_ACCESSOR];
        accessor = load_acquire(slot);
        if (!value_is_object(accessor)) {
            // Made on first use (errors thrown while the realm is being built come first) and
            // published by CAS: threads racing here all end up sharing the winner's.
            Value fresh = function_new_native(ts, stack_accessor, "stack", 0, 0, 0);
            if (value_is_exception(fresh)) return false;
            ((NativeFunction *)value_to_cell(fresh))->data[0] = JS_HOLE;
            Value expected = accessor;
            accessor = cas_acq_rel(slot, &expected, fresh) ? fresh : expected;
        }
        ((ErrorObject *)value_to_cell(error))->frames = trace;
    } else {
        accessor = function_new_native(ts, stack_accessor, "stack", 0, 0, 0);
        if (value_is_exception(accessor)) return false;
        ((NativeFunction *)value_to_cell(accessor))->data[0] = trace;
    }
    return object_define_accessor(ts, error, ATOM(ts, stack), accessor, accessor, PROP_CONFIGURABLE) >= 0;
}

void error_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((ErrorObject *)cell)->frames);
}

Value error_alloc(ThreadState *ts, Value prototype) {
    ErrorObject *o = (ErrorObject *)object_alloc(ts, sizeof(ErrorObject), CELL_ERROR, prototype);
    if (!o) return JS_EXCEPTION;
    o->frames = JS_UNDEFINED;
    return value_from_cell(o);
}

static Value error_allocate(ThreadState *ts, ErrorKind kind, Value message) {
    Value prototype = realm_intrinsic(ts, kind_prototypes[kind]);
    if (!value_is_object(prototype)) prototype = JS_NULL;
    Value error = error_alloc(ts, prototype);
    if (value_is_exception(error)) return JS_EXCEPTION;
    if (!value_is_undefined(message) &&
        object_define_value(ts, error, ATOM(ts, message), message, PROP_HIDDEN) < 0)
        return JS_EXCEPTION;
    return error;
}

// Errors the engine throws skip the constructor: no user code can observe the difference
// because the intrinsic prototypes' name/message are plain data properties.
Value error_new(ThreadState *ts, ErrorKind kind, Value message) {
    Value error = error_allocate(ts, kind, message);
    if (value_is_exception(error)) return JS_EXCEPTION;
    if (!error_install_stack(ts, error, 0)) return JS_EXCEPTION;
    return error;
}

bool error_init_out_of_memory(ThreadState *ts) {
    Value message = string_from_cstr(ts, "Out of memory");
    if (value_is_exception(message)) return false;
    Value error = error_allocate(ts, ERROR_RANGE, message);
    if (value_is_exception(error)) return false;
    Value stack = string_from_cstr(ts, "RangeError: Out of memory");
    if (value_is_exception(stack) ||
        object_define_value(ts, error, ATOM(ts, stack), stack, PROP_HIDDEN) < 0)
        return false;
    ts->rt->realm.intrinsics[INTRINSIC_OUT_OF_MEMORY_ERROR] = error;
    return true;
}

static Value throw_vkind(ThreadState *ts, ErrorKind kind, const char *format, va_list ap) {
    Value message = error_vformat(ts, format, ap);
    if (value_is_exception(message)) return JS_EXCEPTION;
    Value error = error_new(ts, kind, message);
    if (value_is_exception(error)) return JS_EXCEPTION;
    return error_throw(ts, error);
}

Value error_throw_kind(ThreadState *ts, ErrorKind kind, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    Value result = throw_vkind(ts, kind, format, ap);
    va_end(ap);
    return result;
}

#define THROW_HELPER(function, kind)                                \
    Value function(ThreadState *ts, const char *format, ...) {     \
        va_list ap;                                                 \
        va_start(ap, format);                                       \
        Value result = throw_vkind(ts, kind, format, ap);           \
        va_end(ap);                                                 \
        return result;                                              \
    }
THROW_HELPER(error_throw_type, ERROR_TYPE)
THROW_HELPER(error_throw_range, ERROR_RANGE)
THROW_HELPER(error_throw_reference, ERROR_REFERENCE)
THROW_HELPER(error_throw_syntax, ERROR_SYNTAX)

// ---- the CLI's rendering of an uncaught exception ----

static bool string_starts_with(ThreadState *ts, Value s, Value prefix) {
    uint32_t n = string_length(prefix);
    if (string_length(s) < n) return false;
    String *a = string_flatten(ts, s), *b = string_flatten(ts, prefix);
    if (!a || !b) return false;
    for (uint32_t i = 0; i < n; i++)
        if (string_char_at(a, i) != string_char_at(b, i)) return false;
    return true;
}

// The body after "Uncaught ": the error's stack when it is usable, else "Name: message"; any
// other value as util.inspect shows it.
static Value uncaught_text(ThreadState *ts, Value exception) {
    if (value_cell_type(exception) != CELL_ERROR) return inspect_value(ts, exception, 2);
    Value stack = ops_get(ts, exception, ATOM(ts, stack));
    if (value_is_exception(stack)) return JS_EXCEPTION;
    Value name = ops_get(ts, exception, ATOM(ts, name));
    if (value_is_exception(name)) return JS_EXCEPTION;
    if (!value_is_undefined(name)) {
        name = ops_to_string(ts, name);
        if (value_is_exception(name)) return JS_EXCEPTION;
    }
    if (value_is_string(stack) && value_is_string(name) && string_starts_with(ts, stack, name))
        return stack;
    // The name changed after the stack was captured (a subclass setting this.name): V8 formats
    // the stack lazily and would show the new name, so keep the frames under a fresh header.
    Value header = error_header(ts, exception);
    if (value_is_exception(header) || !value_is_string(stack)) return header;
    Value marker = string_from_cstr(ts, "\n    at ");
    if (value_is_exception(marker)) return JS_EXCEPTION;
    int64_t frames = string_index_of(ts, stack, marker, 0);
    if (frames < 0) return header;
    Value tail = string_substring(ts, stack, (uint32_t)frames, string_length(stack));
    return value_is_exception(tail) ? JS_EXCEPTION : string_concat(ts, header, tail);
}

char *error_format_uncaught(ThreadState *ts, Value exception) {
    Value pending = error_take(ts);
    Value text = uncaught_text(ts, exception);
    char *body = NULL;
    size_t length = 0;
    if (value_is_exception(text)) error_take(ts);
    else body = string_to_utf8(ts, text, &length);
    if (!body) error_take(ts);
    ts->exception = pending;
    const char *shown = body ? body : "exception (could not be formatted)";
    size_t size = strlen("Uncaught ") + (body ? length : strlen(shown)) + 1;
    char *out = malloc(size);
    if (out) {
        memcpy(out, "Uncaught ", 9);
        memcpy(out + 9, shown, size - 10);
        out[size - 1] = 0;
    }
    free(body);
    return out;
}
