/*
 * builtins/proxy.c — Proxy exotic objects (ES2020 §9.5) and the Proxy constructor (§26.2): every
 * internal method forwards to its handler trap or the target, then checks the trap's result
 * against the target's invariants. Holds no lock while a trap runs (traps are arbitrary JS)
 * [SP-5]. Must not read the proxy's structure for anything but the hidden pair slot: no generic
 * path treats a proxy as ordinary storage (traits 0, every row entry set). Implements OM-P1..OM-P5.
 */
#include <stdarg.h>
#include "builtins.h"
#include "proxy.h"
#include "../objectexotic.h"

// ---- the [target, handler] pair [OM-P2] ----

// The pair lives in named slot 0 under a private symbol kept in %Proxy%'s data[0]: no JS code can
// name it, so no ordinary object shares the proxy structure and no inline cache can hit it [OM-P1].
enum { PAIR_SLOT = 0 };

static Value pair_of(Object *o) {
    return object_load_slot(o, PAIR_SLOT);
}

// Loads target and handler through one atomic load of the pair, so a racing revoke is seen
// entirely or not at all; throws the revoked TypeError naming `operation` [OM-P2].
static bool load_pair(ThreadState *ts, Object *o, const char *operation, Value *target,
                      Value *handler) {
    Value pair = pair_of(o);
    if (value_cell_type(pair) != CELL_VALUES) {
        error_throw_type(ts, "Cannot perform '%s' on a proxy that has been revoked", operation);
        return false;
    }
    Values *items = value_to_cell(pair);
    *target = items->items[0];
    *handler = items->items[1];
    return true;
}

Value proxy_target(Value proxy) {
    Value pair = pair_of(value_to_object(proxy));
    return value_cell_type(pair) == CELL_VALUES ? ((Values *)value_to_cell(pair))->items[0] : JS_NULL;
}

// A proxy chain recurses in C without entering the interpreter, so every internal method checks
// the native stack the way interp.c does before it recurses [OM-P5].
#define PROXY_MAX_NATIVE_DEPTH 20000
static bool stack_exhausted(ThreadState *ts) {
    if (ts->native_depth < PROXY_MAX_NATIVE_DEPTH &&
        (uintptr_t)__builtin_frame_address(0) >= ts->native_stack_limit)
        return false;
    error_throw_range(ts, "Maximum call stack size exceeded");
    return true;
}

// A trap-less proxy forwards to its target in C: each level counts as a native re-entry, so a
// chain of 200000 proxies ends in the RangeError above instead of a C stack overflow [OM-P5].
#define FORWARD(call)                          \
    ({                                         \
        ts->native_depth++;                    \
        __typeof__(call) forwarded_ = (call);  \
        ts->native_depth--;                    \
        forwarded_;                            \
    })

// Loads the pair and GetMethod(handler, name): the trap, JS_UNDEFINED when absent, or
// JS_EXCEPTION (revoked, stack exhausted, getter threw, not callable).
static Value trap_of(ThreadState *ts, Object *o, const char *name, Value *target, Value *handler) {
    if (stack_exhausted(ts) || !load_pair(ts, o, name, target, handler)) return JS_EXCEPTION;
    Value key = atom_from_cstr(ts, name);
    if (value_is_exception(key)) return JS_EXCEPTION;
    return ops_get_method(ts, *handler, key);
}

// A broken invariant: a TypeError from an errors.h format (%K, %s); returns -1.
static int invariant_error(ThreadState *ts, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    Value message = error_vformat(ts, format, ap);
    va_end(ap);
    if (!value_is_exception(message)) error_throw(ts, error_new(ts, ERROR_TYPE, message));
    return -1;
}

// ToBoolean of a trap's result, or -1 when the call threw.
static int call_boolean_trap(ThreadState *ts, Value trap, Value handler, const Value *args, int argc) {
    Value result = interp_call(ts, trap, handler, args, argc);
    if (value_is_exception(result)) return -1;
    return ops_to_boolean(result) ? 1 : 0;
}

static bool is_data(const PropertyDescriptor *d) { return !(d->attributes & PROP_ACCESSOR); }

