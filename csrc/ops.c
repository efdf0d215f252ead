/*
 * ops.c — the abstract operations of ES2020 §7 and the generic operators (ops.h).
 * Every coercion in the core lives here once; natives and the interpreter's slow paths call in.
 * Must not know object layouts beyond object.h: property access goes through object.c, calls
 * through interp.c. Error messages follow V8's wording so that corpus output matches node.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"
#include "bigint.h"
#include "builtins/proxy.h"
#include "ieee754.h"
#include "atomics.h"
#include "errors.h"
#include "interp.h"
#include "jsstring.h"
#include "number.h"

// Smallest integers whose strings the runtime caches (ops_number_to_string).
#define NUMBER_STRING_CACHE_SIZE 1024

// ---- strings without allocation (for the ts-less equality operators) ----

// The flat String behind a string Value, or NULL for an unflattened rope.
static const String *flat_or_null(Value s) {
    Cell *cell = value_to_cell(s);
    if (cell->type == CELL_STRING) return (const String *)cell;
    Value flat = load_acquire(&((Rope *)cell)->flat);
    if (flat != JS_UNDEFINED && flat != 0) return (const String *)value_to_cell(flat);
    return NULL;
}

// Walks the leaves of a rope left to right with an explicit stack, so that comparing two
// strings never flattens (flattening allocates, and the equality operators take no ts).
typedef struct LeafCursor {
    Value inline_stack[48];
    Value *stack;
    size_t depth, capacity;
    const String *leaf;
    uint32_t position;
} LeafCursor;

static bool cursor_push(LeafCursor *c, Value v) {
    if (c->depth == c->capacity) {
        size_t capacity = c->capacity * 2;
        Value *grown = malloc(capacity * sizeof(Value));
        if (!grown) return false;
        memcpy(grown, c->stack, c->depth * sizeof(Value));
        if (c->stack != c->inline_stack) free(c->stack);
        c->stack = grown;
        c->capacity = capacity;
    }
    c->stack[c->depth++] = v;
    return true;
}

// Advances to the next non-empty leaf; false at the end (or if memory ran out).
static bool cursor_next_leaf(LeafCursor *c) {
    while (c->depth > 0) {
        Value v = c->stack[--c->depth];
        const String *flat = flat_or_null(v);
        if (flat) {
            if (flat->length == 0) continue;
            c->leaf = flat;
            c->position = 0;
            return true;
        }
        Rope *rope = value_to_cell(v);
        Value left = load_acquire(&rope->left), right = load_acquire(&rope->right);
        if (left == JS_UNDEFINED || right == JS_UNDEFINED) {
            // Another thread flattened it meanwhile and dropped the children, which happens only
            // after flat is published [STR-2]: take the flat string instead.
            c->stack[c->depth++] = v;   // popped above, so there is room
            continue;
        }
        if (!cursor_push(c, right) || !cursor_push(c, left)) return false;
    }
    c->leaf = NULL;
    return false;
}

static void cursor_init(LeafCursor *c, Value s) {
    c->stack = c->inline_stack;
    c->capacity = sizeof c->inline_stack / sizeof c->inline_stack[0];
    c->depth = 0;
    c->leaf = NULL;
    cursor_push(c, s);
    cursor_next_leaf(c);
}

static void cursor_free(LeafCursor *c) {
    if (c->stack != c->inline_stack) free(c->stack);
}

static bool flat_equal(const String *a, const String *b) {
    uint32_t n = a->length;
    bool wide_a = a->header.flags & STRING_WIDE, wide_b = b->header.flags & STRING_WIDE;
    if (!wide_a && !wide_b) return memcmp(a->chars.latin1, b->chars.latin1, n) == 0;
    if (wide_a && wide_b) return memcmp(a->chars.wide, b->chars.wide, n * 2u) == 0;
    for (uint32_t i = 0; i < n; i++)
        if (string_char_at(a, i) != string_char_at(b, i)) return false;
    return true;
}

static bool strings_equal_no_alloc(Value a, Value b) {
    if (a == b) return true;
    if (string_length(a) != string_length(b)) return false;
    Cell *ca = value_to_cell(a), *cb = value_to_cell(b);
    // Two distinct atoms are never equal [STR-3].
    if (ca->type == CELL_STRING && cb->type == CELL_STRING && (ca->flags & STRING_ATOM) &&
        (cb->flags & STRING_ATOM))
        return false;
    const String *fa = flat_or_null(a), *fb = flat_or_null(b);
    if (fa && fb) {
        if ((fa->header.flags & STRING_HASHED) && (fb->header.flags & STRING_HASHED) &&
            fa->hash != fb->hash)
            return false;
        return flat_equal(fa, fb);
    }
    LeafCursor x, y;
    cursor_init(&x, a);
    cursor_init(&y, b);
    bool equal = true;
    while (x.leaf && y.leaf) {
        if (string_char_at(x.leaf, x.position) != string_char_at(y.leaf, y.position)) {
            equal = false;
            break;
        }
        if (++x.position == x.leaf->length) cursor_next_leaf(&x);
        if (++y.position == y.leaf->length) cursor_next_leaf(&y);
    }
    if (equal && (x.leaf || y.leaf)) equal = false;   // only when memory ran out mid-walk
    cursor_free(&x);
    cursor_free(&y);
    return equal;
}

// ---- conversions ----

static Value call_to_primitive_method(ThreadState *ts, Value obj, PropKey name) {
    Value method = object_get(ts, obj, name);
    if (value_is_exception(method)) return JS_EXCEPTION;
    if (!ops_is_callable(method)) return JS_HOLE;
    Value result = interp_call(ts, method, obj, NULL, 0);
    if (value_is_exception(result)) return JS_EXCEPTION;
    return value_is_object(result) ? JS_HOLE : result;
}

Value ops_to_primitive(ThreadState *ts, Value v, PrimitiveHint hint) {
    if (!value_is_object(v)) return v;
    Value exotic = ops_get_method(ts, v, SYMBOL(ts, toPrimitive));
    if (value_is_exception(exotic)) return JS_EXCEPTION;
    if (!value_is_undefined(exotic)) {
        const char *names[] = {"default", "number", "string"};
        Value hint_string = string_from_cstr(ts, names[hint]);
        if (value_is_exception(hint_string)) return JS_EXCEPTION;
        Value result = interp_call(ts, exotic, v, &hint_string, 1);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (value_is_object(result))
            return error_throw_type(ts, "Cannot convert object to primitive value");
        return result;
    }
    // OrdinaryToPrimitive (§7.1.1.1).
    PropKey first = hint == HINT_STRING ? ATOM(ts, toString) : ATOM(ts, valueOf);
    PropKey second = hint == HINT_STRING ? ATOM(ts, valueOf) : ATOM(ts, toString);
    Value result = call_to_primitive_method(ts, v, first);
    if (result == JS_HOLE) result = call_to_primitive_method(ts, v, second);
    if (result == JS_HOLE) return error_throw_type(ts, "Cannot convert object to primitive value");
    return result;
}

// ToBoolean (§7.1.2): only 0, -0, NaN, "", null, undefined and false are falsy.
bool ops_to_boolean(Value v) {
    if (value_is_int(v)) return value_to_int(v) != 0;
    if (value_is_number(v)) {
        double d = value_to_double_raw(v);
        return d == d && d != 0;
    }
    if (value_is_bool(v)) return v == JS_TRUE;
    if (value_is_nullish(v)) return false;
    if (value_is_string(v)) return string_length(v) != 0;
    if (value_is_bigint(v)) return !bigint_is_zero(v);
    return true;   // symbols and objects
}

// StringToNumber over a String Value.
static bool string_to_number(ThreadState *ts, Value s, double *out) {
    String *flat = string_flatten(ts, s);
    if (!flat) return false;
    uint32_t n = flat->length;
    if (flat->header.flags & STRING_WIDE) {
        *out = number_from_string(flat->chars.wide, n);
        return true;
    }
    // Short all-digit strings are common (array indexes from user input): skip the widening.
    if (n > 0 && n <= 9) {
        int64_t acc = 0;
        uint32_t i = 0;
        for (; i < n && flat->chars.latin1[i] >= '0' && flat->chars.latin1[i] <= '9'; i++)
            acc = acc * 10 + (flat->chars.latin1[i] - '0');
        if (i == n) {
            *out = (double)acc;
            return true;
        }
    }
    uint16_t inline_buffer[64];
    uint16_t *wide = n <= 64 ? inline_buffer : malloc(n * sizeof(uint16_t));
    if (!wide) {
        error_throw_out_of_memory(ts);
        return false;
    }
    for (uint32_t i = 0; i < n; i++) wide[i] = flat->chars.latin1[i];
    *out = number_from_string(wide, n);
    if (wide != inline_buffer) free(wide);
    return true;
}

// ToNumber (§7.1.4). Objects convert through ToPrimitive(number) and go round the loop once more.
bool ops_to_number(ThreadState *ts, Value v, double *out) {
    for (;;) {
        if (value_is_int(v)) {
            *out = value_to_int(v);
            return true;
        }
        if (value_is_number(v)) {
            *out = value_to_double_raw(v);
            return true;
        }
        if (value_is_undefined(v)) {
            *out = NAN;
            return true;
        }
        if (value_is_null(v) || v == JS_FALSE) {
            *out = 0;
            return true;
        }
        if (v == JS_TRUE) {
            *out = 1;
            return true;
        }
        if (value_is_string(v)) return string_to_number(ts, v, out);
        if (value_is_symbol(v)) {
            error_throw_type(ts, "Cannot convert a Symbol value to a number");
            return false;
        }
        if (value_is_bigint(v)) {
            error_throw_type(ts, "Cannot convert a BigInt value to a number");
            return false;
        }
        v = ops_to_primitive(ts, v, HINT_NUMBER);
        if (value_is_exception(v)) return false;
    }
}

// ToNumeric (§7.1.3): a Number or a BigInt Value.
Value ops_to_numeric(ThreadState *ts, Value v) {
    if (value_is_number(v) || value_is_bigint(v)) return v;
    Value prim = ops_to_primitive(ts, v, HINT_NUMBER);
    if (value_is_exception(prim)) return JS_EXCEPTION;
    if (value_is_bigint(prim)) return prim;
    double d;
    if (!ops_to_number(ts, prim, &d)) return JS_EXCEPTION;
    return value_from_number(d);
}

// ToInt32's modular step (§7.1.6): truncate, reduce modulo 2^32, reinterpret as signed.
int32_t ops_double_to_int32(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) return (int32_t)d;   // truncates toward zero
    if (!isfinite(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

bool ops_to_int32(ThreadState *ts, Value v, int32_t *out) {
    if (value_is_int(v)) {
        *out = value_to_int(v);
        return true;
    }
    double d;
    if (!ops_to_number(ts, v, &d)) return false;
    *out = ops_double_to_int32(d);
    return true;
}

bool ops_to_uint32(ThreadState *ts, Value v, uint32_t *out) {
    int32_t i;
    if (!ops_to_int32(ts, v, &i)) return false;
    *out = (uint32_t)i;
    return true;
}

// ToIntegerOrInfinity: NaN becomes 0, infinities stay.
bool ops_to_integer(ThreadState *ts, Value v, double *out) {
    if (value_is_int(v)) {
        *out = value_to_int(v);
        return true;
    }
    double d;
    if (!ops_to_number(ts, v, &d)) return false;
    if (d != d) d = 0;
    d = trunc(d);
    *out = d == 0 ? 0 : d;   // never -0
    return true;
}

// ToLength (§7.1.20): clamps to [0, 2^53 - 1].
bool ops_to_length(ThreadState *ts, Value v, double *out) {
    double d;
    if (!ops_to_integer(ts, v, &d)) return false;
    if (d <= 0) d = 0;
    if (d > 9007199254740991.0) d = 9007199254740991.0;
    *out = d;
    return true;
}

// ToIndex (§7.1.22), for buffer offsets and lengths.
bool ops_to_index(ThreadState *ts, Value v, double *out) {
    if (value_is_undefined(v)) {
        *out = 0;
        return true;
    }
    double d;
    if (!ops_to_integer(ts, v, &d)) return false;
    if (d < 0 || d > 9007199254740991.0) {
        error_throw_range(ts, "Invalid index");
        return false;
    }
    *out = d;
    return true;
}

// Number::toString (§6.1.6.1.20). Integers below NUMBER_STRING_CACHE_SIZE are interned per runtime
// because loops that build keys or join indexes convert the same small numbers over and over.
Value ops_number_to_string(ThreadState *ts, double d) {
    Values *cache = NULL;
    int32_t small = -1;
    if (d >= 0 && d < NUMBER_STRING_CACHE_SIZE && d == (int32_t)d) {
        small = (int32_t)d;   // -0 lands here too: its string is "0"
        Value cell = realm_intrinsic(ts, INTRINSIC_NUMBER_STRING_CACHE);
        if (cell != 0 && value_is_cell(cell)) {
            cache = value_to_cell(cell);
            Value hit = load_acquire(&cache->items[small]);
            if (value_is_string(hit)) return hit;
        }
    }
    char buffer[NUMBER_BUF_SIZE];
    int length = number_to_string(d, buffer);
    Value s = string_from_latin1(ts, (const uint8_t *)buffer, (size_t)length);
    // Racing threads may both fill a slot; either string is correct (Java-like races, OM-*).
    if (cache && !value_is_exception(s)) store_release(&cache->items[small], s);
    return s;
}

// ToString (§7.1.17); symbols refuse, objects go through ToPrimitive(string).
Value ops_to_string(ThreadState *ts, Value v) {
    for (;;) {
        if (value_is_string(v)) return v;
        if (value_is_int(v)) {
            int32_t i = value_to_int(v);
            return ops_number_to_string(ts, (double)i);
        }
        if (value_is_number(v)) return ops_number_to_string(ts, value_to_double_raw(v));
        switch (v) {
        case JS_UNDEFINED: return ATOM(ts, undefined);
        case JS_NULL: return ATOM(ts, null);
        case JS_TRUE: return ATOM(ts, true);
        case JS_FALSE: return ATOM(ts, false);
        default: break;
        }
        if (value_is_symbol(v)) return error_throw_type(ts, "Cannot convert a Symbol value to a string");
        if (value_is_bigint(v)) return bigint_to_string(ts, v, 10);
        v = ops_to_primitive(ts, v, HINT_STRING);
        if (value_is_exception(v)) return JS_EXCEPTION;
    }
}

// The wrapper object for a primitive (ToObject); strings get their own `length` (StringCreate).
static Value wrap_primitive(ThreadState *ts, CellType type, Intrinsic prototype, Value primitive) {
    PrimitiveObject *o =
        object_alloc(ts, sizeof(PrimitiveObject), type, realm_intrinsic(ts, prototype));
    if (!o) return JS_EXCEPTION;
    o->primitive = primitive;
    Value wrapper = value_from_cell(o);
    if (type == CELL_STRING_OBJECT &&
        object_define_value(ts, wrapper, ATOM(ts, length),
                            value_from_number(string_length(primitive)), 0) < 0)
        return JS_EXCEPTION;
    return wrapper;
}

// ToObject (§7.1.18): primitives get a fresh wrapper with the realm's prototype.
Value ops_to_object(ThreadState *ts, Value v) {
    if (value_is_object(v)) return v;
    if (value_is_nullish(v)) return error_throw_type(ts, "Cannot convert undefined or null to object");
    if (value_is_bool(v)) return wrap_primitive(ts, CELL_BOOLEAN_OBJECT, INTRINSIC_BOOLEAN_PROTOTYPE, v);
    if (value_is_number(v)) return wrap_primitive(ts, CELL_NUMBER_OBJECT, INTRINSIC_NUMBER_PROTOTYPE, v);
    if (value_is_string(v)) return wrap_primitive(ts, CELL_STRING_OBJECT, INTRINSIC_STRING_PROTOTYPE, v);
    if (value_is_bigint(v)) return wrap_primitive(ts, CELL_BIGINT_OBJECT, INTRINSIC_BIGINT_PROTOTYPE, v);
    return wrap_primitive(ts, CELL_SYMBOL_OBJECT, INTRINSIC_SYMBOL_PROTOTYPE, v);
}

// ---- operators ----

// The + operator (§12.8.3.1): ToPrimitive both (default hint), then concatenate if either
// is a string, else add numbers. The all-number and all-string cases skip the conversions.
Value ops_add(ThreadState *ts, Value a, Value b) {
    if (value_is_number(a) && value_is_number(b))
        return value_from_number(value_to_number(a) + value_to_number(b));
    if (value_is_string(a) && value_is_string(b)) return string_concat(ts, a, b);
    Value left = ops_to_primitive(ts, a, HINT_DEFAULT);
    if (value_is_exception(left)) return JS_EXCEPTION;
    Value right = ops_to_primitive(ts, b, HINT_DEFAULT);
    if (value_is_exception(right)) return JS_EXCEPTION;
    if (value_is_string(left) || value_is_string(right)) {
        left = ops_to_string(ts, left);
        if (value_is_exception(left)) return JS_EXCEPTION;
        right = ops_to_string(ts, right);
        if (value_is_exception(right)) return JS_EXCEPTION;
        return string_concat(ts, left, right);
    }
    return ops_arithmetic(ts, (ArithOp)BIGINT_OP_ADD, left, right);
}

static Value mixed_bigint(ThreadState *ts) {
    return error_throw_type(ts, "Cannot mix BigInt and other types, use explicit conversions");
}

// Number::exponentiate (§6.1.6.1.3): C's pow differs for NaN exponents and |base| = 1.
static double js_pow(double x, double y) {
    if (y != y) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && isinf(y)) return NAN;
    return ieee754_pow(x, y);   // the same routine as Math.pow, so 2 ** y === Math.pow(2, y)
}

// ApplyStringOrNumericBinaryOperator for everything except +: both operands are converted
// left to right before the operation, so a throwing valueOf on the right still runs after the left.
// BigInt operands go to bigint_binary; mixing a BigInt with a Number is a TypeError (§6.1.6).
Value ops_arithmetic(ThreadState *ts, ArithOp op, Value a, Value b) {
    a = ops_to_numeric(ts, a);
    if (value_is_exception(a)) return JS_EXCEPTION;
    b = ops_to_numeric(ts, b);
    if (value_is_exception(b)) return JS_EXCEPTION;
    if (value_is_bigint(a) || value_is_bigint(b)) {
        if (!value_is_bigint(a) || !value_is_bigint(b)) return mixed_bigint(ts);
        return bigint_binary(ts, (int)op, a, b);
    }
    double x = value_to_number(a), y = value_to_number(b);
    switch ((int)op) {
    case BIGINT_OP_ADD: return value_from_number(x + y);
    case ARITH_SUB: return value_from_number(x - y);
    case ARITH_MUL: return value_from_number(x * y);
    case ARITH_DIV: return value_from_number(x / y);
    case ARITH_MOD: return value_from_number(fmod(x, y));   // sign of the dividend, as JS wants
    case ARITH_EXP: return value_from_number(js_pow(x, y));
    default: break;
    }
    int32_t i = ops_double_to_int32(x), j = ops_double_to_int32(y);
    switch (op) {
    case ARITH_BIT_AND: return value_from_int(i & j);
    case ARITH_BIT_OR: return value_from_int(i | j);
    case ARITH_BIT_XOR: return value_from_int(i ^ j);
    case ARITH_SHL: return value_from_int((int32_t)((uint32_t)i << (j & 31)));
    case ARITH_SAR: return value_from_int(i >> (j & 31));
    case ARITH_SHR: return value_from_number((double)((uint32_t)i >> (j & 31)));
    default: return value_from_number(NAN);
    }
}

// IsStrictlyEqual (§7.2.15): numbers by value (+0 === -0, NaN !== NaN), strings by content.
bool ops_strict_equals(Value a, Value b) {
    if (value_is_number(a) && value_is_number(b)) {
        if (value_is_int(a) && value_is_int(b)) return a == b;
        return value_to_number(a) == value_to_number(b);
    }
    if (a == b) return true;
    if (value_is_string(a) && value_is_string(b)) return strings_equal_no_alloc(a, b);
    if (value_is_bigint(a) && value_is_bigint(b)) return bigint_equals(a, b);
    return false;
}

// SameValueZero (§7.2.11): like === except that NaN equals NaN (Map keys, includes).
bool ops_same_value_zero(Value a, Value b) {
    if (value_is_number(a) && value_is_number(b)) {
        double x = value_to_number(a), y = value_to_number(b);
        return x == y || (x != x && y != y);
    }
    return ops_strict_equals(a, b);
}

// SameValue (§7.2.10): Object.is; NaN equals NaN and +0 differs from -0.
bool ops_same_value(Value a, Value b) {
    if (value_is_number(a) && value_is_number(b)) {
        double x = value_to_number(a), y = value_to_number(b);
        if (x != x) return y != y;
        return x == y && signbit(x) == signbit(y);
    }
    return ops_strict_equals(a, b);
}

// IsLooselyEqual (§7.2.14), iterating instead of recursing on the converted operands.
int ops_loose_equals(ThreadState *ts, Value a, Value b) {
    for (;;) {
        if (value_is_number(a) && value_is_number(b)) return value_to_number(a) == value_to_number(b);
        if (value_is_string(a) && value_is_string(b)) return strings_equal_no_alloc(a, b);
        if (value_is_nullish(a) && value_is_nullish(b)) return 1;
        if (value_is_nullish(a) || value_is_nullish(b)) return 0;
        if (value_is_bool(a) && value_is_bool(b)) return a == b;
        if (value_is_symbol(a) && value_is_symbol(b)) return a == b;
        if (value_is_object(a) && value_is_object(b)) return a == b;
        if (value_is_bigint(a) && value_is_bigint(b)) return bigint_equals(a, b);
        // BigInt against Number compares exact values; against String, parses (§7.2.14 6-13).
        if (value_is_bigint(a) && value_is_number(b)) return bigint_compare_number(a, value_to_number(b)) == 0;
        if (value_is_number(a) && value_is_bigint(b)) return bigint_compare_number(b, value_to_number(a)) == 0;
        if (value_is_bigint(a) && value_is_string(b)) {
            Value n = bigint_from_string(ts, b);
            if (value_is_exception(n)) return -1;
            return n != JS_HOLE && bigint_equals(a, n);
        }
        if (value_is_string(a) && value_is_bigint(b)) {
            Value n = bigint_from_string(ts, a);
            if (value_is_exception(n)) return -1;
            return n != JS_HOLE && bigint_equals(n, b);
        }
        // Mixed types: convert one step toward numbers (§7.2.14 steps 6-11).
        double d;
        if (value_is_number(a) && value_is_string(b)) {
            if (!ops_to_number(ts, b, &d)) return -1;
            return value_to_number(a) == d;
        }
        if (value_is_string(a) && value_is_number(b)) {
            if (!ops_to_number(ts, a, &d)) return -1;
            return d == value_to_number(b);
        }
        if (value_is_bool(a)) {
            a = value_from_int(a == JS_TRUE);
            continue;
        }
        if (value_is_bool(b)) {
            b = value_from_int(b == JS_TRUE);
            continue;
        }
        if (value_is_object(b) && !value_is_object(a)) {
            b = ops_to_primitive(ts, b, HINT_DEFAULT);
            if (value_is_exception(b)) return -1;
            continue;
        }
        if (value_is_object(a) && !value_is_object(b)) {
            a = ops_to_primitive(ts, a, HINT_DEFAULT);
            if (value_is_exception(a)) return -1;
            continue;
        }
        return 0;   // a symbol against a number or string
    }
}

// IsLessThan (§7.2.13). left_first keeps the source order of the ToPrimitive calls when the
// interpreter evaluates a > b as b < a.
int ops_less_than(ThreadState *ts, Value a, Value b, bool left_first) {
    if (value_is_int(a) && value_is_int(b)) return value_to_int(a) < value_to_int(b);
    Value px, py;
    if (left_first) {
        px = ops_to_primitive(ts, a, HINT_NUMBER);
        if (value_is_exception(px)) return -1;
        py = ops_to_primitive(ts, b, HINT_NUMBER);
        if (value_is_exception(py)) return -1;
    } else {
        py = ops_to_primitive(ts, b, HINT_NUMBER);
        if (value_is_exception(py)) return -1;
        px = ops_to_primitive(ts, a, HINT_NUMBER);
        if (value_is_exception(px)) return -1;
    }
    if (value_is_string(px) && value_is_string(py)) return string_compare(ts, px, py) < 0;
    // A BigInt against a String parses the string; one that is not an integer is "undefined".
    if (value_is_bigint(px) && value_is_string(py)) {
        py = bigint_from_string(ts, py);
        if (value_is_exception(py)) return -1;
        if (py == JS_HOLE) return 2;
    } else if (value_is_string(px) && value_is_bigint(py)) {
        px = bigint_from_string(ts, px);
        if (value_is_exception(px)) return -1;
        if (px == JS_HOLE) return 2;
    }
    px = ops_to_numeric(ts, px);
    if (value_is_exception(px)) return -1;
    py = ops_to_numeric(ts, py);
    if (value_is_exception(py)) return -1;
    if (value_is_bigint(px) && value_is_bigint(py)) return bigint_compare(px, py) < 0;
    if (value_is_bigint(px)) {
        int c = bigint_compare_number(px, value_to_number(py));
        return c == 2 ? 2 : c < 0;
    }
    if (value_is_bigint(py)) {
        int c = bigint_compare_number(py, value_to_number(px));
        return c == 2 ? 2 : c > 0;
    }
    double x = value_to_number(px), y = value_to_number(py);
    if (x != x || y != y) return 2;
    return x < y;
}

// typeof (§12.5.5): every result is a common atom, so no allocation.
Value ops_typeof(ThreadState *ts, Value v) {
    if (value_is_number(v)) return ATOM(ts, number);
    if (value_is_undefined(v)) return ATOM(ts, undefined);
    if (value_is_null(v)) return ATOM(ts, object);
    if (value_is_bool(v)) return ATOM(ts, boolean);
    if (value_is_string(v)) return ATOM(ts, string);
    if (value_is_symbol(v)) return ATOM(ts, symbol);
    if (value_is_bigint(v)) return ATOM(ts, bigint);
    return ops_is_callable(v) ? ATOM(ts, function) : ATOM(ts, object);
}

bool ops_is_callable(Value v) {
    CellType type = value_cell_type(v);
    return type == CELL_FUNCTION || type == CELL_NATIVE_FUNCTION || type == CELL_BOUND_FUNCTION ||
           proxy_is_callable(v);
}

bool ops_is_constructor(Value v) {
    for (;;) {
        switch (value_cell_type(v)) {
        case CELL_FUNCTION: return function_is_constructor(v);
        case CELL_NATIVE_FUNCTION:
            return (((NativeFunction *)value_to_cell(v))->flags & NATIVE_CONSTRUCTOR) != 0;
        case CELL_BOUND_FUNCTION: v = ((BoundFunction *)value_to_cell(v))->target; break;
        case CELL_PROXY: return proxy_is_constructor(v);   // fixed at creation [OM-P3]
        default: return false;
        }
    }
}

// IsArray (§7.2.2): a proxy answers for its target, or throws once revoked.
int ops_is_array(ThreadState *ts, Value v) {
    if (value_cell_type(v) == CELL_PROXY) return proxy_is_array(ts, v);
    return value_cell_type(v) == CELL_ARRAY;
}

// OrdinaryHasInstance (§7.3.19): bound functions defer to their target; otherwise walk v's
// prototype chain looking for constructor.prototype.
int ops_ordinary_has_instance(ThreadState *ts, Value constructor, Value v) {
    if (!ops_is_callable(constructor)) return 0;
    if (value_cell_type(constructor) == CELL_BOUND_FUNCTION)
        return ops_instance_of(ts, v, ((BoundFunction *)value_to_cell(constructor))->target);
    if (!value_is_object(v)) return 0;
    Value prototype = object_get(ts, constructor, ATOM(ts, prototype));
    if (value_is_exception(prototype)) return -1;
    if (!value_is_object(prototype)) {
        error_throw_type(ts, "Function has non-object prototype '%V' in instanceof check", prototype);
        return -1;
    }
    for (;;) {
        v = object_get_prototype_of(ts, v);
        if (value_is_exception(v)) return -1;
        if (value_is_null(v)) return 0;
        if (v == prototype) return 1;
    }
}

// InstanceofOperator (§12.10.4): @@hasInstance first, then OrdinaryHasInstance.
int ops_instance_of(ThreadState *ts, Value v, Value target) {
    if (!value_is_object(target)) {
        error_throw_type(ts, "Right-hand side of 'instanceof' is not an object");
        return -1;
    }
    Value handler = ops_get_method(ts, target, SYMBOL(ts, hasInstance));
    if (value_is_exception(handler)) return -1;
    if (!value_is_undefined(handler)) {
        Value result = interp_call(ts, handler, target, &v, 1);
        if (value_is_exception(result)) return -1;
        return ops_to_boolean(result);
    }
    if (!ops_is_callable(target)) {
        error_throw_type(ts, "Right-hand side of 'instanceof' is not callable");
        return -1;
    }
    return ops_ordinary_has_instance(ts, target, v);
}

// ---- property access on any value ----

static Intrinsic primitive_prototype(Value v) {
    if (value_is_number(v)) return INTRINSIC_NUMBER_PROTOTYPE;
    if (value_is_bool(v)) return INTRINSIC_BOOLEAN_PROTOTYPE;
    if (value_is_string(v)) return INTRINSIC_STRING_PROTOTYPE;
    if (value_is_bigint(v)) return INTRINSIC_BIGINT_PROTOTYPE;
    return INTRINSIC_SYMBOL_PROTOTYPE;
}

// A string's own properties: its indexes and `length` (the String exotic object, §9.4.3).
static Value string_own_property(ThreadState *ts, Value s, PropKey key) {
    if (property_key_is_index(key)) {
        uint32_t index = property_key_index(key);
        if (index >= string_length(s)) return JS_HOLE;
        String *flat = string_flatten(ts, s);
        if (!flat) return JS_EXCEPTION;
        return string_from_char_code(ts, string_char_at(flat, index));
    }
    if (key == ATOM(ts, length)) return value_from_int((int32_t)string_length(s));
    return JS_HOLE;
}

Value ops_get(ThreadState *ts, Value base, PropKey key) {
    if (value_is_object(base)) return object_get(ts, base, key);
    if (value_is_nullish(base))
        return error_throw_type(ts, "Cannot read properties of %s (reading '%K')",
                                value_is_null(base) ? "null" : "undefined", key);
    if (value_is_string(base)) {
        Value own = string_own_property(ts, base, key);
        if (own != JS_HOLE) return own;
    }
    return object_get_with_receiver(ts, realm_intrinsic(ts, primitive_prototype(base)), key, base);
}

Value ops_get_by_value(ThreadState *ts, Value base, Value key) {
    // s[i] on a string is common enough to skip the key conversion.
    if (value_is_string(base) && value_is_int(key) && value_to_int(key) >= 0 &&
        (uint32_t)value_to_int(key) < string_length(base)) {
        String *flat = string_flatten(ts, base);
        if (!flat) return JS_EXCEPTION;
        return string_from_char_code(ts, string_char_at(flat, (uint32_t)value_to_int(key)));
    }
    PropKey k = property_key_from_value(ts, key);
    if (value_is_exception(k)) return JS_EXCEPTION;
    return ops_get(ts, base, k);
}

// [[Set]] with a primitive receiver (§9.1.9.2): only a setter found on the prototype chain can
// do anything; everything else is a silent failure, or a TypeError in strict code.
static int set_on_primitive(ThreadState *ts, Value base, PropKey key, Value v, bool strict) {
    if (value_is_string(base) && string_own_property(ts, base, key) != JS_HOLE) {
        if (!strict) return 0;
        error_throw_type(ts, "Cannot assign to read only property '%K' of string '%V'", key, base);
        return -1;
    }
    Value holder = realm_intrinsic(ts, primitive_prototype(base));
    while (value_is_object(holder)) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, holder, key, &desc);
        if (found < 0) return -1;
        if (found) {
            if ((desc.attributes & PROP_ACCESSOR) && ops_is_callable(desc.setter)) {
                Value result = interp_call(ts, desc.setter, base, &v, 1);
                return value_is_exception(result) ? -1 : 1;
            }
            break;
        }
        holder = object_get_prototype_of(ts, holder);
        if (value_is_exception(holder)) return -1;
    }
    if (!strict) return 0;
    Value type = ops_typeof(ts, base);
    // error.c's %V does not know BigInts: show their digits, like V8.
    Value shown = value_is_bigint(base) ? bigint_to_string(ts, base, 10) : base;
    if (value_is_exception(shown)) return -1;
    error_throw_type(ts, "Cannot create property '%K' on %V '%V'", key, type, shown);
    return -1;
}

int ops_set(ThreadState *ts, Value base, PropKey key, Value v, bool strict) {
    if (value_is_object(base)) return object_set(ts, base, key, v, base, strict);
    if (value_is_nullish(base)) {
        error_throw_type(ts, "Cannot set properties of %s (setting '%K')",
                         value_is_null(base) ? "null" : "undefined", key);
        return -1;
    }
    return set_on_primitive(ts, base, key, v, strict);
}

int ops_set_by_value(ThreadState *ts, Value base, Value key, Value v, bool strict) {
    PropKey k = property_key_from_value(ts, key);
    if (value_is_exception(k)) return -1;
    return ops_set(ts, base, k, v, strict);
}

// GetMethod (§7.3.10): null and undefined mean absent; anything else must be callable.
Value ops_get_method(ThreadState *ts, Value v, PropKey key) {
    Value method = ops_get(ts, v, key);
    if (value_is_exception(method) || value_is_nullish(method)) {
        return value_is_exception(method) ? JS_EXCEPTION : JS_UNDEFINED;
    }
    if (!ops_is_callable(method)) return error_throw_type(ts, "%C is not a function", method);
    return method;
}

Value ops_get_cstr(ThreadState *ts, Value obj, const char *name) {
    Value key = atom_from_cstr(ts, name);
    if (value_is_exception(key)) return JS_EXCEPTION;
    return ops_get(ts, obj, key);
}

// LengthOfArrayLike (§7.3.18); real arrays skip the property lookup.
int64_t ops_length_of_array_like(ThreadState *ts, Value obj) {
    if (value_cell_type(obj) == CELL_ARRAY) return array_length(obj);
    Value length = ops_get(ts, obj, ATOM(ts, length));
    if (value_is_exception(length)) return -1;
    double d;
    if (!ops_to_length(ts, length, &d)) return -1;
    return (int64_t)d;
}

// SpeciesConstructor (§7.3.20).
Value ops_species_constructor(ThreadState *ts, Value obj, Value default_constructor) {
    Value constructor = object_get(ts, obj, ATOM(ts, constructor));
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    if (value_is_undefined(constructor)) return default_constructor;
    if (!value_is_object(constructor))
        return error_throw_type(ts, "object.constructor is not a constructor");
    Value species = object_get(ts, constructor, SYMBOL(ts, species));
    if (value_is_exception(species)) return JS_EXCEPTION;
    if (value_is_nullish(species)) return default_constructor;
    if (ops_is_constructor(species)) return species;
    return error_throw_type(ts, "object.constructor[Symbol.species] is not a constructor");
}

// Argument lists beyond this are refused rather than exhausting memory.
#define MAX_ARRAY_LIKE_LIST (1u << 24)

// CreateListFromArrayLike (§7.3.17) into a Values cell, so the GC sees the elements while the
// remaining getters run.
Value ops_create_list_from_array_like(ThreadState *ts, Value obj) {
    if (!value_is_object(obj)) return error_throw_type(ts, "CreateListFromArrayLike called on non-object");
    int64_t length = ops_length_of_array_like(ts, obj);
    if (length < 0) return JS_EXCEPTION;
    if (length > MAX_ARRAY_LIKE_LIST) return error_throw_range(ts, "Maximum call stack size exceeded");
    Values *list = values_new(ts, (uint32_t)length);
    if (!list) return JS_EXCEPTION;
    for (int64_t i = 0; i < length; i++) {
        Value item = ops_get(ts, obj, property_key_from_index((uint32_t)i));
        if (value_is_exception(item)) return JS_EXCEPTION;
        list = values_push(ts, list, item);
        if (!list) return JS_EXCEPTION;
    }
    return value_from_cell(list);
}

// ---- calls ----

Value ops_call_checked(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc,
                       const char *what) {
    if (!ops_is_callable(fn)) {
        if (what) return error_throw_type(ts, "%s is not a function", what);
        return error_throw_type(ts, "%C is not a function", fn);
    }
    return interp_call(ts, fn, this_value, args, argc);
}

Value ops_invoke(ThreadState *ts, Value v, PropKey key, const Value *args, int argc) {
    Value fn = ops_get(ts, v, key);
    if (value_is_exception(fn)) return JS_EXCEPTION;
    if (!ops_is_callable(fn)) return error_throw_type(ts, "%C is not a function", fn);
    return interp_call(ts, fn, v, args, argc);
}

// ---- iteration ----

// GetIterator (§7.4.1) with V8's messages for a missing or non-callable @@iterator.
bool ops_get_iterator(ThreadState *ts, Value v, IteratorRecord *out) {
    out->iterator = JS_UNDEFINED;
    out->next = JS_UNDEFINED;
    out->done = true;
    Value method = value_is_nullish(v) ? JS_UNDEFINED : ops_get(ts, v, SYMBOL(ts, iterator));
    if (value_is_exception(method)) return false;
    if (value_is_nullish(method)) {
        error_throw_type(ts, "%C is not iterable (cannot read property Symbol(Symbol.iterator))", v);
        return false;
    }
    if (!ops_is_callable(method)) {
        error_throw_type(ts, "%C is not iterable", v);
        return false;
    }
    Value iterator = interp_call(ts, method, v, NULL, 0);
    if (value_is_exception(iterator)) return false;
    if (!value_is_object(iterator)) {
        error_throw_type(ts, "Result of the Symbol.iterator method is not an object");
        return false;
    }
    Value next = object_get(ts, iterator, ATOM(ts, next));
    if (value_is_exception(next)) return false;
    out->iterator = iterator;
    out->next = next;
    out->done = false;
    return true;
}

// A record whose next() threw or finished is marked done, so ops_iterator_close skips it
// (§7.4: an iterator that completed abruptly itself is not closed).
Value ops_iterator_step(ThreadState *ts, IteratorRecord *it) {
    if (it->done) return JS_HOLE;
    Value result = ops_call_checked(ts, it->next, it->iterator, NULL, 0, NULL);
    if (value_is_exception(result)) {
        it->done = true;
        return JS_EXCEPTION;
    }
    if (!value_is_object(result)) {
        it->done = true;
        return error_throw_type(ts, "Iterator result %V is not an object", result);
    }
    Value done = object_get(ts, result, ATOM(ts, done));
    if (value_is_exception(done)) {
        it->done = true;
        return JS_EXCEPTION;
    }
    if (ops_to_boolean(done)) {
        it->done = true;
        return JS_HOLE;
    }
    Value value = object_get(ts, result, ATOM(ts, value));
    if (value_is_exception(value)) it->done = true;
    return value;
}

// IteratorClose (§7.4.6). With `throwing` the pending exception is the completion being
// propagated: it survives whatever return() does.
bool ops_iterator_close(ThreadState *ts, IteratorRecord *it, bool throwing) {
    if (it->done) return !throwing;
    it->done = true;
    Value saved = throwing ? error_take(ts) : JS_HOLE;
    Value method = ops_get_method(ts, it->iterator, ATOM(ts, return));
    Value result = JS_UNDEFINED;
    if (!value_is_exception(method) && !value_is_undefined(method))
        result = interp_call(ts, method, it->iterator, NULL, 0);
    if (throwing) {
        // The original exception wins over anything return() did (§7.4.6 step 6).
        ts->exception = saved;
        return false;
    }
    if (value_is_exception(method) || value_is_exception(result)) return false;
    if (!value_is_undefined(method) && !value_is_object(result)) {
        error_throw_type(ts, "Iterator result %V is not an object", result);
        return false;
    }
    return true;
}

Value ops_create_iter_result(ThreadState *ts, Value value, bool done) {
    Value result = object_new_plain(ts);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (object_define_value(ts, result, ATOM(ts, value), value, PROP_DEFAULT) < 0 ||
        object_define_value(ts, result, ATOM(ts, done), value_from_bool(done), PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    return result;
}
