/*
 * builtins/arraybuffer.c — ArrayBuffer and SharedArrayBuffer (ES2024 §25.1, §25.2): allocation,
 * slice, byteLength, isView, @@species, resizable ArrayBuffers (resize, resizable, maxByteLength)
 * and growable SharedArrayBuffers (grow, growable), transfer/transferToFixedLength and
 * `detached`, and the test262 host hook $262.detachArrayBuffer. The bytes live in a CELL_BYTES
 * cell, so the collector accounts for them and frees them with the buffer; a detach only sets a
 * flag and never frees memory another thread may be reading [TA-1]. A resizable buffer reserves
 * maxByteLength up front and a resize only publishes a new length [TA-8]; resizes of one buffer
 * are serialised by its cell lock, grows of a shared one by a CAS [TA-9]. Both kinds share
 * CELL_ARRAY_BUFFER (`shared` differs).
 */
#include <math.h>
#include "typedarray.h"
#include "../celltrace.h"
#include "../structure.h"

// Larger requests are a RangeError, as when malloc fails: lengths stay below 2^32 elements.
#define ARRAY_BUFFER_MAX_BYTES ((size_t)0xFFFFFFFFu)
// The bytes start 16 bytes into their cell, so every element (up to 8 bytes) is aligned.
#define STORAGE_OFFSET 16

// A buffer of byte_length bytes whose storage holds `capacity` (zeroed); not yet resizable.
static Value buffer_with_capacity(ThreadState *ts, size_t byte_length, size_t capacity, bool shared,
                                  Value prototype) {
    if (capacity > ARRAY_BUFFER_MAX_BYTES) return error_throw_range(ts, "Array buffer allocation failed");
    ArrayBufferObject *buffer = object_alloc(ts, sizeof(ArrayBufferObject), CELL_ARRAY_BUFFER, prototype);
    if (!buffer) return JS_EXCEPTION;
    Value result = value_from_cell(buffer);
    if (capacity > 0) {
        // The buffer is reachable from this frame's conservative roots while the bytes allocate.
        Cell *storage = heap_alloc(ts, STORAGE_OFFSET + capacity, CELL_BYTES);
        if (!storage) {
            error_take(ts);
            return error_throw_range(ts, "Array buffer allocation failed");
        }
        buffer->storage = storage;
        buffer->data = (uint8_t *)storage + STORAGE_OFFSET;
    }
    buffer->byte_length = byte_length;
    buffer->max_byte_length = byte_length;
    buffer->capacity = capacity;
    buffer->shared = shared;
    return result;
}

Value array_buffer_new(ThreadState *ts, size_t byte_length, bool shared, Value prototype) {
    return buffer_with_capacity(ts, byte_length, byte_length, shared, prototype);
}

Value array_buffer_new_resizable(ThreadState *ts, size_t byte_length, size_t max_byte_length, bool shared,
                                 Value prototype) {
    Value result = buffer_with_capacity(ts, byte_length, max_byte_length, shared, prototype);
    if (value_is_exception(result)) return JS_EXCEPTION;
    array_buffer_of(result)->max_byte_length = max_byte_length;
    array_buffer_of(result)->resizable = true;
    return result;
}

/*
 * Zeroes bytes [from, to) of a buffer's storage before a grow publishes them [TA-8]: word by word
 * with relaxed atomic stores, since a thread holding a stale view may still touch them (racy, but
 * never a C data race). Polls, so a large grow never holds up a stop-the-world.
 */
static void zero_bytes(ThreadState *ts, uint8_t *data, size_t from, size_t to) {
    size_t i = from;
    for (; i < to && (i & 7); i++) __atomic_store_n(&data[i], 0, __ATOMIC_RELAXED);
    for (size_t step = 0; i + 8 <= to; i += 8, step++) {
        __atomic_store_n((uint64_t *)(data + i), 0, __ATOMIC_RELAXED);
        typedarray_poll(ts, step);
    }
    for (; i < to; i++) __atomic_store_n(&data[i], 0, __ATOMIC_RELAXED);
}

void array_buffer_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_cell(m, ((ArrayBufferObject *)cell)->storage);
}

