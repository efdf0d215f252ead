/*
 * builtins/typedarray.c — %TypedArray%, its prototype methods (ES2020 §22.2, plus at/findLast/
 * findLastIndex) and the twelve constructors, BigInt64Array and BigUint64Array included (their
 * elements are BigInts: every value crosses typedarray_value_to_bits/bits_to_value, and mixing
 * content types is a TypeError, TA-6), Float16Array too (ES2025, TA-10). Views of resizable
 * buffers follow ES2024: a view made without a length tracks the buffer's length, a shrink can
 * leave a view out of bounds, and every method re-reads the length after running JS [TA-8]. The integer-indexed exotic methods are in
 * objectexotic.c; buffers in arraybuffer.c, DataView in dataview.c. Elements are read and written
 * only through typedarray.h's relaxed single-width accessors [TA-2]; every method re-checks the
 * buffer after running JS (a callback may detach it) and never touches memory past the view.
 * Long loops poll the safepoint through the JS calls they make or explicitly [SP-1].
 */
#include <math.h>
#include <stdlib.h>
#include "typedarray.h"
#include "../celltrace.h"
#include "../number.h"

const char *const typedarray_kind_name[TA_KIND_COUNT] = {
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
    "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    "Float16Array",
};

// ---- objects ----

Value typed_array_over(ThreadState *ts, int kind, Value buffer, size_t byte_offset, size_t length,
                       Value prototype) {
    TypedArrayObject *ta = object_alloc(ts, sizeof(TypedArrayObject), CELL_TYPED_ARRAY, prototype);
    if (!ta) return JS_EXCEPTION;
    ArrayBufferObject *b = array_buffer_of(buffer);
    ta->buffer = buffer;
    ta->data = b->data ? b->data + byte_offset : NULL;
    ta->length = length;
    ta->byte_offset = byte_offset;
    ta->kind = (uint8_t)kind;
    return value_from_cell(ta);
}

Value typed_array_new(ThreadState *ts, int kind, size_t length) {
    if (length > SIZE_MAX / 8) return error_throw_range(ts, "Invalid typed array length: %u", (unsigned)length);
    Value buffer = array_buffer_new(ts, length * typedarray_element_bytes(kind), false,
                                    realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
    if (value_is_exception(buffer)) return JS_EXCEPTION;
    return typed_array_over(ts, kind, buffer, 0, length,
                            realm_intrinsic(ts, INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + kind));
}

void typed_array_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((TypedArrayObject *)cell)->buffer);
}

// ---- validation ----

// Throws the TypeError of a view that is detached or out of bounds.
static Value bounds_error(ThreadState *ts, const TypedArrayObject *ta, const char *method) {
    if (typed_array_is_detached(ta)) return error_throw_type(ts, "Cannot perform %s on a detached ArrayBuffer", method);
    return error_throw_type(ts, "Cannot perform %s on an out of bounds TypedArray", method);
}

// ValidateTypedArray: a typed array neither detached nor out of bounds, or NULL after a TypeError.
static TypedArrayObject *validate(ThreadState *ts, Value self, const char *method) {
    if (!value_is_typed_array(self)) {
        error_throw_type(ts, "this is not a typed array.");
        return NULL;
    }
    TypedArrayObject *ta = typed_array_of(self);
    if (typed_array_out_of_bounds(ta)) {
        bounds_error(ts, ta, method);
        return NULL;
    }
    return ta;
}

// Get(O, k) on a typed array: undefined once k is out of range (a callback may have detached).
// JS_EXCEPTION when a BigInt element cannot be allocated.
static Value element_get(ThreadState *ts, const TypedArrayObject *ta, size_t k) {
    return k < typed_array_length(ta) ? typed_array_get_value(ts, ta, k) : JS_UNDEFINED;
}

// Whether two kinds hold the same content type (both Number or both BigInt) [TA-6].
static bool same_content_type(int a, int b) {
    return typedarray_kind_is_bigint(a) == typedarray_kind_is_bigint(b);
}

// The kind's intrinsic constructor.
static Value kind_constructor(ThreadState *ts, int kind) {
    return realm_intrinsic(ts, INTRINSIC_TYPED_ARRAY_KIND_CONSTRUCTORS + kind);
}

// TypedArrayCreate (§22.2.4.6): Construct, then check the result is a usable typed array, at
// least `min_length` long when the argument list is one length.
static Value typed_array_create(ThreadState *ts, Value constructor, const Value *args, int argc,
                                bool check_length) {
    Value result = interp_construct(ts, constructor, args, argc, constructor);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (!validate(ts, result, "TypedArray construction")) return JS_EXCEPTION;
    if (check_length && (double)typed_array_length(typed_array_of(result)) < value_to_number(args[0]))
        return error_throw_type(ts, "Derived TypedArray constructor created an array which was too small");
    return result;
}

// TypedArraySpeciesCreate (§22.2.4.7): the species result must have the exemplar's content type.
static Value species_create(ThreadState *ts, Value exemplar, const Value *args, int argc, bool check_length) {
    int kind = typed_array_of(exemplar)->kind;
    Value constructor = ops_species_constructor(ts, exemplar, kind_constructor(ts, kind));
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    if (check_length && constructor == kind_constructor(ts, kind))
        return typed_array_new(ts, kind, (size_t)value_to_number(args[0]));
    Value result = typed_array_create(ts, constructor, args, argc, check_length);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (!same_content_type(typed_array_of(result)->kind, kind))
        return error_throw_type(ts, "TypedArraySpeciesCreate: %s and %s have different content types",
                                typedarray_kind_name[typed_array_of(result)->kind], typedarray_kind_name[kind]);
    return result;
}

// TypedArraySpeciesCreate with a length argument.
static Value species_create_length(ThreadState *ts, Value exemplar, size_t length) {
    Value argument = value_from_number((double)length);
    return species_create(ts, exemplar, &argument, 1, true);
}

// A relative index argument (ToIntegerOrInfinity, negative from the end) clamped into [0, length].
static bool relative_index(ThreadState *ts, Value v, double length, double fallback, double *out) {
    if (value_is_undefined(v)) {
        *out = fallback;
        return true;
    }
    double d;
    if (!ops_to_integer(ts, v, &d)) return false;
    *out = d < 0 ? fmax(length + d, 0) : fmin(d, length);
    return true;
}

static bool callable_argument(ThreadState *ts, Value fn) {
    if (ops_is_callable(fn)) return true;
    error_throw_type(ts, "%C is not a function", fn);
    return false;
}

