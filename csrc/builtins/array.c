/*
 * builtins/array.c — the Array constructor, Array.isArray/of/from and every Array.prototype
 * method of ES2020 (plus at, findLast/findLastIndex and the ES2023 copying methods node has).
 * Each method runs the spec's generic algorithm (test262 observes every Get/Has/Set/Delete);
 * dense CELL_ARRAY receivers take per-element fast paths: reads through array_get_fast (an own
 * data element is what [[Get]] finds), writes through object_set_element_fast (object.c's [[Set]]
 * fast path). Either falls back to the generic operation, so no fast path is observable.
 */
#include <stdlib.h>
#include "builtins.h"
#include "../atomics.h"

#define MAX_SAFE_INTEGER 9007199254740991.0
#define MAX_ARRAY_INDEX 4294967294.0

// ---- element access on any object, by a double index (array-likes reach 2^53 - 1) ----

static PropKey index_key(ThreadState *ts, double i) {
    if (i <= MAX_ARRAY_INDEX) return property_key_from_index((uint32_t)i);
    return property_key_from_value(ts, value_from_number(i));
}

static Value get_at(ThreadState *ts, Value o, double i) {
    Value v;
    if (i <= MAX_ARRAY_INDEX && array_get_fast(o, (uint32_t)i, &v)) return v;
    PropKey key = index_key(ts, i);
    if (value_is_exception(key)) return JS_EXCEPTION;
    return object_get(ts, o, key);
}

// HasProperty(O, i) and, when present, Get(O, i): 1 with *out set, 0 when absent, -1 on throw.
static int element_at(ThreadState *ts, Value o, double i, Value *out) {
    if (i <= MAX_ARRAY_INDEX && array_get_fast(o, (uint32_t)i, out)) return 1;
    PropKey key = index_key(ts, i);
    if (value_is_exception(key)) return -1;
    int present = object_has_property(ts, o, key);
    if (present <= 0) return present;
    *out = object_get(ts, o, key);
    return value_is_exception(*out) ? -1 : 1;
}

// A refusal reported without an exception still has to throw (the spec's `true` argument).
static bool refused(ThreadState *ts, Value o, PropKey key, const char *what) {
    if (!error_pending(ts)) error_throw_type(ts, "Cannot %s property '%K' of %V", what, key, o);
    return false;
}

// Set(O, i, v, true).
static bool set_at(ThreadState *ts, Value o, double i, Value v) {
    if (i <= MAX_ARRAY_INDEX && value_cell_type(o) == CELL_ARRAY &&
        object_set_element_fast(ts, value_to_object(o), (uint32_t)i, v))
        return true;
    PropKey key = index_key(ts, i);
    if (value_is_exception(key)) return false;
    return object_set(ts, o, key, v, o, true) > 0 || refused(ts, o, key, "assign to read only");
}

// DeletePropertyOrThrow(O, i).
static bool delete_at(ThreadState *ts, Value o, double i) {
    PropKey key = index_key(ts, i);
    if (value_is_exception(key)) return false;
    return object_delete(ts, o, key, true) > 0 || refused(ts, o, key, "delete");
}

// CreateDataPropertyOrThrow(O, i, v). Into a hole of a plain array the element store fast path
// is equivalent: it only succeeds when the array is extensible with default element attributes
// and no prototype has indexed properties, so nothing can observe the difference.
static bool create_at(ThreadState *ts, Value o, double i, Value v) {
    if (i <= MAX_ARRAY_INDEX && value_cell_type(o) == CELL_ARRAY) {
        Object *array = value_to_object(o);
        uint32_t index = (uint32_t)i;
        if (object_load_element(array, index) == JS_HOLE && object_set_element_fast(ts, array, index, v))
            return true;
    }
    PropKey key = index_key(ts, i);
    if (value_is_exception(key)) return false;
    PropertyDescriptor desc = {
        .value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED, .attributes = PROP_DEFAULT,
        .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
    };
    return object_define_own_property(ts, o, key, &desc, true) > 0 || refused(ts, o, key, "define");
}

// Set(O, "length", len, true).
static bool set_length(ThreadState *ts, Value o, double length) {
    if (value_cell_type(o) == CELL_ARRAY && (double)array_length(o) == length &&
        load_relaxed(&((Array *)value_to_cell(o))->length_writable))
        return true;   // storing the same length into a writable array length changes nothing
    PropKey key = ATOM(ts, length);
    return object_set(ts, o, key, value_from_number(length), o, true) > 0 ||
           refused(ts, o, key, "assign to read only");
}

// ToObject(this) with V8's message for the Array.prototype methods.
static Value this_object(ThreadState *ts, Value self, const char *method) {
    if (value_is_nullish(self)) return error_throw_type(ts, "Array.prototype.%s called on null or undefined", method);
    return ops_to_object(ts, self);
}

static bool length_of(ThreadState *ts, Value o, double *length) {
    int64_t n = ops_length_of_array_like(ts, o);
    if (n < 0) return false;
    *length = (double)n;
    return true;
}

// The start/end arguments of slice, fill, copyWithin, splice: relative to length, clamped.
static bool relative_index(ThreadState *ts, Value arg, double length, double if_undefined, double *out) {
    if (arg == JS_UNDEFINED && if_undefined >= 0) {
        *out = if_undefined;
        return true;
    }
    double relative;
    if (!ops_to_integer(ts, arg, &relative)) return false;
    if (relative < 0) *out = relative + length < 0 ? 0 : relative + length;
    else *out = relative > length ? length : relative;
    return true;
}

static Value require_callable(ThreadState *ts, Value fn) {
    if (ops_is_callable(fn)) return JS_UNDEFINED;
    return error_throw_type(ts, "%V is not a function", fn);
}

static bool native_stack_exhausted(ThreadState *ts) {
    if ((uintptr_t)__builtin_frame_address(0) >= ts->native_stack_limit) return false;
    error_throw_range(ts, "Maximum call stack size exceeded");
    return true;
}