// The receiver as a buffer of the wanted kind, or NULL after a TypeError naming the method.
static ArrayBufferObject *this_buffer(ThreadState *ts, Value self, bool shared, const char *method) {
    if (value_cell_type(self) == CELL_ARRAY_BUFFER && array_buffer_of(self)->shared == shared)
        return array_buffer_of(self);
    error_throw_type(ts, "Method %s.prototype.%s called on incompatible receiver %V",
                     shared ? "SharedArrayBuffer" : "ArrayBuffer", method, self);
    return NULL;
}

// new ArrayBuffer(length, options) / new SharedArrayBuffer(length, options); magic 1 for shared.
// options.maxByteLength makes the buffer resizable (growable) [TA-8].
static Value ArrayBuffer_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    const char *name = magic ? "SharedArrayBuffer" : "ArrayBuffer";
    if (value_is_undefined(ts->new_target)) return error_throw_type(ts, "Constructor %s requires 'new'", name);
    Value new_target = ts->new_target;
    double length, max_length = -1;
    if (!ops_to_index(ts, builtin_arg(args, argc, 0), &length)) return JS_EXCEPTION;
    // GetArrayBufferMaxByteLengthOption.
    Value options = builtin_arg(args, argc, 1);
    if (value_is_object(options)) {
        Value max_value = ops_get_cstr(ts, options, "maxByteLength");
        if (value_is_exception(max_value)) return JS_EXCEPTION;
        if (!value_is_undefined(max_value) && !ops_to_index(ts, max_value, &max_length)) return JS_EXCEPTION;
        if (max_length >= 0 && length > max_length)
            return error_throw_range(ts, "Invalid array buffer max length");
    }
    Value prototype = function_prototype_for(ts, new_target, magic ? INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE
                                                                   : INTRINSIC_ARRAY_BUFFER_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    if (length > (double)ARRAY_BUFFER_MAX_BYTES || max_length > (double)ARRAY_BUFFER_MAX_BYTES)
        return error_throw_range(ts, "Array buffer allocation failed");
    if (max_length >= 0) return array_buffer_new_resizable(ts, (size_t)length, (size_t)max_length, magic != 0, prototype);
    return array_buffer_new(ts, (size_t)length, magic != 0, prototype);
}

static Value ArrayBuffer_isView(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)magic;
    CellType type = value_cell_type(builtin_arg(args, argc, 0));
    return value_from_bool(type == CELL_TYPED_ARRAY || type == CELL_DATA_VIEW);
}

static Value ArrayBuffer_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

static Value ArrayBuffer_prototype_byteLength(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    ArrayBufferObject *buffer = this_buffer(ts, self, magic != 0, "byteLength");
    if (!buffer) return JS_EXCEPTION;
    return value_from_number((double)array_buffer_byte_length(buffer));
}

// maxByteLength (magic 0/1 for ArrayBuffer/SharedArrayBuffer): a fixed buffer's is its length.
static Value ArrayBuffer_prototype_maxByteLength(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    ArrayBufferObject *buffer = this_buffer(ts, self, magic != 0, "maxByteLength");
    if (!buffer) return JS_EXCEPTION;
    if (load_acquire(&buffer->detached)) return value_from_int(0);
    return value_from_number((double)(buffer->resizable ? buffer->max_byte_length : buffer->byte_length));
}

// resizable (magic 0) and growable (magic 1).
static Value ArrayBuffer_prototype_resizable(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    ArrayBufferObject *buffer = this_buffer(ts, self, magic != 0, magic ? "growable" : "resizable");
    return buffer ? value_from_bool(buffer->resizable) : JS_EXCEPTION;
}

/*
 * resize(newLength) (ES2024 §25.1.6.6) [TA-8, TA-9]. Under the buffer's cell lock, so racing
 * resizes and a racing transfer are serialised: a grow zeroes the bytes it exposes, then
 * publishes the length (release), so a reader that sees the new length sees zeros (or a racing
 * write). A shrink only publishes: the tail stays in the reserved storage, where stale views
 * may still reach it harmlessly until a later grow zeroes it.
 */
