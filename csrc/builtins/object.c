/*
 * builtins/object.c — the Object constructor, its ES2020 statics (plus Object.hasOwn) and
 * Object.prototype, including the Annex B __proto__ accessor and __defineGetter__ family.
 * The internal methods themselves live in object.c; this file only adapts arguments.
 */
#include "builtins.h"

// ---- helpers shared by the statics ----

static Value key_at(ThreadState *ts, Value keys, uint32_t i) {
    Value key = object_get(ts, keys, property_key_from_index(i));
    if (value_is_exception(key)) return JS_EXCEPTION;
    return property_key_from_value(ts, key);
}

// ToPropertyDescriptor (§6.2.5.5).
static bool to_property_descriptor(ThreadState *ts, Value obj, PropertyDescriptor *desc) {
    if (!value_is_object(obj)) {
        error_throw_type(ts, "Property description must be an object: %V", obj);
        return false;
    }
    desc->value = desc->getter = desc->setter = JS_UNDEFINED;
    desc->attributes = 0;
    desc->has = 0;
    static const struct { CommonAtom atom; uint8_t has; uint8_t attribute; } flags[] = {
        {ATOM_enumerable, DESC_HAS_ENUMERABLE, PROP_ENUMERABLE},
        {ATOM_configurable, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE},
    };
    for (int i = 0; i < 2; i++) {
        PropKey key = ts->rt->common_atoms[flags[i].atom];
        int has = object_has_property(ts, obj, key);
        if (has < 0) return false;
        if (!has) continue;
        Value v = object_get(ts, obj, key);
        if (value_is_exception(v)) return false;
        desc->has |= flags[i].has;
        if (ops_to_boolean(v)) desc->attributes |= flags[i].attribute;
    }
    int has = object_has_property(ts, obj, ATOM(ts, value));
    if (has < 0) return false;
    if (has) {
        desc->value = object_get(ts, obj, ATOM(ts, value));
        if (value_is_exception(desc->value)) return false;
        desc->has |= DESC_HAS_VALUE;
    }
    has = object_has_property(ts, obj, ATOM(ts, writable));
    if (has < 0) return false;
    if (has) {
        Value v = object_get(ts, obj, ATOM(ts, writable));
        if (value_is_exception(v)) return false;
        desc->has |= DESC_HAS_WRITABLE;
        if (ops_to_boolean(v)) desc->attributes |= PROP_WRITABLE;
    }
    has = object_has_property(ts, obj, ATOM(ts, get));
    if (has < 0) return false;
    if (has) {
        desc->getter = object_get(ts, obj, ATOM(ts, get));
        if (value_is_exception(desc->getter)) return false;
        if (!ops_is_callable(desc->getter) && !value_is_undefined(desc->getter)) {
            error_throw_type(ts, "Getter must be a function: %V", desc->getter);
            return false;
        }
        desc->has |= DESC_HAS_GET;
    }
    has = object_has_property(ts, obj, ATOM(ts, set));
    if (has < 0) return false;
    if (has) {
        desc->setter = object_get(ts, obj, ATOM(ts, set));
        if (value_is_exception(desc->setter)) return false;
        if (!ops_is_callable(desc->setter) && !value_is_undefined(desc->setter)) {
            error_throw_type(ts, "Setter must be a function: %V", desc->setter);
            return false;
        }
        desc->has |= DESC_HAS_SET;
    }
    if (desc->has & (DESC_HAS_GET | DESC_HAS_SET)) {
        if (desc->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE)) {
            error_throw_type(ts, "Invalid property descriptor. Cannot both specify accessors and a "
                                 "value or writable attribute, %V", obj);
            return false;
        }
        desc->attributes |= PROP_ACCESSOR;
    }
    return true;
}

// FromPropertyDescriptor (§6.2.5.4) of a complete descriptor from object_get_own_property.
static Value from_property_descriptor(ThreadState *ts, const PropertyDescriptor *desc) {
    Value obj = object_new_plain(ts);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    bool ok;
    if (desc->attributes & PROP_ACCESSOR) {
        ok = object_define_value(ts, obj, ATOM(ts, get), desc->getter, PROP_DEFAULT) >= 0 &&
             object_define_value(ts, obj, ATOM(ts, set), desc->setter, PROP_DEFAULT) >= 0;
    } else {
        ok = object_define_value(ts, obj, ATOM(ts, value), desc->value, PROP_DEFAULT) >= 0 &&
             object_define_value(ts, obj, ATOM(ts, writable),
                                 value_from_bool(desc->attributes & PROP_WRITABLE), PROP_DEFAULT) >= 0;
    }
    ok = ok &&
         object_define_value(ts, obj, ATOM(ts, enumerable),
                             value_from_bool(desc->attributes & PROP_ENUMERABLE), PROP_DEFAULT) >= 0 &&
         object_define_value(ts, obj, ATOM(ts, configurable),
                             value_from_bool(desc->attributes & PROP_CONFIGURABLE), PROP_DEFAULT) >= 0;
    return ok ? obj : JS_EXCEPTION;
}