// ---- creating arrays ----

// ArrayCreate(length, proto): proto JS_UNDEFINED means %Array.prototype%.
static Value array_create(ThreadState *ts, double length, Value prototype) {
    if (length > 4294967295.0) return error_throw_range(ts, "Invalid array length");
    Value a = array_new(ts, length <= 16 ? (uint32_t)length : 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    ((Array *)value_to_cell(a))->length = (uint32_t)length;
    if (prototype != JS_UNDEFINED && prototype != realm_intrinsic(ts, INTRINSIC_ARRAY_PROTOTYPE) &&
        object_set_prototype_of(ts, a, prototype, true) < 0)
        return JS_EXCEPTION;
    return a;
}

// ArraySpeciesCreate(originalArray, length).
static Value array_species_create(ThreadState *ts, Value original, double length) {
    int is_array = ops_is_array(ts, original);
    if (is_array < 0) return JS_EXCEPTION;
    if (!is_array) return array_create(ts, length, JS_UNDEFINED);
    Value c = object_get(ts, original, ATOM(ts, constructor));
    if (value_is_exception(c)) return JS_EXCEPTION;
    if (value_is_object(c)) {
        c = object_get(ts, c, SYMBOL(ts, species));
        if (value_is_exception(c)) return JS_EXCEPTION;
        if (c == JS_NULL) c = JS_UNDEFINED;
    }
    if (c == JS_UNDEFINED) return array_create(ts, length, JS_UNDEFINED);
    if (!ops_is_constructor(c)) return error_throw_type(ts, "object.constructor[Symbol.species] is not a constructor");
    Value n = value_from_number(length);
    return interp_construct(ts, c, &n, 1, c);
}

// ---- the constructor and statics ----

static Value Array_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value new_target = ts->new_target == JS_UNDEFINED ? ts->callee : ts->new_target;
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_ARRAY_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    if (argc == 1) {
        Value len = args[0];
        if (!value_is_number(len)) {
            Value a = array_create(ts, 0, prototype);
            if (value_is_exception(a) || !create_at(ts, a, 0, len)) return JS_EXCEPTION;
            return a;
        }
        double d = value_to_number(len);
        if (!(d >= 0 && d <= 4294967295.0 && d == floor(d))) return error_throw_range(ts, "Invalid array length");
        return array_create(ts, d, prototype);
    }
    Value a = array_from_values(ts, args, (uint32_t)argc);
    if (value_is_exception(a)) return JS_EXCEPTION;
    if (prototype != realm_intrinsic(ts, INTRINSIC_ARRAY_PROTOTYPE) && object_set_prototype_of(ts, a, prototype, true) < 0)
        return JS_EXCEPTION;
    return a;
}

static Value Array_isArray(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    int r = ops_is_array(ts, builtin_arg(args, argc, 0));
    return r < 0 ? JS_EXCEPTION : value_from_bool(r);
}

static Value Array_of(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value length = value_from_int(argc);
    Value a = ops_is_constructor(self) ? interp_construct(ts, self, &length, 1, self) : array_create(ts, argc, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (int k = 0; k < argc; k++)
        if (!create_at(ts, a, k, args[k])) return JS_EXCEPTION;
    return set_length(ts, a, argc) ? a : JS_EXCEPTION;
}

static Value Array_from(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value items = builtin_arg(args, argc, 0), mapfn = builtin_arg(args, argc, 1);
    Value this_arg = builtin_arg(args, argc, 2);
    bool mapping = mapfn != JS_UNDEFINED;
    if (mapping && value_is_exception(require_callable(ts, mapfn))) return JS_EXCEPTION;
    Value using_iterator = ops_get_method(ts, items, SYMBOL(ts, iterator));
    if (value_is_exception(using_iterator)) return JS_EXCEPTION;
    if (using_iterator != JS_UNDEFINED) {
        Value a = ops_is_constructor(self) ? interp_construct(ts, self, NULL, 0, self) : array_create(ts, 0, JS_UNDEFINED);
        if (value_is_exception(a)) return JS_EXCEPTION;
        IteratorRecord it = {JS_UNDEFINED, JS_UNDEFINED, true};
        it.iterator = interp_call(ts, using_iterator, items, NULL, 0);
        if (value_is_exception(it.iterator)) return JS_EXCEPTION;
        if (!value_is_object(it.iterator)) return error_throw_type(ts, "Result of the Symbol.iterator method is not an object");
        it.next = object_get(ts, it.iterator, ATOM(ts, next));
        if (value_is_exception(it.next)) return JS_EXCEPTION;
        it.done = false;
        for (double k = 0;; k++) {
            if (k >= MAX_SAFE_INTEGER) {
                error_throw_type(ts, "Array.from: too many elements");
                ops_iterator_close(ts, &it, true);
                return JS_EXCEPTION;
            }
            Value next = ops_iterator_step(ts, &it);
            if (value_is_exception(next)) return JS_EXCEPTION;
            if (next == JS_HOLE) return set_length(ts, a, k) ? a : JS_EXCEPTION;
            if (mapping) {
                Value call_args[2] = {next, value_from_number(k)};
                next = interp_call(ts, mapfn, this_arg, call_args, 2);
            }
            if (value_is_exception(next) || !create_at(ts, a, k, next)) {
                ops_iterator_close(ts, &it, true);
                return JS_EXCEPTION;
            }
        }
    }
    Value array_like = ops_to_object(ts, items);
    if (value_is_exception(array_like)) return JS_EXCEPTION;
    double length;
    if (!length_of(ts, array_like, &length)) return JS_EXCEPTION;
    Value n = value_from_number(length);
    Value a = ops_is_constructor(self) ? interp_construct(ts, self, &n, 1, self) : array_create(ts, length, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value v = get_at(ts, array_like, k);
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (mapping) {
            Value call_args[2] = {v, value_from_number(k)};
            v = interp_call(ts, mapfn, this_arg, call_args, 2);
            if (value_is_exception(v)) return JS_EXCEPTION;
        }
        if (!create_at(ts, a, k, v)) return JS_EXCEPTION;
    }
    return set_length(ts, a, length) ? a : JS_EXCEPTION;
}

static Value Array_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

// ---- iteration methods ----

static Value Array_prototype_at(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "at");
    double length, relative;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &relative)) return JS_EXCEPTION;
    double k = relative >= 0 ? relative : length + relative;
    if (k < 0 || k >= length) return JS_UNDEFINED;
    return get_at(ts, o, k);
}

