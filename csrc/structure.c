/*
 * structure.c — structures (hidden classes): the process-wide id table, property tables,
 * add/integrity transitions, the per-prototype initial structure cache, dictionary structures,
 * and the collector's sweep of all of these. Must not touch butterflies or objects: object.c
 * decides when a layout changes, this file only builds the new layout (a dictionary add calls
 * object.c's SlotFill at the one point where the value must be stored, OM-19).
 * Implements OM-3 (ids name immutable layouts), OM-8 (slot quarantine), OM-10 (kind changes move
 * slots), OM-19 (a dictionary key published after its value) and the structure side of OM-9 and
 * OM-11 (tables readers may search while one writer appends) from specs/objectmodel.md.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "structure.h"
#include "atomics.h"
#include "celltrace.h"
#include "errors.h"
#include "safepoint.h"
#include "frame.h"

/*
 * The model. Every object names its layout by a structure id. Objects start at the initial
 * structure of their prototype and move along a tree of cached transitions as they gain
 * properties:
 *
 *     initial(P) --x--> {x} --y--> {x,y} --freeze--> {x,y} frozen
 *                  \--y--> {y} --x--> {y,x}          (another order, another layout)
 *
 * Each node is a shared structure, frozen once published, so two objects that took the same
 * path have the same id and an inline cache keyed on that id serves both [OM-3]. An object
 * leaves the tree (delete, attribute change, prototype change with properties, more than
 * DICTIONARY_THRESHOLD properties) by getting a private dictionary copy, which it then edits in
 * place, renewing the id on every edit so that no cache ever sees two layouts under one id.
 * Edges are weak: the tree is pruned by the sweep as its nodes die.
 */

/*
 * The id table. Ids are process-wide so that object_trace, which only has a Marker, can find an
 * object's structure; each entry also records the Runtime that owns it, so one runtime's sweep
 * never judges another's cells. Two levels: a fixed array of chunk pointers, each chunk a fixed
 * array of entries. Chunks are published with a release store and never move or get freed, so
 * readers index them without a lock [OM-9]. Handing out and recycling ids holds `lock`, which
 * is never held across an allocation or a safepoint; entries are written as install_id says.
 */
#define ID_CHUNK_BITS 12
#define ID_CHUNK_SIZE (1u << ID_CHUNK_BITS)
#define ID_CHUNK_COUNT (1u << 16)
#define ID_LIMIT (ID_CHUNK_SIZE * ID_CHUNK_COUNT)

typedef struct IdChunk {
    Structure *structures[ID_CHUNK_SIZE];  // written with store_release under `lock`
    Runtime *owners[ID_CHUNK_SIZE];        // under `lock`: the runtime the id belongs to
} IdChunk;

static struct {
    pthread_mutex_t lock;
    IdChunk *chunks[ID_CHUNK_COUNT];       // store_release once, never changed again
    uint32_t next_id;                      // first id never handed out; id 0 is never used
    uint32_t *free_ids;                    // recycled ids (structure_table_recycle_ids)
    uint32_t free_count, free_capacity;
} ids = {.lock = PTHREAD_MUTEX_INITIALIZER, .next_id = 1};

/*
 * Per-runtime state. The initial structure of each prototype is cached in an open-addressing
 * hash keyed by the prototype's address. Entries are weak (dropped by the sweep when their
 * structure died; a live structure keeps its prototype alive). Readers probe without a lock;
 * inserts happen under `lock` and a grown table is published with a release store, the old one
 * being freed only by the next sweep, when no reader can hold it [OM-9].
 */
typedef struct InitialEntry {
    Value prototype;                       // 0 = empty; written last, with store_release
    Structure *structure;
} InitialEntry;

typedef struct InitialCache {
    struct InitialCache *retired_next;     // link in StructureTable.retired
    uint32_t mask;
    uint32_t count;
    InitialEntry entries[];
} InitialCache;

typedef struct StructureTable StructureTable;
struct StructureTable {
    pthread_mutex_t lock;                  // guards inserts into `initial` and `retired`
    InitialCache *initial;                 // load_acquire by readers
    InitialCache *retired;                 // replaced caches, freed by the sweep
    uint32_t *dead_ids;                    // ids freed by this collection's sweep [OM-3]
    uint32_t dead_count, dead_capacity;    // collector only (world stopped)
    uint32_t *cooling_ids;                 // ids freed by the previous collection [OM-14]
    uint32_t cooling_count, cooling_capacity;
};

#define DICTIONARY_THRESHOLD 64

// ---- the id table ----

Structure *structure_for_id(uint32_t id) {
    id &= ~STRUCTURE_ID_BUSY;  // a claimed id still names its layout [OM-7]
    IdChunk *chunk = load_acquire(&ids.chunks[(id >> ID_CHUNK_BITS) & (ID_CHUNK_COUNT - 1)]);
    if (!chunk) return NULL;
    return load_acquire(&chunk->structures[id & (ID_CHUNK_SIZE - 1)]);
}

Structure *structure_get(Runtime *rt, uint32_t id) {
    (void)rt;  // ids are process-wide; the parameter keeps the door open for per-runtime tables
    return structure_for_id(id);
}

static bool push_id(uint32_t **list, uint32_t *count, uint32_t *capacity, uint32_t id) {
    if (*count == *capacity) {
        uint32_t grown = *capacity ? *capacity * 2 : 256;
        uint32_t *bigger = realloc(*list, grown * sizeof(uint32_t));
        if (!bigger) return false;
        *list = bigger;
        *capacity = grown;
    }
    (*list)[(*count)++] = id;
    return true;
}

