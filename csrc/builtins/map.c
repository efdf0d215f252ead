/*
 * builtins/map.c — Map, Set, WeakMap and WeakSet (ES2020 §23): SameValueZero keys kept in
 * insertion order by an ordered hash table stored in GC cells (no malloc'd side storage).
 * WeakMap/WeakSet keys are objects only (ES2020) and are held weakly: their tables are
 * untraced ephemeron tables whose values the collector marks once their keys are marked, and
 * whose dead entries it tombstones [HEAP-14].
 * Any thread may use any collection [INT-14]: mutations run under a per-table lock (striped by
 * address) that is never held across an allocation, so a racing set is never lost; get, has, size
 * and iteration read without the lock and write nothing shared, so readers never serialize (entries
 * are appended and published with release stores, tables are replaced whole and forward to their
 * successor; see collection_lookup).
 */
#include <pthread.h>
#include "builtins.h"
#include "weak.h"
#include "../bigint.h"
#include "atomics.h"

/*
 * Entry table (a CELL_VALUES cell, CELL_BYTES for weak collections; count = 2 + 2 * entries used):
 *   items[0]          JS_UNDEFINED, or the table that replaced this one (growth, compaction, clear)
 *   items[1]          the hash index, a CELL_BYTES HashIndex
 *   items[2 + 2i]     key of entry i, JS_HOLE once deleted (a tombstone)
 *   items[3 + 2i]     value of entry i (Sets store the key again)
 * A replaced table is frozen: its live entries were copied, in order, to the front of the new
 * one. An iterator at position p of a frozen table therefore continues at "number of live
 * entries before p" in its successor; clear() deletes every entry first, so that number is 0.
 */

#define TABLE_HEADER 2
#define MIN_ENTRIES 8

// Buckets (power of two) then, per entry, the next link and the key's hash. Links are entry + 1.
typedef struct HashIndex {
    Cell header;
    uint32_t bucket_mask;
    uint32_t entry_capacity;
    uint32_t data[];   // heads[bucket_mask + 1], next[entry_capacity], hash[entry_capacity]
} HashIndex;

static uint32_t *index_heads(HashIndex *h) { return h->data; }
static uint32_t *index_next(HashIndex *h) { return h->data + h->bucket_mask + 1; }
static uint32_t *index_hash(HashIndex *h) { return h->data + h->bucket_mask + 1 + h->entry_capacity; }

static MapObject *as_map(Value v) { return (MapObject *)value_to_cell(v); }
static Values *as_table(Value v) { return (Values *)value_to_cell(v); }
// Entries published so far: count is raised (release) only after the entry's key and value.
static uint32_t table_used(const Values *t) { return (load_acquire(&t->count) - TABLE_HEADER) / 2; }
static Value current_table(Value map) { return load_acquire(&as_map(map)->table); }

/*
 * The lock of a collection [INT-14], striped by the MapObject's address (cells never move).
 * Guards the table word, size, deleted, the current table's entries and its hash index. Held only
 * around loads, stores and key comparisons of flat strings (keys are flattened before they are
 * stored or looked up), never across an allocation or a safepoint [SP-5].
 */
#define MAP_LOCK_STRIPES 64
static pthread_mutex_t map_locks[MAP_LOCK_STRIPES] = {
    [0 ... MAP_LOCK_STRIPES - 1] = PTHREAD_MUTEX_INITIALIZER,
};
static pthread_mutex_t *map_lock(Value map) {
    return &map_locks[((uintptr_t)value_to_cell(map) >> 4) % MAP_LOCK_STRIPES];
}
static HashIndex *table_index(const Values *t) { return (HashIndex *)value_to_cell(t->items[1]); }

// Whether map is a WeakMap or WeakSet, whose tables are weak [HEAP-14].
static bool is_weak(Value map) {
    CellType type = value_cell_type(map);
    return type == CELL_WEAKMAP || type == CELL_WEAKSET;
}

/*
 * A weak collection's table has the Values layout but is a CELL_BYTES cell, which nothing
 * traces: only weakmap_trace reads it, entry by entry, as ephemerons. A stale pointer to it on
 * some native stack (a table being replaced while its successor is allocated is the common case)
 * then keeps the cell, never its keys [HEAP-14].
 */