// ObjectDefineProperties (§19.1.2.3.1): all descriptors are read before any is applied. They
// are parked in a Values cell (key, value, getter, setter, attributes|has<<8) so the GC sees them.
static Value define_properties(ThreadState *ts, Value obj, Value properties) {
    Value props = ops_to_object(ts, properties);
    if (value_is_exception(props)) return JS_EXCEPTION;
    Value keys = object_own_keys(ts, props, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (value_is_exception(keys)) return JS_EXCEPTION;
    Values *pending = values_new(ts, 16);
    if (!pending) return JS_EXCEPTION;
    uint32_t count = array_length(keys);
    for (uint32_t i = 0; i < count; i++) {
        PropKey key = key_at(ts, keys, i);
        if (value_is_exception(key)) return JS_EXCEPTION;
        PropertyDescriptor own;
        int found = object_get_own_property(ts, props, key, &own);
        if (found < 0) return JS_EXCEPTION;
        if (!found || !(own.attributes & PROP_ENUMERABLE)) continue;
        Value desc_obj = object_get(ts, props, key);
        if (value_is_exception(desc_obj)) return JS_EXCEPTION;
        PropertyDescriptor desc;
        if (!to_property_descriptor(ts, desc_obj, &desc)) return JS_EXCEPTION;
        Value packed[5] = {key, desc.value, desc.getter, desc.setter,
                           value_from_int(desc.attributes | desc.has << 8)};
        for (int j = 0; j < 5; j++)
            if (!(pending = values_push(ts, pending, packed[j]))) return JS_EXCEPTION;
    }
    for (uint32_t i = 0; i + 5 <= pending->count; i += 5) {
        int32_t bits = value_to_int(pending->items[i + 4]);
        PropertyDescriptor desc = {pending->items[i + 1], pending->items[i + 2], pending->items[i + 3],
                                   (uint8_t)bits, (uint8_t)(bits >> 8)};
        if (object_define_own_property(ts, obj, pending->items[i], &desc, true) < 0) return JS_EXCEPTION;
    }
    return obj;
}

// EnumerableOwnPropertyNames (§7.3.22) for Object.keys/values/entries.
enum { LIST_KEYS, LIST_VALUES, LIST_ENTRIES };
static Value enumerable_own(ThreadState *ts, Value target, int kind) {
    Value obj = ops_to_object(ts, target);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    if (kind == LIST_KEYS) return object_own_keys(ts, obj, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
    Value keys = object_own_keys(ts, obj, OWN_KEYS_STRINGS);
    if (value_is_exception(keys)) return JS_EXCEPTION;
    Value result = array_new(ts, 0);
    if (value_is_exception(result)) return JS_EXCEPTION;
    uint32_t count = array_length(keys);
    for (uint32_t i = 0; i < count; i++) {
        Value key_value = object_get(ts, keys, property_key_from_index(i));
        if (value_is_exception(key_value)) return JS_EXCEPTION;
        PropKey key = property_key_from_value(ts, key_value);
        if (value_is_exception(key)) return JS_EXCEPTION;
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, key, &desc);
        if (found < 0) return JS_EXCEPTION;
        if (!found || !(desc.attributes & PROP_ENUMERABLE)) continue;
        Value v = object_get(ts, obj, key);
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (kind == LIST_ENTRIES) {
            Value pair[2] = {key_value, v};
            v = array_from_values(ts, pair, 2);
            if (value_is_exception(v)) return JS_EXCEPTION;
        }
        if (array_push(ts, result, v) < 0) return JS_EXCEPTION;
    }
    return result;
}

// ---- the constructor and statics ----

// Object(value) (§19.1.1.1): a subclass constructor (new.target elsewhere) gets an ordinary
// object from new.target's prototype; otherwise ToObject, with a fresh object for null/undefined.
static Value Object_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value new_target = ts->new_target;
    if (!value_is_undefined(new_target) && new_target != ts->callee) {
        Value prototype = function_prototype_for(ts, new_target, INTRINSIC_OBJECT_PROTOTYPE);
        if (value_is_exception(prototype)) return JS_EXCEPTION;
        return object_new(ts, prototype);
    }
    Value value = builtin_arg(args, argc, 0);
    if (value_is_nullish(value)) return object_new_plain(ts);
    return ops_to_object(ts, value);
}