static Value ArrayBuffer_prototype_resize(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ArrayBufferObject *buffer = this_buffer(ts, self, false, "resize");
    if (!buffer) return JS_EXCEPTION;
    if (!buffer->resizable)
        return error_throw_type(ts, "Method ArrayBuffer.prototype.resize called on a fixed-length ArrayBuffer");
    double length;
    if (!ops_to_index(ts, builtin_arg(args, argc, 0), &length)) return JS_EXCEPTION;
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer");
    if (length > (double)buffer->max_byte_length)
        return error_throw_range(ts, "ArrayBuffer.prototype.resize: Invalid length parameter");
    size_t wanted = (size_t)length;
    object_lock(ts, &buffer->object);
    if (load_acquire(&buffer->detached)) {
        object_unlock(&buffer->object);
        return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.resize on a detached ArrayBuffer");
    }
    size_t old = buffer->byte_length;
    if (wanted > old) zero_bytes(ts, buffer->data, old, wanted);
    store_release(&buffer->byte_length, wanted);
    object_unlock(&buffer->object);
    return JS_UNDEFINED;
}

/*
 * grow(newLength) (ES2024 §25.2.5.3) [TA-9]: a CAS loop on the length, so of racing grows none is
 * lost and the length only ever increases; a request below the length of this moment is a
 * RangeError. The bytes past the length were never written (nothing can write past it), so they
 * are still the zeros the storage was allocated with.
 */