// CompletePropertyDescriptor (§6.2.5.6).
static void complete_descriptor(PropertyDescriptor *d) {
    if (d->has & (DESC_HAS_GET | DESC_HAS_SET)) {
        if (!(d->has & DESC_HAS_GET)) d->getter = JS_UNDEFINED;
        if (!(d->has & DESC_HAS_SET)) d->setter = JS_UNDEFINED;
        d->value = JS_UNDEFINED;
        d->attributes |= PROP_ACCESSOR;
        d->has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    } else {
        if (!(d->has & DESC_HAS_VALUE)) d->value = JS_UNDEFINED;
        d->getter = d->setter = JS_UNDEFINED;
        d->attributes &= (uint8_t)~PROP_ACCESSOR;
        d->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    }
}

// ---- the internal methods (§9.5.1-9.5.11) ----

static Value proxy_get_prototype_of(ThreadState *ts, Object *o) {
    Value target, handler;
    Value trap = trap_of(ts, o, "getPrototypeOf", &target, &handler);
    if (value_is_exception(trap)) return JS_EXCEPTION;
    if (value_is_undefined(trap)) return FORWARD(object_get_prototype_of(ts, target));
    Value result = interp_call(ts, trap, handler, &target, 1);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (!value_is_object(result) && !value_is_null(result))
        return error_throw_type(ts, "'getPrototypeOf' on proxy: trap returned neither object nor null");
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return JS_EXCEPTION;
    if (extensible) return result;
    Value target_proto = object_get_prototype_of(ts, target);
    if (value_is_exception(target_proto)) return JS_EXCEPTION;
    if (!ops_same_value(result, target_proto))
        return error_throw_type(ts, "'getPrototypeOf' on proxy: proxy target is non-extensible but the "
                                    "trap did not return its actual prototype");
    return result;
}

static int proxy_set_prototype_of(ThreadState *ts, Object *o, Value prototype, bool throw_on_failure) {
    Value target, handler;
    Value trap = trap_of(ts, o, "setPrototypeOf", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_set_prototype_of(ts, target, prototype, throw_on_failure));
    Value args[2] = {target, prototype};
    int done = call_boolean_trap(ts, trap, handler, args, 2);
    if (done <= 0)
        return done < 0 ? -1 : object_refuse(ts, throw_on_failure, "'setPrototypeOf' on proxy: trap returned falsish");
    int extensible = object_is_extensible(ts, target);
    if (extensible != 0) return extensible < 0 ? -1 : 1;
    Value target_proto = object_get_prototype_of(ts, target);
    if (value_is_exception(target_proto)) return -1;
    if (!ops_same_value(prototype, target_proto))
        return invariant_error(ts, "'setPrototypeOf' on proxy: trap returned truish for setting a new "
                                   "prototype on the non-extensible proxy target");
    return 1;
}

static int proxy_is_extensible(ThreadState *ts, Object *o) {
    Value target, handler;
    Value trap = trap_of(ts, o, "isExtensible", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_is_extensible(ts, target));
    int result = call_boolean_trap(ts, trap, handler, &target, 1);
    if (result < 0) return -1;
    int target_result = object_is_extensible(ts, target);
    if (target_result < 0) return -1;
    if (result != target_result)
        return invariant_error(ts, "'isExtensible' on proxy: trap result does not reflect extensibility "
                                   "of proxy target (which is '%s')", target_result ? "true" : "false");
    return result;
}

static int proxy_prevent_extensions(ThreadState *ts, Object *o, bool throw_on_failure) {
    Value target, handler;
    Value trap = trap_of(ts, o, "preventExtensions", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_prevent_extensions(ts, target, throw_on_failure));
    int result = call_boolean_trap(ts, trap, handler, &target, 1);
    if (result < 0) return -1;
    if (!result) return object_refuse(ts, throw_on_failure, "'preventExtensions' on proxy: trap returned falsish");
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return -1;
    if (extensible)
        return invariant_error(ts, "'preventExtensions' on proxy: trap returned truish but the proxy "
                                   "target is extensible");
    return 1;
}