// Object.assign (§19.1.2.1): own enumerable string and symbol keys, read with [[Get]] and
// written with [[Set]], so getters run on the source and setters on the target.
static Value Object_assign(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value to = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(to)) return JS_EXCEPTION;
    for (int s = 1; s < argc; s++) {
        if (value_is_nullish(args[s])) continue;
        Value from = ops_to_object(ts, args[s]);
        if (value_is_exception(from)) return JS_EXCEPTION;
        Value keys = object_own_keys(ts, from, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
        if (value_is_exception(keys)) return JS_EXCEPTION;
        uint32_t count = array_length(keys);
        for (uint32_t i = 0; i < count; i++) {
            PropKey key = key_at(ts, keys, i);
            if (value_is_exception(key)) return JS_EXCEPTION;
            PropertyDescriptor desc;
            int found = object_get_own_property(ts, from, key, &desc);
            if (found < 0) return JS_EXCEPTION;
            if (!found || !(desc.attributes & PROP_ENUMERABLE)) continue;
            Value v = object_get(ts, from, key);
            if (value_is_exception(v)) return JS_EXCEPTION;
            if (object_set(ts, to, key, v, to, true) < 0) return JS_EXCEPTION;
        }
    }
    return to;
}

// Object.create (§19.1.2.2).
static Value Object_create(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value prototype = builtin_arg(args, argc, 0);
    if (!value_is_object(prototype) && !value_is_null(prototype))
        return error_throw_type(ts, "Object prototype may only be an Object or null: %V", prototype);
    Value obj = object_new(ts, prototype);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    Value properties = builtin_arg(args, argc, 1);
    if (value_is_undefined(properties)) return obj;
    return define_properties(ts, obj, properties);
}

static Value Object_defineProperties(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return error_throw_type(ts, "Object.defineProperties called on non-object");
    return define_properties(ts, obj, builtin_arg(args, argc, 1));
}

// Object.defineProperty (§19.1.2.4): the key is converted before the descriptor is read.
static Value Object_defineProperty(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return error_throw_type(ts, "Object.defineProperty called on non-object");
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    PropertyDescriptor desc;
    if (!to_property_descriptor(ts, builtin_arg(args, argc, 2), &desc)) return JS_EXCEPTION;
    if (object_define_own_property(ts, obj, key, &desc, true) < 0) return JS_EXCEPTION;
    return obj;
}

static Value Object_entries(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    return enumerable_own(ts, builtin_arg(args, argc, 0), LIST_ENTRIES);
}

static Value Object_keys(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    return enumerable_own(ts, builtin_arg(args, argc, 0), LIST_KEYS);
}

static Value Object_values(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    return enumerable_own(ts, builtin_arg(args, argc, 0), LIST_VALUES);
}

// freeze (magic 1) and seal (magic 0).
static Value Object_freeze(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return obj;
    int done = object_set_integrity(ts, obj, magic != 0);
    if (done < 0) return JS_EXCEPTION;
    if (done == 0) return error_throw_type(ts, magic ? "Cannot freeze" : "Cannot seal");
    return obj;
}

static Value Object_preventExtensions(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return obj;
    if (object_prevent_extensions(ts, obj, true) < 0) return JS_EXCEPTION;
    return obj;
}

// Object.fromEntries (§19.1.2.7): any iterable of entry objects; the iterator is closed when
// an entry is malformed or defining it throws.
static Value Object_fromEntries(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value iterable = builtin_arg(args, argc, 0);
    Value obj = object_new_plain(ts);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    IteratorRecord it;
    if (!ops_get_iterator(ts, iterable, &it)) return JS_EXCEPTION;
    for (;;) {
        Value entry = ops_iterator_step(ts, &it);
        if (value_is_exception(entry)) return JS_EXCEPTION;
        if (entry == JS_HOLE) return obj;
        if (!value_is_object(entry)) {
            error_throw_type(ts, "Iterator value %V is not an entry object", entry);
            ops_iterator_close(ts, &it, true);
            return JS_EXCEPTION;
        }
        Value k = object_get(ts, entry, property_key_from_index(0));
        Value v = value_is_exception(k) ? JS_EXCEPTION : object_get(ts, entry, property_key_from_index(1));
        PropKey key = value_is_exception(v) ? JS_EXCEPTION : property_key_from_value(ts, k);
        if (value_is_exception(key) || object_define_value(ts, obj, key, v, PROP_DEFAULT) < 0) {
            ops_iterator_close(ts, &it, true);
            return JS_EXCEPTION;
        }
    }
}

