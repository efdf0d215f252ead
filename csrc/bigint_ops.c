/*
 * bigint_ops.c — the BigInt primitive: the CELL_BIGINT layout (bigint.h), arbitrary-precision
 * arithmetic on sign + magnitude (32-bit limbs), exact comparison with Numbers, and the string
 * and double conversions. Implements VAL-6..VAL-9 (specs/values.md).
 *
 * Every operation computes into a fresh cell that nobody else can see until it is returned, and
 * never writes an existing cell, so BigInts can be shared between threads without locks [VAL-7].
 * Operand cells stay alive across allocations and safepoint polls because the collector scans
 * native stacks conservatively and never moves cells [HEAP-7].
 * Long loops (big multiplications, divisions, conversions) poll the safepoint [SP-6].
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "errors.h"
#include "jsstring.h"
#include "number.h"
#include "ops.h"
#include "safepoint.h"
#include "thread.h"

typedef uint32_t limb_t;
typedef uint64_t dlimb_t;
#define LIMB_BITS 32
#define BIGINT_MAX_LIMBS (BIGINT_MAX_BITS / LIMB_BITS)
// Karatsuba pays off from a few dozen limbs; below this, schoolbook wins.
#define KARATSUBA_THRESHOLD 48

// ---- cells ----

static Value too_big(ThreadState *ts) {
    return error_throw_range(ts, "Maximum BigInt size exceeded");
}

// A zeroed, unpublished cell with room for `limbs` limbs; NULL with an exception pending.
static BigInt *bigint_alloc(ThreadState *ts, size_t limbs) {
    if (limbs > BIGINT_MAX_LIMBS) {
        too_big(ts);
        return NULL;
    }
    return heap_alloc(ts, sizeof(BigInt) + (limbs ? limbs : 1) * sizeof(limb_t), CELL_BIGINT);
}

// Normalises a freshly computed cell: drops high zero limbs, and zero is never negative [VAL-6].
static Value bigint_finish(BigInt *b, size_t length, bool negative) {
    while (length > 0 && b->limbs[length - 1] == 0) length--;
    b->length = (uint32_t)length;
    b->header.flags = (negative && length > 0) ? BIGINT_NEGATIVE : 0;
    return value_from_cell(b);
}

static Value bigint_from_limbs(ThreadState *ts, const limb_t *limbs, size_t n, bool negative) {
    while (n > 0 && limbs[n - 1] == 0) n--;
    BigInt *b = bigint_alloc(ts, n);
    if (!b) return JS_EXCEPTION;
    if (n) memcpy(b->limbs, limbs, n * sizeof(limb_t));
    return bigint_finish(b, n, negative);
}

bool value_is_bigint(Value v) {
    return value_cell_type(v) == CELL_BIGINT;
}

Value bigint_from_uint64(ThreadState *ts, uint64_t v) {
    limb_t limbs[2] = {(limb_t)v, (limb_t)(v >> 32)};
    return bigint_from_limbs(ts, limbs, 2, false);
}

Value bigint_from_int64(ThreadState *ts, int64_t v) {
    uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    limb_t limbs[2] = {(limb_t)magnitude, (limb_t)(magnitude >> 32)};
    return bigint_from_limbs(ts, limbs, 2, v < 0);
}

uint64_t bigint_low64(Value a) {
    const BigInt *x = value_to_bigint(a);
    uint64_t m = 0;
    if (x->length > 0) m = x->limbs[0];
    if (x->length > 1) m |= (uint64_t)x->limbs[1] << 32;
    return bigint_is_negative(a) ? 0 - m : m;
}

// ---- magnitudes: little-endian limb vectors, lengths passed explicitly ----

static size_t mag_normalize(const limb_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

static int mag_compare(const limb_t *a, size_t an, const limb_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

// r = a + b, an >= bn; r has room for an + 1 limbs (r may alias a). Returns the length.
static size_t mag_add(limb_t *r, const limb_t *a, size_t an, const limb_t *b, size_t bn) {
    dlimb_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (dlimb_t)a[i] + b[i];
        r[i] = (limb_t)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (limb_t)carry;
        carry >>= 32;
    }
    r[an] = (limb_t)carry;
    return an + 1;
}

// r = a - b, a >= b (so an >= bn); r may alias a. Returns an.
static size_t mag_sub(limb_t *r, const limb_t *a, size_t an, const limb_t *b, size_t bn) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        int64_t d = (int64_t)a[i] - b[i] - borrow;
        borrow = d < 0;
        r[i] = (limb_t)d;
    }
    for (; i < an; i++) {
        int64_t d = (int64_t)a[i] - borrow;
        borrow = d < 0;
        r[i] = (limb_t)d;
    }
    return an;
}

// r[0..an+bn) = a * b by schoolbook; r must not alias a or b.
static void mag_mul_school(ThreadState *ts, limb_t *r, const limb_t *a, size_t an, const limb_t *b,
                           size_t bn) {
    memset(r, 0, (an + bn) * sizeof(limb_t));
    for (size_t j = 0; j < bn; j++) {
        dlimb_t carry = 0, bj = b[j];
        if (bj == 0) continue;
        for (size_t i = 0; i < an; i++) {
            carry += (dlimb_t)a[i] * bj + r[i + j];
            r[i + j] = (limb_t)carry;
            carry >>= 32;
        }
        r[j + an] = (limb_t)carry;
        if (ts && (j & 63) == 63) safepoint_poll(ts);
    }
}

// r += a at offset, propagating the carry through r[0..rn).
static void mag_add_into(limb_t *r, size_t rn, const limb_t *a, size_t an) {
    dlimb_t carry = 0;
    size_t i = 0;
    for (; i < an; i++) {
        carry += (dlimb_t)r[i] + a[i];
        r[i] = (limb_t)carry;
        carry >>= 32;
    }
    for (; carry && i < rn; i++) {
        carry += r[i];
        r[i] = (limb_t)carry;
        carry >>= 32;
    }
}

// r -= a in place (r >= a as numbers).
static void mag_sub_from(limb_t *r, size_t rn, const limb_t *a, size_t an) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < an; i++) {
        int64_t d = (int64_t)r[i] - a[i] - borrow;
        borrow = d < 0;
        r[i] = (limb_t)d;
    }
    for (; borrow && i < rn; i++) {
        int64_t d = (int64_t)r[i] - borrow;
        borrow = d < 0;
        r[i] = (limb_t)d;
    }
}

/*
 * r[0..an+bn) = a * b with Karatsuba on the balanced part, so factorials and powers of big values
 * stay fast. scratch needs about 3 * (an + bn) limbs (mag_mul gives it 8x).
 */