static int proxy_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    Value target, handler;
    Value trap = trap_of(ts, o, "getOwnPropertyDescriptor", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_get_own_property(ts, target, key, out));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return -1;
    Value args[2] = {target, key_value};
    Value result_obj = interp_call(ts, trap, handler, args, 2);
    if (value_is_exception(result_obj)) return -1;
    if (!value_is_object(result_obj) && !value_is_undefined(result_obj))
        return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap returned neither object nor "
                                   "undefined for property '%K'", key);
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found < 0) return -1;
    if (value_is_undefined(result_obj)) {
        if (!target_found) return 0;
        if (!(target_desc.attributes & PROP_CONFIGURABLE))
            return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                                       "property '%K' which is non-configurable in the proxy target", key);
        int extensible = object_is_extensible(ts, target);
        if (extensible < 0) return -1;
        if (!extensible)
            return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap returned undefined for "
                                       "property '%K' which exists in the non-extensible proxy target", key);
        return 0;
    }
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return -1;
    PropertyDescriptor result;
    if (!reflect_to_property_descriptor(ts, result_obj, &result)) return -1;
    complete_descriptor(&result);
    PropertyDescriptor ignored;
    if (!descriptor_validate(target_found ? &target_desc : NULL, extensible, &result, &ignored))
        return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap returned descriptor for "
                                   "property '%K' that is incompatible with the existing property in "
                                   "the proxy target", key);
    if (!(result.attributes & PROP_CONFIGURABLE)) {
        if (!target_found || (target_desc.attributes & PROP_CONFIGURABLE))
            return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap reported "
                                       "non-configurability for property '%K' which is either "
                                       "non-existent or configurable in the proxy target", key);
        if (is_data(&result) && !(result.attributes & PROP_WRITABLE) &&
            (target_desc.attributes & PROP_WRITABLE) && is_data(&target_desc))
            return invariant_error(ts, "'getOwnPropertyDescriptor' on proxy: trap reported non-configurable "
                                       "and writable for property '%K' which is non-configurable, "
                                       "non-writable in the proxy target", key);
    }
    *out = result;
    return 1;
}

static int proxy_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                     const PropertyDescriptor *desc, bool throw_on_failure) {
    Value target, handler;
    Value trap = trap_of(ts, o, "defineProperty", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_define_own_property(ts, target, key, desc, throw_on_failure));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return -1;
    Value desc_obj = reflect_from_property_descriptor(ts, desc);
    if (value_is_exception(desc_obj)) return -1;
    Value args[3] = {target, key_value, desc_obj};
    int done = call_boolean_trap(ts, trap, handler, args, 3);
    if (done < 0) return -1;
    if (!done)
        return object_refuse(ts, throw_on_failure,
                             "'defineProperty' on proxy: trap returned falsish for property '%K'", key);
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found < 0) return -1;
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return -1;
    bool setting_config_false = (desc->has & DESC_HAS_CONFIGURABLE) && !(desc->attributes & PROP_CONFIGURABLE);
    if (!target_found) {
        if (!extensible)
            return invariant_error(ts, "'defineProperty' on proxy: trap returned truish for adding property "
                                       "'%K'  to the non-extensible proxy target", key);
        if (setting_config_false)
            return invariant_error(ts, "'defineProperty' on proxy: trap returned truish for defining "
                                       "non-configurable property '%K' which is either non-existent or "
                                       "configurable in the proxy target", key);
        return 1;
    }
    PropertyDescriptor ignored;
    if (!descriptor_validate(&target_desc, extensible, desc, &ignored))
        return invariant_error(ts, "'defineProperty' on proxy: trap returned truish for adding property '%K' "
                                   " that is incompatible with the existing property in the proxy target", key);
    if (setting_config_false && (target_desc.attributes & PROP_CONFIGURABLE))
        return invariant_error(ts, "'defineProperty' on proxy: trap returned truish for defining "
                                   "non-configurable property '%K' which is either non-existent or "
                                   "configurable in the proxy target", key);
    if (is_data(&target_desc) && !(target_desc.attributes & PROP_CONFIGURABLE) &&
        (target_desc.attributes & PROP_WRITABLE) && (desc->has & DESC_HAS_WRITABLE) &&
        !(desc->attributes & PROP_WRITABLE))
        return invariant_error(ts, "'defineProperty' on proxy: trap returned truish for defining "
                                   "non-configurable property '%K' which cannot be non-writable, unless "
                                   "there exists a corresponding non-configurable, non-writable own "
                                   "property of the target object.", key);
    return 1;
}