static Values *weak_values_new(ThreadState *ts, uint32_t capacity) {
    Values *v = heap_alloc(ts, sizeof(Values) + (size_t)capacity * sizeof(Value), CELL_BYTES);
    if (!v) return NULL;
    v->capacity = (uint32_t)((heap_cell_size(v) - sizeof(Values)) / sizeof(Value));
    return v;
}

static Values *table_new(ThreadState *ts, uint32_t entries, bool weak) {
    uint32_t buckets = MIN_ENTRIES;
    while (buckets < entries) buckets *= 2;
    HashIndex *h = heap_alloc(ts, sizeof(HashIndex) + sizeof(uint32_t) * (buckets + 2 * (size_t)entries), CELL_BYTES);
    if (!h) return NULL;
    h->bucket_mask = buckets - 1;
    h->entry_capacity = entries;
    Values *t = weak ? weak_values_new(ts, TABLE_HEADER + 2 * entries) : values_new(ts, TABLE_HEADER + 2 * entries);
    if (!t) return NULL;
    t->items[0] = JS_UNDEFINED;
    t->items[1] = value_from_cell(h);
    t->count = TABLE_HEADER;
    return t;
}

// SameValueZero keys are stored canonically: -0 as +0, every number in value_from_number's
// form and NaN canonical, so equal numbers have equal bits and only strings need a content compare.
static Value normalize_key(Value key) {
    if (!value_is_number(key)) return key;
    double d = value_to_number(key);
    return d == 0 ? value_from_int(0) : value_from_number(d);
}

// normalize_key plus, for a rope, its flat string (the same key to JS), so that comparing keys
// under the lock never flattens, i.e. never allocates. JS_EXCEPTION on OOM.
static Value prepare_key(ThreadState *ts, Value key) {
    key = normalize_key(key);
    if (value_cell_type(key) != CELL_ROPE) return key;
    String *flat = string_flatten(ts, key);
    return flat ? value_from_cell(flat) : JS_EXCEPTION;
}

static uint32_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

// Strings and BigInts hash by content; everything else (numbers after normalisation, and cells
// by address, which the non-moving collector keeps stable) by bits.
static uint32_t key_hash(ThreadState *ts, Value key) {
    if (value_is_string(key)) return string_hash(ts, key);
    if (value_is_bigint(key)) return mix(bigint_hash(key));
    return mix(key);
}

// Never allocates (called under the table lock): BigInts compare limbs in place.
static bool keys_equal(ThreadState *ts, Value a, Value b) {
    if (a == b) return true;
    if (value_is_bigint(a) && value_is_bigint(b)) return bigint_equals(a, b);
    return value_is_string(a) && value_is_string(b) && string_equals(ts, a, b);
}

// The entry holding key (prepared) in the current table, or -1. Lock held.
static int64_t find_entry(ThreadState *ts, Value map, Value key, uint32_t hash) {
    Values *t = as_table(as_map(map)->table);
    HashIndex *h = table_index(t);
    uint32_t used = table_used(t);
    for (uint32_t link = index_heads(h)[hash & h->bucket_mask]; link; link = index_next(h)[link - 1]) {
        uint32_t entry = link - 1;
        if (entry >= used) break;
        Value k = t->items[TABLE_HEADER + 2 * entry];
        if (k != JS_HOLE && index_hash(h)[entry] == hash && keys_equal(ts, k, key)) return entry;
    }
    return -1;
}

// The head's release store comes last: a lock-free reader that loads the head (acquire) sees the
// entry's hash, link, key and value, and every older entry of the chain (entries of a table are
// appended, never unlinked or reused). The caller stores the key and value first.
static void link_entry(Values *t, uint32_t entry, uint32_t hash) {
    HashIndex *h = table_index(t);
    uint32_t *head = &index_heads(h)[hash & h->bucket_mask];
    index_hash(h)[entry] = hash;
    index_next(h)[entry] = *head;
    store_release(head, entry + 1);
}

// Tombstones an entry. The key goes first and the value's release store after it, so an
// iterator that reads the value (acquire) and then the key never pairs a live key with the
// undefined of a deletion.
static void kill_entry(Values *t, uint32_t entry) {
    store_relaxed(&t->items[TABLE_HEADER + 2 * entry], JS_HOLE);
    store_release(&t->items[TABLE_HEADER + 2 * entry + 1], JS_UNDEFINED);
}

