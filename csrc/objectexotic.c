/*
 * objectexotic.c — the exotic objects of the core: Arrays (`length`, ArraySetLength), String
 * wrappers (own indexes and `length`), arguments objects (mapped parameters read and write the
 * function's Env) and typed arrays (integer-indexed, TA-3), plus array construction. Must not
 * change layouts itself: it goes through the ordinary methods and object_remove_property in
 * object.c [OM-7]. ES2020 §9.4.2-9.4.5.
 */
#include <math.h>
#include <stdlib.h>
#include "builtins/typedarray.h"
#include "objectexotic.h"
#include "atomics.h"
#include "celltrace.h"
#include "errors.h"
#include "frame.h"
#include "jsstring.h"
#include "ops.h"
#include "structure.h"

static void data_descriptor(PropertyDescriptor *out, Value v, uint8_t attributes) {
    out->value = v;
    out->getter = out->setter = JS_UNDEFINED;
    out->attributes = attributes;
    out->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
}

// ---- arrays ----

Value array_new(ThreadState *ts, uint32_t capacity) {
    Array *a = object_alloc(ts, sizeof(Array), CELL_ARRAY, realm_intrinsic(ts, INTRINSIC_ARRAY_PROTOTYPE));
    if (!a) return JS_EXCEPTION;
    a->length = 0;
    a->length_writable = true;
    if (capacity > 0 && !butterfly_grow(ts, &a->object, 0, capacity)) return JS_EXCEPTION;
    return value_from_cell(a);
}

Value array_from_values(ThreadState *ts, const Value *values, uint32_t count) {
    // `values` may point into a heap cell: the allocation below never moves it.
    Value array = array_new(ts, count);
    if (value_is_exception(array) || count == 0) return array;
    Array *a = value_to_cell(array);
    Butterfly *b = object_butterfly(&a->object);
    Value *elements = butterfly_elements(b);
    for (uint32_t i = 0; i < count; i++) elements[i] = values[i];
    b->elements_length = count;
    a->length = count;
    return array;
}

int array_push(ThreadState *ts, Value array, Value v) {
    Array *a = value_to_cell(array);
    uint32_t index = load_relaxed(&a->length);
    if (object_set_element_fast(ts, &a->object, index, v)) return 0;
    if (index == UINT32_MAX) {
        error_throw_range(ts, "Invalid array length");
        return -1;
    }
    int done = object_define_value(ts, array, property_key_from_index(index), v, PROP_DEFAULT);
    if (done == 0)
        object_refuse(ts, true, "Cannot add property %K, object is not extensible",
                      property_key_from_index(index));
    return done > 0 ? 0 : -1;
}

/*
 * ARRAY_PUSH: ArrayLiteral evaluation (ES2020 12.2.5.2) and the compiler's other fresh arrays
 * (spread arguments, rest elements, excluded keys) define each element on an array that no JS
 * code can reach until the instruction sequence completes: it lives in a register only. So no
 * setter, prototype index or concurrent writer can be in the way, and while the owner's flat
 * storage has room (NEW_ARRAY sized it) the element is stored directly, like array_from_values.
 * A generator resumed on another thread is no owner: it takes array_push's protocol [OM-4].
 */
