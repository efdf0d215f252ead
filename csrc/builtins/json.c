/*
 * builtins/json.c — JSON.parse (with reviver) and JSON.stringify (replacer function or list,
 * indentation, toJSON, cycle detection), matching V8's output and error messages byte for byte:
 * the parser mirrors V8's JsonParser so each malformed input fails with the same message at the
 * same position. Recursion is bounded by the native stack limit.
 */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "../number.h"
#include "../bigint.h"

// Objects nested deeper than this throw a RangeError even when the C stack would allow more.
#define JSON_MAX_DEPTH 10000

static bool native_stack_exhausted(ThreadState *ts, int depth) {
    char marker;
    if (depth > JSON_MAX_DEPTH ||
        (ts->native_stack_limit && (uintptr_t)&marker < ts->native_stack_limit)) {
        error_throw_range(ts, "Maximum call stack size exceeded");
        return true;
    }
    return false;
}

// ---- JSON.parse ----

typedef struct Parser {
    ThreadState *ts;
    Value source;              // the flat source string (for error context)
    const String *text;
    uint32_t length, position;
    int depth;
} Parser;

#define END_OF_INPUT 0x110000u

static uint32_t peek_char(const Parser *p) {
    return p->position < p->length ? string_char_at(p->text, p->position) : END_OF_INPUT;
}

static uint32_t next_char(Parser *p) {
    p->position++;
    return peek_char(p);
}

static void skip_whitespace(Parser *p) {
    for (;;) {
        uint32_t c = peek_char(p);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        p->position++;
    }
}

// V8's token classes for a character (one_char_json_tokens).
typedef enum { TOKEN_EOS, TOKEN_NUMBER, TOKEN_STRING, TOKEN_OTHER } TokenClass;

static TokenClass token_class(uint32_t c) {
    if (c == END_OF_INPUT) return TOKEN_EOS;
    if (c == '-' || (c >= '0' && c <= '9')) return TOKEN_NUMBER;
    if (c == '"') return TOKEN_STRING;
    return TOKEN_OTHER;
}

// A message with the position ("... in JSON at position N").
static Value parse_error_at(Parser *p, const char *what) {
    return error_throw_syntax(p->ts, "%s in JSON at position %u", what, p->position);
}

static bool source_is(const Parser *p, const char *s) {
    size_t n = strlen(s);
    if (p->length != n) return false;
    for (size_t i = 0; i < n; i++)
        if (string_char_at(p->text, (uint32_t)i) != (unsigned char)s[i]) return false;
    return true;
}

// ReportUnexpectedToken without a specific message (LookUpErrorMessageForJsonToken).
static Value unexpected(Parser *p) {
    ThreadState *ts = p->ts;
    uint32_t c = peek_char(p);
    switch (token_class(c)) {
    case TOKEN_EOS: return error_throw_syntax(ts, "Unexpected end of JSON input");
    case TOKEN_NUMBER: return parse_error_at(p, "Unexpected number");
    case TOKEN_STRING: return parse_error_at(p, "Unexpected string");
    default: break;
    }
    if (source_is(p, "[object Object]") || source_is(p, "undefined") || source_is(p, "Infinity") ||
        source_is(p, "NaN"))
        return error_throw_syntax(ts, "\"%V\" is not valid JSON", p->source);
    Value token = string_from_char_code(ts, (uint16_t)c);
    if (value_is_exception(token)) return JS_EXCEPTION;
    const uint32_t context = 10;
    uint32_t n = p->length, pos = p->position;
    if (n < context * 2 + 1)
        return error_throw_syntax(ts, "Unexpected token '%V', \"%V\" is not valid JSON", token, p->source);
    uint32_t start = 0, end = n;
    const char *format;
    if (pos < context) {
        end = pos + context;
        format = "Unexpected token '%V', \"%V\"... is not valid JSON";
    } else if (pos < n - context) {
        start = pos - context;
        end = pos + context;
        format = "Unexpected token '%V', ...\"%V\"... is not valid JSON";
    } else {
        start = pos - context;
        format = "Unexpected token '%V', ...\"%V\" is not valid JSON";
    }
    Value excerpt = string_substring(ts, p->source, start, end);
    if (value_is_exception(excerpt)) return JS_EXCEPTION;
    return error_throw_syntax(ts, format, token, excerpt);
}

