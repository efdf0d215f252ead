/*
 * value.h — the NaN-boxed Value encoding; the only file that does bit tricks on values.
 * Everything else asks through these inline functions, so the encoding can change here alone.
 * Implements VAL-1..VAL-5 (specs/values.md).
 *
 *   top 16 bits   meaning
 *   0x0000        heap cell pointer (48-bit, 8-byte aligned, never NULL)  [VAL-1]
 *                 or a small constant: null 0x02, false 0x06, true 0x07, undefined 0x0a,
 *                 hole 0x22, exception 0x32 (all have bit 0x2 set, so they are never cells)
 *   0x0002-0xFFFC double, stored as its IEEE bits + 2^49 (DOUBLE_OFFSET)          [VAL-2]
 *   0xFFFE        int32 in the low 32 bits                                        [VAL-3]
 */
#ifndef JST_VALUE_H
#define JST_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <math.h>

typedef uint64_t Value;

#define VALUE_NUMBER_TAG 0xFFFE000000000000ull
#define VALUE_OTHER_TAG 0x2ull
#define VALUE_NOT_CELL_MASK (VALUE_NUMBER_TAG | VALUE_OTHER_TAG)
#define VALUE_DOUBLE_OFFSET 0x0002000000000000ull

#define JS_NULL ((Value)0x02)
#define JS_FALSE ((Value)0x06)
#define JS_TRUE ((Value)0x07)
#define JS_UNDEFINED ((Value)0x0a)
// The array hole, also the TDZ marker of an uninitialised lexical binding; never user-visible.
#define JS_HOLE ((Value)0x22)
// Returned by any function that threw: the exception itself is pending in the ThreadState [VAL-4].
#define JS_EXCEPTION ((Value)0x32)

static inline bool value_is_cell(Value v) { return (v & VALUE_NOT_CELL_MASK) == 0; }
static inline bool value_is_number(Value v) { return (v & VALUE_NUMBER_TAG) != 0; }
static inline bool value_is_int(Value v) { return (v & VALUE_NUMBER_TAG) == VALUE_NUMBER_TAG; }
static inline bool value_is_double(Value v) { return value_is_number(v) && !value_is_int(v); }
static inline bool value_is_undefined(Value v) { return v == JS_UNDEFINED; }
static inline bool value_is_null(Value v) { return v == JS_NULL; }
static inline bool value_is_nullish(Value v) { return (v & ~(Value)0x8) == JS_NULL; }
static inline bool value_is_bool(Value v) { return (v & ~(Value)1) == JS_FALSE; }
static inline bool value_is_hole(Value v) { return v == JS_HOLE; }
static inline bool value_is_exception(Value v) { return v == JS_EXCEPTION; }

static inline Value value_from_int(int32_t i) { return VALUE_NUMBER_TAG | (uint32_t)i; }
static inline int32_t value_to_int(Value v) { return (int32_t)(uint32_t)v; }

static inline Value value_from_double_raw(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits + VALUE_DOUBLE_OFFSET;
}

// Canonicalises NaN so that no payload can ever collide with the int or cell ranges [VAL-2].
static inline Value value_from_double(double d) {
    if (d != d) return 0x7ff8000000000000ull + VALUE_DOUBLE_OFFSET;
    return value_from_double_raw(d);
}

static inline double value_to_double_raw(Value v) {
    uint64_t bits = v - VALUE_DOUBLE_OFFSET;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

// A number as a double whichever representation it has; only valid when value_is_number.
static inline double value_to_number(Value v) {
    return value_is_int(v) ? (double)value_to_int(v) : value_to_double_raw(v);
}

// Integral doubles in int32 range (except -0) are stored as ints so that int fast paths apply [VAL-5].
static inline Value value_from_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && !(i == 0 && signbit(d))) return value_from_int(i);
    }
    return value_from_double(d);
}

static inline Value value_from_bool(bool b) { return b ? JS_TRUE : JS_FALSE; }
static inline bool value_to_bool_raw(Value v) { return v == JS_TRUE; }

static inline Value value_from_cell(const void *cell) { return (Value)(uintptr_t)cell; }
static inline void *value_to_cell(Value v) { return (void *)(uintptr_t)v; }

#endif
