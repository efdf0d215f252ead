/*
 * object.c — property keys, object creation, the ordinary internal methods and their dispatch to
 * exotic methods, prototypes, integrity levels, the inline-cache entry points and object tracing.
 * Must not contain exotic behaviour (objectexotic.c) or build layouts (structure.c). An object's
 * layout changes only in the "layout changes" section, one function per kind of change, by the
 * claim protocol of OM-7 (owner lock-free path, cell lock otherwise). Also the cell locks,
 * foreign stores [OM-4], Thread.restrict and the Atomics slot. Implements OM-4, OM-6, OM-7,
 * OM-10, OM-12 (restrict: one winner among racing claimants), OM-15 (claimed element adds, the
 * length raised after the element), the ordering of OM-8, the owner's lock-free dictionary
 * edits of OM-18 and the slot fill of OM-19 (a dictionary add's value before its key).
 */
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "objectexotic.h"
#include "builtins/typedarray.h"
#include "atomics.h"
#include "celltrace.h"
#include "errors.h"
#include "interp.h"
#include "jsstring.h"
#include "ops.h"
#include "safepoint.h"

// Exotic internal methods per cell type; NULL rows are ordinary objects. An explicit list: a new
// exotic kind (Proxy, typed arrays, module namespaces) adds one line here.
static const ObjectMethods *const exotic_methods[CELL_TYPE_COUNT] = {
    [CELL_ARRAY] = &array_methods,
    [CELL_STRING_OBJECT] = &string_object_methods,
    [CELL_ARGUMENTS] = &arguments_methods,
    [CELL_TYPED_ARRAY] = &typed_array_methods,
    [CELL_PROXY] = &proxy_methods,
    [CELL_HOST_OBJECT] = &host_object_methods,
};

static inline const ObjectMethods *methods_of(const Object *o) {
    return exotic_methods[o->header.type];
}
// The structure of o's current id. An id renewed by an in-place dictionary edit maps to NULL
// from the moment the fresh id is installed until the object carries it (no safepoint between,
// [OM-7]), so a reader that meets NULL reloads the id.
static inline Structure *structure_of(const Object *o) {
    for (int spins = 0;; spins++) {
        Structure *s = structure_for_id(object_structure_id(o));
        if (__builtin_expect(s != NULL, 1)) return s;
        if (spins > 64) sched_yield();
    }
}
static inline Value object_value(const Object *o) { return value_from_cell(o); }

Structure *object_structure_slow(const Object *o) { return structure_of(o); }

// ---- Thread.restrict checks ----
// A restricted object's structure names the one thread that may use it; every other thread's
// checked operation throws before touching the object.
static inline bool restricted_for(ThreadState *ts, const Structure *s) {
    // Acquire pairs with structure_restrict's release of the flag: restricted_tid is current.
    return __builtin_expect((load_acquire(&s->flags) & STRUCTURE_RESTRICTED) != 0, 0) &&
           load_relaxed(&s->restricted_tid) != ts->tid;
}

Value error_throw_concurrent_access(ThreadState *ts, const char *message) {
    return error_throw_kind(ts, ERROR_CONCURRENT_ACCESS, "%s", message);
}

static int refuse_restricted(ThreadState *ts) {
    error_throw_concurrent_access(ts, "object is restricted to another thread");
    return -1;
}

// Throws when o is restricted to another thread; the checked entry points call it first.
static inline bool check_access(ThreadState *ts, const Object *o) {
    if (!restricted_for(ts, structure_of(o))) return true;
    refuse_restricted(ts);
    return false;
}

int object_refuse(ThreadState *ts, bool throw_on_failure, const char *format, ...) {
    if (!throw_on_failure) return 0;
    va_list ap;
    va_start(ap, format);
    Value message = error_vformat(ts, format, ap);
    va_end(ap);
    if (value_is_exception(message)) return -1;
    Value error = error_new(ts, ERROR_TYPE, message);
    if (value_is_exception(error)) return -1;
    error_throw(ts, error);
    return -1;
}

// ---- property keys [OM-6] ----

// The canonical array index a flat string spells ("0", "17"; not "017", "-1" or "4294967295").
static bool string_array_index(const String *s, uint32_t *out) {
    uint32_t length = s->length;
    if (length == 0 || length > 10) return false;
    uint16_t first = string_char_at(s, 0);
    if (first < '0' || first > '9' || (first == '0' && length > 1)) return false;
    uint64_t value = 0;
    for (uint32_t i = 0; i < length; i++) {
        uint16_t c = string_char_at(s, i);
        if (c < '0' || c > '9') return false;
        value = value * 10 + (uint64_t)(c - '0');
    }
    if (value > 4294967294u) return false;
    *out = (uint32_t)value;
    return true;
}

static PropKey string_key(ThreadState *ts, Value s) {
    Cell *cell = value_to_cell(s);
    // Atoms are never canonical indexes [STR-4], so an atom is already a key.
    if (cell->type == CELL_STRING && (cell->flags & STRING_ATOM)) return s;
    String *flat = string_flatten(ts, s);
    if (!flat) return JS_EXCEPTION;
    uint32_t index;
    if (string_array_index(flat, &index)) return property_key_from_index(index);
    return atom_from_string(ts, value_from_cell(flat));
}

PropKey property_key_from_value(ThreadState *ts, Value v) {
    for (;;) {
        if (value_is_int(v)) {
            if (value_to_int(v) >= 0) return v;
        } else if (value_is_double(v)) {
            double d = value_to_double_raw(v);
            // -0 passes too: ToString(-0) is "0".
            if (d >= 0 && d <= 4294967294.0 && d == (double)(uint32_t)d)
                return property_key_from_index((uint32_t)d);
        } else if (value_is_string(v)) {
            return string_key(ts, v);
        } else if (value_is_symbol(v)) {
            return v;
        } else if (value_is_object(v)) {
            v = ops_to_primitive(ts, v, HINT_STRING);
            if (value_is_exception(v)) return JS_EXCEPTION;
            continue;
        }
        // Negative or fractional numbers, booleans, null, undefined: their string is the key.
        v = ops_to_string(ts, v);
        if (value_is_exception(v)) return JS_EXCEPTION;
    }
}

Value property_key_to_value(ThreadState *ts, PropKey k) {
    if (property_key_is_index(k)) return ops_number_to_string(ts, (double)property_key_index(k));
    return k;
}

// ---- small cells ----

Values *values_new(ThreadState *ts, uint32_t capacity) {
    Values *v = heap_alloc(ts, sizeof(Values) + (size_t)capacity * sizeof(Value), CELL_VALUES);
    if (!v) return NULL;
    size_t usable = (heap_cell_size(v) - sizeof(Values)) / sizeof(Value);
    v->capacity = usable > UINT32_MAX ? UINT32_MAX : (uint32_t)usable;
    return v;
}

Values *values_push(ThreadState *ts, Values *v, Value item) {
    if (v->count == v->capacity) {
        if (v->capacity == UINT32_MAX) {
            error_throw_out_of_memory(ts);
            return NULL;
        }
        uint64_t wanted = (uint64_t)v->capacity * 2;
        Values *bigger = values_new(ts, wanted < 8 ? 8 : wanted > UINT32_MAX ? UINT32_MAX : (uint32_t)wanted);
        if (!bigger) return NULL;
        memcpy(bigger->items, v->items, v->count * sizeof(Value));
        bigger->count = v->count;
        v = bigger;
    }
    v->items[v->count++] = item;
    return v;
}

Value accessor_new(ThreadState *ts, Value getter, Value setter) {
    Accessor *a = heap_alloc(ts, sizeof(Accessor), CELL_ACCESSOR);
    if (!a) return JS_EXCEPTION;
    a->getter = getter;
    a->setter = setter;
    return value_from_cell(a);
}

// ---- creation ----

void *object_alloc(ThreadState *ts, size_t size, CellType type, Value prototype) {
    // The structure first, so the object is never visible without one.
    Structure *s = structure_initial(ts, prototype);
    if (!s) return NULL;
    Object *o = heap_alloc(ts, size, type);
    if (!o) return NULL;
    butterfly_init(o, ts->tid);
    o->header.structure_id = s->id;
    return o;
}

Value object_new(ThreadState *ts, Value prototype) {
    Object *o = object_alloc(ts, sizeof(Object), CELL_OBJECT, prototype);
    return o ? object_value(o) : JS_EXCEPTION;
}

Value object_new_plain(ThreadState *ts) {
    return object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
}