static Value parse_value(Parser *p);

static int hex_value(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

// A string token; the cursor is on the opening quote.
// Positions in messages are those of the offending character, as V8 reports them.
static Value parse_string(Parser *p) {
    uint32_t start = ++p->position;
    // Fast path: no escapes, so the token is a substring of the source.
    for (;;) {
        uint32_t c = peek_char(p);
        if (c == END_OF_INPUT) return parse_error_at(p, "Unterminated string");
        if (c < 0x20) return parse_error_at(p, "Bad control character in string literal");
        if (c == '"') {
            p->position++;
            return string_substring(p->ts, p->source, start, p->position - 1);
        }
        if (c == '\\') break;
        p->position++;
    }
    StringBuilder b;
    string_builder_init(&b, p->ts);
    for (uint32_t i = start; i < p->position; i++) string_builder_append_char(&b, string_char_at(p->text, i));
    for (;;) {
        uint32_t c = peek_char(p);
        Value error = JS_UNDEFINED;
        if (c == END_OF_INPUT) error = parse_error_at(p, "Unterminated string");
        else if (c < 0x20) error = parse_error_at(p, "Bad control character in string literal");
        if (error == JS_EXCEPTION) {
            string_builder_discard(&b);
            return JS_EXCEPTION;
        }
        if (c == '"') {
            p->position++;
            return string_builder_finish(&b);
        }
        if (c != '\\') {
            string_builder_append_char(&b, (uint16_t)c);
            p->position++;
            continue;
        }
        c = next_char(p);
        uint16_t unit;
        switch (c) {
        case '"': unit = '"'; break;
        case '\\': unit = '\\'; break;
        case '/': unit = '/'; break;
        case 'b': unit = '\b'; break;
        case 'f': unit = '\f'; break;
        case 'n': unit = '\n'; break;
        case 'r': unit = '\r'; break;
        case 't': unit = '\t'; break;
        case 'u': {
            uint32_t value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hex_value(next_char(p));
                if (digit < 0) {
                    string_builder_discard(&b);
                    return parse_error_at(p, "Bad Unicode escape");
                }
                value = value * 16 + (uint32_t)digit;
            }
            unit = (uint16_t)value;
            break;
        }
        default:
            string_builder_discard(&b);
            if (c == END_OF_INPUT || c > 0xFF) return unexpected(p);
            return parse_error_at(p, "Bad escaped character");
        }
        string_builder_append_char(&b, unit);
        p->position++;
    }
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

// The JSON number grammar, checked by hand so that each malformed number fails like V8's
// ParseJsonNumber; the accepted text is then converted by the one StringToNumber.
static Value parse_number(Parser *p) {
    uint32_t start = p->position;
    uint32_t c = peek_char(p);
    if (c == '-') c = next_char(p);
    if (c == '0') {
        c = next_char(p);
        if (is_digit(c)) return unexpected(p);
    } else {
        if (!is_digit(c)) return parse_error_at(p, "No number after minus sign");
        while (is_digit(c)) c = next_char(p);
    }
    if (c == '.') {
        c = next_char(p);
        if (!is_digit(c)) return parse_error_at(p, "Unterminated fractional number");
        while (is_digit(c)) c = next_char(p);
    }
    if (c == 'e' || c == 'E') {
        c = next_char(p);
        if (c == '-' || c == '+') c = next_char(p);
        if (!is_digit(c)) return parse_error_at(p, "Exponent part is missing a number");
        while (is_digit(c)) c = next_char(p);
    }
    uint32_t n = p->position - start;
    uint16_t inline_buffer[64];
    uint16_t *digits = n <= 64 ? inline_buffer : malloc(n * sizeof(uint16_t));
    if (!digits) return error_throw_out_of_memory(p->ts);
    for (uint32_t i = 0; i < n; i++) digits[i] = string_char_at(p->text, start + i);
    double d = number_from_string(digits, n);
    if (digits != inline_buffer) free(digits);
    return value_from_number(d);
}

// true/false/null: the first character already matched (V8's ScanLiteral).
static Value parse_literal(Parser *p, const char *word, Value result) {
    size_t n = strlen(word);
    p->position++;
    for (size_t i = 1; i < n; i++) {
        if (peek_char(p) != (unsigned char)word[i]) return unexpected(p);
        p->position++;
    }
    return result;
}

// The character class after skipping whitespace; fails with `message` unless it is `expected`.
static bool expect(Parser *p, uint32_t expected, const char *message) {
    skip_whitespace(p);
    if (peek_char(p) == expected) {
        p->position++;
        return true;
    }
    parse_error_at(p, message);
    return false;
}

// Members become own data properties even for "__proto__" (CreateDataProperty, §24.5.1).
static Value parse_object(Parser *p) {
    ThreadState *ts = p->ts;
    Value obj = object_new_plain(ts);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    p->position++;
    skip_whitespace(p);
    if (peek_char(p) == '}') {
        p->position++;
        return obj;
    }
    const char *key_message = "Expected property name or '}'";
    for (;;) {
        skip_whitespace(p);
        if (peek_char(p) != '"') return parse_error_at(p, key_message);
        Value name = parse_string(p);
        if (value_is_exception(name)) return JS_EXCEPTION;
        if (!expect(p, ':', "Expected ':' after property name")) return JS_EXCEPTION;
        Value v = parse_value(p);
        if (value_is_exception(v)) return JS_EXCEPTION;
        PropKey key = property_key_from_value(ts, name);
        if (value_is_exception(key) || object_define_value(ts, obj, key, v, PROP_DEFAULT) < 0)
            return JS_EXCEPTION;
        skip_whitespace(p);
        if (peek_char(p) == ',') {
            p->position++;
            key_message = "Expected double-quoted property name";
            continue;
        }
        if (!expect(p, '}', "Expected ',' or '}' after property value")) return JS_EXCEPTION;
        return obj;
    }
}

static Value parse_array(Parser *p) {
    Value array = array_new(p->ts, 0);
    if (value_is_exception(array)) return JS_EXCEPTION;
    p->position++;
    skip_whitespace(p);
    if (peek_char(p) == ']') {
        p->position++;
        return array;
    }
    for (;;) {
        Value v = parse_value(p);
        if (value_is_exception(v) || array_push(p->ts, array, v) < 0) return JS_EXCEPTION;
        skip_whitespace(p);
        if (peek_char(p) == ',') {
            p->position++;
            continue;
        }
        if (!expect(p, ']', "Expected ',' or ']' after array element")) return JS_EXCEPTION;
        return array;
    }
}

static Value parse_value(Parser *p) {
    skip_whitespace(p);
    uint32_t c = peek_char(p);
    switch (c) {
    case '{':
    case '[': {
        if (native_stack_exhausted(p->ts, p->depth + 1)) return JS_EXCEPTION;
        p->depth++;
        Value v = c == '{' ? parse_object(p) : parse_array(p);
        p->depth--;
        return v;
    }
    case '"': return parse_string(p);
    case 't': return parse_literal(p, "true", JS_TRUE);
    case 'f': return parse_literal(p, "false", JS_FALSE);
    case 'n': return parse_literal(p, "null", JS_NULL);
    default:
        if (token_class(c) == TOKEN_NUMBER) return parse_number(p);
        return unexpected(p);
    }
}

// InternalizeJSONProperty (§24.5.1.1).
static Value internalize(ThreadState *ts, Value holder, PropKey name, Value reviver, int depth) {
    if (native_stack_exhausted(ts, depth)) return JS_EXCEPTION;
    Value v = object_get(ts, holder, name);
    if (value_is_exception(v)) return JS_EXCEPTION;
    if (value_is_object(v)) {
        Value keys = JS_UNDEFINED;
        int64_t count;
        int is_array = ops_is_array(ts, v);
        if (is_array < 0) return JS_EXCEPTION;
        if (is_array) {
            count = ops_length_of_array_like(ts, v);
        } else {
            keys = object_own_keys(ts, v, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
            if (value_is_exception(keys)) return JS_EXCEPTION;
            count = array_length(keys);
        }
        if (count < 0) return JS_EXCEPTION;
        for (int64_t i = 0; i < count; i++) {
            PropKey key = property_key_from_index((uint32_t)i);
            if (!is_array) {
                Value k = object_get(ts, keys, key);
                key = value_is_exception(k) ? JS_EXCEPTION : property_key_from_value(ts, k);
                if (value_is_exception(key)) return JS_EXCEPTION;
            }
            Value element = internalize(ts, v, key, reviver, depth + 1);
            if (value_is_exception(element)) return JS_EXCEPTION;
            int status = value_is_undefined(element) ? object_delete(ts, v, key, false)
                                                     : object_define_value(ts, v, key, element, PROP_DEFAULT);
            if (status < 0) return JS_EXCEPTION;
        }
    }
    Value call_args[2] = {property_key_to_value(ts, name), v};
    if (value_is_exception(call_args[0])) return JS_EXCEPTION;
    return interp_call(ts, reviver, holder, call_args, 2);
}

// JSON.parse (§24.5.1): the whole text must be one value, then the reviver walks the result.
static Value JSON_parse(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value source = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(source)) return JS_EXCEPTION;
    String *text = string_flatten(ts, source);
    if (!text) return JS_EXCEPTION;
    Parser p = {ts, value_from_cell(text), text, text->length, 0, 0};
    Value result = parse_value(&p);
    if (value_is_exception(result)) return JS_EXCEPTION;
    skip_whitespace(&p);
    if (p.position < p.length) return error_throw_syntax(ts, "Unexpected non-whitespace character after JSON at position %u", p.position);
    Value reviver = builtin_arg(args, argc, 1);
    if (!ops_is_callable(reviver)) return result;
    Value root = object_new_plain(ts);
    Value empty = string_empty(ts);
    if (value_is_exception(root) || value_is_exception(empty)) return JS_EXCEPTION;
    PropKey root_key = atom_from_string(ts, empty);
    if (value_is_exception(root_key) || object_define_value(ts, root, root_key, result, PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    return internalize(ts, root, root_key, reviver, 0);
}

// ---- JSON.stringify ----

typedef struct Stringifier {
    ThreadState *ts;
    StringBuilder out;
    Value replacer;            // a function or JS_UNDEFINED
    Values *property_list;     // keys from an array replacer, or NULL
    Value gap;                 // a String ("" when not indenting)
    Values *stack;             // (key, object) pairs being serialised, for cycles
    uint32_t indent_level;
} Stringifier;

// QuoteJSONString (§24.5.2.2) with well-formed output: lone surrogates as \udXXX.
static void quote(StringBuilder *b, Value s) {
    String *flat = string_flatten(b->ts, s);
    if (!flat) {
        b->failed = true;
        return;
    }
    static const char hex[] = "0123456789abcdef";
    string_builder_append_char(b, '"');
    uint32_t n = flat->length;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = string_char_at(flat, i);
        const char *escape = NULL;
        switch (c) {
        case '\b': escape = "\\b"; break;
        case '\t': escape = "\\t"; break;
        case '\n': escape = "\\n"; break;
        case '\f': escape = "\\f"; break;
        case '\r': escape = "\\r"; break;
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        default: break;
        }
        if (escape) {
            string_builder_append_cstr(b, escape);
            continue;
        }
        bool lone = false;
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 < n && string_char_at(flat, i + 1) >= 0xDC00 && string_char_at(flat, i + 1) <= 0xDFFF) {
                string_builder_append_char(b, c);
                string_builder_append_char(b, string_char_at(flat, ++i));
                continue;
            }
            lone = true;
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            lone = true;
        }
        if (c < 0x20 || lone) {
            char unit[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], 0};
            string_builder_append_cstr(b, unit);
        } else {
            string_builder_append_char(b, c);
        }
    }
    string_builder_append_char(b, '"');
}