// ---- constructors ----

static Value TypedArray_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return error_throw_type(ts, "Abstract class TypedArray not directly constructable");
}

// IterableToList into a Values cell (a conservative root while more values arrive).
static Values *iterable_to_list(ThreadState *ts, Value iterable, Value method) {
    Value iterator = interp_call(ts, method, iterable, NULL, 0);
    if (value_is_exception(iterator)) return NULL;
    if (!value_is_object(iterator)) {
        error_throw_type(ts, "Result of the Symbol.iterator method is not an object");
        return NULL;
    }
    Value next = object_get(ts, iterator, ATOM(ts, next));
    if (value_is_exception(next)) return NULL;
    IteratorRecord record = {iterator, next, false};
    Values *list = values_new(ts, 8);
    if (!list) return NULL;
    for (;;) {
        Value v = ops_iterator_step(ts, &record);
        if (value_is_exception(v)) return NULL;
        if (v == JS_HOLE) return list;
        list = values_push(ts, list, v);
        if (!list) return NULL;
    }
}

// Fills a fresh typed array from a list of values: each is converted with ToNumber in order.
static bool fill_from_values(ThreadState *ts, TypedArrayObject *ta, const Values *list) {
    for (uint32_t i = 0; i < list->count; i++)
        if (typed_array_set_element(ts, ta, (double)i, list->items[i]) < 0) return false;
    return true;
}

// new TA(typedArray): a copy into a fresh %ArrayBuffer% (§22.2.4.3, as of ES2022).
static Value construct_from_typed_array(ThreadState *ts, int kind, Value source, Value prototype) {
    TypedArrayObject *src = typed_array_of(source);
    if (typed_array_out_of_bounds(src)) return bounds_error(ts, src, "Construct");
    if (!same_content_type(src->kind, kind))
        return error_throw_type(ts, "Cannot construct a %s from a %s: content types differ",
                                typedarray_kind_name[kind], typedarray_kind_name[src->kind]);
    size_t length = typed_array_length(src);
    Value buffer = array_buffer_new(ts, length * typedarray_element_bytes(kind), false,
                                    realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
    if (value_is_exception(buffer)) return JS_EXCEPTION;
    Value result = typed_array_over(ts, kind, buffer, 0, length, prototype);
    if (value_is_exception(result)) return JS_EXCEPTION;
    TypedArrayObject *ta = typed_array_of(result);
    if (src->kind == kind) {
        for (size_t i = 0; i < length * typedarray_element_bytes(kind); i++) {
            ta->data[i] = __atomic_load_n(&src->data[i], __ATOMIC_RELAXED);
            typedarray_poll(ts, i);
        }
    } else if (typedarray_kind_is_bigint(kind)) {
        // BigInt64 <-> BigUint64: both conversions are modulo 2**64, so the bits carry over.
        for (size_t i = 0; i < length; i++) {
            typed_array_store_bits(ta, i, typed_array_load_bits(src, i));
            typedarray_poll(ts, i);
        }
    } else {
        for (size_t i = 0; i < length; i++) {
            typed_array_store_bits(ta, i, typedarray_raw_bits(kind, value_to_number(typed_array_load(src, i))));
            typedarray_poll(ts, i);
        }
    }
    return result;
}

// new TA(buffer, byteOffset, length) (§22.2.4.5).
static Value construct_from_buffer(ThreadState *ts, int kind, Value buffer, Value offset_value,
                                   Value length_value, Value prototype) {
    size_t element_size = typedarray_element_bytes(kind);
    double offset, new_length = 0;
    if (!ops_to_index(ts, offset_value, &offset)) return JS_EXCEPTION;
    if (fmod(offset, (double)element_size) != 0)
        return error_throw_range(ts, "start offset of %s should be a multiple of %u", typedarray_kind_name[kind],
                                 (unsigned)element_size);
    if (!value_is_undefined(length_value) && !ops_to_index(ts, length_value, &new_length)) return JS_EXCEPTION;
    if (array_buffer_is_detached(buffer))
        return error_throw_type(ts, "Cannot perform Construct on a detached ArrayBuffer");
    double buffer_length = (double)array_buffer_byte_length(array_buffer_of(buffer)), byte_length;
    if (value_is_undefined(length_value) && array_buffer_of(buffer)->resizable) {
        // A length-tracking view [TA-8]: its length is recomputed from the buffer's at every use.
        if (offset > buffer_length)
            return error_throw_range(ts, "Start offset %u is outside the bounds of the buffer", (unsigned)offset);
        Value result = typed_array_over(ts, kind, buffer, (size_t)offset, 0, prototype);
        if (!value_is_exception(result)) typed_array_of(result)->length_tracking = true;
        return result;
    }
    if (value_is_undefined(length_value)) {
        if (fmod(buffer_length, (double)element_size) != 0)
            return error_throw_range(ts, "byte length of %s should be a multiple of %u", typedarray_kind_name[kind],
                                     (unsigned)element_size);
        byte_length = buffer_length - offset;
        if (byte_length < 0)
            return error_throw_range(ts, "Start offset %u is outside the bounds of the buffer", (unsigned)offset);
    } else {
        byte_length = new_length * (double)element_size;
        if (offset + byte_length > buffer_length)
            return error_throw_range(ts, "Invalid typed array length: %u", (unsigned)new_length);
    }
    return typed_array_over(ts, kind, buffer, (size_t)offset, (size_t)(byte_length / (double)element_size), prototype);
}

// new TA(arrayLike or iterable) (§22.2.4.4).
static Value construct_from_object(ThreadState *ts, int kind, Value source, Value prototype) {
    Value method = ops_get_method(ts, source, SYMBOL(ts, iterator));
    if (value_is_exception(method)) return JS_EXCEPTION;
    if (!value_is_undefined(method)) {
        Values *list = iterable_to_list(ts, source, method);
        if (!list) return JS_EXCEPTION;
        Value buffer = array_buffer_new(ts, (size_t)list->count * typedarray_element_bytes(kind), false,
                                        realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
        if (value_is_exception(buffer)) return JS_EXCEPTION;
        Value result = typed_array_over(ts, kind, buffer, 0, list->count, prototype);
        if (value_is_exception(result) || !fill_from_values(ts, typed_array_of(result), list)) return JS_EXCEPTION;
        return result;
    }
    int64_t length = ops_length_of_array_like(ts, source);
    if (length < 0) return JS_EXCEPTION;
    Value buffer = array_buffer_new(ts, (size_t)length * typedarray_element_bytes(kind), false,
                                    realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
    if (value_is_exception(buffer)) return JS_EXCEPTION;
    Value result = typed_array_over(ts, kind, buffer, 0, (size_t)length, prototype);
    if (value_is_exception(result)) return JS_EXCEPTION;
    TypedArrayObject *ta = typed_array_of(result);
    for (int64_t i = 0; i < length; i++) {
        Value v;
        if (!array_get_fast(source, (uint32_t)i, &v)) {
            v = object_get(ts, source, property_key_from_index((uint32_t)i));
            if (value_is_exception(v)) return JS_EXCEPTION;
        }
        if (typed_array_set_element(ts, ta, (double)i, v) < 0) return JS_EXCEPTION;
    }
    return result;
}

// new Int8Array(...) .. new Float64Array(...); magic is the kind.
static Value TypedArray_kind_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value new_target = ts->new_target;
    if (value_is_undefined(new_target))
        return error_throw_type(ts, "Constructor %s requires 'new'", typedarray_kind_name[magic]);
    Value first = builtin_arg(args, argc, 0);
    if (!value_is_object(first)) {
        double length;
        if (!ops_to_index(ts, first, &length)) return JS_EXCEPTION;
        Value prototype = function_prototype_for(ts, new_target, INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + magic);
        if (value_is_exception(prototype)) return JS_EXCEPTION;
        if (length * typedarray_element_bytes(magic) > 4294967295.0)
            return error_throw_range(ts, "Invalid typed array length: %u", (unsigned)length);
        Value buffer = array_buffer_new(ts, (size_t)length * typedarray_element_bytes(magic), false,
                                        realm_intrinsic(ts, INTRINSIC_ARRAY_BUFFER_PROTOTYPE));
        if (value_is_exception(buffer)) return JS_EXCEPTION;
        return typed_array_over(ts, magic, buffer, 0, (size_t)length, prototype);
    }
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + magic);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    switch (value_cell_type(first)) {
    case CELL_TYPED_ARRAY: return construct_from_typed_array(ts, magic, first, prototype);
    case CELL_ARRAY_BUFFER:
        return construct_from_buffer(ts, magic, first, builtin_arg(args, argc, 1), builtin_arg(args, argc, 2), prototype);
    default: return construct_from_object(ts, magic, first, prototype);
    }
}

// %TypedArray%.from(source, mapfn, thisArg) (§22.2.2.1).
static Value TypedArray_from(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!ops_is_constructor(self)) return error_throw_type(ts, "%V is not a constructor", self);
    Value source = builtin_arg(args, argc, 0), mapfn = builtin_arg(args, argc, 1), this_arg = builtin_arg(args, argc, 2);
    bool mapping = !value_is_undefined(mapfn);
    if (mapping && !callable_argument(ts, mapfn)) return JS_EXCEPTION;
    Value method = ops_get_method(ts, source, SYMBOL(ts, iterator));
    if (value_is_exception(method)) return JS_EXCEPTION;
    Values *list = NULL;
    Value array_like = JS_UNDEFINED;
    int64_t length;
    if (!value_is_undefined(method)) {
        list = iterable_to_list(ts, source, method);
        if (!list) return JS_EXCEPTION;
        length = list->count;
    } else {
        array_like = ops_to_object(ts, source);
        if (value_is_exception(array_like)) return JS_EXCEPTION;
        length = ops_length_of_array_like(ts, array_like);
        if (length < 0) return JS_EXCEPTION;
    }
    Value length_value = value_from_number((double)length);
    Value target = typed_array_create(ts, self, &length_value, 1, true);
    if (value_is_exception(target)) return JS_EXCEPTION;
    for (int64_t k = 0; k < length; k++) {
        Value v = list ? list->items[k] : object_get(ts, array_like, property_key_from_index((uint32_t)k));
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (mapping) {
            Value call_args[2] = {v, value_from_number((double)k)};
            v = interp_call(ts, mapfn, this_arg, call_args, 2);
            if (value_is_exception(v)) return JS_EXCEPTION;
        }
        if (object_set(ts, target, property_key_from_index((uint32_t)k), v, target, true) < 0) return JS_EXCEPTION;
    }
    return target;
}

