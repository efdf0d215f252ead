/*
 * builtins/reflect.c — the Reflect namespace (ES2020 §26.1): each function checks its target
 * and calls the matching internal method through object.c's dispatch, so Proxy traps and exotic
 * rows run exactly as the spec's own operations would. Also ToPropertyDescriptor and
 * FromPropertyDescriptor for partial descriptors, which Proxy's traps share (proxy.h).
 */
#include "builtins.h"
#include "proxy.h"

// ---- descriptors ----

// Reads one optional boolean field of a descriptor object: HasProperty, then Get.
static int read_flag(ThreadState *ts, Value obj, PropKey key, PropertyDescriptor *desc, uint8_t has,
                     uint8_t attribute) {
    int present = object_has_property(ts, obj, key);
    if (present <= 0) return present;
    Value v = object_get(ts, obj, key);
    if (value_is_exception(v)) return -1;
    desc->has |= has;
    if (ops_to_boolean(v)) desc->attributes |= attribute;
    return 1;
}

// Reads the optional `get` or `set` field, which must be callable or undefined.
static int read_accessor(ThreadState *ts, Value obj, PropKey key, Value *out, const char *what) {
    int present = object_has_property(ts, obj, key);
    if (present <= 0) return present;
    *out = object_get(ts, obj, key);
    if (value_is_exception(*out)) return -1;
    if (!ops_is_callable(*out) && !value_is_undefined(*out)) {
        error_throw_type(ts, "%s must be a function: %V", what, *out);
        return -1;
    }
    return 1;
}

// ToPropertyDescriptor (§6.2.5.5): fields in the spec's order (enumerable, configurable, value,
// writable, get, set), since a proxy handler or getter can observe it.
bool reflect_to_property_descriptor(ThreadState *ts, Value obj, PropertyDescriptor *desc) {
    if (!value_is_object(obj)) {
        error_throw_type(ts, "Property description must be an object: %V", obj);
        return false;
    }
    desc->value = desc->getter = desc->setter = JS_UNDEFINED;
    desc->attributes = 0;
    desc->has = 0;
    if (read_flag(ts, obj, ATOM(ts, enumerable), desc, DESC_HAS_ENUMERABLE, PROP_ENUMERABLE) < 0 ||
        read_flag(ts, obj, ATOM(ts, configurable), desc, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE) < 0)
        return false;
    int present = object_has_property(ts, obj, ATOM(ts, value));
    if (present < 0) return false;
    if (present) {
        desc->value = object_get(ts, obj, ATOM(ts, value));
        if (value_is_exception(desc->value)) return false;
        desc->has |= DESC_HAS_VALUE;
    }
    if (read_flag(ts, obj, ATOM(ts, writable), desc, DESC_HAS_WRITABLE, PROP_WRITABLE) < 0) return false;
    int has_get = read_accessor(ts, obj, ATOM(ts, get), &desc->getter, "Getter");
    if (has_get < 0) return false;
    int has_set = read_accessor(ts, obj, ATOM(ts, set), &desc->setter, "Setter");
    if (has_set < 0) return false;
    if (has_get) desc->has |= DESC_HAS_GET;
    if (has_set) desc->has |= DESC_HAS_SET;
    if (desc->has & (DESC_HAS_GET | DESC_HAS_SET)) {
        if (desc->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE)) {
            error_throw_type(ts, "Invalid property descriptor. Cannot both specify accessors and a value "
                                 "or writable attribute");
            return false;
        }
        desc->attributes |= PROP_ACCESSOR;
    }
    return true;
}

// FromPropertyDescriptor (§6.2.5.4): only the fields the descriptor has, in the spec's order.
Value reflect_from_property_descriptor(ThreadState *ts, const PropertyDescriptor *desc) {
    Value obj = object_new_plain(ts);
    if (value_is_exception(obj)) return JS_EXCEPTION;
    struct { uint8_t has; PropKey key; Value value; } fields[] = {
        {DESC_HAS_VALUE, ATOM(ts, value), desc->value},
        {DESC_HAS_WRITABLE, ATOM(ts, writable), value_from_bool(desc->attributes & PROP_WRITABLE)},
        {DESC_HAS_GET, ATOM(ts, get), desc->getter},
        {DESC_HAS_SET, ATOM(ts, set), desc->setter},
        {DESC_HAS_ENUMERABLE, ATOM(ts, enumerable), value_from_bool(desc->attributes & PROP_ENUMERABLE)},
        {DESC_HAS_CONFIGURABLE, ATOM(ts, configurable), value_from_bool(desc->attributes & PROP_CONFIGURABLE)},
    };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (!(desc->has & fields[i].has)) continue;
        if (object_define_value(ts, obj, fields[i].key, fields[i].value, PROP_DEFAULT) < 0) return JS_EXCEPTION;
    }
    return obj;
}

// ---- Reflect ----

// The first argument, which every Reflect function requires to be an object.
static bool target_arg(ThreadState *ts, const Value *args, int argc, const char *name, Value *target) {
    *target = builtin_arg(args, argc, 0);
    if (value_is_object(*target)) return true;
    error_throw_type(ts, "Reflect.%s called on non-object", name);
    return false;
}

static Value Reflect_apply(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target = builtin_arg(args, argc, 0);
    if (!ops_is_callable(target)) return error_throw_type(ts, "%C is not a function", target);
    Value list = builtin_arg(args, argc, 2);
    if (!value_is_object(list)) return error_throw_type(ts, "CreateListFromArrayLike called on non-object");
    Value items = ops_create_list_from_array_like(ts, list);
    if (value_is_exception(items)) return JS_EXCEPTION;
    Values *values = value_to_cell(items);
    return interp_call(ts, target, builtin_arg(args, argc, 1), values->items, (int)values->count);
}