// Takes an unused id for the calling runtime without naming a structure yet, so that a caller
// can fail before changing anything. Recycled ids come first (only structure_table_recycle_ids
// puts any there); otherwise the next never-used id, allocating its chunk on first use. The
// caller installs the id before its next safepoint: a sweep would take an empty entry for a
// retired one. Out of ids is reported as out of memory.
static uint32_t take_id(ThreadState *ts) {
    pthread_mutex_lock(&ids.lock);
    uint32_t id = 0;
    if (ids.free_count > 0) {
        id = ids.free_ids[--ids.free_count];
    } else if (ids.next_id < ID_LIMIT) {
        IdChunk **slot = &ids.chunks[ids.next_id >> ID_CHUNK_BITS];
        if (!*slot) {
            // calloc of 64 KiB comes from mmap: untouched entries cost no memory.
            IdChunk *chunk = calloc(1, sizeof(IdChunk));
            if (chunk) store_release(slot, chunk);
        }
        if (*slot) id = ids.next_id++;
    }
    if (id != 0) ids.chunks[id >> ID_CHUNK_BITS]->owners[id & (ID_CHUNK_SIZE - 1)] = ts->rt;
    pthread_mutex_unlock(&ids.lock);
    if (id == 0) error_throw_out_of_memory(ts);
    return id;
}

// Names s by id. The structure's fields must be final (shared structures) or owned by the caller
// (dictionaries): the release store makes them visible with the id. An entry owned by this
// runtime is written only by the thread that owns its structure, or by the sweep while the world
// is stopped, so no lock is needed.
static void install_id(Structure *s, uint32_t id) {
    s->id = id;
    store_release(&ids.chunks[id >> ID_CHUNK_BITS]->structures[id & (ID_CHUNK_SIZE - 1)], s);
}

static bool publish(ThreadState *ts, Structure *s) {
    uint32_t id = take_id(ts);
    if (id != 0) install_id(s, id);
    return id != 0;
}

// Moves a dictionary to the id `fresh` (from take_id, taken before the edit it names). The old id
// then names nothing; it stays owned by this runtime until the sweep parks it on the dead list,
// because inline caches may still hold it [OM-3].
static void switch_id(Structure *s, uint32_t fresh) {
    uint32_t old = s->id;
    install_id(s, fresh);
    store_release(&ids.chunks[old >> ID_CHUNK_BITS]->structures[old & (ID_CHUNK_SIZE - 1)],
                  (Structure *)NULL);
}

uint32_t structure_id(const Structure *s) { return s->id; }

// ---- property tables ----