int array_append_fresh(ThreadState *ts, Value array, Value v) {
    Array *a = value_to_cell(array);
    uintptr_t word = load_relaxed(&a->object.butterfly);
    Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    uint32_t index = load_relaxed(&a->length);
    if (b && !(word & (BUTTERFLY_SEGMENTED | BUTTERFLY_SHARED_WRITE)) &&
        ((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid && index < b->elements_capacity &&
        load_relaxed(&b->elements_length) == index) {
        store_release(&butterfly_elements(b)[index], v);
        store_release(&b->elements_length, index + 1);
        store_release(&a->length, index + 1);
        return 0;
    }
    return array_push(ts, array, v);
}

static void length_descriptor(const Array *a, PropertyDescriptor *out) {
    data_descriptor(out, value_from_number((double)load_relaxed(&a->length)),
                    load_relaxed(&a->length_writable) ? PROP_WRITABLE : 0);
}

static int array_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    if (key == ATOM(ts, length)) {
        length_descriptor((Array *)o, out);
        return 1;
    }
    return ordinary_get_own_property(ts, o, key, out);
}

/*
 * Deletes the indexes at and above new_length, the way ArraySetLength does from the top down:
 * the highest non-configurable one stops it. Returns the length reached (new_length when nothing
 * stopped it), or -1 on OOM.
 */
static int64_t delete_indexes_from(ThreadState *ts, Array *a, uint32_t new_length) {
    Object *o = &a->object;
    Structure *s = structure_for_id(object_structure_id(o));
    uint64_t reached = new_length;
    if (!(s->element_attributes & PROP_CONFIGURABLE)) {
        for (uint32_t i = object_elements_length(o); i > new_length; i--) {
            if (object_element(o, i - 1) != JS_HOLE) {
                reached = i;
                break;
            }
        }
    }
    uint32_t entry_count;
    const PropertyEntry *entries = structure_entries(s, &entry_count);
    uint32_t doomed_count = 0;
    if (structure_has_index_keys(s)) {
        for (uint32_t e = 0; e < entry_count; e++) {
            PropKey key = entries[e].key;
            if (key == JS_HOLE || !property_key_is_index(key) || property_key_index(key) < new_length)
                continue;
            doomed_count++;
            if (!(entries[e].attributes & PROP_CONFIGURABLE) && property_key_index(key) + (uint64_t)1 > reached)
                reached = property_key_index(key) + (uint64_t)1;
        }
    }
    butterfly_truncate_elements(ts, o, (uint32_t)reached);
    if (doomed_count == 0) return (int64_t)reached;
    // Collect before removing: each removal edits the table being read.
    PropKey *doomed = malloc(doomed_count * sizeof(PropKey));
    if (!doomed) {
        error_throw_out_of_memory(ts);
        return -1;
    }
    uint32_t n = 0;
    for (uint32_t e = 0; e < entry_count; e++) {
        PropKey key = entries[e].key;
        if (key != JS_HOLE && property_key_is_index(key) && property_key_index(key) >= reached)
            doomed[n++] = key;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (object_remove_property(ts, o, doomed[i]) < 0) {
            free(doomed);
            return -1;
        }
    }
    free(doomed);
    return (int64_t)reached;
}

// ArraySetLength (ES2020 9.4.2.4).
static int array_set_length(ThreadState *ts, Array *a, const PropertyDescriptor *desc,
                            bool throw_on_failure) {
    PropertyDescriptor current, result;
    if (!(desc->has & DESC_HAS_VALUE)) {
        length_descriptor(a, &current);
        if (!descriptor_validate(&current, true, desc, &result))
            return object_refuse(ts, throw_on_failure, "Cannot redefine property: length");
        if (!(result.attributes & PROP_WRITABLE)) store_relaxed(&a->length_writable, false);
        return 1;
    }
    uint32_t new_length;
    double number;
    if (!ops_to_uint32(ts, desc->value, &new_length) || !ops_to_number(ts, desc->value, &number))
        return -1;
    if ((double)new_length != number) {
        error_throw_range(ts, "Invalid array length");
        return -1;
    }
    // The conversions may have run user code: read the current state only now.
    length_descriptor(a, &current);
    PropertyDescriptor wanted = *desc;
    wanted.value = value_from_number((double)new_length);
    uint32_t old_length = load_relaxed(&a->length);
    if (new_length >= old_length) {
        if (!descriptor_validate(&current, true, &wanted, &result))
            return object_refuse(ts, throw_on_failure, "Cannot redefine property: length");
        // A max, not a store: a racing store above the old end may have raised the length past
        // new_length meanwhile, and a plain store would hide its element [OM-15].
        array_raise_length(a, new_length);
        if (!(result.attributes & PROP_WRITABLE)) store_relaxed(&a->length_writable, false);
        return 1;
    }
    if (!load_relaxed(&a->length_writable))
        return object_refuse(ts, throw_on_failure,
                             "Cannot assign to read only property 'length' of object '%V'",
                             value_from_cell(a));
    // Writability is dropped only after the deletions (step 3.i of ArraySetLength).
    bool new_writable = !((desc->has & DESC_HAS_WRITABLE) && !(desc->attributes & PROP_WRITABLE));
    wanted.attributes |= PROP_WRITABLE;
    if (!descriptor_validate(&current, true, &wanted, &result))
        return object_refuse(ts, throw_on_failure, "Cannot redefine property: length");
    int64_t reached = delete_indexes_from(ts, a, new_length);
    if (reached < 0) return -1;
    store_relaxed(&a->length, (uint32_t)reached);
    if (!new_writable) store_relaxed(&a->length_writable, false);
    if ((uint32_t)reached != new_length)
        return object_refuse(ts, throw_on_failure, "Cannot delete property '%K' of %V",
                             property_key_from_index((uint32_t)reached - 1), value_from_cell(a));
    return 1;
}

static int array_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                     const PropertyDescriptor *desc, bool throw_on_failure) {
    Array *a = (Array *)o;
    if (key == ATOM(ts, length)) return array_set_length(ts, a, desc, throw_on_failure);
    if (!property_key_is_index(key)) return ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
    uint32_t index = property_key_index(key);
    if (index >= load_relaxed(&a->length) && !load_relaxed(&a->length_writable))
        return object_refuse(ts, throw_on_failure,
                             "Cannot define property %K, object is not extensible", key);
    int done = ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
    if (done > 0) array_raise_length(a, index + 1);
    return done;
}