// every, some, forEach: magic selects; they differ only in when they stop and what they return.
enum { TEST_EVERY, TEST_SOME, TEST_FOR_EACH };
static Value Array_prototype_test(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    static const char *const names[] = {"every", "some", "forEach"};
    Value o = this_object(ts, self, names[magic]);
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value callback = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (value_is_exception(require_callable(ts, callback))) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        Value call_args[3] = {element, value_from_number(k), o};
        Value result = interp_call(ts, callback, this_arg, call_args, 3);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (magic == TEST_EVERY && !ops_to_boolean(result)) return JS_FALSE;
        if (magic == TEST_SOME && ops_to_boolean(result)) return JS_TRUE;
    }
    return magic == TEST_EVERY ? JS_TRUE : magic == TEST_SOME ? JS_FALSE : JS_UNDEFINED;
}

static Value Array_prototype_map(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "map");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value callback = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (value_is_exception(require_callable(ts, callback))) return JS_EXCEPTION;
    Value a = array_species_create(ts, o, length);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        Value call_args[3] = {element, value_from_number(k), o};
        Value mapped = interp_call(ts, callback, this_arg, call_args, 3);
        if (value_is_exception(mapped) || !create_at(ts, a, k, mapped)) return JS_EXCEPTION;
    }
    return a;
}

static Value Array_prototype_filter(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "filter");
    double length, to = 0;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value callback = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (value_is_exception(require_callable(ts, callback))) return JS_EXCEPTION;
    Value a = array_species_create(ts, o, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        Value call_args[3] = {element, value_from_number(k), o};
        Value selected = interp_call(ts, callback, this_arg, call_args, 3);
        if (value_is_exception(selected)) return JS_EXCEPTION;
        if (ops_to_boolean(selected) && !create_at(ts, a, to++, call_args[0])) return JS_EXCEPTION;
    }
    return a;
}

// find, findIndex, findLast, findLastIndex: bit 0 = return the index, bit 1 = search backwards.
enum { FIND_INDEX = 1, FIND_LAST = 2 };
static Value Array_prototype_find(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    static const char *const names[] = {"find", "findIndex", "findLast", "findLastIndex"};
    Value o = this_object(ts, self, names[magic]);
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value predicate = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (value_is_exception(require_callable(ts, predicate))) return JS_EXCEPTION;
    bool backwards = magic & FIND_LAST;
    for (double i = 0; i < length; i++) {
        double k = backwards ? length - 1 - i : i;
        Value call_args[3] = {get_at(ts, o, k), value_from_number(k), o};
        if (value_is_exception(call_args[0])) return JS_EXCEPTION;
        Value result = interp_call(ts, predicate, this_arg, call_args, 3);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (ops_to_boolean(result)) return magic & FIND_INDEX ? call_args[1] : call_args[0];
    }
    return magic & FIND_INDEX ? value_from_int(-1) : JS_UNDEFINED;
}

// reduce (magic 0) and reduceRight (magic 1).
static Value Array_prototype_reduce(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    Value o = this_object(ts, self, magic ? "reduceRight" : "reduce");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value callback = builtin_arg(args, argc, 0);
    if (value_is_exception(require_callable(ts, callback))) return JS_EXCEPTION;
    if (length == 0 && argc < 2) return error_throw_type(ts, "Reduce of empty array with no initial value");
    double i = 0;
    Value accumulator = JS_UNDEFINED;
    if (argc >= 2) {
        accumulator = args[1];
    } else {
        bool found = false;
        for (; !found && i < length; i++) {
            double k = magic ? length - 1 - i : i;
            int present = element_at(ts, o, k, &accumulator);
            if (present < 0) return JS_EXCEPTION;
            found = present;
        }
        if (!found) return error_throw_type(ts, "Reduce of empty array with no initial value");
    }
    for (; i < length; i++) {
        double k = magic ? length - 1 - i : i;
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        Value call_args[4] = {accumulator, element, value_from_number(k), o};
        accumulator = interp_call(ts, callback, JS_UNDEFINED, call_args, 4);
        if (value_is_exception(accumulator)) return JS_EXCEPTION;
    }
    return accumulator;
}

// ---- searching ----

static Value Array_prototype_includes(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "includes");
    double length, n;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length == 0) return JS_FALSE;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 1), &n)) return JS_EXCEPTION;
    Value target = builtin_arg(args, argc, 0);
    for (double k = n >= 0 ? n : (length + n < 0 ? 0 : length + n); k < length; k++) {
        Value element = get_at(ts, o, k);
        if (value_is_exception(element)) return JS_EXCEPTION;
        if (ops_same_value_zero(element, target)) return JS_TRUE;
    }
    return JS_FALSE;
}

static Value Array_prototype_indexOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "indexOf");
    double length, n;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length == 0) return value_from_int(-1);
    if (!ops_to_integer(ts, builtin_arg(args, argc, 1), &n)) return JS_EXCEPTION;
    Value target = builtin_arg(args, argc, 0);
    for (double k = n >= 0 ? n : (length + n < 0 ? 0 : length + n); k < length; k++) {
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        if (ops_strict_equals(element, target)) return value_from_number(k);
    }
    return value_from_int(-1);
}

