/*
 * atom.c — the atom table (interned property-name strings, sharded with a mutex per shard),
 * the runtime's cached strings and common atoms, well-known symbols and the Symbol.for
 * registry. Must not hold a shard or registry lock across an allocation (a safepoint [SP-5]),
 * and never interns on behalf of a caller that skipped string_is_array_index. Implements STR-3
 * and STR-4 (specs/values.md).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "jsstring.h"
#include "atomics.h"
#include "errors.h"

typedef struct AtomTable AtomTable;

#define SHARD_COUNT 16
#define SHARD_SHIFT 28   // the top four hash bits pick the shard, the low bits the slot

// One shard: open addressing over String cells, linear probing, at most half full.
typedef struct AtomShard {
    pthread_mutex_t lock;
    Value *slots;            // 0 = vacant; atoms are never removed [STR-3]
    uint32_t capacity, count;
} AtomShard;

struct AtomTable {
    AtomShard shards[SHARD_COUNT];
    pthread_mutex_t registry_lock;
    Value *registry;         // Symbol.for: pairs (key String, Symbol), open addressing by key hash
    uint32_t registry_capacity, registry_count;
    Value empty;             // "" (an atom)
    Value single[256];       // one-unit strings; atoms except the digits, which are indexes [STR-4]
    Value common[ATOM_COUNT];
    Value symbols[SYMBOL_COUNT];
};

// The text being looked up: exactly one of latin1/wide is set (canonical width, STR-5).
typedef struct Key {
    const uint8_t *latin1;
    const uint16_t *wide;
    uint32_t length, hash;
} Key;

static Key key_of_string(String *s, uint32_t hash) {
    Key key = {NULL, NULL, s->length, hash};
    if (s->header.flags & STRING_WIDE) key.wide = s->chars.wide;
    else key.latin1 = s->chars.latin1;
    return key;
}

static bool key_matches(const Key *key, const String *s) {
    if (s->hash != key->hash || s->length != key->length) return false;
    bool wide = (s->header.flags & STRING_WIDE) != 0;
    if (wide != (key->wide != NULL)) return false;
    return wide ? memcmp(s->chars.wide, key->wide, 2 * (size_t)key->length) == 0
                : memcmp(s->chars.latin1, key->latin1, key->length) == 0;
}

static AtomShard *shard_for(AtomTable *t, uint32_t hash) { return &t->shards[hash >> SHARD_SHIFT]; }

// Shard lock held.
static Value shard_find(const AtomShard *shard, const Key *key) {
    if (!shard->capacity) return 0;
    for (uint32_t i = key->hash & (shard->capacity - 1);; i = (i + 1) & (shard->capacity - 1)) {
        Value v = shard->slots[i];
        if (!v) return 0;
        if (key_matches(key, value_to_cell(v))) return v;
    }
}

// Shard lock held. Grows with malloc only, so no safepoint happens under the lock.
static bool shard_insert(AtomShard *shard, Value atom) {
    if ((shard->count + 1) * 2 > shard->capacity) {
        uint32_t capacity = shard->capacity ? shard->capacity * 2 : 256;
        Value *slots = calloc(capacity, sizeof *slots);
        if (!slots) return false;
        for (uint32_t i = 0; i < shard->capacity; i++) {
            Value v = shard->slots[i];
            if (!v) continue;
            uint32_t j = ((String *)value_to_cell(v))->hash & (capacity - 1);
            while (slots[j]) j = (j + 1) & (capacity - 1);
            slots[j] = v;
        }
        free(shard->slots);
        shard->slots = slots;
        shard->capacity = capacity;
    }
    uint32_t j = ((String *)value_to_cell(atom))->hash & (shard->capacity - 1);
    while (shard->slots[j]) j = (j + 1) & (shard->capacity - 1);
    shard->slots[j] = atom;
    shard->count++;
    return true;
}

/*
 * A new String cell holding key's text, flagged as an atom before anyone else can see it, so
 * that no published string ever has its flags changed [STR-1]. With ts NULL (runtime set-up) it
 * allocates through heap_alloc_unattached. NULL on out-of-memory (thrown when ts is set).
 */
static String *new_atom_cell(Runtime *rt, ThreadState *ts, const Key *key, bool atom) {
    size_t bytes = offsetof(String, chars) + (key->wide ? 2 * (size_t)key->length : (size_t)key->length + 1);
    String *s = ts ? heap_alloc(ts, bytes, CELL_STRING) : heap_alloc_unattached(rt, bytes, CELL_STRING);
    if (!s) return NULL;
    s->length = key->length;
    s->hash = key->hash;
    s->header.flags = (uint16_t)((key->wide ? STRING_WIDE : 0) | (atom ? STRING_ATOM : 0));
    if (key->wide) memcpy(s->chars.wide, key->wide, 2 * (size_t)key->length);
    else memcpy(s->chars.latin1, key->latin1, key->length);
    return s;
}