static uint32_t key_hash(PropKey key) {
    // Keys are atoms, symbols (cells that never move) or canonical numbers: their bits suffice.
    uint64_t x = key;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

// Small tables are scanned: up to TABLE_LINEAR_MAX keys a scan of 16-byte entries beats hashing.
// Larger ones get an index at most half full, so linear probing always meets an empty slot.
static uint32_t index_size_for(uint32_t capacity) {
    if (capacity <= TABLE_LINEAR_MAX) return 0;
    uint32_t size = 16;
    while (size < capacity * 2) size *= 2;
    return size;
}

// A zeroed table with room for `capacity` entries (and their index). Allocates: a safepoint.
static PropertyTable *table_new(ThreadState *ts, uint32_t capacity) {
    uint32_t index_size = index_size_for(capacity);
    size_t bytes = sizeof(PropertyTable) + capacity * sizeof(PropertyEntry) +
                   index_size * sizeof(uint32_t);
    PropertyTable *t = heap_alloc(ts, bytes, CELL_PROPERTY_TABLE);
    if (!t) return NULL;
    t->capacity = capacity;
    t->index_mask = index_size ? index_size - 1 : 0;
    return t;
}

// Records entry number `entry` in the hash index. Entry numbers are stored plus one so that a
// zeroed index means "empty" without a separate initialisation pass.
static void table_index_insert(PropertyTable *t, uint32_t entry) {
    uint32_t *index = property_table_index(t);
    uint32_t i = key_hash(t->entries[entry].key) & t->index_mask;
    while (index[i] != 0) i = (i + 1) & t->index_mask;
    store_release(&index[i], entry + 1);  // publishes the entry to lock-free readers [OM-11]
}

// Entry number of `key`, or -1. With want_attributes >= 0 the attributes must match too
// (transition tables hold one entry per (key, attributes)).
// Lock-free against one appending writer [OM-11]: an entry becomes visible through the release
// store of `count` (linear tables) or of its index word, after its fields were written.
static int32_t table_find(const PropertyTable *t, PropKey key, int want_attributes) {
    if (!t) return -1;
    if (t->index_mask == 0) {
        uint32_t count = load_acquire(&t->count);
        for (uint32_t e = 0; e < count; e++) {
            if (load_relaxed(&t->entries[e].key) == key &&
                (want_attributes < 0 || t->entries[e].attributes == want_attributes))
                return (int32_t)e;
        }
        return -1;
    }
    const uint32_t *index = (const uint32_t *)(t->entries + t->capacity);
    for (uint32_t i = key_hash(key) & t->index_mask;; i = (i + 1) & t->index_mask) {
        uint32_t entry = load_acquire(&index[i]);
        if (entry == 0) return -1;
        const PropertyEntry *p = &t->entries[entry - 1];
        if (load_relaxed(&p->key) == key && (want_attributes < 0 || p->attributes == want_attributes))
            return (int32_t)(entry - 1);
    }
}

// Appends an entry; the caller made sure count < capacity.
static void table_append(PropertyTable *t, PropKey key, uint32_t slot, uint8_t attributes) {
    uint32_t entry = t->count;
    t->entries[entry].key = key;
    t->entries[entry].slot = slot;
    t->entries[entry].attributes = attributes;
    t->live++;
    if (t->index_mask) table_index_insert(t, entry);
    store_release(&t->count, entry + 1);
}

// A copy with room for `capacity` entries; deleted entries are dropped, order is kept.
static PropertyTable *table_copy(ThreadState *ts, const PropertyTable *from, uint32_t capacity) {
    PropertyTable *t = table_new(ts, capacity);
    if (!t || !from) return t;
    for (uint32_t e = 0; e < from->count; e++) {
        const PropertyEntry *p = &from->entries[e];
        if (p->key != JS_HOLE) table_append(t, p->key, p->slot, p->attributes);
    }
    return t;
}

// The Structure.flags a property with these attributes implies. Flags only ever accumulate on a
// dictionary (a delete does not clear them), so they mean "may have": the fast paths that test
// them stay correct and at worst take the slow path needlessly.
static uint8_t attributes_flags(uint8_t attributes, PropKey key) {
    uint8_t flags = 0;
    if (property_key_is_index(key)) flags |= STRUCTURE_HAS_INDEX_KEYS;
    if (attributes & PROP_ACCESSOR) flags |= STRUCTURE_HAS_ACCESSORS;
    else if (!(attributes & PROP_WRITABLE)) flags |= STRUCTURE_HAS_READ_ONLY;
    return flags;
}

// ---- reading structures ----

// Relaxed: a dictionary's prototype is rewritten in place [OM-7] while others read it.
Value structure_prototype(const Structure *s) { return load_relaxed(&s->prototype); }
uint32_t structure_property_count(const Structure *s) { return s->property_count; }
bool structure_is_dictionary(const Structure *s) {
    return (load_relaxed(&s->flags) & STRUCTURE_DICTIONARY) != 0;
}

// One load of the table: a dictionary may swap in a grown copy meanwhile, and an entry number
// means nothing in another table [OM-11].
int32_t structure_lookup(const Structure *s, PropKey key, uint8_t *attributes) {
    const PropertyTable *t = load_acquire(&s->table);
    int32_t e = table_find(t, key, -1);
    if (e < 0) return -1;
    // A kind change rewrites both in place under its claim, so the pair may be torn [OM-10]; the
    // slot's acquire pairs with the release that follows the fill of a moved property's slot.
    if (attributes) *attributes = load_relaxed(&t->entries[e].attributes);
    return (int32_t)load_acquire(&t->entries[e].slot);
}

const PropertyEntry *structure_entries(const Structure *s, uint32_t *count) {
    const PropertyTable *t = load_acquire(&s->table);
    *count = t ? load_acquire(&t->count) : 0;
    return t ? t->entries : NULL;
}

// ---- creating structures ----

// A structure with no properties, default element attributes and no id yet. Until publish
// gives it an id nothing can reach it but the caller's locals (a conservative root).
static Structure *structure_alloc(ThreadState *ts, Value prototype) {
    Structure *s = heap_alloc(ts, sizeof(Structure), CELL_STRUCTURE);
    if (!s) return NULL;
    s->element_attributes = PROP_DEFAULT;
    s->transition_key = JS_HOLE;
    s->prototype = prototype;
    return s;
}

// A structure with the same prototype, flags and element attributes as `from`, no id yet.
static Structure *structure_clone_header(ThreadState *ts, const Structure *from) {
    Structure *s = structure_alloc(ts, from->prototype);
    if (!s) return NULL;
    s->flags = from->flags & ~STRUCTURE_DICTIONARY;
    s->restricted_tid = from->restricted_tid;
    s->element_attributes = from->element_attributes;
    s->property_count = from->property_count;
    s->slot_count = from->slot_count;
    return s;
}

// Records `child` as the transition of `parent` for (key, attributes). Transitions are weak:
// only the sweep removes them, so a failed allocation here merely loses the cache entry.
static void transition_link(ThreadState *ts, Structure *parent, Structure *child) {
    if (!parent->transition_single && !parent->transition_table) {
        store_release(&parent->transition_single, child);
        return;
    }
    PropertyTable *t = parent->transition_table;
    TransitionList *list = parent->transition_children;
    if (!t || t->count == t->capacity) {
        uint32_t capacity = t ? t->capacity * 2 : 4;
        PropertyTable *grown = table_new(ts, capacity);
        if (!grown) {
            error_take(ts);  // losing a cache entry is harmless; the OOM resurfaces later
            return;
        }
        TransitionList *children = heap_alloc(ts, sizeof(TransitionList) + capacity * sizeof(Structure *),
                                              CELL_BYTES);
        if (!children) {
            error_take(ts);
            return;
        }
        // Re-read: the allocations above may have run a sweep that pruned entries.
        t = parent->transition_table;
        list = parent->transition_children;
        children->capacity = capacity;
        if (t) {
            for (uint32_t e = 0; e < t->count; e++) {
                PropertyEntry *p = &t->entries[e];
                if (p->key == JS_HOLE || !list->children[p->slot]) continue;
                children->children[children->count] = list->children[p->slot];
                table_append(grown, p->key, children->count++, p->attributes);
            }
        }
        if (parent->transition_single) {
            Structure *single = parent->transition_single;
            children->children[children->count] = single;
            table_append(grown, single->transition_key, children->count++,
                         single->transition_attributes);
            store_release(&parent->transition_single, (Structure *)NULL);
        }
        children->table = grown;
        // The list carries its table, so a lock-free reader never pairs a table with another
        // table's child numbers; the field here only keeps the table alive [OM-11].
        store_release(&parent->transition_table, grown);
        store_release(&parent->transition_children, children);
        store_release(&parent->transition_single, (Structure *)NULL);
        t = grown;
        list = children;
        if (t->count == t->capacity) return;  // cannot happen: capacity doubled past the live count
    }
    store_release(&list->children[list->count], child);
    table_append(t, child->transition_key, list->count++, child->transition_attributes);
}

// The cached child of `parent` for (key, attributes), or NULL. Children that died were pruned by
// the last sweep, so anything found here is alive.
// Lock-free: writers hold transitions_lock and publish with release stores [OM-11]. A miss
// during a writer's update is harmless: the writer that creates a child re-checks under the
// lock and hands out the child that got there first.
static Structure *transition_find(const Structure *parent, PropKey key, uint8_t attributes) {
    Structure *single = load_acquire(&parent->transition_single);
    if (single && single->transition_key == key && single->transition_attributes == attributes)
        return single;
    const TransitionList *list = load_acquire(&parent->transition_children);
    if (!list) return NULL;
    int32_t e = table_find(list->table, key, attributes);
    if (e < 0) return NULL;
    return load_acquire(&list->children[list->table->entries[e].slot]);
}

/*
 * Transition tables are written under one process-wide lock (links are rare: once per edge), so
 * two threads adding the same key to objects of one structure end with one shared child. The
 * holder may allocate; contended waits count as blocked [SP-5].
 */
static pthread_mutex_t transitions_lock = PTHREAD_MUTEX_INITIALIZER;

static void transitions_lock_take(ThreadState *ts) {
    if (pthread_mutex_trylock(&transitions_lock) == 0) return;
    safepoint_enter_blocked(ts);
    pthread_mutex_lock(&transitions_lock);
    safepoint_leave_blocked(ts);
}

// Links `child` unless an equal child got there first; returns the one to use.
static Structure *transition_link_once(ThreadState *ts, Structure *parent, Structure *child) {
    transitions_lock_take(ts);
    Structure *existing = transition_find(parent, child->transition_key, child->transition_attributes);
    if (!existing) transition_link(ts, parent, child);
    pthread_mutex_unlock(&transitions_lock);
    return existing ? existing : child;
}

Structure *structure_initial(ThreadState *ts, Value prototype) {
    StructureTable *table = ts->rt->structures;
    // Fast path: a lock-free probe of the published cache [OM-9].
    InitialCache *cache = load_acquire(&table->initial);
    uint32_t hash = key_hash(prototype);
    if (cache) {
        for (uint32_t i = hash & cache->mask;; i = (i + 1) & cache->mask) {
            Value key = load_acquire(&cache->entries[i].prototype);
            if (key == 0) break;
            if (key == prototype) return load_relaxed(&cache->entries[i].structure);
        }
    }
    // Slow path: build the structure first (allocation may reach a safepoint, so no lock may be
    // held across it), then insert it unless another thread won the race.
    Structure *s = structure_alloc(ts, prototype);
    if (!s || !publish(ts, s)) return NULL;
    pthread_mutex_lock(&table->lock);
    cache = table->initial;
    if (cache) {
        for (uint32_t i = hash & cache->mask;; i = (i + 1) & cache->mask) {
            Value key = cache->entries[i].prototype;
            if (key == 0) break;
            if (key == prototype) {
                s = cache->entries[i].structure;
                pthread_mutex_unlock(&table->lock);
                return s;
            }
        }
    }
    if (!cache || (cache->count + 1) * 2 > cache->mask + 1) {
        uint32_t size = cache ? (cache->mask + 1) * 2 : 64;
        InitialCache *grown = calloc(1, sizeof(InitialCache) + size * sizeof(InitialEntry));
        if (!grown) {
            pthread_mutex_unlock(&table->lock);
            return s;  // uncached but valid
        }
        grown->mask = size - 1;
        if (cache) {
            for (uint32_t i = 0; i <= cache->mask; i++) {
                InitialEntry *e = &cache->entries[i];
                if (e->prototype == 0) continue;
                uint32_t j = key_hash(e->prototype) & grown->mask;
                while (grown->entries[j].prototype != 0) j = (j + 1) & grown->mask;
                grown->entries[j] = *e;
                grown->count++;
            }
            cache->retired_next = table->retired;
            table->retired = cache;
        }
        store_release(&table->initial, grown);
        cache = grown;
    }
    uint32_t i = hash & cache->mask;
    while (cache->entries[i].prototype != 0) i = (i + 1) & cache->mask;
    store_relaxed(&cache->entries[i].structure, s);
    store_release(&cache->entries[i].prototype, prototype);  // publishes the entry
    cache->count++;
    pthread_mutex_unlock(&table->lock);
    return s;
}

// Adds key to a dictionary in place; renew_id is false only for a copy no object uses yet.
static Structure *dictionary_add(ThreadState *ts, Structure *s, PropKey key, uint8_t attributes,
                                 bool renew_id, const SlotFill *fill);

/*
 * The structure after adding `key`. Three cases: a dictionary changes in place (the same
 * structure comes back with a fresh id); a shared structure returns its cached child, creating
 * and linking it the first time; and a shared structure at DICTIONARY_THRESHOLD properties hands
 * out a new private dictionary, since long transition chains copy O(n^2) table entries.
 */
Structure *structure_add_transition(ThreadState *ts, Structure *s, PropKey key, uint8_t attributes,
                                    const SlotFill *fill) {
    if (s->flags & STRUCTURE_DICTIONARY) return dictionary_add(ts, s, key, attributes, true, fill);
    Structure *next = transition_find(s, key, attributes);
    if (next) return next;
    if (s->property_count >= DICTIONARY_THRESHOLD) {
        Structure *d = structure_to_dictionary(ts, s);
        if (!d) return NULL;
        // Remembered so that object_add_with_transition can redo a cached add of this edge.
        d->transition_key = key;
        d->transition_attributes = attributes;
        return dictionary_add(ts, d, key, attributes, false, fill);
    }
    // A shared child: the parent's table plus one entry, frozen from now on.
    next = structure_clone_header(ts, s);
    if (!next) return NULL;
    PropertyTable *t = table_copy(ts, s->table, s->property_count + 1);
    if (!t) return NULL;
    table_append(t, key, s->slot_count, attributes);
    next->table = t;
    next->property_count++;
    next->slot_count++;
    next->flags |= attributes_flags(attributes, key);
    next->transition_key = key;
    next->transition_attributes = attributes;
    if (!publish(ts, next)) return NULL;
    // Another thread may have linked an equal child meanwhile: use that one, so objects that
    // took the same path share one id (ours dies unused and its id is swept).
    return transition_link_once(ts, s, next);
}

// ---- the transition chain (read-only; $vm.getStructureTransitionList) ----

/*
 * The ids from the root of s's transition tree to s, root first: the initial structure of s's
 * prototype, then each shared structure on the way, found by replaying s's keys in insertion
 * order through the cached transitions. The tree keeps no parent links, so this replay is the
 * chain. Lock-free like structure_initial's fast path and transition_find [OM-9, OM-11]; it
 * allocates nothing, so no collection can prune the tree meanwhile. A dictionary has left the
 * tree and is edited in place by its owner, so its keys are not read: its chain is the root and
 * itself. Wherever the tree has no edge for the next step (an integrity transition, whose keys
 * keep their places but change attributes) the walk stops and the list ends with s's own id.
 * Writes at most `max` ids to `ids`; returns how many the chain has.
 */
uint32_t structure_transition_chain(ThreadState *ts, const Structure *s, uint32_t *ids, uint32_t max) {
    uint32_t n = 0;
#define CHAIN_PUSH(id) do { if (n < max) ids[n] = (id); n++; } while (0)
    const Structure *root = NULL;
    Value prototype = load_relaxed(&s->prototype);
    const InitialCache *cache = load_acquire(&ts->rt->structures->initial);
    if (cache) {
        for (uint32_t i = key_hash(prototype) & cache->mask;; i = (i + 1) & cache->mask) {
            Value key = load_acquire(&cache->entries[i].prototype);
            if (key == 0) break;
            if (key == prototype) {
                root = load_relaxed(&cache->entries[i].structure);
                break;
            }
        }
    }
    if (root == s) {
        CHAIN_PUSH(s->id);
        return n;
    }
    if (root) CHAIN_PUSH(root->id);
    if (root && !(load_relaxed(&s->flags) & STRUCTURE_DICTIONARY)) {
        // A shared structure's table is immutable once published [OM-3]: plain reads.
        const PropertyTable *t = s->table;
        const Structure *at = root;
        for (uint32_t e = 0; t && e < t->count && at; e++) {
            at = transition_find(at, t->entries[e].key, t->entries[e].attributes);
            if (at == s) break;  // reached s: its id ends the list below
            if (at) CHAIN_PUSH(at->id);
        }
    }
    CHAIN_PUSH(load_relaxed(&s->id));
#undef CHAIN_PUSH
    return n;
}

// ---- dictionary structures ----

// The copy gets twice the live entries as capacity, so a run of adds after the conversion grows
// the table only logarithmically often.
Structure *structure_to_dictionary(ThreadState *ts, Structure *s) {
    Structure *d = structure_clone_header(ts, s);
    if (!d) return NULL;
    uint32_t live = s->table ? s->table->live : 0;
    PropertyTable *t = table_copy(ts, s->table, live < 8 ? 8 : live * 2);
    if (!t) return NULL;
    d->table = t;
    d->flags = (s->flags | STRUCTURE_DICTIONARY);
    if (s->flags & STRUCTURE_DICTIONARY) {
        // Copying a dictionary keeps its free slots (the copy serves the same object).
        d->free_slots = s->free_slots;
        d->free_slots_pending = s->free_slots_pending;
    }
    if (!publish(ts, d)) return NULL;
    return d;
}

// Makes room for one more entry in a dictionary's table (a bigger, compacted copy).
static bool dictionary_reserve(ThreadState *ts, Structure *s) {
    PropertyTable *t = s->table;
    if (t && t->count < t->capacity) return true;
    uint32_t live = t ? t->live : 0;
    PropertyTable *grown = table_copy(ts, t, live < 8 ? 8 : live * 2);
    if (!grown) return false;
    store_release(&s->table, grown);  // readers of the old table still see a valid one [OM-11]
    return true;
}

// Pops a reusable slot [OM-8], or -1.
static int32_t take_free_slot(Structure *s) {
    Values *free = s->free_slots;
    if (!free || free->count == 0) return -1;
    return value_to_int(free->items[--free->count]);
}

static Structure *dictionary_add(ThreadState *ts, Structure *s, PropKey key, uint8_t attributes,
                                 bool renew_id, const SlotFill *fill) {
    // Reserve first: after this allocation nothing below reaches a safepoint, so the edit and
    // the new id appear together to the next collection.
    if (!dictionary_reserve(ts, s)) return NULL;
    uint32_t fresh = renew_id ? take_id(ts) : 0;
    if (renew_id && fresh == 0) return NULL;
    int32_t slot = take_free_slot(s);
    if (slot < 0) slot = (int32_t)s->slot_count++;
    // The value first: table_append's release of the count publishes the key to readers that
    // list the table without a claim, and they must not find it without its value [OM-19].
    if (fill) fill->store(fill, (uint32_t)slot);
    table_append(s->table, key, (uint32_t)slot, attributes);
    s->property_count++;
    store_relaxed(&s->flags, s->flags | attributes_flags(attributes, key));  // racy readers [OM-11]
    if (renew_id) switch_id(s, fresh);
    return s;
}

// Puts a freed slot in quarantine until the next sweep [OM-8].
static bool quarantine_slot(ThreadState *ts, Structure *s, uint32_t slot) {
    Values *pending = s->free_slots_pending;
    if (!pending || pending->count == pending->capacity) {
        Values *bigger = values_new(ts, pending ? pending->capacity * 2 : 4);
        if (!bigger) return false;
        // The allocation was a safepoint: a sweep may have swapped the lists meanwhile.
        pending = s->free_slots_pending;
        if (!pending || pending->count == pending->capacity) {
            uint32_t n = pending ? pending->count : 0;
            if (n) memcpy(bigger->items, pending->items, n * sizeof(Value));
            bigger->count = n;
            s->free_slots_pending = pending = bigger;
        }
    }
    pending->items[pending->count++] = value_from_int((int32_t)slot);
    return true;
}

// Deleting leaves the entry in place with key JS_HOLE: enumeration order of the survivors is
// kept, the hash index needs no tombstones, and table_copy drops holes when the table grows.
bool structure_dictionary_remove(ThreadState *ts, Structure *s, PropKey key) {
    int32_t e = table_find(s->table, key, -1);
    if (e < 0) return true;
    // Quarantine the slot first: that may allocate, and the entry must stay valid until the
    // structure is consistent again [OM-8]. Only this object's owner changes the table, so the
    // entry number survives the allocation.
    if (!quarantine_slot(ts, s, s->table->entries[e].slot)) return false;
    uint32_t fresh = take_id(ts);
    if (fresh == 0) return false;
    store_release(&s->table->entries[e].key, JS_HOLE);
    s->table->live--;
    s->property_count--;
    switch_id(s, fresh);
    return true;
}

int32_t structure_dictionary_set_attributes(ThreadState *ts, Structure *s, PropKey key,
                                            uint8_t attributes, const SlotFill *fill) {
    int32_t e = table_find(s->table, key, -1);
    if (e < 0) return -1;
    PropertyEntry *entry = &s->table->entries[e];
    uint32_t slot = entry->slot;
    if ((entry->attributes ^ attributes) & PROP_ACCESSOR) {
        // A kind change takes a fresh slot [OM-10]; the old one waits out an epoch [OM-8].
        if (!quarantine_slot(ts, s, slot)) return -1;
    }
    uint32_t fresh = take_id(ts);
    if (fresh == 0) return -1;
    if ((entry->attributes ^ attributes) & PROP_ACCESSOR) {
        int32_t reused = take_free_slot(s);
        slot = reused >= 0 ? (uint32_t)reused : s->slot_count++;
        fill->store(fill, slot);   // the value, then the entry that names its slot [OM-10]
        store_release(&entry->slot, slot);
    }
    store_release(&entry->attributes, attributes);
    store_relaxed(&s->flags, s->flags | attributes_flags(attributes, key));  // racy readers [OM-11]
    switch_id(s, fresh);
    return (int32_t)slot;
}

Structure *structure_restrict(ThreadState *ts, Structure *s, uint16_t tid) {
    if (!(s->flags & STRUCTURE_DICTIONARY)) {
        Structure *d = structure_to_dictionary(ts, s);
        if (!d) return NULL;
        d->flags |= STRUCTURE_RESTRICTED;
        d->restricted_tid = tid;
        return d;
    }
    uint32_t fresh = take_id(ts);
    if (fresh == 0) return NULL;
    store_relaxed(&s->restricted_tid, tid);  // before the flag's release [OM-12]
    store_release(&s->flags, s->flags | STRUCTURE_RESTRICTED);
    switch_id(s, fresh);
    return s;
}

bool structure_dictionary_set_prototype(ThreadState *ts, Structure *s, Value prototype) {
    uint32_t fresh = take_id(ts);
    if (fresh == 0) return false;
    store_relaxed(&s->prototype, prototype);   // readers of the old id may still look [OM-7]
    switch_id(s, fresh);
    return true;
}

// ---- integrity transitions ----
// preventExtensions, seal and freeze are edges of the transition tree like property adds, keyed
// by a pseudo-key that no property can have, so equally frozen objects keep sharing a layout.

static uint8_t integrity_attributes(uint8_t attributes, IntegrityLevel level) {
    if (level >= INTEGRITY_SEALED) attributes &= (uint8_t)~PROP_CONFIGURABLE;
    if (level == INTEGRITY_FROZEN && !(attributes & PROP_ACCESSOR))
        attributes &= (uint8_t)~PROP_WRITABLE;
    return attributes;
}

// Applies `level` to every entry and the elements' attributes of a structure being built or
// owned by the caller.
static void apply_integrity(Structure *s, IntegrityLevel level) {
    store_relaxed(&s->flags, s->flags | STRUCTURE_NOT_EXTENSIBLE);
    store_relaxed(&s->element_attributes, integrity_attributes(s->element_attributes, level));
    PropertyTable *t = s->table;
    for (uint32_t e = 0; t && e < t->count; e++) {
        PropertyEntry *p = &t->entries[e];
        if (p->key == JS_HOLE) continue;
        store_relaxed(&p->attributes, integrity_attributes(p->attributes, level));
        store_relaxed(&s->flags, s->flags | attributes_flags(p->attributes, p->key));
    }
}

Structure *structure_integrity_transition(ThreadState *ts, Structure *s, IntegrityLevel level) {
    if (s->flags & STRUCTURE_DICTIONARY) {
        uint32_t fresh = take_id(ts);
        if (fresh == 0) return NULL;
        apply_integrity(s, level);
        switch_id(s, fresh);
        return s;
    }
    Structure *next = transition_find(s, TRANSITION_INTEGRITY_KEY, (uint8_t)level);
    if (next) return next;
    next = structure_clone_header(ts, s);
    if (!next) return NULL;
    if (s->table) {
        next->table = table_copy(ts, s->table, s->table->live);
        if (!next->table) return NULL;
    }
    apply_integrity(next, level);
    next->transition_key = TRANSITION_INTEGRITY_KEY;
    next->transition_attributes = (uint8_t)level;
    if (!publish(ts, next)) return NULL;
    return transition_link_once(ts, s, next);
}

// ---- tracing and sweeping ----

void property_table_trace(Marker *m, Cell *cell) {
    PropertyTable *t = (PropertyTable *)cell;
    for (uint32_t e = 0; e < t->count; e++) heap_mark_value(m, t->entries[e].key);
}

// Marks what a structure owns. Deliberately not its transition children: they are weak [OM-9],
// and the object table (not this hook) decides whether a structure id stays alive.
void structure_trace(Marker *m, Cell *cell) {
    Structure *s = (Structure *)cell;
    heap_mark_value(m, s->prototype);
    heap_mark_value(m, s->transition_key);
    heap_mark_cell(m, s->table);  // its keys: property_table_trace
    // The transition containers are ours; the children in them are weak (never marked here).
    heap_mark_cell(m, s->transition_table);
    heap_mark_cell(m, s->transition_children);
    heap_mark_cell(m, s->free_slots_pending);
    heap_mark_cell(m, s->free_slots);
}

// Removes dead children from a live structure's transitions.
static void prune_transitions(Structure *s) {
    if (s->transition_single && !heap_is_marked(s->transition_single)) s->transition_single = NULL;
    PropertyTable *t = s->transition_table;
    if (!t) return;
    TransitionList *list = s->transition_children;
    for (uint32_t e = 0; e < t->count; e++) {
        PropertyEntry *p = &t->entries[e];
        if (p->key == JS_HOLE) continue;
        Structure *child = list->children[p->slot];
        if (!child || !heap_is_marked(child)) {
            p->key = JS_HOLE;  // lookups never match JS_HOLE; the index keeps its chain
            t->live--;
            list->children[p->slot] = NULL;
        }
    }
}

// A safepoint epoch has passed: slots quarantined before it may be reused now [OM-8].
static void release_quarantined_slots(Structure *s) {
    if (!s->free_slots_pending || s->free_slots_pending->count == 0) return;
    if (s->free_slots && s->free_slots->count > 0) return;  // next epoch, then
    Values *spare = s->free_slots;
    s->free_slots = s->free_slots_pending;
    s->free_slots_pending = spare;
}

// Rebuilds the initial-structure cache without dead entries. Rebuilding rather than deleting in
// place keeps the lock-free probe simple: no tombstones, and the world is stopped anyway.
static void sweep_initial_cache(StructureTable *table) {
    InitialCache *cache = table->initial;
    if (cache) {
        InitialCache *fresh = calloc(1, sizeof(InitialCache) + (cache->mask + 1) * sizeof(InitialEntry));
        if (fresh) {
            fresh->mask = cache->mask;
            for (uint32_t i = 0; i <= cache->mask; i++) {
                InitialEntry *e = &cache->entries[i];
                if (e->prototype == 0 || !heap_is_marked(e->structure)) continue;
                uint32_t j = key_hash(e->prototype) & fresh->mask;
                while (fresh->entries[j].prototype != 0) j = (j + 1) & fresh->mask;
                fresh->entries[j] = *e;
                fresh->count++;
            }
            table->initial = fresh;
            free(cache);
        } else {
            // No memory for a fresh table: empty this one instead (entries are only a cache).
            memset(cache->entries, 0, (cache->mask + 1) * sizeof(InitialEntry));
            cache->count = 0;
        }
    }
    // The world is stopped: nobody can be probing a replaced cache any more [OM-9].
    while (table->retired) {
        InitialCache *next = table->retired->retired_next;
        free(table->retired);
        table->retired = next;
    }
}

/*
 * Called by the collector between marking and sweeping, with the world stopped. For each id of
 * this runtime: a live structure gets its dead transitions pruned and, if it is a dictionary,
 * its quarantined slots released [OM-8]; a dead or retired id is cleared and parked on the dead
 * list, where it waits for structure_table_recycle_ids [OM-3]. Other runtimes' ids are skipped:
 * their marks belong to another collection.
 */
void structure_table_sweep(Runtime *rt) {
    StructureTable *table = rt->structures;
    pthread_mutex_lock(&ids.lock);
    for (uint32_t id = 1; id < ids.next_id; id++) {
        IdChunk *chunk = ids.chunks[id >> ID_CHUNK_BITS];
        uint32_t i = id & (ID_CHUNK_SIZE - 1);
        if (chunk->owners[i] != rt) continue;
        Structure *s = chunk->structures[i];
        if (s && heap_is_marked(s)) {
            prune_transitions(s);
            if (s->flags & STRUCTURE_DICTIONARY) release_quarantined_slots(s);
            continue;
        }
        // Dead, or retired by a dictionary: no live object carries this id any more [OM-3].
        store_release(&chunk->structures[i], (Structure *)NULL);
        chunk->owners[i] = NULL;
        if (!push_id(&table->dead_ids, &table->dead_count, &table->dead_capacity, id)) {
            // Without memory the id is simply never recycled.
        }
    }
    pthread_mutex_unlock(&ids.lock);
    sweep_initial_cache(table);
}

/*
 * The collector calls this after every live Code cell has dropped its cache entries naming dead
 * ids (structure_clear_dead_caches). An id waits one more collection before it is handed out
 * again [OM-14]: the entries cleared now cover every fill that happened before this stop, and a
 * fill that read the id before this stop and stores it later (no fill holds an id across a
 * safepoint today, but nothing would catch one that did) is cleared by the next collection,
 * which still sees the id dead. Only then can no cache or in-flight reader confuse two layouts.
 */
void structure_table_recycle_ids(Runtime *rt) {
    StructureTable *table = rt->structures;
    pthread_mutex_lock(&ids.lock);
    uint32_t recycled = 0;
    while (recycled < table->cooling_count &&
           push_id(&ids.free_ids, &ids.free_count, &ids.free_capacity, table->cooling_ids[recycled]))
        recycled++;
    // Ids that found no room stay cooling (and are retried); the newly dead join them.
    if (recycled && recycled < table->cooling_count)
        memmove(table->cooling_ids, table->cooling_ids + recycled, (table->cooling_count - recycled) * sizeof(uint32_t));
    table->cooling_count -= recycled;
    for (uint32_t i = 0; i < table->dead_count; i++)
        if (!push_id(&table->cooling_ids, &table->cooling_count, &table->cooling_capacity, table->dead_ids[i]))
            break;   // without memory an id is simply never recycled
    table->dead_count = 0;
    pthread_mutex_unlock(&ids.lock);
}

// An id no cache may keep: dead or retired (its table entry is NULL). 0 is "no id".
static bool id_is_dead(uint32_t id) {
    return id != 0 && structure_for_id(id) == NULL;
}

/*
 * Called by the sweep for every live Code cell, with the world stopped [OM-14]: no filler is
 * half-way through a sequence-locked entry (fills reach no safepoint), so entries are reset with
 * plain stores, keeping the sequence even.
 */
void structure_clear_dead_caches(Runtime *rt, Cell *cell) {
    (void)rt;
    Code *code = (Code *)cell;
    if (!code->caches || value_cell_type(code->cache_storage) != CELL_BYTES) return;
    for (uint32_t i = 0; i < code->cache_count; i++) {
        InlineCache *c = &code->caches[i];
        uint64_t own = load_relaxed(&c->own);
        if (own && id_is_dead((uint32_t)(own >> 32))) store_relaxed(&c->own, (uint64_t)0);
        if (c->kind == CACHE_EMPTY || (c->sequence & 1)) continue;
        // Every id field of every kind is checked: clearing an entry is never wrong (a miss).
        bool dead = id_is_dead(c->structure_id & ~STRUCTURE_ID_BUSY) || id_is_dead(c->next_structure_id);
        for (uint32_t k = 0; k < c->chain_length && k < CACHE_CHAIN; k++)
            if (id_is_dead(c->chain[k])) dead = true;
        if (!dead) continue;
        c->kind = CACHE_EMPTY;
        c->structure_id = c->next_structure_id = c->slot = c->chain_length = 0;
        memset(c->chain, 0, sizeof c->chain);
        c->holder = JS_UNDEFINED;
        store_release(&c->sequence, c->sequence + 2);
    }
    // Value profiles only move 0 -> id -> POLYMORPHIC; a dead id moves on, never back to 0.
    if (!code->profiles || value_cell_type(code->profile_storage) != CELL_BYTES) return;
    for (uint32_t i = 0; i < code->profile_count; i++) {
        uint32_t id = load_relaxed(&code->profiles[i].structure_id);
        if (id != PROFILE_POLYMORPHIC && id_is_dead(id))
            store_relaxed(&code->profiles[i].structure_id, (uint32_t)PROFILE_POLYMORPHIC);
    }
}

// Ids in the table (handed out and not yet free): what a churn test watches stay bounded.
uint32_t structure_ids_in_use(void) {
    pthread_mutex_lock(&ids.lock);
    uint32_t n = ids.next_id - 1 - ids.free_count;
    pthread_mutex_unlock(&ids.lock);
    return n;
}

// ---- set-up and tear-down ----

bool structure_table_init(Runtime *rt) {
    StructureTable *table = calloc(1, sizeof(StructureTable));
    if (!table) return false;
    pthread_mutex_init(&table->lock, NULL);
    rt->structures = table;
    return true;
}

void structure_table_destroy(Runtime *rt) {
    StructureTable *table = rt->structures;
    if (!table) return;
    // The runtime's inline caches die with it, so all of its ids can be recycled at once.
    pthread_mutex_lock(&ids.lock);
    for (uint32_t id = 1; id < ids.next_id; id++) {
        IdChunk *chunk = ids.chunks[id >> ID_CHUNK_BITS];
        uint32_t i = id & (ID_CHUNK_SIZE - 1);
        if (chunk->owners[i] != rt) continue;
        store_release(&chunk->structures[i], (Structure *)NULL);
        chunk->owners[i] = NULL;
        push_id(&ids.free_ids, &ids.free_count, &ids.free_capacity, id);
    }
    for (uint32_t i = 0; i < table->dead_count; i++)
        push_id(&ids.free_ids, &ids.free_count, &ids.free_capacity, table->dead_ids[i]);
    for (uint32_t i = 0; i < table->cooling_count; i++)
        push_id(&ids.free_ids, &ids.free_count, &ids.free_capacity, table->cooling_ids[i]);
    pthread_mutex_unlock(&ids.lock);
    free(table->initial);
    while (table->retired) {
        InitialCache *next = table->retired->retired_next;
        free(table->retired);
        table->retired = next;
    }
    free(table->dead_ids);
    free(table->cooling_ids);
    pthread_mutex_destroy(&table->lock);
    free(table);
    rt->structures = NULL;
}