// %TypedArray%.of(...items) (§22.2.2.2).
static Value TypedArray_of(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!ops_is_constructor(self)) return error_throw_type(ts, "%V is not a constructor", self);
    Value length_value = value_from_int(argc);
    Value target = typed_array_create(ts, self, &length_value, 1, true);
    if (value_is_exception(target)) return JS_EXCEPTION;
    for (int k = 0; k < argc; k++)
        if (object_set(ts, target, property_key_from_index((uint32_t)k), args[k], target, true) < 0)
            return JS_EXCEPTION;
    return target;
}

static Value TypedArray_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

// ---- accessors ----

enum { GET_BUFFER, GET_BYTE_LENGTH, GET_BYTE_OFFSET, GET_LENGTH };

static Value TypedArray_prototype_getter(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    static const char *const names[] = {"buffer", "byteLength", "byteOffset", "length"};
    if (!value_is_typed_array(self))
        return error_throw_type(ts, "Method get TypedArray.prototype.%s called on incompatible receiver %V",
                                names[magic], self);
    TypedArrayObject *ta = typed_array_of(self);
    if (magic == GET_BUFFER) return ta->buffer;
    // Detached or out of bounds: all three are 0 (ES2024 §23.2.3.3-5, 23.2.3.21).
    size_t length = typed_array_length(ta);
    switch (magic) {
    case GET_BYTE_LENGTH: return value_from_number((double)(length * typedarray_element_bytes(ta->kind)));
    case GET_BYTE_OFFSET: return value_from_number(typed_array_out_of_bounds(ta) ? 0 : (double)ta->byte_offset);
    default: return value_from_number((double)length);
    }
}

static Value TypedArray_prototype_toStringTag(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (!value_is_typed_array(self)) return JS_UNDEFINED;
    return atom_from_cstr(ts, typedarray_kind_name[typed_array_of(self)->kind]);
}

// ---- iteration methods with a callback ----

enum { ITER_EVERY, ITER_SOME, ITER_FOR_EACH, ITER_FIND, ITER_FIND_INDEX, ITER_FIND_LAST, ITER_FIND_LAST_INDEX };

