/*
 * object.h — the object model: objects, structures (hidden classes), butterflies (named slots +
 * indexed elements), property keys and descriptors, and the essential internal methods
 * ([[Get]], [[Set]], [[DefineOwnProperty]], ...) including the exotic behaviour of arrays, string
 * wrappers and arguments objects. Implemented by structure.c, butterfly.c and object.c.
 * Implements OM-1..OM-12 (specs/objectmodel.md). The interpreter's inline caches rely on OM-3:
 * a structure id names one immutable layout.
 */
#ifndef JST_OBJECT_H
#define JST_OBJECT_H

#include <stdbool.h>
#include <stdint.h>
#include "value.h"
#include "heap.h"
#include "thread.h"
#include "atomics.h"

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
 * Storage is flat (one Butterfly) or, once a foreign thread has written and it had to grow,
 * segmented: the word points to a Spine whose segment 0 is the old flat Butterfly, kept in place,
 * and whose further segments never move [OM-5]. Every slot and element is initialised (undefined
 * or JS_HOLE) from allocation on, so a racing reader never meets uninitialised memory.
 */
typedef struct Butterfly {
    Cell header;                  // CELL_BUTTERFLY
    uint32_t named_capacity;
    uint32_t elements_capacity;
    uint32_t elements_length;     // elements [0, elements_length) may be set; raised by an atomic
                                  // max by any writer [OM-4], lowered only under the cell lock
    uint32_t reserved;
    Value slots[];                // named slots, then elements at slots[named_capacity + i]
} Butterfly;

// Segment k of a spine's named slots or elements holds SPINE_SEGMENT_BASE << k values, so an
// index past segment 0 maps to (segment, offset) with one count-leading-zeros [OM-5].
#define SPINE_SEGMENT_SHIFT 3
#define SPINE_SEGMENT_BASE (1u << SPINE_SEGMENT_SHIFT)
#define SPINE_SEGMENTS 30
typedef struct Spine {
    Cell header;                  // CELL_BUTTERFLY with header.flags == BUTTERFLY_FLAG_SPINE
    uint32_t named_capacity;      // all named slots: base's, then the named segments'. Written
    uint32_t elements_capacity;   // (release) under the cell lock after the segment it counts
    uint32_t elements_length;     // elements past base's capacity: atomic max, like base's
    uint32_t unused;
    Butterfly *base;              // segment 0: the flat block the spine was made from, in place
    struct Values *named[SPINE_SEGMENTS];     // published with store_release under the cell
    struct Values *elements[SPINE_SEGMENTS];  // lock; a segment never moves or changes size
} Spine;
enum { BUTTERFLY_FLAG_SPINE = 1 };    // Cell.flags of a CELL_BUTTERFLY that is a Spine

#define BUTTERFLY_POINTER_MASK 0x0000FFFFFFFFFFF8ull
#define BUTTERFLY_SEGMENTED 1ull      // the pointer names a Spine, not a flat Butterfly [OM-5]
#define BUTTERFLY_TID_SHIFT 48
#define BUTTERFLY_TID_MASK 0x7FFFull
#define BUTTERFLY_SHARED_WRITE (1ull << 63)

typedef struct Object {
    Cell header;                  // header.structure_id names the layout [OM-3]; CAS-claimed
                                  // (STRUCTURE_ID_BUSY) before a layout change [OM-7]
    uintptr_t butterfly;          // owner: replaced by a CAS expecting SW clear [OM-2]; others:
                                  // set SW by CAS before their first store [OM-4]
} Object;

// A structure id with this bit is mid-change: an adder or the cell-lock holder has claimed the
// object [OM-7]. It still names the old layout (structure_get ignores the bit), and it never
// equals an id an inline cache recorded, provided caches never record one with the bit set.
#define STRUCTURE_ID_BUSY 0x80000000u

static inline Object *value_to_object(Value v) { return (Object *)value_to_cell(v); }
static inline bool value_is_object(Value v) {
    return value_is_cell(v) && cell_is_object((Cell *)value_to_cell(v));
}
static inline CellType value_cell_type(Value v) {
    return value_is_cell(v) ? (CellType)((Cell *)value_to_cell(v))->type : CELL_FREE;
}
// The flat block: the whole storage, or segment 0 of segmented storage. Enough for any slot below
// its named_capacity and any element below its elements_length; beyond that, use the
// segment-aware accessors below.
static inline Butterfly *object_butterfly(const Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    void *p = (void *)(word & BUTTERFLY_POINTER_MASK);
    if (__builtin_expect(!(word & BUTTERFLY_SEGMENTED), 1)) return (Butterfly *)p;
    return ((Spine *)p)->base;
}
static inline Value *butterfly_elements(Butterfly *b) { return b->slots + b->named_capacity; }