static int proxy_has_property(ThreadState *ts, Object *o, PropKey key) {
    Value target, handler;
    Value trap = trap_of(ts, o, "has", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_has_property(ts, target, key));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return -1;
    Value args[2] = {target, key_value};
    int result = call_boolean_trap(ts, trap, handler, args, 2);
    if (result != 0) return result;
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found <= 0) return target_found;
    if (!(target_desc.attributes & PROP_CONFIGURABLE))
        return invariant_error(ts, "'has' on proxy: trap returned falsish for property '%K' which exists in "
                                   "the proxy target as non-configurable", key);
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return -1;
    if (!extensible)
        return invariant_error(ts, "'has' on proxy: trap returned falsish for property '%K' but the proxy "
                                   "target is not extensible", key);
    return 0;
}

static Value proxy_get(ThreadState *ts, Object *o, PropKey key, Value receiver) {
    Value target, handler;
    Value trap = trap_of(ts, o, "get", &target, &handler);
    if (value_is_exception(trap)) return JS_EXCEPTION;
    if (value_is_undefined(trap)) return FORWARD(object_get_with_receiver(ts, target, key, receiver));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return JS_EXCEPTION;
    Value args[3] = {target, key_value, receiver};
    Value result = interp_call(ts, trap, handler, args, 3);
    if (value_is_exception(result)) return JS_EXCEPTION;
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found < 0) return JS_EXCEPTION;
    if (target_found && !(target_desc.attributes & PROP_CONFIGURABLE)) {
        if (is_data(&target_desc) && !(target_desc.attributes & PROP_WRITABLE) &&
            !ops_same_value(result, target_desc.value))
            return error_throw_type(ts, "'get' on proxy: property '%K' is a read-only and non-configurable "
                                        "data property on the proxy target but the proxy did not return "
                                        "its actual value", key);
        if (!is_data(&target_desc) && value_is_undefined(target_desc.getter) && !value_is_undefined(result))
            return error_throw_type(ts, "'get' on proxy: property '%K' is a non-configurable accessor "
                                        "property on the proxy target and does not have a getter function, "
                                        "but the trap did not return 'undefined'", key);
    }
    return result;
}

static int proxy_set(ThreadState *ts, Object *o, PropKey key, Value v, Value receiver, bool throw_on_failure) {
    Value target, handler;
    Value trap = trap_of(ts, o, "set", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_set(ts, target, key, v, receiver, throw_on_failure));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return -1;
    Value args[4] = {target, key_value, v, receiver};
    int done = call_boolean_trap(ts, trap, handler, args, 4);
    if (done < 0) return -1;
    if (!done)
        return object_refuse(ts, throw_on_failure, "'set' on proxy: trap returned falsish for property '%K'", key);
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found < 0) return -1;
    if (target_found && !(target_desc.attributes & PROP_CONFIGURABLE)) {
        if (is_data(&target_desc) && !(target_desc.attributes & PROP_WRITABLE) &&
            !ops_same_value(v, target_desc.value))
            return invariant_error(ts, "'set' on proxy: trap returned truish for property '%K' which exists "
                                       "in the proxy target as a non-configurable and non-writable data "
                                       "property with a different value", key);
        if (!is_data(&target_desc) && value_is_undefined(target_desc.setter))
            return invariant_error(ts, "'set' on proxy: trap returned truish for property '%K' which exists "
                                       "in the proxy target as a non-configurable and non-writable accessor "
                                       "property without a setter", key);
    }
    return 1;
}

static int proxy_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    Value target, handler;
    Value trap = trap_of(ts, o, "deleteProperty", &target, &handler);
    if (value_is_exception(trap)) return -1;
    if (value_is_undefined(trap)) return FORWARD(object_delete(ts, target, key, throw_on_failure));
    Value key_value = property_key_to_value(ts, key);
    if (value_is_exception(key_value)) return -1;
    Value args[2] = {target, key_value};
    int done = call_boolean_trap(ts, trap, handler, args, 2);
    if (done < 0) return -1;
    if (!done)
        return object_refuse(ts, throw_on_failure,
                             "'deleteProperty' on proxy: trap returned falsish for property '%K'", key);
    PropertyDescriptor target_desc;
    int target_found = object_get_own_property(ts, target, key, &target_desc);
    if (target_found <= 0) return target_found < 0 ? -1 : 1;
    if (!(target_desc.attributes & PROP_CONFIGURABLE))
        return invariant_error(ts, "'deleteProperty' on proxy: trap returned truish for property '%K' which "
                                   "is non-configurable in the proxy target", key);
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return -1;
    if (!extensible)
        return invariant_error(ts, "'deleteProperty' on proxy: trap returned truish for property '%K' but "
                                   "the proxy target is non-extensible", key);
    return 1;
}

