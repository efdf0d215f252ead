/*
 * builtins/typedarray.h — the layouts of ArrayBuffer/SharedArrayBuffer, typed arrays and DataView
 * and the element accessors that typedarray.c, dataview.c, atomics.c, inspect.c and the
 * integer-indexed exotic methods (objectexotic.c) share. Implements TA-1..TA-5 (specs/sync.md)
 * and TA-8..TA-10 (resizable buffers, Float16; specs/typedarrays.md).
 *
 * Memory model [TA-1]: a buffer's bytes live in a CELL_BYTES cell that only the buffer (and, after
 * a transfer handed it over, the new buffer) references. A detach sets `detached` and nothing
 * else, so a thread still reading through a typed array it checked a moment earlier reads valid
 * (stale) memory; the bytes go when the collector finds every referrer dead, never earlier.
 * A resizable ArrayBuffer or growable SharedArrayBuffer reserves its maxByteLength when it is
 * made [TA-8]: resize and grow only publish a new byte_length, the bytes never move and never
 * shrink, so any index that was in range at any moment stays inside the storage. Every element access is one aligned relaxed atomic load or store of
 * the element's width [TA-2], so racing plain accesses never tear and are not data races in C.
 *
 * Content types [TA-6]: BigInt64Array and BigUint64Array hold BigInts, the other kinds Numbers.
 * Elements travel between the two worlds only as raw bits (typed_array_load_bits/store_bits);
 * the conversion of a JS value to bits (typedarray_value_to_bits) and of bits to a JS value
 * (typedarray_bits_to_value) are the only places that look at the content type, and BigInt
 * values pass only through csrc/bigint.h.
 */
#ifndef JST_BUILTINS_TYPEDARRAY_H
#define JST_BUILTINS_TYPEDARRAY_H

#include <math.h>
#include <string.h>
#include "builtins.h"
#include "../bigint.h"
#include "../safepoint.h"

// The typed array kinds in intrinsic-slot order (INTRINSIC_TYPED_ARRAY_KIND_*, 12 slots each).
// The BigInt kinds, then Float16Array (ES2025), come last.
typedef enum TypedArrayKind {
    TA_INT8, TA_UINT8, TA_UINT8_CLAMPED, TA_INT16, TA_UINT16, TA_INT32, TA_UINT32,
    TA_FLOAT32, TA_FLOAT64, TA_BIGINT64, TA_BIGUINT64, TA_FLOAT16,
    TA_KIND_COUNT,
} TypedArrayKind;
_Static_assert(TA_KIND_COUNT <= 12, "thread.h keeps 12 intrinsic slots per kind group");

// Whether the kind's content type is BigInt (BigInt64Array, BigUint64Array) [TA-6].
static inline bool typedarray_kind_is_bigint(int kind) { return kind == TA_BIGINT64 || kind == TA_BIGUINT64; }

// The element size of each kind.
static inline size_t typedarray_element_bytes(int kind) {
    static const uint8_t sizes[TA_KIND_COUNT] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 2};
    return sizes[kind];
}
extern const char *const typedarray_kind_name[TA_KIND_COUNT];

typedef struct ArrayBufferObject {
    Object object;          // CELL_ARRAY_BUFFER
    Cell *storage;          // CELL_BYTES holding `capacity` bytes at +16, or NULL when capacity is
                            // 0. Set at creation (or by the transfer that made this buffer), never
                            // changed: a detach does not free it [TA-1]
    uint8_t *data;          // storage + 16 (16-byte aligned), or NULL
    size_t byte_length;     // fixed, or for a resizable buffer the length now: changed only by
                            // resize/grow (atomically, TA-8); read with array_buffer_byte_length
    size_t max_byte_length; // resizable: maxByteLength; fixed: byte_length
    size_t capacity;        // bytes in storage: >= max_byte_length, never changes
    bool shared;            // a SharedArrayBuffer (never detached)
    bool resizable;         // made with maxByteLength (ArrayBuffer resizable, SAB growable)
    bool detached;          // set once by a transfer or a detach; read with load_acquire
} ArrayBufferObject;