// Moves the live entries, in order, into `fresh` (allocated by the caller before taking the
// lock) and leaves the old table forwarding to it. Lock held.
static void rebuild_into(Value map, Values *fresh) {
    MapObject *m = as_map(map);
    Values *old = as_table(m->table);
    HashIndex *old_index = table_index(old);
    uint32_t used = table_used(old), n = 0;
    for (uint32_t i = 0; i < used; i++) {
        Value k = old->items[TABLE_HEADER + 2 * i];
        if (k == JS_HOLE) continue;
        fresh->items[TABLE_HEADER + 2 * n] = k;
        fresh->items[TABLE_HEADER + 2 * n + 1] = old->items[TABLE_HEADER + 2 * i + 1];
        link_entry(fresh, n, index_hash(old_index)[i]);
        n++;
    }
    store_release(&fresh->count, TABLE_HEADER + 2 * n);
    // Forward first, then publish: a reader of either word finds a complete table.
    store_release(&old->items[0], value_from_cell(fresh));
    store_release(&m->table, value_from_cell(fresh));
    m->deleted = 0;
}

static bool collection_init(ThreadState *ts, Value map) {
    Values *t = table_new(ts, MIN_ENTRIES, is_weak(map));
    if (!t) return false;
    MapObject *m = as_map(map);
    m->table = value_from_cell(t);
    m->size = m->deleted = 0;
    return true;
}

// Map.prototype.set / Set.prototype.add on the table: 0 ok, -1 exception.
// Sets key to value (or, with only_if_absent, adds it unless present): 0 done, 1 present and
// left alone, -1 OOM. The test and the store are one critical section.
static int collection_store(ThreadState *ts, Value map, Value key, Value value, bool only_if_absent) {
    key = prepare_key(ts, key);
    if (value_is_exception(key)) return -1;
    uint32_t hash = key_hash(ts, key);
    MapObject *m = as_map(map);
    pthread_mutex_t *lock = map_lock(map);
    for (;;) {
        pthread_mutex_lock(lock);
        int64_t entry = find_entry(ts, map, key, hash);
        Values *t = as_table(m->table);
        if (entry >= 0) {
            if (!only_if_absent) store_release(&t->items[TABLE_HEADER + 2 * entry + 1], value);
            pthread_mutex_unlock(lock);
            return only_if_absent;
        }
        uint32_t n = table_used(t);
        if (n < table_index(t)->entry_capacity) {
            t->items[TABLE_HEADER + 2 * n] = key;
            t->items[TABLE_HEADER + 2 * n + 1] = value;
            link_entry(t, n, hash);
            store_release(&t->count, t->count + 2);
            store_relaxed(&m->size, m->size + 1);
            pthread_mutex_unlock(lock);
            return 0;
        }
        // Full: allocate outside the lock, then rebuild unless another thread already did.
        uint32_t size = m->size;
        Value full = m->table;
        pthread_mutex_unlock(lock);
        uint32_t capacity = size < MIN_ENTRIES / 2 ? MIN_ENTRIES : 2 * (size + 1);
        Values *fresh = table_new(ts, capacity, is_weak(map));
        if (!fresh) return -1;
        pthread_mutex_lock(lock);
        // Sized for `size` live entries: usable only if no more arrived meanwhile.
        if (m->table == full && m->size <= size) rebuild_into(map, fresh);
        pthread_mutex_unlock(lock);
    }
}

static int collection_put(ThreadState *ts, Value map, Value key, Value value) {
    return collection_store(ts, map, key, value, false);
}

static bool collection_delete(ThreadState *ts, Value map, Value key) {
    key = prepare_key(ts, key);
    if (value_is_exception(key)) return false;
    uint32_t hash = key_hash(ts, key);
    pthread_mutex_t *lock = map_lock(map);
    pthread_mutex_lock(lock);
    int64_t entry = find_entry(ts, map, key, hash);
    if (entry >= 0) {
        MapObject *m = as_map(map);
        kill_entry(as_table(m->table), (uint32_t)entry);
        store_relaxed(&m->size, m->size - 1);
        m->deleted++;
    }
    pthread_mutex_unlock(lock);
    return entry >= 0;
}

