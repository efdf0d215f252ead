/*
 * bigint.h — the BigInt primitive as the rest of the core sees it (builtins/bigint.c owns the
 * CELL_BIGINT layout and arithmetic). Typed arrays and DataView reach 64-bit BigInt elements
 * only through these conversions.
 */
#ifndef JST_BIGINT_H
#define JST_BIGINT_H

#include <stdbool.h>
#include <stdint.h>
#include "value.h"

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

#endif
