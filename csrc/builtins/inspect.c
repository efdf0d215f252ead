/*
 * builtins/inspect.c — node's util.inspect (v20, default options: depth 2, breakLength 80,
 * compact 3, maxArrayLength 100, no colors) and util.format, shared by console.log, print, the
 * REPL and the CLI's uncaught-error text. The structure follows node's lib/internal/util/
 * inspect.js function by function (formatValue, formatRaw, formatProperty, reduceToSingleString,
 * groupArrayElements, ...) so that output matches byte for byte; names in comments refer to it.
 * Text is built in malloc'd UTF-16 buffers that hold no Values, so collections cannot lose them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bigint.h"
#include "builtins.h"
#include "../number.h"
#include "date.h"
#include "typedarray.h"
#include "proxy.h"

// ---- growable UTF-16 text ----

typedef struct Text {
    uint16_t *units;
    uint32_t length, capacity;
} Text;

typedef struct TextList {
    Text *items;
    uint32_t count, capacity;
} TextList;

typedef struct Inspector {
    ThreadState *ts;
    int depth;            // ctx.depth
    int indentation;      // ctx.indentationLvl
    int current_depth;    // ctx.currentDepth: the innermost depth formatRaw last entered
    Values *seen;         // objects being formatted (ctx.seen)
    Values *circular;     // objects given a [Circular *n] number, n = position + 1
    bool show_hidden;     // ctx.showHidden (util.format's %o): non-enumerable keys too
    bool out_of_memory;
} Inspector;

enum { OBJECT_TYPE, ARRAY_TYPE, ARRAY_EXTRAS_TYPE };   // kObjectType, kArrayType, kArrayExtrasType
#define BREAK_LENGTH 80
#define MAX_ARRAY_LENGTH 100
#define MAX_STRING_LENGTH 10000
#define COMPACT 3

// Out of memory is recorded and checked at the end: text operations never fail individually.
static bool text_reserve(Inspector *in, Text *t, uint32_t extra) {
    if (t->length + extra <= t->capacity) return true;
    uint32_t capacity = t->capacity ? t->capacity * 2 : 32;
    while (capacity < t->length + extra) capacity *= 2;
    uint16_t *units = realloc(t->units, capacity * sizeof(uint16_t));
    if (!units) {
        in->out_of_memory = true;
        return false;
    }
    t->units = units;
    t->capacity = capacity;
    return true;
}

static void text_unit(Inspector *in, Text *t, uint16_t c) {
    if (text_reserve(in, t, 1)) t->units[t->length++] = c;
}

static void text_units(Inspector *in, Text *t, const uint16_t *units, uint32_t n) {
    if (n && text_reserve(in, t, n)) {
        memcpy(t->units + t->length, units, n * sizeof(uint16_t));
        t->length += n;
    }
}

static void text_cstr(Inspector *in, Text *t, const char *s) {
    size_t n = strlen(s);
    if (!text_reserve(in, t, (uint32_t)n)) return;
    for (size_t i = 0; i < n; i++) t->units[t->length++] = (unsigned char)s[i];
}

static void text_text(Inspector *in, Text *t, const Text *other) { text_units(in, t, other->units, other->length); }

static void text_spaces(Inspector *in, Text *t, int n) {
    for (int i = 0; i < n; i++) text_unit(in, t, ' ');
}

static bool text_string(Inspector *in, Text *t, Value s) {
    String *flat = string_flatten(in->ts, s);
    if (!flat) return false;
    if (!text_reserve(in, t, flat->length)) return true;
    for (uint32_t i = 0; i < flat->length; i++) t->units[t->length++] = string_char_at(flat, i);
    return true;
}

static void text_free(Text *t) {
    free(t->units);
    t->units = NULL;
    t->length = t->capacity = 0;
}

static bool text_contains(const Text *t, uint16_t c) {
    for (uint32_t i = 0; i < t->length; i++)
        if (t->units[i] == c) return true;
    return false;
}

static bool text_equals_cstr(const Text *t, const char *s) {
    size_t n = strlen(s);
    if (t->length != n) return false;
    for (size_t i = 0; i < n; i++)
        if (t->units[i] != (unsigned char)s[i]) return false;
    return true;
}

// Takes ownership of *t (which is left empty).
static void list_push(Inspector *in, TextList *list, Text *t) {
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 8;
        Text *items = realloc(list->items, capacity * sizeof(Text));
        if (!items) {
            in->out_of_memory = true;
            text_free(t);
            return;
        }
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = *t;
    *t = (Text){0};
}

static void list_push_cstr(Inspector *in, TextList *list, const char *s) {
    Text t = {0};
    text_cstr(in, &t, s);
    list_push(in, list, &t);
}

static void list_free(TextList *list) {
    for (uint32_t i = 0; i < list->count; i++) text_free(&list->items[i]);
    free(list->items);
    *list = (TextList){0};
}

static bool failed(Inspector *in) { return in->out_of_memory || error_pending(in->ts); }

// ---- primitives ----

static const char *const meta[] = {
    "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07", "\\b", "\\t", "\\n", "\\x0B",
    "\\f", "\\r", "\\x0E", "\\x0F", "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16",
    "\\x17", "\\x18", "\\x19", "\\x1A", "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F",
};

static void append_escape(Inspector *in, Text *out, uint16_t c) {
    static const char hex_upper[] = "0123456789ABCDEF", hex_lower[] = "0123456789abcdef";
    if (c < 0x20) {
        text_cstr(in, out, meta[c]);
    } else if (c == '\'') {
        text_cstr(in, out, "\\'");
    } else if (c == '\\') {
        text_cstr(in, out, "\\\\");
    } else if (c >= 0x7F && c <= 0x9F) {
        char escape[5] = {'\\', 'x', hex_upper[c >> 4], hex_upper[c & 15], 0};
        text_cstr(in, out, escape);
    } else {   // a lone surrogate: \u plus lowercase hex, no padding needed for d800-dfff
        char escape[7] = {'\\', 'u', hex_lower[c >> 12], hex_lower[(c >> 8) & 15], hex_lower[(c >> 4) & 15],
                          hex_lower[c & 15], 0};
        text_cstr(in, out, escape);
    }
}

static bool units_contain(const uint16_t *s, uint32_t n, uint16_t c) {
    for (uint32_t i = 0; i < n; i++)
        if (s[i] == c) return true;
    return false;
}

static bool units_contain_template(const uint16_t *s, uint32_t n) {
    for (uint32_t i = 0; i + 1 < n; i++)
        if (s[i] == '$' && s[i + 1] == '{') return true;
    return false;
}

// Escapes for the string-escape regexps of node; `escape_quote` adds the single quote.
static void escape_units(Inspector *in, Text *out, const uint16_t *s, uint32_t n, bool escape_quote) {
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = s[i];
        if ((c == '\'' && escape_quote) || c == '\\' || c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            append_escape(in, out, c);
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                text_unit(in, out, c);
                text_unit(in, out, s[++i]);
            } else {
                append_escape(in, out, c);
            }
        } else {
            text_unit(in, out, c);
        }
    }
}

// strEscape: single quotes unless the text has some; then double quotes, then backticks.
// Escaping matches node's strEscapeSequencesRegExp: C0/C1 controls, the backslash, the quote
// in use and lone surrogates.
static void str_escape(Inspector *in, Text *out, const uint16_t *s, uint32_t n) {
    uint16_t quote = '\'';
    if (units_contain(s, n, '\'')) {
        if (!units_contain(s, n, '"')) quote = '"';
        else if (!units_contain(s, n, '`') && !units_contain_template(s, n)) quote = '`';
    }
    text_unit(in, out, quote);
    escape_units(in, out, s, n, quote == '\'');
    text_unit(in, out, quote);
}

static void format_number(Inspector *in, Text *out, double d) {
    if (d == 0 && signbit(d)) {
        text_cstr(in, out, "-0");
        return;
    }
    char buffer[NUMBER_BUF_SIZE];
    number_to_string(d, buffer);
    text_cstr(in, out, buffer);
}

static bool format_symbol(Inspector *in, Text *out, Value symbol) {
    Value description = ((Symbol *)value_to_cell(symbol))->description;
    text_cstr(in, out, "Symbol(");
    if (value_is_string(description) && !text_string(in, out, description)) return false;
    text_unit(in, out, ')');
    return true;
}

// formatPrimitive: long strings are split after each newline into 'a\n' + 'b' pieces.
static bool format_primitive(Inspector *in, Text *out, Value v) {
    if (value_is_string(v)) {
        Text raw = {0};
        if (!text_string(in, &raw, v)) return false;
        uint32_t n = raw.length;
        uint32_t remaining = 0;
        if (n > MAX_STRING_LENGTH) {
            remaining = n - MAX_STRING_LENGTH;
            n = MAX_STRING_LENGTH;
        }
        if (n > 16 && (int)n > BREAK_LENGTH - in->indentation - 4) {
            uint32_t start = 0;
            while (start < n) {
                uint32_t end = start;
                while (end < n && raw.units[end] != '\n') end++;
                if (end < n) end++;   // the newline stays with its line
                if (start > 0) {
                    text_cstr(in, out, " +\n");
                    text_spaces(in, out, in->indentation + 2);
                }
                str_escape(in, out, raw.units + start, end - start);
                start = end;
            }
        } else {
            str_escape(in, out, raw.units, n);
        }
        text_free(&raw);
        if (remaining) {
            char trailer[64];
            snprintf(trailer, sizeof trailer, "... %u more character%s", remaining, remaining > 1 ? "s" : "");
            text_cstr(in, out, trailer);
        }
        return true;
    }
    if (value_is_number(v)) {
        format_number(in, out, value_to_number(v));
    } else if (value_is_bool(v)) {
        text_cstr(in, out, v == JS_TRUE ? "true" : "false");
    } else if (value_is_undefined(v)) {
        text_cstr(in, out, "undefined");
    } else if (value_is_symbol(v)) {
        return format_symbol(in, out, v);
    } else if (value_is_bigint(v)) {
        Value digits = bigint_to_string(in->ts, v, 10);
        if (value_is_exception(digits) || !text_string(in, out, digits)) return false;
        text_unit(in, out, 'n');
    } else {
        text_cstr(in, out, "null");
    }
    return true;
}

// ---- object helpers ----

// Reads a key list (an Array of key values) into a Values cell; appends enumerable own symbols.
static Values *append_keys(Inspector *in, Values *list, Value keys) {
    uint32_t n = array_length(keys);
    for (uint32_t i = 0; list && i < n; i++) {
        Value k = object_get(in->ts, keys, property_key_from_index(i));
        if (value_is_exception(k)) return NULL;
        list = values_push(in->ts, list, k);
    }
    return list;
}

// getKeys: Object.keys, then enumerable own symbols (all own keys with showHidden). With
// skip_indexes the array form (getOwnNonIndexProperties).
static Values *get_keys(Inspector *in, Value obj, bool skip_indexes) {
    ThreadState *ts = in->ts;
    Values *list = values_new(ts, 8);
    if (!list) return NULL;
    int only_enumerable = in->show_hidden ? 0 : OWN_KEYS_ENUMERABLE_ONLY;
    Value names = object_own_keys(ts, obj, OWN_KEYS_STRINGS | only_enumerable);
    if (value_is_exception(names)) return NULL;
    uint32_t n = array_length(names);
    for (uint32_t i = 0; list && i < n; i++) {
        Value k = object_get(ts, names, property_key_from_index(i));
        if (value_is_exception(k)) return NULL;
        if (skip_indexes) {
            PropKey key = property_key_from_value(ts, k);
            if (value_is_exception(key)) return NULL;
            if (property_key_is_index(key)) continue;
        }
        list = values_push(ts, list, k);
    }
    if (!list) return NULL;
    Value symbols = object_own_keys(ts, obj, OWN_KEYS_SYMBOLS | only_enumerable);
    if (value_is_exception(symbols)) return NULL;
    return append_keys(in, list, symbols);
}

static bool keys_include(ThreadState *ts, Values *keys, const char *name) {
    for (uint32_t i = 0; i < keys->count; i++) {
        Value k = keys->items[i];
        if (!value_is_string(k) || string_length(k) != strlen(name)) continue;
        String *flat = string_flatten(ts, k);
        if (!flat) continue;
        bool same = true;
        for (uint32_t j = 0; same && j < flat->length; j++) same = string_char_at(flat, j) == (unsigned char)name[j];
        if (same) return true;
    }
    return false;
}

static bool is_instance(ThreadState *ts, Value v, Value constructor) {
    int result = ops_instance_of(ts, v, constructor);
    if (result < 0) error_take(ts);
    return result > 0;
}

// V8's class name of an object (internalGetConstructorName).
static const char *internal_class_name(Value v) {
    switch (value_cell_type(v)) {
    case CELL_ARRAY: return "Array";
    case CELL_FUNCTION:
    case CELL_NATIVE_FUNCTION:
    case CELL_BOUND_FUNCTION: return "Function";
    case CELL_ERROR: return "Error";
    case CELL_BOOLEAN_OBJECT: return "Boolean";
    case CELL_NUMBER_OBJECT: return "Number";
    case CELL_STRING_OBJECT: return "String";
    case CELL_SYMBOL_OBJECT: return "Symbol";
    case CELL_BIGINT_OBJECT: return "BigInt";
    case CELL_MAP: return "Map";
    case CELL_SET: return "Set";
    case CELL_WEAKMAP: return "WeakMap";
    case CELL_WEAKSET: return "WeakSet";
    case CELL_PROMISE: return "Promise";
    case CELL_DATE: return "Date";
    case CELL_REGEXP: return "RegExp";
    default: return "Object";
    }
}

static bool format_value(Inspector *in, Value v, int recurse_times, Text *out);

/*
 * getConstructorName: the name of the first `constructor` on the prototype chain that v is an
 * instance of. Returns 1 (name in *name), 0 for a null-prototype chain (node's null), -1 on throw.
 */
