/*
 * object.h — the object model: objects, structures (hidden classes), butterflies (named slots +
 * indexed elements), property keys and descriptors, and the essential internal methods
 * ([[Get]], [[Set]], [[DefineOwnProperty]], ...) including the exotic behaviour of arrays, string
 * wrappers and arguments objects. Implemented by structure.c, butterfly.c and object.c.
 * Implements OM-1..OM-9 (specs/objectmodel.md). The interpreter's inline caches rely on OM-3:
 * a structure id names one immutable layout.
 */
#ifndef JST_OBJECT_H
#define JST_OBJECT_H

#include <stdbool.h>
#include <stdint.h>
#include "value.h"
#include "heap.h"
#include "thread.h"

/*
 * Property keys. A PropKey is a Value that is either
 *   - a number: an array index 0 .. 2^32-2 (int32 or, above 2^31-1, a double), or
 *   - an atom (interned String) or a Symbol.
 * Canonical numeric strings such as "7" always become index keys, so "7" and 7 are one key [OM-6].
 */
typedef Value PropKey;
static inline bool property_key_is_index(PropKey k) { return value_is_number(k); }
static inline uint32_t property_key_index(PropKey k) { return (uint32_t)value_to_number(k); }
static inline PropKey property_key_from_index(uint32_t i) { return value_from_number((double)i); }

// ToPropertyKey (may call user code through ToPrimitive); JS_EXCEPTION on throw.
PropKey property_key_from_value(ThreadState *ts, Value v);
// The key as a JS value (index keys as strings), for Object.keys, for-in and messages.
Value property_key_to_value(ThreadState *ts, PropKey k);

// Property attributes, stored per key in the structure.
enum {
    PROP_WRITABLE = 1,
    PROP_ENUMERABLE = 2,
    PROP_CONFIGURABLE = 4,
    PROP_ACCESSOR = 8,        // the slot holds an Accessor cell
    PROP_DEFAULT = PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE,
    PROP_HIDDEN = PROP_WRITABLE | PROP_CONFIGURABLE,   // builtin methods: not enumerable
};

typedef struct Accessor {
    Cell header;              // CELL_ACCESSOR
    Value getter;             // function or JS_UNDEFINED
    Value setter;
} Accessor;

// A property descriptor as used by defineProperty/getOwnPropertyDescriptor; `has` says which
// fields are present (ES2020 6.2.5).
enum {
    DESC_HAS_VALUE = 1, DESC_HAS_GET = 2, DESC_HAS_SET = 4,
    DESC_HAS_WRITABLE = 8, DESC_HAS_ENUMERABLE = 16, DESC_HAS_CONFIGURABLE = 32,
};
typedef struct PropertyDescriptor {
    Value value, getter, setter;
    uint8_t attributes;       // PROP_* bits (PROP_ACCESSOR set for accessor descriptors)
    uint8_t has;              // DESC_HAS_* bits
} PropertyDescriptor;

/*
 * Storage of an object's named slots and indexed elements (butterfly.c). The object's butterfly
 * word tags the pointer with the owner TID and the shared-write bit [OM-1]; use the accessors.
 */
typedef struct Butterfly {
    Cell header;                  // CELL_BUTTERFLY
    uint32_t named_capacity;
    uint32_t elements_capacity;
    uint32_t elements_length;     // elements [0, elements_length) are initialised (values or holes)
    uint32_t reserved;
    Value slots[];                // named slots, then elements at slots[named_capacity + i]
} Butterfly;

#define BUTTERFLY_POINTER_MASK 0x0000FFFFFFFFFFFFull
#define BUTTERFLY_TID_SHIFT 48
#define BUTTERFLY_TID_MASK 0x7FFFull
#define BUTTERFLY_SHARED_WRITE (1ull << 63)

typedef struct Object {
    Cell header;                  // header.structure_id names the layout [OM-3]
    uintptr_t butterfly;          // owner: plain load/store; growth by CAS expecting SW clear [OM-2]
} Object;

static inline Object *value_to_object(Value v) { return (Object *)value_to_cell(v); }
static inline bool value_is_object(Value v) {
    return value_is_cell(v) && cell_is_object((Cell *)value_to_cell(v));
}
static inline CellType value_cell_type(Value v) {
    return value_is_cell(v) ? (CellType)((Cell *)value_to_cell(v))->type : CELL_FREE;
}
static inline Butterfly *object_butterfly(const Object *o) {
    return (Butterfly *)(o->butterfly & BUTTERFLY_POINTER_MASK);
}
static inline Value *butterfly_elements(Butterfly *b) { return b->slots + b->named_capacity; }