typedef struct Array {
    Object object;                // CELL_ARRAY
    uint32_t length;              // the JS length; elements beyond elements_length are holes.
                                  // Raised by an atomic max (array_raise_length), else relaxed
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
Structure *object_structure_slow(const Object *o);   // object.c
// o's structure. Never NULL: a dictionary id retired by an in-place edit is reloaded [OM-11].
static inline Structure *object_structure(ThreadState *ts, const Object *o) {
    Structure *s = structure_get(ts->rt, load_acquire(&o->header.structure_id));
    return __builtin_expect(s != NULL, 1) ? s : object_structure_slow(o);
}
Value structure_prototype(const Structure *s);
// Slot of an own named property, or -1; *attributes receives its PROP_* bits.
int32_t structure_lookup(const Structure *s, PropKey key, uint8_t *attributes);
uint32_t structure_property_count(const Structure *s);
// Stores the new property's value into its slot; see structure_add_transition.
typedef struct SlotFill {
    void (*store)(const struct SlotFill *fill, uint32_t slot);
    ThreadState *ts;
    Object *object;
    Value value;
} SlotFill;
// The structure reached by adding `key` with `attributes` (cached transition) [OM-3]. When the
// result is a dictionary (changed in place, or made at the threshold) and `fill` is not NULL,
// `fill` has stored the value before the key became visible to unclaimed readers of the table
// [OM-19]; otherwise the caller stores it under its claim. NULL is for a shared s only (its
// result, even a new dictionary, is private until the caller publishes it).
Structure *structure_add_transition(ThreadState *ts, Structure *s, PropKey key, uint8_t attributes,
                                    const SlotFill *fill);
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
// The same with storage for `named` properties already in place (object literals).
Value object_new_plain_sized(ThreadState *ts, uint32_t named);
Value array_new(ThreadState *ts, uint32_t capacity);        // empty, length 0
Value array_from_values(ThreadState *ts, const Value *values, uint32_t count);
int array_push(ThreadState *ts, Value array, Value v);      // 0 ok, -1 exception
// The same for an array no JS code can reach yet (ARRAY_PUSH: literals and other fresh arrays).
int array_append_fresh(ThreadState *ts, Value array, Value v);
// Relaxed: threads storing past the end raise it concurrently (an atomic max).
static inline uint32_t array_length(Value array) {
    return load_relaxed(&((Array *)value_to_cell(array))->length);
}
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
// Atomics.store's create-if-absent: adds key as a writable, enumerable, configurable data
// property holding v only if o is ordinary, extensible, and has no own key of that
// name at the moment of the add [OM-16]. 1 added, 0 not added (present, not extensible, or an
// exotic object: the caller looks again), -1 exception.
int object_add_data_if_absent(ThreadState *ts, Value obj, PropKey key, Value v);
// The same with the given data-property attributes (a script's global let/const/class binding:
// of racing declarations of one name exactly one adds it).
int object_add_if_absent(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes);
int object_define_own_property(ThreadState *ts, Value obj, PropKey key,
                               const PropertyDescriptor *desc, bool throw_on_failure);
// CreateDataProperty with given attributes, used by literals, builtin installers and natives.
int object_define_value(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes);
// CreateDataPropertyOrThrow: a TypeError ("Cannot redefine property: k", "... not extensible")
// where object_define_value would return 0 (class fields, object-literal fields).
int object_create_data_property_or_throw(ThreadState *ts, Value obj, PropKey key, Value v);
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

/*
 * ---- Storage access for everyone outside the object model (interp.c, builtins) ----
 * Storage is flat or segmented [OM-5] and may be written by several threads [OM-4]. Use:
 *   id of o, before using a cached slot:   id = object_structure_id(o);   (acquire [OM-3])
 *   read named slot `slot` of that id:      v = object_load_slot(o, slot);
 *   write it:                               object_store_slot(ts, o, slot, v);
 *       (sets SW first when ts is not the owner [OM-4]: a raw store could be lost to growth)
 *   read element i:                         v = object_load_element(o, i);   (JS_HOLE if absent)
 *   write element i:                        object_set_element_fast(ts, o, i, v), else slow path
 *   Inline-cache fills: never record an id with STRUCTURE_ID_BUSY set, and never cache a
 *   structure for which structure_is_restricted(s) (its accesses must be checked per thread).
 * object_named_slots()/butterfly_elements() remain valid only for the flat block: a slot below
 * object_butterfly(o)->named_capacity, an element below its elements_length. Flat is the fast
 * path of every accessor here: one test of the SEGMENTED tag.
 */
static inline uint32_t object_structure_id(const Object *o) {
    return load_acquire(&o->header.structure_id);
}
Value *object_segmented_slot(const Object *o, uint32_t slot);          // butterfly.c
Value *object_segmented_element(const Object *o, uint32_t index);     // butterfly.c; NULL if none
void object_store_slot_shared(ThreadState *ts, Object *o, uint32_t slot, Value v);  // object.c

// The address of named slot `slot` (valid for the structure id loaded before, [OM-3]).
static inline Value *object_slot_address(const Object *o, uint32_t slot) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (__builtin_expect(!(word & BUTTERFLY_SEGMENTED), 1))
        return &((Butterfly *)(word & BUTTERFLY_POINTER_MASK))->slots[slot];
    return object_segmented_slot(o, slot);
}
static inline Value object_load_slot(const Object *o, uint32_t slot) {
    return load_acquire(object_slot_address(o, slot));
}
// The owner's store with SW clear is one tag test and a release store; the rest (a foreign
// thread setting SW [OM-4], segmented storage) is out of line.
static inline void object_store_slot(ThreadState *ts, Object *o, uint32_t slot, Value v) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (__builtin_expect(!(word & (BUTTERFLY_SEGMENTED | BUTTERFLY_SHARED_WRITE)) &&
                             ((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid, 1)) {
        store_release(&((Butterfly *)(word & BUTTERFLY_POINTER_MASK))->slots[slot], v);
        return;
    }
    object_store_slot_shared(ts, o, slot, v);
}
// The dense element at index, or JS_HOLE when absent (either layout).
static inline Value object_load_element(const Object *o, uint32_t index) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (__builtin_expect(!(word & BUTTERFLY_SEGMENTED), 1)) {
        Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        if (!b || index >= load_acquire(&b->elements_length)) return JS_HOLE;
        return load_acquire(&butterfly_elements(b)[index]);
    }
    Value *p = object_segmented_element(o, index);
    return p ? load_acquire(p) : JS_HOLE;
}