static int constructor_name(Inspector *in, Value obj, int recurse_times, Text *name) {
    ThreadState *ts = in->ts;
    Value tmp = obj;
    Value first_proto = JS_HOLE;
    Value object_prototype = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE);
    Value function_prototype = realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE);
    while (value_is_object(obj)) {
        // Reaching a well-known prototype along tmp's own chain makes tmp an instance of it; the
        // prototype itself is not one (Object.prototype shows as a null-prototype object).
        if (obj == object_prototype && obj != tmp) {
            text_cstr(in, name, "Object");
            return 1;
        }
        if (obj == function_prototype && obj != tmp) {
            text_cstr(in, name, "Function");
            return 1;
        }
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, ATOM(ts, constructor), &desc);
        if (found < 0) return -1;
        if (found && !(desc.attributes & PROP_ACCESSOR) && ops_is_callable(desc.value)) {
            Value constructor_name_value = object_get(ts, desc.value, ATOM(ts, name));
            if (value_is_exception(constructor_name_value)) return -1;
            bool empty = value_is_string(constructor_name_value) && string_length(constructor_name_value) == 0;
            if (!empty && is_instance(ts, tmp, desc.value)) {
                Value s = ops_to_string(ts, constructor_name_value);
                if (value_is_exception(s) || !text_string(in, name, s)) return -1;
                return 1;
            }
        }
        obj = object_get_prototype_of(ts, obj);
        if (value_is_exception(obj)) return -1;
        if (first_proto == JS_HOLE) first_proto = obj;
    }
    if (first_proto == JS_NULL) return 0;
    text_cstr(in, name, internal_class_name(tmp));
    if (recurse_times > in->depth) {
        text_cstr(in, name, " <Complex prototype>");
        return 1;
    }
    Text proto_name = {0};
    int proto = constructor_name(in, first_proto, recurse_times + 1, &proto_name);
    if (proto < 0) {
        text_free(&proto_name);
        return -1;
    }
    text_cstr(in, name, " <");
    if (proto == 0) {
        // node inspects the prototype with depth -1 here; a null-prototype object shows like this.
        text_cstr(in, name, "[Object: null prototype] {}");
    } else {
        text_text(in, name, &proto_name);
    }
    text_unit(in, name, '>');
    text_free(&proto_name);
    return 1;
}

// getPrefix: "Foo ", "Foo(2) [tag] ", "[Array(2): null prototype] ".
static void get_prefix(Inspector *in, Text *out, const Text *constructor, bool has_constructor,
                       const Text *tag, const char *fallback, const char *size) {
    if (!has_constructor) {
        text_unit(in, out, '[');
        text_cstr(in, out, fallback);
        text_cstr(in, out, size);
        text_cstr(in, out, ": null prototype] ");
        if (tag->length > 0 && !text_equals_cstr(tag, fallback)) {
            text_unit(in, out, '[');
            text_text(in, out, tag);
            text_cstr(in, out, "] ");
        }
        return;
    }
    text_text(in, out, constructor);
    text_cstr(in, out, size);
    text_unit(in, out, ' ');
    if (tag->length > 0 && !(tag->length == constructor->length &&
                             memcmp(tag->units, constructor->units, tag->length * 2) == 0)) {
        out->length--;
        text_cstr(in, out, " [");
        text_text(in, out, tag);
        text_cstr(in, out, "] ");
    }
}

// getCtxStyle.
static void ctx_style(Inspector *in, Text *out, Value v, const Text *constructor, bool has_constructor,
                      const Text *tag) {
    const char *fallback = "";
    if (!has_constructor) {
        fallback = internal_class_name(v);
        if (text_equals_cstr(tag, fallback)) fallback = "Object";
    }
    get_prefix(in, out, constructor, has_constructor, tag, fallback, "");
}

