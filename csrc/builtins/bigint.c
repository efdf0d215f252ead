/*
 * builtins/bigint.c — BigInt (not yet implemented: the conversions throw, no global is installed).
 * Owns CELL_BIGINT and the bigint.h conversions.
 */
#include "builtins.h"
#include "../bigint.h"
#include "../errors.h"

bool value_is_bigint(Value v) {
    (void)v;
    return false;
}

Value bigint_from_int64(ThreadState *ts, int64_t v) {
    (void)v;
    return error_throw_type(ts, "BigInt is not supported yet");
}

Value bigint_from_uint64(ThreadState *ts, uint64_t v) {
    (void)v;
    return error_throw_type(ts, "BigInt is not supported yet");
}

bool value_to_bigint64(ThreadState *ts, Value v, int64_t *out) {
    (void)v; (void)out;
    error_throw_type(ts, "Cannot convert to a BigInt: BigInt is not supported yet");
    return false;
}

bool value_to_biguint64(ThreadState *ts, Value v, uint64_t *out) {
    (void)v; (void)out;
    error_throw_type(ts, "Cannot convert to a BigInt: BigInt is not supported yet");
    return false;
}

bool builtins_install_bigint(ThreadState *ts) {
    (void)ts;
    return true;
}