Value object_new_plain_sized(ThreadState *ts, uint32_t named) {
    Object *o = object_alloc(ts, sizeof(Object), CELL_OBJECT, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    // o stays alive across the storage's allocation: a C local is a conservative root [HEAP-7].
    if (!o || (named && !butterfly_init_named(ts, o, named))) return JS_EXCEPTION;
    return object_value(o);
}

Value primitive_object_new(ThreadState *ts, CellType type, Value primitive, Value prototype) {
    PrimitiveObject *o = object_alloc(ts, sizeof(PrimitiveObject), type, prototype);
    if (!o) return JS_EXCEPTION;
    o->primitive = primitive;
    return object_value(&o->object);
}

// ---- finding stored properties ----
// A stored own property is in exactly one place [OM-6]: a dense element (attributes: the
// structure's element_attributes) or a named slot of the structure (its own attributes, and the
// only place for accessors, sparse indexes and indexes with attributes of their own).

typedef enum RefKind { REF_ELEMENT, REF_NAMED } RefKind;
// Where a stored own property lives: a dense element or a named slot, with its attributes.
typedef struct PropRef {
    RefKind kind;
    uint32_t where;           // element index or named slot
    uint8_t attributes;
    Value value;              // loaded once: a racing writer may change the storage meanwhile
} PropRef;

static bool find_own(const Object *o, const Structure *s, PropKey key, PropRef *ref) {
    if (property_key_is_index(key)) {
        uint32_t index = property_key_index(key);
        Value v = object_load_element(o, index);
        if (v != JS_HOLE) {
            ref->kind = REF_ELEMENT;
            ref->where = index;
            ref->attributes = s->element_attributes;
            ref->value = v;
            return true;
        }
        if (!structure_has_index_keys(s)) return false;
    }
    uint8_t attributes;
    int32_t slot = structure_lookup(s, key, &attributes);
    if (slot < 0) return false;
    ref->kind = REF_NAMED;
    ref->where = (uint32_t)slot;
    ref->attributes = attributes;
    Value v = object_load_slot(o, (uint32_t)slot);
    // A reader racing a kind change may pair one side's attributes with the other side's slot
    // [OM-10]. Both slots hold what the property held (a moved slot is filled before the entry
    // names it, a vacated one keeps its value until the next collection, OM-8), and only an
    // accessor's slot ever holds an Accessor cell, so the slot's content decides the kind: the
    // read is the property's state just before or just after the change, never a mix.
    bool is_accessor_cell = value_cell_type(v) == CELL_ACCESSOR;
    if (is_accessor_cell && !(attributes & PROP_ACCESSOR))
        ref->attributes = (uint8_t)((attributes | PROP_ACCESSOR) & ~PROP_WRITABLE);
    else if (!is_accessor_cell && (attributes & PROP_ACCESSOR))
        ref->attributes = (uint8_t)(attributes & ~PROP_ACCESSOR);
    ref->value = v;
    return true;
}

static inline Value ref_load(const Object *o, const PropRef *ref) {
    (void)o;
    return ref->value;
}

static Value accessor_getter(Value v) {
    return value_cell_type(v) == CELL_ACCESSOR ? ((Accessor *)value_to_cell(v))->getter : JS_UNDEFINED;
}
static Value accessor_setter(Value v) {
    return value_cell_type(v) == CELL_ACCESSOR ? ((Accessor *)value_to_cell(v))->setter : JS_UNDEFINED;
}

static void ref_describe(const Object *o, const PropRef *ref, PropertyDescriptor *out) {
    Value v = ref_load(o, ref);
    out->attributes = ref->attributes;
    if (ref->attributes & PROP_ACCESSOR) {
        out->value = JS_UNDEFINED;
        out->getter = accessor_getter(v);
        out->setter = accessor_setter(v);
        out->has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    } else {
        out->value = v;
        out->getter = out->setter = JS_UNDEFINED;
        out->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    }
}

// ---- stores into existing storage [OM-4] ----
// A thread other than the owner sets SW with a CAS before its first store, so an owner's flat
// growth can never drop the store (its CAS expects SW clear) [OM-2]. Addresses are computed
// after the claim: whatever storage the word names then is current and never moves again.

void object_store_slot_shared(ThreadState *ts, Object *o, uint32_t slot, Value v) {
    butterfly_claim_shared_write(ts, o);
    store_release(object_slot_address(o, slot), v);
}

static inline void store_slot(ThreadState *ts, Object *o, uint32_t slot, Value v) {
    object_store_slot(ts, o, slot, v);
}

// The address of element `index`, or NULL beyond the capacity; flat storage inline.
static inline Value *element_address(const Object *o, uint32_t index) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (__builtin_expect(!(word & BUTTERFLY_SEGMENTED), 1)) {
        Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        return b && index < b->elements_capacity ? &butterfly_elements(b)[index] : NULL;
    }
    return butterfly_element_address(o, index);
}

// The caller made sure index < the elements capacity (which never shrinks).
static inline void store_element(ThreadState *ts, Object *o, uint32_t index, Value v) {
    if (!butterfly_may_store(ts, o)) butterfly_claim_shared_write(ts, o);
    Value *p = element_address(o, index);
    if (!p) return;
    store_release(p, v);
    // After the value: a reader that sees the length finds the value or a hole, never garbage.
    if (v != JS_HOLE) {
        uintptr_t word = load_acquire(&o->butterfly);
        if ((word & BUTTERFLY_SEGMENTED) ||
            index >= load_relaxed(&((Butterfly *)(word & BUTTERFLY_POINTER_MASK))->elements_length))
            butterfly_note_element(o, index);
    }
}

// ---- cell locks [OM-7] ----
// A table of locks hashed by address: objects that are never shared pay no memory for a lock,
// and two objects sharing a stripe only ever serialise, since no thread holds two at once.
#define CELL_LOCK_COUNT 256
typedef struct CellLock {
    pthread_mutex_t mutex;
    ThreadState *holder;      // written by the holder only (relaxed): recursion check
    uint32_t depth;           // holder only
} __attribute__((aligned(64))) CellLock;
static CellLock cell_locks[CELL_LOCK_COUNT] = {
    [0 ... CELL_LOCK_COUNT - 1] = {PTHREAD_MUTEX_INITIALIZER, NULL, 0},
};

static CellLock *lock_of(const void *cell) {
    uintptr_t a = (uintptr_t)cell >> 4;
    a ^= a >> 8;
    a ^= a >> 16;
    return &cell_locks[a & (CELL_LOCK_COUNT - 1)];
}

void object_lock(ThreadState *ts, const Object *o) {
    CellLock *lock = lock_of(o);
    if (load_relaxed(&lock->holder) == ts) {
        lock->depth++;
        return;
    }
    if (pthread_mutex_trylock(&lock->mutex) != 0) {
        // The holder may be allocating, i.e. waiting for a collection: wait as blocked [SP-5].
        safepoint_enter_blocked(ts);
        pthread_mutex_lock(&lock->mutex);
        safepoint_leave_blocked(ts);
    }
    store_relaxed(&lock->holder, ts);
    lock->depth = 1;
}

void object_unlock(const Object *o) {
    CellLock *lock = lock_of(o);
    if (--lock->depth > 0) return;
    store_relaxed(&lock->holder, (ThreadState *)NULL);
    pthread_mutex_unlock(&lock->mutex);
}

/*
 * ---- layout changes [OM-7] ----
 * The only functions that give an object another structure id. Each one follows the claim
 * protocol: do everything that may allocate first, then CAS the object's id from the old id to
 * old | STRUCTURE_ID_BUSY (the claim), then store the values of new slots, then publish the new
 * id with a release store. Only a claimer writes a slot its layout adds, so a slot claimed by
 * another thread is never overwritten, and an add racing another add is never lost: the loser's
 * CAS fails and it retries on the winner's layout.
 *   - Lock-free path: the owner, SW clear, a shared (non-dictionary) structure, or a named add
 *     or delete on its dictionary when the room it needs is already there [OM-18]. Nothing
 *     between its claim and its publication allocates on the JS heap or reaches a safepoint,
 *     so the claim is held for a few instructions.
 *   - Locked path: everyone else, and every other change of a dictionary (edited in place).
 *     Under the cell lock; waits for a lock-free claim to end, then claims and may allocate
 *     while claimed (the claim only turns the owner's lock-free attempts into locked ones).
 */
static inline void set_structure(Object *o, const Structure *s) {
    store_release(&o->header.structure_id, s->id);
}

static inline bool claim(Object *o, uint32_t expected) {
    return cas_acq_rel(&o->header.structure_id, &expected, expected | STRUCTURE_ID_BUSY);
}

