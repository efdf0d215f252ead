/*
 * builtins/dataview.c — DataView (ES2024 §25.3): the constructor, buffer/byteLength/byteOffset
 * and every get/set method in both byte orders, getBigInt64/setBigUint64 and friends included
 * (their values cross typedarray_value_to_bits/bits_to_value like BigInt64Array's, TA-6), and
 * getFloat16/setFloat16 (ES2025, TA-10). A view of a resizable buffer made without a length
 * tracks the buffer's length; a shrink can leave a view out of bounds, which every access
 * re-checks against one read of the buffer's length [TA-8]. Views may be unaligned, so values are assembled
 * from relaxed single-byte loads and stored as relaxed single-byte stores: a racing writer on a
 * shared buffer can mix bytes of two values (the memory model allows that for DataView) but is
 * never a C data race and never reaches memory outside the view [TA-2].
 */
#include <math.h>
#include <stdio.h>
#include "typedarray.h"
#include "../celltrace.h"

static DataViewObject *this_view(ThreadState *ts, Value self, const char *method) {
    if (value_cell_type(self) == CELL_DATA_VIEW) return value_to_cell(self);
    error_throw_type(ts, "Method DataView.prototype.%s called on incompatible receiver %V", method, self);
    return NULL;
}

static Value DataView_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value new_target = ts->new_target;
    if (value_is_undefined(new_target)) return error_throw_type(ts, "Constructor DataView requires 'new'");
    Value buffer = builtin_arg(args, argc, 0);
    if (value_cell_type(buffer) != CELL_ARRAY_BUFFER)
        return error_throw_type(ts, "First argument to DataView constructor must be an ArrayBuffer");
    double offset, view_length;
    if (!ops_to_index(ts, builtin_arg(args, argc, 1), &offset)) return JS_EXCEPTION;
    if (array_buffer_is_detached(buffer))
        return error_throw_type(ts, "Cannot perform DataView constructor on a detached ArrayBuffer");
    double buffer_length = (double)array_buffer_byte_length(array_buffer_of(buffer));
    if (offset > buffer_length)
        return error_throw_range(ts, "Start offset %u is outside the bounds of the buffer", (unsigned)offset);
    Value length_value = builtin_arg(args, argc, 2);
    bool tracking = value_is_undefined(length_value) && array_buffer_of(buffer)->resizable;
    if (value_is_undefined(length_value)) {
        view_length = buffer_length - offset;
    } else {
        if (!ops_to_index(ts, length_value, &view_length)) return JS_EXCEPTION;
        if (offset + view_length > buffer_length)
            return error_throw_range(ts, "Invalid DataView length %u", (unsigned)view_length);
    }
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_DATA_VIEW_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    if (array_buffer_is_detached(buffer))
        return error_throw_type(ts, "Cannot perform DataView constructor on a detached ArrayBuffer");
    // The prototype lookup may have shrunk the buffer (ES2024 §25.3.2.1 step 12).
    buffer_length = (double)array_buffer_byte_length(array_buffer_of(buffer));
    if (offset > buffer_length)
        return error_throw_range(ts, "Start offset %u is outside the bounds of the buffer", (unsigned)offset);
    if (!value_is_undefined(length_value) && offset + view_length > buffer_length)
        return error_throw_range(ts, "Invalid DataView length %u", (unsigned)view_length);
    DataViewObject *view = object_alloc(ts, sizeof(DataViewObject), CELL_DATA_VIEW, prototype);
    if (!view) return JS_EXCEPTION;
    view->buffer = buffer;
    view->byte_offset = (size_t)offset;
    view->byte_length = tracking ? 0 : (size_t)view_length;
    view->length_tracking = tracking;
    return value_from_cell(view);
}

// GetViewByteLength with IsViewOutOfBounds folded in: the view's byte length now, or -1 when the
// buffer is detached or the view out of bounds. One read of the buffer's length decides [TA-8].
static double view_byte_length(const DataViewObject *view) {
    const ArrayBufferObject *b = array_buffer_of(view->buffer);
    if (load_acquire(&b->detached)) return -1;
    size_t bytes = array_buffer_byte_length(b);
    if (view->byte_offset > bytes) return -1;
    if (view->length_tracking) return (double)(bytes - view->byte_offset);
    return view->byte_length > bytes - view->byte_offset ? -1 : (double)view->byte_length;
}

void data_view_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((DataViewObject *)cell)->buffer);
}

enum { VIEW_BUFFER, VIEW_BYTE_LENGTH, VIEW_BYTE_OFFSET };

static Value DataView_prototype_getter(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    static const char *const names[] = {"buffer", "byteLength", "byteOffset"};
    DataViewObject *view = this_view(ts, self, names[magic]);
    if (!view) return JS_EXCEPTION;
    if (magic == VIEW_BUFFER) return view->buffer;
    if (array_buffer_is_detached(view->buffer))
        return error_throw_type(ts, "Cannot perform DataView.prototype.%s on a detached ArrayBuffer", names[magic]);
    double length = view_byte_length(view);
    if (length < 0)
        return error_throw_type(ts, "Cannot perform DataView.prototype.%s on an out of bounds DataView", names[magic]);
    return value_from_number(magic == VIEW_BYTE_LENGTH ? length : (double)view->byte_offset);
}