static void mag_mul_rec(ThreadState *ts, limb_t *r, const limb_t *a, size_t an, const limb_t *b,
                        size_t bn, limb_t *scratch) {
    if (an < bn) {
        const limb_t *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if (bn < KARATSUBA_THRESHOLD) {
        mag_mul_school(ts, r, a, an, b, bn);
        return;
    }
    if (an >= 2 * bn) {
        // Unbalanced: multiply b by bn-sized slices of a and accumulate.
        memset(r, 0, (an + bn) * sizeof(limb_t));
        limb_t *part = scratch;
        for (size_t off = 0; off < an; off += bn) {
            size_t len = an - off < bn ? an - off : bn;
            mag_mul_rec(ts, part, a + off, len, b, bn, scratch + len + bn);
            mag_add_into(r + off, an + bn - off, part, len + bn);
        }
        return;
    }
    // a = a1*B^h + a0, b = b1*B^h + b0; ab = z2*B^2h + (z1 - z2 - z0)*B^h + z0.
    size_t h = (an + 1) / 2;
    const limb_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a0n = h, a1n = an - h, b0n = h < bn ? h : bn, b1n = bn > h ? bn - h : 0;
    memset(r, 0, (an + bn) * sizeof(limb_t));
    // z0 and z2 straight into r's halves.
    mag_mul_rec(ts, r, a0, a0n, b0, b0n, scratch);
    if (b1n) mag_mul_rec(ts, r + 2 * h, a1, a1n, b1, b1n, scratch);
    // sa = a0 + a1, sb = b0 + b1 (h + 1 limbs each), z1 = sa * sb.
    limb_t *sa = scratch, *sb = scratch + h + 1, *z1 = scratch + 2 * (h + 1);
    limb_t *rest = z1 + 2 * (h + 1);
    memset(sa, 0, 2 * (h + 1) * sizeof(limb_t));
    memcpy(sa, a0, a0n * sizeof(limb_t));
    mag_add_into(sa, h + 1, a1, a1n);
    memcpy(sb, b0, b0n * sizeof(limb_t));
    mag_add_into(sb, h + 1, b1, b1n);
    size_t san = mag_normalize(sa, h + 1), sbn = mag_normalize(sb, h + 1);
    size_t z1n = san + sbn;
    if (san && sbn) mag_mul_rec(ts, z1, sa, san, sb, sbn, rest);
    else z1n = 0;
    // z1 -= z0 + z2 (both are still intact in r).
    size_t z0n = mag_normalize(r, a0n + b0n);
    mag_sub_from(z1, z1n, r, z0n);
    if (b1n) mag_sub_from(z1, z1n, r + 2 * h, mag_normalize(r + 2 * h, a1n + b1n));
    mag_add_into(r + h, an + bn - h, z1, mag_normalize(z1, z1n));
}

// r = a * b (r has an + bn limbs, zeroed or not). False on out-of-memory (exception pending).
static bool mag_mul(ThreadState *ts, limb_t *r, const limb_t *a, size_t an, const limb_t *b, size_t bn) {
    if (an < KARATSUBA_THRESHOLD || bn < KARATSUBA_THRESHOLD) {
        if (an < bn) mag_mul_school(ts, r, b, bn, a, an);
        else mag_mul_school(ts, r, a, an, b, bn);
        return true;
    }
    limb_t *scratch = malloc(8 * (an + bn + 8) * sizeof(limb_t));
    if (!scratch) {
        error_throw_out_of_memory(ts);
        return false;
    }
    mag_mul_rec(ts, r, a, an, b, bn, scratch);
    free(scratch);
    return true;
}

// q = a / d, returns a % d (q may alias a; q has an limbs).
static limb_t mag_divmod_small(limb_t *q, const limb_t *a, size_t an, limb_t d) {
    dlimb_t rem = 0;
    for (size_t i = an; i-- > 0;) {
        dlimb_t cur = (rem << 32) | a[i];
        q[i] = (limb_t)(cur / d);
        rem = cur % d;
    }
    return (limb_t)rem;
}

/*
 * Knuth's algorithm D (TAOCP 4.3.1): q = a / b, r = a % b for bn >= 2 and a >= b. q has room for
 * an - bn + 1 limbs, r for bn limbs (either may be NULL). False on out-of-memory.
 */
static bool mag_divmod(ThreadState *ts, limb_t *q, limb_t *r, const limb_t *a, size_t an,
                       const limb_t *b, size_t bn) {
    int shift = __builtin_clz(b[bn - 1]);
    limb_t *u = malloc((an + 1 + bn) * sizeof(limb_t));
    if (!u) {
        error_throw_out_of_memory(ts);
        return false;
    }
    limb_t *v = u + an + 1;
    // Normalise so that the divisor's top bit is set.
    for (size_t i = bn; i-- > 0;)
        v[i] = (b[i] << shift) | (shift && i > 0 ? b[i - 1] >> (32 - shift) : 0);
    u[an] = shift ? a[an - 1] >> (32 - shift) : 0;
    for (size_t i = an; i-- > 0;)
        u[i] = (a[i] << shift) | (shift && i > 0 ? a[i - 1] >> (32 - shift) : 0);
    dlimb_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        dlimb_t numerator = ((dlimb_t)u[j + bn] << 32) | u[j + bn - 1];
        dlimb_t qhat = numerator / vtop, rhat = numerator % vtop;
        while (qhat > 0xFFFFFFFFull || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFull) break;
        }
        // u[j..j+bn] -= qhat * v
        int64_t borrow = 0;
        dlimb_t carry = 0;
        for (size_t i = 0; i < bn; i++) {
            carry += qhat * v[i];
            int64_t d = (int64_t)u[i + j] - (limb_t)carry - borrow;
            carry >>= 32;
            borrow = d < 0;
            u[i + j] = (limb_t)d;
        }
        int64_t d = (int64_t)u[j + bn] - (int64_t)carry - borrow;
        u[j + bn] = (limb_t)d;
        if (d < 0) {
            // qhat was one too large: add v back.
            qhat--;
            dlimb_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (dlimb_t)u[i + j] + v[i];
                u[i + j] = (limb_t)c;
                c >>= 32;
            }
            u[j + bn] += (limb_t)c;
        }
        if (q) q[j] = (limb_t)qhat;
        if ((j & 255) == 0) safepoint_poll(ts);
    }
    if (r) {
        for (size_t i = 0; i < bn; i++)
            r[i] = (u[i] >> shift) | (shift && i + 1 <= bn ? (limb_t)((dlimb_t)u[i + 1] << (32 - shift)) : 0);
    }
    free(u);
    return true;
}