static Value Array_prototype_lastIndexOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "lastIndexOf");
    double length, n;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length == 0) return value_from_int(-1);
    n = length - 1;
    if (argc > 1 && !ops_to_integer(ts, args[1], &n)) return JS_EXCEPTION;
    Value target = builtin_arg(args, argc, 0);
    for (double k = n >= 0 ? (n < length - 1 ? n : length - 1) : length + n; k >= 0; k--) {
        Value element;
        int present = element_at(ts, o, k, &element);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        if (ops_strict_equals(element, target)) return value_from_number(k);
    }
    return value_from_int(-1);
}

// ---- building new arrays ----

static Value Array_prototype_concat(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "concat");
    if (value_is_exception(o)) return JS_EXCEPTION;
    Value a = array_species_create(ts, o, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    double n = 0;
    for (int i = -1; i < argc; i++) {
        Value e = i < 0 ? o : args[i];
        int spreadable = 0;
        if (value_is_object(e)) {
            Value flag = object_get(ts, e, SYMBOL(ts, isConcatSpreadable));
            if (value_is_exception(flag)) return JS_EXCEPTION;
            spreadable = flag != JS_UNDEFINED ? ops_to_boolean(flag) : ops_is_array(ts, e);
            if (spreadable < 0) return JS_EXCEPTION;
        }
        if (!spreadable) {
            if (n >= MAX_SAFE_INTEGER) return error_throw_type(ts, "Invalid array length");
            if (!create_at(ts, a, n++, e)) return JS_EXCEPTION;
            continue;
        }
        double length;
        if (!length_of(ts, e, &length)) return JS_EXCEPTION;
        if (n + length > MAX_SAFE_INTEGER) return error_throw_type(ts, "Invalid array length");
        for (double k = 0; k < length; k++, n++) {
            Value v;
            int present = element_at(ts, e, k, &v);
            if (present < 0) return JS_EXCEPTION;
            if (!present) continue;
            if (!create_at(ts, a, n, v)) return JS_EXCEPTION;
        }
    }
    return set_length(ts, a, n) ? a : JS_EXCEPTION;
}

static Value Array_prototype_slice(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "slice");
    double length, k, final;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, -1, &k) ||
        !relative_index(ts, builtin_arg(args, argc, 1), length, length, &final))
        return JS_EXCEPTION;
    double count = final - k > 0 ? final - k : 0, n = 0;
    Value a = array_species_create(ts, o, count);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (; k < final; k++, n++) {
        Value v;
        int present = element_at(ts, o, k, &v);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        if (!create_at(ts, a, n, v)) return JS_EXCEPTION;
    }
    return set_length(ts, a, n) ? a : JS_EXCEPTION;
}

// FlattenIntoArray; returns the next target index, or -1 on throw.
static double flatten_into(ThreadState *ts, Value target, Value source, double source_length, double start,
                           double depth, Value mapper, Value this_arg) {
    if (native_stack_exhausted(ts)) return -1;
    double target_index = start;
    for (double k = 0; k < source_length; k++) {
        Value element;
        int present = element_at(ts, source, k, &element);
        if (present < 0) return -1;
        if (!present) continue;
        if (mapper != JS_UNDEFINED) {
            Value call_args[3] = {element, value_from_number(k), source};
            element = interp_call(ts, mapper, this_arg, call_args, 3);
            if (value_is_exception(element)) return -1;
        }
        int flatten = 0;
        if (depth > 0) flatten = ops_is_array(ts, element);
        if (flatten < 0) return -1;
        if (flatten) {
            double length;
            if (!length_of(ts, element, &length)) return -1;
            target_index = flatten_into(ts, target, element, length, target_index, depth - 1, JS_UNDEFINED, JS_UNDEFINED);
            if (target_index < 0) return -1;
        } else {
            if (target_index >= MAX_SAFE_INTEGER) {
                error_throw_type(ts, "Invalid array length");
                return -1;
            }
            if (!create_at(ts, target, target_index++, element)) return -1;
        }
    }
    return target_index;
}

static Value Array_prototype_flat(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "flat");
    double length, depth = 1;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value depth_arg = builtin_arg(args, argc, 0);
    if (depth_arg != JS_UNDEFINED) {
        if (!ops_to_integer(ts, depth_arg, &depth)) return JS_EXCEPTION;
        if (depth < 0) depth = 0;
    }
    Value a = array_species_create(ts, o, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    return flatten_into(ts, a, o, length, 0, depth, JS_UNDEFINED, JS_UNDEFINED) < 0 ? JS_EXCEPTION : a;
}

static Value Array_prototype_flatMap(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "flatMap");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value mapper = builtin_arg(args, argc, 0);
    if (value_is_exception(require_callable(ts, mapper))) return JS_EXCEPTION;
    Value a = array_species_create(ts, o, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    return flatten_into(ts, a, o, length, 0, 1, mapper, builtin_arg(args, argc, 1)) < 0 ? JS_EXCEPTION : a;
}

// ---- in-place mutation ----

static Value Array_prototype_push(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "push");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length + argc > MAX_SAFE_INTEGER)
        return error_throw_type(ts, "Pushing %d elements on an array-like of length %V is disallowed, as the total surpasses 2**53-1",
                                argc, value_from_number(length));
    // On an array whose index stores can run no user code, each store raises the length by an
    // atomic max to at least its index + 1, so the final Set of `length` is a no-op for this
    // thread alone. Under races it must stay one: a racing store above the end may have raised
    // the length further, and storing our smaller length would truncate that completed store
    // away [OM-15]. Elsewhere (setters, proxies on the chain) the spec's Set runs.
    bool monotone = argc > 0 && length + argc <= MAX_ARRAY_INDEX + 1 && value_cell_type(o) == CELL_ARRAY &&
                    object_indexed_sets_are_plain(value_to_object(o));
    for (int i = 0; i < argc; i++)
        if (!set_at(ts, o, length++, args[i])) return JS_EXCEPTION;
    if (monotone) return value_from_number(length);
    return set_length(ts, o, length) ? value_from_number(length) : JS_EXCEPTION;
}