static Value Object_getOwnPropertyDescriptor(ThreadState *ts, Value self, const Value *args, int argc,
                                             int magic) {
    (void)self, (void)magic;
    Value obj = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(obj)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, obj, key, &desc);
    if (found < 0) return JS_EXCEPTION;
    return found ? from_property_descriptor(ts, &desc) : JS_UNDEFINED;
}

static Value Object_getOwnPropertyDescriptors(ThreadState *ts, Value self, const Value *args, int argc,
                                              int magic) {
    (void)self, (void)magic;
    Value obj = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(obj)) return JS_EXCEPTION;
    Value keys = object_own_keys(ts, obj, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (value_is_exception(keys)) return JS_EXCEPTION;
    Value result = object_new_plain(ts);
    if (value_is_exception(result)) return JS_EXCEPTION;
    uint32_t count = array_length(keys);
    for (uint32_t i = 0; i < count; i++) {
        PropKey key = key_at(ts, keys, i);
        if (value_is_exception(key)) return JS_EXCEPTION;
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, key, &desc);
        if (found < 0) return JS_EXCEPTION;
        if (!found) continue;
        Value d = from_property_descriptor(ts, &desc);
        if (value_is_exception(d) || object_define_value(ts, result, key, d, PROP_DEFAULT) < 0)
            return JS_EXCEPTION;
    }
    return result;
}

// getOwnPropertyNames (magic OWN_KEYS_STRINGS) and getOwnPropertySymbols (OWN_KEYS_SYMBOLS).
static Value Object_getOwnPropertyNames(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value obj = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(obj)) return JS_EXCEPTION;
    return object_own_keys(ts, obj, magic);
}

static Value Object_getPrototypeOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(obj)) return JS_EXCEPTION;
    return object_get_prototype_of(ts, obj);
}

static Value Object_hasOwn(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = ops_to_object(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(obj)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    int has = object_has_own_property(ts, obj, key);
    return has < 0 ? JS_EXCEPTION : value_from_bool(has);
}

static Value Object_is(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)magic;
    return value_from_bool(ops_same_value(builtin_arg(args, argc, 0), builtin_arg(args, argc, 1)));
}

static Value Object_isExtensible(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return JS_FALSE;
    int extensible = object_is_extensible(ts, obj);
    return extensible < 0 ? JS_EXCEPTION : value_from_bool(extensible);
}

// isFrozen (magic 1) and isSealed (magic 0).
static Value Object_isFrozen(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value obj = builtin_arg(args, argc, 0);
    if (!value_is_object(obj)) return JS_TRUE;
    int result = object_test_integrity(ts, obj, magic != 0);
    return result < 0 ? JS_EXCEPTION : value_from_bool(result);
}

// Object.setPrototypeOf (§19.1.2.21): primitives pass through unchanged after the checks.
static Value Object_setPrototypeOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value obj = builtin_arg(args, argc, 0);
    if (value_is_nullish(obj)) return error_throw_type(ts, "Object.setPrototypeOf called on null or undefined");
    Value prototype = builtin_arg(args, argc, 1);
    if (!value_is_object(prototype) && !value_is_null(prototype))
        return error_throw_type(ts, "Object prototype may only be an Object or null: %V", prototype);
    if (!value_is_object(obj)) return obj;
    if (object_set_prototype_of(ts, obj, prototype, true) < 0) return JS_EXCEPTION;
    return obj;
}

// ---- Object.prototype ----

// hasOwnProperty (§19.1.3.2): ToPropertyKey before ToObject(this), as the spec orders them.
static Value Object_prototype_hasOwnProperty(ThreadState *ts, Value self, const Value *args, int argc,
                                             int magic) {
    (void)magic;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(key)) return JS_EXCEPTION;
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    int has = object_has_own_property(ts, obj, key);
    return has < 0 ? JS_EXCEPTION : value_from_bool(has);
}