// ---- signed helpers ----

static bool neg_of(Value a) { return bigint_is_negative(a); }

// (a_neg, a) + (b_neg, b).
static Value add_signed(ThreadState *ts, Value a, bool a_neg, Value b, bool b_neg) {
    const BigInt *x = value_to_bigint(a), *y = value_to_bigint(b);
    if (x->length < y->length || (a_neg != b_neg && mag_compare(x->limbs, x->length, y->limbs, y->length) < 0)) {
        const BigInt *t = x; x = y; y = t;
        bool tn = a_neg; a_neg = b_neg; b_neg = tn;
    }
    // Now |x| >= |y| when the signs differ, and x is the longer when they agree.
    BigInt *r = bigint_alloc(ts, (size_t)x->length + 1);
    if (!r) return JS_EXCEPTION;
    if (a_neg == b_neg) {
        size_t n = mag_add(r->limbs, x->limbs, x->length, y->limbs, y->length);
        return bigint_finish(r, n, a_neg);
    }
    size_t n = mag_sub(r->limbs, x->limbs, x->length, y->limbs, y->length);
    return bigint_finish(r, n, a_neg);
}

static Value bigint_mul(ThreadState *ts, Value a, Value b) {
    const BigInt *x = value_to_bigint(a), *y = value_to_bigint(b);
    if (x->length == 0 || y->length == 0) return bigint_from_limbs(ts, NULL, 0, false);
    BigInt *r = bigint_alloc(ts, (size_t)x->length + y->length);
    if (!r) return JS_EXCEPTION;
    if (!mag_mul(ts, r->limbs, x->limbs, x->length, y->limbs, y->length)) return JS_EXCEPTION;
    return bigint_finish(r, (size_t)x->length + y->length, neg_of(a) != neg_of(b));
}