static bool collection_clear(ThreadState *ts, Value map) {
    Values *fresh = table_new(ts, MIN_ENTRIES, is_weak(map));
    if (!fresh) return false;
    MapObject *m = as_map(map);
    pthread_mutex_t *lock = map_lock(map);
    pthread_mutex_lock(lock);
    Values *old = as_table(m->table);
    for (uint32_t i = 0; i < table_used(old); i++) kill_entry(old, i);
    store_release(&old->items[0], value_from_cell(fresh));
    store_release(&m->table, value_from_cell(fresh));
    store_relaxed(&m->size, 0);
    m->deleted = 0;
    pthread_mutex_unlock(lock);
    return true;
}

/*
 * get/has without the lock [INT-14]: readers write nothing shared (no lock word, no counter), so
 * any number of threads read one collection in parallel. Safe because a table only grows by
 * appending: an entry's hash, link, key and value are stored before the release of the bucket
 * head that links it (link_entry), links are never changed once published, a delete turns the key
 * into JS_HOLE and the value into undefined (never another key's value), and a grown, compacted
 * or cleared table is replaced whole and forwards to its successor (items[0]) while staying
 * readable (the collector never frees what a reader holds). So the walk meets only complete
 * entries of this table: the answer is the entry's key or "absent", never a torn one. A lookup
 * that ends on a forwarded table repeats on the successor, so a store completed before the lookup
 * began is always seen. Keys are flat (prepare_key) and keys_equal never allocates, so no
 * safepoint is reached mid-walk. The value returned, or JS_HOLE when key is absent; JS_EXCEPTION
 * on OOM.
 */
static Value collection_lookup(ThreadState *ts, Value map, Value key) {
    key = prepare_key(ts, key);
    if (value_is_exception(key)) return key;
    uint32_t hash = key_hash(ts, key);
    Value table = current_table(map);
    for (;;) {
        Values *t = as_table(table);
        HashIndex *h = table_index(t);
        Value found = JS_HOLE;
        uint32_t link = load_acquire(&index_heads(h)[hash & h->bucket_mask]);
        for (; link; link = load_relaxed(&index_next(h)[link - 1])) {
            uint32_t entry = link - 1;
            Value k = load_relaxed(&t->items[TABLE_HEADER + 2 * entry]);
            if (k == JS_HOLE || load_relaxed(&index_hash(h)[entry]) != hash || !keys_equal(ts, k, key))
                continue;
            // A racing delete may turn the value into undefined after the key was read: then the
            // key was deleted meanwhile and undefined is what get answers either way.
            found = load_acquire(&t->items[TABLE_HEADER + 2 * entry + 1]);
            break;
        }
        Value forward = load_acquire(&t->items[0]);
        if (forward == JS_UNDEFINED) return found;
        table = forward;
    }
}

// Without the lock [INT-14]: every index read is below a count loaded with acquire, which never
// exceeds the table's capacity, so a racing writer can make the walk stale, never out of bounds.
bool map_table_next(Value *table, uint32_t *index, Value *key, Value *value) {
    if (value_cell_type(*table) != CELL_VALUES) return false;
    for (;;) {
        Values *t = as_table(*table);
        uint32_t used = table_used(t);
        Value forward = load_acquire(&t->items[0]);
        if (forward != JS_UNDEFINED) {
            uint32_t live = 0;
            for (uint32_t i = 0; i < *index && i < used; i++)
                if (load_relaxed(&t->items[TABLE_HEADER + 2 * i]) != JS_HOLE) live++;
            *table = forward;
            *index = live;
            continue;
        }
        while (*index < used) {
            uint32_t i = (*index)++;
            Value v = load_acquire(&t->items[TABLE_HEADER + 2 * i + 1]);
            Value k = load_relaxed(&t->items[TABLE_HEADER + 2 * i]);
            if (k == JS_HOLE) continue;
            *key = k;
            *value = v;
            return true;
        }
        return false;
    }
}

bool map_inspect_entries(ThreadState *ts, Value map, Values **out) {
    bool is_map = value_cell_type(map) == CELL_MAP || value_cell_type(map) == CELL_WEAKMAP;
    Values *list = values_new(ts, 8);
    if (!list) return false;
    Value table = current_table(map), key, value;
    uint32_t index = 0;
    while (map_table_next(&table, &index, &key, &value)) {
        list = values_push(ts, list, key);
        if (list && is_map) list = values_push(ts, list, value);
        if (!list) return false;
    }
    *out = list;
    return true;
}