// The index of `key` among keys->items[0..count), or -1. Linear: trap results are short, and
// the duplicate check below is the spec's own quadratic list walk.
static int64_t find_key(const Values *keys, PropKey key) {
    for (uint32_t i = 0; i < keys->count; i++)
        if (keys->items[i] == key) return i;
    return -1;
}

// The target's [[OwnPropertyKeys]] as PropKeys (object_own_keys hands out JS values).
static Values *target_own_keys(ThreadState *ts, Value target) {
    Value array = object_own_keys(ts, target, OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (value_is_exception(array)) return NULL;
    uint32_t n = array_length(array);
    Values *keys = values_new(ts, n ? n : 1);
    if (!keys) return NULL;
    for (uint32_t i = 0; i < n; i++) {
        Value k = object_get(ts, array, property_key_from_index(i));
        if (value_is_exception(k)) return NULL;
        k = property_key_from_value(ts, k);
        if (value_is_exception(k)) return NULL;
        keys->items[keys->count++] = k;
    }
    return keys;
}

// [[OwnPropertyKeys]] (§9.5.11) with every invariant check: all of the target's keys.
static Values *proxy_all_own_keys(ThreadState *ts, Object *o) {
    Value target, handler;
    Value trap = trap_of(ts, o, "ownKeys", &target, &handler);
    if (value_is_exception(trap)) return NULL;
    if (value_is_undefined(trap)) return FORWARD(target_own_keys(ts, target));
    Value array = interp_call(ts, trap, handler, &target, 1);
    if (value_is_exception(array)) return NULL;
    if (!value_is_object(array)) {
        error_throw_type(ts, "CreateListFromArrayLike called on non-object");
        return NULL;
    }
    Value list_value = ops_create_list_from_array_like(ts, array);
    if (value_is_exception(list_value)) return NULL;
    Values *list = value_to_cell(list_value);
    Values *result = values_new(ts, list->count ? list->count : 1);
    if (!result) return NULL;
    for (uint32_t i = 0; i < list->count; i++) {
        Value item = list->items[i];
        if (!value_is_string(item) && !value_is_symbol(item)) {
            error_throw_type(ts, "%V is not a valid property name", item);
            return NULL;
        }
        PropKey key = property_key_from_value(ts, item);
        if (value_is_exception(key)) return NULL;
        if (find_key(result, key) >= 0) {
            error_throw_type(ts, "'ownKeys' on proxy: trap returned duplicate entries");
            return NULL;
        }
        result->items[result->count++] = key;
    }
    int extensible = object_is_extensible(ts, target);
    if (extensible < 0) return NULL;
    Values *target_keys = target_own_keys(ts, target);
    if (!target_keys) return NULL;
    // Split the target's keys: non-configurable ones keep their place, configurable ones become
    // JS_HOLE in target_keys and are remembered in `configurable`.
    Values *configurable = values_new(ts, target_keys->count ? target_keys->count : 1);
    if (!configurable) return NULL;
    bool any_nonconfigurable = false;
    for (uint32_t i = 0; i < target_keys->count; i++) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, target, target_keys->items[i], &desc);
        if (found < 0) return NULL;
        if (found && !(desc.attributes & PROP_CONFIGURABLE)) {
            any_nonconfigurable = true;
        } else {
            configurable->items[configurable->count++] = target_keys->items[i];
            target_keys->items[i] = JS_HOLE;
        }
    }
    if (extensible && !any_nonconfigurable) return result;
    // uncheckedResultKeys: a copy of the result in which every key accounted for becomes a hole.
    Values *unchecked = values_new(ts, result->count ? result->count : 1);
    if (!unchecked) return NULL;
    for (uint32_t i = 0; i < result->count; i++) unchecked->items[unchecked->count++] = result->items[i];
    for (uint32_t i = 0; i < target_keys->count; i++) {
        PropKey key = target_keys->items[i];
        if (key == JS_HOLE) continue;
        int64_t at = find_key(unchecked, key);
        if (at < 0) {
            error_throw_type(ts, "'ownKeys' on proxy: trap result did not include '%K'", key);
            return NULL;
        }
        unchecked->items[at] = JS_HOLE;
    }
    if (extensible) return result;
    for (uint32_t i = 0; i < configurable->count; i++) {
        int64_t at = find_key(unchecked, configurable->items[i]);
        if (at < 0) {
            error_throw_type(ts, "'ownKeys' on proxy: trap result did not include '%K'", configurable->items[i]);
            return NULL;
        }
        unchecked->items[at] = JS_HOLE;
    }
    for (uint32_t i = 0; i < unchecked->count; i++) {
        if (unchecked->items[i] != JS_HOLE) {
            error_throw_type(ts, "'ownKeys' on proxy: trap returned extra keys but proxy target is "
                                 "non-extensible");
            return NULL;
        }
    }
    return result;
}