// Truncating division (want_remainder: the remainder, with the dividend's sign).
static Value bigint_divide(ThreadState *ts, Value a, Value b, bool want_remainder) {
    const BigInt *x = value_to_bigint(a), *y = value_to_bigint(b);
    if (y->length == 0) return error_throw_range(ts, "Division by zero");
    if (mag_compare(x->limbs, x->length, y->limbs, y->length) < 0)
        return want_remainder ? a : bigint_from_limbs(ts, NULL, 0, false);
    size_t qn = (size_t)x->length - y->length + 1;
    BigInt *r = bigint_alloc(ts, want_remainder ? y->length : qn);
    if (!r) return JS_EXCEPTION;
    if (y->length == 1) {
        limb_t *q = malloc((size_t)x->length * sizeof(limb_t));
        if (!q) return error_throw_out_of_memory(ts);
        limb_t rem = mag_divmod_small(q, x->limbs, x->length, y->limbs[0]);
        if (want_remainder) r->limbs[0] = rem;
        else memcpy(r->limbs, q, qn * sizeof(limb_t));
        free(q);
    } else if (!mag_divmod(ts, want_remainder ? NULL : r->limbs, want_remainder ? r->limbs : NULL,
                           x->limbs, x->length, y->limbs, y->length)) {
        return JS_EXCEPTION;
    }
    if (want_remainder) return bigint_finish(r, y->length, neg_of(a));
    return bigint_finish(r, qn, neg_of(a) != neg_of(b));
}

static size_t bit_length(const BigInt *x) {
    if (x->length == 0) return 0;
    return (size_t)x->length * 32 - (size_t)__builtin_clz(x->limbs[x->length - 1]);
}

static Value bigint_pow(ThreadState *ts, Value a, Value b) {
    if (neg_of(b)) return error_throw_range(ts, "Exponent must be non-negative");
    const BigInt *x = value_to_bigint(a), *e = value_to_bigint(b);
    if (e->length == 0) return bigint_from_uint64(ts, 1);
    if (x->length == 0) return a;
    if (x->length == 1 && x->limbs[0] == 1) {
        // (+-1) ** e: the sign survives only odd exponents.
        return (neg_of(a) && (e->limbs[0] & 1)) ? a : bigint_from_uint64(ts, 1);
    }
    if (e->length > 1 || (double)e->limbs[0] * (double)(bit_length(x) - 1) >= BIGINT_MAX_BITS)
        return too_big(ts);
    uint32_t n = e->limbs[0];
    if (x->length == 1 && x->limbs[0] == 2) {
        // 2 ** n is a shift; common enough (masks, asUintN tests) to skip the multiplications.
        BigInt *r = bigint_alloc(ts, (size_t)n / 32 + 1);
        if (!r) return JS_EXCEPTION;
        r->limbs[n / 32] = 1u << (n % 32);
        return bigint_finish(r, (size_t)n / 32 + 1, neg_of(a) && (n & 1));
    }
    // Left-to-right square and multiply.
    Value result = a;
    int top = 31 - __builtin_clz(n);
    for (int i = top - 1; i >= 0; i--) {
        result = bigint_mul(ts, result, result);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (n & (1u << i)) {
            result = bigint_mul(ts, result, a);
            if (value_is_exception(result)) return JS_EXCEPTION;
        }
        safepoint_poll(ts);
    }
    return result;
}

/*
 * Shifts by a BigInt count: left when `left`, else arithmetic right (floor division by 2**n, so
 * negative values round toward -infinity).
 */