static int array_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    if (key == ATOM(ts, length))
        return object_refuse(ts, throw_on_failure, "Cannot delete property '%K' of %V", key,
                             value_from_cell(o));
    return ordinary_delete(ts, o, key, throw_on_failure);
}

static Values *array_own_keys(ThreadState *ts, Object *o, int flags) {
    VirtualKeys virtual_keys = {0, ATOM(ts, length)};
    return ordinary_own_keys(ts, o, flags, &virtual_keys);
}

static int array_set_integrity(ThreadState *ts, Object *o, bool frozen) {
    int done = ordinary_set_integrity(ts, o, frozen);
    // `length` is not in the structure, so no cache keyed on the id can depend on it.
    if (done > 0 && frozen) store_relaxed(&((Array *)o)->length_writable, false);
    return done;
}

const ObjectMethods array_methods = {
    .traits = EXOTIC_PLAIN_STORAGE | EXOTIC_NO_VIRTUAL_INDEXES,
    .get_own_property = array_get_own_property,
    .define_own_property = array_define_own_property,
    .delete_property = array_delete,
    .own_keys = array_own_keys,
    .set_integrity = array_set_integrity,
};

// ---- String wrappers (§9.4.3) ----

// A String wrapper's own indexes and `length`: 1 when key is one of them (out filled when not
// NULL), 0 when it is not, -1 on throw.
static int string_virtual(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    Value s = ((PrimitiveObject *)o)->primitive;
    if (s == 0 || !value_is_string(s)) return 0;  // a wrapper before its primitive is set
    uint32_t length = string_length(s);
    if (property_key_is_index(key) && property_key_index(key) < length) {
        if (!out) return 1;
        String *flat = string_flatten(ts, s);
        if (!flat) return -1;
        Value c = string_from_char_code(ts, string_char_at(flat, property_key_index(key)));
        if (value_is_exception(c)) return -1;
        data_descriptor(out, c, PROP_ENUMERABLE);
        return 1;
    }
    if (key != ATOM(ts, length)) return 0;
    if (out) data_descriptor(out, value_from_number((double)length), 0);
    return 1;
}

static int string_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    int found = string_virtual(ts, o, key, out);
    return found != 0 ? found : ordinary_get_own_property(ts, o, key, out);
}

static int string_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                      const PropertyDescriptor *desc, bool throw_on_failure) {
    PropertyDescriptor current, result;
    int found = string_virtual(ts, o, key, &current);
    if (found < 0) return -1;
    if (!found) return ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
    // The virtual properties are frozen: only a define that changes nothing succeeds.
    if (descriptor_validate(&current, false, desc, &result)) return 1;
    return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
}

