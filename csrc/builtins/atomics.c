/*
 * builtins/atomics.c — the Atomics namespace on (object, key): seq-cst load/store/exchange/
 * compareExchange and the add/sub/and/or/xor family as single atomic steps on the property's
 * slot (object_atomic_slot, OM-4), and wait/waitAsync/notify through a runtime-wide waiter table
 * keyed by (object, key). Integer typed arrays take the element path (one __atomic builtin per
 * operation, TA-4; BigInt64Array and BigUint64Array too, TA-7) and Int32Array/BigInt64Array
 * wait/notify share the waiter table (TA-5). Never holds
 * atomics_lock across an allocation, a JS call or a safepoint. Implements SYNC-9..SYNC-12.
 */
#include <math.h>
#include <stdlib.h>
#include "sync.h"
#include "../atomics.h"
#include "../structure.h"
#include "typedarray.h"

/* ---- Waiters [SYNC-10] ----
 * A waiter sits in the bucket of its (object, key) until notify or its deadline takes it out,
 * whichever gets atomics_lock first. Sync waiters live on their thread's C stack (which also
 * keeps object and key alive); async ones are malloc'd and their record roots object, key and
 * promise, so no address can be reused for another object while a waiter names it. */

typedef struct AtomicsWaiter {
    struct AtomicsWaiter *next;
    ThreadState *ts;
    Value object, key;        // compared by identity: keys are canonical (atoms, symbols, numbers)
    uint32_t root;            // async: sync root of the record; 0 for a sync waiter
    bool notified;            // sync: set by notify under atomics_lock
} AtomicsWaiter;

#define BUCKET_COUNT (sizeof(((Runtime *)0)->atomics_waiters) / sizeof(AtomicsWaiter *))

static AtomicsWaiter **bucket_of(Runtime *rt, Value object, Value key) {
    uint64_t h = (object >> 4) * 0x9E3779B97F4A7C15ull ^ key * 0xC2B2AE3D27D4EB4Full;
    return &rt->atomics_waiters[(h >> 32) % BUCKET_COUNT];
}

static void bucket_append(AtomicsWaiter **bucket, AtomicsWaiter *w) {
    w->next = NULL;
    while (*bucket) bucket = &(*bucket)->next;
    *bucket = w;
}

static void bucket_remove(AtomicsWaiter **bucket, AtomicsWaiter *w) {
    for (; *bucket; bucket = &(*bucket)->next) {
        if (*bucket == w) {
            *bucket = w->next;
            return;
        }
    }
}

/* ---- Targets and slots ---- */

typedef struct Target {
    Value object;
    PropKey key;
    uint32_t claimed;   // between lock_target and unlock_target: the claimed structure id
} Target;

/*
 * Dispatch [SYNC-9]: a typed array would take the element path here (a later issue); any other
 * object takes the property path with key = ToPropertyKey(key); everything else is a TypeError.
 */
static bool atomics_target(ThreadState *ts, const char *name, const Value *args, int argc, Target *out,
                           bool reads_property) {
    Value object = builtin_arg(args, argc, 0);
    if (!value_is_object(object)) {
        error_throw_type(ts, "Atomics.%s requires an object or an integer typed array", name);
        return false;
    }
    // A property-Atomics op is one atomic step on a slot: a Proxy's traps (or a host object's
    // Python) would run user code inside it, so they are refused before any coercion.
    if (value_cell_type(object) == CELL_PROXY || value_cell_type(object) == CELL_HOST_OBJECT) {
        error_throw_type(ts, "Atomics.%s cannot operate on a %s", name,
                         value_cell_type(object) == CELL_PROXY ? "Proxy" : "host object");
        return false;
    }
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return false;
    out->object = object;
    out->key = key;
    // Thread.restrict: object_atomic_slot does not check it, the object model's own lookup
    // does (ConcurrentAccessError from a foreign thread, nothing for the owner). notify reads
    // no property and is not checked.
    if (reads_property && structure_is_restricted(object_structure(ts, value_to_object(object)))) {
        PropertyDescriptor desc;
        if (object_get_own_property(ts, object, key, &desc) < 0) return false;
    }
    return true;
}

// The slot of an own data property, or NULL with *attrs = 0.
static Value *data_slot(ThreadState *ts, const Target *t, uint8_t *attrs) {
    *attrs = 0;
    return object_atomic_slot(ts, t->object, t->key, attrs);
}

// Own data properties kept outside ordinary slots (an array's length, a string wrapper's
// indexes): 1 with *value filled, 0 when there is none (or it is an accessor), -1 on throw.
static int exotic_data_value(ThreadState *ts, const Target *t, Value *value, uint8_t *attrs) {
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, t->object, t->key, &desc);
    if (found <= 0) return found;
    if (desc.attributes & PROP_ACCESSOR) return 0;
    *value = desc.value;
    *attrs = desc.attributes;
    return 1;
}

static Value seq_cst_load(Value *slot) {
    return load_acquire(slot);
}

// A store that is also a full fence, so later loads by this thread cannot pass it (seq-cst).
static void seq_cst_store(Value *slot, Value v) {
    (void)exchange_acq_rel(slot, v);
}

/*
 * Layout changes (deletes, attribute changes, adds) claim the object's structure id, under its
 * cell lock or, for an owner on its lock-free path, without it [OM-7]. Holding the lock and a
 * claim from the slot lookup to the atomic step makes them one step [SYNC-14]: the step never
 * lands in a slot its property has just left (a deleted slot holds undefined, which the property
 * never did). Element deletes store a hole without a claim: a hole read is a property deleted
 * first.
 */
static void lock_target(ThreadState *ts, Target *t) {
    t->claimed = object_lock_and_claim(ts, value_to_object(t->object));
}
static void unlock_target(const Target *t) {
    object_unclaim_and_unlock(value_to_object(t->object), t->claimed);
}