// The row's own_keys: all keys, then the kinds `flags` asks for. ENUMERABLE_ONLY asks the proxy's
// own [[GetOwnProperty]] for each key, as EnumerableOwnPropertyNames does.
static Values *proxy_own_keys(ThreadState *ts, Object *o, int flags) {
    Values *all = proxy_all_own_keys(ts, o);
    if (!all) return NULL;
    uint32_t kept = 0;
    for (uint32_t i = 0; i < all->count; i++) {
        PropKey key = all->items[i];
        if (!(flags & (value_is_symbol(key) ? OWN_KEYS_SYMBOLS : OWN_KEYS_STRINGS))) continue;
        if (flags & OWN_KEYS_ENUMERABLE_ONLY) {
            PropertyDescriptor desc;
            int found = proxy_get_own_property(ts, o, key, &desc);
            if (found < 0) return NULL;
            if (!found || !(desc.attributes & PROP_ENUMERABLE)) continue;
        }
        all->items[kept++] = key;
    }
    all->count = kept;
    return all;
}

const ObjectMethods proxy_methods = {
    .traits = 0,   // nothing in the proxy's own storage is a property [OM-P1]
    .get_prototype_of = proxy_get_prototype_of,
    .set_prototype_of = proxy_set_prototype_of,
    .is_extensible = proxy_is_extensible,
    .prevent_extensions = proxy_prevent_extensions,
    .get_own_property = proxy_get_own_property,
    .define_own_property = proxy_define_own_property,
    .has_property = proxy_has_property,
    .get = proxy_get,
    .set = proxy_set,
    .delete_property = proxy_delete,
    .own_keys = proxy_own_keys,
    .set_integrity = NULL,   // the spec's per-key SetIntegrityLevel, through the traps
};

// ---- [[Call]] and [[Construct]] (§9.5.12-13) ----

Value proxy_call(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc) {
    Value target, handler;
    Value trap = trap_of(ts, value_to_object(fn), "apply", &target, &handler);
    if (value_is_exception(trap)) return JS_EXCEPTION;
    if (value_is_undefined(trap)) return FORWARD(interp_call(ts, target, this_value, args, argc));
    Value array = array_from_values(ts, args, (uint32_t)argc);
    if (value_is_exception(array)) return JS_EXCEPTION;
    Value trap_args[3] = {target, this_value, array};
    return interp_call(ts, trap, handler, trap_args, 3);
}

Value proxy_construct(ThreadState *ts, Value fn, const Value *args, int argc, Value new_target) {
    Value target, handler;
    Value trap = trap_of(ts, value_to_object(fn), "construct", &target, &handler);
    if (value_is_exception(trap)) return JS_EXCEPTION;
    if (value_is_undefined(trap)) return FORWARD(interp_construct(ts, target, args, argc, new_target));
    Value array = array_from_values(ts, args, (uint32_t)argc);
    if (value_is_exception(array)) return JS_EXCEPTION;
    Value trap_args[3] = {target, array, new_target};
    Value result = interp_call(ts, trap, handler, trap_args, 3);
    if (value_is_exception(result)) return JS_EXCEPTION;
    if (!value_is_object(result))
        return error_throw_type(ts, "proxy [[Construct]] must return an object");
    return result;
}

int proxy_is_array(ThreadState *ts, Value proxy) {
    Value target, handler;
    if (stack_exhausted(ts) || !load_pair(ts, value_to_object(proxy), "IsArray", &target, &handler))
        return -1;
    return FORWARD(ops_is_array(ts, target));
}