static Value Array_prototype_pop(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = this_object(ts, self, "pop");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length == 0) return set_length(ts, o, 0) ? JS_UNDEFINED : JS_EXCEPTION;
    Value element = get_at(ts, o, length - 1);
    if (value_is_exception(element) || !delete_at(ts, o, length - 1) || !set_length(ts, o, length - 1))
        return JS_EXCEPTION;
    return element;
}

// Moves O[from] to O[to] (or deletes O[to] when O[from] is absent): the step of shift,
// unshift, splice and copyWithin.
static bool move_element(ThreadState *ts, Value o, double from, double to) {
    Value v;
    int present = element_at(ts, o, from, &v);
    if (present < 0) return false;
    return present ? set_at(ts, o, to, v) : delete_at(ts, o, to);
}

static Value Array_prototype_shift(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = this_object(ts, self, "shift");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (length == 0) return set_length(ts, o, 0) ? JS_UNDEFINED : JS_EXCEPTION;
    Value first = get_at(ts, o, 0);
    if (value_is_exception(first)) return JS_EXCEPTION;
    for (double k = 1; k < length; k++)
        if (!move_element(ts, o, k, k - 1)) return JS_EXCEPTION;
    if (!delete_at(ts, o, length - 1) || !set_length(ts, o, length - 1)) return JS_EXCEPTION;
    return first;
}

static Value Array_prototype_unshift(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "unshift");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (argc > 0) {
        if (length + argc > MAX_SAFE_INTEGER) return error_throw_type(ts, "Invalid array length");
        for (double k = length; k > 0; k--)
            if (!move_element(ts, o, k - 1, k + argc - 1)) return JS_EXCEPTION;
        for (int j = 0; j < argc; j++)
            if (!set_at(ts, o, j, args[j])) return JS_EXCEPTION;
    }
    return set_length(ts, o, length + argc) ? value_from_number(length + argc) : JS_EXCEPTION;
}

static Value Array_prototype_splice(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "splice");
    double length, start, delete_count = 0;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, -1, &start)) return JS_EXCEPTION;
    int insert_count = argc > 2 ? argc - 2 : 0;
    if (argc == 1) {
        delete_count = length - start;
    } else if (argc > 1) {
        double dc;
        if (!ops_to_integer(ts, args[1], &dc)) return JS_EXCEPTION;
        delete_count = dc < 0 ? 0 : (dc > length - start ? length - start : dc);
    }
    if (length + insert_count - delete_count > MAX_SAFE_INTEGER) return error_throw_type(ts, "Invalid array length");
    Value a = array_species_create(ts, o, delete_count);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < delete_count; k++) {
        Value v;
        int present = element_at(ts, o, start + k, &v);
        if (present < 0) return JS_EXCEPTION;
        if (!present) continue;
        if (!create_at(ts, a, k, v)) return JS_EXCEPTION;
    }
    if (!set_length(ts, a, delete_count)) return JS_EXCEPTION;
    if (insert_count < delete_count) {
        for (double k = start; k < length - delete_count; k++)
            if (!move_element(ts, o, k + delete_count, k + insert_count)) return JS_EXCEPTION;
        for (double k = length; k > length - delete_count + insert_count; k--)
            if (!delete_at(ts, o, k - 1)) return JS_EXCEPTION;
    } else if (insert_count > delete_count) {
        for (double k = length - delete_count; k > start; k--)
            if (!move_element(ts, o, k + delete_count - 1, k + insert_count - 1)) return JS_EXCEPTION;
    }
    for (int i = 0; i < insert_count; i++)
        if (!set_at(ts, o, start + i, args[i + 2])) return JS_EXCEPTION;
    return set_length(ts, o, length - delete_count + insert_count) ? a : JS_EXCEPTION;
}

static Value Array_prototype_reverse(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = this_object(ts, self, "reverse");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    double middle = floor(length / 2);
    for (double lower = 0; lower != middle; lower++) {
        double upper = length - lower - 1;
        Value lower_value = JS_UNDEFINED, upper_value = JS_UNDEFINED;
        int lower_exists = element_at(ts, o, lower, &lower_value);
        if (lower_exists < 0) return JS_EXCEPTION;
        int upper_exists = element_at(ts, o, upper, &upper_value);
        if (upper_exists < 0) return JS_EXCEPTION;
        bool ok = true;
        if (lower_exists && upper_exists) ok = set_at(ts, o, lower, upper_value) && set_at(ts, o, upper, lower_value);
        else if (upper_exists) ok = set_at(ts, o, lower, upper_value) && delete_at(ts, o, upper);
        else if (lower_exists) ok = delete_at(ts, o, lower) && set_at(ts, o, upper, lower_value);
        if (!ok) return JS_EXCEPTION;
    }
    return o;
}

static Value Array_prototype_fill(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "fill");
    double length, k, final;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 1), length, -1, &k) ||
        !relative_index(ts, builtin_arg(args, argc, 2), length, length, &final))
        return JS_EXCEPTION;
    Value v = builtin_arg(args, argc, 0);
    for (; k < final; k++)
        if (!set_at(ts, o, k, v)) return JS_EXCEPTION;
    return o;
}

static Value Array_prototype_copyWithin(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "copyWithin");
    double length, to, from, final;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, -1, &to) ||
        !relative_index(ts, builtin_arg(args, argc, 1), length, -1, &from) ||
        !relative_index(ts, builtin_arg(args, argc, 2), length, length, &final))
        return JS_EXCEPTION;
    double count = final - from < length - to ? final - from : length - to;
    double direction = 1;
    if (from < to && to < from + count) {
        direction = -1;
        from += count - 1;
        to += count - 1;
    }
    for (; count > 0; count--, from += direction, to += direction)
        if (!move_element(ts, o, from, to)) return JS_EXCEPTION;
    return o;
}