void map_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((MapObject *)cell)->table);
}
void set_trace(Marker *m, Cell *cell) { map_trace(m, cell); }

/*
 * Weak collections [HEAP-14]. The table and its hash index are kept but not traced: each entry is
 * an ephemeron, whose value the collector marks once something else has marked its key. The
 * world is stopped and no mutator holds a map lock across a safepoint, so tables are read and
 * pruned here without the lock. The table is a CELL_BYTES cell (weak_values_new), so a pointer
 * to it that a mutator still has on its stack keeps the cell, never its keys.
 * Entries whose key died become tombstones, exactly as a delete leaves them; the next growth
 * compacts them away, so a loop of short-lived keys keeps the table bounded.
 */
static bool weak_table_sweep(Runtime *rt, Cell *cell) {
    (void)rt;
    MapObject *map = (MapObject *)cell;
    if (value_cell_type(map->table) != CELL_BYTES) return false;
    Values *t = as_table(map->table);
    uint32_t used = (t->count - TABLE_HEADER) / 2;
    for (uint32_t i = 0; i < used; i++) {
        Value k = t->items[TABLE_HEADER + 2 * i];
        if (k == JS_HOLE || !value_is_cell(k) || heap_is_marked(value_to_cell(k))) continue;
        kill_entry(t, i);
        store_relaxed(&map->size, map->size - 1);
        map->deleted++;
    }
    return false;
}

static const WeakHooks weak_table_hooks = {NULL, weak_table_sweep, NULL};

void weakmap_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    Value table = ((MapObject *)cell)->table;
    if (value_cell_type(table) != CELL_BYTES) return;
    Values *t = as_table(table);
    heap_mark_cell_shallow(m, t);
    heap_mark_value(m, t->items[1]);   // the hash index: plain bytes
    uint32_t used = (t->count - TABLE_HEADER) / 2;
    for (uint32_t i = 0; i < used; i++) {
        Value k = t->items[TABLE_HEADER + 2 * i];
        if (k != JS_HOLE) heap_mark_ephemeron(m, k, t->items[TABLE_HEADER + 2 * i + 1]);
    }
    heap_defer_weak(m, cell, &weak_table_hooks);
}
void weakset_trace(Marker *m, Cell *cell) { weakmap_trace(m, cell); }

// Live entries of a WeakMap or WeakSet, for the test helper in weakref.c: entries die at the
// collection that finds their key unreachable, so this watches collection happen.
uint32_t weak_collection_live_count(Value collection) {
    CellType type = value_cell_type(collection);
    if (type != CELL_WEAKMAP && type != CELL_WEAKSET) return 0;
    return load_relaxed(&as_map(collection)->size);
}

// ---- natives ----

// The four collections, indexed by magic in shared natives.
enum { KIND_MAP, KIND_SET, KIND_WEAKMAP, KIND_WEAKSET };
static const CellType kind_cell[] = {CELL_MAP, CELL_SET, CELL_WEAKMAP, CELL_WEAKSET};
static const char *const kind_name[] = {"Map", "Set", "WeakMap", "WeakSet"};
static const Intrinsic kind_prototype[] = {INTRINSIC_MAP_PROTOTYPE, INTRINSIC_SET_PROTOTYPE,
                                           INTRINSIC_WEAKMAP_PROTOTYPE, INTRINSIC_WEAKSET_PROTOTYPE};

static bool check_receiver(ThreadState *ts, Value self, int kind, const char *method) {
    if (value_cell_type(self) == kind_cell[kind]) return true;
    error_throw_type(ts, "Method %s.prototype.%s called on incompatible receiver %V", kind_name[kind], method, self);
    return false;
}

// ES2020 weak keys are objects only; symbols as weak keys came with ES2023.
static bool can_be_held_weakly(Value v) { return value_is_object(v); }

