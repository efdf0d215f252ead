/*
 * builtins/number.c — the Number constructor, its constants and predicates, and
 * Number.prototype (toString(radix), toFixed, toExponential, toPrecision, toLocaleString,
 * valueOf). Digits come from number.c; Number.parseFloat/parseInt are the global functions and
 * are attached by builtins/global.c.
 */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "../bigint.h"
#include "../number.h"

static Value Number_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value n = value_from_int(0);
    if (argc > 0) {
        n = ops_to_numeric(ts, args[0]);
        if (value_is_exception(n)) return JS_EXCEPTION;
        if (value_is_bigint(n)) n = value_from_number(bigint_to_double(n));   // Number(1n) is 1
    }
    if (value_is_undefined(ts->new_target)) return n;
    Value prototype = function_prototype_for(ts, ts->new_target, INTRINSIC_NUMBER_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    PrimitiveObject *o = object_alloc(ts, sizeof(PrimitiveObject), CELL_NUMBER_OBJECT, prototype);
    if (!o) return JS_EXCEPTION;
    o->primitive = n;
    return value_from_cell(o);
}

// isFinite (magic 0), isInteger (1), isNaN (2), isSafeInteger (3): no coercion (§20.1.2).
static Value Number_isFinite(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self;
    Value v = builtin_arg(args, argc, 0);
    if (!value_is_number(v)) return JS_FALSE;
    double d = value_to_number(v);
    switch (magic) {
    case 0: return value_from_bool(isfinite(d));
    case 1: return value_from_bool(isfinite(d) && trunc(d) == d);
    case 2: return value_from_bool(d != d);
    default: return value_from_bool(isfinite(d) && trunc(d) == d && fabs(d) <= 9007199254740991.0);
    }
}

// thisNumberValue (§20.1.3): a number or a Number wrapper.
static bool this_number_value(ThreadState *ts, Value self, const char *method, double *out) {
    if (value_is_number(self)) {
        *out = value_to_number(self);
        return true;
    }
    if (value_cell_type(self) == CELL_NUMBER_OBJECT) {
        *out = value_to_number(((PrimitiveObject *)value_to_cell(self))->primitive);
        return true;
    }
    error_throw_type(ts, "Number.prototype.%s requires that 'this' be a Number", method);
    return false;
}

static Value ascii_result(ThreadState *ts, const char *buffer, int length) {
    return string_from_latin1(ts, (const uint8_t *)buffer, (size_t)length);
}

static Value Number_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    double x;
    if (!this_number_value(ts, self, "toString", &x)) return JS_EXCEPTION;
    double radix = 10;
    Value r = builtin_arg(args, argc, 0);
    if (!value_is_undefined(r) && !ops_to_integer(ts, r, &radix)) return JS_EXCEPTION;
    if (radix < 2 || radix > 36) return error_throw_range(ts, "toString() radix argument must be between 2 and 36");
    if (radix == 10) return ops_number_to_string(ts, x);
    char *buffer = malloc(NUMBER_RADIX_BUF_SIZE);
    if (!buffer) return error_throw_out_of_memory(ts);
    int length = number_to_string_radix(x, (int)radix, buffer);
    Value result = ascii_result(ts, buffer, length);
    free(buffer);
    return result;
}

static Value Number_prototype_toFixed(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    double x, digits;
    if (!this_number_value(ts, self, "toFixed", &x)) return JS_EXCEPTION;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &digits)) return JS_EXCEPTION;
    if (digits < 0 || digits > 100)
        return error_throw_range(ts, "toFixed() digits argument must be between 0 and 100");
    if (!isfinite(x)) return ops_number_to_string(ts, x);
    char buffer[NUMBER_BUF_SIZE];
    return ascii_result(ts, buffer, number_to_fixed(x, (int)digits, buffer));
}

static Value Number_prototype_toExponential(ThreadState *ts, Value self, const Value *args, int argc,
                                            int magic) {
    (void)magic;
    double x, digits;
    if (!this_number_value(ts, self, "toExponential", &x)) return JS_EXCEPTION;
    Value f = builtin_arg(args, argc, 0);
    if (!ops_to_integer(ts, f, &digits)) return JS_EXCEPTION;
    if (!isfinite(x)) return ops_number_to_string(ts, x);
    if (digits < 0 || digits > 100)
        return error_throw_range(ts, "toExponential() argument must be between 0 and 100");
    char buffer[NUMBER_BUF_SIZE];
    int length = number_to_exponential(x, value_is_undefined(f) ? -1 : (int)digits, buffer);
    return ascii_result(ts, buffer, length);
}

static Value Number_prototype_toPrecision(ThreadState *ts, Value self, const Value *args, int argc,
                                          int magic) {
    (void)magic;
    double x, precision;
    if (!this_number_value(ts, self, "toPrecision", &x)) return JS_EXCEPTION;
    Value p = builtin_arg(args, argc, 0);
    if (value_is_undefined(p)) return ops_number_to_string(ts, x);
    if (!ops_to_integer(ts, p, &precision)) return JS_EXCEPTION;
    if (!isfinite(x)) return ops_number_to_string(ts, x);
    if (precision < 1 || precision > 100)
        return error_throw_range(ts, "toPrecision() argument must be between 1 and 100");
    char buffer[NUMBER_BUF_SIZE];
    return ascii_result(ts, buffer, number_to_precision(x, (int)precision, buffer));
}