static Value bigint_shift(ThreadState *ts, Value a, Value count, bool left) {
    if (neg_of(count)) left = !left;
    const BigInt *x = value_to_bigint(a), *c = value_to_bigint(count);
    if (x->length == 0 || c->length == 0) return a;
    if (c->length > 1 || c->limbs[0] >= BIGINT_MAX_BITS) {
        if (left) return too_big(ts);
        return bigint_from_int64(ts, neg_of(a) ? -1 : 0);
    }
    size_t n = c->limbs[0], limbs = n / 32, bits = n % 32;
    if (left) {
        if (bit_length(x) + n > BIGINT_MAX_BITS) return too_big(ts);
        BigInt *r = bigint_alloc(ts, x->length + limbs + 1);
        if (!r) return JS_EXCEPTION;
        x = value_to_bigint(a);
        for (size_t i = 0; i < x->length; i++) {
            r->limbs[i + limbs] |= x->limbs[i] << bits;
            if (bits) r->limbs[i + limbs + 1] = x->limbs[i] >> (32 - bits);
        }
        return bigint_finish(r, x->length + limbs + 1, neg_of(a));
    }
    if (limbs >= x->length) return bigint_from_int64(ts, neg_of(a) ? -1 : 0);
    size_t rn = x->length - limbs;
    BigInt *r = bigint_alloc(ts, rn + 1);
    if (!r) return JS_EXCEPTION;
    bool lost = false;   // whether any 1 bit was shifted out (matters for negative values)
    for (size_t i = 0; i < limbs && !lost; i++) lost = x->limbs[i] != 0;
    if (bits && (x->limbs[limbs] & ((1u << bits) - 1))) lost = true;
    for (size_t i = 0; i < rn; i++) {
        limb_t lo = x->limbs[i + limbs] >> bits;
        limb_t hi = bits && i + limbs + 1 < x->length ? x->limbs[i + limbs + 1] << (32 - bits) : 0;
        r->limbs[i] = lo | hi;
    }
    if (neg_of(a) && lost) {
        // -|x| >> n = -(ceil(|x| / 2**n)).
        limb_t one = 1;
        mag_add_into(r->limbs, rn + 1, &one, 1);
    }
    return bigint_finish(r, rn + 1, neg_of(a));
}

/*
 * Two's complement view: limb i of a sign-extended to any width. For negative x the bits are
 * ~(|x| - 1); `borrow` carries the subtraction of 1 across limbs while walking upward.
 */
typedef struct TwosCursor {
    const BigInt *x;
    bool negative;
    bool borrow;
} TwosCursor;

static void twos_init(TwosCursor *c, Value a) {
    c->x = value_to_bigint(a);
    c->negative = bigint_is_negative(a);
    c->borrow = true;
}

static limb_t twos_next(TwosCursor *c, size_t i) {
    limb_t m = i < c->x->length ? c->x->limbs[i] : 0;
    if (!c->negative) return m;
    limb_t d = m - (c->borrow ? 1 : 0);
    c->borrow = c->borrow && m == 0;
    return ~d;
}

// Turns n two's-complement limbs (top bit = sign) into a normalised sign + magnitude cell.
static Value from_twos(BigInt *r, size_t n) {
    bool negative = n > 0 && (r->limbs[n - 1] >> 31);
    if (negative) {
        // |r| = ~r + 1
        dlimb_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (limb_t)~r->limbs[i];
            r->limbs[i] = (limb_t)carry;
            carry >>= 32;
        }
    }
    return bigint_finish(r, n, negative);
}

static Value bigint_bitwise(ThreadState *ts, int op, Value a, Value b) {
    size_t n = (size_t)(value_to_bigint(a)->length > value_to_bigint(b)->length
                            ? value_to_bigint(a)->length : value_to_bigint(b)->length) + 1;
    BigInt *r = bigint_alloc(ts, n);
    if (!r) return JS_EXCEPTION;
    TwosCursor x, y;
    twos_init(&x, a);
    twos_init(&y, b);
    for (size_t i = 0; i < n; i++) {
        limb_t p = twos_next(&x, i), q = twos_next(&y, i);
        r->limbs[i] = op == ARITH_BIT_AND ? (p & q) : op == ARITH_BIT_OR ? (p | q) : (p ^ q);
    }
    return from_twos(r, n);
}