static void newline_indent(Stringifier *s) {
    string_builder_append_char(&s->out, '\n');
    for (uint32_t i = 0; i < s->indent_level; i++) string_builder_append_string(&s->out, s->gap);
}

// V8's constructor name for the circular-structure message.
static Value constructor_name(ThreadState *ts, Value obj) {
    Value constructor = object_get(ts, obj, ATOM(ts, constructor));
    if (value_is_exception(constructor)) {
        error_take(ts);
        constructor = JS_UNDEFINED;
    }
    if (ops_is_callable(constructor)) {
        Value name = object_get(ts, constructor, ATOM(ts, name));
        if (value_is_exception(name)) error_take(ts);
        else if (value_is_string(name) && string_length(name) > 0) return name;
    }
    return string_from_cstr(ts, "Object");
}

static void append_circular_key(StringBuilder *b, Value key) {
    if (value_is_number(key)) {
        char digits[NUMBER_BUF_SIZE];
        number_to_string(value_to_number(key), digits);
        string_builder_append_cstr(b, "index ");
        string_builder_append_cstr(b, digits);
    } else if (string_length(key) == 0) {
        string_builder_append_cstr(b, "<anonymous>");
    } else {
        string_builder_append_cstr(b, "property '");
        string_builder_append_string(b, key);
        string_builder_append_char(b, '\'');
    }
}