static inline bool lock_free_path(ThreadState *ts, const Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    return !(word & BUTTERFLY_SHARED_WRITE) &&
           ((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid;
}

// Takes the cell lock and claims o; returns the claimed (old) id. The holder of any other claim
// is a lock-free owner, which finishes without reaching a safepoint.
static uint32_t lock_and_claim(ThreadState *ts, Object *o) {
    object_lock(ts, o);
    for (int spins = 0;; spins++) {
        uint32_t id = object_structure_id(o);
        if (!(id & STRUCTURE_ID_BUSY) && claim(o, id)) return id;
        if (spins > 64) sched_yield();
    }
}

// Ends a locked change: publishes s (or, after a failure, the old id again) and unlocks.
static void publish_and_unlock(Object *o, uint32_t id) {
    store_release(&o->header.structure_id, id);
    object_unlock(o);
}

/*
 * The Atomics property path [SYNC-14]: the cell lock and a claim of o's layout, so that no
 * layout change is in flight or can start until object_unclaim_and_unlock. The lock alone
 * keeps out locked changes only: an owner's lock-free delete claims without it, and a lookup made
 * just before it would find a slot the property has left.
 * Nothing between the two may allocate or reach a safepoint.
 */
uint32_t object_lock_and_claim(ThreadState *ts, Object *o) { return lock_and_claim(ts, o); }
bool object_has_virtual_properties(Value v) { return methods_of(value_to_object(v)) != NULL; }
void object_unclaim_and_unlock(Object *o, uint32_t id) { publish_and_unlock(o, id); }

// The object's own dictionary, for a caller that holds the claim: a shared structure is copied
// into a private dictionary (published later with the claim's new id). NULL on OOM.
static Structure *claimed_dictionary(ThreadState *ts, Structure *s) {
    if (structure_is_dictionary(s)) return s;
    return structure_to_dictionary(ts, s);
}

static int add_to_structure(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v,
                            bool is_new, bool exclusive);

// Stores v into an existing own property that a racing add created first: the two adds then
// read as ours after theirs. Only for the locked path's re-check.
static void store_existing(ThreadState *ts, Object *o, int32_t slot, uint8_t attributes, Value v) {
    if (!(attributes & PROP_ACCESSOR) && value_cell_type(v) != CELL_ACCESSOR)
        store_slot(ts, o, (uint32_t)slot, v);
}

// The locked path of an add to the structure. Returns ADD_REFUSED when a racing
// preventExtensions/seal/freeze made the object non-extensible after the caller checked, and,
// when `exclusive`, ADD_EXISTS when a racing thread added the key first (the caller validates
// again against what it made [OM-16]); otherwise such a key is stored into.
enum { ADD_REFUSED = 1, ADD_EXISTS = 2 };

// Whether a new index key would land under an element another thread stored meanwhile: an element
// add keeps the structure id (no layout change), so a claim of the id does not see it.
static bool index_element_present(const Object *o, PropKey key) {
    return property_key_is_index(key) && object_load_element(o, property_key_index(key)) != JS_HOLE;
}
static void fill_slot(const SlotFill *fill, uint32_t slot) {
    store_slot(fill->ts, fill->object, slot, fill->value);
}

// Under the caller's locked claim of o (structure s, without key): adds key holding v and returns
// the layout to publish, or NULL on OOM with nothing changed. A dictionary changes in place (its
// id renewed, the value stored by the fill [OM-19]); a shared structure gives a child.
static Structure *add_key_claimed(ThreadState *ts, Object *o, Structure *s, PropKey key, uint8_t attributes,
                                  Value v) {
    if (!butterfly_grow(ts, o, s->slot_count + 1, object_elements_capacity(o))) return NULL;
    SlotFill fill = {fill_slot, ts, o, v};
    Structure *next = structure_add_transition(ts, s, key, attributes, &fill);
    if (next && !structure_is_dictionary(next))
        store_slot(ts, o, (uint32_t)structure_lookup(next, key, NULL), v);
    return next;
}

static int add_locked(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v,
                      bool is_new, bool exclusive) {
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    if (is_new && !structure_is_extensible(s)) {
        publish_and_unlock(o, id);
        return ADD_REFUSED;
    }
    uint8_t existing_attributes;
    int32_t existing = structure_lookup(s, key, &existing_attributes);
    if (exclusive && (existing >= 0 || (is_new && index_element_present(o, key)))) {
        publish_and_unlock(o, id);
        return ADD_EXISTS;
    }
    if (existing >= 0) {
        store_existing(ts, o, existing, existing_attributes, v);
        publish_and_unlock(o, id);
        return 0;
    }
    Structure *next = add_key_claimed(ts, o, s, key, attributes, v);
    publish_and_unlock(o, next ? next->id : id);
    return next ? 0 : -1;
}

int object_add_with_transition(ThreadState *ts, Object *o, uint32_t id, Structure *next, uint32_t slot,
                               Value v) {
    if (structure_is_dictionary(next) || !lock_free_path(ts, o)) {
        // A cached add must never make two objects share a dictionary: redo it on o's own
        // structure. The only dictionary a shared structure's add leads to is the one made when
        // crossing the dictionary threshold, and it remembers the key that made it.
        if (next->transition_key == JS_HOLE) {
            error_throw_type(ts, "Internal error: an add cached towards a dictionary structure");
            return -1;
        }
        return add_to_structure(ts, o, next->transition_key, next->transition_attributes, v, true, false) < 0 ? -1 : 0;
    }
    if (slot >= object_named_capacity(o) &&
        !butterfly_grow(ts, o, slot + 1, object_elements_capacity(o)))
        return -1;
    // The claim expects the id the cache checked, never one loaded again: a foreign
    // preventExtensions/seal/setPrototypeOf between the check and here (or during the growth, a
    // safepoint) changed it, and `next` extends the old layout, so installing it would undo that
    // change [OM-7].
    if (!(id & STRUCTURE_ID_BUSY) && claim(o, id)) {
        store_slot(ts, o, slot, v);
        set_structure(o, next);
        return 0;
    }
    // A refusal (the object stopped being extensible meanwhile) drops the add, as a sloppy-mode
    // assignment would: the cache's caller has no way to report it.
    return add_to_structure(ts, o, next->transition_key, next->transition_attributes, v, true, false) < 0 ? -1 : 0;
}

/*
 * The owner's lock-free edits of its own dictionary [OM-18]. The claim comes first and every
 * check is made under it, against the claimed structure: the table (and, for a delete, the
 * quarantine list) must already have room, so that the in-place edit allocates nothing on the
 * JS heap (take_id only takes a mutex and may calloc an id chunk: no safepoint). Without room
 * the claim is given back unchanged and the caller takes the locked path, which grows them.
 * Returns 1 done, 0 not taken (nothing changed), -1 exception (nothing changed).
 */
static int dictionary_add_claimed(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v,
                                  bool is_new) {
    // Two tries: a first claim may find the butterfly short of the slot; growing it is OM-2's
    // owner CAS, which may allocate, so it happens between the claims, sized by what the claim
    // saw (slot_count changes under claims only: it is not read outside one).
    for (int attempt = 0; attempt < 2; attempt++) {
        uint32_t id = object_structure_id(o);
        Structure *s = structure_for_id(id);
        if ((id & STRUCTURE_ID_BUSY) || !s || !structure_is_dictionary(s) ||
            structure_is_restricted(s) || !claim(o, id))
            return 0;
        PropertyTable *t = s->table;
        uint32_t need = s->slot_count + 1;
        if ((is_new && !structure_is_extensible(s)) || !t || t->count >= t->capacity ||
            !lock_free_path(ts, o) || structure_lookup(s, key, NULL) >= 0 ||
            (is_new && index_element_present(o, key))) {
            store_release(&o->header.structure_id, id);
            return 0;
        }
        if (need > object_named_capacity(o)) {
            store_release(&o->header.structure_id, id);
            if (!butterfly_grow(ts, o, need, object_elements_capacity(o))) return -1;
            continue;
        }
        SlotFill fill = {fill_slot, ts, o, v};
        if (!structure_add_transition(ts, s, key, attributes, &fill)) {   // in place, fresh id
            store_release(&o->header.structure_id, id);
            return -1;
        }
        set_structure(o, s);
        return 1;
    }
    return 0;
}

static int dictionary_remove_claimed(ThreadState *ts, Object *o, PropKey key) {
    uint32_t id = object_structure_id(o);
    Structure *s = structure_for_id(id);
    if ((id & STRUCTURE_ID_BUSY) || !s || !structure_is_dictionary(s) || !claim(o, id)) return 0;
    Values *pending = s->free_slots_pending;
    int32_t slot = structure_lookup(s, key, NULL);
    if (!pending || pending->count >= pending->capacity || !lock_free_path(ts, o) || slot < 0) {
        store_release(&o->header.structure_id, id);
        return 0;
    }
    if (!structure_dictionary_remove(ts, s, key)) {
        store_release(&o->header.structure_id, id);
        return -1;
    }
    set_structure(o, s);   // the slot keeps its value until the next collection [OM-8]
    return 1;
}

// Adds a property to the structure (named keys, sparse indexes, indexes with own attributes).
// A key that a racing thread added meanwhile is stored into instead of added twice. 0 done,
// ADD_REFUSED (not extensible any more), -1 exception.
static int add_to_structure(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v,
                            bool is_new, bool exclusive) {
    if (lock_free_path(ts, o)) {
        uint32_t id = object_structure_id(o);
        Structure *s = structure_for_id(id);
        if (s && structure_is_dictionary(s)) {
            int done = dictionary_add_claimed(ts, o, key, attributes, v, is_new);
            if (done != 0) return done < 0 ? -1 : 0;
        } else if (!(id & STRUCTURE_ID_BUSY) && s && !structure_is_dictionary(s) &&
            (!is_new || structure_is_extensible(s)) && structure_lookup(s, key, NULL) < 0) {
            // Room and the new layout first: both may allocate, the claim must not [OM-7].
            if (!butterfly_grow(ts, o, s->slot_count + 1, object_elements_capacity(o))) return -1;
            Structure *next = structure_add_transition(ts, s, key, attributes, NULL);   // s is shared
            if (!next) return -1;
            int32_t slot = structure_lookup(next, key, NULL);
            if (claim(o, id)) {
                if (is_new && exclusive && index_element_present(o, key)) {
                    store_release(&o->header.structure_id, id);
                    return ADD_EXISTS;
                }
                store_slot(ts, o, (uint32_t)slot, v);
                set_structure(o, next);
                return 0;
            }
        }
    }
    return add_locked(ts, o, key, attributes, v, is_new, exclusive);
}

/*
 * Dense elements carry no layout, but filling a hole is an add all the same [OM-15]: it happens
 * under a claim of the object's id, after re-checking that the claimed structure is extensible
 * with the same element attributes. preventExtensions/seal/freeze claim the id too, so an element
 * add either lands before the integrity change (which then covers it) or sees the new structure
 * and is refused: no element is added after a freeze returns. An array's length is raised under
 * the same claim (the exotic define raises it again later, a no-op then), so a frozen array's
 * length never grows either. Room is made before the claim (allocation); the lock-free owner's
 * claim covers a few stores only.
 */
static inline void store_claimed_element(ThreadState *ts, Object *o, uint32_t index, Value v) {
    // The element before the length (a release max): a reader that sees the new length finds it.
    store_element(ts, o, index, v);
    if (o->header.type == CELL_ARRAY) array_raise_length((Array *)o, index + 1);
}

// Whether index is own in o under a claim of structure s: a racing define may have filled the hole
// or given the index attributes of its own (a structure entry) since the caller looked.
static bool element_taken(const Object *o, const Structure *s, PropKey key) {
    PropRef ref;
    return find_own(o, s, key, &ref);
}

static int add_element(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v) {
    uint32_t index = property_key_index(key);
    if (index >= object_elements_capacity(o) &&
        !butterfly_grow(ts, o, object_named_capacity(o), index + 1))
        return -1;
    if (lock_free_path(ts, o)) {
        uint32_t id = object_structure_id(o);
        Structure *s = structure_for_id(id);
        if (!(id & STRUCTURE_ID_BUSY) && s && structure_is_extensible(s) &&
            load_relaxed(&s->element_attributes) == attributes && claim(o, id)) {
            if (element_taken(o, s, key)) {
                store_release(&o->header.structure_id, id);
                return ADD_EXISTS;
            }
            store_claimed_element(ts, o, index, v);
            store_release(&o->header.structure_id, id);
            return 0;
        }
    }
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    if (!structure_is_extensible(s) || load_relaxed(&s->element_attributes) != attributes) {
        publish_and_unlock(o, id);
        return ADD_REFUSED;
    }
    if (element_taken(o, s, key)) {
        publish_and_unlock(o, id);
        return ADD_EXISTS;
    }
    store_claimed_element(ts, o, index, v);
    publish_and_unlock(o, id);
    return 0;
}

// Adds an absent own property; the caller checked extensibility (a racing change of it gives
// ADD_REFUSED) and absence (a racing define of the key gives ADD_EXISTS, so the caller validates
// its descriptor against what that define made instead of overwriting it).
static int add_property(ThreadState *ts, Object *o, PropKey key, uint8_t attributes, Value v) {
    if (property_key_is_index(key) && attributes == structure_of(o)->element_attributes &&
        !(attributes & PROP_ACCESSOR) && !butterfly_index_is_sparse(o, property_key_index(key)))
        return add_element(ts, o, key, attributes, v);
    return add_to_structure(ts, o, key, attributes, v, true, true);
}

int object_remove_property(ThreadState *ts, Object *o, PropKey key) {
    PropRef ref;
    if (!find_own(o, structure_of(o), key, &ref)) return 0;
    if (ref.kind == REF_ELEMENT) {
        store_element(ts, o, ref.where, JS_HOLE);
        return 0;
    }
    if (lock_free_path(ts, o)) {
        int done = dictionary_remove_claimed(ts, o, key);
        if (done != 0) return done < 0 ? -1 : 0;
    }
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    int32_t slot = structure_lookup(s, key, NULL);
    if (slot < 0) {  // a racing delete won
        publish_and_unlock(o, id);
        return 0;
    }
    Structure *d = claimed_dictionary(ts, s);
    if (!d || !structure_dictionary_remove(ts, d, key)) {
        publish_and_unlock(o, id);  // nothing changed on failure
        return -1;
    }
    // The slot is quarantined until a safepoint epoch, and keeps its value until the next
    // collection clears it [OM-8]: a stale reader that still uses the old id reads the old value.
    publish_and_unlock(o, d->id);
    return 0;
}

/*
 * Under the caller's locked claim of `id` (structure s, which has key): gives key
 * new attributes and stores `stored` as its value, then publishes and unlocks. A change of kind
 * (data <-> accessor) moves the property to a fresh slot, so that no reader holding the old id
 * ever finds an Accessor in a data slot [OM-10].
 */
static int apply_attributes_claimed(ThreadState *ts, Object *o, uint32_t id, Structure *s, PropKey key,
                                    uint8_t attributes, Value stored) {
    Structure *d = NULL;
    int32_t slot = -1;
    SlotFill fill = {fill_slot, ts, o, stored};
    if (butterfly_grow(ts, o, s->slot_count + 1, object_elements_capacity(o)) &&
        (d = claimed_dictionary(ts, s)) != NULL)
        slot = structure_dictionary_set_attributes(ts, d, key, attributes, &fill);
    if (slot < 0) {
        publish_and_unlock(o, id);  // nothing changed on failure
        return -1;
    }
    store_slot(ts, o, (uint32_t)slot, stored);
    // A moved property's old slot is quarantined with its old value, which the next collection
    // clears [OM-8, OM-10].
    publish_and_unlock(o, d->id);
    return 0;
}

static int change_prototype(ThreadState *ts, Object *o, Value prototype) {
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    Structure *next;
    if (!structure_is_dictionary(s) && s->property_count == 0 && structure_is_extensible(s) &&
        s->element_attributes == PROP_DEFAULT && !(s->flags & STRUCTURE_RESTRICTED)) {
        // Nothing but the prototype to carry over: share the prototype's initial structure.
        next = structure_initial(ts, prototype);
    } else {
        next = claimed_dictionary(ts, s);
        if (next && !structure_dictionary_set_prototype(ts, next, prototype)) next = NULL;
    }
    publish_and_unlock(o, next ? next->id : id);
    return next ? 0 : -1;
}

static int change_integrity(ThreadState *ts, Object *o, IntegrityLevel level) {
    uint32_t id = lock_and_claim(ts, o);
    Structure *next = structure_integrity_transition(ts, structure_for_id(id), level);
    publish_and_unlock(o, next ? next->id : id);
    return next ? 0 : -1;
}

// ---- ValidateAndApplyPropertyDescriptor (ES2020 9.1.6.3) ----

static bool is_accessor_descriptor(const PropertyDescriptor *d) {
    return (d->has & (DESC_HAS_GET | DESC_HAS_SET)) != 0;
}
static bool is_data_descriptor(const PropertyDescriptor *d) {
    return (d->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE)) != 0;
}

static void complete_has(PropertyDescriptor *d) {
    d->has = (d->attributes & PROP_ACCESSOR)
                 ? DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE
                 : DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
}

// Copies the attribute bit `bit` from desc into *attributes when desc has `field`.
static void take_attribute(uint8_t *attributes, const PropertyDescriptor *desc, uint8_t field,
                           uint8_t bit) {
    if (desc->has & field) *attributes = (uint8_t)((*attributes & ~bit) | (desc->attributes & bit));
}

// Returns false where the spec returns false. The early `return true`s are the spec's "no
// further validation" exits of steps 7 and 8, where nothing may change.
bool descriptor_validate(const PropertyDescriptor *current, bool extensible,
                         const PropertyDescriptor *desc, PropertyDescriptor *result) {
    uint8_t has = desc->has;
    if (!current) {
        if (!extensible) return false;
        // A new property: absent fields take their defaults (undefined, false).
        result->value = result->getter = result->setter = JS_UNDEFINED;
        result->attributes = is_accessor_descriptor(desc) ? PROP_ACCESSOR : 0;
        if (is_accessor_descriptor(desc)) {
            if (has & DESC_HAS_GET) result->getter = desc->getter;
            if (has & DESC_HAS_SET) result->setter = desc->setter;
        } else {
            if (has & DESC_HAS_VALUE) result->value = desc->value;
            take_attribute(&result->attributes, desc, DESC_HAS_WRITABLE, PROP_WRITABLE);
        }
        take_attribute(&result->attributes, desc, DESC_HAS_ENUMERABLE, PROP_ENUMERABLE);
        take_attribute(&result->attributes, desc, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE);
        complete_has(result);
        return true;
    }
    *result = *current;
    if (has == 0) return true;
    bool configurable = (current->attributes & PROP_CONFIGURABLE) != 0;
    if (!configurable) {
        if ((has & DESC_HAS_CONFIGURABLE) && (desc->attributes & PROP_CONFIGURABLE)) return false;
        if ((has & DESC_HAS_ENUMERABLE) &&
            ((desc->attributes ^ current->attributes) & PROP_ENUMERABLE))
            return false;
    }
    bool was_accessor = (current->attributes & PROP_ACCESSOR) != 0;
    if (!is_data_descriptor(desc) && !is_accessor_descriptor(desc)) {
        // A generic descriptor: only enumerable/configurable, validated above.
    } else if (was_accessor != is_accessor_descriptor(desc)) {
        if (!configurable) return false;
        // Data <-> accessor: keep configurable and enumerable, reset the rest to defaults.
        uint8_t kept = current->attributes & (PROP_CONFIGURABLE | PROP_ENUMERABLE);
        result->attributes = was_accessor ? kept : (uint8_t)(kept | PROP_ACCESSOR);
        result->value = result->getter = result->setter = JS_UNDEFINED;
    } else if (!was_accessor) {
        if (!configurable && !(current->attributes & PROP_WRITABLE)) {
            if ((has & DESC_HAS_WRITABLE) && (desc->attributes & PROP_WRITABLE)) return false;
            if ((has & DESC_HAS_VALUE) && !ops_same_value(desc->value, current->value)) return false;
            return true;
        }
    } else if (!configurable) {
        if ((has & DESC_HAS_SET) && !ops_same_value(desc->setter, current->setter)) return false;
        if ((has & DESC_HAS_GET) && !ops_same_value(desc->getter, current->getter)) return false;
        return true;
    }
    if (has & DESC_HAS_VALUE) result->value = desc->value;
    if (has & DESC_HAS_GET) result->getter = desc->getter;
    if (has & DESC_HAS_SET) result->setter = desc->setter;
    if (!(result->attributes & PROP_ACCESSOR))
        take_attribute(&result->attributes, desc, DESC_HAS_WRITABLE, PROP_WRITABLE);
    take_attribute(&result->attributes, desc, DESC_HAS_ENUMERABLE, PROP_ENUMERABLE);
    take_attribute(&result->attributes, desc, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE);
    complete_has(result);
    return true;
}

// ---- the ordinary internal methods ----

int ordinary_get_own_property(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    (void)ts;
    PropRef ref;
    if (!find_own(o, structure_of(o), key, &ref)) return 0;
    ref_describe(o, &ref, out);
    return 1;
}

// OrdinaryDefineOwnProperty: validate against the stored property, then store the complete
// result, changing the layout only when the attributes (or the storage place) change.
// The structure of o's current id, and that id (which may carry STRUCTURE_ID_BUSY).
static Structure *structure_and_id(const Object *o, uint32_t *id) {
    for (int spins = 0;; spins++) {
        *id = object_structure_id(o);
        Structure *s = structure_for_id(*id);
        if (__builtin_expect(s != NULL, 1)) return s;
        if (spins > 64) sched_yield();  // an in-place dictionary edit is publishing [OM-11]
    }
}

// The value a define stores: for an accessor, the current Accessor when nothing changes, else a
// fresh one (cells may be shared by other properties, so one is never edited).
static Value stored_value(ThreadState *ts, const PropRef *ref, bool found, const PropertyDescriptor *current,
                          const PropertyDescriptor *result) {
    if (!(result->attributes & PROP_ACCESSOR)) return result->value;
    if (found && (current->attributes & PROP_ACCESSOR) && current->getter == result->getter &&
        current->setter == result->setter && value_cell_type(ref->value) == CELL_ACCESSOR)
        return ref->value;
    return accessor_new(ts, result->getter, result->setter);
}

enum { DEFINE_RETRY = 2 };

/*
 * An element that gets attributes of its own moves into the structure [OM-15]: under one locked
 * claim the structure gains the key holding `stored` and the element becomes a hole, both before
 * the claim is published. A claimed writer of the element (Atomics, a hole fill, another define)
 * therefore either runs before the move, and its value is the one moved when the descriptor
 * gives none (keep_value), or after it, and finds the key in the structure; none can store into
 * the element once the key exists, which would leave the index in both places. DEFINE_RETRY when
 * the element changed under the caller (deleted, moved by a racing define, or given other element
 * attributes by a racing freeze or seal than those the caller validated against).
 */
static int move_element_locked(ThreadState *ts, Object *o, PropKey key, uint8_t validated_attributes,
                               uint8_t attributes, Value stored, bool keep_value) {
    uint32_t index = property_key_index(key);
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    Value current = object_load_element(o, index);
    int done = DEFINE_RETRY;
    if (current != JS_HOLE && structure_lookup(s, key, NULL) < 0 &&
        load_relaxed(&s->element_attributes) == validated_attributes) {
        Structure *next = add_key_claimed(ts, o, s, key, attributes, keep_value ? current : stored);
        if (!next) {
            publish_and_unlock(o, id);
            return -1;
        }
        store_element(ts, o, index, JS_HOLE);
        id = next->id;
        done = 1;
    }
    publish_and_unlock(o, id);
    return done;
}

/*
 * [OM-16] Redefines an existing named property with validation and store under one locked claim,
 * so racing defines and deletes of the same object serialise: each validates against the state
 * the previous one left, one wins, and the property never pairs one define's attributes with
 * another's value. DEFINE_RETRY when the property vanished (a racing delete): the caller
 * starts over, as an add.
 */
static int define_named_locked(ThreadState *ts, Object *o, PropKey key, const PropertyDescriptor *desc,
                               bool throw_on_failure) {
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    PropRef ref;
    PropertyDescriptor current, result;
    if (!find_own(o, s, key, &ref) || ref.kind != REF_NAMED) {
        publish_and_unlock(o, id);
        return DEFINE_RETRY;
    }
    ref_describe(o, &ref, &current);
    if (!descriptor_validate(&current, structure_is_extensible(s), desc, &result)) {
        publish_and_unlock(o, id);
        return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
    }
    Value stored = stored_value(ts, &ref, true, &current, &result);   // the locked claim may allocate
    if (value_is_exception(stored)) {
        publish_and_unlock(o, id);
        return -1;
    }
    if (result.attributes != ref.attributes)
        return apply_attributes_claimed(ts, o, id, s, key, result.attributes, stored) < 0 ? -1 : 1;
    store_slot(ts, o, ref.where, stored);
    publish_and_unlock(o, id);
    return 1;
}

int ordinary_define_own_property(ThreadState *ts, Object *o, PropKey key,
                                 const PropertyDescriptor *desc, bool throw_on_failure) {
    for (;;) {
        uint32_t id;
        Structure *s = structure_and_id(o, &id);
        PropRef ref;
        PropertyDescriptor current, result;
        bool found = find_own(o, s, key, &ref);
        if (found) ref_describe(o, &ref, &current);
        if (!descriptor_validate(found ? &current : NULL, structure_is_extensible(s), desc, &result)) {
            // A refusal needs no claim: the state it saw was current at the moment it was read.
            if (!found)
                return object_refuse(ts, throw_on_failure,
                                     "Cannot define property %K, object is not extensible", key);
            return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
        }
        if (!found) {
            Value stored = stored_value(ts, &ref, false, &current, &result);
            if (value_is_exception(stored)) return -1;
            int added = add_property(ts, o, key, result.attributes, stored);
            if (added == ADD_EXISTS) continue;   // a racing define won: validate against it
            if (added == ADD_REFUSED)
                return object_refuse(ts, throw_on_failure,
                                     "Cannot define property %K, object is not extensible", key);
            return added < 0 ? -1 : 1;
        }
        if (ref.kind == REF_ELEMENT) {
            Value stored = stored_value(ts, &ref, true, &current, &result);
            if (value_is_exception(stored)) return -1;
            if (result.attributes == structure_of(o)->element_attributes) {
                store_element(ts, o, ref.where, stored);
                return 1;
            }
            // The element gets attributes of its own, so it moves into the structure. Not an add:
            // extensibility is moot.
            bool keep_value = !(result.attributes & PROP_ACCESSOR) && !(desc->has & DESC_HAS_VALUE);
            int done = move_element_locked(ts, o, key, ref.attributes, result.attributes, stored, keep_value);
            if (done != DEFINE_RETRY) return done;
            continue;
        }
        // A named property [OM-16]: the lock-free owner stores a same-attributes value under a
        // claim of the id it validated against (a failed claim means the state changed: redo it
        // locked); every other redefinition validates again and applies under the locked claim.
        if (result.attributes == ref.attributes && !(result.attributes & PROP_ACCESSOR) &&
            !(id & STRUCTURE_ID_BUSY) && lock_free_path(ts, o) && claim(o, id)) {
            store_slot(ts, o, ref.where, result.value);
            store_release(&o->header.structure_id, id);
            return 1;
        }
        int done = define_named_locked(ts, o, key, desc, throw_on_failure);
        if (done != DEFINE_RETRY) return done;
    }
}

int ordinary_delete(ThreadState *ts, Object *o, PropKey key, bool throw_on_failure) {
    PropRef ref;
    if (!find_own(o, structure_of(o), key, &ref)) return 1;
    if (!(ref.attributes & PROP_CONFIGURABLE))
        return object_refuse(ts, throw_on_failure, "Cannot delete property '%K' of %V", key,
                             object_value(o));
    return object_remove_property(ts, o, key) < 0 ? -1 : 1;
}

static int compare_indexes(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

// Appends a key unless the vector is full; a full vector means another thread added properties
// since it was sized, and the caller starts over with a bigger one.
static inline void push_key(Values *keys, PropKey key, bool *overflow) {
    if (keys->count < keys->capacity) keys->items[keys->count++] = key;
    else *overflow = true;
}

// Fills `keys` (no allocation but the sparse index list, so no safepoint: the layout read is
// one layout, though other threads may change it meanwhile [OM-11]). false on OOM.
static bool fill_own_keys(ThreadState *ts, Object *o, int flags, const VirtualKeys *virtual_keys,
                          Values *keys, bool *overflow) {
    bool enumerable_only = (flags & OWN_KEYS_ENUMERABLE_ONLY) != 0;
    uint32_t virtual_indexes = virtual_keys ? virtual_keys->index_count : 0;
    PropKey virtual_string = virtual_keys ? virtual_keys->string_key : JS_HOLE;
    uint32_t entry_count;
    Structure *s = structure_of(o);
    const PropertyEntry *entries = structure_entries(s, &entry_count);
    if (flags & OWN_KEYS_STRINGS) {
        for (uint32_t i = 0; i < virtual_indexes; i++)
            push_key(keys, property_key_from_index(i), overflow);
        // Stored indexes ascending: the dense elements merged with sorted index keys.
        uint32_t *sparse = NULL, sparse_count = 0;
        if (structure_has_index_keys(s)) {
            sparse = malloc((entry_count ? entry_count : 1) * sizeof(uint32_t));
            if (!sparse) {
                error_throw_out_of_memory(ts);
                return false;
            }
            for (uint32_t e = 0; e < entry_count; e++) {
                if (load_relaxed(&entries[e].key) == JS_HOLE || !property_key_is_index(load_relaxed(&entries[e].key))) continue;
                if (enumerable_only && !(load_relaxed(&entries[e].attributes) & PROP_ENUMERABLE)) continue;
                sparse[sparse_count++] = property_key_index(load_relaxed(&entries[e].key));
            }
            qsort(sparse, sparse_count, sizeof(uint32_t), compare_indexes);
        }
        bool dense_visible = !enumerable_only || (s->element_attributes & PROP_ENUMERABLE);
        uint32_t dense_count = dense_visible ? object_elements_length(o) : 0;
        uint32_t i = 0, j = 0;
        while (i < dense_count || j < sparse_count) {
            if (i < dense_count && object_load_element(o, i) == JS_HOLE) {
                i++;
            } else if (j >= sparse_count || (i < dense_count && i < sparse[j])) {
                push_key(keys, property_key_from_index(i++), overflow);
            } else {
                push_key(keys, property_key_from_index(sparse[j++]), overflow);
            }
        }
        free(sparse);
        if (virtual_string != JS_HOLE && !enumerable_only) push_key(keys, virtual_string, overflow);
        for (uint32_t e = 0; e < entry_count; e++) {
            PropKey key = load_relaxed(&entries[e].key);
            if (key == JS_HOLE || property_key_is_index(key) || value_is_symbol(key)) continue;
            if (enumerable_only && !(load_relaxed(&entries[e].attributes) & PROP_ENUMERABLE)) continue;
            push_key(keys, key, overflow);
        }
    }
    if (flags & OWN_KEYS_SYMBOLS) {
        for (uint32_t e = 0; e < entry_count; e++) {
            if (!value_is_symbol(load_relaxed(&entries[e].key))) continue;
            if (enumerable_only && !(load_relaxed(&entries[e].attributes) & PROP_ENUMERABLE)) continue;
            push_key(keys, load_relaxed(&entries[e].key), overflow);
        }
    }
    return true;
}

// OrdinaryOwnPropertyKeys (ES2020 9.1.11.1): integer indexes ascending, then strings, then
// symbols, both in creation order, which is the structure's entry order.
Values *ordinary_own_keys(ThreadState *ts, Object *o, int flags, const VirtualKeys *virtual_keys) {
    uint32_t virtual_indexes = virtual_keys ? virtual_keys->index_count : 0;
    for (uint64_t slack = 1;; slack *= 2) {
        uint32_t entry_count;
        structure_entries(structure_of(o), &entry_count);
        uint64_t capacity = (uint64_t)virtual_indexes + object_elements_length(o) + entry_count + slack;
        if (capacity > UINT32_MAX) {
            error_throw_out_of_memory(ts);
            return NULL;
        }
        Values *keys = values_new(ts, (uint32_t)capacity);
        if (!keys) return NULL;
        bool overflow = false;
        if (!fill_own_keys(ts, o, flags, virtual_keys, keys, &overflow)) return NULL;
        // Other threads kept adding: after a few rounds, a truncated snapshot will do.
        if (!overflow || slack >= 64) return keys;
    }
}

int ordinary_set_integrity(ThreadState *ts, Object *o, bool frozen) {
    return change_integrity(ts, o, frozen ? INTEGRITY_FROZEN : INTEGRITY_SEALED) < 0 ? -1 : 1;
}

// ---- dispatch helpers ----

static int get_own(ThreadState *ts, Object *o, PropKey key, PropertyDescriptor *out) {
    const ObjectMethods *m = methods_of(o);
    if (m && m->get_own_property) return m->get_own_property(ts, o, key, out);
    return ordinary_get_own_property(ts, o, key, out);
}

static Value prototype_of(ThreadState *ts, Object *o) {
    const ObjectMethods *m = methods_of(o);
    if (m && m->get_prototype_of) return m->get_prototype_of(ts, o);
    return load_relaxed(&structure_of(o)->prototype);   // a dictionary changes it in place
}

static Values *own_keys(ThreadState *ts, Object *o, int flags) {
    const ObjectMethods *m = methods_of(o);
    if (m && m->own_keys) return m->own_keys(ts, o, flags);
    return ordinary_own_keys(ts, o, flags, NULL);
}

static Value call_getter(ThreadState *ts, Value getter, Value receiver) {
    if (value_is_undefined(getter)) return JS_UNDEFINED;
    return interp_call(ts, getter, receiver, NULL, 0);
}

// ---- the essential internal methods ----

int object_get_own_property(ThreadState *ts, Value obj, PropKey key, PropertyDescriptor *out) {
    PropertyDescriptor ignored;
    if (!property_key_is_index(key) && !check_access(ts, value_to_object(obj))) return -1;
    return get_own(ts, value_to_object(obj), key, out ? out : &ignored);
}

// [[Get]] as a loop over the prototype chain instead of the spec's recursion: an exotic [[Get]]
// (a Proxy, later) takes over where it appears; everyone else is OrdinaryGet.
Value object_get_with_receiver(ThreadState *ts, Value obj, PropKey key, Value receiver) {
    Object *o = value_to_object(obj);
    for (;;) {
        const ObjectMethods *m = methods_of(o);
        if (!property_key_is_index(key) && !check_access(ts, o)) return JS_EXCEPTION;
        if (m && m->get) return m->get(ts, o, key, receiver);
        // Stored properties first when storage is authoritative; virtual keys after.
        PropRef ref;
        if ((!m || (m->traits & EXOTIC_PLAIN_STORAGE)) && find_own(o, structure_of(o), key, &ref)) {
            Value v = ref_load(o, &ref);
            if (!(ref.attributes & PROP_ACCESSOR)) return v;
            return call_getter(ts, accessor_getter(v), receiver);
        }
        if (m && m->get_own_property) {
            PropertyDescriptor desc;
            int found = m->get_own_property(ts, o, key, &desc);
            if (found < 0) return JS_EXCEPTION;
            if (found)
                return (desc.attributes & PROP_ACCESSOR) ? call_getter(ts, desc.getter, receiver)
                                                         : desc.value;
        }
        Value proto = prototype_of(ts, o);
        if (value_is_exception(proto)) return JS_EXCEPTION;
        if (!value_is_object(proto)) return JS_UNDEFINED;
        o = value_to_object(proto);
    }
}

Value object_get(ThreadState *ts, Value obj, PropKey key) {
    return object_get_with_receiver(ts, obj, key, obj);
}

// OrdinarySet (ES2020 9.1.9.2) from `o` up the prototype chain, with a separate receiver.
static int set_slow(ThreadState *ts, Object *o, PropKey key, Value v, Value receiver,
                    bool throw_on_failure) {
    // Steps 1-2: the first object on the chain that has the property decides, or nobody does.
    PropertyDescriptor own;
    for (Object *holder = o;;) {
        const ObjectMethods *m = methods_of(holder);
        if (!check_access(ts, holder)) return -1;
        if (m && m->set) return m->set(ts, holder, key, v, receiver, throw_on_failure);
        int found = get_own(ts, holder, key, &own);
        if (found < 0) return -1;
        if (found) break;
        Value proto = prototype_of(ts, holder);
        if (value_is_exception(proto)) return -1;
        if (!value_is_object(proto)) {
            own.attributes = PROP_DEFAULT;  // as if an own writable data property were there
            break;
        }
        holder = value_to_object(proto);
    }
    // Step 3 (ES2020 9.1.9.2 OrdinarySetWithOwnDescriptor): an accessor calls its setter.
    if (own.attributes & PROP_ACCESSOR) {
        if (value_is_undefined(own.setter))
            return object_refuse(ts, throw_on_failure,
                                 "Cannot set property %K of %V which has only a getter", key,
                                 receiver);
        Value result = interp_call(ts, own.setter, receiver, &v, 1);
        return value_is_exception(result) ? -1 : 1;
    }
    // Step 2: a data property, own or inherited; the write lands on the receiver.
    if (!(own.attributes & PROP_WRITABLE))
        return object_refuse(ts, throw_on_failure,
                             "Cannot assign to read only property '%K' of object '%V'", key,
                             receiver);
    if (!value_is_object(receiver))
        return object_refuse(ts, throw_on_failure, "Cannot create property '%K' on %V", key,
                             receiver);
    Object *r = value_to_object(receiver);
    PropertyDescriptor existing;
    int found = get_own(ts, r, key, &existing);
    if (found < 0) return -1;
    if (found) {
        if (existing.attributes & PROP_ACCESSOR)
            return object_refuse(ts, throw_on_failure, "Cannot redefine property: %K", key);
        if (!(existing.attributes & PROP_WRITABLE))
            return object_refuse(ts, throw_on_failure,
                                 "Cannot assign to read only property '%K' of object '%V'", key,
                                 receiver);
        PropertyDescriptor value_only = {.value = v, .has = DESC_HAS_VALUE};
        return object_define_own_property(ts, receiver, key, &value_only, throw_on_failure);
    }
    PropertyDescriptor created = {.value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED,
                                  .attributes = PROP_DEFAULT};
    complete_has(&created);
    int defined = object_define_own_property(ts, receiver, key, &created, false);
    if (defined == 0)
        return object_refuse(ts, throw_on_failure, "Cannot add property %K, object is not extensible",
                             key);
    return defined;
}

int object_set(ThreadState *ts, Value obj, PropKey key, Value v, Value receiver,
               bool throw_on_failure) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    // Fast path: an own writable data property in ordinary storage, assigned on the object itself.
    if (receiver == obj && (!m || ((m->traits & EXOTIC_PLAIN_STORAGE) && !m->set))) {
        PropRef ref;
        Structure *s = structure_of(o);
        if (!restricted_for(ts, s) && find_own(o, s, key, &ref) &&
            (ref.attributes & (PROP_WRITABLE | PROP_ACCESSOR)) == PROP_WRITABLE) {
            if (ref.kind == REF_ELEMENT) store_element(ts, o, ref.where, v);
            else store_slot(ts, o, ref.where, v);
            return 1;
        }
    }
    return set_slow(ts, o, key, v, receiver, throw_on_failure);
}

int object_add_if_absent(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes) {
    Object *o = value_to_object(obj);
    if (methods_of(o)) return 0;   // exotic (arrays too: length): the generic define decides
    PropRef ref;
    if (find_own(o, structure_of(o), key, &ref)) return 0;
    int added = add_property(ts, o, key, (uint8_t)(attributes & ~PROP_ACCESSOR), v);
    return added < 0 ? -1 : added == 0 ? 1 : 0;
}

int object_add_data_if_absent(ThreadState *ts, Value obj, PropKey key, Value v) {
    return object_add_if_absent(ts, obj, key, v, PROP_DEFAULT);
}

int object_define_own_property(ThreadState *ts, Value obj, PropKey key,
                               const PropertyDescriptor *desc, bool throw_on_failure) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (!check_access(ts, o)) return -1;
    if (m && m->define_own_property) return m->define_own_property(ts, o, key, desc, throw_on_failure);
    return ordinary_define_own_property(ts, o, key, desc, throw_on_failure);
}

