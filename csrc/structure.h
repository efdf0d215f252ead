/*
 * structure.h — private to the object model (structure.c, butterfly.c, object.c, objectexotic.c)
 * and to interp.c's inline caches: the Structure and PropertyTable cells, the layout mutations
 * that object.c performs, and butterfly.c's storage functions. Everything else uses object.h.
 * Implements the data side of OM-1..OM-3, OM-5, OM-8 and OM-10..OM-12 (specs/objectmodel.md).
 */
#ifndef JST_STRUCTURE_H
#define JST_STRUCTURE_H

#include <stdbool.h>
#include <stdint.h>
#include "value.h"
#include "heap.h"
#include "thread.h"
#include "object.h"

/*
 * A property table: keys in insertion order, each with its slot and attributes. Small tables are
 * searched linearly; from TABLE_LINEAR_MAX entries on, an open-addressing index of entry numbers
 * follows the entries in the same cell. Deleted entries (dictionary structures only) keep their
 * place with key JS_HOLE, which no real key ever equals, so the index needs no tombstones.
 * Written only by the structure's owner: a shared structure's table is frozen at creation.
 */
typedef struct PropertyEntry {
    PropKey key;              // atom, symbol or index key; JS_HOLE once deleted
    uint32_t slot;            // named slot in the butterfly (transition tables: child number)
    uint8_t attributes;       // PROP_* bits
    uint8_t unused[3];
} PropertyEntry;

typedef struct PropertyTable {
    Cell header;              // CELL_PROPERTY_TABLE
    uint32_t count;           // entries used, deleted ones included
    uint32_t capacity;        // entries that fit
    uint32_t live;            // entries whose key is not JS_HOLE
    uint32_t index_mask;      // index size - 1, or 0 when searched linearly
    PropertyEntry entries[];  // then uint32_t index[index_mask + 1]: entry number + 1, 0 = empty
} PropertyTable;

#define TABLE_LINEAR_MAX 8
static inline uint32_t *property_table_index(PropertyTable *t) {
    return (uint32_t *)(t->entries + t->capacity);
}

// A structure's weak list of children: a CELL_BYTES cell, so the collector never traces it.
typedef struct TransitionList {
    Cell header;              // CELL_BYTES
    uint32_t count;
    uint32_t capacity;
    PropertyTable *table;     // its (key, attributes) -> child number table, published together
    Structure *children[];    // NULL once swept
} TransitionList;

// Structure.flags.
enum {
    STRUCTURE_DICTIONARY = 1,     // owned by one object, mutated in place with fresh ids [OM-3]
    STRUCTURE_NOT_EXTENSIBLE = 2,
    STRUCTURE_HAS_INDEX_KEYS = 4, // the table holds index keys (sparse or non-default attributes)
    STRUCTURE_HAS_ACCESSORS = 8,
    STRUCTURE_HAS_READ_ONLY = 16, // some property is a non-writable data property
    STRUCTURE_RESTRICTED = 32,    // Thread.restrict: only restricted_tid may use the object
};

// The pseudo-keys of integrity transitions: not atoms, symbols or numbers, so never a real key.
#define TRANSITION_INTEGRITY_KEY JS_FALSE
typedef enum IntegrityLevel {
    INTEGRITY_PREVENT_EXTENSIONS = 0,
    INTEGRITY_SEALED = 1,
    INTEGRITY_FROZEN = 2,
} IntegrityLevel;

/*
 * A structure. Shared structures are immutable after structure_publish; a dictionary structure
 * is written by its one object's owner (under the cell lock from issue 4 [OM-7]) and renews its
 * id on every write [OM-3]. Readers on other threads see the id and layout the owner published.
 */
