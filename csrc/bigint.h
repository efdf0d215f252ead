/*
 * bigint.h — the BigInt primitive as the rest of the core sees it. bigint_ops.c owns the
 * CELL_BIGINT layout and arithmetic (VAL-6..VAL-9 in specs/values.md); builtins/bigint.c owns the
 * BigInt global and the conversions below. Typed arrays and DataView reach 64-bit BigInt elements
 * only through the first group of functions.
 */
#ifndef JST_BIGINT_H
#define JST_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "value.h"
#include "heap.h"

struct ThreadState;

// Whether v is a BigInt primitive.
bool value_is_bigint(Value v);
// BigInt values of exactly these integers (may allocate; an exception value on failure).
Value bigint_from_int64(struct ThreadState *ts, int64_t v);
Value bigint_from_uint64(struct ThreadState *ts, uint64_t v);
// ToBigInt64 / ToBigUint64 (§7.1.15-16): ToBigInt(v) (throws a TypeError for numbers, undefined,
// symbols, ...), then the value modulo 2**64. False with an exception pending on failure.
bool value_to_bigint64(struct ThreadState *ts, Value v, int64_t *out);
bool value_to_biguint64(struct ThreadState *ts, Value v, uint64_t *out);

// ---- the representation (bigint_ops.c) ----

/*
 * A BigInt is sign and magnitude: `length` 32-bit limbs, least significant first, the top one
 * non-zero (so 0n has length 0 and is never negative) [VAL-6]. Immutable once published [VAL-7].
 */
typedef struct BigInt {
    Cell header;          // CELL_BIGINT; header.flags & BIGINT_NEGATIVE
    uint32_t length;
    uint32_t limbs[];
} BigInt;
#define BIGINT_NEGATIVE 1u
// V8's limit: 2**30 bits. Anything longer throws RangeError "Maximum BigInt size exceeded".
#define BIGINT_MAX_BITS (1u << 30)

static inline const BigInt *value_to_bigint(Value v) { return (const BigInt *)value_to_cell(v); }
static inline bool bigint_is_zero(Value v) { return value_to_bigint(v)->length == 0; }
static inline bool bigint_is_negative(Value v) {
    return (value_to_bigint(v)->header.flags & BIGINT_NEGATIVE) != 0;
}

// The binary operators; op is an ArithOp (ops.h) other than ARITH_SHR, plus BIGINT_OP_ADD.
// Both operands are BigInts. RangeError for division by zero, negative exponents, oversize.
#define BIGINT_OP_ADD (-1)
Value bigint_binary(struct ThreadState *ts, int op, Value a, Value b);
Value bigint_negate(struct ThreadState *ts, Value a);
Value bigint_bitwise_not(struct ThreadState *ts, Value a);
Value bigint_add_small(struct ThreadState *ts, Value a, int32_t delta);   // ++ and --

// Exact comparisons. bigint_compare: -1, 0, 1. bigint_compare_number: -1, 0, 1, or 2 when d is NaN.
int bigint_compare(Value a, Value b);
int bigint_compare_number(Value a, double d);
bool bigint_equals(Value a, Value b);
uint32_t bigint_hash(Value a);   // equal BigInts hash alike (Map/Set keys)

// Conversions. bigint_from_double needs an integral finite d. bigint_to_double rounds to nearest,
// ties to even (Number(x)).
Value bigint_from_double(struct ThreadState *ts, double d);
double bigint_to_double(Value a);
Value bigint_to_string(struct ThreadState *ts, Value a, int radix);
// Parses digits of `radix` (no sign, no prefix, at least one digit); JS_HOLE if a unit is not a
// digit of that radix. Used for literals and StringToBigInt.
Value bigint_from_digits(struct ThreadState *ts, const uint16_t *units, size_t count, int radix,
                         bool negative);
// StringToBigInt (§7.1.14): JS_HOLE when the string is not a valid StringIntegerLiteral.
Value bigint_from_string(struct ThreadState *ts, Value s);
// BigInt.asIntN / asUintN on a BigInt with bits already converted by ToIndex.
Value bigint_as_n(struct ThreadState *ts, double bits, Value a, bool is_signed);
// The low 64 bits of a's two's complement.
uint64_t bigint_low64(Value a);

// ToBigInt (§7.1.13), with V8's messages; and the BigInt wrapper's value (thisBigIntValue).
Value ops_to_bigint(struct ThreadState *ts, Value v);

#endif