/*
 * Find-or-insert. The lookup and the insertion are separate critical sections because creating
 * the cell may collect; a racing thread may insert the same text in between, in which case its
 * atom wins and ours becomes garbage, so every caller gets the same cell [STR-3].
 */
static Value intern(Runtime *rt, ThreadState *ts, const Key *key) {
    AtomTable *t = rt->atoms;
    AtomShard *shard = shard_for(t, key->hash);
    pthread_mutex_lock(&shard->lock);
    Value found = shard_find(shard, key);
    pthread_mutex_unlock(&shard->lock);
    if (found) return found;
    String *atom = new_atom_cell(rt, ts, key, true);
    if (!atom) return JS_EXCEPTION;
    pthread_mutex_lock(&shard->lock);
    found = shard_find(shard, key);
    bool inserted = found || shard_insert(shard, value_from_cell(atom));
    pthread_mutex_unlock(&shard->lock);
    if (!inserted) {
        if (ts) error_throw_out_of_memory(ts);
        return JS_EXCEPTION;
    }
    return found ? found : value_from_cell(atom);
}

Value atom_from_string(ThreadState *ts, Value s) {
    if (string_is_atom(s)) return s;
    String *str = string_flatten(ts, s);
    if (!str) return JS_EXCEPTION;
    if (str->length == 1 && !(str->header.flags & STRING_WIDE)) {
        Value cached = ts->rt->atoms->single[str->chars.latin1[0]];
        if (string_is_atom(cached)) return cached;
    }
    uint32_t hash = string_hash(ts, value_from_cell(str));
    Key key = key_of_string(str, hash);
    // str stays reachable (a local the conservative scan sees) while intern allocates.
    return intern(ts->rt, ts, &key);
}

Value atom_from_cstr(ThreadState *ts, const char *ascii) {
    size_t length = strlen(ascii);
    Key key = {(const uint8_t *)ascii, NULL, (uint32_t)length, string_hash_latin1((const uint8_t *)ascii, length)};
    return intern(ts->rt, ts, &key);
}

static Value intern_cstr_unattached(Runtime *rt, const char *ascii) {
    size_t length = strlen(ascii);
    Key key = {(const uint8_t *)ascii, NULL, (uint32_t)length, string_hash_latin1((const uint8_t *)ascii, length)};
    return intern(rt, NULL, &key);
}

Value atom_table_empty_string(Runtime *rt) { return rt->atoms->empty; }
Value atom_table_single_char(Runtime *rt, uint8_t unit) { return rt->atoms->single[unit]; }

// ---- symbols ----

Value symbol_new(ThreadState *ts, Value description) {
    Symbol *symbol = heap_alloc(ts, sizeof(Symbol), CELL_SYMBOL);
    if (!symbol) return JS_EXCEPTION;
    symbol->description = description;
    return value_from_cell(symbol);
}

// Registry lock held. Index of key's pair, or of the vacant pair where it would go.
static uint32_t registry_slot(const AtomTable *t, const Key *key) {
    uint32_t mask = t->registry_capacity - 1;
    for (uint32_t i = key->hash & mask;; i = (i + 1) & mask) {
        Value k = t->registry[2 * i];
        if (!k || key_matches(key, value_to_cell(k))) return i;
    }
}

// Registry lock held.
static bool registry_insert(AtomTable *t, Value key_string, Value symbol) {
    if ((t->registry_count + 1) * 2 > t->registry_capacity) {
        uint32_t capacity = t->registry_capacity ? t->registry_capacity * 2 : 64;
        Value *pairs = calloc(2 * (size_t)capacity, sizeof *pairs);
        if (!pairs) return false;
        for (uint32_t i = 0; i < t->registry_capacity; i++) {
            Value k = t->registry[2 * i];
            if (!k) continue;
            uint32_t j = ((String *)value_to_cell(k))->hash & (capacity - 1);
            while (pairs[2 * j]) j = (j + 1) & (capacity - 1);
            pairs[2 * j] = k;
            pairs[2 * j + 1] = t->registry[2 * i + 1];
        }
        free(t->registry);
        t->registry = pairs;
        t->registry_capacity = capacity;
    }
    String *k = value_to_cell(key_string);
    Key key = key_of_string(k, k->hash);
    uint32_t i = registry_slot(t, &key);
    t->registry[2 * i] = key_string;
    t->registry[2 * i + 1] = symbol;
    t->registry_count++;
    return true;
}

static Value registry_find(AtomTable *t, const Key *key) {
    if (!t->registry_capacity) return 0;
    uint32_t i = registry_slot(t, key);
    return t->registry[2 * i] ? t->registry[2 * i + 1] : 0;
}

