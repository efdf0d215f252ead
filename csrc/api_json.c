/*
 * api_json.c — the embedding API's bulk conversions (api_internal.h): plain JS data to JSON text
 * for Python's json.loads, and json.dumps text to fresh JS Arrays and Objects, each in one call
 * instead of a crossing per element. Anything that is not plain data makes the writer give up
 * (JST_ERROR_NOT_PLAIN) so Python converts element by element instead; the writer never runs
 * user code (no getters, no toJSON). Objects are read through the object model's own entry
 * points, so other threads may use them meanwhile [OM-4]. Values under construction live in C
 * locals, which the collector scans conservatively [HEAP-7]; long loops poll [SP-6].
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "api_internal.h"
#include "object.h"
#include "jsstring.h"
#include "errors.h"
#include "ops.h"
#include "safepoint.h"
#include "builtins/builtins.h"

#define MAX_DEPTH 256
#define POLL_EVERY 1024

typedef struct Out {
    char *data;
    size_t length, capacity;
} Out;

static bool out_reserve(Out *o, size_t extra) {
    if (o->length + extra <= o->capacity) return true;
    size_t capacity = o->capacity ? o->capacity : 256;
    while (capacity < o->length + extra) capacity *= 2;
    char *grown = realloc(o->data, capacity);
    if (!grown) return false;
    o->data = grown;
    o->capacity = capacity;
    return true;
}

static bool out_put(Out *o, const char *text, size_t n) {
    if (!out_reserve(o, n)) return false;
    memcpy(o->data + o->length, text, n);
    o->length += n;
    return true;
}

// Small integers (the common case) without snprintf, which dominates a list of numbers.
static bool put_int(Out *o, int64_t v) {
    char buffer[24];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)(-v) : (uint64_t)v;
    do {
        buffer[sizeof buffer - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) buffer[sizeof buffer - 1 - n++] = '-';
    return out_put(o, buffer + sizeof buffer - n, (size_t)n);
}

static bool put_number(Out *o, double d) {
    char buffer[40];
    int n;
    if (d == trunc(d) && fabs(d) < 9007199254740992.0 && !(d == 0 && signbit(d))) return put_int(o, (int64_t)d);
    if (isnan(d)) n = snprintf(buffer, sizeof buffer, "NaN");
    else if (isinf(d)) n = snprintf(buffer, sizeof buffer, d > 0 ? "Infinity" : "-Infinity");
    else if (d == trunc(d) && fabs(d) < 9007199254740992.0) n = snprintf(buffer, sizeof buffer, "%.0f", d);
    else {
        // A float beyond 2**53 must still read back as a float: make sure it has a '.' or 'e'.
        n = snprintf(buffer, sizeof buffer, "%.17g", d);
        if (!strpbrk(buffer, ".e")) n += snprintf(buffer + n, sizeof buffer - (size_t)n, ".0");
    }
    return out_put(o, buffer, (size_t)n);
}

static bool put_unit_escape(Out *o, unsigned unit) {
    char buffer[8];
    snprintf(buffer, sizeof buffer, "\\u%04x", unit);
    return out_put(o, buffer, 6);
}

// A JSON string: UTF-8 for scalar values, \u escapes for controls and lone surrogates.
static int put_string(ThreadState *ts, Out *o, Value s) {
    String *flat = string_flatten(ts, s);
    if (!flat) return JST_ERROR_OOM;
    if (!out_reserve(o, (size_t)flat->length * 3 + 2)) return JST_ERROR_OOM;
    o->data[o->length++] = '"';
    bool wide = flat->header.flags & STRING_WIDE;
    for (uint32_t i = 0; i < flat->length; i++) {
        uint32_t c = wide ? flat->chars.wide[i] : flat->chars.latin1[i];
        if (c == '"' || c == '\\') {
            if (!out_reserve(o, 2)) return JST_ERROR_OOM;
            o->data[o->length++] = '\\';
            o->data[o->length++] = (char)c;
            continue;
        }
        if (c < 0x20) {
            if (!put_unit_escape(o, c)) return JST_ERROR_OOM;
            continue;
        }
        if (c >= 0xD800 && c < 0xE000) {
            uint32_t next = i + 1 < flat->length && wide ? flat->chars.wide[i + 1] : 0;
            if (c < 0xDC00 && next >= 0xDC00 && next < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                i++;
            } else {
                if (!put_unit_escape(o, c)) return JST_ERROR_OOM;
                continue;
            }
        }
        if (!out_reserve(o, 4)) return JST_ERROR_OOM;
        if (c < 0x80) {
            o->data[o->length++] = (char)c;
        } else if (c < 0x800) {
            o->data[o->length++] = (char)(0xC0 | (c >> 6));
            o->data[o->length++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            o->data[o->length++] = (char)(0xE0 | (c >> 12));
            o->data[o->length++] = (char)(0x80 | ((c >> 6) & 0x3F));
            o->data[o->length++] = (char)(0x80 | (c & 0x3F));
        } else {
            o->data[o->length++] = (char)(0xF0 | (c >> 18));
            o->data[o->length++] = (char)(0x80 | ((c >> 12) & 0x3F));
            o->data[o->length++] = (char)(0x80 | ((c >> 6) & 0x3F));
            o->data[o->length++] = (char)(0x80 | (c & 0x3F));
        }
    }
    if (!out_reserve(o, 1)) return JST_ERROR_OOM;
    o->data[o->length++] = '"';
    return JST_OK;
}

// An own data property's value; JS_HOLE when absent, JS_EXCEPTION for an accessor or a throw.
static Value own_data(ThreadState *ts, Value object, PropKey key, int *status) {
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, object, key, &desc);
    if (found < 0) {
        *status = JST_ERROR_THROWN;
        return JS_EXCEPTION;
    }
    if (!found) return JS_HOLE;
    if (desc.attributes & PROP_ACCESSOR) {
        *status = JST_ERROR_NOT_PLAIN;
        return JS_EXCEPTION;
    }
    return desc.value;
}

static int write_value(ThreadState *ts, Out *o, Value v, int depth);

static int write_array(ThreadState *ts, Out *o, Value array, int depth) {
    if (!out_put(o, "[", 1)) return JST_ERROR_OOM;
    for (uint32_t i = 0; i < array_length(array); i++) {
        if (i && !out_put(o, ",", 1)) return JST_ERROR_OOM;
        if ((i & (POLL_EVERY - 1)) == POLL_EVERY - 1) safepoint_poll(ts);
        Value item;
        if (!array_get_fast(array, i, &item)) {
            int status = JST_OK;
            item = own_data(ts, array, property_key_from_index(i), &status);
            if (status != JST_OK) return status;
            if (item == JS_HOLE) item = JS_UNDEFINED;   // a hole reads as undefined: None
        }
        int status = write_value(ts, o, item, depth + 1);
        if (status != JST_OK) return status;
    }
    return out_put(o, "]", 1) ? JST_OK : JST_ERROR_OOM;
}

static int write_object(ThreadState *ts, Out *o, Value object, int depth) {
    Value keys = object_own_keys(ts, object, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
    if (value_is_exception(keys)) return JST_ERROR_THROWN;
    if (!out_put(o, "{", 1)) return JST_ERROR_OOM;
    uint32_t written = 0;
    for (uint32_t i = 0; i < array_length(keys); i++) {
        if ((i & (POLL_EVERY - 1)) == POLL_EVERY - 1) safepoint_poll(ts);
        Value name;
        if (!array_get_fast(keys, i, &name) || !value_is_string(name)) return JST_ERROR_NOT_PLAIN;
        PropKey key = property_key_from_value(ts, name);
        if (value_is_exception(key)) return JST_ERROR_THROWN;
        int status = JST_OK;
        Value item = own_data(ts, object, key, &status);
        if (status != JST_OK) return status;
        if (item == JS_HOLE) continue;   // deleted meanwhile by another thread
        if (written++ && !out_put(o, ",", 1)) return JST_ERROR_OOM;
        if ((status = put_string(ts, o, name)) != JST_OK) return status;
        if (!out_put(o, ":", 1)) return JST_ERROR_OOM;
        if ((status = write_value(ts, o, item, depth + 1)) != JST_OK) return status;
    }
    return out_put(o, "}", 1) ? JST_OK : JST_ERROR_OOM;
}

static int write_value(ThreadState *ts, Out *o, Value v, int depth) {
    if (depth > MAX_DEPTH) return JST_ERROR_NOT_PLAIN;   // a cycle, or deeper than worth it
    if (v == JS_UNDEFINED || v == JS_NULL) return out_put(o, "null", 4) ? JST_OK : JST_ERROR_OOM;
    if (v == JS_TRUE) return out_put(o, "true", 4) ? JST_OK : JST_ERROR_OOM;
    if (v == JS_FALSE) return out_put(o, "false", 5) ? JST_OK : JST_ERROR_OOM;
    if (value_is_int(v)) return put_int(o, value_to_int(v)) ? JST_OK : JST_ERROR_OOM;
    if (value_is_number(v)) return put_number(o, value_to_number(v)) ? JST_OK : JST_ERROR_OOM;
    if (value_is_string(v)) return put_string(ts, o, v);
    switch (value_cell_type(v)) {
    case CELL_ARRAY: return write_array(ts, o, v, depth);
    case CELL_OBJECT: return write_object(ts, o, v, depth);
    default: return JST_ERROR_NOT_PLAIN;
    }
}

int api_json_write(ThreadState *ts, Value v, char **text_out, size_t *length_out) {
    Out o = {0};
    int status = write_value(ts, &o, v, 0);
    if (status == JST_OK && !out_put(&o, "", 1)) status = JST_ERROR_OOM;
    if (status != JST_OK) {
        free(o.data);
        return status;
    }
    *text_out = o.data;
    *length_out = o.length - 1;
    return JST_OK;
}

// ---- reading ----

typedef struct Reader {
    ThreadState *ts;
    const char *p, *end;
    int status;
    uint32_t steps;
    uint16_t *units;          // scratch for escaped strings
    size_t units_capacity;
} Reader;

static Value fail(Reader *r, int status) {
    if (r->status == JST_OK) r->status = status;
    return JS_EXCEPTION;
}

static void skip_space(Reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r')) r->p++;
}

static bool literal(Reader *r, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) return false;
    r->p += n;
    return true;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static Value read_string(Reader *r) {
    const char *start = ++r->p;   // past the quote
    while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (unsigned char)*r->p >= 0x20 &&
           (unsigned char)*r->p < 0x80)
        r->p++;
    if (r->p < r->end && *r->p == '"') {
        Value s = string_from_latin1(r->ts, (const uint8_t *)start, (size_t)(r->p - start));
        r->p++;
        return value_is_exception(s) ? fail(r, JST_ERROR_OOM) : s;
    }
    // Escapes: decode into UTF-16 units.
    r->p = start;
    size_t n = 0;
    for (;;) {
        if (r->p >= r->end) return fail(r, JST_ERROR_USAGE);
        if (n + 1 > r->units_capacity) {
            size_t capacity = r->units_capacity ? r->units_capacity * 2 : 64;
            uint16_t *grown = realloc(r->units, capacity * sizeof *grown);
            if (!grown) return fail(r, JST_ERROR_OOM);
            r->units = grown;
            r->units_capacity = capacity;
        }
        unsigned char c = (unsigned char)*r->p++;
        if (c == '"') break;
        if (c < 0x20 || c >= 0x80) return fail(r, JST_ERROR_USAGE);   // json.dumps writes ASCII
        if (c != '\\') {
            r->units[n++] = c;
            continue;
        }
        if (r->p >= r->end) return fail(r, JST_ERROR_USAGE);
        char e = *r->p++;
        switch (e) {
        case '"': case '\\': case '/': r->units[n++] = (uint16_t)e; break;
        case 'b': r->units[n++] = '\b'; break;
        case 'f': r->units[n++] = '\f'; break;
        case 'n': r->units[n++] = '\n'; break;
        case 'r': r->units[n++] = '\r'; break;
        case 't': r->units[n++] = '\t'; break;
        case 'u': {
            if (r->end - r->p < 4) return fail(r, JST_ERROR_USAGE);
            int unit = 0;
            for (int i = 0; i < 4; i++) {
                int d = hex_digit(r->p[i]);
                if (d < 0) return fail(r, JST_ERROR_USAGE);
                unit = unit * 16 + d;
            }
            r->p += 4;
            r->units[n++] = (uint16_t)unit;
            break;
        }
        default: return fail(r, JST_ERROR_USAGE);
        }
    }
    Value s = string_from_utf16(r->ts, r->units, n);
    return value_is_exception(s) ? fail(r, JST_ERROR_OOM) : s;
}

static Value read_number(Reader *r) {
    // Plain integers of up to 9 digits (json.dumps of small ints) without strtod.
    const char *p = r->p;
    bool negative = p < r->end && *p == '-';
    if (negative) p++;
    int32_t value = 0;
    int digits = 0;
    while (p < r->end && *p >= '0' && *p <= '9' && digits < 9) value = value * 10 + (*p++ - '0'), digits++;
    if (digits > 0 && (p == r->end || (*p != '.' && *p != 'e' && *p != 'E' && (*p < '0' || *p > '9'))) &&
        !(negative && value == 0)) {
        r->p = p;
        return value_from_int(negative ? -value : value);
    }
    char buffer[64];
    size_t n = 0;
    bool integer = true;
    while (r->p < r->end && n < sizeof buffer - 1) {
        char c = *r->p;
        if (c == '.' || c == 'e' || c == 'E') integer = false;
        else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
        buffer[n++] = c;
        r->p++;
    }
    buffer[n] = '\0';
    char *stop;
    double d = strtod(buffer, &stop);
    if (n == 0 || *stop != '\0') return fail(r, JST_ERROR_USAGE);
    // Python ints beyond 2**53 would silently lose digits as doubles: a clear error instead.
    if (integer && fabs(d) > 9007199254740992.0) return fail(r, JST_ERROR_RANGE);
    if (integer && n >= sizeof buffer - 1) return fail(r, JST_ERROR_RANGE);
    return value_from_number(d);
}

static Value read_value(Reader *r, int depth);

static Value read_array(Reader *r, int depth) {
    r->p++;
    Value array = array_new(r->ts, 0);
    if (value_is_exception(array)) return fail(r, JST_ERROR_OOM);
    skip_space(r);
    if (r->p < r->end && *r->p == ']') {
        r->p++;
        return array;
    }
    for (;;) {
        Value item = read_value(r, depth + 1);
        if (value_is_exception(item)) return item;
        if (array_push(r->ts, array, item) < 0) return fail(r, JST_ERROR_OOM);
        skip_space(r);
        if (r->p >= r->end) return fail(r, JST_ERROR_USAGE);
        char c = *r->p++;
        if (c == ']') return array;
        if (c != ',') return fail(r, JST_ERROR_USAGE);
    }
}

static Value read_object(Reader *r, int depth) {
    r->p++;
    Value object = object_new_plain(r->ts);
    if (value_is_exception(object)) return fail(r, JST_ERROR_OOM);
    skip_space(r);
    if (r->p < r->end && *r->p == '}') {
        r->p++;
        return object;
    }
    for (;;) {
        skip_space(r);
        if (r->p >= r->end || *r->p != '"') return fail(r, JST_ERROR_USAGE);
        Value name = read_string(r);
        if (value_is_exception(name)) return name;
        skip_space(r);
        if (r->p >= r->end || *r->p++ != ':') return fail(r, JST_ERROR_USAGE);
        Value item = read_value(r, depth + 1);
        if (value_is_exception(item)) return item;
        PropKey key = property_key_from_value(r->ts, name);
        if (value_is_exception(key) || object_define_value(r->ts, object, key, item, PROP_DEFAULT) < 0)
            return fail(r, JST_ERROR_OOM);
        skip_space(r);
        if (r->p >= r->end) return fail(r, JST_ERROR_USAGE);
        char c = *r->p++;
        if (c == '}') return object;
        if (c != ',') return fail(r, JST_ERROR_USAGE);
    }
}

static Value read_value(Reader *r, int depth) {
    if (depth > 10000) return fail(r, JST_ERROR_USAGE);
    if ((++r->steps & (POLL_EVERY - 1)) == 0) safepoint_poll(r->ts);
    skip_space(r);
    if (r->p >= r->end) return fail(r, JST_ERROR_USAGE);
    switch (*r->p) {
    case '"': return read_string(r);
    case '[': return read_array(r, depth);
    case '{': return read_object(r, depth);
    case 't': return literal(r, "true") ? JS_TRUE : fail(r, JST_ERROR_USAGE);
    case 'f': return literal(r, "false") ? JS_FALSE : fail(r, JST_ERROR_USAGE);
    case 'n': return literal(r, "null") ? JS_NULL : fail(r, JST_ERROR_USAGE);
    case 'N': return literal(r, "NaN") ? value_from_number(NAN) : fail(r, JST_ERROR_USAGE);
    case 'I': return literal(r, "Infinity") ? value_from_number(INFINITY) : fail(r, JST_ERROR_USAGE);
    case '-':
        if (literal(r, "-Infinity")) return value_from_number(-INFINITY);
        return read_number(r);
    default: return read_number(r);
    }
}

Value api_json_read(ThreadState *ts, const char *text, size_t length, int *status) {
    Reader r = {ts, text, text + length, JST_OK, 0, NULL, 0};
    Value v = read_value(&r, 0);
    skip_space(&r);
    if (r.status == JST_OK && r.p != r.end) r.status = JST_ERROR_USAGE;
    free(r.units);
    *status = r.status;
    return r.status == JST_OK ? v : JS_EXCEPTION;
}