static Value TypedArray_prototype_iterate(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    static const char *const names[] = {
        "%TypedArray%.prototype.every", "%TypedArray%.prototype.some", "%TypedArray%.prototype.forEach",
        "%TypedArray%.prototype.find", "%TypedArray%.prototype.findIndex", "%TypedArray%.prototype.findLast",
        "%TypedArray%.prototype.findLastIndex",
    };
    TypedArrayObject *ta = validate(ts, self, names[magic]);
    if (!ta) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (!callable_argument(ts, fn)) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    bool backwards = magic == ITER_FIND_LAST || magic == ITER_FIND_LAST_INDEX;
    for (size_t i = 0; i < length; i++) {
        size_t k = backwards ? length - 1 - i : i;
        Value call_args[3] = {element_get(ts, ta, k), value_from_number((double)k), self};
        if (value_is_exception(call_args[0])) return JS_EXCEPTION;
        Value result = interp_call(ts, fn, this_arg, call_args, 3);
        if (value_is_exception(result)) return JS_EXCEPTION;
        bool truthy = ops_to_boolean(result);
        switch (magic) {
        case ITER_EVERY: if (!truthy) return JS_FALSE; break;
        case ITER_SOME: if (truthy) return JS_TRUE; break;
        case ITER_FIND:
        case ITER_FIND_LAST: if (truthy) return call_args[0]; break;
        case ITER_FIND_INDEX:
        case ITER_FIND_LAST_INDEX: if (truthy) return call_args[1]; break;
        default: break;
        }
    }
    switch (magic) {
    case ITER_EVERY: return JS_TRUE;
    case ITER_SOME: return JS_FALSE;
    case ITER_FIND_INDEX:
    case ITER_FIND_LAST_INDEX: return value_from_int(-1);
    default: return JS_UNDEFINED;
    }
}

static Value TypedArray_prototype_map(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.map");
    if (!ta) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (!callable_argument(ts, fn)) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    Value result = species_create_length(ts, self, length);
    if (value_is_exception(result)) return JS_EXCEPTION;
    for (size_t k = 0; k < length; k++) {
        Value call_args[3] = {element_get(ts, ta, k), value_from_number((double)k), self};
        if (value_is_exception(call_args[0])) return JS_EXCEPTION;
        Value mapped = interp_call(ts, fn, this_arg, call_args, 3);
        if (value_is_exception(mapped)) return JS_EXCEPTION;
        if (object_set(ts, result, property_key_from_index((uint32_t)k), mapped, result, true) < 0)
            return JS_EXCEPTION;
    }
    return result;
}

static Value TypedArray_prototype_filter(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.filter");
    if (!ta) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (!callable_argument(ts, fn)) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    Values *kept = values_new(ts, 8);
    if (!kept) return JS_EXCEPTION;
    for (size_t k = 0; k < length; k++) {
        Value call_args[3] = {element_get(ts, ta, k), value_from_number((double)k), self};
        if (value_is_exception(call_args[0])) return JS_EXCEPTION;
        Value selected = interp_call(ts, fn, this_arg, call_args, 3);
        if (value_is_exception(selected)) return JS_EXCEPTION;
        if (ops_to_boolean(selected) && !(kept = values_push(ts, kept, call_args[0]))) return JS_EXCEPTION;
    }
    Value result = species_create_length(ts, self, kept->count);
    if (value_is_exception(result)) return JS_EXCEPTION;
    for (uint32_t i = 0; i < kept->count; i++)
        if (object_set(ts, result, property_key_from_index(i), kept->items[i], result, true) < 0) return JS_EXCEPTION;
    return result;
}

// reduce (magic 0) and reduceRight (magic 1).
static Value TypedArray_prototype_reduce(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    TypedArrayObject *ta = validate(ts, self, magic ? "%TypedArray%.prototype.reduceRight"
                                                    : "%TypedArray%.prototype.reduce");
    if (!ta) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0);
    if (!callable_argument(ts, fn)) return JS_EXCEPTION;
    size_t length = typed_array_length(ta), i = 0;
    Value accumulator;
    if (argc >= 2) {
        accumulator = args[1];
    } else {
        if (length == 0) return error_throw_type(ts, "Reduce of empty array with no initial value");
        accumulator = element_get(ts, ta, magic ? length - 1 : 0);
        if (value_is_exception(accumulator)) return JS_EXCEPTION;
        i = 1;
    }
    for (; i < length; i++) {
        size_t k = magic ? length - 1 - i : i;
        Value call_args[4] = {accumulator, element_get(ts, ta, k), value_from_number((double)k), self};
        if (value_is_exception(call_args[1])) return JS_EXCEPTION;
        accumulator = interp_call(ts, fn, JS_UNDEFINED, call_args, 4);
        if (value_is_exception(accumulator)) return JS_EXCEPTION;
    }
    return accumulator;
}

// ---- searching ----

enum { SEARCH_INDEX_OF, SEARCH_LAST_INDEX_OF, SEARCH_INCLUDES };

/*
 * indexOf, lastIndexOf and includes. A Number kind compares element values (strict equality or
 * SameValueZero, so NaN and -0 behave); a BigInt kind compares bits with the target's, once the
 * target is known to be a BigInt inside the kind's range [TA-6]. Elements past a detach are
 * undefined, which only includes(undefined) can match.
 */
static Value TypedArray_prototype_search(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    static const char *const names[] = {"%TypedArray%.prototype.indexOf", "%TypedArray%.prototype.lastIndexOf",
                                        "%TypedArray%.prototype.includes"};
    TypedArrayObject *ta = validate(ts, self, names[magic]);
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta);
    Value not_found = magic == SEARCH_INCLUDES ? JS_FALSE : value_from_int(-1);
    if (length == 0) return not_found;
    Value target = builtin_arg(args, argc, 0);
    double from;
    if (magic == SEARCH_LAST_INDEX_OF) {
        from = length - 1;
        if (argc > 1) {
            if (!ops_to_integer(ts, args[1], &from)) return JS_EXCEPTION;
            from = from < 0 ? length + from : fmin(from, length - 1);
        }
    } else if (!relative_index(ts, builtin_arg(args, argc, 1), length, 0, &from)) {
        return JS_EXCEPTION;
    }
    // After a detach in the conversions above every Get is undefined.
    if (magic == SEARCH_INCLUDES && value_is_undefined(target) && typed_array_length(ta) < (size_t)length &&
        from < length)
        return JS_TRUE;
    bool bigint = typedarray_kind_is_bigint(ta->kind);
    if (bigint ? !value_is_bigint(target) : !value_is_number(target)) return not_found;
    uint64_t want = 0;
    if (bigint) {
        // The conversion of a BigInt runs no JS; the round trip tells whether it is in range.
        if (!typedarray_value_to_bits(ts, ta->kind, target, &want)) return JS_EXCEPTION;
        Value back = typedarray_bits_to_value(ts, ta->kind, want);
        if (value_is_exception(back)) return JS_EXCEPTION;
        if (!ops_strict_equals(back, target)) return not_found;
    }
    double step = magic == SEARCH_LAST_INDEX_OF ? -1 : 1;
    for (double k = from; k >= 0 && k < length; k += step) {
        typedarray_poll(ts, (size_t)k);
        if ((size_t)k >= typed_array_length(ta)) continue;
        bool match;
        if (bigint) {
            match = typed_array_load_bits(ta, (size_t)k) == want;
        } else {
            Value v = typed_array_load(ta, (size_t)k);
            match = magic == SEARCH_INCLUDES ? ops_same_value_zero(v, target) : ops_strict_equals(v, target);
        }
        if (match) return magic == SEARCH_INCLUDES ? JS_TRUE : value_from_number(k);
    }
    return not_found;
}