struct Structure {
    Cell header;                  // CELL_STRUCTURE
    uint32_t id;                  // shared: fixed; dictionary: renewed by every mutation [OM-3]
    uint32_t flags;               // STRUCTURE_*
    uint32_t property_count;      // live properties in `table`
    uint32_t slot_count;          // named slots in use or quarantined: every slot < slot_count
    uint8_t element_attributes;   // the attributes every dense element has (PROP_DEFAULT unless
                                  // sealed or frozen)
    uint8_t transition_attributes;// the edge from the parent: attributes ...
    uint16_t restricted_tid;      // STRUCTURE_RESTRICTED: the only thread allowed (fixed)
    PropKey transition_key;       // ... and key (JS_HOLE for an initial structure)
    Value prototype;              // JS_NULL or an object
    PropertyTable *table;         // NULL while there are no properties
    // Transitions: weak references, pruned by structure_table_sweep. One child is kept directly;
    // from the second on, a table maps (key, attributes) to a child number in `children`.
    Structure *transition_single;
    PropertyTable *transition_table;
    TransitionList *transition_children;
    // Dictionary structures: slots freed by deletes [OM-8]. `free_slots_pending` waits for the
    // next sweep (a safepoint epoch); only `free_slots` may be reused. Values of int Values.
    Values *free_slots_pending;
    Values *free_slots;
};

// ---- the id table (structure.c) ----
// The structure currently named `id`, or NULL (id 0, dead or retired). Lock-free [OM-9].
Structure *structure_for_id(uint32_t id);

// The collector's side of id recycling [OM-14] (heap.c calls these with the world stopped):
// drops a live Code cell's inline-cache entries and profile ids that name dead ids.
void structure_clear_dead_caches(Runtime *rt, Cell *code);
// Ids currently handed out (live, retired or dead but not yet recycled), for tests.
uint32_t structure_ids_in_use(void);

// ---- reading structures ----
// Flags and element attributes of a dictionary change in place under its claim while other
// threads read them: relaxed loads, each a value that was true a moment ago [OM-11].
static inline bool structure_is_extensible(const Structure *s) {
    return !(load_relaxed(&s->flags) & STRUCTURE_NOT_EXTENSIBLE);
}
static inline bool structure_has_index_keys(const Structure *s) {
    return (load_relaxed(&s->flags) & STRUCTURE_HAS_INDEX_KEYS) != 0;
}
// Dense element writes need no attribute or extensibility checks.
static inline bool structure_plain_elements(const Structure *s) {
    return !(load_relaxed(&s->flags) & (STRUCTURE_NOT_EXTENSIBLE | STRUCTURE_HAS_INDEX_KEYS)) &&
           load_relaxed(&s->element_attributes) == PROP_DEFAULT;
}
// The entries in insertion order (deleted ones have key JS_HOLE); count in *count.
const PropertyEntry *structure_entries(const Structure *s, uint32_t *count);

// ---- changing layouts (structure.c); object.c calls these from its OM-7 functions only ----
// An unshared copy of s for one object, with a new id. NULL on OOM (exception pending).
Structure *structure_to_dictionary(ThreadState *ts, Structure *s);
// In place, on a dictionary structure; each gives it a fresh id and retires the old one [OM-3].
// false on OOM (ids included), with nothing changed.
bool structure_dictionary_remove(ThreadState *ts, Structure *s, PropKey key);
// Returns the key's slot afterwards: a change of kind (data <-> accessor) moves the key to a
// fresh slot and quarantines the old one, so no reader of an older id ever finds an Accessor
// where it expects data [OM-10]; `fill` stores the value into the fresh slot before the entry
// names it, so no reader of the entry finds the slot unwritten. The caller made room for
// slot_count + 1 slots. -1 on OOM.
int32_t structure_dictionary_set_attributes(ThreadState *ts, Structure *s, PropKey key,
                                            uint8_t attributes, const SlotFill *fill);
bool structure_dictionary_set_prototype(ThreadState *ts, Structure *s, Value prototype);
// The structure of a restricted object (Thread.restrict): s's layout as a dictionary flagged
// STRUCTURE_RESTRICTED with restricted_tid = tid (a fresh copy for a shared s, s itself renewed
// for a dictionary). NULL on OOM.
Structure *structure_restrict(ThreadState *ts, Structure *s, uint16_t tid);
// The structure after preventExtensions / seal / freeze: a cached transition of a shared
// structure, or the same dictionary structure changed in place. NULL on OOM.
Structure *structure_integrity_transition(ThreadState *ts, Structure *s, IntegrityLevel level);