// Fast paths for inline caches (interp.c). Flat block only: prefer object_load_slot above.
static inline Value *object_named_slots(Object *o) { return object_butterfly(o)->slots; }
// Whether o's named own properties are exactly its structure's (no exotic get/set/virtual
// named keys), so a slot found by structure_lookup may be cached for o's id.
bool object_ic_cacheable(const Object *o);
// Adds a property through a transition the caller already resolved from o's structure id `id`
// (the one it checked): grows the butterfly when `slot` is beyond its named capacity. 0 ok, -1
// exception. If `next` is a dictionary structure (which another object owns), or o's id is no
// longer `id`, the add is redone on o's own structure instead.
int object_add_with_transition(ThreadState *ts, Object *o, uint32_t id, Structure *next, uint32_t slot,
                               Value v);
// Element store fast path for dense storage; returns false when the slow path must run.
bool object_set_element_fast(ThreadState *ts, Object *o, uint32_t index, Value v);
// Whether a Set of any index on o runs no user code (plain elements, no index on the chain).
bool object_indexed_sets_are_plain(const Object *o);

/*
 * Atomics on object properties: a stable address of o's own data property `key` for an atomic
 * load/store/CAS. After this call no owner growth can drop a write made through it [OM-4]: a
 * foreign caller has set SW, and segmented storage never moves [OM-5]. Returns NULL if o is not
 * an object or has no own data property key stored in ordinary storage (then *attrs is
 * untouched); otherwise *attrs receives its PROP_* bits. Never throws, never allocates.
 */
Value *object_atomic_slot(ThreadState *ts, Value o, Value key, uint8_t *attrs);
// Around an Atomics step on a slot of o: cell lock plus layout claim [SYNC-14, OM-7].
uint32_t object_lock_and_claim(ThreadState *ts, Object *o);
void object_unclaim_and_unlock(Object *o, uint32_t id);
// Whether o is exotic: it may have own properties outside ordinary storage (an array's length,
// a string wrapper's indexes), which object_atomic_slot does not see.
bool object_has_virtual_properties(Value o);

/*
 * Thread.restrict(o): pins o to the calling thread. Returns false with a pending TypeError
 * "cannot restrict this object" (not an object, the global object, a builtin prototype or
 * constructor the notes list) or ConcurrentAccessError "Thread.restrict called from a non-owning
 * thread". Idempotent for the owner. Afterwards every other thread's get/set/has/delete/
 * defineProperty/ownKeys/setPrototypeOf/isExtensible/preventExtensions on o (also through o on
 * a prototype chain) and indexed set/delete/define throw ConcurrentAccessError; indexed get,
 * getPrototypeOf and calls are not checked.
 */
bool object_restrict(ThreadState *ts, Value o);
// Whether s belongs to a restricted object: inline caches must not cache it.
bool structure_is_restricted(const Structure *s);
// Throws ConcurrentAccessError with `message`; returns JS_EXCEPTION.
Value error_throw_concurrent_access(ThreadState *ts, const char *message);

// GC hooks used by celltypes.c.
void object_trace(Marker *m, Cell *cell);
void structure_trace(Marker *m, Cell *cell);

#endif