// join (magic 0) and toLocaleString (magic 1).
static Value TypedArray_prototype_join(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    TypedArrayObject *ta = validate(ts, self, magic ? "%TypedArray%.prototype.toLocaleString"
                                                    : "%TypedArray%.prototype.join");
    if (!ta) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    Value separator = builtin_arg(args, argc, 0);
    if (magic || value_is_undefined(separator)) separator = atom_from_cstr(ts, ",");
    else separator = ops_to_string(ts, separator);
    if (value_is_exception(separator)) return JS_EXCEPTION;
    StringBuilder b;
    string_builder_init(&b, ts);
    for (size_t k = 0; k < length; k++) {
        if (k > 0) string_builder_append_string(&b, separator);
        Value v = element_get(ts, ta, k);
        if (v == JS_UNDEFINED) continue;
        Value s;
        if (value_is_exception(v)) {
            s = JS_EXCEPTION;
        } else if (magic) {
            Value text = ops_invoke(ts, v, atom_from_cstr(ts, "toLocaleString"), NULL, 0);
            s = value_is_exception(text) ? JS_EXCEPTION : ops_to_string(ts, text);
        } else {
            s = value_is_number(v) ? ops_number_to_string(ts, value_to_number(v)) : ops_to_string(ts, v);
        }
        if (value_is_exception(s)) {
            string_builder_discard(&b);
            return JS_EXCEPTION;
        }
        string_builder_append_string(&b, s);
        if ((k & 0xFFF) == 0xFFF) safepoint_poll(ts);
    }
    return string_builder_finish(&b);
}

// ---- in-place changes ----

static Value TypedArray_prototype_fill(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.fill");
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta), start, end;
    uint64_t bits;
    if (!typedarray_value_to_bits(ts, ta->kind, builtin_arg(args, argc, 0), &bits)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 1), length, 0, &start) ||
        !relative_index(ts, builtin_arg(args, argc, 2), length, length, &end))
        return JS_EXCEPTION;
    // The conversions may have detached or shrunk the buffer: only what is left is filled.
    if (typed_array_out_of_bounds(ta)) return bounds_error(ts, ta, "%TypedArray%.prototype.fill");
    end = fmin(end, (double)typed_array_length(ta));
    for (size_t k = (size_t)start; k < (size_t)end; k++) {
        typed_array_store_bits(ta, k, bits);
        typedarray_poll(ts, k);
    }
    return self;
}

static Value TypedArray_prototype_reverse(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.reverse");
    if (!ta) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    for (size_t lower = 0; length > 1 && lower < length / 2; lower++) {
        size_t upper = length - 1 - lower;
        uint64_t a = typed_array_load_bits(ta, lower), b = typed_array_load_bits(ta, upper);
        typed_array_store_bits(ta, lower, b);
        typed_array_store_bits(ta, upper, a);
        typedarray_poll(ts, lower);
    }
    return self;
}