static const char *const view_type_name[TA_KIND_COUNT] = {
    "Int8", "Uint8", "Uint8Clamped", "Int16", "Uint16", "Int32", "Uint32", "Float32", "Float64",
    "BigInt64", "BigUint64", "Float16",
};

/*
 * The common steps of GetViewValue and SetViewValue (§24.3.1.1-2): the view, the index, the
 * conversions in spec order, then the detach and bounds checks. Returns the address of the
 * first byte, or NULL after throwing.
 */
static uint8_t *view_address(ThreadState *ts, Value self, const Value *args, int argc, int kind, bool set,
                             uint64_t *bits, bool *little_endian) {
    char method[24];
    snprintf(method, sizeof method, "%s%s", set ? "set" : "get", view_type_name[kind]);
    DataViewObject *view = this_view(ts, self, method);
    if (!view) return NULL;
    double index;
    if (!ops_to_index(ts, builtin_arg(args, argc, 0), &index)) return NULL;
    // ToNumber, or ToBigInt for the BigInt types, before the detach check.
    if (set && !typedarray_value_to_bits(ts, kind, builtin_arg(args, argc, 1), bits)) return NULL;
    *little_endian = ops_to_boolean(builtin_arg(args, argc, set ? 2 : 1));
    if (array_buffer_is_detached(view->buffer)) {
        error_throw_type(ts, "Cannot perform DataView.prototype.%s on a detached ArrayBuffer", method);
        return NULL;
    }
    double length = view_byte_length(view);
    if (length < 0) {
        error_throw_type(ts, "Cannot perform DataView.prototype.%s on an out of bounds DataView", method);
        return NULL;
    }
    if (index + (double)typedarray_element_bytes(kind) > length) {
        error_throw_range(ts, "Offset is outside the bounds of the DataView");
        return NULL;
    }
    return array_buffer_of(view->buffer)->data + view->byte_offset + (size_t)index;
}

// get<Type>(byteOffset, littleEndian); magic is the TypedArrayKind of the type.
static Value DataView_prototype_get(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    bool little_endian;
    uint8_t *p = view_address(ts, self, args, argc, magic, false, NULL, &little_endian);
    if (!p) return JS_EXCEPTION;
    size_t size = typedarray_element_bytes(magic);
    uint64_t bits = 0;
    for (size_t i = 0; i < size; i++) {
        uint64_t byte = __atomic_load_n(&p[i], __ATOMIC_RELAXED);
        bits |= byte << (8 * (little_endian ? i : size - 1 - i));
    }
    return typedarray_bits_to_value(ts, magic, bits);
}

// set<Type>(byteOffset, value, littleEndian).
static Value DataView_prototype_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    bool little_endian;
    uint64_t bits = 0;
    uint8_t *p = view_address(ts, self, args, argc, magic, true, &bits, &little_endian);
    if (!p) return JS_EXCEPTION;
    size_t size = typedarray_element_bytes(magic);
    for (size_t i = 0; i < size; i++)
        __atomic_store_n(&p[little_endian ? i : size - 1 - i], (uint8_t)(bits >> (8 * i)), __ATOMIC_RELAXED);
    return JS_UNDEFINED;
}

#define VIEW_METHODS(type, kind)                                          \
    BUILTIN_FN_MAGIC("get" type, DataView_prototype_get, 1, kind),       \
    BUILTIN_FN_MAGIC("set" type, DataView_prototype_set, 2, kind)

static const BuiltinEntry data_view_prototype_table[] = {
    BUILTIN_GETSET_MAGIC("buffer", DataView_prototype_getter, NULL, VIEW_BUFFER),
    BUILTIN_GETSET_MAGIC("byteLength", DataView_prototype_getter, NULL, VIEW_BYTE_LENGTH),
    BUILTIN_GETSET_MAGIC("byteOffset", DataView_prototype_getter, NULL, VIEW_BYTE_OFFSET),
    VIEW_METHODS("Int8", TA_INT8),
    VIEW_METHODS("Uint8", TA_UINT8),
    VIEW_METHODS("Int16", TA_INT16),
    VIEW_METHODS("Uint16", TA_UINT16),
    VIEW_METHODS("Int32", TA_INT32),
    VIEW_METHODS("Uint32", TA_UINT32),
    VIEW_METHODS("Float16", TA_FLOAT16),
    VIEW_METHODS("Float32", TA_FLOAT32),
    VIEW_METHODS("Float64", TA_FLOAT64),
    VIEW_METHODS("BigInt64", TA_BIGINT64),
    VIEW_METHODS("BigUint64", TA_BIGUINT64),
    BUILTIN_STRING("@@toStringTag", "DataView", PROP_CONFIGURABLE),
};

bool typedarray_install_dataview(ThreadState *ts) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_DATA_VIEW_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "DataView", DataView_constructor, 1, prototype,
                                                     NATIVE_NEW_ONLY);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, prototype, data_view_prototype_table, BUILTIN_COUNT(data_view_prototype_table));
}