// AddEntriesFromIterable (Map, WeakMap) and the add loop of the Set/WeakSet constructors.
static bool add_from_iterable(ThreadState *ts, Value target, Value iterable, bool pairs) {
    Value adder_key = pairs ? ATOM(ts, set) : ATOM(ts, add);
    Value adder = ops_get(ts, target, adder_key);
    if (value_is_exception(adder)) return false;
    if (!ops_is_callable(adder)) {
        error_throw_type(ts, "'%V' returned for property '%V' of object '%V' is not a function", adder,
                         adder_key, target);
        return false;
    }
    IteratorRecord it;
    if (!ops_get_iterator(ts, iterable, &it)) return false;
    for (;;) {
        Value next = ops_iterator_step(ts, &it);
        if (value_is_exception(next)) return false;
        if (next == JS_HOLE) return true;
        Value args[2] = {next, JS_UNDEFINED};
        if (pairs) {
            if (!value_is_object(next)) {
                error_throw_type(ts, "Iterator value %V is not an entry object", next);
                ops_iterator_close(ts, &it, true);
                return false;
            }
            args[0] = object_get(ts, next, property_key_from_index(0));
            if (!value_is_exception(args[0])) args[1] = object_get(ts, next, property_key_from_index(1));
            if (value_is_exception(args[0]) || value_is_exception(args[1])) {
                ops_iterator_close(ts, &it, true);
                return false;
            }
        }
        if (value_is_exception(interp_call(ts, adder, target, args, pairs ? 2 : 1))) {
            ops_iterator_close(ts, &it, true);
            return false;
        }
    }
}

static Value collection_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value new_target = ts->new_target;
    if (new_target == JS_UNDEFINED) return error_throw_type(ts, "Constructor %s requires 'new'", kind_name[magic]);
    Value prototype = function_prototype_for(ts, new_target, kind_prototype[magic]);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    MapObject *m = object_alloc(ts, sizeof(MapObject), kind_cell[magic], prototype);
    if (!m) return JS_EXCEPTION;
    m->table = JS_UNDEFINED;
    Value map = value_from_cell(m);
    if (!collection_init(ts, map)) return JS_EXCEPTION;
    Value iterable = builtin_arg(args, argc, 0);
    if (value_is_nullish(iterable)) return map;
    if (!add_from_iterable(ts, map, iterable, magic == KIND_MAP || magic == KIND_WEAKMAP)) return JS_EXCEPTION;
    return map;
}

Value weakmap_new(ThreadState *ts) {
    MapObject *m = object_alloc(ts, sizeof(MapObject), CELL_WEAKMAP, realm_intrinsic(ts, INTRINSIC_WEAKMAP_PROTOTYPE));
    if (!m) return JS_EXCEPTION;
    m->table = JS_UNDEFINED;
    Value map = value_from_cell(m);
    return collection_init(ts, map) ? map : JS_EXCEPTION;
}

Value weakmap_lookup(ThreadState *ts, Value map, Value key) {
    return can_be_held_weakly(key) ? collection_lookup(ts, map, key) : JS_HOLE;
}

int weakmap_put(ThreadState *ts, Value map, Value key, Value value) { return collection_put(ts, map, key, value); }
int weakmap_add(ThreadState *ts, Value map, Value key, Value value) {
    return collection_store(ts, map, key, value, true);
}

// get (magic = kind): Map and WeakMap.
static Value collection_get(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (!check_receiver(ts, self, magic, "get")) return JS_EXCEPTION;
    Value key = builtin_arg(args, argc, 0);
    if (magic == KIND_WEAKMAP && !can_be_held_weakly(key)) return JS_UNDEFINED;
    Value v = collection_lookup(ts, self, key);
    return v == JS_HOLE ? JS_UNDEFINED : v;
}

static Value collection_has(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (!check_receiver(ts, self, magic, "has")) return JS_EXCEPTION;
    Value key = builtin_arg(args, argc, 0);
    if (magic >= KIND_WEAKMAP && !can_be_held_weakly(key)) return JS_FALSE;
    Value v = collection_lookup(ts, self, key);
    return value_is_exception(v) ? v : value_from_bool(v != JS_HOLE);
}