static int define_value(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes,
                        bool throw_on_failure) {
    // The common case, an object literal's or a class field's new named data property on an
    // ordinary object: with the key absent and the object extensible there is no descriptor to
    // validate, so the add runs directly. A racing thread that made the object non-extensible
    // or added the key first is met by the add's own re-checks under its claim (ADD_REFUSED,
    // ADD_EXISTS), and the full define below then decides against what that thread made.
    Object *o = value_to_object(obj);
    if (!methods_of(o) && !property_key_is_index(key)) {
        Structure *s = structure_of(o);
        if (!restricted_for(ts, s) && structure_is_extensible(s) && structure_lookup(s, key, NULL) < 0) {
            int added = add_to_structure(ts, o, key, (uint8_t)(attributes & ~PROP_ACCESSOR), v, true, true);
            if (added <= 0) return added < 0 ? -1 : 1;
        }
    }
    PropertyDescriptor desc = {.value = v, .getter = JS_UNDEFINED, .setter = JS_UNDEFINED,
                               .attributes = (uint8_t)(attributes & ~PROP_ACCESSOR)};
    complete_has(&desc);
    return object_define_own_property(ts, obj, key, &desc, throw_on_failure);
}

int object_define_value(ThreadState *ts, Value obj, PropKey key, Value v, uint8_t attributes) {
    return define_value(ts, obj, key, v, attributes, false);
}