Value bigint_binary(ThreadState *ts, int op, Value a, Value b) {
    switch (op) {
    case BIGINT_OP_ADD: return add_signed(ts, a, neg_of(a), b, neg_of(b));
    case ARITH_SUB: return add_signed(ts, a, neg_of(a), b, !neg_of(b) && !bigint_is_zero(b));
    case ARITH_MUL: return bigint_mul(ts, a, b);
    case ARITH_DIV: return bigint_divide(ts, a, b, false);
    case ARITH_MOD: return bigint_divide(ts, a, b, true);
    case ARITH_EXP: return bigint_pow(ts, a, b);
    case ARITH_BIT_AND: case ARITH_BIT_OR: case ARITH_BIT_XOR: return bigint_bitwise(ts, op, a, b);
    case ARITH_SHL: return bigint_shift(ts, a, b, true);
    case ARITH_SAR: return bigint_shift(ts, a, b, false);
    default: return error_throw_type(ts, "BigInts have no unsigned right shift, use >> instead");
    }
}

Value bigint_negate(ThreadState *ts, Value a) {
    const BigInt *x = value_to_bigint(a);
    if (x->length == 0) return a;
    return bigint_from_limbs(ts, x->limbs, x->length, !neg_of(a));
}

// ~x = -x - 1.
Value bigint_bitwise_not(ThreadState *ts, Value a) {
    Value minus_one = bigint_from_int64(ts, -1);
    if (value_is_exception(minus_one)) return JS_EXCEPTION;
    Value negated = bigint_negate(ts, a);
    if (value_is_exception(negated)) return JS_EXCEPTION;
    return add_signed(ts, negated, neg_of(negated), minus_one, true);
}

Value bigint_add_small(ThreadState *ts, Value a, int32_t delta) {
    Value d = bigint_from_int64(ts, delta);
    if (value_is_exception(d)) return JS_EXCEPTION;
    return add_signed(ts, a, neg_of(a), d, delta < 0);
}

// ---- comparison and hashing ----

int bigint_compare(Value a, Value b) {
    bool an = neg_of(a), bn = neg_of(b);
    if (an != bn) return an ? -1 : 1;
    const BigInt *x = value_to_bigint(a), *y = value_to_bigint(b);
    int c = mag_compare(x->limbs, x->length, y->limbs, y->length);
    return an ? -c : c;
}

bool bigint_equals(Value a, Value b) {
    return a == b || bigint_compare(a, b) == 0;
}

// The magnitude of an integral double 0 <= d < 2**1024 as limbs (at most 33); returns the count.
static size_t double_to_mag(double d, limb_t out[33]) {
    if (d < 1) return 0;
    int exponent;
    double mantissa = frexp(d, &exponent);          // d = mantissa * 2**exponent, 0.5 <= m < 1
    uint64_t bits = (uint64_t)ldexp(mantissa, 53);  // exact: 53 significant bits
    int shift = exponent - 53;                      // d = bits * 2**shift
    size_t n = (size_t)(exponent + 31) / 32;
    memset(out, 0, n * sizeof(limb_t));
    if (shift <= 0) {
        uint64_t v = bits >> -shift;
        out[0] = (limb_t)v;
        if (n > 1) out[1] = (limb_t)(v >> 32);
        return mag_normalize(out, n);
    }
    size_t limb = (size_t)shift / 32, bit = (size_t)shift % 32;
    // bits << bit spans at most three limbs.
    out[limb] = (limb_t)(bits << bit);
    if (limb + 1 < n) out[limb + 1] = (limb_t)(bits >> (32 - bit));
    if (limb + 2 < n && bit) out[limb + 2] = (limb_t)(bits >> (64 - bit));
    return mag_normalize(out, n);
}

int bigint_compare_number(Value a, double d) {
    if (d != d) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    bool an = neg_of(a), dn = d < 0;
    const BigInt *x = value_to_bigint(a);
    if (x->length == 0 && d == 0) return 0;
    if (x->length == 0) return dn ? 1 : -1;
    if (an != dn || d == 0) return an ? -1 : 1;
    double magnitude = fabs(d), whole = floor(magnitude);
    limb_t limbs[33];
    size_t n = double_to_mag(whole, limbs);
    int c = mag_compare(x->limbs, x->length, limbs, n);
    if (c == 0 && magnitude != whole) c = -1;   // |a| == floor(|d|) < |d|
    return an ? -c : c;
}

uint32_t bigint_hash(Value a) {
    const BigInt *x = value_to_bigint(a);
    uint32_t h = 2166136261u ^ (neg_of(a) ? 0x9e3779b9u : 0);
    for (size_t i = 0; i < x->length; i++) h = (h ^ x->limbs[i]) * 16777619u;
    return h;
}

// ---- doubles ----

Value bigint_from_double(ThreadState *ts, double d) {
    limb_t limbs[33];
    size_t n = double_to_mag(fabs(d), limbs);
    return bigint_from_limbs(ts, limbs, n, d < 0);
}