typedef struct Array {
    Object object;                // CELL_ARRAY
    uint32_t length;              // the JS length; elements beyond elements_length are holes
    bool length_writable;
} Array;

typedef Value (*NativeFn)(ThreadState *ts, Value self, const Value *args, int argc, int magic);

typedef struct Function {
    Object object;                // CELL_FUNCTION
    Value code;                   // CELL_CODE
    Value env;                    // CELL_ENV or JS_UNDEFINED
    Value home_object;            // methods: the object `super` looks up from; else JS_UNDEFINED
    Value fields;                 // class constructors: field initialiser function, else JS_UNDEFINED
} Function;

enum {
    NATIVE_CONSTRUCTOR = 1,       // may be called with new
    NATIVE_NEW_ONLY = 2,          // calling without new is a TypeError (Map, Promise, ...)
};
typedef struct NativeFunction {
    Object object;                // CELL_NATIVE_FUNCTION
    NativeFn fn;
    int16_t magic;
    uint16_t flags;               // NATIVE_*
    Value data[2];                // per-closure data (promise resolvers, ...), read via ts->callee
} NativeFunction;

typedef struct BoundFunction {
    Object object;                // CELL_BOUND_FUNCTION
    Value target;
    Value bound_this;
    Value bound_args;             // CELL_VALUES or JS_UNDEFINED
    uint32_t bound_argc;
} BoundFunction;

typedef struct PrimitiveObject {
    Object object;                // CELL_BOOLEAN_OBJECT, CELL_NUMBER_OBJECT, CELL_STRING_OBJECT, CELL_SYMBOL_OBJECT
    Value primitive;
} PrimitiveObject;

typedef struct Arguments {
    Object object;                // CELL_ARGUMENTS
    Value env;                    // mapped (sloppy, simple parameters): the env holding the params
    Value mapping;                // CELL_VALUES: env slot index (int) per mapped index, JS_HOLE once unmapped
} Arguments;

// A vector of Values (CELL_VALUES), traced in full.
typedef struct Values {
    Cell header;
    uint32_t capacity;
    uint32_t count;
    Value items[];
} Values;
Values *values_new(ThreadState *ts, uint32_t capacity);
// Returns the (possibly reallocated) vector holding one more item, or NULL on OOM.
Values *values_push(ThreadState *ts, Values *v, Value item);

// ---- structures (structure.c) ----
typedef struct Structure Structure;
Structure *structure_get(Runtime *rt, uint32_t id);
static inline Structure *object_structure(ThreadState *ts, const Object *o) {
    return structure_get(ts->rt, o->header.structure_id);
}
Value structure_prototype(const Structure *s);
// Slot of an own named property, or -1; *attributes receives its PROP_* bits.
int32_t structure_lookup(const Structure *s, PropKey key, uint8_t *attributes);
uint32_t structure_property_count(const Structure *s);
// The structure reached by adding `key` with `attributes` (cached transition) [OM-3].
Structure *structure_add_transition(ThreadState *ts, Structure *s, PropKey key, uint8_t attributes);
uint32_t structure_id(const Structure *s);
// A dictionary structure belongs to one object and changes in place (with a fresh id each time):
// never cache a transition whose target is one [OM-3].
bool structure_is_dictionary(const Structure *s);
// The empty structure whose objects have the given prototype (cached per prototype).
Structure *structure_initial(ThreadState *ts, Value prototype);
bool structure_table_init(Runtime *rt);
void structure_table_destroy(Runtime *rt);
void structure_table_sweep(Runtime *rt);   // drops ids of dead structures after marking
// Makes the ids freed by earlier sweeps reusable. Call only once every inline cache entry naming
// an id with structure_get(rt, id) == NULL has been cleared; until then ids are never reused [OM-3].
void structure_table_recycle_ids(Runtime *rt);