// ---- sort ----

/*
 * SortIndexedProperties with holes skipped, then a stable merge sort over indexes into the
 * collected values (a Values cell, so the collector sees them while comparators run). Without a
 * comparator every value is converted to a string once, up front. undefined sorts last without
 * reaching the comparator.
 */
typedef struct SortContext {
    ThreadState *ts;
    Values *items;      // the values being sorted
    Values *keys;       // their strings, when there is no comparator
    Value comparator;
} SortContext;

// -1 on throw, else whether items[a] sorts after items[b].
static int sort_greater(SortContext *c, uint32_t a, uint32_t b) {
    if (c->comparator == JS_UNDEFINED) return string_compare(c->ts, c->keys->items[a], c->keys->items[b]) > 0;
    Value call_args[2] = {c->items->items[a], c->items->items[b]};
    Value result = interp_call(c->ts, c->comparator, JS_UNDEFINED, call_args, 2);
    double d;
    if (value_is_exception(result) || !ops_to_number(c->ts, result, &d)) return -1;
    return d > 0;
}

static bool merge_sort(SortContext *c, uint32_t *order, uint32_t *scratch, uint32_t n) {
    for (uint32_t width = 1; width < n; width *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            uint32_t i = lo, j = mid, out = lo;
            while (i < mid && j < hi) {
                int greater = sort_greater(c, order[i], order[j]);
                if (greater < 0) return false;
                scratch[out++] = greater ? order[j++] : order[i++];
            }
            while (i < mid) scratch[out++] = order[i++];
            while (j < hi) scratch[out++] = order[j++];
        }
        memcpy(order, scratch, sizeof(uint32_t) * n);
    }
    return true;
}

// Sorts `items` in place; false on throw.
static bool sort_values(ThreadState *ts, Values *items, Value comparator) {
    uint32_t n = items->count;
    if (n < 2) return true;
    SortContext c = {ts, items, NULL, comparator};
    if (comparator == JS_UNDEFINED) {
        c.keys = values_new(ts, n);
        if (!c.keys) return false;
        for (uint32_t i = 0; i < n; i++) {
            Value s = ops_to_string(ts, items->items[i]);
            if (value_is_exception(s)) return false;
            c.keys->items[c.keys->count++] = s;
        }
    }
    uint32_t *order = malloc(sizeof(uint32_t) * n * 2);
    if (!order) {
        error_throw_out_of_memory(ts);
        return false;
    }
    for (uint32_t i = 0; i < n; i++) order[i] = i;
    bool ok = merge_sort(&c, order, order + n, n);
    if (ok) {
        Values *sorted = values_new(ts, n);
        ok = sorted != NULL;
        for (uint32_t i = 0; ok && i < n; i++) sorted->items[i] = items->items[order[i]];
        if (ok) memcpy(items->items, sorted->items, sizeof(Value) * n);
    }
    free(order);
    return ok;
}

// Collects O[0..length) (holes skipped, undefined counted apart) and sorts; *undefined_count
// receives how many undefineds follow the sorted values.
static Values *sort_collect(ThreadState *ts, Value o, double length, Value comparator, uint32_t *undefined_count) {
    Values *items = values_new(ts, length < 1024 ? (uint32_t)length : 1024);
    if (!items) return NULL;
    *undefined_count = 0;
    for (double k = 0; k < length; k++) {
        Value v;
        int present = element_at(ts, o, k, &v);
        if (present < 0) return NULL;
        if (!present) continue;
        if (v == JS_UNDEFINED) {
            (*undefined_count)++;
            continue;
        }
        items = values_push(ts, items, v);
        if (!items) return NULL;
    }
    return sort_values(ts, items, comparator) ? items : NULL;
}

static bool check_comparator(ThreadState *ts, Value comparator) {
    if (comparator == JS_UNDEFINED || ops_is_callable(comparator)) return true;
    error_throw_type(ts, "The comparison function must be either a function or undefined");
    return false;
}

static Value Array_prototype_sort(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value comparator = builtin_arg(args, argc, 0);
    if (!check_comparator(ts, comparator)) return JS_EXCEPTION;
    Value o = this_object(ts, self, "sort");
    double length;
    uint32_t undefined_count;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Values *items = sort_collect(ts, o, length, comparator, &undefined_count);
    if (!items) return JS_EXCEPTION;
    double k = 0;
    for (uint32_t i = 0; i < items->count; i++)
        if (!set_at(ts, o, k++, items->items[i])) return JS_EXCEPTION;
    for (uint32_t i = 0; i < undefined_count; i++)
        if (!set_at(ts, o, k++, JS_UNDEFINED)) return JS_EXCEPTION;
    for (; k < length; k++)
        if (!delete_at(ts, o, k)) return JS_EXCEPTION;
    return o;
}

// ---- the ES2023 copying methods ----

static Value Array_prototype_toSorted(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value comparator = builtin_arg(args, argc, 0);
    if (!check_comparator(ts, comparator)) return JS_EXCEPTION;
    Value o = this_object(ts, self, "toSorted");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value a = array_create(ts, length, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    // Unlike sort, holes read as undefined: collect every index.
    Values *items = values_new(ts, (uint32_t)length);
    uint32_t undefined_count = 0;
    if (!items) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value v = get_at(ts, o, k);
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (v == JS_UNDEFINED) undefined_count++;
        else items->items[items->count++] = v;
    }
    if (!sort_values(ts, items, comparator)) return JS_EXCEPTION;
    double k = 0;
    for (uint32_t i = 0; i < items->count; i++)
        if (!create_at(ts, a, k++, items->items[i])) return JS_EXCEPTION;
    for (uint32_t i = 0; i < undefined_count; i++)
        if (!create_at(ts, a, k++, JS_UNDEFINED)) return JS_EXCEPTION;
    return a;
}