/*
 * toLocaleString as ICU's en-US default formats: the shortest round-trip digits rounded half
 * away from zero to at most 3 fraction digits, trailing zeros dropped, "," every 3 integer
 * digits, "∞" for infinities. (No Intl: this is the only locale.)
 */
static Value Number_prototype_toLocaleString(ThreadState *ts, Value self, const Value *args, int argc,
                                             int magic) {
    (void)args, (void)argc, (void)magic;
    double x;
    if (!this_number_value(ts, self, "toLocaleString", &x)) return JS_EXCEPTION;
    if (x != x) return string_from_cstr(ts, "NaN");
    if (isinf(x)) return string_from_utf8(ts, x > 0 ? "\xe2\x88\x9e" : "-\xe2\x88\x9e", x > 0 ? 3 : 4);
    char exponential[NUMBER_BUF_SIZE];
    number_to_exponential(fabs(x), -1, exponential);
    // Split "d.ddde+N" into a digit string and the decimal exponent of its first digit.
    char digits[NUMBER_BUF_SIZE];
    int count = 0;
    const char *p = exponential;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[count++] = *p;
    int exponent = atoi(p + 1);
    // Digits at positions [0, exponent + 4) survive rounding to 3 fraction digits.
    int keep = exponent + 4;
    if (keep < 0) {
        count = 0;
    } else if (keep < count) {
        bool round_up = digits[keep] >= '5';
        count = keep;
        for (int i = count - 1; round_up && i >= 0; i--) {
            if (digits[i] == '9') {
                digits[i] = '0';
            } else {
                digits[i]++;
                round_up = false;
            }
        }
        if (round_up) {   // 999.9995 -> 1000: one more leading digit
            memmove(digits + 1, digits, (size_t)count);
            digits[0] = '1';
            count++;
            exponent++;
        }
    }
    // digits[k] now has place value 10^(exponent - k).
    char out[NUMBER_BUF_SIZE * 2];
    int n = 0;
    if (signbit(x)) out[n++] = '-';
    if (exponent < 0) out[n++] = '0';
    for (int place = exponent; place >= 0; place--) {
        int k = exponent - place;
        out[n++] = k < count ? digits[k] : '0';
        if (place > 0 && place % 3 == 0) out[n++] = ',';
    }
    char fraction[3];
    int fraction_count = 0;
    for (int j = 1; j <= 3; j++) {
        int k = exponent + j;
        fraction[fraction_count++] = k >= 0 && k < count ? digits[k] : '0';
    }
    while (fraction_count > 0 && fraction[fraction_count - 1] == '0') fraction_count--;
    if (fraction_count > 0) {
        out[n++] = '.';
        memcpy(out + n, fraction, (size_t)fraction_count);
        n += fraction_count;
    }
    return ascii_result(ts, out, n);
}

static Value Number_prototype_valueOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    double x;
    if (!this_number_value(ts, self, "valueOf", &x)) return JS_EXCEPTION;
    return value_from_number(x);
}

static const BuiltinEntry number_statics[] = {
    BUILTIN_FN_MAGIC("isFinite", Number_isFinite, 1, 0),
    BUILTIN_FN_MAGIC("isInteger", Number_isFinite, 1, 1),
    BUILTIN_FN_MAGIC("isNaN", Number_isFinite, 1, 2),
    BUILTIN_FN_MAGIC("isSafeInteger", Number_isFinite, 1, 3),
    BUILTIN_NUMBER("MAX_VALUE", 1.7976931348623157e308, 0),
    BUILTIN_NUMBER("MIN_VALUE", 5e-324, 0),
    BUILTIN_NUMBER("NaN", NAN, 0),
    BUILTIN_NUMBER("NEGATIVE_INFINITY", -INFINITY, 0),
    BUILTIN_NUMBER("POSITIVE_INFINITY", INFINITY, 0),
    BUILTIN_NUMBER("MAX_SAFE_INTEGER", 9007199254740991.0, 0),
    BUILTIN_NUMBER("MIN_SAFE_INTEGER", -9007199254740991.0, 0),
    BUILTIN_NUMBER("EPSILON", 2.220446049250313e-16, 0),
};

static const BuiltinEntry number_prototype_methods[] = {
    BUILTIN_FN("toExponential", Number_prototype_toExponential, 1),
    BUILTIN_FN("toFixed", Number_prototype_toFixed, 1),
    BUILTIN_FN("toPrecision", Number_prototype_toPrecision, 1),
    BUILTIN_FN("toString", Number_prototype_toString, 1),
    BUILTIN_FN("valueOf", Number_prototype_valueOf, 0),
    BUILTIN_FN("toLocaleString", Number_prototype_toLocaleString, 0),
};

bool builtins_install_number(ThreadState *ts) {
    PrimitiveObject *o = object_alloc(ts, sizeof(PrimitiveObject), CELL_NUMBER_OBJECT,
                                      realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (!o) return false;
    o->primitive = value_from_int(0);
    Value prototype = value_from_cell(o);
    ts->rt->realm.intrinsics[INTRINSIC_NUMBER_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "Number", Number_constructor, 1, prototype, 0);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, constructor, number_statics, BUILTIN_COUNT(number_statics)) &&
           builtins_install_table(ts, prototype, number_prototype_methods,
                                  BUILTIN_COUNT(number_prototype_methods));
}
