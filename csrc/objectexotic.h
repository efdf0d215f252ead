/*
 * objectexotic.h — private to object.c and objectexotic.c: the per-CellType table of exotic
 * internal methods and the ordinary methods that exotic objects fall back on. Proxy, typed
 * arrays and module namespaces will each add one ObjectMethods value and one line to the table in
 * object.c; the generic paths never test cell types themselves.
 */
#ifndef JST_OBJECTEXOTIC_H
#define JST_OBJECTEXOTIC_H

#include "object.h"
#include "structure.h"

// ObjectMethods.traits: facts the generic fast paths rely on.
enum {
    // Every property found in ordinary storage is an own property with exactly the stored value
    // and attributes; the exotic part only adds virtual keys (Array and String `length`, ...).
    EXOTIC_PLAIN_STORAGE = 1,
    // No virtual index keys: an index is own exactly when ordinary storage has it.
    EXOTIC_NO_VIRTUAL_INDEXES = 2,
};

/*
 * The internal methods an exotic object overrides. NULL means "the ordinary algorithm". The
 * signatures mirror the object_* entry points; `o` is never a primitive.
 */
typedef struct ObjectMethods {
    uint32_t traits;  // EXOTIC_*
    Value (*get_prototype_of)(ThreadState *ts, Object *o);
    int (*set_prototype_of)(ThreadState *ts, Object *o, Value prototype, bool throw_on_failure);
    int (*is_extensible)(ThreadState *ts, Object *o);
    int (*prevent_extensions)(ThreadState *ts, Object *o, bool throw_on_failure);
    int (*get_own_property)(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out);
    int (*define_own_property)(ThreadState *ts, Object *o, PropKey key,
                               const PropertyDescriptor *desc, bool throw_on_failure);
    int (*has_property)(ThreadState *ts, Object *o, PropKey key);
    Value (*get)(ThreadState *ts, Object *o, PropKey key, Value receiver);
    int (*set)(ThreadState *ts, Object *o, PropKey key, Value v, Value receiver,
               bool throw_on_failure);
    int (*delete_property)(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure);
    // [[OwnPropertyKeys]]: a Values of PropKeys in spec order, filtered by OWN_KEYS_* flags.
    Values *(*own_keys)(ThreadState *ts, Object *o, int flags);
    // SetIntegrityLevel; NULL with a define_own_property override means the generic algorithm.
    int (*set_integrity)(ThreadState *ts, Object *o, bool frozen);
} ObjectMethods;

extern const ObjectMethods array_methods;
extern const ObjectMethods string_object_methods;
extern const ObjectMethods arguments_methods;
extern const ObjectMethods typed_array_methods;   // objectexotic.c, integer-indexed [TA-3]
extern const ObjectMethods proxy_methods;         // builtins/proxy.c
extern const ObjectMethods host_object_methods;   // builtins/host.c

// ---- ordinary internal methods (object.c) ----
int ordinary_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out);
int ordinary_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                 const PropertyDescriptor *desc, bool throw_on_failure);
int ordinary_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure);
// Own keys with the virtual keys an exotic object puts first: indexes 0 .. index_count-1 before
// the stored indexes, and `string_key` (JS_HOLE for none, never enumerable) before the stored
// strings — exactly where a String's indexes and an Array's or String's `length` belong.
typedef struct VirtualKeys {
    uint32_t index_count;
    PropKey string_key;
} VirtualKeys;
Values *ordinary_own_keys(ThreadState *ts, Object *o, int flags, const VirtualKeys *virtual_keys);
// The fast SetIntegrityLevel for objects whose properties all live in ordinary storage.
int ordinary_set_integrity(ThreadState *ts, Object *o, bool frozen);

// ValidateAndApplyPropertyDescriptor (ES2020 9.1.6.3) without the storage: `current` is a complete
// descriptor or NULL when absent. On success `result` is the complete descriptor to store.
bool descriptor_validate(const PropertyDescriptor *current, bool extensible,
                         const PropertyDescriptor *desc, PropertyDescriptor *result);
// A refused operation: 0, or -1 after throwing a TypeError from an errors.h format (%K, %V, %s).
int object_refuse(ThreadState *ts, bool throw_on_failure, const char *format, ...);

// Raises an Array's length to at least `length`: an atomic max, since threads storing past the
// end race here and a plain store could lower the length below another thread's element.
static inline void array_raise_length(Array *a, uint32_t length) {
    uint32_t seen = load_relaxed(&a->length);
    while (seen < length && !__atomic_compare_exchange_n(&a->length, &seen, length, false,
                                                         __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
    }
}

// The layout change behind removing a stored property (OM-7), for Array truncation.
int object_remove_property(ThreadState *ts, Object *o, PropKey key);

#endif