static Value Object_prototype_isPrototypeOf(ThreadState *ts, Value self, const Value *args, int argc,
                                            int magic) {
    (void)magic;
    Value v = builtin_arg(args, argc, 0);
    if (!value_is_object(v)) return JS_FALSE;
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    for (;;) {
        v = object_get_prototype_of(ts, v);
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (value_is_null(v)) return JS_FALSE;
        if (v == obj) return JS_TRUE;
    }
}

static Value Object_prototype_propertyIsEnumerable(ThreadState *ts, Value self, const Value *args,
                                                   int argc, int magic) {
    (void)magic;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(key)) return JS_EXCEPTION;
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, obj, key, &desc);
    if (found < 0) return JS_EXCEPTION;
    return value_from_bool(found && (desc.attributes & PROP_ENUMERABLE));
}

static Value Object_prototype_toLocaleString(ThreadState *ts, Value self, const Value *args, int argc,
                                             int magic) {
    (void)args, (void)argc, (void)magic;
    return ops_invoke(ts, self, ATOM(ts, toString), NULL, 0);
}

// The builtinTag of §19.1.3.6 step 5-14 for objects without a string @@toStringTag.
static const char *builtin_tag(ThreadState *ts, Value obj) {
    if (ops_is_array(ts, obj) > 0) return "Array";
    if (ops_is_callable(obj)) return "Function";
    switch (value_cell_type(obj)) {
    case CELL_ARGUMENTS: return "Arguments";
    case CELL_ERROR: return "Error";
    case CELL_BOOLEAN_OBJECT: return "Boolean";
    case CELL_NUMBER_OBJECT: return "Number";
    case CELL_STRING_OBJECT: return "String";
    case CELL_DATE: return "Date";
    case CELL_REGEXP: return "RegExp";
    default: return "Object";
    }
}

// Object.prototype.toString (§19.1.3.6): "[object " + (@@toStringTag if a string, else the
// builtin tag) + "]".
static Value Object_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (value_is_undefined(self)) return string_from_cstr(ts, "[object Undefined]");
    if (value_is_null(self)) return string_from_cstr(ts, "[object Null]");
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    const char *builtin = builtin_tag(ts, obj);
    Value tag = object_get(ts, obj, SYMBOL(ts, toStringTag));
    if (value_is_exception(tag)) return JS_EXCEPTION;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "[object ");
    if (value_is_string(tag)) string_builder_append_string(&b, tag);
    else string_builder_append_cstr(&b, builtin);
    string_builder_append_char(&b, ']');
    return string_builder_finish(&b);
}

static Value Object_prototype_valueOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    return ops_to_object(ts, self);
}

static Value Object_prototype___proto___get(ThreadState *ts, Value self, const Value *args, int argc,
                                            int magic) {
    (void)args, (void)argc, (void)magic;
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    return object_get_prototype_of(ts, obj);
}

// The __proto__ setter (B.2.2.1.2) ignores non-object prototypes and primitive receivers.
static Value Object_prototype___proto___set(ThreadState *ts, Value self, const Value *args, int argc,
                                            int magic) {
    (void)magic;
    if (value_is_nullish(self))
        return error_throw_type(ts, "Object.prototype.__proto__ called on null or undefined");
    Value prototype = builtin_arg(args, argc, 0);
    if ((!value_is_object(prototype) && !value_is_null(prototype)) || !value_is_object(self))
        return JS_UNDEFINED;
    if (object_set_prototype_of(ts, self, prototype, true) < 0) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

// __defineGetter__ (magic 0) and __defineSetter__ (magic 1), Annex B.2.2.2-3.
static Value Object_prototype___defineGetter__(ThreadState *ts, Value self, const Value *args, int argc,
                                               int magic) {
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 1);
    if (!ops_is_callable(fn))
        return error_throw_type(ts, "Object.prototype.__define%setter__: Expecting function",
                                magic ? "S" : "G");
    PropertyDescriptor desc = {JS_UNDEFINED, JS_UNDEFINED, JS_UNDEFINED,
                               PROP_ACCESSOR | PROP_ENUMERABLE | PROP_CONFIGURABLE,
                               DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE};
    if (magic) {
        desc.setter = fn;
        desc.has |= DESC_HAS_SET;
    } else {
        desc.getter = fn;
        desc.has |= DESC_HAS_GET;
    }
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(key)) return JS_EXCEPTION;
    if (object_define_own_property(ts, obj, key, &desc, true) < 0) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