typedef struct TypedArrayObject {
    Object object;          // CELL_TYPED_ARRAY; every field is set at creation and never changes
    Value buffer;           // the ArrayBufferObject viewed
    uint8_t *data;          // buffer data + byte_offset (NULL for an empty buffer)
    size_t length;          // elements (unused when length_tracking)
    size_t byte_offset;
    uint8_t kind;           // TypedArrayKind
    bool length_tracking;   // over a resizable buffer without a length: follows its byte length
} TypedArrayObject;

typedef struct DataViewObject {
    Object object;          // CELL_DATA_VIEW; fields set at creation and never changed
    Value buffer;
    size_t byte_offset;
    size_t byte_length;     // unused when length_tracking
    bool length_tracking;
} DataViewObject;

static inline ArrayBufferObject *array_buffer_of(Value buffer) { return value_to_cell(buffer); }
static inline bool array_buffer_is_detached(Value buffer) {
    return load_acquire(&array_buffer_of(buffer)->detached);
}
// ArrayBufferByteLength: 0 once detached; a resizable buffer's length of this moment [TA-8].
static inline size_t array_buffer_byte_length(const ArrayBufferObject *b) {
    if (load_acquire(&b->detached)) return 0;
    return b->resizable ? load_acquire(&b->byte_length) : b->byte_length;
}
static inline TypedArrayObject *typed_array_of(Value v) { return value_to_cell(v); }
static inline bool typed_array_is_detached(const TypedArrayObject *ta) {
    return array_buffer_is_detached(ta->buffer);
}

/*
 * IsTypedArrayOutOfBounds and TypedArrayLength from one read of the buffer's state (ES2024
 * §10.4.5.12-13): false when the buffer is detached or a shrink left the view out of bounds
 * (*length 0), else true with the length the view has now. One read decides both, so a racing
 * detach or resize gives one consistent answer (never "in bounds" with the length of after the
 * detach); any index below a length ever given stays inside the reserved storage [TA-8].
 */
static inline bool typed_array_bounds(const TypedArrayObject *ta, size_t *length) {
    const ArrayBufferObject *b = array_buffer_of(ta->buffer);
    *length = 0;
    if (load_acquire(&b->detached)) return false;
    if (!b->resizable) {
        *length = ta->length;
        return true;
    }
    size_t bytes = load_acquire(&b->byte_length), size = typedarray_element_bytes(ta->kind);
    if (ta->byte_offset > bytes) return false;
    if (ta->length_tracking) {
        *length = (bytes - ta->byte_offset) / size;
        return true;
    }
    if (ta->length * size > bytes - ta->byte_offset) return false;
    *length = ta->length;
    return true;
}
// The length a typed array has now, 0 once out of bounds or detached.
static inline size_t typed_array_length(const TypedArrayObject *ta) {
    size_t length;
    typed_array_bounds(ta, &length);
    return length;
}
// IsTypedArrayOutOfBounds, detached included (ValidateTypedArray's TypeError case).
static inline bool typed_array_out_of_bounds(const TypedArrayObject *ta) {
    size_t length;
    return !typed_array_bounds(ta, &length);
}

// The raw bits of element `index` (in range, any kind) in the low bytes of the result: one
// relaxed load of the element's width from its naturally aligned address [TA-2].
static inline uint64_t typed_array_load_bits(const TypedArrayObject *ta, size_t index) {
    uint8_t *p = ta->data + index * typedarray_element_bytes(ta->kind);
    switch (typedarray_element_bytes(ta->kind)) {
    case 1: return __atomic_load_n(p, __ATOMIC_RELAXED);
    case 2: return __atomic_load_n((uint16_t *)p, __ATOMIC_RELAXED);
    case 4: return __atomic_load_n((uint32_t *)p, __ATOMIC_RELAXED);
    default: return __atomic_load_n((uint64_t *)p, __ATOMIC_RELAXED);
    }
}