// Copies `count` elements' bytes inside one buffer, like memmove, one relaxed byte at a time so a
// shared buffer being written meanwhile is still no C data race [TA-2].
static void move_bytes(ThreadState *ts, uint8_t *to, const uint8_t *from, size_t count) {
    if (to < from) {
        for (size_t i = 0; i < count; i++) {
            __atomic_store_n(&to[i], __atomic_load_n(&from[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
            typedarray_poll(ts, i);
        }
    } else {
        for (size_t i = count; i > 0; i--) {
            __atomic_store_n(&to[i - 1], __atomic_load_n(&from[i - 1], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
            typedarray_poll(ts, i);
        }
    }
}

static Value TypedArray_prototype_copyWithin(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.copyWithin");
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta), to, from, final;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, 0, &to) ||
        !relative_index(ts, builtin_arg(args, argc, 1), length, 0, &from) ||
        !relative_index(ts, builtin_arg(args, argc, 2), length, length, &final))
        return JS_EXCEPTION;
    double count = fmin(final - from, length - to);
    if (count <= 0) return self;
    if (typed_array_out_of_bounds(ta))
        return bounds_error(ts, ta, "%TypedArray%.prototype.copyWithin");
    // ES2024: bytes at or past the length of this moment are neither read nor written.
    double now = (double)typed_array_length(ta);
    count = fmin(count, fmin(now - from, now - to));
    if (count <= 0) return self;
    size_t size = typedarray_element_bytes(ta->kind);
    move_bytes(ts, ta->data + (size_t)to * size, ta->data + (size_t)from * size, (size_t)count * size);
    return self;
}

// ---- sort ----

typedef struct SortContext {
    ThreadState *ts;
    Value comparator;     // undefined: numeric order
    int kind;
    bool failed;
    size_t steps;         // comparisons so far, for the safepoint poll
} SortContext;

// The default order of two elements' bits: numeric, -0 before +0 and NaN last; BigInts by value.
static double default_compare(int kind, uint64_t x_bits, uint64_t y_bits) {
    if (kind == TA_BIGINT64) return (int64_t)x_bits < (int64_t)y_bits ? -1 : (int64_t)x_bits > (int64_t)y_bits;
    if (kind == TA_BIGUINT64) return x_bits < y_bits ? -1 : x_bits > y_bits;
    double x = typedarray_bits_to_number(kind, x_bits), y = typedarray_bits_to_number(kind, y_bits);
    if (x != x) return y != y ? 0 : 1;
    if (y != y) return -1;
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == 0 && y == 0) return (double)signbit(y) - (double)signbit(x);
    return 0;
}

// SortCompare for typed arrays: the comparator's result as a number (NaN is 0), or the default
// order. Once the comparator threw, everything compares equal.
static double compare(SortContext *c, uint64_t x, uint64_t y) {
    if (c->failed) return 0;
    if (value_is_undefined(c->comparator)) {
        typedarray_poll(c->ts, ++c->steps);
        return default_compare(c->kind, x, y);
    }
    Value call_args[2] = {typedarray_bits_to_value(c->ts, c->kind, x), JS_UNDEFINED};
    if (!value_is_exception(call_args[0])) call_args[1] = typedarray_bits_to_value(c->ts, c->kind, y);
    Value result = value_is_exception(call_args[0]) || value_is_exception(call_args[1])
                       ? JS_EXCEPTION
                       : interp_call(c->ts, c->comparator, JS_UNDEFINED, call_args, 2);
    double d;
    if (value_is_exception(result) || !ops_to_number(c->ts, result, &d)) {
        c->failed = true;
        return 0;
    }
    return d != d ? 0 : d;
}

// A stable merge sort of element bits (the comparator may be inconsistent: merge sort still ends).
static void merge_sort(SortContext *c, uint64_t *items, uint64_t *scratch, size_t count) {
    if (count < 2) return;
    size_t half = count / 2;
    merge_sort(c, items, scratch, half);
    merge_sort(c, items + half, scratch, count - half);
    size_t i = 0, j = half, out = 0;
    while (i < half && j < count) scratch[out++] = compare(c, items[j], items[i]) < 0 ? items[j++] : items[i++];
    while (i < half) scratch[out++] = items[i++];
    while (j < count) scratch[out++] = items[j++];
    memcpy(items, scratch, count * sizeof(uint64_t));
}

static Value TypedArray_prototype_sort(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value comparator = builtin_arg(args, argc, 0);
    if (!value_is_undefined(comparator) && !ops_is_callable(comparator))
        return error_throw_type(ts, "The comparison function must be either a function or undefined");
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.sort");
    if (!ta) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    if (length < 2) return self;
    uint64_t *items = malloc(length * 2 * sizeof(uint64_t));
    if (!items) return error_throw_out_of_memory(ts);
    for (size_t k = 0; k < length; k++) items[k] = typed_array_load_bits(ta, k);
    SortContext c = {ts, comparator, ta->kind, false, 0};
    merge_sort(&c, items, items + length, length);
    if (!c.failed) {
        // A comparator may have detached the buffer: the writes then go nowhere.
        size_t now = typed_array_length(ta);
        for (size_t k = 0; k < length && k < now; k++) typed_array_store_bits(ta, k, items[k]);
    }
    free(items);
    return c.failed ? JS_EXCEPTION : self;
}

// ---- copies ----

// set(source, offset) (§22.2.3.23): from a typed array (overlap-safe) or any array-like.
static Value TypedArray_prototype_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_typed_array(self)) return error_throw_type(ts, "this is not a typed array.");
    TypedArrayObject *ta = typed_array_of(self);
    double offset;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 1), &offset)) return JS_EXCEPTION;
    if (offset < 0) return error_throw_range(ts, "offset is out of bounds");
    if (typed_array_out_of_bounds(ta)) return bounds_error(ts, ta, "%TypedArray%.prototype.set");
    double target_length = (double)typed_array_length(ta);
    Value source = builtin_arg(args, argc, 0);
    if (value_is_typed_array(source)) {
        TypedArrayObject *src = typed_array_of(source);
        if (typed_array_out_of_bounds(src)) return bounds_error(ts, src, "%TypedArray%.prototype.set");
        size_t count = typed_array_length(src);
        if ((double)count + offset > target_length) return error_throw_range(ts, "offset is out of bounds");
        if (!same_content_type(src->kind, ta->kind))
            return error_throw_type(ts, "Cannot set a %s from a %s: content types differ",
                                    typedarray_kind_name[ta->kind], typedarray_kind_name[src->kind]);
        size_t to = (size_t)offset;
        if (src->kind == ta->kind) {
            size_t size = typedarray_element_bytes(ta->kind);
            move_bytes(ts, ta->data + to * size, src->data, count * size);
            return JS_UNDEFINED;
        }
        // Different kinds over one buffer: read every source element before writing any. Between
        // the two BigInt kinds the bits carry over (both conversions are modulo 2**64).
        uint64_t *bits = malloc((count ? count : 1) * sizeof(uint64_t));
        if (!bits) return error_throw_out_of_memory(ts);
        for (size_t k = 0; k < count; k++) bits[k] = typed_array_load_bits(src, k);
        for (size_t k = 0; k < count; k++) {
            uint64_t element = typedarray_kind_is_bigint(ta->kind)
                                   ? bits[k]
                                   : typedarray_raw_bits(ta->kind, typedarray_bits_to_number(src->kind, bits[k]));
            typed_array_store_bits(ta, to + k, element);
            typedarray_poll(ts, k);
        }
        free(bits);
        return JS_UNDEFINED;
    }
    Value object = ops_to_object(ts, source);
    if (value_is_exception(object)) return JS_EXCEPTION;
    int64_t count = ops_length_of_array_like(ts, object);
    if (count < 0) return JS_EXCEPTION;
    if ((double)count + offset > target_length) return error_throw_range(ts, "offset is out of bounds");
    for (int64_t k = 0; k < count; k++) {
        Value v;
        if (!array_get_fast(object, (uint32_t)k, &v)) {
            v = object_get(ts, object, property_key_from_index((uint32_t)k));
            if (value_is_exception(v)) return JS_EXCEPTION;
        }
        if (typed_array_set_element(ts, ta, offset + (double)k, v) < 0) return JS_EXCEPTION;
    }
    return JS_UNDEFINED;
}