static int string_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    int found = string_virtual(ts, o, key, NULL);
    if (found < 0) return -1;
    if (!found) return ordinary_delete(ts, o, key, throw_on_failure);
    return object_refuse(ts, throw_on_failure, "Cannot delete property '%K' of %V", key,
                         value_from_cell(o));
}

static Values *string_own_keys(ThreadState *ts, Object *o, int flags) {
    Value s = ((PrimitiveObject *)o)->primitive;
    VirtualKeys virtual_keys = {s != 0 && value_is_string(s) ? string_length(s) : 0, ATOM(ts, length)};
    return ordinary_own_keys(ts, o, flags, &virtual_keys);
}

const ObjectMethods string_object_methods = {
    .traits = EXOTIC_PLAIN_STORAGE,
    .get_own_property = string_get_own_property,
    .define_own_property = string_define_own_property,
    .delete_property = string_delete,
    .own_keys = string_own_keys,
    .set_integrity = ordinary_set_integrity,  // the virtual properties are frozen already
};

// ---- arguments objects (§9.4.4) ----

// The Env slot that a mapped index reads and writes, or -1 (unmapped, or not an index).
static int32_t mapped_slot(const Arguments *a, PropKey key) {
    if (!property_key_is_index(key) || !value_is_cell(a->mapping) || a->mapping == 0) return -1;
    const Values *map = value_to_cell(a->mapping);
    uint32_t index = property_key_index(key);
    if (index >= map->count || map->items[index] == JS_HOLE) return -1;
    return value_to_int(map->items[index]);
}

static Value *env_slot(const Arguments *a, int32_t slot) {
    return &((Env *)value_to_cell(a->env))->slots[slot];
}

static void unmap(Arguments *a, PropKey key) {
    ((Values *)value_to_cell(a->mapping))->items[property_key_index(key)] = JS_HOLE;
}

static int arguments_get_own_property(ThreadState *ts, Object *o, PropKey key,
                                      PropertyDescriptor *out) {
    int found = ordinary_get_own_property(ts, o, key, out);
    int32_t slot = found > 0 ? mapped_slot((Arguments *)o, key) : -1;
    if (slot >= 0) out->value = *env_slot((Arguments *)o, slot);
    return found;
}

static int arguments_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                         const PropertyDescriptor *desc, bool throw_on_failure) {
    Arguments *a = (Arguments *)o;
    int32_t slot = mapped_slot(a, key);
    bool is_accessor = (desc->has & (DESC_HAS_GET | DESC_HAS_SET)) != 0;
    bool makes_read_only = (desc->has & DESC_HAS_WRITABLE) && !(desc->attributes & PROP_WRITABLE);
    PropertyDescriptor adjusted = *desc;
    // Freezing a mapped index without a value freezes the value it has now (step 5.a).
    if (slot >= 0 && !is_accessor && makes_read_only && !(desc->has & DESC_HAS_VALUE)) {
        adjusted.value = *env_slot(a, slot);
        adjusted.has |= DESC_HAS_VALUE;
    }
    int done = ordinary_define_own_property(ts, o, key, &adjusted, throw_on_failure);
    if (done <= 0 || slot < 0) return done;
    if (is_accessor) {
        unmap(a, key);
    } else {
        if (desc->has & DESC_HAS_VALUE) *env_slot(a, slot) = desc->value;
        if (makes_read_only) unmap(a, key);
    }
    return 1;
}

static int arguments_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    Arguments *a = (Arguments *)o;
    int32_t slot = mapped_slot(a, key);
    int done = ordinary_delete(ts, o, key, throw_on_failure);
    if (done > 0 && slot >= 0) unmap(a, key);
    return done;
}

static int arguments_set_integrity(ThreadState *ts, Object *o, bool frozen) {
    Arguments *a = (Arguments *)o;
    if (frozen && value_is_cell(a->mapping) && a->mapping != 0) {
        // Frozen indexes stop following the parameters: copy each value in, then unmap.
        Values *map = value_to_cell(a->mapping);
        for (uint32_t i = 0; i < map->count; i++) {
            PropKey key = property_key_from_index(i);
            int32_t slot = mapped_slot(a, key);
            if (slot < 0) continue;
            PropertyDescriptor value_only = {.value = *env_slot(a, slot), .has = DESC_HAS_VALUE};
            if (ordinary_define_own_property(ts, o, key, &value_only, false) < 0) return -1;
            unmap(a, key);
        }
    }
    return ordinary_set_integrity(ts, o, frozen);
}