// "Converting circular structure to JSON" with V8's path description: the first object of the
// cycle, up to two lines after it, "..." for the middle, the last line, and the closing key.
static Value throw_circular(Stringifier *s, uint32_t start, Value closing_key) {
    ThreadState *ts = s->ts;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "Converting circular structure to JSON\n    --> starting at object with constructor '");
    uint32_t size = s->stack->count / 2;
    string_builder_append_string(&b, constructor_name(ts, s->stack->items[start * 2 + 1]));
    string_builder_append_char(&b, '\'');
    uint32_t index = start + 1;
    uint32_t prefix_end = size < index + 2 ? size : index + 2;
    for (int pass = 0; pass < 2; pass++) {
        for (; index < prefix_end; index++) {
            string_builder_append_cstr(&b, "\n    |     ");
            append_circular_key(&b, s->stack->items[index * 2]);
            string_builder_append_cstr(&b, " -> object with constructor '");
            string_builder_append_string(&b, constructor_name(ts, s->stack->items[index * 2 + 1]));
            string_builder_append_char(&b, '\'');
        }
        if (pass == 0) {
            if (size > index + 1) string_builder_append_cstr(&b, "\n    |     ...");
            if (size >= 1 && index < size - 1) index = size - 1;
            prefix_end = size;
        }
    }
    string_builder_append_cstr(&b, "\n    --- ");
    append_circular_key(&b, closing_key);
    string_builder_append_cstr(&b, " closes the circle");
    Value message = string_builder_finish(&b);
    if (value_is_exception(message)) return JS_EXCEPTION;
    Value error = error_new(ts, ERROR_TYPE, message);
    if (value_is_exception(error)) return JS_EXCEPTION;
    return error_throw(ts, error);
}