/*
 * binary16 <-> double [TA-10]. The encoding rounds the double itself to nearest, ties to even
 * (never through float, whose own rounding would round twice): overflow gives Infinity,
 * subnormals keep their precision, NaN becomes the quiet NaN 0x7E00 with its sign, -0 stays -0.
 */
static inline uint16_t typedarray_double_to_half(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint16_t sign = (uint16_t)((bits >> 48) & 0x8000);
    uint64_t magnitude = bits & 0x7FFFFFFFFFFFFFFFull;
    if (magnitude >= 0x7FF0000000000000ull) return sign | (magnitude > 0x7FF0000000000000ull ? 0x7E00 : 0x7C00);
    int exponent = (int)(magnitude >> 52) - 1023;
    if (exponent > 15) return sign | 0x7C00;
    if (exponent < -25) return sign;   // below half the smallest subnormal (doubles' subnormals too)
    uint64_t significand = (magnitude & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    // Normal halves keep 11 significant bits; subnormals count in units of 2^-24.
    int shift = exponent >= -14 ? 42 : 28 - exponent;
    uint64_t q = significand >> shift, rest = significand & ((1ull << shift) - 1), half = 1ull << (shift - 1);
    if (rest > half || (rest == half && (q & 1))) q++;
    if (exponent < -14) return sign | (uint16_t)q;   // q == 0x400 is the smallest normal: right bits
    uint64_t biased = (uint64_t)(exponent + 15);
    if (q == 0x800) q = 0x400, biased++;              // rounded up to the next binade
    if (biased >= 31) return sign | 0x7C00;
    return sign | (uint16_t)(biased << 10) | (uint16_t)(q & 0x3FF);
}

static inline double typedarray_half_to_double(uint16_t h) {
    int exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
    double magnitude;
    if (exponent == 0) magnitude = ldexp((double)mantissa, -24);
    else if (exponent == 31) magnitude = mantissa ? NAN : INFINITY;
    else magnitude = ldexp((double)(mantissa | 0x400), exponent - 25);
    return (h & 0x8000) ? -magnitude : magnitude;
}

// RawBytesToNumeric for the Number kinds; for the BigInt kinds the element's nearest double
// (used only to order or print, never as the element's JS value).
static inline double typedarray_bits_to_number(int kind, uint64_t bits) {
    switch (kind) {
    case TA_INT8: return (int8_t)bits;
    case TA_UINT8:
    case TA_UINT8_CLAMPED: return (uint8_t)bits;
    case TA_INT16: return (int16_t)bits;
    case TA_UINT16: return (uint16_t)bits;
    case TA_INT32: return (int32_t)bits;
    case TA_UINT32: return (uint32_t)bits;
    case TA_FLOAT32: {
        uint32_t narrow = (uint32_t)bits;
        float f;
        memcpy(&f, &narrow, sizeof f);
        return (double)f;
    }
    case TA_FLOAT64: {
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    case TA_BIGINT64: return (double)(int64_t)bits;
    case TA_FLOAT16: return typedarray_half_to_double((uint16_t)bits);
    default: return (double)bits;
    }
}

// The Number value of bits of a Number kind (an int Value when it fits).
static inline Value typedarray_number_value(int kind, uint64_t bits) {
    if (kind <= TA_INT32) return value_from_int((int32_t)typedarray_bits_to_number(kind, bits));
    return value_from_number(typedarray_bits_to_number(kind, bits));
}

// RawBytesToNumeric: the JS value of an element's bits; a BigInt for the BigInt kinds, which
// allocates (JS_EXCEPTION on failure) [TA-6].
static inline Value typedarray_bits_to_value(ThreadState *ts, int kind, uint64_t bits) {
    if (kind == TA_BIGINT64) return bigint_from_int64(ts, (int64_t)bits);
    if (kind == TA_BIGUINT64) return bigint_from_uint64(ts, bits);
    return typedarray_number_value(kind, bits);
}

// Element `index` (in range, buffer not detached) as its JS value (may allocate a BigInt).
static inline Value typed_array_get_value(ThreadState *ts, const TypedArrayObject *ta, size_t index) {
    return typedarray_bits_to_value(ts, ta->kind, typed_array_load_bits(ta, index));
}

// Element `index` (in range) as a Number: its value for the Number kinds, the nearest double for
// the BigInt kinds (display only: printers that want BigInts call typed_array_get_value).
static inline Value typed_array_load(const TypedArrayObject *ta, size_t index) {
    uint64_t bits = typed_array_load_bits(ta, index);
    if (typedarray_kind_is_bigint(ta->kind)) return value_from_number(typedarray_bits_to_number(ta->kind, bits));
    return typedarray_number_value(ta->kind, bits);
}

// ToUint8Clamp (ES2020 7.1.11): round half to even, NaN to 0.
static inline uint8_t typedarray_clamp_uint8(double d) {
    if (!(d > 0)) return 0;
    if (d >= 255) return 255;
    double f = (double)(int)d;
    if (f + 0.5 < d) return (uint8_t)(f + 1);
    if (d < f + 0.5) return (uint8_t)f;
    return ((int)f & 1) ? (uint8_t)(f + 1) : (uint8_t)f;
}

// The element bits of `number` for a Number kind (NumericToRawBytes), in the low bytes of the
// result. The integer kinds keep the low bits of ToInt32's modular conversion (ToInt8 ..
// ToUint32): ops_double_to_int32, the one copy of it.
static inline uint64_t typedarray_raw_bits(int kind, double number) {
    switch (kind) {
    case TA_UINT8_CLAMPED: return typedarray_clamp_uint8(number);
    case TA_FLOAT16: return typedarray_double_to_half(number);
    case TA_FLOAT32: {
        float f = (float)number;
        uint32_t bits;
        memcpy(&bits, &f, sizeof bits);
        return bits;
    }
    case TA_FLOAT64: {
        uint64_t bits;
        memcpy(&bits, &number, sizeof bits);
        return bits;
    }
    default:
        if (number >= -2147483648.0 && number <= 2147483647.0) return (uint32_t)(int32_t)number;
        return (uint32_t)ops_double_to_int32(number);
    }
}

/*
 * The element bits of any JS value for `kind`: ToBigInt64/ToBigUint64 for the BigInt kinds (a
 * Number is a TypeError there), ToNumber for the others (a BigInt is a TypeError there) [TA-6].
 * May run JS. False with an exception pending on failure.
 */
static inline bool typedarray_value_to_bits(ThreadState *ts, int kind, Value v, uint64_t *bits) {
    if (kind == TA_BIGINT64) {
        int64_t i;
        if (!value_to_bigint64(ts, v, &i)) return false;
        *bits = (uint64_t)i;
        return true;
    }
    if (kind == TA_BIGUINT64) return value_to_biguint64(ts, v, bits);
    double number;
    if (value_is_number(v)) number = value_to_number(v);
    else if (!ops_to_number(ts, v, &number)) return false;
    *bits = typedarray_raw_bits(kind, number);
    return true;
}

// Stores already-converted bits into element `index` (in range): one relaxed store [TA-2].
static inline void typed_array_store_bits(TypedArrayObject *ta, size_t index, uint64_t bits) {
    uint8_t *p = ta->data + index * typedarray_element_bytes(ta->kind);
    switch (typedarray_element_bytes(ta->kind)) {
    case 1: __atomic_store_n(p, (uint8_t)bits, __ATOMIC_RELAXED); break;
    case 2: __atomic_store_n((uint16_t *)p, (uint16_t)bits, __ATOMIC_RELAXED); break;
    case 4: __atomic_store_n((uint32_t *)p, (uint32_t)bits, __ATOMIC_RELAXED); break;
    default: __atomic_store_n((uint64_t *)p, bits, __ATOMIC_RELAXED); break;
    }
}

// The number of a Number Value (int or double).
static inline double typedarray_number(Value v) { return value_to_number(v); }

/*
 * IntegerIndexedElementSet: ToNumber(v) or ToBigInt(v) first (it may run JS, even detach the
 * buffer), then a store only if index is still in range. 0 on success (stored or ignored), -1
 * on throw.
 */
static inline int typed_array_set_element(ThreadState *ts, TypedArrayObject *ta, double index, Value v) {
    uint64_t bits;
    if (!typedarray_value_to_bits(ts, ta->kind, v, &bits)) return -1;
    if (index >= 0 && !signbit(index) && index < (double)typed_array_length(ta) && index == (double)(size_t)index)
        typed_array_store_bits(ta, (size_t)index, bits);
    return 0;
}

// Long element loops poll every 64K steps, so a multi-megabyte fill or copy never holds up a
// stop-the-world [SP-6]. Buffers never move and their bytes outlive a detach or a shrink, so
// addresses held across the poll stay valid [TA-1, TA-8].
static inline void typedarray_poll(ThreadState *ts, size_t step) {
    if ((step & 0xFFFF) == 0xFFFF) safepoint_poll(ts);
}

// Whether v is a typed array (any kind).
static inline bool value_is_typed_array(Value v) { return value_cell_type(v) == CELL_TYPED_ARRAY; }

// Fast paths for an interpreter or JIT element access `base[key]` with an int32 key: true when
// answered (a load in range, or undefined out of range: no prototype lookup for numeric keys,
// TA-3); false means "take the generic path". Never throw, never allocate, so the BigInt kinds
// (whose loads allocate) take the generic path.
static inline bool typed_array_get_fast(Value base, Value key, Value *out) {
    if (!value_is_typed_array(base) || !value_is_int(key)) return false;
    TypedArrayObject *ta = typed_array_of(base);
    if (typedarray_kind_is_bigint(ta->kind)) return false;
    int32_t index = value_to_int(key);
    *out = index >= 0 && (size_t)index < typed_array_length(ta) ? typed_array_load(ta, (size_t)index) : JS_UNDEFINED;
    return true;
}
// `base[key] = v` for a Number v into a Number kind (no conversion that could run JS): stored in
// range, dropped out of range. A restricted view takes the generic path, which throws for foreign
// threads; a BigInt kind takes it too (a Number there is a TypeError).
static inline bool typed_array_set_fast(ThreadState *ts, Value base, Value key, Value v) {
    if (!value_is_typed_array(base) || !value_is_int(key) || !value_is_number(v)) return false;
    TypedArrayObject *ta = typed_array_of(base);
    if (typedarray_kind_is_bigint(ta->kind)) return false;
    if (structure_is_restricted(object_structure(ts, &ta->object))) return false;
    int32_t index = value_to_int(key);
    if (index >= 0 && (size_t)index < typed_array_length(ta))
        typed_array_store_bits(ta, (size_t)index, typedarray_raw_bits(ta->kind, value_to_number(v)));
    return true;
}

// ---- shared between the typed array files ----
// AllocateArrayBuffer with %ArrayBuffer.prototype% (or the SharedArrayBuffer one): zeroed bytes.
Value array_buffer_new(ThreadState *ts, size_t byte_length, bool shared, Value prototype);
// The same with maxByteLength (>= byte_length): a resizable/growable buffer reserving it [TA-8].
Value array_buffer_new_resizable(ThreadState *ts, size_t byte_length, size_t max_byte_length, bool shared,
                                 Value prototype);
// A new typed array of `kind` over a fresh zeroed buffer of `length` elements.
Value typed_array_new(ThreadState *ts, int kind, size_t length);
// A typed array object over `buffer` (no checks), with the given prototype.
Value typed_array_over(ThreadState *ts, int kind, Value buffer, size_t byte_offset, size_t length,
                       Value prototype);
// CanonicalNumericIndexString for a non-index key (objectexotic.c): 1 with *index set when
// numeric, 0 when not, -1 on throw.
int typed_array_numeric_key(ThreadState *ts, PropKey key, double *index);
// The installers of arraybuffer.c and dataview.c (typedarray.c's installer calls them).
bool typedarray_install_buffers(ThreadState *ts);
bool typedarray_install_dataview(ThreadState *ts);

#endif