// ---- creation (object.c) ----
// Allocates an object cell of `size` bytes (>= sizeof(Object)) of the given type and prototype,
// with no properties. Kind-specific fields after the Object header are zeroed: callers set them.
void *object_alloc(ThreadState *ts, size_t size, CellType type, Value prototype);
Value object_new(ThreadState *ts, Value prototype);         // ordinary object (JS_NULL proto ok)
Value object_new_plain(ThreadState *ts);                    // with %Object.prototype%
Value array_new(ThreadState *ts, uint32_t capacity);        // empty, length 0
Value array_from_values(ThreadState *ts, const Value *values, uint32_t count);
int array_push(ThreadState *ts, Value array, Value v);      // 0 ok, -1 exception
static inline uint32_t array_length(Value array) { return ((Array *)value_to_cell(array))->length; }
Value accessor_new(ThreadState *ts, Value getter, Value setter);
// A Boolean/Number/String/Symbol wrapper (type CELL_*_OBJECT) around `primitive`.
Value primitive_object_new(ThreadState *ts, CellType type, Value primitive, Value prototype);

// ---- the essential internal methods (object.c) ----
// All take an object Value (not a primitive) and return JS_EXCEPTION / -1 when they threw.
Value object_get(ThreadState *ts, Value obj, PropKey key);
Value object_get_with_receiver(ThreadState *ts, Value obj, PropKey key, Value receiver);
// [[Set]]: 1 done, 0 refused (non-writable, setter missing, not extensible), -1 threw.
// With throw_on_failure a refusal throws a TypeError naming the property (strict mode).
int object_set(ThreadState *ts, Value obj, PropKey key, Value v, Value receiver, bool throw_on_failure);
int object_define_own_property(ThreadState *ts, Value obj, PropKey key,
                               const PropertyDescriptor *desc, bool throw_on_failure);
// CreateDataProperty with given attributes, used by literals, builtin installers and natives.
int object_define_value(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes);
int object_define_accessor(ThreadState *ts, Value obj, PropKey key, Value getter, Value setter,
                           uint8_t attributes);
// 1 found (*out filled), 0 absent, -1 threw.
int object_get_own_property(ThreadState *ts, Value obj, PropKey key, PropertyDescriptor *out);
int object_has_property(ThreadState *ts, Value obj, PropKey key);
int object_has_own_property(ThreadState *ts, Value obj, PropKey key);
int object_delete(ThreadState *ts, Value obj, PropKey key, bool throw_on_failure);
enum { OWN_KEYS_STRINGS = 1, OWN_KEYS_SYMBOLS = 2, OWN_KEYS_ENUMERABLE_ONLY = 4 };
// [[OwnPropertyKeys]] in spec order (indexes ascending, strings then symbols in insertion order),
// as a new Array of key values; JS_EXCEPTION on throw.
Value object_own_keys(ThreadState *ts, Value obj, int flags);
Value object_get_prototype_of(ThreadState *ts, Value obj);
int object_set_prototype_of(ThreadState *ts, Value obj, Value proto, bool throw_on_failure);
int object_prevent_extensions(ThreadState *ts, Value obj, bool throw_on_failure);
int object_is_extensible(ThreadState *ts, Value obj);
// SetIntegrityLevel / TestIntegrityLevel: frozen = true for "frozen", false for "sealed".
int object_set_integrity(ThreadState *ts, Value obj, bool frozen);
int object_test_integrity(ThreadState *ts, Value obj, bool frozen);

// Fast paths for inline caches (interp.c). Valid only with a cacheable structure id [OM-3].
static inline Value *object_named_slots(Object *o) { return object_butterfly(o)->slots; }
// Whether o's named own properties are exactly its structure's (no exotic get/set/virtual
// named keys), so a slot found by structure_lookup may be cached for o's id.
bool object_ic_cacheable(const Object *o);
// Adds a property through a transition the caller already resolved: grows the butterfly when
// `slot` is beyond its named capacity. 0 ok, -1 exception. If `next` is a dictionary structure
// (which another object owns), the add is redone on o's own structure instead.
int object_add_with_transition(ThreadState *ts, Object *o, Structure *next, uint32_t slot, Value v);
// Element store fast path for dense storage; returns false when the slow path must run.
bool object_set_element_fast(ThreadState *ts, Object *o, uint32_t index, Value v);

// GC hooks used by celltypes.c.
void object_trace(Marker *m, Cell *cell);
void structure_trace(Marker *m, Cell *cell);

#endif