// Symbol.for: one symbol per key text for the runtime's life. Keyed by text, not by atom, so
// that Symbol.for("1") does not intern an index string [STR-4].
Value symbol_for(ThreadState *ts, Value key) {
    AtomTable *t = ts->rt->atoms;
    String *str = string_flatten(ts, key);
    if (!str) return JS_EXCEPTION;
    Value key_string = value_from_cell(str);
    Key k = key_of_string(str, string_hash(ts, key_string));
    pthread_mutex_lock(&t->registry_lock);
    Value found = registry_find(t, &k);
    pthread_mutex_unlock(&t->registry_lock);
    if (found) return found;
    Value symbol = symbol_new(ts, key_string);
    if (value_is_exception(symbol)) return JS_EXCEPTION;
    ((Symbol *)value_to_cell(symbol))->registered = true;
    pthread_mutex_lock(&t->registry_lock);
    found = registry_find(t, &k);
    bool inserted = found || registry_insert(t, key_string, symbol);
    pthread_mutex_unlock(&t->registry_lock);
    if (!inserted) return error_throw_out_of_memory(ts);
    return found ? found : symbol;
}

Value symbol_key_for(ThreadState *ts, Value symbol) {
    (void)ts;
    const Symbol *s = value_to_cell(symbol);
    return s->registered ? s->description : JS_UNDEFINED;
}

// ---- the table's life ----

static const char *const common_atom_names[ATOM_COUNT] = {
#define X(n) #n,
    COMMON_ATOMS(X)
#undef X
};

static const char *const well_known_symbol_names[SYMBOL_COUNT] = {
#define X(n) "Symbol." #n,
    WELL_KNOWN_SYMBOLS(X)
#undef X
};

static bool create_cached_values(Runtime *rt) {
    AtomTable *t = rt->atoms;
    t->empty = intern_cstr_unattached(rt, "");
    if (value_is_exception(t->empty)) return false;
    for (unsigned c = 0; c < 256; c++) {
        uint8_t unit = (uint8_t)c;
        Key key = {&unit, NULL, 1, string_hash_latin1(&unit, 1)};
        // Digits are array indexes, which never become atoms [STR-4].
        if (c >= '0' && c <= '9') {
            String *s = new_atom_cell(rt, NULL, &key, false);
            t->single[c] = s ? value_from_cell(s) : JS_EXCEPTION;
        } else {
            t->single[c] = intern(rt, NULL, &key);
        }
        if (value_is_exception(t->single[c])) return false;
    }
    for (int i = 0; i < ATOM_COUNT; i++) {
        t->common[i] = intern_cstr_unattached(rt, common_atom_names[i]);
        if (value_is_exception(t->common[i])) return false;
    }
    for (int i = 0; i < SYMBOL_COUNT; i++) {
        Value description = intern_cstr_unattached(rt, well_known_symbol_names[i]);
        if (value_is_exception(description)) return false;
        Symbol *symbol = heap_alloc_unattached(rt, sizeof(Symbol), CELL_SYMBOL);
        if (!symbol) return false;
        symbol->description = description;
        t->symbols[i] = value_from_cell(symbol);
    }
    return true;
}

// Needs heap_init first; allocates through heap_alloc_unattached, so no thread is required.
bool atom_table_init(Runtime *rt) {
    AtomTable *t = calloc(1, sizeof *t);
    if (!t) return false;
    for (int i = 0; i < SHARD_COUNT; i++) pthread_mutex_init(&t->shards[i].lock, NULL);
    pthread_mutex_init(&t->registry_lock, NULL);
    rt->atoms = t;
    if (!create_cached_values(rt)) {
        atom_table_destroy(rt);
        return false;
    }
    rt->common_atoms = t->common;
    rt->well_known_symbols = t->symbols;
    return true;
}

// The cells themselves belong to the heap and go with heap_destroy.
void atom_table_destroy(Runtime *rt) {
    AtomTable *t = rt->atoms;
    if (!t) return;
    for (int i = 0; i < SHARD_COUNT; i++) {
        free(t->shards[i].slots);
        pthread_mutex_destroy(&t->shards[i].lock);
    }
    free(t->registry);
    pthread_mutex_destroy(&t->registry_lock);
    free(t);
    rt->atoms = NULL;
    rt->common_atoms = NULL;
    rt->well_known_symbols = NULL;
}

// Atoms and registered symbols live as long as the runtime [STR-3]. Runs with the world
// stopped, when no thread can be inside a shard or registry critical section (none of them
// contains a safepoint), so no lock is taken.
void atom_table_trace(Runtime *rt, Marker *m) {
    AtomTable *t = rt->atoms;
    for (int i = 0; i < SHARD_COUNT; i++) heap_mark_values(m, t->shards[i].slots, t->shards[i].capacity);
    heap_mark_values(m, t->registry, 2 * (size_t)t->registry_capacity);
    heap_mark_value(m, t->empty);
    heap_mark_values(m, t->single, 256);
    heap_mark_values(m, t->common, ATOM_COUNT);
    heap_mark_values(m, t->symbols, SYMBOL_COUNT);
}