// The 64 magnitude bits starting at bit `start` (bits past the top read as zero).
static uint64_t extract64(const BigInt *x, size_t start) {
    size_t limb = start / 32, bit = start % 32;
    unsigned __int128 window = 0;
    for (int k = 2; k >= 0; k--) {
        window <<= 32;
        if (limb + (size_t)k < x->length) window |= x->limbs[limb + (size_t)k];
    }
    return (uint64_t)(window >> bit);
}

double bigint_to_double(Value a) {
    const BigInt *x = value_to_bigint(a);
    double sign = neg_of(a) ? -1.0 : 1.0;
    size_t bits = bit_length(x);
    if (bits == 0) return 0;
    if (bits > 1025) return sign * INFINITY;
    if (bits <= 64) return sign * (double)extract64(x, 0);
    // The top 64 bits plus a sticky bit for everything below: the hardware's uint64 -> double
    // conversion then rounds to nearest, ties to even, exactly as the full value would.
    size_t shift = bits - 64;
    uint64_t top = extract64(x, shift);
    bool sticky = false;
    for (size_t i = 0; i < shift / 32 && !sticky; i++) sticky = x->limbs[i] != 0;
    if (shift % 32 && (x->limbs[shift / 32] & ((1u << (shift % 32)) - 1))) sticky = true;
    if (sticky) top |= 1;
    return sign * ldexp((double)top, (int)shift);
}

// ---- strings ----

static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

Value bigint_to_string(ThreadState *ts, Value a, int radix) {
    const BigInt *x = value_to_bigint(a);
    if (x->length == 0) return string_from_latin1(ts, (const uint8_t *)"0", 1);
    size_t bits = bit_length(x);
    // Digits needed: bits / log2(radix), rounded up generously.
    size_t capacity = (size_t)((double)bits / log2((double)radix)) + 3;
    if (capacity > STRING_MAX_LENGTH + 2) return error_throw_range(ts, "Invalid string length");
    char *buffer = malloc(capacity);
    if (!buffer) return error_throw_out_of_memory(ts);
    size_t pos = capacity;
    if ((radix & (radix - 1)) == 0) {
        // Powers of two: each digit is a bit field, linear time.
        int width = __builtin_ctz((unsigned)radix);
        for (size_t bit = 0; bit < bits; bit += (size_t)width)
            buffer[--pos] = DIGITS[extract64(x, bit) & (uint64_t)(radix - 1)];
    } else {
        // Peel off chunks of `per_chunk` digits by dividing by radix**per_chunk (< 2**32).
        limb_t chunk = (limb_t)radix;
        int per_chunk = 1;
        while ((dlimb_t)chunk * (dlimb_t)radix <= 0xFFFFFFFFull) {
            chunk *= (limb_t)radix;
            per_chunk++;
        }
        limb_t *work = malloc((size_t)x->length * sizeof(limb_t));
        if (!work) {
            free(buffer);
            return error_throw_out_of_memory(ts);
        }
        memcpy(work, x->limbs, (size_t)x->length * sizeof(limb_t));
        size_t n = x->length;
        unsigned rounds = 0;
        while (n > 0) {
            limb_t rem = mag_divmod_small(work, work, n, chunk);
            n = mag_normalize(work, n);
            for (int k = 0; k < per_chunk && (n > 0 || rem > 0); k++) {
                buffer[--pos] = DIGITS[rem % (limb_t)radix];
                rem /= (limb_t)radix;
            }
            if ((++rounds & 255) == 0) safepoint_poll(ts);
        }
        free(work);
    }
    if (neg_of(a)) buffer[--pos] = '-';
    Value s = string_from_latin1(ts, (const uint8_t *)buffer + pos, capacity - pos);
    free(buffer);
    return s;
}