// ---- butterflies (butterfly.c) ----
static inline uint16_t butterfly_owner(const Object *o) {
    return (uint16_t)((load_relaxed(&o->butterfly) >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK);
}
static inline bool butterfly_shared_write(const Object *o) {
    return (load_acquire(&o->butterfly) & BUTTERFLY_SHARED_WRITE) != 0;
}
// Whether ts may store into o's storage without claiming SW first: it is the owner, or SW is
// set already [OM-4].
static inline bool butterfly_may_store(ThreadState *ts, const Object *o) {
    uintptr_t word = load_relaxed(&o->butterfly);
    return (word & BUTTERFLY_SHARED_WRITE) ||
           ((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid;
}
uint32_t butterfly_spine_elements_length(uintptr_t word);
uint32_t butterfly_spine_elements_capacity(uintptr_t word);
uint32_t butterfly_spine_named_capacity(uintptr_t word);
// Capacities and lengths of either layout (segmented: all segments together).
static inline uint32_t object_elements_length(const Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (word & BUTTERFLY_SEGMENTED) return butterfly_spine_elements_length(word);
    Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    return b ? load_acquire(&b->elements_length) : 0;
}
static inline uint32_t object_elements_capacity(const Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (word & BUTTERFLY_SEGMENTED) return butterfly_spine_elements_capacity(word);
    Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    return b ? b->elements_capacity : 0;
}
static inline uint32_t object_named_capacity(const Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (word & BUTTERFLY_SEGMENTED) return butterfly_spine_named_capacity(word);
    Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    return b ? b->named_capacity : 0;
}
// The dense element at index, or JS_HOLE when absent.
static inline Value object_element(const Object *o, uint32_t index) {
    return object_load_element(o, index);
}
// The address of element `index` (either layout), or NULL beyond the capacity.
Value *butterfly_element_address(const Object *o, uint32_t index);
// Records a store at `index`: raises the elements length with an atomic max [OM-4].
void butterfly_note_element(Object *o, uint32_t index);
// Sets SW on o's word by CAS unless ts owns o or SW is set already [OM-4]. True when this call
// set it. Call before the first store of a foreign thread into existing storage.
bool butterfly_claim_shared_write(ThreadState *ts, Object *o);
// Stamps a new object's word with its owner and no storage [OM-1]. Before publication only.
void butterfly_init(Object *o, uint16_t owner_tid);
bool butterfly_init_named(ThreadState *ts, Object *o, uint32_t named);  // fresh o only; false: threw
// Makes room for `named` named slots and `elements` elements; new named slots read undefined
// and new elements JS_HOLE. The owner with SW clear copies into a bigger flat block and
// publishes it by a CAS expecting SW clear [OM-2]; everyone else (and the owner once that CAS
// fails) grows segmented storage under the cell lock [OM-5]. false on OOM (exception pending).
bool butterfly_grow(ThreadState *ts, Object *o, uint32_t named, uint32_t elements);
// Whether an element store at `index` should go to the structure as a sparse index key instead
// of growing the dense elements.
bool butterfly_index_is_sparse(const Object *o, uint32_t index);
// Drops dense elements at and above `length` (they become holes); used by array truncation.
void butterfly_truncate_elements(ThreadState *ts, Object *o, uint32_t length);

// ---- the cell lock (object.c) [OM-7] ----
// A per-object lock kept in a table hashed by the cell's address, so an object that is never
// shared pays nothing for it. Recursive for the holding thread. Contended waits count as
// blocked [SP-5], so the holder may allocate (reach a safepoint) while holding it. Never take
// the lock of a second object while holding one.
void object_lock(ThreadState *ts, const Object *o);
void object_unlock(const Object *o);

// The structure ids from the root of s's transition tree to s (at most `max` written; returns
// the chain's length). Read-only and allocation-free ($vm.getStructureTransitionList).
uint32_t structure_transition_chain(ThreadState *ts, const Structure *s, uint32_t *ids, uint32_t max);

#endif