// Map/WeakMap set (value = args[1]) and Set/WeakSet add (value = the key).
static Value collection_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    bool pairs = magic == KIND_MAP || magic == KIND_WEAKMAP;
    if (!check_receiver(ts, self, magic, pairs ? "set" : "add")) return JS_EXCEPTION;
    Value key = builtin_arg(args, argc, 0);
    if (magic == KIND_WEAKMAP && !can_be_held_weakly(key))
        return error_throw_type(ts, "Invalid value used as weak map key");
    if (magic == KIND_WEAKSET && !can_be_held_weakly(key))
        return error_throw_type(ts, "Invalid value used in weak set");
    Value value = pairs ? builtin_arg(args, argc, 1) : prepare_key(ts, key);
    if (value_is_exception(value)) return value;
    if (collection_put(ts, self, key, value) < 0) return JS_EXCEPTION;
    return self;
}

static Value collection_delete_native(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (!check_receiver(ts, self, magic, "delete")) return JS_EXCEPTION;
    Value key = builtin_arg(args, argc, 0);
    if (magic >= KIND_WEAKMAP && !can_be_held_weakly(key)) return JS_FALSE;
    bool deleted = collection_delete(ts, self, key);
    if (!deleted && error_pending(ts)) return JS_EXCEPTION;
    return value_from_bool(deleted);
}

static Value collection_clear_native(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    if (!check_receiver(ts, self, magic, "clear")) return JS_EXCEPTION;
    return collection_clear(ts, self) ? JS_UNDEFINED : JS_EXCEPTION;
}

static Value collection_size(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    if (value_cell_type(self) != kind_cell[magic])
        return error_throw_type(ts, "Method get %s.prototype.size called on incompatible receiver %V",
                                kind_name[magic], self);
    return value_from_number((double)load_relaxed(&as_map(self)->size));
}

static Value collection_for_each(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    if (!check_receiver(ts, self, magic, "forEach")) return JS_EXCEPTION;
    Value callback = builtin_arg(args, argc, 0), this_arg = builtin_arg(args, argc, 1);
    if (!ops_is_callable(callback)) return error_throw_type(ts, "%V is not a function", callback);
    Value table = current_table(self), call_args[3];
    uint32_t index = 0;
    while (map_table_next(&table, &index, &call_args[1], &call_args[0])) {
        if (magic == KIND_SET) call_args[0] = call_args[1];
        call_args[2] = self;
        if (value_is_exception(interp_call(ts, callback, this_arg, call_args, 3))) return JS_EXCEPTION;
    }
    return JS_UNDEFINED;
}

// keys/values/entries: magic = kind * 4 + iteration kind.
static Value collection_iterator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    int kind = magic >> 2, iteration = magic & 3;
    static const char *const names[] = {"keys", "values", "entries"};
    if (!check_receiver(ts, self, kind, names[iteration])) return JS_EXCEPTION;
    if (kind == KIND_MAP)
        return iterator_new(ts, INTRINSIC_MAP_ITERATOR_PROTOTYPE, current_table(self), ITERATOR_MAP | iteration);
    return iterator_new(ts, INTRINSIC_SET_ITERATOR_PROTOTYPE, current_table(self), ITERATOR_SET | iteration);
}

static Value collection_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

static const BuiltinEntry map_prototype_table[] = {
    BUILTIN_FN_MAGIC("get", collection_get, 1, KIND_MAP),
    BUILTIN_FN_MAGIC("set", collection_set, 2, KIND_MAP),
    BUILTIN_FN_MAGIC("has", collection_has, 1, KIND_MAP),
    BUILTIN_FN_MAGIC("delete", collection_delete_native, 1, KIND_MAP),
    BUILTIN_FN_MAGIC("clear", collection_clear_native, 0, KIND_MAP),
    BUILTIN_FN_MAGIC("entries", collection_iterator, 0, KIND_MAP * 4 + ITERATION_ENTRIES),
    BUILTIN_FN_MAGIC("forEach", collection_for_each, 1, KIND_MAP),
    BUILTIN_FN_MAGIC("keys", collection_iterator, 0, KIND_MAP * 4 + ITERATION_KEYS),
    BUILTIN_GETSET_MAGIC("size", collection_size, NULL, KIND_MAP),
    BUILTIN_FN_MAGIC("values", collection_iterator, 0, KIND_MAP * 4 + ITERATION_VALUES),
    BUILTIN_STRING("@@toStringTag", "Map", PROP_CONFIGURABLE),
};