static Value Array_prototype_toReversed(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = this_object(ts, self, "toReversed");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value a = array_create(ts, length, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value v = get_at(ts, o, length - k - 1);
        if (value_is_exception(v) || !create_at(ts, a, k, v)) return JS_EXCEPTION;
    }
    return a;
}

static Value Array_prototype_toSpliced(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "toSpliced");
    double length, start, skip = 0;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!relative_index(ts, builtin_arg(args, argc, 0), length, -1, &start)) return JS_EXCEPTION;
    int insert_count = argc > 2 ? argc - 2 : 0;
    if (argc == 1) {
        skip = length - start;
    } else if (argc > 1) {
        double sc;
        if (!ops_to_integer(ts, args[1], &sc)) return JS_EXCEPTION;
        skip = sc < 0 ? 0 : (sc > length - start ? length - start : sc);
    }
    double new_length = length + insert_count - skip;
    if (new_length > MAX_SAFE_INTEGER) return error_throw_type(ts, "Invalid array length");
    Value a = array_create(ts, new_length, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    double i = 0;
    for (; i < start; i++) {
        Value v = get_at(ts, o, i);
        if (value_is_exception(v) || !create_at(ts, a, i, v)) return JS_EXCEPTION;
    }
    for (int j = 0; j < insert_count; j++)
        if (!create_at(ts, a, i++, args[j + 2])) return JS_EXCEPTION;
    for (double r = start + skip; i < new_length; i++, r++) {
        Value v = get_at(ts, o, r);
        if (value_is_exception(v) || !create_at(ts, a, i, v)) return JS_EXCEPTION;
    }
    return a;
}

static Value Array_prototype_with(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value o = this_object(ts, self, "with");
    double length, relative;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    if (!ops_to_integer(ts, builtin_arg(args, argc, 0), &relative)) return JS_EXCEPTION;
    double index = relative >= 0 ? relative : length + relative;
    if (index >= length || index < 0) return error_throw_range(ts, "Invalid index : %V", value_from_number(relative));
    Value a = array_create(ts, length, JS_UNDEFINED);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (double k = 0; k < length; k++) {
        Value v = k == index ? builtin_arg(args, argc, 1) : get_at(ts, o, k);
        if (value_is_exception(v) || !create_at(ts, a, k, v)) return JS_EXCEPTION;
    }
    return a;
}

// ---- strings ----

/*
 * Arrays being joined on this thread, innermost last: a cyclic array joins as "" (as in V8)
 * instead of recursing forever. The arrays are also referenced from the joining frames, so this
 * list needs no tracing.
 */
#define JOIN_STACK_MAX 256
static __thread Value join_stack[JOIN_STACK_MAX];
static __thread int join_depth;

static bool join_enter(Value o) {
    for (int i = 0; i < join_depth && i < JOIN_STACK_MAX; i++)
        if (join_stack[i] == o) return false;
    if (join_depth < JOIN_STACK_MAX) join_stack[join_depth] = o;
    join_depth++;
    return true;
}

static void join_leave(void) { join_depth--; }

// join (magic 0) and toLocaleString (magic 1).
static Value array_join(ThreadState *ts, Value self, Value separator_arg, bool locale) {
    Value o = this_object(ts, self, locale ? "toLocaleString" : "join");
    double length;
    if (value_is_exception(o) || !length_of(ts, o, &length)) return JS_EXCEPTION;
    Value separator = locale ? JS_UNDEFINED : separator_arg;
    separator = separator == JS_UNDEFINED ? string_from_cstr(ts, ",") : ops_to_string(ts, separator);
    if (value_is_exception(separator)) return JS_EXCEPTION;
    if (!join_enter(o)) return string_empty(ts);
    StringBuilder b;
    string_builder_init(&b, ts);
    for (double k = 0; k < length; k++) {
        if (k > 0) string_builder_append_string(&b, separator);
        Value element = get_at(ts, o, k);
        if (value_is_exception(element)) goto fail;
        if (value_is_nullish(element)) continue;
        if (locale) {
            Value key = atom_from_cstr(ts, "toLocaleString");
            if (value_is_exception(key)) goto fail;
            element = ops_invoke(ts, element, key, NULL, 0);
            if (value_is_exception(element)) goto fail;
        }
        Value s = ops_to_string(ts, element);
        if (value_is_exception(s)) goto fail;
        string_builder_append_string(&b, s);
        if (b.failed) goto fail;
    }
    join_leave();
    return string_builder_finish(&b);
fail:
    join_leave();
    string_builder_discard(&b);
    return JS_EXCEPTION;
}

static Value Array_prototype_join(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    return array_join(ts, self, builtin_arg(args, argc, 0), magic != 0);
}

static Value Array_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = this_object(ts, self, "toString");
    if (value_is_exception(o)) return JS_EXCEPTION;
    Value join = object_get(ts, o, ATOM(ts, join));
    if (value_is_exception(join)) return JS_EXCEPTION;
    if (!ops_is_callable(join)) join = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE_TO_STRING);
    return interp_call(ts, join, o, NULL, 0);
}

// ---- iterators ----

static Value Array_prototype_iterator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    static const char *const names[] = {"keys", "values", "entries"};
    Value o = this_object(ts, self, names[magic]);
    if (value_is_exception(o)) return JS_EXCEPTION;
    return iterator_new(ts, INTRINSIC_ARRAY_ITERATOR_PROTOTYPE, o, (uint8_t)(ITERATOR_ARRAY | magic));
}

// ---- tables ----

static const BuiltinEntry array_table[] = {
    BUILTIN_FN("isArray", Array_isArray, 1),
    BUILTIN_FN("from", Array_from, 1),
    BUILTIN_FN("of", Array_of, 0),
    BUILTIN_GETSET("@@species", Array_species, NULL),
};