int object_create_data_property_or_throw(ThreadState *ts, Value obj, PropKey key, Value v) {
    return define_value(ts, obj, key, v, PROP_DEFAULT, true);
}

int object_define_accessor(ThreadState *ts, Value obj, PropKey key, Value getter, Value setter,
                           uint8_t attributes) {
    PropertyDescriptor desc = {.value = JS_UNDEFINED, .getter = getter, .setter = setter,
                               .attributes = (uint8_t)(attributes | PROP_ACCESSOR)};
    complete_has(&desc);
    return object_define_own_property(ts, obj, key, &desc, false);
}

int object_has_property(ThreadState *ts, Value obj, PropKey key) {
    Object *o = value_to_object(obj);
    for (;;) {
        const ObjectMethods *m = methods_of(o);
        if (!check_access(ts, o)) return -1;
        if (m && m->has_property) return m->has_property(ts, o, key);
        PropertyDescriptor desc;
        int found = get_own(ts, o, key, &desc);
        if (found != 0) return found;
        Value proto = prototype_of(ts, o);
        if (value_is_exception(proto)) return -1;
        if (!value_is_object(proto)) return 0;
        o = value_to_object(proto);
    }
}

int object_has_own_property(ThreadState *ts, Value obj, PropKey key) {
    PropertyDescriptor desc;
    if (!check_access(ts, value_to_object(obj))) return -1;
    return get_own(ts, value_to_object(obj), key, &desc);
}