// Under the target's lock, so it throws nothing (the lock is held only around plain memory
// steps, never while allocating): the writable data slot, or NULL with *why set.
static Value *writable_slot_locked(ThreadState *ts, const Target *t, const char **why) {
    uint8_t attrs;
    Value *slot = data_slot(ts, t, &attrs);
    if (!slot) *why = "object has no own data property";
    else if (!(attrs & PROP_WRITABLE)) *why = "property is not writable", slot = NULL;
    return slot;
}

/* ---- Typed arrays [TA-4, TA-5] ----
 * Integer typed arrays take the element path: every operation is one __atomic builtin of the
 * element's width, seq-cst, on the element's aligned address inside the buffer's bytes (which a
 * detach never frees [TA-1]). Waiters on an Int32Array are keyed by (buffer, -1 - byte index):
 * every view of one SharedArrayBuffer meets the same waiters, and the negative number can never
 * be a property key, so element waiters and property waiters on the buffer never meet. */

// Whether v takes the typed-array path: any ArrayBuffer view, a DataView too (which then fails
// validation), never the property path (threads-api-notes: "any JSArrayBufferView").
static bool atomics_is_view(const Value *args, int argc) {
    return argc > 0 && (value_is_typed_array(args[0]) || value_cell_type(args[0]) == CELL_DATA_VIEW);
}

// ValidateIntegerTypedArray: Int8..Uint32 except Uint8Clamped and the two BigInt kinds, or only
// Int32 and BigInt64 when waitable; the view must be neither detached nor out of bounds. *length
// is the length of this moment, which the index is checked against (ValidateAtomicAccess).
static TypedArrayObject *ta_validate(ThreadState *ts, Value v, bool waitable, size_t *length) {
    TypedArrayObject *ta = value_is_typed_array(v) ? typed_array_of(v) : NULL;
    bool integer = ta && ((ta->kind <= TA_UINT32 && ta->kind != TA_UINT8_CLAMPED) || typedarray_kind_is_bigint(ta->kind));
    if (!ta || (waitable ? ta->kind != TA_INT32 && ta->kind != TA_BIGINT64 : !integer)) {
        // The texts JSC gives (threads-api-notes: the typed-array path keeps its errors).
        error_throw_type(ts, waitable ? "Typed array argument must be an Int32Array or BigInt64Array."
                                      : "Typed array argument must be an Int8Array, Int16Array, Int32Array, "
                                        "Uint8Array, Uint16Array, Uint32Array, BigInt64Array, or BigUint64Array.");
        return NULL;
    }
    // One snapshot: a detach racing between an out-of-bounds check and a length read would turn
    // this TypeError into the RangeError of index >= 0.
    if (!typed_array_bounds(ta, length)) {
        error_throw_type(ts, "Cannot perform Atomics operation on a detached ArrayBuffer");
        return NULL;
    }
    return ta;
}

// ValidateAtomicAccess: ToIndex, then a RangeError at or past the length ta_validate saw, even
// if ToIndex detached the buffer meanwhile (the RangeError wins, as in the spec).
static bool ta_index(ThreadState *ts, size_t length, Value request, size_t *out) {
    double index;
    if (!ops_to_index(ts, request, &index)) return false;
    if (index >= (double)length) {
        error_throw_range(ts, "Access index out of bounds for atomic access.");
        return false;
    }
    *out = (size_t)index;
    return true;
}

// RevalidateAtomicAccess (ES2024), after conversions that may have run JS: a TypeError once the
// view is detached or out of bounds, a RangeError once a shrink left index behind. (The bytes
// would still be valid memory [TA-8]; this is the spec's answer, not a safety check.)
static bool ta_revalidate(ThreadState *ts, const TypedArrayObject *ta, size_t index) {
    size_t length;
    if (!typed_array_bounds(ta, &length)) {   // one snapshot, as in ta_validate
        error_throw_type(ts, "Cannot perform Atomics operation on a detached ArrayBuffer");
        return false;
    }
    if (index >= length) {
        error_throw_range(ts, "Access index out of bounds for atomic access.");
        return false;
    }
    return true;
}

/*
 * The operand conversion and the revalidation after it: ToIntegerOrInfinity (*number) and its
 * low 32 bits for the Number kinds; ToBigInt64/ToBigUint64's 64 bits for the BigInt kinds [TA-7].
 */
static bool ta_operand(ThreadState *ts, TypedArrayObject *ta, size_t index, Value v, uint64_t *bits,
                       double *number) {
    if (typedarray_kind_is_bigint(ta->kind)) {
        if (!typedarray_value_to_bits(ts, ta->kind, v, bits)) return false;
    } else {
        if (!ops_to_integer(ts, v, number)) return false;
        if (*number == 0) *number = 0;   // -0 stores and returns +0
        *bits = (uint32_t)ops_double_to_int32(*number);
    }
    return ta_revalidate(ts, ta, index);
}

// The first five match RMW_ADD..RMW_XOR below, so Atomics_rmw passes its magic through.
enum { TA_OP_ADD, TA_OP_SUB, TA_OP_AND, TA_OP_OR, TA_OP_XOR, TA_OP_EXCHANGE, TA_OP_LOAD, TA_OP_STORE };