// ---- properties ----

static bool is_identifier_key(const Text *t) {
    if (t->length == 0) return false;
    for (uint32_t i = 0; i < t->length; i++) {
        uint16_t c = t->units[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

// formatProperty: "key: value", or just the value for array elements.
// Accessors are never called: getters print as [Getter] (node's default getters: false).
static bool format_property(Inspector *in, Value obj, int recurse_times, Value key_value, int type,
                            Text *out) {
    ThreadState *ts = in->ts;
    PropKey key = property_key_from_value(ts, key_value);
    if (value_is_exception(key)) return false;
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, obj, key, &desc);
    if (found < 0) return false;
    if (!found) {
        desc.value = object_get(ts, obj, key);
        if (value_is_exception(desc.value)) return false;
        desc.attributes = PROP_ENUMERABLE;
    }
    Text str = {0};
    if (!(desc.attributes & PROP_ACCESSOR) && !value_is_undefined(desc.value)) {
        in->indentation += 2;
        bool ok = format_value(in, desc.value, recurse_times, &str);
        in->indentation -= 2;
        if (!ok) {
            text_free(&str);
            return false;
        }
    } else if ((desc.attributes & PROP_ACCESSOR) && !value_is_undefined(desc.getter)) {
        text_cstr(in, &str, value_is_undefined(desc.setter) ? "[Getter]" : "[Getter/Setter]");
    } else if ((desc.attributes & PROP_ACCESSOR) && !value_is_undefined(desc.setter)) {
        text_cstr(in, &str, "[Setter]");
    } else {
        text_cstr(in, &str, "undefined");
    }
    if (type == ARRAY_TYPE) {
        text_text(in, out, &str);
        text_free(&str);
        return true;
    }
    if (value_is_symbol(key_value)) {
        Text symbol = {0};
        bool ok = format_symbol(in, &symbol, key_value);
        text_unit(in, out, '[');
        escape_units(in, out, symbol.units, symbol.length, true);
        text_unit(in, out, ']');
        text_free(&symbol);
        if (!ok) {
            text_free(&str);
            return false;
        }
    } else {
        Text name = {0};
        if (!text_string(in, &name, key_value)) {
            text_free(&str);
            return false;
        }
        if (text_equals_cstr(&name, "__proto__")) {
            text_cstr(in, out, "['__proto__']");
        } else if (!(desc.attributes & PROP_ENUMERABLE)) {
            text_unit(in, out, '[');
            escape_units(in, out, name.units, name.length, true);
            text_unit(in, out, ']');
        } else if (is_identifier_key(&name)) {
            text_text(in, out, &name);
        } else {
            str_escape(in, out, name.units, name.length);
        }
        text_free(&name);
    }
    text_cstr(in, out, ": ");
    text_text(in, out, &str);
    text_free(&str);
    return true;
}

// ---- line breaking ----

static bool is_full_width(uint32_t code) {
    return code >= 0x1100 &&
           (code <= 0x115f || code == 0x2329 || code == 0x232a || (code >= 0x2e80 && code <= 0x3247 && code != 0x303f) ||
            (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
            (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
            (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
            (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
            (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
            (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
            (code >= 0x20000 && code <= 0x3fffd));
}

static bool is_zero_width(uint32_t code) {
    return code <= 0x1F || (code >= 0x7F && code <= 0x9F) || (code >= 0x300 && code <= 0x36F) ||
           (code >= 0x200B && code <= 0x200F) || (code >= 0x20D0 && code <= 0x20FF) ||
           (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xFE20 && code <= 0xFE2F) ||
           (code >= 0xE0100 && code <= 0xE01EF);
}

// getStringWidth(str, false): ASCII control characters count 0, wide characters 2.
static uint32_t string_width(const Text *t) {
    uint32_t width = 0;
    for (uint32_t i = 0; i < t->length; i++) {
        uint32_t code = t->units[i];
        if (code < 127) {
            width += code >= 32 ? 1 : 0;
            continue;
        }
        if (code >= 0xD800 && code <= 0xDBFF && i + 1 < t->length && t->units[i + 1] >= 0xDC00 &&
            t->units[i + 1] <= 0xDFFF)
            code = 0x10000 + ((code - 0xD800) << 10) + (t->units[++i] - 0xDC00);
        width += is_full_width(code) ? 2 : is_zero_width(code) ? 0 : 1;
    }
    return width;
}

// groupArrayElements: more than six short entries go into aligned columns.
static bool group_array_elements(Inspector *in, TextList *output, Value value) {
    uint32_t total_length = 0, max_length = 0;
    uint32_t output_length = output->count;
    if (MAX_ARRAY_LENGTH < output->count) output_length--;   // leave "... more items" out
    const uint32_t separator_space = 2;
    uint32_t *data_length = malloc((output_length + 1) * sizeof(uint32_t));
    if (!data_length) {
        in->out_of_memory = true;
        return false;
    }
    for (uint32_t i = 0; i < output_length; i++) {
        uint32_t len = string_width(&output->items[i]);
        data_length[i] = len;
        total_length += len + separator_space;
        if (max_length < len) max_length = len;
    }
    uint32_t actual_max = max_length + separator_space;
    if (actual_max * 3 + (uint32_t)in->indentation < BREAK_LENGTH &&
        ((double)total_length / actual_max > 5 || max_length <= 6)) {
        double average_bias = sqrt(actual_max - (double)total_length / output->count);
        double biased_max = fmax(actual_max - 3 - average_bias, 1);
        double columns_real = fmin(fmin(floor(sqrt(2.5 * biased_max * output_length) / biased_max + 0.5),
                                        floor((double)(BREAK_LENGTH - in->indentation) / actual_max)),
                                   fmin(COMPACT * 4, 15));
        uint32_t columns = (uint32_t)columns_real;
        if (columns <= 1) {
            free(data_length);
            return true;
        }
        uint32_t *max_line_length = malloc(columns * sizeof(uint32_t));
        if (!max_line_length) {
            free(data_length);
            in->out_of_memory = true;
            return false;
        }
        for (uint32_t i = 0; i < columns; i++) {
            uint32_t line_max = 0;
            for (uint32_t j = i; j < output_length; j += columns)
                if (data_length[j] > line_max) line_max = data_length[j];
            max_line_length[i] = line_max + separator_space;
        }
        // Numbers and BigInts are right-aligned (padStart), anything else left-aligned (padEnd).
        bool pad_start = true;
        for (uint32_t i = 0; pad_start && i < output->count; i++) {
            Value element = object_get(in->ts, value, property_key_from_index(i));
            if (value_is_exception(element)) {
                free(data_length);
                free(max_line_length);
                return false;
            }
            if (!value_is_number(element) && !value_is_bigint(element)) pad_start = false;
        }
        TextList grouped = {0};
        for (uint32_t i = 0; i < output_length; i += columns) {
            uint32_t max = i + columns < output_length ? i + columns : output_length;
            Text row = {0};
            uint32_t j = i;
            for (; j < max - 1; j++) {
                // padding counts UTF-16 units: width plus the units that take no columns.
                uint32_t padding = max_line_length[j - i] + output->items[j].length - data_length[j];
                uint32_t cell = output->items[j].length + 2;
                if (pad_start) text_spaces(in, &row, (int)(padding > cell ? padding - cell : 0));
                text_text(in, &row, &output->items[j]);
                text_cstr(in, &row, ", ");
                if (!pad_start) text_spaces(in, &row, (int)(padding > cell ? padding - cell : 0));
            }
            if (pad_start) {
                uint32_t padding = max_line_length[j - i] + output->items[j].length - data_length[j] - separator_space;
                uint32_t cell = output->items[j].length;
                text_spaces(in, &row, (int)(padding > cell ? padding - cell : 0));
            }
            text_text(in, &row, &output->items[j]);
            list_push(in, &grouped, &row);
        }
        if (MAX_ARRAY_LENGTH < output->count) list_push(in, &grouped, &output->items[output_length]);
        free(max_line_length);
        list_free(output);
        *output = grouped;
    }
    free(data_length);
    return !in->out_of_memory;
}

// isBelowBreakLength.
static bool is_below_break_length(const TextList *output, uint32_t start, const Text *base) {
    uint32_t total = output->count + start;
    if (total + output->count > BREAK_LENGTH) return false;
    for (uint32_t i = 0; i < output->count; i++) {
        total += output->items[i].length;
        if (total > BREAK_LENGTH) return false;
    }
    return base->length == 0 || !text_contains(base, '\n');
}

// reduceToSingleString (compact = 3).
static void reduce_to_single_string(Inspector *in, TextList *output, const Text *base, const Text *open,
                                    const char *close, int extras_type, int recurse_times, Value value,
                                    Text *out) {
    uint32_t entries = output->count;
    if (extras_type == ARRAY_EXTRAS_TYPE && entries > 6 && !group_array_elements(in, output, value)) return;
    if (in->current_depth - recurse_times < COMPACT && entries == output->count) {
        uint32_t start = output->count + (uint32_t)in->indentation + open->length + base->length + 10;
        if (is_below_break_length(output, start, base)) {
            Text joined = {0};
            for (uint32_t i = 0; i < output->count; i++) {
                if (i) text_cstr(in, &joined, ", ");
                text_text(in, &joined, &output->items[i]);
            }
            if (!text_contains(&joined, '\n')) {
                if (base->length) {
                    text_text(in, out, base);
                    text_unit(in, out, ' ');
                }
                text_text(in, out, open);
                text_unit(in, out, ' ');
                text_text(in, out, &joined);
                text_unit(in, out, ' ');
                text_cstr(in, out, close);
                text_free(&joined);
                return;
            }
            text_free(&joined);
        }
    }
    if (base->length) {
        text_text(in, out, base);
        text_unit(in, out, ' ');
    }
    text_text(in, out, open);
    for (uint32_t i = 0; i < output->count; i++) {
        if (i) text_unit(in, out, ',');
        text_unit(in, out, '\n');
        text_spaces(in, out, in->indentation + 2);
        text_text(in, out, &output->items[i]);
    }
    text_unit(in, out, '\n');
    text_spaces(in, out, in->indentation);
    text_cstr(in, out, close);
}

// ---- kinds of objects ----

static void remaining_text(Inspector *in, TextList *output, uint32_t remaining) {
    char text[64];
    snprintf(text, sizeof text, "... %u more item%s", remaining, remaining > 1 ? "s" : "");
    list_push_cstr(in, output, text);
}

static void empty_items(Inspector *in, TextList *output, double count) {
    char text[64];
    snprintf(text, sizeof text, "<%.0f empty item%s>", count, count > 1 ? "s" : "");
    list_push_cstr(in, output, text);
}

// formatArray + formatSpecialArray (holes become "<n empty items>").
static bool format_array(Inspector *in, Value array, int recurse_times, TextList *output) {
    ThreadState *ts = in->ts;
    uint32_t length = array_length(array);
    uint32_t limit = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
    for (uint32_t i = 0; i < limit; i++) {
        int has = object_has_own_property(ts, array, property_key_from_index(i));
        if (has < 0) return false;
        if (!has) {
            // formatSpecialArray: walk Object.keys from position i.
            Value keys = object_own_keys(ts, array, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
            if (value_is_exception(keys)) return false;
            uint32_t key_count = array_length(keys);
            double index = i;
            for (uint32_t k = i; k < key_count && output->count < limit; k++) {
                Value key_value = object_get(ts, keys, property_key_from_index(k));
                if (value_is_exception(key_value)) return false;
                PropKey key = property_key_from_value(ts, key_value);
                if (value_is_exception(key)) return false;
                if (!property_key_is_index(key)) break;
                double position = property_key_index(key);
                if (position != index) {
                    empty_items(in, output, position - index);
                    index = position;
                    if (output->count == limit) break;
                }
                Text item = {0};
                if (!format_property(in, array, recurse_times, key_value, ARRAY_TYPE, &item)) {
                    text_free(&item);
                    return false;
                }
                list_push(in, output, &item);
                index++;
            }
            double remaining = length - index;
            if (output->count != limit) {
                if (remaining > 0) empty_items(in, output, remaining);
            } else if (remaining > 0) {
                remaining_text(in, output, (uint32_t)remaining);
            }
            return !failed(in);
        }
        Text item = {0};
        if (!format_property(in, array, recurse_times, value_from_number(i), ARRAY_TYPE, &item)) {
            text_free(&item);
            return false;
        }
        list_push(in, output, &item);
    }
    if (length > limit) remaining_text(in, output, length - limit);
    return !failed(in);
}

// formatMap / formatSet over the flattened entries map.c exposes.
static bool format_map_or_set(Inspector *in, Value collection, bool is_map, int recurse_times, TextList *output) {
    Values *entries = NULL;
    if (!map_inspect_entries(in->ts, collection, &entries)) return false;
    uint32_t stride = is_map ? 2 : 1;
    uint32_t size = entries ? entries->count / stride : 0;
    uint32_t limit = size < MAX_ARRAY_LENGTH ? size : MAX_ARRAY_LENGTH;
    in->indentation += 2;
    for (uint32_t i = 0; i < limit; i++) {
        Text item = {0};
        bool ok = format_value(in, entries->items[i * stride], recurse_times, &item);
        if (ok && is_map) {
            text_cstr(in, &item, " => ");
            ok = format_value(in, entries->items[i * stride + 1], recurse_times, &item);
        }
        if (!ok) {
            text_free(&item);
            in->indentation -= 2;
            return false;
        }
        list_push(in, output, &item);
    }
    if (size > limit) remaining_text(in, output, size - limit);
    in->indentation -= 2;
    return !failed(in);
}

// formatIterator for Map and Set iterators: the entries still ahead, without consuming them.
static bool format_iterator(Inspector *in, Value iterator, int recurse_times, TextList *output, bool *pairs) {
    IteratorObject *it = value_to_cell(iterator);
    bool is_map = (it->kind & ITERATOR_SOURCE_MASK) == ITERATOR_MAP;
    int iteration = it->kind & ITERATION_MASK;
    *pairs = iteration == ITERATION_ENTRIES;
    Values *entries = values_new(in->ts, 8);
    if (!entries) return false;
    Value table = it->target, key, value;
    uint32_t index = it->index;
    while (value_is_cell(table) && table != 0 && map_table_next(&table, &index, &key, &value)) {
        if (!is_map) value = key;
        if (iteration != ITERATION_VALUES || !is_map) entries = values_push(in->ts, entries, key);
        if (entries && (iteration == ITERATION_ENTRIES || (is_map && iteration == ITERATION_VALUES)))
            entries = values_push(in->ts, entries, value);
        if (!entries) return false;
    }
    uint32_t stride = *pairs ? 2 : 1;
    uint32_t count = entries->count / stride;
    uint32_t limit = count < MAX_ARRAY_LENGTH ? count : MAX_ARRAY_LENGTH;
    in->indentation += 2;
    for (uint32_t i = 0; i < limit; i++) {
        Text item = {0};
        bool ok;
        if (*pairs) {
            // formatMapIterInner (kMapEntries): each pair as a two-element array.
            TextList pair = {0};
            Text part = {0}, empty = {0}, open = {0};
            ok = format_value(in, entries->items[2 * i], recurse_times, &part);
            list_push(in, &pair, &part);
            ok = ok && format_value(in, entries->items[2 * i + 1], recurse_times, &part);
            list_push(in, &pair, &part);
            text_unit(in, &open, '[');
            if (ok) reduce_to_single_string(in, &pair, &empty, &open, "]", ARRAY_EXTRAS_TYPE, recurse_times,
                                            JS_UNDEFINED, &item);
            text_free(&open);
            list_free(&pair);
        } else {
            ok = format_value(in, entries->items[i], recurse_times, &item);
        }
        if (!ok) {
            text_free(&item);
            in->indentation -= 2;
            return false;
        }
        list_push(in, output, &item);
    }
    in->indentation -= 2;
    if (count > limit) remaining_text(in, output, count - limit);
    return !failed(in);
}

static bool format_promise(Inspector *in, Value promise, int recurse_times, TextList *output) {
    Value result;
    int state = promise_inspect_state(promise, &result);
    if (state == 0) {
        list_push_cstr(in, output, "<pending>");
        return !failed(in);
    }
    Text item = {0};
    if (state == 2) text_cstr(in, &item, "<rejected> ");
    in->indentation += 2;
    bool ok = format_value(in, result, recurse_times, &item);
    in->indentation -= 2;
    if (!ok) {
        text_free(&item);
        return false;
    }
    list_push(in, output, &item);
    return !failed(in);
}

// getFunctionBase / getClassBase.
static bool function_base(Inspector *in, Value fn, const Text *constructor, bool has_constructor,
                          const Text *tag, Text *base) {
    ThreadState *ts = in->ts;
    if (value_cell_type(fn) == CELL_FUNCTION && function_is_class(fn)) {
        text_cstr(in, base, "[class ");
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, fn, ATOM(ts, name), &desc);
        if (found < 0) return false;
        Value name = found ? object_get(ts, fn, ATOM(ts, name)) : JS_UNDEFINED;
        if (value_is_exception(name)) return false;
        if (ops_to_boolean(name)) {
            Value s = ops_to_string(ts, name);
            if (value_is_exception(s) || !text_string(in, base, s)) return false;
        } else {
            text_cstr(in, base, "(anonymous)");
        }
        if (has_constructor && !text_equals_cstr(constructor, "Function")) {
            text_cstr(in, base, " [");
            text_text(in, base, constructor);
            text_unit(in, base, ']');
        }
        if (tag->length && !(has_constructor && tag->length == constructor->length &&
                             !memcmp(tag->units, constructor->units, tag->length * 2))) {
            text_cstr(in, base, " [");
            text_text(in, base, tag);
            text_unit(in, base, ']');
        }
        if (has_constructor) {
            Value parent = object_get_prototype_of(ts, fn);
            if (value_is_exception(parent)) return false;
            Value super_name = value_is_object(parent) ? object_get(ts, parent, ATOM(ts, name)) : JS_UNDEFINED;
            if (value_is_exception(super_name)) return false;
            if (ops_to_boolean(super_name)) {
                Value s = ops_to_string(ts, super_name);
                if (value_is_exception(s)) return false;
                text_cstr(in, base, " extends ");
                if (!text_string(in, base, s)) return false;
            }
        } else {
            text_cstr(in, base, " extends [null prototype]");
        }
        text_unit(in, base, ']');
        return true;
    }
    // Generator and async functions are recognised by their constructor's name.
    // (or by their @@toStringTag, which the prototype of each kind carries).
    const char *type = "Function";
    bool kind_from_tag = false;
    static const char *const kinds[] = {"GeneratorFunction", "AsyncFunction", "AsyncGeneratorFunction"};
    for (int i = 0; i < 3; i++) {
        if (has_constructor && text_equals_cstr(constructor, kinds[i])) type = kinds[i];
        if (text_equals_cstr(tag, kinds[i]) && !text_equals_cstr(constructor, kinds[i])) {
            type = kinds[i];
            kind_from_tag = true;
        }
    }
    text_unit(in, base, '[');
    text_cstr(in, base, type);
    if (!has_constructor) text_cstr(in, base, " (null prototype)");
    Value name = object_get(ts, fn, ATOM(ts, name));
    if (value_is_exception(name)) return false;
    if (value_is_string(name) && string_length(name) == 0) {
        text_cstr(in, base, " (anonymous)");
    } else {
        Value s = value_is_symbol(name) ? JS_UNDEFINED : ops_to_string(ts, name);
        if (value_is_exception(s)) return false;
        text_cstr(in, base, ": ");
        if (value_is_string(s) && !text_string(in, base, s)) return false;
    }
    text_unit(in, base, ']');
    if (kind_from_tag) return true;
    if (has_constructor && !text_equals_cstr(constructor, type)) {
        text_unit(in, base, ' ');
        text_text(in, base, constructor);
    }
    if (tag->length && !(has_constructor && tag->length == constructor->length &&
                         !memcmp(tag->units, constructor->units, tag->length * 2))) {
        text_cstr(in, base, " [");
        text_text(in, base, tag);
        text_unit(in, base, ']');
    }
    return true;
}

// getBoxedBase: "[Number: 3]", "[String: 'x']", "[Boolean (MyBool): true]".
static bool boxed_base(Inspector *in, Value v, const Text *constructor, bool has_constructor, const Text *tag,
                       Text *base) {
    const char *type = internal_class_name(v);
    text_unit(in, base, '[');
    text_cstr(in, base, type);
    if (!has_constructor) {
        text_cstr(in, base, " (null prototype)");
    } else if (!text_equals_cstr(constructor, type)) {
        text_cstr(in, base, " (");
        text_text(in, base, constructor);
        text_unit(in, base, ')');
    }
    text_cstr(in, base, ": ");
    if (!format_primitive(in, base, ((PrimitiveObject *)value_to_cell(v))->primitive)) return false;
    text_unit(in, base, ']');
    if (tag->length && !(has_constructor && tag->length == constructor->length &&
                         !memcmp(tag->units, constructor->units, tag->length * 2))) {
        text_cstr(in, base, " [");
        text_text(in, base, tag);
        text_unit(in, base, ']');
    }
    return true;
}

static int64_t text_index_of(const Text *t, const uint16_t *needle, uint32_t n, int64_t from) {
    if (from < 0) from = 0;
    for (int64_t i = from; i + n <= t->length; i++)
        if (memcmp(t->units + i, needle, n * sizeof(uint16_t)) == 0) return i;
    return -1;
}

static const uint16_t at_marker[] = {'\n', ' ', ' ', ' ', ' ', 'a', 't'};

// formatError: the stack (improved with the constructor name), bracketed when it has no frames.
static bool format_error(Inspector *in, Value error, const Text *constructor, bool has_constructor,
                         const Text *tag, Values **keys, Text *base) {
    ThreadState *ts = in->ts;
    Value name_value = object_get(ts, error, ATOM(ts, name));
    if (value_is_exception(name_value)) return false;
    Text name = {0};
    if (value_is_nullish(name_value)) {
        text_cstr(in, &name, "Error");
    } else {
        Value s = ops_to_string(ts, name_value);
        if (value_is_exception(s) || !text_string(in, &name, s)) return false;
    }
    Value stack_value = object_get(ts, error, ATOM(ts, stack));
    if (value_is_exception(stack_value)) return false;
    Text stack = {0};
    if (ops_to_boolean(stack_value)) {
        Value s = ops_to_string(ts, stack_value);
        if (value_is_exception(s) || !text_string(in, &stack, s)) return false;
    } else {
        // Error.prototype.toString's text.
        Value message = object_get(ts, error, ATOM(ts, message));
        if (value_is_exception(message)) return false;
        text_text(in, &stack, &name);
        if (!value_is_undefined(message)) {
            Value s = ops_to_string(ts, message);
            if (value_is_exception(s)) return false;
            if (string_length(s) > 0) {
                if (stack.length) text_cstr(in, &stack, ": ");
                if (!text_string(in, &stack, s)) return false;
            }
        }
    }
    // removeDuplicateErrorKeys: own enumerable name/message/stack already shown in the stack.
    static const char *const shown[] = {"name", "message", "stack"};
    for (int i = 0; i < 3 && !in->show_hidden; i++) {
        for (uint32_t k = 0; k < (*keys)->count; k++) {
            Value key = (*keys)->items[k];
            if (!value_is_string(key)) continue;
            Text key_text = {0};
            if (!text_string(in, &key_text, key)) return false;
            bool match = text_equals_cstr(&key_text, shown[i]);
            text_free(&key_text);
            if (!match) continue;
            Value v = object_get(ts, error, property_key_from_value(ts, key));
            if (value_is_exception(v)) return false;
            Value s = ops_to_string(ts, v);
            if (value_is_exception(s)) return false;
            Text value_text = {0};
            if (!text_string(in, &value_text, s)) return false;
            bool included = text_index_of(&stack, value_text.units, value_text.length, 0) >= 0;
            text_free(&value_text);
            if (included) {
                memmove(&(*keys)->items[k], &(*keys)->items[k + 1], ((*keys)->count - k - 1) * sizeof(Value));
                (*keys)->count--;
            }
            break;
        }
    }
    int has_cause = object_has_property(ts, error, ATOM(ts, cause));
    if (has_cause < 0) return false;
    if (has_cause && !keys_include(ts, *keys, "cause") && !(*keys = values_push(ts, *keys, ATOM(ts, cause))))
        return false;
    Value errors = object_get(ts, error, ATOM(ts, errors));
    if (value_is_exception(errors)) return false;
    if (ops_is_array(ts, errors) > 0 && !keys_include(ts, *keys, "errors") &&
        !(*keys = values_push(ts, *keys, ATOM(ts, errors))))
        return false;

    // improveStack: name the constructor when it differs from the `name` the stack starts with.
    uint32_t len = name.length;
    bool name_ends_with_error = len >= 5 && !memcmp(name.units + len - 5, (const uint16_t[]){'E', 'r', 'r', 'o', 'r'}, 10);
    bool stack_starts_with_name = stack.length >= len && !memcmp(stack.units, name.units, len * 2);
    if (!has_constructor || (name_ends_with_error && stack_starts_with_name &&
                             (stack.length == len || stack.units[len] == ':' || stack.units[len] == '\n'))) {
        Text prefix = {0};
        const char *fallback = "Error";
        if (!has_constructor) {
            // node recovers the name from the stack's first line; "Error" covers the common case.
            len = stack_starts_with_name ? len : 0;
        }
        get_prefix(in, &prefix, constructor, has_constructor, tag, fallback, "");
        prefix.length--;   // drop the trailing space
        bool same = prefix.length == name.length && !memcmp(prefix.units, name.units, name.length * 2);
        if (!same) {
            Text improved = {0};
            bool includes = text_index_of(&prefix, name.units, name.length, 0) >= 0;
            text_text(in, &improved, &prefix);
            if (includes) {
                if (len == 0) text_cstr(in, &improved, ": ");
            } else {
                text_cstr(in, &improved, " [");
                text_text(in, &improved, &name);
                text_unit(in, &improved, ']');
            }
            if (includes && len == 0) text_text(in, &improved, &stack);
            else text_units(in, &improved, stack.units + len, stack.length - len);
            text_free(&stack);
            stack = improved;
        }
        text_free(&prefix);
    }
    text_free(&name);

    // Ignore the message's own text when looking for the first frame.
    Value message = object_get(ts, error, ATOM(ts, message));
    if (value_is_exception(message)) return false;
    int64_t position = -1;
    if (ops_to_boolean(message)) {
        Value s = ops_to_string(ts, message);
        if (value_is_exception(s)) return false;
        Text message_text = {0};
        if (!text_string(in, &message_text, s)) return false;
        position = text_index_of(&stack, message_text.units, message_text.length, 0);
        if (position == 0) position = -1;   // node's `indexOf(...) || -1`
        if (position != -1) position += message_text.length;
        text_free(&message_text);
    }
    int64_t stack_start = text_index_of(&stack, at_marker, 7, position);
    if (stack_start == -1) {
        text_unit(in, base, '[');
        text_text(in, base, &stack);
        text_unit(in, base, ']');
    } else {
        text_text(in, base, &stack);
    }
    text_free(&stack);
    if (in->indentation != 0) {
        Text indented = {0};
        for (uint32_t i = 0; i < base->length; i++) {
            text_unit(in, &indented, base->units[i]);
            if (base->units[i] == '\n') text_spaces(in, &indented, in->indentation);
        }
        text_free(base);
        *base = indented;
    }
    return !failed(in);
}

// ---- typed arrays and buffers (formatTypedArray, formatArrayBuffer) ----

// The elements of a typed array, at most maxArrayLength of them, then "... n more items".
static void format_typed_array(Inspector *in, Value value, TextList *output) {
    TypedArrayObject *ta = typed_array_of(value);
    size_t length = typed_array_length(ta), limit = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
    for (size_t i = 0; i < limit; i++) {
        Text item = {0};
        if (typedarray_kind_is_bigint(ta->kind)) {
            // BigInt elements print as node shows them (1n); reading one allocates.
            Value element = typed_array_get_value(in->ts, ta, i);
            if (value_is_exception(element) || !format_primitive(in, &item, element)) {
                text_free(&item);
                return;
            }
        } else {
            format_number(in, &item, value_to_number(typed_array_load(ta, i)));
        }
        list_push(in, output, &item);
    }
    if (length > limit) remaining_text(in, output, (uint32_t)(length - limit));
}

// "[Uint8Contents]: <01 02>" (hex of the first maxArrayLength bytes), or "(detached)".
static void format_array_buffer(Inspector *in, Value value, TextList *output) {
    ArrayBufferObject *buffer = array_buffer_of(value);
    Text item = {0};
    if (load_acquire(&buffer->detached)) {
        text_cstr(in, &item, "(detached)");
    } else {
        size_t length = array_buffer_byte_length(buffer), limit = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
        text_cstr(in, &item, "[Uint8Contents]: <");
        for (size_t i = 0; i < limit; i++) {
            char hex[4];
            snprintf(hex, sizeof hex, i ? " %02x" : "%02x", __atomic_load_n(&buffer->data[i], __ATOMIC_RELAXED));
            text_cstr(in, &item, hex);
        }
        if (length > limit) {
            char more[64];
            snprintf(more, sizeof more, " ... %zu more byte%s", length - limit, length - limit > 1 ? "s" : "");
            text_cstr(in, &item, more);
        }
        text_unit(in, &item, '>');
    }
    list_push(in, output, &item);
}

// ---- formatValue / formatRaw ----

static int32_t seen_index(Values *list, Value v) {
    for (uint32_t i = 0; list && i < list->count; i++)
        if (list->items[i] == v) return (int32_t)i;
    return -1;
}

// formatRaw: decide the braces, prefix and entry formatter for the kind of object, then
// format entries and own keys one level deeper and join them with reduce_to_single_string.
static bool format_raw(Inspector *in, Value value, int recurse_times, Text *out) {
    ThreadState *ts = in->ts;
    Text constructor = {0}, tag = {0}, base = {0}, open = {0};
    TextList output = {0};
    Values *keys = NULL;
    const char *close = "}";
    bool ok = false;
    int extras_type = OBJECT_TYPE;
    enum { PLAIN, ARRAY, MAP, SET, PROMISE, WEAK, ITERATOR, TYPED_ARRAY, ARRAY_BUFFER } formatter = PLAIN;

    int has = constructor_name(in, value, recurse_times, &constructor);
    if (has < 0) goto done;
    bool has_constructor = has == 1;

    // Symbol.toStringTag counts only when it is not an own enumerable property.
    Value tag_value = object_get(ts, value, SYMBOL(ts, toStringTag));
    if (value_is_exception(tag_value)) goto done;
    if (value_is_string(tag_value) && string_length(tag_value) > 0) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, value, SYMBOL(ts, toStringTag), &desc);
        if (found < 0) goto done;
        bool listed = found && (in->show_hidden || (desc.attributes & PROP_ENUMERABLE));
        if (!listed && !text_string(in, &tag, tag_value)) goto done;
    }

    CellType type = value_cell_type(value);
    bool iterator_branch = false;
    int has_iterator = object_has_property(ts, value, SYMBOL(ts, iterator));
    if (has_iterator < 0) goto done;
    if (has_iterator || !has_constructor) {
        iterator_branch = true;
        char size[32];
        if (type == CELL_ARRAY) {
            snprintf(size, sizeof size, "(%u)", array_length(value));
            if (!text_equals_cstr(&constructor, "Array") || tag.length)
                get_prefix(in, &open, &constructor, has_constructor, &tag, "Array", size);
            if (!(keys = get_keys(in, value, true))) goto done;
            text_unit(in, &open, '[');
            close = "]";
            if (array_length(value) == 0 && keys->count == 0) {
                text_text(in, out, &open);
                text_unit(in, out, ']');
                ok = true;
                goto done;
            }
            extras_type = ARRAY_EXTRAS_TYPE;
            formatter = ARRAY;
        } else if (type == CELL_TYPED_ARRAY) {
            TypedArrayObject *ta = typed_array_of(value);
            snprintf(size, sizeof size, "(%zu)", typed_array_length(ta));
            get_prefix(in, &open, &constructor, has_constructor, &tag, typedarray_kind_name[ta->kind], size);
            if (!(keys = get_keys(in, value, true))) goto done;
            text_unit(in, &open, '[');
            close = "]";
            if (typed_array_length(ta) == 0 && keys->count == 0) {
                text_text(in, out, &open);
                text_unit(in, out, ']');
                ok = true;
                goto done;
            }
            extras_type = ARRAY_EXTRAS_TYPE;
            formatter = TYPED_ARRAY;
        } else if (type == CELL_MAP || type == CELL_SET) {
            Values *entries = NULL;
            if (!map_inspect_entries(ts, value, &entries)) goto done;
            uint32_t count = entries ? entries->count / (type == CELL_MAP ? 2 : 1) : 0;
            snprintf(size, sizeof size, "(%u)", count);
            get_prefix(in, &open, &constructor, has_constructor, &tag, type == CELL_MAP ? "Map" : "Set", size);
            if (!(keys = get_keys(in, value, false))) goto done;
            if (count == 0 && keys->count == 0) {
                text_text(in, out, &open);
                text_cstr(in, out, "{}");
                ok = true;
                goto done;
            }
            text_unit(in, &open, '{');
            formatter = type == CELL_MAP ? MAP : SET;
        } else if (type == CELL_ITERATOR &&
                   ((((IteratorObject *)value_to_cell(value))->kind & ITERATOR_SOURCE_MASK) == ITERATOR_MAP ||
                    (((IteratorObject *)value_to_cell(value))->kind & ITERATOR_SOURCE_MASK) == ITERATOR_SET)) {
            // getIteratorBraces: "[Map Iterator] {" ("[Map Entries] {" for entries()).
            bool map = (((IteratorObject *)value_to_cell(value))->kind & ITERATOR_SOURCE_MASK) == ITERATOR_MAP;
            const char *name = map ? "Map Iterator" : "Set Iterator";
            if (!(keys = get_keys(in, value, false))) goto done;
            text_unit(in, &open, '[');
            if (!text_equals_cstr(&tag, name)) {
                if (tag.length) {
                    text_text(in, &open, &tag);
                    text_cstr(in, &open, "] [");
                }
                text_cstr(in, &open, name);
            } else {
                text_text(in, &open, &tag);
            }
            text_cstr(in, &open, "] {");
            formatter = ITERATOR;
        } else {
            iterator_branch = false;
        }
    }
    if (!iterator_branch) {
        if (!(keys = get_keys(in, value, false))) goto done;
        text_unit(in, &open, '{');
        if (ops_is_callable(value)) {
            if (!function_base(in, value, &constructor, has_constructor, &tag, &base)) goto done;
            if (keys->count == 0) {
                text_text(in, out, &base);
                ok = true;
                goto done;
            }
        } else if (has_constructor && text_equals_cstr(&constructor, "Object")) {
            open.length = 0;
            if (type == CELL_ARGUMENTS) {
                text_cstr(in, &open, "[Arguments] ");
            } else if (tag.length) {
                get_prefix(in, &open, &constructor, has_constructor, &tag, "Object", "");
            }
            text_unit(in, &open, '{');
            if (keys->count == 0) {
                text_text(in, out, &open);
                text_unit(in, out, '}');
                ok = true;
                goto done;
            }
        } else if (type == CELL_DATE) {
            // isDate: the toISOString form ("Invalid Date" for NaN), prefixed unless plainly a Date.
            double t = NAN;
            char iso[64] = "Invalid Date";
            if (date_time_value(value, &t) && !isnan(t)) date_format_iso(t, iso, sizeof iso);
            Text prefix = {0};
            get_prefix(in, &prefix, &constructor, has_constructor, &tag, "Date", "");
            if (!text_equals_cstr(&prefix, "Date ")) text_text(in, &base, &prefix);
            text_free(&prefix);
            text_cstr(in, &base, iso);
            if (keys->count == 0) {
                text_text(in, out, &base);
                ok = true;
                goto done;
            }
        } else if (type == CELL_REGEXP) {
            // isRegExp: the primordial RegExp.prototype.toString, prefixed unless plainly a RegExp.
            Value shown = regexp_to_string(in->ts, value);
            if (value_is_exception(shown)) goto done;
            Text prefix = {0};
            get_prefix(in, &prefix, &constructor, has_constructor, &tag, "RegExp", "");
            if (!text_equals_cstr(&prefix, "RegExp ")) text_text(in, &base, &prefix);
            text_free(&prefix);
            if (!text_string(in, &base, shown)) goto done;
            if (keys->count == 0) {
                text_text(in, out, &base);
                ok = true;
                goto done;
            }
        } else if (type == CELL_ERROR) {
            if (!format_error(in, value, &constructor, has_constructor, &tag, &keys, &base)) goto done;
            if (keys->count == 0) {
                text_text(in, out, &base);
                ok = true;
                goto done;
            }
        } else if (type == CELL_ARRAY_BUFFER || type == CELL_DATA_VIEW) {
            // The byteLength (DataView: also byteOffset and buffer) getters are listed first.
            bool view = type == CELL_DATA_VIEW;
            open.length = 0;
            get_prefix(in, &open, &constructor, has_constructor, &tag,
                       view ? "DataView" : array_buffer_of(value)->shared ? "SharedArrayBuffer" : "ArrayBuffer", "");
            text_unit(in, &open, '{');
            const char *const names[] = {"byteLength", "byteOffset", "buffer"};
            Values *listed = values_new(ts, keys->count + 3);
            if (!listed) goto done;
            for (int i = 0; i < (view ? 3 : 1); i++) {
                Value name = atom_from_cstr(ts, names[i]);
                if (value_is_exception(name)) goto done;
                listed->items[listed->count++] = name;
            }
            for (uint32_t i = 0; i < keys->count; i++) listed->items[listed->count++] = keys->items[i];
            keys = listed;
            if (!view) formatter = ARRAY_BUFFER;
        } else if (type == CELL_PROMISE || type == CELL_WEAKMAP || type == CELL_WEAKSET) {
            open.length = 0;
            get_prefix(in, &open, &constructor, has_constructor, &tag,
                       type == CELL_PROMISE ? "Promise" : type == CELL_WEAKMAP ? "WeakMap" : "WeakSet", "");
            text_unit(in, &open, '{');
            formatter = type == CELL_PROMISE ? PROMISE : WEAK;
        } else if (type >= CELL_BOOLEAN_OBJECT && type <= CELL_BIGINT_OBJECT) {
            if (type == CELL_STRING_OBJECT) {
                // The index keys of a String wrapper only repeat its value.
                uint32_t drop = string_length(((PrimitiveObject *)value_to_cell(value))->primitive);
                if (drop > keys->count) drop = keys->count;
                memmove(keys->items, keys->items + drop, (keys->count - drop) * sizeof(Value));
                keys->count -= drop;
            }
            if (!boxed_base(in, value, &constructor, has_constructor, &tag, &base)) goto done;
            if (keys->count == 0) {
                text_text(in, out, &base);
                ok = true;
                goto done;
            }
        } else {
            open.length = 0;
            ctx_style(in, &open, value, &constructor, has_constructor, &tag);
            if (keys->count == 0) {
                text_text(in, out, &open);
                text_cstr(in, out, "{}");
                ok = true;
                goto done;
            }
            text_unit(in, &open, '{');
        }
    }

    if (recurse_times > in->depth) {
        Text style = {0};
        ctx_style(in, &style, value, &constructor, has_constructor, &tag);
        if (style.length) style.length--;
        if (has_constructor) text_unit(in, out, '[');
        text_text(in, out, &style);
        if (has_constructor) text_unit(in, out, ']');
        text_free(&style);
        ok = !failed(in);
        goto done;
    }
    recurse_times++;
    Values *seen = values_push(ts, in->seen, value);
    if (!seen) goto done;
    in->seen = seen;
    in->current_depth = recurse_times;
    bool formatted = true;
    switch (formatter) {
    case ARRAY: formatted = format_array(in, value, recurse_times, &output); break;
    case MAP: formatted = format_map_or_set(in, value, true, recurse_times, &output); break;
    case SET: formatted = format_map_or_set(in, value, false, recurse_times, &output); break;
    case PROMISE: formatted = format_promise(in, value, recurse_times, &output); break;
    case WEAK: list_push_cstr(in, &output, "<items unknown>"); break;
    case TYPED_ARRAY: format_typed_array(in, value, &output); break;
    case ARRAY_BUFFER: format_array_buffer(in, value, &output); break;
    case ITERATOR: {
        bool pairs;
        formatted = format_iterator(in, value, recurse_times, &output, &pairs);
        // " Iterator] {" becomes " Entries] {" for key/value iterators.
        static const char suffix[] = " Iterator] {", replacement[] = " Entries] {";
        uint32_t n = sizeof suffix - 1;
        bool ends = formatted && pairs && open.length >= n;
        for (uint32_t i = 0; ends && i < n; i++) ends = open.units[open.length - n + i] == (unsigned char)suffix[i];
        if (ends) {
            open.length -= n;
            text_cstr(in, &open, replacement);
        }
        break;
    }
    case PLAIN: break;
    }
    for (uint32_t i = 0; formatted && i < keys->count; i++) {
        Text item = {0};
        formatted = format_property(in, value, recurse_times, keys->items[i], extras_type, &item);
        if (formatted) list_push(in, &output, &item);
        else text_free(&item);
    }
    if (!formatted || failed(in)) goto done;
    int32_t reference = seen_index(in->circular, value);
    if (reference >= 0) {
        char text[32];
        snprintf(text, sizeof text, "<ref *%d>", reference + 1);
        Text with_reference = {0};
        text_cstr(in, &with_reference, text);
        if (base.length) {
            text_unit(in, &with_reference, ' ');
            text_text(in, &with_reference, &base);
        }
        text_free(&base);
        base = with_reference;
    }
    in->seen->count--;
    reduce_to_single_string(in, &output, &base, &open, close, extras_type, recurse_times, value, out);
    ok = !failed(in);
done:
    text_free(&constructor);
    text_free(&tag);
    text_free(&base);
    text_free(&open);
    list_free(&output);
    return ok;
}

// formatValue: primitives, back-references to an object being formatted ([Circular *n]),
// else formatRaw. The first back-reference to an object numbers it; formatRaw then prefixes
// that object's text with <ref *n>.
static bool format_value(Inspector *in, Value v, int recurse_times, Text *out) {
    if (!value_is_object(v)) return format_primitive(in, out, v);
    // A proxy prints as its target and runs no trap, like node's default showProxy: false.
    while (value_cell_type(v) == CELL_PROXY) {
        v = proxy_target(v);
        if (value_is_null(v)) {
            text_cstr(in, out, "<Revoked Proxy>");
            return !failed(in);
        }
    }
    if (seen_index(in->seen, v) >= 0) {
        int32_t index = seen_index(in->circular, v);
        if (index < 0) {
            if (!in->circular && !(in->circular = values_new(in->ts, 4))) return false;
            Values *circular = values_push(in->ts, in->circular, v);
            if (!circular) return false;
            in->circular = circular;
            index = (int32_t)circular->count - 1;
        }
        char text[32];
        snprintf(text, sizeof text, "[Circular *%d]", index + 1);
        text_cstr(in, out, text);
        return !failed(in);
    }
    return format_raw(in, v, recurse_times, out);
}

// ---- entry points ----

static Value text_to_string(Inspector *in, Text *t) {
    if (in->out_of_memory) {
        text_free(t);
        return error_throw_out_of_memory(in->ts);
    }
    static const uint16_t empty[1];
    Value s = string_from_utf16(in->ts, t->units ? t->units : empty, t->length);
    text_free(t);
    return s;
}

static bool inspector_init(Inspector *in, ThreadState *ts, int depth) {
    *in = (Inspector){ts, depth, 0, 0, values_new(ts, 8), NULL, false, false};
    return in->seen != NULL;
}

// inspect(value) appended to out.
static bool inspect_into(ThreadState *ts, Value v, int depth, bool show_hidden, Text *out, bool *out_of_memory) {
    Inspector in;
    if (!inspector_init(&in, ts, depth)) return false;
    in.show_hidden = show_hidden;
    bool ok = format_value(&in, v, 0, out);
    *out_of_memory |= in.out_of_memory;
    return ok && !in.out_of_memory;
}

Value inspect_value(ThreadState *ts, Value v, int depth_limit) {
    Inspector in;
    if (!inspector_init(&in, ts, depth_limit)) return JS_EXCEPTION;
    Text out = {0};
    if (!format_value(&in, v, 0, &out) && !in.out_of_memory) {
        text_free(&out);
        return JS_EXCEPTION;
    }
    return text_to_string(&in, &out);
}

// hasBuiltInToString: the toString a %s argument would use comes from a builtin prototype.
static bool has_builtin_to_string(ThreadState *ts, Value v) {
    Value holder = v;
    for (int hops = 0; value_is_object(holder) && hops < 10000; hops++) {
        int own = object_has_own_property(ts, holder, ATOM(ts, toString));
        if (own < 0) {
            error_take(ts);
            return true;
        }
        if (own) break;
        holder = object_get_prototype_of(ts, holder);
        if (value_is_exception(holder)) {
            error_take(ts);
            return true;
        }
    }
    if (holder == v) return false;
    if (!value_is_object(holder)) return true;
    static const Intrinsic builtins[] = {
        INTRINSIC_OBJECT_PROTOTYPE, INTRINSIC_FUNCTION_PROTOTYPE, INTRINSIC_ARRAY_PROTOTYPE,
        INTRINSIC_STRING_PROTOTYPE, INTRINSIC_NUMBER_PROTOTYPE, INTRINSIC_BOOLEAN_PROTOTYPE,
        INTRINSIC_SYMBOL_PROTOTYPE, INTRINSIC_ERROR_PROTOTYPE, INTRINSIC_MAP_PROTOTYPE,
        INTRINSIC_SET_PROTOTYPE, INTRINSIC_PROMISE_PROTOTYPE,
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (holder == realm_intrinsic(ts, builtins[i])) return true;
    return false;
}

// One util.format directive's text for argument v; false on throw.
static bool format_directive(ThreadState *ts, uint16_t directive, Value v, Text *out, bool *oom) {
    Inspector scratch;
    if (!inspector_init(&scratch, ts, 2)) return false;
    double d;
    switch (directive) {
    case 's':
        if (value_is_number(v)) {
            format_number(&scratch, out, value_to_number(v));
        } else if (value_is_bigint(v)) {
            if (!format_primitive(&scratch, out, v)) return false;
        } else if (!value_is_object(v) || !has_builtin_to_string(ts, v)) {
            if (value_is_symbol(v)) return format_symbol(&scratch, out, v);
            Value s = ops_to_string(ts, v);
            if (value_is_exception(s) || !text_string(&scratch, out, s)) return false;
        } else {
            return inspect_into(ts, v, 0, false, out, oom);
        }
        break;
    case 'j': {
        Value json = ops_get_cstr(ts, ts->rt->realm.global_object, "JSON");
        if (value_is_exception(json)) return false;
        Value stringify = value_is_object(json) ? ops_get_cstr(ts, json, "stringify") : JS_UNDEFINED;
        if (value_is_exception(stringify)) return false;
        Value s = ops_call_checked(ts, stringify, json, &v, 1, "JSON.stringify");
        if (value_is_exception(s)) {
            // A cycle prints as [Circular]; any other error propagates.
            Value error = error_take(ts);
            Value message = value_is_object(error) ? object_get(ts, error, ATOM(ts, message)) : JS_UNDEFINED;
            Text message_text = {0};
            static const char circular_message[] = "Converting circular structure to JSON";
            bool circular = value_is_string(message) && text_string(&scratch, &message_text, message) &&
                            message_text.length >= sizeof circular_message - 1;
            for (size_t i = 0; circular && i < sizeof circular_message - 1; i++)
                circular = message_text.units[i] == (unsigned char)circular_message[i];
            text_free(&message_text);
            if (!circular) {
                ts->exception = error;
                return false;
            }
            text_cstr(&scratch, out, "[Circular]");
        } else if (value_is_undefined(s)) {
            text_cstr(&scratch, out, "undefined");
        } else if (!text_string(&scratch, out, s)) {
            return false;
        }
        break;
    }
    case 'd':
        if (value_is_bigint(v)) {
            if (!format_primitive(&scratch, out, v)) return false;
        } else if (value_is_symbol(v)) {
            text_cstr(&scratch, out, "NaN");
        } else {
            if (!ops_to_number(ts, v, &d)) return false;
            format_number(&scratch, out, d);
        }
        break;
    case 'i':
    case 'f': {
        if (value_is_symbol(v)) {
            text_cstr(&scratch, out, "NaN");
            break;
        }
        Value fn = ops_get_cstr(ts, ts->rt->realm.global_object, directive == 'i' ? "parseInt" : "parseFloat");
        if (value_is_exception(fn)) return false;
        Value n = ops_call_checked(ts, fn, JS_UNDEFINED, &v, 1, NULL);
        if (value_is_exception(n)) return false;
        format_number(&scratch, out, value_is_number(n) ? value_to_number(n) : NAN);
        break;
    }
    case 'o': return inspect_into(ts, v, 4, true, out, oom);
    case 'O': return inspect_into(ts, v, 2, false, out, oom);
    default: break;   // 'c': the CSS argument is consumed and prints nothing
    }
    *oom |= scratch.out_of_memory;
    return true;
}

// formatWithOptionsInternal: util.format(...args) as console.log prints it.
// Directives consume arguments only while some remain; unknown ones stay in the text, and the
// arguments left over are appended, strings raw and everything else inspected.
Value inspect_format_args(ThreadState *ts, const Value *args, int argc) {
    Inspector in;
    if (!inspector_init(&in, ts, 2)) return JS_EXCEPTION;
    Text out = {0};
    int a = 0;
    bool join = false;
    if (argc > 0 && value_is_string(args[0])) {
        if (argc == 1) return args[0];
        Text first = {0};
        if (!text_string(&in, &first, args[0])) return JS_EXCEPTION;
        uint32_t last = 0;
        for (uint32_t i = 0; i + 1 < first.length; i++) {
            if (first.units[i] != '%') continue;
            uint16_t next = first.units[++i];
            if (a + 1 != argc) {
                if (next == '%') {
                    text_units(&in, &out, first.units + last, i - last);
                    last = i + 1;
                    continue;
                }
                if (next == 0 || next > 127 || !strchr("sjdOoifc", next)) continue;
                Text piece = {0};
                if (!format_directive(ts, next, args[++a], &piece, &in.out_of_memory)) {
                    text_free(&piece);
                    text_free(&first);
                    text_free(&out);
                    return JS_EXCEPTION;
                }
                if (last != i - 1) text_units(&in, &out, first.units + last, i - 1 - last);
                text_text(&in, &out, &piece);
                text_free(&piece);
                last = i + 1;
            } else if (next == '%') {
                text_units(&in, &out, first.units + last, i - last);
                last = i + 1;
            }
        }
        if (last != 0) {
            a++;
            join = true;
            if (last < first.length) text_units(&in, &out, first.units + last, first.length - last);
        }
        text_free(&first);
    }
    for (; a < argc; a++) {
        if (join) text_unit(&in, &out, ' ');
        join = true;
        if (value_is_string(args[a])) {
            if (!text_string(&in, &out, args[a])) {
                text_free(&out);
                return JS_EXCEPTION;
            }
        } else if (!inspect_into(ts, args[a], 2, false, &out, &in.out_of_memory)) {
            if (!in.out_of_memory) {
                text_free(&out);
                return JS_EXCEPTION;
            }
        }
    }
    return text_to_string(&in, &out);
}