int object_delete(ThreadState *ts, Value obj, PropKey key, bool throw_on_failure) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (!check_access(ts, o)) return -1;
    if (m && m->delete_property) return m->delete_property(ts, o, key, throw_on_failure);
    return ordinary_delete(ts, o, key, throw_on_failure);
}

Value object_own_keys(ThreadState *ts, Value obj, int flags) {
    if (!check_access(ts, value_to_object(obj))) return JS_EXCEPTION;
    Values *keys = own_keys(ts, value_to_object(obj), flags);
    if (!keys) return JS_EXCEPTION;
    // Index keys become strings; the Values cell (a conservative root here) keeps them alive.
    for (uint32_t i = 0; i < keys->count; i++) {
        Value k = property_key_to_value(ts, keys->items[i]);
        if (value_is_exception(k)) return JS_EXCEPTION;
        keys->items[i] = k;
    }
    return array_from_values(ts, keys->items, keys->count);
}

// ---- prototypes and extensibility ----

Value object_get_prototype_of(ThreadState *ts, Value obj) {
    return prototype_of(ts, value_to_object(obj));
}

// Serializes prototype changes to objects [OM-13]; never held across anything but the cycle
// check and change_prototype.
static pthread_mutex_t prototype_chain_lock = PTHREAD_MUTEX_INITIALIZER;