#define TA_RMW(T)                                                                                   \
    do {                                                                                            \
        T *q = (T *)p, x = (T)bits;                                                                 \
        switch (op) {                                                                               \
        case TA_OP_ADD: return (uint64_t)__atomic_fetch_add(q, x, __ATOMIC_SEQ_CST);                \
        case TA_OP_SUB: return (uint64_t)__atomic_fetch_sub(q, x, __ATOMIC_SEQ_CST);                \
        case TA_OP_AND: return (uint64_t)__atomic_fetch_and(q, x, __ATOMIC_SEQ_CST);                \
        case TA_OP_OR: return (uint64_t)__atomic_fetch_or(q, x, __ATOMIC_SEQ_CST);                  \
        case TA_OP_XOR: return (uint64_t)__atomic_fetch_xor(q, x, __ATOMIC_SEQ_CST);                \
        case TA_OP_EXCHANGE: return (uint64_t)__atomic_exchange_n(q, x, __ATOMIC_SEQ_CST);          \
        case TA_OP_LOAD: return (uint64_t)__atomic_load_n(q, __ATOMIC_SEQ_CST);                     \
        default: __atomic_store_n(q, x, __ATOMIC_SEQ_CST); return 0;                                \
        }                                                                                           \
    } while (0)

// One seq-cst step on the element at p; returns the bits it held before (load: the bits read).
static uint64_t ta_step(uint8_t *p, int size, int op, uint64_t bits) {
    switch (size) {
    case 1: TA_RMW(uint8_t);
    case 2: TA_RMW(uint16_t);
    case 4: TA_RMW(uint32_t);
    default: TA_RMW(uint64_t);
    }
}

static uint8_t *ta_element(TypedArrayObject *ta, size_t index) {
    return ta->data + index * typedarray_element_bytes(ta->kind);
}

// load, store, exchange and add..xor on a typed array; op is a TA_OP_*.
static Value ta_operation(ThreadState *ts, const Value *args, int argc, int op) {
    size_t length, index;
    TypedArrayObject *ta = ta_validate(ts, args[0], false, &length);
    if (!ta || !ta_index(ts, length, builtin_arg(args, argc, 1), &index)) return JS_EXCEPTION;
    double operand = 0;
    uint64_t bits = 0;
    Value raw = builtin_arg(args, argc, 2);
    if (op != TA_OP_LOAD && !ta_operand(ts, ta, index, raw, &bits, &operand)) return JS_EXCEPTION;
    if (op == TA_OP_LOAD && !ta_revalidate(ts, ta, index)) return JS_EXCEPTION;
    uint64_t old = ta_step(ta_element(ta, index), (int)typedarray_element_bytes(ta->kind), op, bits);
    if (op == TA_OP_STORE) {
        if (!typedarray_kind_is_bigint(ta->kind)) return value_from_number(operand);
        // store returns ToBigInt(v): v itself when it is a BigInt; otherwise (a boolean or a
        // numeric string) the value its 64 bits stand for.
        return value_is_bigint(raw) ? raw : bigint_from_int64(ts, (int64_t)bits);
    }
    return typedarray_bits_to_value(ts, ta->kind, old);
}