static const BuiltinEntry set_prototype_table[] = {
    BUILTIN_FN_MAGIC("has", collection_has, 1, KIND_SET),
    BUILTIN_FN_MAGIC("add", collection_set, 1, KIND_SET),
    BUILTIN_FN_MAGIC("delete", collection_delete_native, 1, KIND_SET),
    BUILTIN_FN_MAGIC("clear", collection_clear_native, 0, KIND_SET),
    BUILTIN_FN_MAGIC("entries", collection_iterator, 0, KIND_SET * 4 + ITERATION_ENTRIES),
    BUILTIN_FN_MAGIC("forEach", collection_for_each, 1, KIND_SET),
    BUILTIN_GETSET_MAGIC("size", collection_size, NULL, KIND_SET),
    BUILTIN_FN_MAGIC("values", collection_iterator, 0, KIND_SET * 4 + ITERATION_VALUES),
    BUILTIN_STRING("@@toStringTag", "Set", PROP_CONFIGURABLE),
};

static const BuiltinEntry weakmap_prototype_table[] = {
    BUILTIN_FN_MAGIC("delete", collection_delete_native, 1, KIND_WEAKMAP),
    BUILTIN_FN_MAGIC("get", collection_get, 1, KIND_WEAKMAP),
    BUILTIN_FN_MAGIC("set", collection_set, 2, KIND_WEAKMAP),
    BUILTIN_FN_MAGIC("has", collection_has, 1, KIND_WEAKMAP),
    BUILTIN_STRING("@@toStringTag", "WeakMap", PROP_CONFIGURABLE),
};

static const BuiltinEntry weakset_prototype_table[] = {
    BUILTIN_FN_MAGIC("delete", collection_delete_native, 1, KIND_WEAKSET),
    BUILTIN_FN_MAGIC("has", collection_has, 1, KIND_WEAKSET),
    BUILTIN_FN_MAGIC("add", collection_set, 1, KIND_WEAKSET),
    BUILTIN_STRING("@@toStringTag", "WeakSet", PROP_CONFIGURABLE),
};

static const BuiltinEntry species_table[] = {
    BUILTIN_GETSET("@@species", collection_species, NULL),
};

// Defines `alias` on target as the very function object already stored under `name`.
static bool alias_method(ThreadState *ts, Value target, const char *name, const char *alias) {
    Value fn = ops_get_cstr(ts, target, name);
    if (value_is_exception(fn)) return false;
    PropKey key = builtins_key(ts, alias);
    return !value_is_exception(key) && object_define_value(ts, target, key, fn, PROP_HIDDEN) >= 0;
}

static bool install_kind(ThreadState *ts, int kind, const BuiltinEntry *table, int count) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[kind_prototype[kind]] = prototype;
    // The constructor's magic selects the kind: installed with the shared native, then retagged.
    Value constructor = builtins_install_constructor(ts, kind_name[kind], collection_constructor, 0, prototype,
                                                     NATIVE_CONSTRUCTOR | NATIVE_NEW_ONLY);
    if (value_is_exception(constructor)) return false;
    ((NativeFunction *)value_to_cell(constructor))->magic = (int16_t)kind;
    if (!builtins_install_table(ts, prototype, table, count)) return false;
    if (kind == KIND_MAP || kind == KIND_SET) {
        if (!builtins_install_table(ts, constructor, species_table, BUILTIN_COUNT(species_table))) return false;
    }
    if (kind == KIND_MAP) return alias_method(ts, prototype, "entries", "@@iterator");
    if (kind == KIND_SET) return alias_method(ts, prototype, "values", "keys") &&
                                 alias_method(ts, prototype, "values", "@@iterator");
    return true;
}

bool builtins_install_map(ThreadState *ts) {
    return install_kind(ts, KIND_MAP, map_prototype_table, BUILTIN_COUNT(map_prototype_table)) &&
           install_kind(ts, KIND_SET, set_prototype_table, BUILTIN_COUNT(set_prototype_table)) &&
           install_kind(ts, KIND_WEAKMAP, weakmap_prototype_table, BUILTIN_COUNT(weakmap_prototype_table)) &&
           install_kind(ts, KIND_WEAKSET, weakset_prototype_table, BUILTIN_COUNT(weakset_prototype_table));
}