static int digit_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Value bigint_from_digits(ThreadState *ts, const uint16_t *units, size_t count, int radix, bool negative) {
    while (count > 1 && units[0] == '0') {   // leading zeros would only inflate the estimate
        if (digit_value(units[1]) >= radix) break;
        units++, count--;
    }
    double estimate = (double)count * log2((double)radix);
    if (estimate > (double)BIGINT_MAX_BITS + 64) {
        for (size_t i = 0; i < count; i++)
            if (digit_value(units[i]) >= radix) return JS_HOLE;
        return too_big(ts);
    }
    size_t n = (size_t)(estimate / 32) + 2;
    BigInt *r = bigint_alloc(ts, n);
    if (!r) return JS_EXCEPTION;
    limb_t *m = r->limbs;
    if ((radix & (radix - 1)) == 0) {
        int width = __builtin_ctz((unsigned)radix);
        size_t bit = 0;
        for (size_t i = count; i-- > 0; bit += (size_t)width) {
            int d = digit_value(units[i]);
            if (d >= radix) return JS_HOLE;
            m[bit / 32] |= (limb_t)d << (bit % 32);
            if (bit % 32 + (size_t)width > 32) m[bit / 32 + 1] |= (limb_t)d >> (32 - bit % 32);
        }
        return bigint_finish(r, n, negative);
    }
    limb_t chunk_limit = (limb_t)radix;
    int per_chunk = 1;
    while ((dlimb_t)chunk_limit * (dlimb_t)radix <= 0xFFFFFFFFull) {
        chunk_limit *= (limb_t)radix;
        per_chunk++;
    }
    size_t used = 0;   // limbs of m in use
    unsigned rounds = 0;
    for (size_t i = 0; i < count;) {
        limb_t value = 0, scale = 1;
        for (int k = 0; k < per_chunk && i < count; k++, i++) {
            int d = digit_value(units[i]);
            if (d >= radix) return JS_HOLE;
            value = value * (limb_t)radix + (limb_t)d;
            scale *= (limb_t)radix;
        }
        // m = m * scale + value
        dlimb_t carry = value;
        for (size_t j = 0; j < used; j++) {
            carry += (dlimb_t)m[j] * scale;
            m[j] = (limb_t)carry;
            carry >>= 32;
        }
        if (carry) m[used++] = (limb_t)carry;
        if ((++rounds & 1023) == 0) safepoint_poll(ts);
    }
    return bigint_finish(r, used, negative);
}

// StringToBigInt (§7.1.14): StrWhiteSpace, then a decimal integer with an optional sign or a
// 0x/0o/0b integer without one; the empty string is 0n. No separators, fractions or exponents.
Value bigint_from_string(ThreadState *ts, Value s) {
    String *flat = string_flatten(ts, s);
    if (!flat) return JS_EXCEPTION;
    size_t length = flat->length, start = 0, end = length;
    uint16_t *units = malloc((length ? length : 1) * sizeof(uint16_t));
    if (!units) return error_throw_out_of_memory(ts);
    for (size_t i = 0; i < length; i++) units[i] = string_char_at(flat, (uint32_t)i);
    while (start < end && number_is_js_whitespace(units[start])) start++;
    while (end > start && number_is_js_whitespace(units[end - 1])) end--;
    Value result = JS_HOLE;
    int radix = 10;
    bool negative = false;
    if (start == end) {
        result = bigint_from_limbs(ts, NULL, 0, false);
    } else {
        if (end - start > 2 && units[start] == '0') {
            uint16_t p = units[start + 1] | 0x20;
            radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
            if (radix != 10) start += 2;
        } else if (units[start] == '+' || units[start] == '-') {
            negative = units[start] == '-';
            start++;
        }
        if (start < end) result = bigint_from_digits(ts, units + start, end - start, radix, negative);
    }
    free(units);
    return result;
}

// ---- asIntN / asUintN ----

static bool is_power_of_two(const BigInt *x) {
    for (size_t i = 0; i + 1 < x->length; i++)
        if (x->limbs[i]) return false;
    return x->length > 0 && (x->limbs[x->length - 1] & (x->limbs[x->length - 1] - 1)) == 0;
}

Value bigint_as_n(ThreadState *ts, double bits, Value a, bool is_signed) {
    const BigInt *x = value_to_bigint(a);
    if (bits == 0) return bigint_from_limbs(ts, NULL, 0, false);
    double length = (double)bit_length(x);
    if (!neg_of(a)) {
        if (is_signed ? length < bits : length <= bits) return a;
    } else if (is_signed) {
        // -2**(bits-1) is the smallest value that fits.
        if (length < bits || (length == bits && is_power_of_two(x))) return a;
    } else if (bits > BIGINT_MAX_BITS) {
        return too_big(ts);
    }
    // bits is now at most BIGINT_MAX_BITS (it is below the operand's length, or checked above).
    size_t nb = (size_t)bits, n = (nb + 31) / 32;
    BigInt *r = bigint_alloc(ts, n);
    if (!r) return JS_EXCEPTION;
    TwosCursor c;
    twos_init(&c, a);
    for (size_t i = 0; i < n; i++) r->limbs[i] = twos_next(&c, i);
    limb_t top_mask = nb % 32 ? (1u << (nb % 32)) - 1 : 0xFFFFFFFFu;
    r->limbs[n - 1] &= top_mask;
    if (!is_signed) return bigint_finish(r, n, false);
    bool sign_bit = (r->limbs[(nb - 1) / 32] >> ((nb - 1) % 32)) & 1;
    if (sign_bit) r->limbs[n - 1] |= ~top_mask;   // sign-extend within the top limb
    return from_twos(r, n);
}