static Value ta_compare_exchange(ThreadState *ts, const Value *args, int argc) {
    size_t length, index;
    TypedArrayObject *ta = ta_validate(ts, args[0], false, &length);
    if (!ta || !ta_index(ts, length, builtin_arg(args, argc, 1), &index)) return JS_EXCEPTION;
    // The expected value converts like the replacement, and both before the detach re-check.
    double expected, replacement;
    uint64_t want, put;
    if (typedarray_kind_is_bigint(ta->kind)) {
        if (!typedarray_value_to_bits(ts, ta->kind, builtin_arg(args, argc, 2), &want)) return JS_EXCEPTION;
    } else {
        if (!ops_to_integer(ts, builtin_arg(args, argc, 2), &expected)) return JS_EXCEPTION;
        want = (uint32_t)ops_double_to_int32(expected);
    }
    if (!ta_operand(ts, ta, index, builtin_arg(args, argc, 3), &put, &replacement)) return JS_EXCEPTION;
    uint8_t *p = ta_element(ta, index);
    uint64_t seen;
    switch (typedarray_element_bytes(ta->kind)) {
    case 1: {
        uint8_t e = (uint8_t)want;
        __atomic_compare_exchange_n(p, &e, (uint8_t)put, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        seen = e;
        break;
    }
    case 2: {
        uint16_t e = (uint16_t)want;
        __atomic_compare_exchange_n((uint16_t *)p, &e, (uint16_t)put, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        seen = e;
        break;
    }
    case 4: {
        uint32_t e = (uint32_t)want;
        __atomic_compare_exchange_n((uint32_t *)p, &e, (uint32_t)put, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        seen = e;
        break;
    }
    default: {
        uint64_t e = want;
        __atomic_compare_exchange_n((uint64_t *)p, &e, put, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        seen = e;
        break;
    }
    }
    return typedarray_bits_to_value(ts, ta->kind, seen);
}

static Value result_string(ThreadState *ts, const char *s);

#define GATE_MESSAGE "Atomics.wait cannot be called from the current thread."
#define NOT_SHARED_MESSAGE "Typed array for wait/waitAsync/notify must wrap a SharedArrayBuffer."

static Value ta_waiter_key(size_t byte_index) { return value_from_number(-1.0 - (double)byte_index); }

// The waiter key of element `index` of a waitable view (Int32Array or BigInt64Array) [TA-5].
static Value ta_element_key(const TypedArrayObject *ta, size_t index) {
    return ta_waiter_key(ta->byte_offset + index * typedarray_element_bytes(ta->kind));
}

// The expected value of a wait: ToInt32 for an Int32Array, ToBigInt64 for a BigInt64Array, as
// the element's bits (sign-extended for Int32, so it compares with a sign-extended load).
static bool ta_wait_expected(ThreadState *ts, const TypedArrayObject *ta, Value v, int64_t *out) {
    if (ta->kind == TA_BIGINT64) return value_to_bigint64(ts, v, out);
    int32_t i;
    if (!ops_to_int32(ts, v, &i)) return false;
    *out = i;
    return true;
}

// A seq-cst load of a waitable element (4 or 8 bytes), sign-extended.
static int64_t ta_wait_load(const uint8_t *p, int size) {
    if (size == 4) return __atomic_load_n((const int32_t *)p, __ATOMIC_SEQ_CST);
    return __atomic_load_n((const int64_t *)p, __ATOMIC_SEQ_CST);
}

// waitAsync's typed-array front [TA-5]: the waiter target, the element and its expected value.
static uint8_t *ta_wait_async_arguments(ThreadState *ts, const Value *args, int argc, Target *t,
                                        int64_t *expected, int *size, double *timeout) {
    size_t length;
    TypedArrayObject *ta = ta_validate(ts, args[0], true, &length);
    if (!ta) return NULL;
    if (!array_buffer_of(ta->buffer)->shared) {
        error_throw_type(ts, NOT_SHARED_MESSAGE);
        return NULL;
    }
    size_t index;
    if (!ta_index(ts, length, builtin_arg(args, argc, 1), &index) ||
        !ta_wait_expected(ts, ta, builtin_arg(args, argc, 2), expected))
        return NULL;
    *timeout = INFINITY;
    Value limit = builtin_arg(args, argc, 3);
    if (limit != JS_UNDEFINED) {
        if (!ops_to_number(ts, limit, timeout)) return NULL;
        if (isnan(*timeout)) *timeout = INFINITY;
        else if (*timeout < 0) *timeout = 0;
    }
    t->object = ta->buffer;
    t->key = ta_element_key(ta, index);
    *size = (int)typedarray_element_bytes(ta->kind);
    return ta_element(ta, index);
}

/*
 * wait(int32Array or bigInt64Array, index, value, timeout) on a SharedArrayBuffer [TA-5]: the
 * same one-step read-and-enqueue under atomics_lock as the property path [SYNC-10], comparing
 * the element's bits.
 */
static Value ta_wait(ThreadState *ts, const Value *args, int argc) {
    // Under the GIL a spawned Thread never waits on an element: the check comes before any
    // argument is looked at, so even a call that would not block throws (threads-api-notes).
    if (ts->spawned && ts->rt->gil_mode) return error_throw_type(ts, GATE_MESSAGE);
    size_t length, index;
    TypedArrayObject *ta = ta_validate(ts, args[0], true, &length);
    if (!ta) return JS_EXCEPTION;
    if (!array_buffer_of(ta->buffer)->shared) return error_throw_type(ts, NOT_SHARED_MESSAGE);
    if (!ta_index(ts, length, builtin_arg(args, argc, 1), &index)) return JS_EXCEPTION;
    int64_t expected;
    if (!ta_wait_expected(ts, ta, builtin_arg(args, argc, 2), &expected)) return JS_EXCEPTION;
    double timeout = INFINITY;
    Value limit = builtin_arg(args, argc, 3);
    if (limit != JS_UNDEFINED) {
        if (!ops_to_number(ts, limit, &timeout)) return JS_EXCEPTION;
        if (isnan(timeout)) timeout = INFINITY;
        else if (timeout < 0) timeout = 0;
    }
    // DoWait's AgentCanSuspend step, before the value is read [THR-19].
    if (!thread_may_block(ts)) return error_throw_type(ts, GATE_MESSAGE);
    Runtime *rt = ts->rt;
    double deadline = timeout > 1e12 ? -1 : thread_now_ms() + timeout;
    Value key = ta_element_key(ta, index);
    AtomicsWaiter self_waiter = {.ts = ts, .object = ta->buffer, .key = key};
    AtomicsWaiter **bucket = bucket_of(rt, ta->buffer, key);
    uint8_t *p = ta_element(ta, index);
    int size = (int)typedarray_element_bytes(ta->kind);
    pthread_mutex_lock(&rt->atomics_lock);
    if (ta_wait_load(p, size) != expected) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return result_string(ts, "not-equal");
    }
    if (timeout == 0) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return result_string(ts, "timed-out");
    }
    bucket_append(bucket, &self_waiter);
    while (!self_waiter.notified) {
        if (thread_park(ts, &rt->atomics_lock, "Atomics.wait", deadline) != 0 && !self_waiter.notified) {
            bucket_remove(bucket, &self_waiter);
            break;
        }
    }
    pthread_mutex_unlock(&rt->atomics_lock);
    return result_string(ts, self_waiter.notified ? "ok" : "timed-out");
}

/* ---- load / store / exchange / compareExchange ---- */

static Value Atomics_load(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (atomics_is_view(args, argc)) return ta_operation(ts, args, argc, TA_OP_LOAD);
    Target t;
    if (!atomics_target(ts, "load", args, argc, &t, true)) return JS_EXCEPTION;
    for (;;) {
        uint8_t attrs;
        lock_target(ts, &t);
        Value *slot = data_slot(ts, &t, &attrs);
        Value loaded = slot ? seq_cst_load(slot) : JS_HOLE;
        unlock_target(&t);
        if (loaded != JS_HOLE) return loaded;
        // Ordinary storage is all an ordinary object has; reading it again unclaimed could meet
        // a key a racing owner has put in its dictionary but not yet given its value [SYNC-14].
        if (slot || !object_has_virtual_properties(t.object))
            return error_throw_type(ts, "Atomics.load: object has no own property");
        Value value;
        int found = exotic_data_value(ts, &t, &value, &attrs);
        if (found < 0) return JS_EXCEPTION;
        if (found == 0) return error_throw_type(ts, "Atomics.load: object has no own property");
        // Virtual (an array's length) unless the key reached ordinary storage meanwhile: then
        // read it there, under the claim.
        lock_target(ts, &t);
        slot = data_slot(ts, &t, &attrs);
        unlock_target(&t);
        if (!slot) return value;
    }
}

/*
 * store(o, k, v) stores v itself (no coercion) and returns it. An absent property is created
 * (writable, enumerable, configurable) if o is extensible; racing creators all end with one
 * property holding one of their values [SYNC-11].
 */
static Value Atomics_store(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (atomics_is_view(args, argc)) return ta_operation(ts, args, argc, TA_OP_STORE);
    Target t;
    if (!atomics_target(ts, "store", args, argc, &t, true)) return JS_EXCEPTION;
    Value v = builtin_arg(args, argc, 2);
    // Each round re-reads the property, so a creation that loses a race to another thread's
    // definition is redone against what that thread made.
    for (int round = 0;; round++) {
        // Lookup and store are one step under the lock and claim [SYNC-14]: a store into a slot
        // whose property a racing define has just turned into an accessor would overwrite the
        // accessor's cell with a value.
        uint8_t attrs;
        lock_target(ts, &t);
        Value *slot = data_slot(ts, &t, &attrs);
        bool writable = slot && (attrs & PROP_WRITABLE);
        if (writable) seq_cst_store(slot, v);
        unlock_target(&t);
        if (writable) return v;
        if (slot) return error_throw_type(ts, "Atomics.store: property is not writable");
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, t.object, t.key, &desc);
        if (found < 0) return JS_EXCEPTION;
        if (found) {
            if (desc.attributes & PROP_ACCESSOR) return error_throw_type(ts, "Atomics.store: property is an accessor");
            if (!(desc.attributes & PROP_WRITABLE)) return error_throw_type(ts, "Atomics.store: property is not writable");
            // A data property outside ordinary slots (e.g. an array's length): the object model's
            // own [[Set]] is the only writer that keeps its invariants.
            if (object_set(ts, t.object, t.key, v, t.object, true) < 0) return JS_EXCEPTION;
            return v;
        }
        int extensible = object_is_extensible(ts, t.object);
        if (extensible < 0) return JS_EXCEPTION;
        if (!extensible)
            return error_throw_type(ts, "Atomics.store: cannot add a property to a non-extensible object");
        // Create-if-absent, atomically: a racing define that made the key first is met on the
        // next round (and throws there if it is an accessor or read-only), never overwritten.
        int added = object_add_data_if_absent(ts, t.object, t.key, v);
        if (added < 0) return JS_EXCEPTION;
        if (added > 0) return v;
        // An ordinary object's add failed only because a racing define made the key (or made
        // the object non-extensible): the next round meets what it made. A define here instead
        // would replace a racing accessor or read-only definition with this value.
        if (!object_has_virtual_properties(t.object) || round < 2) continue;
        PropertyDescriptor create = {.value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED,
                                     .attributes = PROP_DEFAULT,
                                     .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE |
                                            DESC_HAS_CONFIGURABLE};
        int defined = object_define_own_property(ts, t.object, t.key, &create, round == 2);
        if (defined != 0) return defined < 0 ? JS_EXCEPTION : v;
    }
}

// The slot for exchange/compareExchange/RMW, or NULL after throwing "<prefix>: ..." [SYNC-11].
static Value *writable_slot(ThreadState *ts, const Target *t, const char *prefix) {
    uint8_t attrs;
    Value *slot = data_slot(ts, t, &attrs);
    if (!slot) {
        error_throw_type(ts, "%s: object has no own data property", prefix);
        return NULL;
    }
    if (!(attrs & PROP_WRITABLE)) {
        error_throw_type(ts, "%s: property is not writable", prefix);
        return NULL;
    }
    return slot;
}

static Value Atomics_exchange(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (atomics_is_view(args, argc)) return ta_operation(ts, args, argc, TA_OP_EXCHANGE);
    Target t;
    if (!atomics_target(ts, "exchange", args, argc, &t, true)) return JS_EXCEPTION;
    const char *why = "object has no own data property";
    lock_target(ts, &t);
    Value *slot = writable_slot_locked(ts, &t, &why);
    Value old = JS_HOLE;
    if (slot) {
        old = load_acquire(slot);
        while (old != JS_HOLE && !cas_acq_rel(slot, &old, builtin_arg(args, argc, 2))) {}
    }
    unlock_target(&t);
    if (old == JS_HOLE) return error_throw_type(ts, "Atomics.exchange: %s", why);
    return old;
}

// compareExchange compares with SameValueZero, so a NaN or -0 expected value matches and CAS
// loops over them terminate; it returns the value read [SYNC-11].
static Value Atomics_compareExchange(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (atomics_is_view(args, argc)) return ta_compare_exchange(ts, args, argc);
    Target t;
    if (!atomics_target(ts, "compareExchange", args, argc, &t, true)) return JS_EXCEPTION;
    const char *why = "object has no own data property";
    Value expected = builtin_arg(args, argc, 2), replacement = builtin_arg(args, argc, 3);
    lock_target(ts, &t);
    Value *slot = writable_slot_locked(ts, &t, &why);
    Value current = slot ? seq_cst_load(slot) : JS_HOLE;
    for (;;) {
        if (current == JS_HOLE || !ops_same_value_zero(current, expected)) break;
        Value seen = current;
        if (cas_acq_rel(slot, &seen, replacement)) break;
        current = seen;   // another thread wrote in between: compare against what is there now
    }
    unlock_target(&t);
    if (current == JS_HOLE) return error_throw_type(ts, "Atomics.compareExchange: %s", why);
    return current;
}

/* ---- add / sub / and / or / xor [SYNC-11] ---- */

enum { RMW_ADD, RMW_SUB, RMW_AND, RMW_OR, RMW_XOR };

static Value Atomics_rmw(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    if (atomics_is_view(args, argc)) return ta_operation(ts, args, argc, magic);
    static const char *const names[] = {"add", "sub", "and", "or", "xor"};
    Target t;
    if (!atomics_target(ts, names[magic], args, argc, &t, true)) return JS_EXCEPTION;
    if (!writable_slot(ts, &t, "Atomics RMW")) return JS_EXCEPTION;
    // The operand is coerced after validation, and may run JS that reshapes the object: the
    // slot is looked up again afterwards.
    double operand = 0;
    int32_t bits = 0;
    Value raw = builtin_arg(args, argc, 2);
    if (magic <= RMW_SUB ? !ops_to_number(ts, raw, &operand) : !ops_to_int32(ts, raw, &bits)) return JS_EXCEPTION;
    const char *why = "object has no own data property";
    lock_target(ts, &t);
    Value *slot = writable_slot_locked(ts, &t, &why);
    Value current = slot ? seq_cst_load(slot) : JS_HOLE;
    for (;;) {
        if (current == JS_HOLE || !value_is_number(current)) {
            unlock_target(&t);
            if (current != JS_HOLE) why = "stored value is not a number";
            return error_throw_type(ts, "Atomics RMW: %s", why);
        }
        double old = value_to_number(current);
        Value next;
        switch (magic) {
        case RMW_ADD: next = value_from_number(old + operand); break;
        case RMW_SUB: next = value_from_number(old - operand); break;
        case RMW_AND: next = value_from_int(ops_double_to_int32(old) & bits); break;
        case RMW_OR: next = value_from_int(ops_double_to_int32(old) | bits); break;
        default: next = value_from_int(ops_double_to_int32(old) ^ bits); break;
        }
        Value seen = current;
        if (cas_acq_rel(slot, &seen, next)) {
            unlock_target(&t);
            return current;
        }
        current = seen;
    }
}

/* ---- wait / waitAsync / notify [SYNC-10, SYNC-12] ---- */

// The common front of wait and waitAsync: target, own data slot, expected value, timeout in ms
// (NaN is +Infinity, negatives are 0).
static Value *wait_arguments(ThreadState *ts, const char *name, const Value *args, int argc, Target *t,
                             double *timeout) {
    if (!atomics_target(ts, name, args, argc, t, true)) return NULL;
    uint8_t attrs;
    Value *slot = data_slot(ts, t, &attrs);
    if (!slot) {
        error_throw_type(ts, "Atomics.%s: object has no own data property", name);
        return NULL;
    }
    Value limit = builtin_arg(args, argc, 3);
    *timeout = INFINITY;
    if (limit != JS_UNDEFINED) {
        if (!ops_to_number(ts, limit, timeout)) return NULL;
        if (isnan(*timeout)) *timeout = INFINITY;
        else if (*timeout < 0) *timeout = 0;
    }
    // Coercing the timeout may have run JS: look the slot up again.
    slot = data_slot(ts, t, &attrs);
    if (!slot) error_throw_type(ts, "Atomics.%s: object has no own data property", name);
    return slot;
}

static Value result_string(ThreadState *ts, const char *s) {
    return atom_from_cstr(ts, s);
}

/*
 * The property's value for a wait's comparison, or JS_HOLE when it has no own data property any
 * more; returns with atomics_lock held. The lookup and the read are one step under the target's
 * lock and claim, as for load [SYNC-14], so the value a racing delete left in its quarantined
 * slot is never compared; the read is under atomics_lock, so a store + notify cannot fall
 * between it and the enqueue [SYNC-10]. Lock order: cell lock, claim, then atomics_lock, which is never held while
 * taking a cell lock or a claim (nor across a safepoint), so the order cannot cycle.
 */
static Value read_for_wait(ThreadState *ts, Target *t) {
    uint8_t attrs;
    lock_target(ts, t);
    Value *slot = data_slot(ts, t, &attrs);
    pthread_mutex_lock(&ts->rt->atomics_lock);
    Value current = slot ? seq_cst_load(slot) : JS_HOLE;
    unlock_target(t);
    return current;
}

/*
 * wait(o, k, expected, timeout): under atomics_lock the value is read and, if it is
 * SameValueZero to expected, the waiter enqueued — one step, so a store followed by a notify can
 * never fall between them [SYNC-10]. Parks (blocked, SP-5) until notified or the deadline.
 */
static Value Atomics_wait(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (atomics_is_view(args, argc)) return ta_wait(ts, args, argc);
    Target t;
    double timeout;
    if (!wait_arguments(ts, "wait", args, argc, &t, &timeout)) return JS_EXCEPTION;
    Value expected = builtin_arg(args, argc, 2);
    Runtime *rt = ts->rt;
    // Beyond ~30 years a deadline is forever (and would overflow the park's timespec).
    double deadline = timeout > 1e12 ? -1 : thread_now_ms() + timeout;
    AtomicsWaiter self_waiter = {.ts = ts, .object = t.object, .key = t.key};
    AtomicsWaiter **bucket = bucket_of(rt, t.object, t.key);
    bool may_block = thread_may_block(ts);
    Value current = read_for_wait(ts, &t);   // takes atomics_lock
    if (current == JS_HOLE) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return error_throw_type(ts, "Atomics.wait: object has no own data property");
    }
    if (!ops_same_value_zero(current, expected)) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return result_string(ts, "not-equal");
    }
    // A matching value is gated even with a zero timeout (the peer notes' "gated block"); only
    // "not-equal" answers without reaching the gate [THR-19].
    if (!may_block) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return error_throw_type(ts, GATE_MESSAGE);
    }
    if (timeout == 0) {
        pthread_mutex_unlock(&rt->atomics_lock);
        return result_string(ts, "timed-out");
    }
    bucket_append(bucket, &self_waiter);
    while (!self_waiter.notified) {
        if (thread_park(ts, &rt->atomics_lock, "Atomics.wait", deadline) != 0 && !self_waiter.notified) {
            bucket_remove(bucket, &self_waiter);
            break;
        }
    }
    pthread_mutex_unlock(&rt->atomics_lock);
    return result_string(ts, self_waiter.notified ? "ok" : "timed-out");
}