static Value TypedArray_prototype_slice(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.slice");
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta), start, end;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, 0, &start) ||
        !relative_index(ts, builtin_arg(args, argc, 1), length, length, &end))
        return JS_EXCEPTION;
    size_t count = end > start ? (size_t)(end - start) : 0;
    Value result = species_create_length(ts, self, count);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (count == 0) return result;
    if (typed_array_out_of_bounds(ta)) return bounds_error(ts, ta, "%TypedArray%.prototype.slice");
    // The species constructor may have shrunk the buffer: copy what is still there (ES2024).
    end = fmin(end, (double)typed_array_length(ta));
    count = end > start ? (size_t)(end - start) : 0;
    TypedArrayObject *target = typed_array_of(result);
    if (target->kind == ta->kind) {
        size_t size = typedarray_element_bytes(ta->kind);
        size_t bytes = count * size, available = typed_array_length(target) * size;
        // Forward byte order, as the spec copies: a species result over the same buffer sees
        // bytes this loop already wrote.
        uint8_t *to = target->data, *from = ta->data + (size_t)start * size;
        for (size_t i = 0; i < (bytes < available ? bytes : available); i++) {
            __atomic_store_n(&to[i], __atomic_load_n(&from[i], __ATOMIC_RELAXED), __ATOMIC_RELAXED);
            typedarray_poll(ts, i);
        }
        return result;
    }
    for (size_t k = 0; k < count; k++) {
        Value v = element_get(ts, ta, (size_t)start + k);
        if (value_is_exception(v) || object_set(ts, result, property_key_from_index((uint32_t)k), v, result, true) < 0) return JS_EXCEPTION;
    }
    return result;
}

// subarray(begin, end): a view of the same buffer through the species constructor.
static Value TypedArray_prototype_subarray(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_typed_array(self)) return error_throw_type(ts, "this is not a typed array.");
    TypedArrayObject *ta = typed_array_of(self);
    double length = (double)typed_array_length(ta), begin, end;
    Value end_value = builtin_arg(args, argc, 1);
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, 0, &begin) ||
        !relative_index(ts, end_value, length, length, &end))
        return JS_EXCEPTION;
    double count = fmax(end - begin, 0);
    size_t size = typedarray_element_bytes(ta->kind);
    Value call_args[3] = {ta->buffer, value_from_number((double)ta->byte_offset + begin * (double)size),
                          value_from_number(count)};
    // A length-tracking view without an end gives a length-tracking view (ES2024 §23.2.3.30).
    return species_create(ts, self, call_args, ta->length_tracking && value_is_undefined(end_value) ? 2 : 3, false);
}

// entries/keys/values through the array iterator; magic is the ITERATION_* kind.
static Value TypedArray_prototype_iterator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    static const char *const names[] = {"%TypedArray%.prototype.keys", "%TypedArray%.prototype.values",
                                        "%TypedArray%.prototype.entries"};
    if (!validate(ts, self, names[magic])) return JS_EXCEPTION;
    return iterator_new(ts, INTRINSIC_ARRAY_ITERATOR_PROTOTYPE, self, (uint8_t)(ITERATOR_ARRAY | magic));
}

static Value TypedArray_prototype_at(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.at");
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta), relative;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &relative)) return JS_EXCEPTION;
    double k = relative >= 0 ? relative : length + relative;
    if (k < 0 || k >= length) return JS_UNDEFINED;
    return element_get(ts, ta, (size_t)k);
}

// ---- change array by copy (ES2023): toReversed, toSorted, with ----
// Each makes its result with the kind's own constructor (TypedArrayCreateSameType, no species).

static Value TypedArray_prototype_toReversed(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.toReversed");
    if (!ta) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    Value result = typed_array_new(ts, ta->kind, length);
    if (value_is_exception(result)) return JS_EXCEPTION;
    // No JS ran since the length was read, but a racing shrink may have: reads past it give 0s.
    TypedArrayObject *target = typed_array_of(result);
    for (size_t k = 0; k < length; k++) {
        size_t from = length - 1 - k;
        typed_array_store_bits(target, k, from < typed_array_length(ta) ? typed_array_load_bits(ta, from) : 0);
        typedarray_poll(ts, k);
    }
    return result;
}

static Value TypedArray_prototype_toSorted(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value comparator = builtin_arg(args, argc, 0);
    if (!value_is_undefined(comparator) && !ops_is_callable(comparator))
        return error_throw_type(ts, "The comparison function must be either a function or undefined");
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.toSorted");
    if (!ta) return JS_EXCEPTION;
    size_t length = typed_array_length(ta);
    Value result = typed_array_new(ts, ta->kind, length);
    if (value_is_exception(result)) return JS_EXCEPTION;
    TypedArrayObject *target = typed_array_of(result);
    for (size_t k = 0; k < length && k < typed_array_length(ta); k++) {
        typed_array_store_bits(target, k, typed_array_load_bits(ta, k));
        typedarray_poll(ts, k);
    }
    return TypedArray_prototype_sort(ts, result, args, argc, 0);
}

static Value TypedArray_prototype_with(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    TypedArrayObject *ta = validate(ts, self, "%TypedArray%.prototype.with");
    if (!ta) return JS_EXCEPTION;
    double length = (double)typed_array_length(ta), relative;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &relative)) return JS_EXCEPTION;
    double index = relative >= 0 ? relative : length + relative;
    uint64_t bits;
    if (!typedarray_value_to_bits(ts, ta->kind, builtin_arg(args, argc, 1), &bits)) return JS_EXCEPTION;
    // IsValidIntegerIndex after the conversion, which may have shrunk or detached the buffer.
    if (!(index >= 0 && index < (double)typed_array_length(ta))) return error_throw_range(ts, "Invalid typed array index");
    Value result = typed_array_new(ts, ta->kind, (size_t)length);
    if (value_is_exception(result)) return JS_EXCEPTION;
    TypedArrayObject *target = typed_array_of(result);
    for (size_t k = 0; k < (size_t)length; k++) {
        if (k == (size_t)index) typed_array_store_bits(target, k, bits);
        else if (k < typed_array_length(ta)) typed_array_store_bits(target, k, typed_array_load_bits(ta, k));
        typedarray_poll(ts, k);
    }
    return result;
}

// ---- tables and installation ----

static const BuiltinEntry typed_array_statics[] = {
    BUILTIN_FN("from", TypedArray_from, 1),
    BUILTIN_FN("of", TypedArray_of, 0),
    BUILTIN_GETSET("@@species", TypedArray_species, NULL),
};

