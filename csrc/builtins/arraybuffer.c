/*
 * builtins/arraybuffer.c — ArrayBuffer and SharedArrayBuffer (ES2020 §24.1, §24.2): allocation,
 * slice, byteLength, isView, @@species, transfer and `detached` (ES2024), and the test262 host
 * hook $262.detachArrayBuffer. The bytes live in a CELL_BYTES cell, so the collector accounts
 * for them and frees them with the buffer; a detach only sets a flag and never frees memory
 * another thread may be reading [TA-1]. Both kinds share CELL_ARRAY_BUFFER (`shared` differs).
 */
#include <math.h>
#include "typedarray.h"
#include "../celltrace.h"

// Larger requests are a RangeError, as when malloc fails: lengths stay below 2^32 elements.
#define ARRAY_BUFFER_MAX_BYTES ((size_t)0xFFFFFFFFu)
// The bytes start 16 bytes into their cell, so every element (up to 8 bytes) is aligned.
#define STORAGE_OFFSET 16

Value array_buffer_new(ThreadState *ts, size_t byte_length, bool shared, Value prototype) {
    if (byte_length > ARRAY_BUFFER_MAX_BYTES) return error_throw_range(ts, "Array buffer allocation failed");
    ArrayBufferObject *buffer = object_alloc(ts, sizeof(ArrayBufferObject), CELL_ARRAY_BUFFER, prototype);
    if (!buffer) return JS_EXCEPTION;
    Value result = value_from_cell(buffer);
    if (byte_length > 0) {
        // The buffer is reachable from this frame's conservative roots while the bytes allocate.
        Cell *storage = heap_alloc(ts, STORAGE_OFFSET + byte_length, CELL_BYTES);
        if (!storage) {
            error_take(ts);
            return error_throw_range(ts, "Array buffer allocation failed");
        }
        buffer->storage = storage;
        buffer->data = (uint8_t *)storage + STORAGE_OFFSET;
    }
    buffer->byte_length = byte_length;
    buffer->shared = shared;
    return result;
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

// new ArrayBuffer(length) / new SharedArrayBuffer(length); magic 1 for shared.
static Value ArrayBuffer_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    const char *name = magic ? "SharedArrayBuffer" : "ArrayBuffer";
    if (value_is_undefined(ts->new_target)) return error_throw_type(ts, "Constructor %s requires 'new'", name);
    Value new_target = ts->new_target;
    double length;
    if (!ops_to_index(ts, builtin_arg(args, argc, 0), &length)) return JS_EXCEPTION;
    Value prototype = function_prototype_for(ts, new_target, magic ? INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE
                                                                   : INTRINSIC_ARRAY_BUFFER_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    if (length > (double)ARRAY_BUFFER_MAX_BYTES) return error_throw_range(ts, "Array buffer allocation failed");
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
    if (load_acquire(&buffer->detached)) return value_from_int(0);
    return value_from_number((double)buffer->byte_length);
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
    double length = (double)buffer->byte_length, first, final;
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
    if ((double)target->byte_length < new_length)
        return error_throw_type(ts, "Species constructor returned a too small %s", name);
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform %s.prototype.slice on a detached ArrayBuffer", name);
    // Byte by byte with relaxed atomics: a shared source may be written meanwhile [TA-2].
    for (size_t i = 0; i < (size_t)new_length; i++) {
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
 * transfer(newLength) and transferToFixedLength(newLength) (ES2024 §25.1.6.7-8): a new buffer
 * with the bytes, this one detached. The detach is a CAS, so of racing transfers exactly one
 * wins and the others throw. A same-length transfer hands the storage cell itself over; the old
 * views still name it, so a racing reader reads valid memory [TA-1].
 */
static Value ArrayBuffer_prototype_transfer(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    const char *name = magic ? "transferToFixedLength" : "transfer";
    ArrayBufferObject *buffer = this_buffer(ts, self, false, name);
    if (!buffer) return JS_EXCEPTION;
    double new_length = (double)buffer->byte_length;
    Value length_value = builtin_arg(args, argc, 0);
    if (!value_is_undefined(length_value) && !ops_to_index(ts, length_value, &new_length)) return JS_EXCEPTION;
    if (load_acquire(&buffer->detached))
        return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer", name);
    bool same = new_length == (double)buffer->byte_length;
    Value result = array_buffer_new(ts, same ? 0 : (size_t)new_length, false,
                                    realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
    if (value_is_exception(result)) return JS_EXCEPTION;
    bool expected = false;
    if (!__atomic_compare_exchange_n(&buffer->detached, &expected, true, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return error_throw_type(ts, "Cannot perform ArrayBuffer.prototype.%s on a detached ArrayBuffer", name);
    ArrayBufferObject *target = array_buffer_of(result);
    if (same) {
        target->storage = buffer->storage;
        target->data = buffer->data;
        target->byte_length = buffer->byte_length;
        return result;
    }
    size_t count = buffer->byte_length < target->byte_length ? buffer->byte_length : target->byte_length;
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
    BUILTIN_FN_MAGIC("slice", ArrayBuffer_prototype_slice, 2, 0),
    BUILTIN_GETSET("detached", ArrayBuffer_prototype_detached, NULL),
    BUILTIN_FN_MAGIC("transfer", ArrayBuffer_prototype_transfer, 0, 0),
    BUILTIN_FN_MAGIC("transferToFixedLength", ArrayBuffer_prototype_transfer, 0, 1),
    BUILTIN_STRING("@@toStringTag", "ArrayBuffer", PROP_CONFIGURABLE),
};

static const BuiltinEntry shared_array_buffer_prototype_table[] = {
    BUILTIN_GETSET_MAGIC("byteLength", ArrayBuffer_prototype_byteLength, NULL, 1),
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