const ObjectMethods arguments_methods = {
    .traits = 0,  // mapped indexes are stored, but their values live in the Env
    .get_own_property = arguments_get_own_property,
    .define_own_property = arguments_define_own_property,
    .delete_property = arguments_delete,
    .set_integrity = arguments_set_integrity,
};

void arguments_trace(Marker *m, Cell *cell) {
    Arguments *a = (Arguments *)cell;
    object_trace(m, cell);
    heap_mark_value(m, a->env);
    heap_mark_value(m, a->mapping);
}

// ---- integer-indexed exotic objects: typed arrays (ES2020 §9.4.5) ----
// Numeric keys never reach ordinary storage (define refuses them), so stored properties stay
// authoritative for every other key [TA-3]. Index semantics follow test262 (ES2021+): elements
// are configurable, a delete of a valid index fails, an out-of-range write through a receiver
// that is not the typed array itself is ignored.

// CanonicalNumericIndexString (§7.1.21) of a non-index key: "-0", or a string that ToString(ToNumber)
// reproduces. Most keys fail on their first character, so the conversion is rare.
int typed_array_numeric_key(ThreadState *ts, PropKey key, double *index) {
    if (!value_is_string(key) || string_length(key) == 0) return 0;
    String *flat = string_flatten(ts, key);   // keys are atoms: already flat
    if (!flat) return -1;
    uint16_t c = string_char_at(flat, 0);
    if (!((c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N')) return 0;
    double number;
    if (!ops_to_number(ts, key, &number)) return -1;
    if (number == 0 && signbit(number)) {
        // Only the literal "-0" is canonical for negative zero.
        bool minus_zero = string_length(key) == 2 && c == '-' && string_char_at(flat, 1) == '0';
        if (minus_zero) *index = -0.0;
        return minus_zero;
    }
    Value back = ops_number_to_string(ts, number);
    if (value_is_exception(back)) return -1;
    String *back_flat = string_flatten(ts, back);
    if (!back_flat) return -1;
    uint32_t length = string_length(key);
    if (string_length(back) != length) return 0;
    for (uint32_t i = 0; i < length; i++)
        if (string_char_at(back_flat, i) != string_char_at(flat, i)) return 0;
    *index = number;
    return 1;
}

// Whether a key is a numeric index for typed arrays: 1 (*index set), 0, or -1 on throw.
static int numeric_key(ThreadState *ts, PropKey key, double *index) {
    if (property_key_is_index(key)) {
        *index = (double)property_key_index(key);
        return 1;
    }
    return typed_array_numeric_key(ts, key, index);
}

static bool valid_index(const TypedArrayObject *ta, double index) {
    return index == index && index >= 0 && index == (double)(size_t)index &&
           index < (double)typed_array_length(ta) && !(index == 0 && signbit(index));
}

static int typed_array_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    TypedArrayObject *ta = (TypedArrayObject *)o;
    double index;
    int numeric = numeric_key(ts, key, &index);
    if (numeric < 0) return -1;
    if (!numeric) return ordinary_get_own_property(ts, o, key, out);
    if (!valid_index(ta, index)) return 0;
    Value element = typed_array_get_value(ts, ta, (size_t)index);   // a BigInt allocates [TA-6]
    if (value_is_exception(element)) return -1;
    data_descriptor(out, element, PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE);
    return 1;
}

static int typed_array_has_property(ThreadState *ts, Object *o, PropKey key) {
    double index;
    int numeric = numeric_key(ts, key, &index);
    if (numeric < 0) return -1;
    if (numeric) return valid_index((TypedArrayObject *)o, index);
    PropertyDescriptor desc;
    if (ordinary_get_own_property(ts, o, key, &desc)) return 1;
    Value proto = object_get_prototype_of(ts, value_from_cell(o));
    if (value_is_exception(proto)) return -1;
    return value_is_object(proto) ? object_has_property(ts, proto, key) : 0;
}

static int typed_array_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                           const PropertyDescriptor *desc, bool throw_on_failure) {
    TypedArrayObject *ta = (TypedArrayObject *)o;
    double index;
    int numeric = numeric_key(ts, key, &index);
    if (numeric < 0) return -1;
    if (!numeric) return ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
    if (!valid_index(ta, index))
        return object_refuse(ts, throw_on_failure, "Invalid typed array index");
    if (((desc->has & DESC_HAS_CONFIGURABLE) && !(desc->attributes & PROP_CONFIGURABLE)) ||
        ((desc->has & DESC_HAS_ENUMERABLE) && !(desc->attributes & PROP_ENUMERABLE)) ||
        (desc->has & (DESC_HAS_GET | DESC_HAS_SET)) ||
        ((desc->has & DESC_HAS_WRITABLE) && !(desc->attributes & PROP_WRITABLE)))
        return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
    if ((desc->has & DESC_HAS_VALUE) && typed_array_set_element(ts, ta, index, desc->value) < 0)
        return -1;
    return 1;
}

// `ta.length` without the getter call, when the lookup would find the original
// %TypedArray.prototype.length% getter through the kind's untouched prototype (loops test the
// length on every iteration). False means "take the generic path".
static bool length_fast(ThreadState *ts, TypedArrayObject *ta, PropKey key, Value *out) {
    uint8_t attributes;
    Structure *s = object_structure(ts, &ta->object);
    Value proto = structure_prototype(s);
    if (proto != realm_intrinsic(ts, INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + ta->kind) ||
        structure_lookup(s, key, &attributes) >= 0)
        return false;
    Structure *kind_structure = object_structure(ts, value_to_object(proto));
    Value base = structure_prototype(kind_structure);
    if (base != realm_intrinsic(ts, INTRINSIC_TYPED_ARRAY_PROTOTYPE) ||
        structure_lookup(kind_structure, key, &attributes) >= 0)
        return false;
    Object *holder = value_to_object(base);
    int32_t slot = structure_lookup(object_structure(ts, holder), key, &attributes);
    if (slot < 0 || !(attributes & PROP_ACCESSOR)) return false;
    Value accessor = object_load_slot(holder, (uint32_t)slot);
    if (value_cell_type(accessor) != CELL_ACCESSOR ||
        ((Accessor *)value_to_cell(accessor))->getter != realm_intrinsic(ts, INTRINSIC_TYPED_ARRAY_LENGTH_GETTER))
        return false;
    *out = value_from_number((double)typed_array_length(ta));
    return true;
}

static Value typed_array_get(ThreadState *ts, Object *o, PropKey key, Value receiver) {
    TypedArrayObject *ta = (TypedArrayObject *)o;
    if (property_key_is_index(key)) {
        uint32_t i = property_key_index(key);
        return i < typed_array_length(ta) ? typed_array_get_value(ts, ta, i) : JS_UNDEFINED;
    }
    Value length;
    if (key == ATOM(ts, length) && receiver == value_from_cell(o) && length_fast(ts, ta, key, &length))
        return length;
    double index;
    int numeric = typed_array_numeric_key(ts, key, &index);
    if (numeric < 0) return JS_EXCEPTION;
    if (numeric) return valid_index(ta, index) ? typed_array_get_value(ts, ta, (size_t)index) : JS_UNDEFINED;
    PropertyDescriptor desc;
    if (ordinary_get_own_property(ts, o, key, &desc)) {
        if (!(desc.attributes & PROP_ACCESSOR)) return desc.value;
        if (value_is_undefined(desc.getter)) return JS_UNDEFINED;
        return interp_call(ts, desc.getter, receiver, NULL, 0);
    }
    Value proto = object_get_prototype_of(ts, value_from_cell(o));
    if (value_is_exception(proto)) return JS_EXCEPTION;
    return value_is_object(proto) ? object_get_with_receiver(ts, proto, key, receiver) : JS_UNDEFINED;
}

// OrdinarySet (§9.1.9.1) for a typed array holder: the own property decides, else the prototype.
static int typed_array_set(ThreadState *ts, Object *o, PropKey key, Value v, Value receiver,
                           bool throw_on_failure) {
    TypedArrayObject *ta = (TypedArrayObject *)o;
    double index;
    int numeric = numeric_key(ts, key, &index);
    if (numeric < 0) return -1;
    if (numeric) {
        if (receiver == value_from_cell(o)) return typed_array_set_element(ts, ta, index, v) < 0 ? -1 : 1;
        if (!valid_index(ta, index)) return 1;
    }
    PropertyDescriptor own;
    int found = typed_array_get_own_property(ts, o, key, &own);
    if (found < 0) return -1;
    if (!found) {
        Value proto = object_get_prototype_of(ts, value_from_cell(o));
        if (value_is_exception(proto)) return -1;
        if (value_is_object(proto)) return object_set(ts, proto, key, v, receiver, throw_on_failure);
        data_descriptor(&own, JS_UNDEFINED, PROP_DEFAULT);
    }
    if (own.attributes & PROP_ACCESSOR) {
        if (value_is_undefined(own.setter))
            return object_refuse(ts, throw_on_failure,
                                 "Cannot set property %K of %V which has only a getter", key, receiver);
        Value result = interp_call(ts, own.setter, receiver, &v, 1);
        return value_is_exception(result) ? -1 : 1;
    }
    if (!(own.attributes & PROP_WRITABLE))
        return object_refuse(ts, throw_on_failure,
                             "Cannot assign to read only property '%K' of object '%V'", key, receiver);
    if (!value_is_object(receiver))
        return object_refuse(ts, throw_on_failure, "Cannot create property '%K' on %V", key, receiver);
    PropertyDescriptor existing;
    found = object_get_own_property(ts, receiver, key, &existing);
    if (found < 0) return -1;
    if (found) {
        if (existing.attributes & PROP_ACCESSOR)
            return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
        if (!(existing.attributes & PROP_WRITABLE))
            return object_refuse(ts, throw_on_failure,
                                 "Cannot assign to read only property '%K' of object '%V'", key, receiver);
        PropertyDescriptor value_only = {.value = v, .has = DESC_HAS_VALUE};
        return object_define_own_property(ts, receiver, key, &value_only, throw_on_failure);
    }
    PropertyDescriptor created;
    data_descriptor(&created, v, PROP_DEFAULT);
    int defined = object_define_own_property(ts, receiver, key, &created, false);
    if (defined == 0)
        return object_refuse(ts, throw_on_failure, "Cannot add property %K, object is not extensible", key);
    return defined;
}

static int typed_array_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    double index;
    int numeric = numeric_key(ts, key, &index);
    if (numeric < 0) return -1;
    if (!numeric) return ordinary_delete(ts, o, key, throw_on_failure);
    if (!valid_index((TypedArrayObject *)o, index)) return 1;
    return object_refuse(ts, throw_on_failure, "Cannot delete property '%K' of %V", key, value_from_cell(o));
}