// __lookupGetter__ (magic 0) and __lookupSetter__ (magic 1).
static Value Object_prototype___lookupGetter__(ThreadState *ts, Value self, const Value *args, int argc,
                                               int magic) {
    Value obj = ops_to_object(ts, self);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(key)) return JS_EXCEPTION;
    while (value_is_object(obj)) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, key, &desc);
        if (found < 0) return JS_EXCEPTION;
        if (found) {
            if (!(desc.attributes & PROP_ACCESSOR)) return JS_UNDEFINED;
            return magic ? desc.setter : desc.getter;
        }
        obj = object_get_prototype_of(ts, obj);
        if (value_is_exception(obj)) return JS_EXCEPTION;
    }
    return JS_UNDEFINED;
}

static const BuiltinEntry object_statics[] = {
    BUILTIN_FN("assign", Object_assign, 2),
    BUILTIN_FN("create", Object_create, 2),
    BUILTIN_FN("defineProperties", Object_defineProperties, 2),
    BUILTIN_FN("defineProperty", Object_defineProperty, 3),
    BUILTIN_FN("entries", Object_entries, 1),
    BUILTIN_FN_MAGIC("freeze", Object_freeze, 1, 1),
    BUILTIN_FN("fromEntries", Object_fromEntries, 1),
    BUILTIN_FN("getOwnPropertyDescriptor", Object_getOwnPropertyDescriptor, 2),
    BUILTIN_FN("getOwnPropertyDescriptors", Object_getOwnPropertyDescriptors, 1),
    BUILTIN_FN_MAGIC("getOwnPropertyNames", Object_getOwnPropertyNames, 1, OWN_KEYS_STRINGS),
    BUILTIN_FN_MAGIC("getOwnPropertySymbols", Object_getOwnPropertyNames, 1, OWN_KEYS_SYMBOLS),
    BUILTIN_FN("getPrototypeOf", Object_getPrototypeOf, 1),
    BUILTIN_FN("hasOwn", Object_hasOwn, 2),
    BUILTIN_FN("is", Object_is, 2),
    BUILTIN_FN("isExtensible", Object_isExtensible, 1),
    BUILTIN_FN_MAGIC("isFrozen", Object_isFrozen, 1, 1),
    BUILTIN_FN_MAGIC("isSealed", Object_isFrozen, 1, 0),
    BUILTIN_FN("keys", Object_keys, 1),
    BUILTIN_FN("preventExtensions", Object_preventExtensions, 1),
    BUILTIN_FN_MAGIC("seal", Object_freeze, 1, 0),
    BUILTIN_FN("setPrototypeOf", Object_setPrototypeOf, 2),
    BUILTIN_FN("values", Object_values, 1),
};

static const BuiltinEntry object_prototype_methods[] = {
    BUILTIN_FN("hasOwnProperty", Object_prototype_hasOwnProperty, 1),
    BUILTIN_FN("isPrototypeOf", Object_prototype_isPrototypeOf, 1),
    BUILTIN_FN("propertyIsEnumerable", Object_prototype_propertyIsEnumerable, 1),
    BUILTIN_FN("toLocaleString", Object_prototype_toLocaleString, 0),
    BUILTIN_FN("toString", Object_prototype_toString, 0),
    BUILTIN_FN("valueOf", Object_prototype_valueOf, 0),
    BUILTIN_FN_MAGIC("__defineGetter__", Object_prototype___defineGetter__, 2, 0),
    BUILTIN_FN_MAGIC("__defineSetter__", Object_prototype___defineGetter__, 2, 1),
    BUILTIN_FN_MAGIC("__lookupGetter__", Object_prototype___lookupGetter__, 1, 0),
    BUILTIN_FN_MAGIC("__lookupSetter__", Object_prototype___lookupGetter__, 1, 1),
    BUILTIN_GETSET("__proto__", Object_prototype___proto___get, Object_prototype___proto___set),
};

bool builtins_install_object(ThreadState *ts) {
    Value prototype = realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE);
    Value constructor = builtins_install_constructor(ts, "Object", Object_constructor, 1, prototype, 0);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, constructor, object_statics, BUILTIN_COUNT(object_statics)) &&
           builtins_install_table(ts, prototype, object_prototype_methods,
                                  BUILTIN_COUNT(object_prototype_methods));
}