/*
 * waitAsync record: [SYNC_JOB_ATOMICS, promise, object, key, state, waiter address, timer id,
 * root]. state goes WAITING -> NOTIFIED or TIMED_OUT exactly once, under atomics_lock, and only
 * that transition's maker touches the waiter node (then frees it) and posts the settling job,
 * which ends the job_expect waitAsync started [SYNC-3, SYNC-12].
 */
enum { ASYNC_PROMISE, ASYNC_OBJECT, ASYNC_KEY, ASYNC_STATE, ASYNC_WAITER, ASYNC_TIMER, ASYNC_ROOT, ASYNC_ITEMS };
enum { STATE_WAITING, STATE_NOTIFIED, STATE_TIMED_OUT };
#define ASYNC_ITEM(record, i) ((record)->items[SYNC_RECORD_FIRST_FREE + (i)])

static Value result_object(ThreadState *ts, bool async, Value value) {
    Value result = object_new_plain(ts);
    if (value_is_exception(result) || value_is_exception(value)) return JS_EXCEPTION;
    if (object_define_value(ts, result, atom_from_cstr(ts, "async"), value_from_bool(async), PROP_DEFAULT) < 0 ||
        object_define_value(ts, result, atom_from_cstr(ts, "value"), value, PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    return result;
}

// Runs on the waiting thread when its deadline passes (a timer of its own event loop).
static Value waitAsync_timeout(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    Values *record = value_to_cell(((NativeFunction *)value_to_cell(ts->callee))->data[0]);
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->atomics_lock);
    bool mine = value_to_int(ASYNC_ITEM(record, ASYNC_STATE)) == STATE_WAITING;
    if (mine) {
        ASYNC_ITEM(record, ASYNC_STATE) = value_from_int(STATE_TIMED_OUT);
        AtomicsWaiter *w = (AtomicsWaiter *)(uintptr_t)value_to_number(ASYNC_ITEM(record, ASYNC_WAITER));
        bucket_remove(bucket_of(rt, w->object, w->key), w);
        free(w);
    }
    pthread_mutex_unlock(&rt->atomics_lock);
    ASYNC_ITEM(record, ASYNC_TIMER) = value_from_int(0);
    if (mine) job_post(ts, ts, rt->sync_job, value_from_cell(record));
    return JS_UNDEFINED;
}

// The settling job, on the waiting thread: drops the timer and the root, resolves the promise.
bool atomics_run_job(ThreadState *ts, Values *record) {
    uint32_t timer = (uint32_t)value_to_int(ASYNC_ITEM(record, ASYNC_TIMER));
    if (timer) job_clear_timer(ts, timer);
    sync_root_free(ts->rt, (uint32_t)value_to_int(ASYNC_ITEM(record, ASYNC_ROOT)));
    bool ok = value_to_int(ASYNC_ITEM(record, ASYNC_STATE)) == STATE_NOTIFIED;
    Value result = result_string(ts, ok ? "ok" : "timed-out");
    if (value_is_exception(result)) return false;
    return promise_resolve_value(ts, ASYNC_ITEM(record, ASYNC_PROMISE), result);
}

static Value Atomics_waitAsync(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Target t;
    double timeout;
    // A typed array's element (the record roots its buffer, so the address stays valid) [TA-5].
    uint8_t *element = NULL;
    int64_t element_expected = 0;
    int element_size = 0;
    if (atomics_is_view(args, argc)) {
        element = ta_wait_async_arguments(ts, args, argc, &t, &element_expected, &element_size, &timeout);
        if (!element) return JS_EXCEPTION;
    } else if (!wait_arguments(ts, "waitAsync", args, argc, &t, &timeout)) {
        return JS_EXCEPTION;
    }
    Value expected = builtin_arg(args, argc, 2);
    Runtime *rt = ts->rt;
    // Everything that allocates comes first; the decision is made under atomics_lock.
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return promise;
    Values *record = values_new(ts, SYNC_RECORD_FIRST_FREE + ASYNC_ITEMS);
    if (!record) return JS_EXCEPTION;
    record->items[SYNC_RECORD_KIND] = value_from_int(SYNC_JOB_ATOMICS);
    ASYNC_ITEM(record, ASYNC_PROMISE) = promise;
    ASYNC_ITEM(record, ASYNC_OBJECT) = t.object;
    ASYNC_ITEM(record, ASYNC_KEY) = t.key;
    ASYNC_ITEM(record, ASYNC_STATE) = value_from_int(STATE_WAITING);
    ASYNC_ITEM(record, ASYNC_TIMER) = value_from_int(0);
    ASYNC_ITEM(record, ASYNC_ROOT) = value_from_int(0);
    record->count = SYNC_RECORD_FIRST_FREE + ASYNC_ITEMS;
    Value on_timeout = JS_UNDEFINED;
    if (timeout > 0 && timeout <= 1e12) {
        on_timeout = function_new_native(ts, waitAsync_timeout, "", 0, 0, 0);
        if (value_is_exception(on_timeout)) return JS_EXCEPTION;
        ((NativeFunction *)value_to_cell(on_timeout))->data[0] = value_from_cell(record);
    }
    AtomicsWaiter *w = malloc(sizeof *w);
    if (!w) return error_throw_out_of_memory(ts);
    uint32_t root = sync_root_new(ts, value_from_cell(record));
    if (!root) {
        free(w);
        return JS_EXCEPTION;
    }
    ASYNC_ITEM(record, ASYNC_ROOT) = value_from_int((int32_t)root);
    *w = (AtomicsWaiter){.ts = ts, .object = t.object, .key = t.key, .root = root};
    ASYNC_ITEM(record, ASYNC_WAITER) = value_from_number((double)(uintptr_t)w);

    const char *immediate = NULL;
    if (element) pthread_mutex_lock(&rt->atomics_lock);
    // A property deleted since wait_arguments found it answers "not-equal" (JS_HOLE never is).
    if (element ? ta_wait_load(element, element_size) != element_expected
                : !ops_same_value_zero(read_for_wait(ts, &t), expected))
        immediate = "not-equal";
    else if (timeout == 0) immediate = "timed-out";
    else {
        job_expect(ts);   // before the waiter is visible to a notifier [SYNC-3]
        bucket_append(bucket_of(rt, t.object, t.key), w);
    }
    pthread_mutex_unlock(&rt->atomics_lock);
    if (immediate) {
        free(w);
        sync_root_free(rt, root);
        return result_object(ts, false, result_string(ts, immediate));
    }
    if (on_timeout != JS_UNDEFINED) {
        uint32_t timer = job_add_timer(ts, on_timeout, timeout, JS_UNDEFINED);
        // No timer (out of memory) only means the wait has no deadline.
        if (timer) ASYNC_ITEM(record, ASYNC_TIMER) = value_from_int((int32_t)timer);
        else error_take(ts);
    }
    return result_object(ts, true, promise);
}

/*
 * notify(o, k, count = +Infinity): wakes up to count waiters of (o, k), oldest first, and returns
 * how many. The property need not exist [SYNC-12].
 */
static Value Atomics_notify(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Target t;
    TypedArrayObject *ta = NULL;
    size_t index = 0;
    if (atomics_is_view(args, argc)) {
        // [TA-5]: an Int32Array or BigInt64Array (shared or not); the waiters of a shared one's element.
        size_t length;
        ta = ta_validate(ts, args[0], true, &length);
        if (!ta || !ta_index(ts, length, builtin_arg(args, argc, 1), &index)) return JS_EXCEPTION;
        t.object = ta->buffer;
        t.key = ta_element_key(ta, index);
    } else if (!atomics_target(ts, "notify", args, argc, &t, false)) {
        return JS_EXCEPTION;
    }
    double count = INFINITY;
    Value limit = builtin_arg(args, argc, 2);
    if (limit != JS_UNDEFINED) {
        if (!ops_to_integer(ts, limit, &count)) return JS_EXCEPTION;
        if (count < 0) count = 0;
    }
    if (ta && !array_buffer_of(ta->buffer)->shared) return value_from_int(0);
    Runtime *rt = ts->rt;
    AtomicsWaiter *posted = NULL;   // async waiters whose settling job is posted after the unlock
    int woken = 0;
    pthread_mutex_lock(&rt->atomics_lock);
    AtomicsWaiter **link = bucket_of(rt, t.object, t.key);
    while (*link && woken < count) {
        AtomicsWaiter *w = *link;
        if (w->object != t.object || w->key != t.key) {
            link = &w->next;
            continue;
        }
        *link = w->next;
        woken++;
        if (w->root) {
            Values *record = value_to_cell(sync_root_get(rt, w->root));
            ASYNC_ITEM(record, ASYNC_STATE) = value_from_int(STATE_NOTIFIED);
            w->next = posted;
            posted = w;
        } else {
            w->notified = true;
            thread_unpark(w->ts);   // under the lock: the waiter cannot return and vanish first
        }
    }
    pthread_mutex_unlock(&rt->atomics_lock);
    // Oldest first: the list was built in reverse.
    AtomicsWaiter *ordered = NULL;
    while (posted) {
        AtomicsWaiter *w = posted;
        posted = w->next;
        w->next = ordered;
        ordered = w;
    }
    while (ordered) {
        AtomicsWaiter *w = ordered;
        ordered = w->next;
        job_post(ts, w->ts, rt->sync_job, sync_root_get(rt, w->root));
        free(w);
    }
    return value_from_int(woken);
}

/* ---- isLockFree / pause ---- */

static Value Atomics_isLockFree(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double size;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &size)) return JS_EXCEPTION;
    return value_from_bool(size == 1 || size == 2 || size == 4 || size == 8);
}