static const BuiltinEntry array_prototype_table[] = {
    BUILTIN_FN("at", Array_prototype_at, 1),
    BUILTIN_FN("concat", Array_prototype_concat, 1),
    BUILTIN_FN("copyWithin", Array_prototype_copyWithin, 2),
    BUILTIN_FN("fill", Array_prototype_fill, 1),
    BUILTIN_FN_MAGIC("find", Array_prototype_find, 1, 0),
    BUILTIN_FN_MAGIC("findIndex", Array_prototype_find, 1, FIND_INDEX),
    BUILTIN_FN_MAGIC("findLast", Array_prototype_find, 1, FIND_LAST),
    BUILTIN_FN_MAGIC("findLastIndex", Array_prototype_find, 1, FIND_LAST | FIND_INDEX),
    BUILTIN_FN("lastIndexOf", Array_prototype_lastIndexOf, 1),
    BUILTIN_FN("pop", Array_prototype_pop, 0),
    BUILTIN_FN("push", Array_prototype_push, 1),
    BUILTIN_FN("reverse", Array_prototype_reverse, 0),
    BUILTIN_FN("shift", Array_prototype_shift, 0),
    BUILTIN_FN("unshift", Array_prototype_unshift, 1),
    BUILTIN_FN("slice", Array_prototype_slice, 2),
    BUILTIN_FN("sort", Array_prototype_sort, 1),
    BUILTIN_FN("splice", Array_prototype_splice, 2),
    BUILTIN_FN("includes", Array_prototype_includes, 1),
    BUILTIN_FN("indexOf", Array_prototype_indexOf, 1),
    BUILTIN_FN_MAGIC("join", Array_prototype_join, 1, 0),
    BUILTIN_FN_MAGIC("keys", Array_prototype_iterator, 0, ITERATION_KEYS),
    BUILTIN_FN_MAGIC("entries", Array_prototype_iterator, 0, ITERATION_ENTRIES),
    BUILTIN_FN_MAGIC("values", Array_prototype_iterator, 0, ITERATION_VALUES),
    BUILTIN_FN_MAGIC("forEach", Array_prototype_test, 1, TEST_FOR_EACH),
    BUILTIN_FN("filter", Array_prototype_filter, 1),
    BUILTIN_FN("flat", Array_prototype_flat, 0),
    BUILTIN_FN("flatMap", Array_prototype_flatMap, 1),
    BUILTIN_FN("map", Array_prototype_map, 1),
    BUILTIN_FN_MAGIC("every", Array_prototype_test, 1, TEST_EVERY),
    BUILTIN_FN_MAGIC("some", Array_prototype_test, 1, TEST_SOME),
    BUILTIN_FN_MAGIC("reduce", Array_prototype_reduce, 1, 0),
    BUILTIN_FN_MAGIC("reduceRight", Array_prototype_reduce, 1, 1),
    BUILTIN_FN_MAGIC("toLocaleString", Array_prototype_join, 0, 1),
    BUILTIN_FN("toString", Array_prototype_toString, 0),
    BUILTIN_FN("toReversed", Array_prototype_toReversed, 0),
    BUILTIN_FN("toSorted", Array_prototype_toSorted, 1),
    BUILTIN_FN("toSpliced", Array_prototype_toSpliced, 2),
    BUILTIN_FN("with", Array_prototype_with, 2),
};

// Array.prototype[@@unscopables], in node 20's order.
static const char *const unscopable_names[] = {
    "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat",
    "flatMap", "includes", "keys", "values", "toReversed", "toSorted", "toSpliced",
};

bool builtins_install_array(ThreadState *ts) {
    Realm *realm = &ts->rt->realm;
    // %Array.prototype% is itself an Array exotic object of length 0.
    Array *prototype_cell = object_alloc(ts, sizeof(Array), CELL_ARRAY, realm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE]);
    if (!prototype_cell) return false;
    prototype_cell->length = 0;
    prototype_cell->length_writable = true;
    Value prototype = value_from_cell(prototype_cell);
    realm->intrinsics[INTRINSIC_ARRAY_PROTOTYPE] = prototype;

    Value constructor = builtins_install_constructor(ts, "Array", Array_constructor, 1, prototype, NATIVE_CONSTRUCTOR);
    if (value_is_exception(constructor)) return false;
    realm->intrinsics[INTRINSIC_ARRAY] = constructor;
    if (!builtins_install_table(ts, constructor, array_table, BUILTIN_COUNT(array_table)) ||
        !builtins_install_table(ts, prototype, array_prototype_table, BUILTIN_COUNT(array_prototype_table)))
        return false;

    // values and @@iterator are one function object, also used by arguments objects.
    Value values = ops_get_cstr(ts, prototype, "values");
    if (value_is_exception(values) ||
        object_define_value(ts, prototype, SYMBOL(ts, iterator), values, PROP_HIDDEN) < 0)
        return false;
    realm->intrinsics[INTRINSIC_ARRAY_PROTOTYPE_VALUES] = values;

    Value unscopables = object_new(ts, JS_NULL);
    if (value_is_exception(unscopables)) return false;
    for (size_t i = 0; i < sizeof unscopable_names / sizeof unscopable_names[0]; i++) {
        Value key = atom_from_cstr(ts, unscopable_names[i]);
        if (value_is_exception(key) || object_define_value(ts, unscopables, key, JS_TRUE, PROP_DEFAULT) < 0)
            return false;
    }
    if (object_define_value(ts, prototype, SYMBOL(ts, unscopables), unscopables, PROP_CONFIGURABLE) < 0)
        return false;

    // Array.prototype.toString falls back to %Object.prototype.toString%, installed before us.
    Value object_to_string = object_get(ts, realm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE], ATOM(ts, toString));
    if (value_is_exception(object_to_string)) return false;
    realm->intrinsics[INTRINSIC_OBJECT_PROTOTYPE_TO_STRING] = object_to_string;
    return true;
}