// OrdinarySetPrototypeOf (ES2020 9.1.2.1) with V8's messages.
int object_set_prototype_of(ThreadState *ts, Value obj, Value proto, bool throw_on_failure) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (!check_access(ts, o)) return -1;
    if (m && m->set_prototype_of) return m->set_prototype_of(ts, o, proto, throw_on_failure);
    Structure *s = structure_of(o);
    if (s->prototype == proto) return 1;
    if (!structure_is_extensible(s))
        return object_refuse(ts, throw_on_failure, "%V is not extensible", obj);
    if (!value_is_object(proto)) return change_prototype(ts, o, proto) < 0 ? -1 : 1;
    // The cycle check and the change are one step for all threads [OM-13]: two threads setting
    // a.__proto__ = b and b.__proto__ = a at once must not both pass their checks.
    if (pthread_mutex_trylock(&prototype_chain_lock) != 0) {
        safepoint_enter_blocked(ts);   // the holder may be allocating, i.e. waiting for a stop [SP-5]
        pthread_mutex_lock(&prototype_chain_lock);
        safepoint_leave_blocked(ts);
    }
    int result = 1;
    // OrdinarySetPrototypeOf's cycle check stops at an exotic [[GetPrototypeOf]] (a Proxy).
    for (Value p = proto; value_is_object(p);) {
        if (p == obj) {
            result = 0;
            break;
        }
        const ObjectMethods *pm = methods_of(value_to_object(p));
        if (pm && pm->get_prototype_of) break;
        p = structure_of(value_to_object(p))->prototype;
    }
    if (result == 1 && change_prototype(ts, o, proto) < 0) result = -1;
    pthread_mutex_unlock(&prototype_chain_lock);
    if (result == 0) return object_refuse(ts, throw_on_failure, "Cyclic __proto__ value");
    return result;
}

int object_is_extensible(ThreadState *ts, Value obj) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (!check_access(ts, o)) return -1;
    if (m && m->is_extensible) return m->is_extensible(ts, o);
    return structure_is_extensible(structure_of(o)) ? 1 : 0;
}

int object_prevent_extensions(ThreadState *ts, Value obj, bool throw_on_failure) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (!check_access(ts, o)) return -1;
    if (m && m->prevent_extensions) return m->prevent_extensions(ts, o, throw_on_failure);
    if (!structure_is_extensible(structure_of(o))) return 1;
    return change_integrity(ts, o, INTEGRITY_PREVENT_EXTENSIONS) < 0 ? -1 : 1;
}