static Value SharedArrayBuffer_prototype_grow(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ArrayBufferObject *buffer = this_buffer(ts, self, true, "grow");
    if (!buffer) return JS_EXCEPTION;
    if (!buffer->resizable)
        return error_throw_type(ts, "Method SharedArrayBuffer.prototype.grow called on a non-growable SharedArrayBuffer");
    double length;
    if (!ops_to_index(ts, builtin_arg(args, argc, 0), &length)) return JS_EXCEPTION;
    if (length > (double)buffer->max_byte_length)
        return error_throw_range(ts, "SharedArrayBuffer.prototype.grow: Invalid length parameter");
    size_t wanted = (size_t)length, current = load_acquire(&buffer->byte_length);
    for (;;) {
        if (wanted == current) return JS_UNDEFINED;
        if (wanted < current)
            return error_throw_range(ts, "SharedArrayBuffer.prototype.grow: Invalid length parameter");
        if (__atomic_compare_exchange_n(&buffer->byte_length, &current, wanted, false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return JS_UNDEFINED;
    }
}

// A relative position (ToIntegerOrInfinity, negative from the end) clamped into [0, length].
static bool relative_position(ThreadState *ts, Value v, double length, double fallback, double *out) {
    if (value_is_undefined(v)) {
        *out = fallback;
        return true;
    }
    double d;
    if (!ops_to_integer(ts, v, &d)) return false;
    *out = d < 0 ? fmax(length + d, 0) : fmin(d, length);
    return true;
}

// slice(start, end) for both kinds (§24.1.4.3, §24.2.4.3); magic 1 for SharedArrayBuffer.
static Value ArrayBuffer_prototype_slice(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    bool shared = magic != 0;
    const char *name = shared ? "SharedArrayBuffer" : "ArrayBuffer";
    ArrayBufferObject *buffer = this_buffer(ts, self, shared, "slice");
    if (!buffer) return JS_EXCEPTION;
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform %s.prototype.slice on a detached ArrayBuffer", name);
    double length = (double)array_buffer_byte_length(buffer), first, final;
    if (!relative_position(ts, builtin_arg(args, argc, 0), length, 0, &first) ||
        !relative_position(ts, builtin_arg(args, argc, 1), length, length, &final))
        return JS_EXCEPTION;
    double new_length = fmax(final - first, 0);
    Value default_constructor = ops_get_cstr(ts, ts->rt->realm.intrinsics[shared ? INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE
                                                                                 : INTRINSIC_ARRAY_BUFFER_PROTOTYPE],
                                             "constructor");
    if (value_is_exception(default_constructor)) return JS_EXCEPTION;
    Value constructor = ops_species_constructor(ts, self, default_constructor);
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    Value length_value = value_from_number(new_length);
    Value result = interp_construct(ts, constructor, &length_value, 1, constructor);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (value_cell_type(result) != CELL_ARRAY_BUFFER || array_buffer_of(result)->shared != shared)
        return error_throw_type(ts, "%s subclass returned this from species constructor", name);
    ArrayBufferObject *target = array_buffer_of(result);
    if (load_acquire(&target->detached))
        return error_throw_type(ts, "Cannot perform %s.prototype.slice on a detached ArrayBuffer", name);
    if (result == self) return error_throw_type(ts, "%s subclass returned this from species constructor", name);
    if ((double)array_buffer_byte_length(target) < new_length)
        return error_throw_type(ts, "Species constructor returned a too small %s", name);
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform %s.prototype.slice on a detached ArrayBuffer", name);
    // The constructor may have shrunk the source: copy only what is still there (ES2024 step 26).
    double current = (double)array_buffer_byte_length(buffer);
    size_t count = first < current ? (size_t)fmin(new_length, current - first) : 0;
    // Byte by byte with relaxed atomics: a shared source may be written meanwhile [TA-2].
    for (size_t i = 0; i < count; i++) {
        __atomic_store_n(&target->data[i], __atomic_load_n(&buffer->data[(size_t)first + i], __ATOMIC_RELAXED),
                         __ATOMIC_RELAXED);
        typedarray_poll(ts, i);
    }
    return result;
}

static Value ArrayBuffer_prototype_detached(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    ArrayBufferObject *buffer = this_buffer(ts, self, false, "detached");
    return buffer ? value_from_bool(load_acquire(&buffer->detached)) : JS_EXCEPTION;
}

/*
 * transfer(newLength) and transferToFixedLength(newLength) (ES2024 §25.1.6.7-8, ArrayBufferCopy-
 * AndDetach): a new buffer with the bytes, this one detached; transfer keeps a resizable buffer
 * resizable with the same maxByteLength. The detach is a CAS under the buffer's cell lock, so of
 * racing transfers exactly one wins, and a racing resize is wholly before or after it. When the
 * storage is big enough for the new buffer it is handed over instead of copied; the old views
 * still name it, so a racing reader reads valid memory [TA-1, TA-8].
 */
static Value ArrayBuffer_prototype_transfer(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    const char *name = magic ? "transferToFixedLength" : "transfer";
    ArrayBufferObject *buffer = this_buffer(ts, self, false, name);
    if (!buffer) return JS_EXCEPTION;
    double new_length = (double)array_buffer_byte_length(buffer);
    Value length_value = builtin_arg(args, argc, 0);
    if (!value_is_undefined(length_value) && !ops_to_index(ts, length_value, &new_length)) return JS_EXCEPTION;
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer", name);
    bool resizable = !magic && buffer->resizable;
    double capacity = resizable ? (double)buffer->max_byte_length : new_length;
    if (new_length > capacity)
        return error_throw_range(ts, "ArrayBuffer.prototype.%s: Invalid length parameter", name);
    bool hand_over = capacity <= (double)buffer->capacity;
    Value result = hand_over ? array_buffer_new(ts, 0, false, realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE))
                             : buffer_with_capacity(ts, (size_t)new_length, (size_t)capacity, false,
                                                    realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
    if (value_is_exception(result)) return JS_EXCEPTION;
    object_lock(ts, &buffer->object);
    bool expected = false;
    bool won = __atomic_compare_exchange_n(&buffer->detached, &expected, true, false, __ATOMIC_ACQ_REL,
                                           __ATOMIC_ACQUIRE);
    size_t old_length = buffer->byte_length;
    object_unlock(&buffer->object);
    if (!won) return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer", name);
    ArrayBufferObject *target = array_buffer_of(result);
    target->resizable = resizable;
    target->max_byte_length = resizable ? buffer->max_byte_length : (size_t)new_length;
    target->byte_length = (size_t)new_length;
    if (hand_over) {
        target->storage = buffer->storage;
        target->data = buffer->data;
        target->capacity = buffer->capacity;
        // Bytes past the old length may hold what a shrink left behind.
        if ((size_t)new_length > old_length) zero_bytes(ts, target->data, old_length, (size_t)new_length);
        return result;
    }
    size_t count = old_length < target->byte_length ? old_length : target->byte_length;
    for (size_t i = 0; i < count; i++) {
        target->data[i] = __atomic_load_n(&buffer->data[i], __ATOMIC_RELAXED);
        typedarray_poll(ts, i);
    }
    return result;
}

// $262.detachArrayBuffer(buffer): DetachArrayBuffer with the default key. The bytes stay
// allocated until the buffer is collected [TA-1].
static Value host_detachArrayBuffer(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value buffer = builtin_arg(args, argc, 0);
    if (value_cell_type(buffer) != CELL_ARRAY_BUFFER || array_buffer_of(buffer)->shared)
        return error_throw_type(ts, "detachArrayBuffer: argument is not an ArrayBuffer");
    store_release(&array_buffer_of(buffer)->detached, true);
    return JS_NULL;
}

static const BuiltinEntry array_buffer_table[] = {
    BUILTIN_FN("isView", ArrayBuffer_isView, 1),
    BUILTIN_GETSET("@@species", ArrayBuffer_species, NULL),
};

static const BuiltinEntry shared_array_buffer_table[] = {
    BUILTIN_GETSET("@@species", ArrayBuffer_species, NULL),
};

static const BuiltinEntry array_buffer_prototype_table[] = {
    BUILTIN_GETSET_MAGIC("byteLength", ArrayBuffer_prototype_byteLength, NULL, 0),
    BUILTIN_GETSET_MAGIC("maxByteLength", ArrayBuffer_prototype_maxByteLength, NULL, 0),
    BUILTIN_GETSET_MAGIC("resizable", ArrayBuffer_prototype_resizable, NULL, 0),
    BUILTIN_FN("resize", ArrayBuffer_prototype_resize, 1),
    BUILTIN_FN_MAGIC("slice", ArrayBuffer_prototype_slice, 2, 0),
    BUILTIN_GETSET("detached", ArrayBuffer_prototype_detached, NULL),
    BUILTIN_FN_MAGIC("transfer", ArrayBuffer_prototype_transfer, 0, 0),
    BUILTIN_FN_MAGIC("transferToFixedLength", ArrayBuffer_prototype_transfer, 0, 1),
    BUILTIN_STRING("@@toStringTag", "ArrayBuffer", PROP_CONFIGURABLE),
};

static const BuiltinEntry shared_array_buffer_prototype_table[] = {
    BUILTIN_GETSET_MAGIC("byteLength", ArrayBuffer_prototype_byteLength, NULL, 1),
    BUILTIN_GETSET_MAGIC("growable", ArrayBuffer_prototype_resizable, NULL, 1),
    BUILTIN_FN("grow", SharedArrayBuffer_prototype_grow, 1),
    BUILTIN_GETSET_MAGIC("maxByteLength", ArrayBuffer_prototype_maxByteLength, NULL, 1),
    BUILTIN_FN_MAGIC("slice", ArrayBuffer_prototype_slice, 2, 1),
    BUILTIN_STRING("@@toStringTag", "SharedArrayBuffer", PROP_CONFIGURABLE),
};

static const BuiltinEntry host_table[] = {
    BUILTIN_FN("detachArrayBuffer", host_detachArrayBuffer, 1),
};

static bool install_kind(ThreadState *ts, bool shared, const BuiltinEntry *statics, int static_count,
                         const BuiltinEntry *methods, int method_count) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[shared ? INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE : INTRINSIC_ARRAY_BUFFER_PROTOTYPE] =
        prototype;
    Value constructor = builtins_install_constructor(ts, shared ? "SharedArrayBuffer" : "ArrayBuffer",
                                                     ArrayBuffer_constructor, 1, prototype, NATIVE_NEW_ONLY);
    if (value_is_exception(constructor)) return false;
    ((NativeFunction *)value_to_cell(constructor))->magic = shared;
    return builtins_install_table(ts, constructor, statics, static_count) &&
           builtins_install_table(ts, prototype, methods, method_count);
}

bool typedarray_install_buffers(ThreadState *ts) {
    return install_kind(ts, false, array_buffer_table, BUILTIN_COUNT(array_buffer_table),
                        array_buffer_prototype_table, BUILTIN_COUNT(array_buffer_prototype_table)) &&
           install_kind(ts, true, shared_array_buffer_table, BUILTIN_COUNT(shared_array_buffer_table),
                        shared_array_buffer_prototype_table, BUILTIN_COUNT(shared_array_buffer_prototype_table));
}

bool typedarray_install_shell_helpers(ThreadState *ts) {
    Value host = object_new_plain(ts);
    return !value_is_exception(host) && builtins_install_table(ts, host, host_table, BUILTIN_COUNT(host_table)) &&
           builtins_define_global(ts, "$262", host);
}