static const BuiltinEntry typed_array_prototype_table[] = {
    BUILTIN_GETSET_MAGIC("buffer", TypedArray_prototype_getter, NULL, GET_BUFFER),
    BUILTIN_GETSET_MAGIC("byteLength", TypedArray_prototype_getter, NULL, GET_BYTE_LENGTH),
    BUILTIN_GETSET_MAGIC("byteOffset", TypedArray_prototype_getter, NULL, GET_BYTE_OFFSET),
    BUILTIN_GETSET_MAGIC("length", TypedArray_prototype_getter, NULL, GET_LENGTH),
    BUILTIN_GETSET("@@toStringTag", TypedArray_prototype_toStringTag, NULL),
    BUILTIN_FN("at", TypedArray_prototype_at, 1),
    BUILTIN_FN("copyWithin", TypedArray_prototype_copyWithin, 2),
    BUILTIN_FN_MAGIC("entries", TypedArray_prototype_iterator, 0, ITERATION_ENTRIES),
    BUILTIN_FN_MAGIC("every", TypedArray_prototype_iterate, 1, ITER_EVERY),
    BUILTIN_FN("fill", TypedArray_prototype_fill, 1),
    BUILTIN_FN("filter", TypedArray_prototype_filter, 1),
    BUILTIN_FN_MAGIC("find", TypedArray_prototype_iterate, 1, ITER_FIND),
    BUILTIN_FN_MAGIC("findIndex", TypedArray_prototype_iterate, 1, ITER_FIND_INDEX),
    BUILTIN_FN_MAGIC("findLast", TypedArray_prototype_iterate, 1, ITER_FIND_LAST),
    BUILTIN_FN_MAGIC("findLastIndex", TypedArray_prototype_iterate, 1, ITER_FIND_LAST_INDEX),
    BUILTIN_FN_MAGIC("forEach", TypedArray_prototype_iterate, 1, ITER_FOR_EACH),
    BUILTIN_FN_MAGIC("includes", TypedArray_prototype_search, 1, SEARCH_INCLUDES),
    BUILTIN_FN_MAGIC("indexOf", TypedArray_prototype_search, 1, SEARCH_INDEX_OF),
    BUILTIN_FN_MAGIC("join", TypedArray_prototype_join, 1, 0),
    BUILTIN_FN_MAGIC("keys", TypedArray_prototype_iterator, 0, ITERATION_KEYS),
    BUILTIN_FN_MAGIC("lastIndexOf", TypedArray_prototype_search, 1, SEARCH_LAST_INDEX_OF),
    BUILTIN_FN("map", TypedArray_prototype_map, 1),
    BUILTIN_FN_MAGIC("reduce", TypedArray_prototype_reduce, 1, 0),
    BUILTIN_FN_MAGIC("reduceRight", TypedArray_prototype_reduce, 1, 1),
    BUILTIN_FN("reverse", TypedArray_prototype_reverse, 0),
    BUILTIN_FN("set", TypedArray_prototype_set, 1),
    BUILTIN_FN("slice", TypedArray_prototype_slice, 2),
    BUILTIN_FN_MAGIC("some", TypedArray_prototype_iterate, 1, ITER_SOME),
    BUILTIN_FN("sort", TypedArray_prototype_sort, 1),
    BUILTIN_FN("subarray", TypedArray_prototype_subarray, 2),
    BUILTIN_FN_MAGIC("toLocaleString", TypedArray_prototype_join, 0, 1),
    BUILTIN_FN("toReversed", TypedArray_prototype_toReversed, 0),
    BUILTIN_FN("toSorted", TypedArray_prototype_toSorted, 1),
    BUILTIN_FN("with", TypedArray_prototype_with, 2),
    BUILTIN_FN_MAGIC("values", TypedArray_prototype_iterator, 0, ITERATION_VALUES),
};

// Defines `alias` on target as the very function object stored under `name` on `from`.
static bool alias_method(ThreadState *ts, Value target, Value from, const char *name, const char *alias) {
    Value fn = ops_get_cstr(ts, from, name);
    if (value_is_exception(fn)) return false;
    PropKey key = builtins_key(ts, alias);
    return !value_is_exception(key) && object_define_value(ts, target, key, fn, PROP_HIDDEN) >= 0;
}

static bool install_kind(ThreadState *ts, int kind, Value typed_array, Value typed_array_prototype) {
    Value prototype = object_new(ts, typed_array_prototype);
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + kind] = prototype;
    Value constructor = builtins_install_constructor(ts, typedarray_kind_name[kind], TypedArray_kind_constructor,
                                                     3, prototype, NATIVE_NEW_ONLY);
    if (value_is_exception(constructor)) return false;
    ((NativeFunction *)value_to_cell(constructor))->magic = (int16_t)kind;
    ts->rt->realm.intrinsics[INTRINSIC_TYPED_ARRAY_KIND_CONSTRUCTORS + kind] = constructor;
    Value size = value_from_int((int32_t)typedarray_element_bytes(kind));
    PropKey key = atom_from_cstr(ts, "BYTES_PER_ELEMENT");
    return !value_is_exception(key) && object_define_value(ts, constructor, key, size, 0) >= 0 &&
           object_define_value(ts, prototype, key, size, 0) >= 0 &&
           object_set_prototype_of(ts, constructor, typed_array, true) > 0;
}

bool builtins_install_typedarray(ThreadState *ts) {
    if (!typedarray_install_buffers(ts)) return false;
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    Value typed_array = function_new_native(ts, TypedArray_constructor, "TypedArray", 0, 0, NATIVE_CONSTRUCTOR);
    if (value_is_exception(typed_array)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_TYPED_ARRAY_PROTOTYPE] = prototype;
    if (object_define_value(ts, typed_array, ATOM(ts, prototype), prototype, 0) < 0 ||
        object_define_value(ts, prototype, ATOM(ts, constructor), typed_array, PROP_HIDDEN) < 0 ||
        !builtins_install_table(ts, typed_array, typed_array_statics, BUILTIN_COUNT(typed_array_statics)) ||
        !builtins_install_table(ts, prototype, typed_array_prototype_table, BUILTIN_COUNT(typed_array_prototype_table)) ||
        !alias_method(ts, prototype, prototype, "values", "@@iterator") ||
        !alias_method(ts, prototype, realm_intrinsic(ts, INTRINSIC_ARRAY_PROTOTYPE), "toString", "toString"))
        return false;
    PropertyDescriptor length;
    if (object_get_own_property(ts, prototype, ATOM(ts, length), &length) <= 0) return false;
    ts->rt->realm.intrinsics[INTRINSIC_TYPED_ARRAY] = typed_array;
    ts->rt->realm.intrinsics[INTRINSIC_TYPED_ARRAY_LENGTH_GETTER] = length.getter;
    for (int kind = 0; kind < TA_KIND_COUNT; kind++)
        if (!install_kind(ts, kind, typed_array, prototype)) return false;
    return typedarray_install_dataview(ts);
}