// SetIntegrityLevel by the spec's steps, for exotic objects whose [[DefineOwnProperty]] matters.
static int set_integrity_generic(ThreadState *ts, Value obj, bool frozen) {
    int done = object_prevent_extensions(ts, obj, false);
    if (done <= 0) return done;
    Values *keys = own_keys(ts, value_to_object(obj), OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (!keys) return -1;
    for (uint32_t i = 0; i < keys->count; i++) {
        PropertyDescriptor desc = {.attributes = 0, .has = DESC_HAS_CONFIGURABLE};
        if (frozen) {
            PropertyDescriptor current;
            int found = object_get_own_property(ts, obj, keys->items[i], &current);
            if (found < 0) return -1;
            if (!found) continue;
            if (!(current.attributes & PROP_ACCESSOR)) desc.has |= DESC_HAS_WRITABLE;
        }
        if (object_define_own_property(ts, obj, keys->items[i], &desc, true) < 0) return -1;
    }
    return 1;
}

// Ordinary objects (and exotics whose virtual keys are already frozen) change all attributes in
// one integrity transition; the rest run the spec's per-key algorithm.
int object_set_integrity(ThreadState *ts, Value obj, bool frozen) {
    Object *o = value_to_object(obj);
    const ObjectMethods *m = methods_of(o);
    if (m && m->set_integrity) return m->set_integrity(ts, o, frozen);
    if (m && (m->define_own_property || m->prevent_extensions || m->own_keys))
        return set_integrity_generic(ts, obj, frozen);
    return ordinary_set_integrity(ts, o, frozen);
}

int object_test_integrity(ThreadState *ts, Value obj, bool frozen) {
    int extensible = object_is_extensible(ts, obj);
    if (extensible != 0) return extensible < 0 ? -1 : 0;
    Values *keys = own_keys(ts, value_to_object(obj), OWN_KEYS_STRINGS | OWN_KEYS_SYMBOLS);
    if (!keys) return -1;
    for (uint32_t i = 0; i < keys->count; i++) {
        PropertyDescriptor desc;
        int found = object_get_own_property(ts, obj, keys->items[i], &desc);
        if (found < 0) return -1;
        if (!found) continue;
        if (desc.attributes & PROP_CONFIGURABLE) return 0;
        if (frozen && !(desc.attributes & PROP_ACCESSOR) && (desc.attributes & PROP_WRITABLE)) return 0;
    }
    return 1;
}

// ---- Thread.restrict ----

// Builtin prototypes and constructors whose species or internal slots other code relies on.
static bool restrict_excluded(ThreadState *ts, Value v) {
    static const Intrinsic excluded[] = {
        INTRINSIC_ARRAY, INTRINSIC_ARRAY_PROTOTYPE, INTRINSIC_PROMISE, INTRINSIC_PROMISE_PROTOTYPE,
        INTRINSIC_REGEXP, INTRINSIC_OBJECT_PROTOTYPE, INTRINSIC_FUNCTION_PROTOTYPE,
        INTRINSIC_ARRAY_BUFFER_PROTOTYPE, INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE,
        INTRINSIC_TYPED_ARRAY_PROTOTYPE,
    };
    for (size_t i = 0; i < sizeof excluded / sizeof excluded[0]; i++)
        if (realm_intrinsic(ts, excluded[i]) == v) return true;
    // The constructors are functions (never restrictable); their prototypes are plain objects.
    for (int k = 0; k < TA_KIND_COUNT; k++)
        if (realm_intrinsic(ts, (Intrinsic)(INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + k)) == v) return true;
    Value regexp = realm_intrinsic(ts, INTRINSIC_REGEXP);
    if (value_is_object(regexp)) {
        // RegExp.prototype has no intrinsic slot: read it without running code.
        PropRef ref;
        Object *r = value_to_object(regexp);
        if (find_own(r, structure_of(r), ATOM(ts, prototype), &ref) && ref.value == v) return true;
    }
    return false;
}

bool object_restrict(ThreadState *ts, Value v) {
    // Only ordinary objects and arrays: every other kind has internal methods or slots that the
    // per-operation checks of object.c would not see.
    CellType type = value_cell_type(v);
    if ((type != CELL_OBJECT && type != CELL_ARRAY) || restrict_excluded(ts, v)) {
        error_throw_type(ts, "cannot restrict this object");
        return false;
    }
    // An unrestricted object has no owner yet: any thread may claim it, and of racing claimants
    // exactly one wins. The answer is decided under the claim, against the claimed structure, so
    // a loser sees the winner's restriction and throws instead of reporting success [OM-12].
    Object *o = value_to_object(v);
    Structure *seen = structure_of(o);
    if (structure_is_restricted(seen) && !restricted_for(ts, seen)) return true;  // once restricted, for good
    uint32_t id = lock_and_claim(ts, o);
    Structure *s = structure_for_id(id);
    if (structure_is_restricted(s)) {
        bool mine = !restricted_for(ts, s);
        publish_and_unlock(o, id);
        if (!mine) error_throw_concurrent_access(ts, "Thread.restrict called from a non-owning thread");
        return mine;
    }
    Structure *next = structure_restrict(ts, s, ts->tid);
    publish_and_unlock(o, next ? next->id : id);
    return next != NULL;
}

bool structure_is_restricted(const Structure *s) {
    return (load_relaxed(&s->flags) & STRUCTURE_RESTRICTED) != 0;
}

// ---- Atomics on object properties ----

Value *object_atomic_slot(ThreadState *ts, Value v, Value key, uint8_t *attrs) {
    if (!value_is_object(v)) return NULL;
    Object *o = value_to_object(v);
    const ObjectMethods *m = methods_of(o);
    if (m && !(m->traits & EXOTIC_PLAIN_STORAGE)) return NULL;
    PropRef ref;
    if (!find_own(o, structure_of(o), key, &ref) || (ref.attributes & PROP_ACCESSOR)) return NULL;
    // SW before handing out the address: from now on no flat copy replaces this storage [OM-4].
    butterfly_claim_shared_write(ts, o);
    Value *p = ref.kind == REF_ELEMENT ? butterfly_element_address(o, ref.where)
                                       : object_slot_address(o, ref.where);
    if (!p) return NULL;
    *attrs = ref.attributes;
    return p;
}

// ---- inline-cache entry points ----

bool object_ic_cacheable(const Object *o) {
    const ObjectMethods *m = methods_of(o);
    return !m || ((m->traits & EXOTIC_PLAIN_STORAGE) && !m->get && !m->set);
}

// True when no object on the chain from `proto` can have an indexed property, so writing into a
// hole cannot meet a setter or a read-only element there.
static bool prototypes_lack_indexes(Value proto) {
    for (int depth = 0; value_is_object(proto); depth++) {
        Object *p = value_to_object(proto);
        const ObjectMethods *m = methods_of(p);
        if (depth > 16 || (m && !(m->traits & EXOTIC_NO_VIRTUAL_INDEXES))) return false;
        Structure *s = structure_of(p);
        if (object_elements_length(p) != 0 || structure_has_index_keys(s)) return false;
        proto = load_relaxed(&s->prototype);   // a dictionary changes it in place
    }
    return true;
}

// The interpreter's element store: in-capacity writes to ordinary objects and arrays. Filling a
// hole is an add, so it also needs an extensible object with default element attributes, no
// indexed property on the chain, and (arrays) a writable length when it extends the length.
bool object_set_element_fast(ThreadState *ts, Object *o, uint32_t index, Value v) {
    const ObjectMethods *m = methods_of(o);
    if (m && !(m->traits & EXOTIC_NO_VIRTUAL_INDEXES)) return false;
    Value *slot = element_address(o, index);
    if (!slot) return false;
    // The id first: a hole fill below claims exactly the id whose structure it checked [OM-15].
    uint32_t id = object_structure_id(o);
    Structure *s = structure_for_id(id);
    if (!s || restricted_for(ts, s)) return false;  // mid-edit dictionary: slow path; restricted: it throws
    if (!butterfly_may_store(ts, o)) {
        // The first store of a foreign thread: SW first, then the address in the storage that
        // is current from now on [OM-4].
        butterfly_claim_shared_write(ts, o);
        slot = element_address(o, index);
    }
    if (load_acquire(slot) != JS_HOLE) {
        if (!(s->element_attributes & PROP_WRITABLE)) return false;
        store_release(slot, v);
        return true;
    }
    if (!structure_plain_elements(s) || !prototypes_lack_indexes(s->prototype)) return false;
    // Filling a hole is an add [OM-15]: under a claim of the id whose structure was checked. The
    // lock-free owner claims with a CAS; anyone else, and an owner whose CAS lost to a racing
    // claimer, takes the cell lock (waiting as blocked) and checks again under its claim. Only a
    // real change (another structure) leaves it to the slow path: a merely contended store must
    // not, since the slow path of Array.prototype.push ends with a Set of `length` that could
    // undo a racing raise [OM-15].
    uint32_t checked = id & ~STRUCTURE_ID_BUSY;
    bool locked = (id & STRUCTURE_ID_BUSY) || !lock_free_path(ts, o) || !claim(o, id);
    if (locked) {
        uint32_t claimed = lock_and_claim(ts, o);
        if (claimed != checked) {
            publish_and_unlock(o, claimed);
            return false;
        }
    }
    // A racing store filled the hole meanwhile: ours overwrites it (the elements are plain, so
    // writable), as if it came after. The element before the length (a release max): a reader
    // that sees the new length finds it.
    bool stored = true;
    bool raise = false;
    if (o->header.type == CELL_ARRAY && index >= load_relaxed(&((Array *)o)->length)) {
        if (!load_relaxed(&((Array *)o)->length_writable)) stored = false;
        else raise = true;
    }
    if (stored) store_element(ts, o, index, v);
    if (raise) array_raise_length((Array *)o, index + 1);
    if (locked) publish_and_unlock(o, checked);
    else store_release(&o->header.structure_id, checked);
    return stored;
}

// Whether a Set of any index on o can run no user code: o takes plain element writes and nothing
// on its prototype chain can have an indexed property (so no setter, no Proxy trap). Then every
// index store only raises an array's length, by an atomic max [OM-15].
bool object_indexed_sets_are_plain(const Object *o) {
    const ObjectMethods *m = methods_of(o);
    if (m && !(m->traits & EXOTIC_NO_VIRTUAL_INDEXES)) return false;
    Structure *s = structure_of(o);
    return structure_plain_elements(s) && prototypes_lack_indexes(load_relaxed(&s->prototype));
}

// ---- tracing: every object kind's hook starts with object_trace ----

/*
 * The world is stopped, so no reader is between loading an old structure id and reading a slot
 * through it (readers never hold an id across a safepoint, OM-8): the slots a delete or a kind
 * change quarantined can lose their old values now, before the butterfly is traced, so those
 * values are collected in this cycle. Until now a stale reader read the old value there, one the
 * property really held, never a placeholder.
 */
static void clear_quarantined_slots(Object *o, const Structure *s) {
    const Values *pending = s->free_slots_pending;
    for (uint32_t i = 0; i < pending->count; i++) {
        uint32_t slot = (uint32_t)value_to_int(pending->items[i]);
        if (slot < object_named_capacity(o)) *object_slot_address(o, slot) = JS_UNDEFINED;
    }
}

void object_trace(Marker *m, Cell *cell) {
    Object *o = (Object *)cell;
    // The id table is weak: an object is what keeps its structure alive.
    Structure *s = structure_for_id(o->header.structure_id);
    heap_mark_cell(m, s);
    // A dictionary belongs to one object, so its quarantined slots are this object's [OM-8].
    if (s && structure_is_dictionary(s) && s->free_slots_pending && s->free_slots_pending->count)
        clear_quarantined_slots(o, s);
    // The word's own pointer: a flat block, or the spine that holds every segment [OM-5].
    heap_mark_cell(m, (void *)(o->butterfly & BUTTERFLY_POINTER_MASK));
}

void primitive_object_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((PrimitiveObject *)cell)->primitive);
}

void bound_function_trace(Marker *m, Cell *cell) {
    BoundFunction *f = (BoundFunction *)cell;
    object_trace(m, cell);
    heap_mark_value(m, f->target);
    heap_mark_value(m, f->bound_this);
    heap_mark_value(m, f->bound_args);
}

void native_function_trace(Marker *m, Cell *cell) {
    NativeFunction *f = (NativeFunction *)cell;
    object_trace(m, cell);
    heap_mark_values(m, f->data, 2);
}