static Values *typed_array_own_keys(ThreadState *ts, Object *o, int flags) {
    size_t length = typed_array_length((TypedArrayObject *)o);
    VirtualKeys virtual_keys = {length > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)length, JS_HOLE};
    return ordinary_own_keys(ts, o, flags, &virtual_keys);
}

static int typed_array_set_integrity(ThreadState *ts, Object *o, bool frozen) {
    if (typed_array_length((TypedArrayObject *)o) > 0) {
        // SetIntegrityLevel prevents extensions before it meets the first element (step 3).
        if (object_prevent_extensions(ts, value_from_cell(o), false) < 0) return -1;
        error_throw_type(ts, frozen ? "Cannot freeze array buffer views with elements"
                                    : "Cannot seal array buffer views with elements");
        return -1;
    }
    return ordinary_set_integrity(ts, o, frozen);
}

const ObjectMethods typed_array_methods = {
    .traits = EXOTIC_PLAIN_STORAGE,
    .get_own_property = typed_array_get_own_property,
    .define_own_property = typed_array_define_own_property,
    .has_property = typed_array_has_property,
    .get = typed_array_get,
    .set = typed_array_set,
    .delete_property = typed_array_delete,
    .own_keys = typed_array_own_keys,
    .set_integrity = typed_array_set_integrity,
};