// ---- the constructor (§26.2) ----

// ProxyCreate (§9.5.14).
static Value proxy_create(ThreadState *ts, Value target, Value handler) {
    if (!value_is_object(target) || !value_is_object(handler))
        return error_throw_type(ts, "Cannot create proxy with a non-object as target or handler");
    Values *pair = values_new(ts, 2);
    if (!pair) return JS_EXCEPTION;
    pair->items[0] = target;
    pair->items[1] = handler;
    pair->count = 2;
    ProxyObject *proxy = object_alloc(ts, sizeof(ProxyObject), CELL_PROXY, JS_NULL);
    if (!proxy) return JS_EXCEPTION;
    proxy->kind = (uint8_t)((ops_is_callable(target) ? PROXY_CALLABLE : 0) |
                            (ops_is_constructor(target) ? PROXY_CONSTRUCTOR : 0));
    // The pair goes in by the ordinary define: one shared transition for every proxy, under a
    // key no script can reach, so the layout protocol [OM-7] is the usual one [OM-P1].
    NativeFunction *constructor = value_to_cell(realm_intrinsic(ts, INTRINSIC_PROXY));
    PropertyDescriptor desc = {.value = value_from_cell(pair), .getter = JS_UNDEFINED,
                               .setter = JS_UNDEFINED, .attributes = PROP_WRITABLE,
                               .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE |
                                      DESC_HAS_CONFIGURABLE};
    if (ordinary_define_own_property(ts, &proxy->object, constructor->data[0], &desc, false) <= 0)
        return JS_EXCEPTION;
    return value_from_cell(proxy);
}

static Value Proxy(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    (void)magic;
    return proxy_create(ts, builtin_arg(args, argc, 0), builtin_arg(args, argc, 1));
}

// A revoke function: data[0] holds its proxy until the first call [OM-P2].
static Value proxy_revoke(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    (void)args;
    (void)argc;
    (void)magic;
    NativeFunction *revoke = value_to_cell(ts->callee);
    Value proxy = __atomic_exchange_n(&revoke->data[0], JS_NULL, __ATOMIC_ACQ_REL);
    if (value_cell_type(proxy) == CELL_PROXY)
        object_store_slot(ts, value_to_object(proxy), PAIR_SLOT, JS_NULL);
    return JS_UNDEFINED;
}

static Value Proxy_revocable(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    (void)magic;
    Value proxy = proxy_create(ts, builtin_arg(args, argc, 0), builtin_arg(args, argc, 1));
    if (value_is_exception(proxy)) return JS_EXCEPTION;
    Value revoke = function_new_native(ts, proxy_revoke, "", 0, 0, 0);
    if (value_is_exception(revoke)) return JS_EXCEPTION;
    ((NativeFunction *)value_to_cell(revoke))->data[0] = proxy;
    Value result = object_new_plain(ts);
    if (value_is_exception(result) ||
        object_define_value(ts, result, atom_from_cstr(ts, "proxy"), proxy, PROP_DEFAULT) < 0 ||
        object_define_value(ts, result, atom_from_cstr(ts, "revoke"), revoke, PROP_DEFAULT) < 0)
        return JS_EXCEPTION;
    return result;
}

static const BuiltinEntry proxy_constructor_table[] = {
    BUILTIN_FN("revocable", Proxy_revocable, 2),
};

bool builtins_install_proxy(ThreadState *ts) {
    // No `prototype` property: Proxy is a constructor whose instances take their target's.
    Value constructor = function_new_native(ts, Proxy, "Proxy", 2, 0, NATIVE_CONSTRUCTOR | NATIVE_NEW_ONLY);
    if (value_is_exception(constructor)) return false;
    Value pair_key = symbol_new(ts, JS_UNDEFINED);
    if (value_is_exception(pair_key)) return false;
    ((NativeFunction *)value_to_cell(constructor))->data[0] = pair_key;
    ts->rt->realm.intrinsics[INTRINSIC_PROXY] = constructor;
    return builtins_install_table(ts, constructor, proxy_constructor_table,
                                  BUILTIN_COUNT(proxy_constructor_table)) &&
           builtins_define_global(ts, "Proxy", constructor);
}