// The key as V8 reports it in messages: array indexes as numbers, other keys as strings.
static Value circular_key(ThreadState *ts, PropKey key, bool in_array) {
    if (in_array) return key;
    return property_key_to_value(ts, key);
}

static int serialize_property(Stringifier *s, Value holder, PropKey key, Value v, bool in_array);

// SerializeJSONObject / SerializeJSONArray (§24.5.2.4-5).
static int serialize_container(Stringifier *s, Value v, PropKey key, bool holder_is_array, bool is_array) {
    ThreadState *ts = s->ts;
    for (uint32_t i = 0; i < s->stack->count; i += 2) {
        if (s->stack->items[i + 1] == v) {
            Value closing = circular_key(ts, key, holder_is_array);
            if (value_is_exception(closing)) return -1;
            throw_circular(s, i / 2, closing);
            return -1;
        }
    }
    if (native_stack_exhausted(ts, (int)(s->stack->count / 2))) return -1;
    Value stack_key = circular_key(ts, key, holder_is_array);
    if (value_is_exception(stack_key)) return -1;
    Values *stack = values_push(ts, s->stack, stack_key);
    if (!stack || !(stack = values_push(ts, stack, v))) return -1;
    s->stack = stack;
    s->indent_level++;
    bool indent = string_length(s->gap) > 0;
    StringBuilder *b = &s->out;
    string_builder_append_char(b, is_array ? '[' : '{');
    bool any = false;
    Value keys = JS_UNDEFINED;
    int64_t count;
    if (is_array) {
        count = ops_length_of_array_like(ts, v);
    } else if (s->property_list) {
        count = s->property_list->count;
    } else {
        keys = object_own_keys(ts, v, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
        if (value_is_exception(keys)) return -1;
        count = array_length(keys);
    }
    if (count < 0) return -1;
    for (int64_t i = 0; i < count; i++) {
        size_t rollback = b->length;
        if (any) string_builder_append_char(b, ',');
        if (indent) newline_indent(s);
        PropKey k;
        if (is_array) {
            k = property_key_from_index((uint32_t)i);
        } else {
            Value name = s->property_list ? s->property_list->items[i]
                                          : object_get(ts, keys, property_key_from_index((uint32_t)i));
            if (value_is_exception(name)) return -1;
            quote(b, name);
            string_builder_append_char(b, ':');
            if (indent) string_builder_append_char(b, ' ');
            k = property_key_from_value(ts, name);
            if (value_is_exception(k)) return -1;
        }
        Value element = object_get(ts, v, k);
        if (value_is_exception(element)) return -1;
        int written = serialize_property(s, v, k, element, is_array);
        if (written < 0) return -1;
        if (written == 0) {
            if (is_array) {
                string_builder_append_cstr(b, "null");
            } else {
                b->length = rollback;   // an undefined member is left out entirely
                continue;
            }
        }
        any = true;
    }
    s->indent_level--;
    if (any && indent) newline_indent(s);
    string_builder_append_char(b, is_array ? ']' : '}');
    s->stack->count -= 2;
    return 1;
}

// SerializeJSONProperty (§24.5.2.2) for a value already read from holder[key]. Returns 1 when
// text was written, 0 for undefined (nothing written), -1 on throw.
static int serialize_property(Stringifier *s, Value holder, PropKey key, Value v, bool in_array) {
    ThreadState *ts = s->ts;
    Value key_string = JS_HOLE;   // computed only if toJSON or the replacer needs it
    if (value_is_object(v) || value_is_bigint(v)) {
        // BigInts look toJSON up on BigInt.prototype (ES2020 24.5.2.2 step 2).
        Value to_json = ops_get(ts, v, ATOM(ts, toJSON));
        if (value_is_exception(to_json)) return -1;
        if (ops_is_callable(to_json)) {
            key_string = property_key_to_value(ts, key);
            if (value_is_exception(key_string)) return -1;
            v = interp_call(ts, to_json, v, &key_string, 1);
            if (value_is_exception(v)) return -1;
        }
    }
    if (!value_is_undefined(s->replacer)) {
        if (key_string == JS_HOLE) key_string = property_key_to_value(ts, key);
        if (value_is_exception(key_string)) return -1;
        Value call_args[2] = {key_string, v};
        v = interp_call(ts, s->replacer, holder, call_args, 2);
        if (value_is_exception(v)) return -1;
    }
    switch (value_cell_type(v)) {
    case CELL_NUMBER_OBJECT: {
        double d;
        if (!ops_to_number(ts, v, &d)) return -1;
        v = value_from_number(d);
        break;
    }
    case CELL_STRING_OBJECT:
        v = ops_to_string(ts, v);
        if (value_is_exception(v)) return -1;
        break;
    case CELL_BOOLEAN_OBJECT:
    case CELL_BIGINT_OBJECT: v = ((PrimitiveObject *)value_to_cell(v))->primitive; break;
    default: break;
    }
    if (value_is_bigint(v)) {
        error_throw_type(ts, "Do not know how to serialize a BigInt");
        return -1;
    }
    StringBuilder *b = &s->out;
    if (value_is_null(v)) {
        string_builder_append_cstr(b, "null");
    } else if (value_is_bool(v)) {
        string_builder_append_cstr(b, v == JS_TRUE ? "true" : "false");
    } else if (value_is_string(v)) {
        quote(b, v);
    } else if (value_is_number(v)) {
        double d = value_to_number(v);
        if (isfinite(d)) {
            char digits[NUMBER_BUF_SIZE];
            number_to_string(d, digits);
            string_builder_append_cstr(b, digits);
        } else {
            string_builder_append_cstr(b, "null");
        }
    } else if (value_is_object(v) && !ops_is_callable(v)) {
        int is_array = ops_is_array(ts, v);
        if (is_array < 0) return -1;
        return serialize_container(s, v, key, in_array, is_array);
    } else {
        return 0;   // undefined, symbols and functions
    }
    return b->failed ? -1 : 1;
}

// The replacer list of §24.5.2 step 4.b: strings and numbers (or their wrappers), deduplicated.
static Values *property_list_from(ThreadState *ts, Value replacer) {
    int64_t length = ops_length_of_array_like(ts, replacer);
    if (length < 0) return NULL;
    Values *list = values_new(ts, 8);
    for (int64_t i = 0; list && i < length; i++) {
        Value v = object_get(ts, replacer, property_key_from_index((uint32_t)i));
        if (value_is_exception(v)) return NULL;
        CellType type = value_cell_type(v);
        if (!value_is_string(v) && !value_is_number(v) && type != CELL_STRING_OBJECT && type != CELL_NUMBER_OBJECT)
            continue;
        Value item = ops_to_string(ts, v);
        if (value_is_exception(item)) return NULL;
        bool seen = false;
        for (uint32_t j = 0; j < list->count && !seen; j++) seen = ops_strict_equals(list->items[j], item);
        if (!seen) list = values_push(ts, list, item);
    }
    return list;
}

// The gap string from `space` (§24.5.2 steps 5-8).
static Value gap_from(ThreadState *ts, Value space) {
    if (value_cell_type(space) == CELL_NUMBER_OBJECT) {
        double d;
        if (!ops_to_number(ts, space, &d)) return JS_EXCEPTION;
        space = value_from_number(d);
    } else if (value_cell_type(space) == CELL_STRING_OBJECT) {
        space = ops_to_string(ts, space);
        if (value_is_exception(space)) return JS_EXCEPTION;
    }
    if (value_is_number(space)) {
        double d;
        if (!ops_to_integer(ts, space, &d)) return JS_EXCEPTION;
        int n = d > 10 ? 10 : d < 1 ? 0 : (int)d;
        return string_from_latin1(ts, (const uint8_t *)"          ", (size_t)n);
    }
    if (value_is_string(space))
        return string_length(space) <= 10 ? space : string_substring(ts, space, 0, 10);
    return string_empty(ts);
}

// JSON.stringify (§24.5.2): output goes straight into one StringBuilder; members whose value
// turns out undefined are rolled back by resetting the builder's length.
static Value JSON_stringify(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Stringifier s = {0};
    s.ts = ts;
    s.replacer = JS_UNDEFINED;
    Value replacer = builtin_arg(args, argc, 1);
    if (ops_is_callable(replacer)) {
        s.replacer = replacer;
    } else {
        int is_array = ops_is_array(ts, replacer);
        if (is_array < 0) return JS_EXCEPTION;
        if (is_array && !(s.property_list = property_list_from(ts, replacer))) return JS_EXCEPTION;
    }
    s.gap = gap_from(ts, builtin_arg(args, argc, 2));
    if (value_is_exception(s.gap)) return JS_EXCEPTION;
    s.stack = values_new(ts, 16);
    Value wrapper = object_new_plain(ts);
    Value empty = string_empty(ts);
    if (!s.stack || value_is_exception(wrapper) || value_is_exception(empty)) return JS_EXCEPTION;
    PropKey root_key = atom_from_string(ts, empty);
    Value v = builtin_arg(args, argc, 0);
    if (value_is_exception(root_key) || object_define_value(ts, wrapper, root_key, v, PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    string_builder_init(&s.out, ts);
    int written = serialize_property(&s, wrapper, root_key, v, false);
    if (written <= 0) {
        string_builder_discard(&s.out);
        return written < 0 ? JS_EXCEPTION : JS_UNDEFINED;
    }
    return string_builder_finish(&s.out);
}

static const BuiltinEntry json_table[] = {
    BUILTIN_FN("parse", JSON_parse, 2),
    BUILTIN_FN("stringify", JSON_stringify, 3),
    BUILTIN_STRING("@@toStringTag", "JSON", PROP_CONFIGURABLE),
};

bool builtins_install_json(ThreadState *ts) {
    Value json = object_new_plain(ts);
    return !value_is_exception(json) && builtins_install_table(ts, json, json_table, BUILTIN_COUNT(json_table)) &&
           builtins_define_global(ts, "JSON", json);
}