static Value Atomics_pause(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value n = builtin_arg(args, argc, 0);
    if (n != JS_UNDEFINED && (!value_is_number(n) || value_to_number(n) != trunc(value_to_number(n))))
        return error_throw_type(ts, "Atomics.pause argument must be undefined or an integral Number");
    __builtin_ia32_pause();
    return JS_UNDEFINED;
}

static const BuiltinEntry atomics_table[] = {
    BUILTIN_FN("load", Atomics_load, 2),
    BUILTIN_FN("store", Atomics_store, 3),
    BUILTIN_FN_MAGIC("add", Atomics_rmw, 3, RMW_ADD),
    BUILTIN_FN_MAGIC("sub", Atomics_rmw, 3, RMW_SUB),
    BUILTIN_FN_MAGIC("and", Atomics_rmw, 3, RMW_AND),
    BUILTIN_FN_MAGIC("or", Atomics_rmw, 3, RMW_OR),
    BUILTIN_FN_MAGIC("xor", Atomics_rmw, 3, RMW_XOR),
    BUILTIN_FN("exchange", Atomics_exchange, 3),
    BUILTIN_FN("compareExchange", Atomics_compareExchange, 4),
    BUILTIN_FN("wait", Atomics_wait, 4),
    BUILTIN_FN("waitAsync", Atomics_waitAsync, 4),
    BUILTIN_FN("notify", Atomics_notify, 3),
    BUILTIN_FN("isLockFree", Atomics_isLockFree, 1),
    BUILTIN_FN("pause", Atomics_pause, 0),
    BUILTIN_STRING("@@toStringTag", "Atomics", PROP_CONFIGURABLE),
};

bool builtins_install_atomics(ThreadState *ts) {
    pthread_mutex_init(&ts->rt->atomics_lock, NULL);
    Value atomics = object_new_plain(ts);
    return !value_is_exception(atomics) &&
           builtins_install_table(ts, atomics, atomics_table, BUILTIN_COUNT(atomics_table)) &&
           builtins_define_global(ts, "Atomics", atomics);
}