static Value Reflect_construct(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target = builtin_arg(args, argc, 0);
    if (!ops_is_constructor(target)) return error_throw_type(ts, "%V is not a constructor", target);
    Value new_target = argc > 2 ? args[2] : target;
    if (!ops_is_constructor(new_target)) return error_throw_type(ts, "%V is not a constructor", new_target);
    Value list = builtin_arg(args, argc, 1);
    if (!value_is_object(list)) return error_throw_type(ts, "CreateListFromArrayLike called on non-object");
    Value items = ops_create_list_from_array_like(ts, list);
    if (value_is_exception(items)) return JS_EXCEPTION;
    Values *values = value_to_cell(items);
    return interp_construct(ts, target, values->items, (int)values->count, new_target);
}

static Value Reflect_defineProperty(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "defineProperty", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    PropertyDescriptor desc;
    if (!reflect_to_property_descriptor(ts, builtin_arg(args, argc, 2), &desc)) return JS_EXCEPTION;
    int done = object_define_own_property(ts, target, key, &desc, false);
    return done < 0 ? JS_EXCEPTION : value_from_bool(done > 0);
}

static Value Reflect_deleteProperty(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "deleteProperty", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    int done = object_delete(ts, target, key, false);
    return done < 0 ? JS_EXCEPTION : value_from_bool(done > 0);
}

static Value Reflect_get(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "get", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    return object_get_with_receiver(ts, target, key, argc > 2 ? args[2] : target);
}

static Value Reflect_getOwnPropertyDescriptor(ThreadState *ts, Value self, const Value *args, int argc,
                                              int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "getOwnPropertyDescriptor", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, target, key, &desc);
    if (found <= 0) return found < 0 ? JS_EXCEPTION : JS_UNDEFINED;
    return reflect_from_property_descriptor(ts, &desc);
}

static Value Reflect_getPrototypeOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "getPrototypeOf", &target)) return JS_EXCEPTION;
    return object_get_prototype_of(ts, target);
}

static Value Reflect_has(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "has", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    int found = object_has_property(ts, target, key);
    return found < 0 ? JS_EXCEPTION : value_from_bool(found > 0);
}

static Value Reflect_isExtensible(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "isExtensible", &target)) return JS_EXCEPTION;
    int extensible = object_is_extensible(ts, target);
    return extensible < 0 ? JS_EXCEPTION : value_from_bool(extensible > 0);
}

static Value Reflect_ownKeys(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "ownKeys", &target)) return JS_EXCEPTION;
    return object_own_keys(ts, target, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
}

static Value Reflect_preventExtensions(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "preventExtensions", &target)) return JS_EXCEPTION;
    int done = object_prevent_extensions(ts, target, false);
    return done < 0 ? JS_EXCEPTION : value_from_bool(done > 0);
}

static Value Reflect_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "set", &target)) return JS_EXCEPTION;
    PropKey key = property_key_from_value(ts, builtin_arg(args, argc, 1));
    if (value_is_exception(key)) return JS_EXCEPTION;
    int done = object_set(ts, target, key, builtin_arg(args, argc, 2), argc > 3 ? args[3] : target, false);
    return done < 0 ? JS_EXCEPTION : value_from_bool(done > 0);
}

static Value Reflect_setPrototypeOf(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value target;
    if (!target_arg(ts, args, argc, "setPrototypeOf", &target)) return JS_EXCEPTION;
    Value proto = builtin_arg(args, argc, 1);
    if (!value_is_object(proto) && !value_is_null(proto))
        return error_throw_type(ts, "Object prototype may only be an Object or null: %V", proto);
    int done = object_set_prototype_of(ts, target, proto, false);
    return done < 0 ? JS_EXCEPTION : value_from_bool(done > 0);
}

static const BuiltinEntry reflect_table[] = {
    BUILTIN_FN("apply", Reflect_apply, 3),
    BUILTIN_FN("construct", Reflect_construct, 2),
    BUILTIN_FN("defineProperty", Reflect_defineProperty, 3),
    BUILTIN_FN("deleteProperty", Reflect_deleteProperty, 2),
    BUILTIN_FN("get", Reflect_get, 2),
    BUILTIN_FN("getOwnPropertyDescriptor", Reflect_getOwnPropertyDescriptor, 2),
    BUILTIN_FN("getPrototypeOf", Reflect_getPrototypeOf, 1),
    BUILTIN_FN("has", Reflect_has, 2),
    BUILTIN_FN("isExtensible", Reflect_isExtensible, 1),
    BUILTIN_FN("ownKeys", Reflect_ownKeys, 1),
    BUILTIN_FN("preventExtensions", Reflect_preventExtensions, 1),
    BUILTIN_FN("set", Reflect_set, 3),
    BUILTIN_FN("setPrototypeOf", Reflect_setPrototypeOf, 2),
    BUILTIN_STRING("@@toStringTag", "Reflect", PROP_CONFIGURABLE),
};

bool builtins_install_reflect(ThreadState *ts) {
    Value reflect = object_new_plain(ts);
    return !value_is_exception(reflect) &&
           builtins_install_table(ts, reflect, reflect_table, BUILTIN_COUNT(reflect_table)) &&
           builtins_define_global(ts, "Reflect", reflect);
}
