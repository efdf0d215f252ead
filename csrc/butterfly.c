/*
 * butterfly.c — an object's storage: named slots and indexed elements in one CELL_BUTTERFLY cell,
 * the tagged butterfly word (pointer | owner TID | SW), and growth. Must not decide layouts
 * (structure.c) or property semantics (object.c): it only makes room and copies.
 * Implements OM-1 (the ownership word), OM-2 (owner growth by a CAS expecting SW clear), the
 * SW claim of OM-4 (butterfly_claim_shared_write) and OM-5 (segmented storage, grow_shared).
 */
#include <stdio.h>
#include <stdlib.h>
#include "structure.h"
#include "atomics.h"
#include "celltrace.h"
#include "errors.h"

/*
 * Storage:
 *
 *   flat                                   segmented (once SW is set and it had to grow)
 *   word: ptr | TID | SW=0                 word: spine | TID | SW=1 | SEG (bit 0)
 *     |                                      |
 *     v                                      v
 *   +--------+-------------+-------------+   Spine (never moves, one per object)
 *   | header | named slots | elements    |     base ------------> the old flat block: segment 0
 *   +--------+-------------+-------------+     named[k]  -------> 8 << k named slots
 *                                              elements[k] -----> 8 << k elements
 *   slot s >= base->named_capacity: j = s - base->named_capacity, t = j + 8,
 *   segment k = log2(t) - 3 (a count-leading-zeros), offset t - 2^log2(t); elements likewise.
 *
 * Flat storage is replaced wholesale when it grows: the owner copies it into a bigger butterfly
 * and swings the word with a CAS that expects SW clear [OM-2]. A foreign thread sets SW before
 * its first store [OM-4], so the CAS fails if anyone else could have written into the old copy,
 * and the owner then converts to segmented storage instead, where the old block becomes segment
 * 0 in place and nothing is ever copied again [OM-5]. Readers mask the tag and read whichever
 * butterfly they loaded: the collector never frees reachable storage [OM-9].
 */

// Nothing beyond this many slots is attempted: it keeps every size computation in 64 bits far
// from overflow and matches the largest dense capacity a uint32 can describe.
#define BUTTERFLY_MAX_SLOTS 0xFFFFFFF0u

void butterfly_init(Object *o, uint16_t owner_tid) {
    // Before publication nobody else can see the object, so a plain store is enough [OM-1].
    o->butterfly = (uintptr_t)(owner_tid & BUTTERFLY_TID_MASK) << BUTTERFLY_TID_SHIFT;
}

static uint32_t grown_capacity(uint32_t old, uint32_t needed) {
    if (needed <= old) return old;
    uint64_t doubled = (uint64_t)old * 2;
    uint64_t capacity = doubled > needed ? doubled : needed;
    if (capacity < 4) capacity = 4;
    return capacity > BUTTERFLY_MAX_SLOTS ? BUTTERFLY_MAX_SLOTS : (uint32_t)capacity;
}

// A flat block for *named + *elements slots; the size class's slack goes to the elements when
// `slack_to_elements`, else to the named slots, and both counts are updated to what it holds.
static Butterfly *alloc_with_slack(ThreadState *ts, uint32_t *named, uint32_t *elements, bool slack_to_elements) {
    size_t slots = (size_t)*named + *elements;
    Butterfly *b = heap_alloc(ts, sizeof(Butterfly) + slots * sizeof(Value), CELL_BUTTERFLY);
    if (!b) return NULL;
    size_t usable = (heap_cell_size(b) - sizeof(Butterfly)) / sizeof(Value);
    if (usable > slots && usable <= BUTTERFLY_MAX_SLOTS) {
        if (slack_to_elements) *elements += (uint32_t)(usable - slots);
        else *named += (uint32_t)(usable - slots);
    }
    return b;
}

// A fresh object's first storage, for `named` slots, while nothing but its creator's registers
// can see it (NEW_OBJECT): no CAS, nothing to copy, no foreign SW to find [OM-1, OM-2].
bool butterfly_init_named(ThreadState *ts, Object *o, uint32_t named) {
    uint32_t capacity = grown_capacity(0, named), elements = 0;
    Butterfly *b = alloc_with_slack(ts, &capacity, &elements, false);
    if (!b) return false;
    b->named_capacity = capacity;
    for (uint32_t i = 0; i < capacity; i++) b->slots[i] = JS_UNDEFINED;
    store_release(&o->butterfly, (uintptr_t)b | (load_relaxed(&o->butterfly) & ~BUTTERFLY_POINTER_MASK));
    return true;
}

// ---- segmented storage [OM-5] ----

// Index j past segment 0 lives in segment k at offset: segment k covers j in
// [BASE * (2^k - 1), BASE * (2^(k+1) - 1)), so j + BASE has its top bit at k + SHIFT.
static inline void segment_of(uint32_t j, uint32_t *k, uint32_t *offset) {
    uint64_t t = (uint64_t)j + SPINE_SEGMENT_BASE;
    int top = 63 - __builtin_clzll(t);
    *k = (uint32_t)(top - SPINE_SEGMENT_SHIFT);
    *offset = (uint32_t)(t - (1ull << top));
}
static inline uint32_t segment_size(uint32_t k) { return SPINE_SEGMENT_BASE << k; }

static inline Spine *spine_of(uintptr_t word) { return (Spine *)(word & BUTTERFLY_POINTER_MASK); }

// Where a slot that a structure id promises would be if its segment were missing: only a broken
// caller (an id used without the acquire that orders it after the storage) can get here, and a
// wrong value is better than a wild pointer.
static Value missing_slot = JS_UNDEFINED;

Value *object_segmented_slot(const Object *o, uint32_t slot) {
    Spine *spine = spine_of(load_acquire(&o->butterfly));
    Butterfly *base = spine->base;
    if (slot < base->named_capacity) return &base->slots[slot];
    uint32_t k, offset;
    segment_of(slot - base->named_capacity, &k, &offset);
    Values *segment = k < SPINE_SEGMENTS ? load_acquire(&spine->named[k]) : NULL;
    return segment ? &segment->items[offset] : &missing_slot;
}

// The address of element `index` in either layout, or NULL beyond the capacity.
Value *butterfly_element_address(const Object *o, uint32_t index) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (!(word & BUTTERFLY_SEGMENTED)) {
        Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        return b && index < b->elements_capacity ? &butterfly_elements(b)[index] : NULL;
    }
    Spine *spine = spine_of(word);
    Butterfly *base = spine->base;
    if (index < base->elements_capacity) return &butterfly_elements(base)[index];
    uint32_t k, offset;
    segment_of(index - base->elements_capacity, &k, &offset);
    Values *segment = k < SPINE_SEGMENTS ? load_acquire(&spine->elements[k]) : NULL;
    return segment ? &segment->items[offset] : NULL;
}

Value *object_segmented_element(const Object *o, uint32_t index) {
    if (index >= object_elements_length(o)) return NULL;
    return butterfly_element_address(o, index);
}

uint32_t butterfly_spine_elements_length(uintptr_t word) {
    Spine *spine = spine_of(word);
    uint32_t base_length = load_acquire(&spine->base->elements_length);
    uint32_t rest = load_acquire(&spine->elements_length);
    return rest > base_length ? rest : base_length;
}
uint32_t butterfly_spine_elements_capacity(uintptr_t word) {
    return load_acquire(&spine_of(word)->elements_capacity);
}
uint32_t butterfly_spine_named_capacity(uintptr_t word) {
    return load_acquire(&spine_of(word)->named_capacity);
}

// Raises *length to at least `to` (stores of several threads race here [OM-4]).
static void raise_length(uint32_t *length, uint32_t to) {
    uint32_t seen = load_relaxed(length);
    while (seen < to && !__atomic_compare_exchange_n(length, &seen, to, false, __ATOMIC_RELEASE,
                                                     __ATOMIC_RELAXED)) {
    }
}

void butterfly_note_element(Object *o, uint32_t index) {
    uintptr_t word = load_acquire(&o->butterfly);
    if (!(word & BUTTERFLY_SEGMENTED)) {
        Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        if (index >= load_relaxed(&b->elements_length)) raise_length(&b->elements_length, index + 1);
        return;
    }
    Spine *spine = spine_of(word);
    // Indexes inside segment 0 count in its own length, which flat readers of segment 0 use.
    if (index < spine->base->elements_capacity) raise_length(&spine->base->elements_length, index + 1);
    else raise_length(&spine->elements_length, index + 1);
}

bool butterfly_claim_shared_write(ThreadState *ts, Object *o) {
    uintptr_t word = load_acquire(&o->butterfly);
    for (;;) {
        if (word & BUTTERFLY_SHARED_WRITE) return false;
        if (((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid) return false;
        // The CAS fails when the owner swapped in a grown copy meanwhile: then we claim that
        // one, and our store goes there [OM-4].
        if (cas_acq_rel(&o->butterfly, &word, word | BUTTERFLY_SHARED_WRITE)) return true;
    }
}

static void fill(Value *values, uint32_t count, Value v) {
    for (uint32_t i = 0; i < count; i++) values[i] = v;
}

// A fresh segment of SPINE_SEGMENT_BASE << k values, all `v`. Counted in full by values_trace.
static Values *segment_new(ThreadState *ts, uint32_t k, Value v) {
    Values *segment = values_new(ts, segment_size(k));
    if (!segment) return NULL;
    fill(segment->items, segment->capacity, v);
    segment->count = segment->capacity;
    return segment;
}

/*
 * The shared path [OM-5], under the cell lock: SW is set (by us if we are a foreign thread about
 * to write), so no flat copy may replace the storage any more. A flat block becomes segment 0 of
 * a spine in place, then named slots and elements grow by appending segments, each published
 * with a release store before the capacity that counts it. Segments and the spine never move,
 * so a store through any address computed from the word lands in live, current storage.
 */
static bool grow_shared(ThreadState *ts, Object *o, uint32_t named, uint32_t elements) {
    object_lock(ts, o);
    bool ok = false;
    uintptr_t word = load_acquire(&o->butterfly);
    while (!(word & BUTTERFLY_SHARED_WRITE) &&
           !cas_acq_rel(&o->butterfly, &word, word | BUTTERFLY_SHARED_WRITE)) {
    }
    word = load_acquire(&o->butterfly);
    if (!(word & BUTTERFLY_SEGMENTED) && !(word & BUTTERFLY_POINTER_MASK)) {
        // No storage yet, so nobody can have stored into it: a flat block is enough.
        Butterfly *b = heap_alloc(ts, sizeof(Butterfly), CELL_BUTTERFLY);
        if (!b) goto out;
        word = load_acquire(&o->butterfly);
        if (!(word & BUTTERFLY_POINTER_MASK)) {
            uintptr_t desired = (uintptr_t)b | (word & ~BUTTERFLY_POINTER_MASK);
            // Only the lock holder installs storage on a shared word; the CAS guards a racing
            // SW claim, which changes no storage.
            while (!cas_acq_rel(&o->butterfly, &word, desired))
                desired = (uintptr_t)b | (word & ~BUTTERFLY_POINTER_MASK);
        }
    }
    word = load_acquire(&o->butterfly);
    if (!(word & BUTTERFLY_SEGMENTED)) {
        Spine *spine = heap_alloc(ts, sizeof(Spine), CELL_BUTTERFLY);
        if (!spine) goto out;
        spine->header.flags = BUTTERFLY_FLAG_SPINE;
        // Re-read after the allocation (a safepoint): with SW set, only we replace the pointer.
        word = load_acquire(&o->butterfly);
        Butterfly *base = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        spine->base = base;
        spine->named_capacity = base->named_capacity;
        spine->elements_capacity = base->elements_capacity;
        spine->elements_length = 0;
        uintptr_t desired;
        do {
            desired = (uintptr_t)spine | BUTTERFLY_SEGMENTED | (word & ~BUTTERFLY_POINTER_MASK);
        } while (!cas_acq_rel(&o->butterfly, &word, desired));
        word = desired;
    }
    Spine *spine = spine_of(word);
    Butterfly *base = spine->base;
    while (spine->named_capacity < named) {
        uint32_t k, offset;
        segment_of(spine->named_capacity - base->named_capacity, &k, &offset);
        if (k >= SPINE_SEGMENTS) {
            error_throw_out_of_memory(ts);
            goto out;
        }
        Values *segment = segment_new(ts, k, JS_UNDEFINED);
        if (!segment) goto out;
        store_release(&spine->named[k], segment);
        store_release(&spine->named_capacity, spine->named_capacity + segment_size(k));
    }
    while (spine->elements_capacity < elements) {
        uint32_t k, offset;
        segment_of(spine->elements_capacity - base->elements_capacity, &k, &offset);
        uint64_t grown = (uint64_t)spine->elements_capacity + segment_size(k);
        if (k >= SPINE_SEGMENTS || grown > BUTTERFLY_MAX_SLOTS) {
            error_throw_out_of_memory(ts);
            goto out;
        }
        Values *segment = segment_new(ts, k, JS_HOLE);
        if (!segment) goto out;
        store_release(&spine->elements[k], segment);
        store_release(&spine->elements_capacity, (uint32_t)grown);
    }
    ok = true;
out:
    object_unlock(o);
    return ok;
}

bool butterfly_grow(ThreadState *ts, Object *o, uint32_t named, uint32_t elements) {
    uintptr_t word = load_acquire(&o->butterfly);
    bool owner = ((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK) == ts->tid;
    if (!owner || (word & (BUTTERFLY_SHARED_WRITE | BUTTERFLY_SEGMENTED))) {
        if (named <= object_named_capacity(o) && elements <= object_elements_capacity(o)) return true;
        return grow_shared(ts, o, named, elements);
    }
    Butterfly *old = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    uint32_t old_named = old ? old->named_capacity : 0;
    uint32_t old_elements = old ? old->elements_capacity : 0;
    if (named <= old_named && elements <= old_elements) return true;
    uint32_t new_named = grown_capacity(old_named, named);
    uint32_t new_elements = grown_capacity(old_elements, elements);
    if ((uint64_t)new_named + new_elements > BUTTERFLY_MAX_SLOTS || new_named < named ||
        new_elements < elements) {
        error_throw_out_of_memory(ts);
        return false;
    }
    // The size class may have slack: give it to whichever part is growing.
    Butterfly *b = alloc_with_slack(ts, &new_named, &new_elements, elements > old_elements || old_elements > 0);
    if (!b) return false;
    // Only the owner replaces a flat butterfly, so the word read after the allocation (a
    // safepoint) is the one to copy from; the CAS below proves nobody wrote into it meanwhile
    // [OM-2]. If a foreign thread set SW already, its store may be in `old`: go shared.
    word = load_acquire(&o->butterfly);
    if (word & (BUTTERFLY_SHARED_WRITE | BUTTERFLY_SEGMENTED)) return grow_shared(ts, o, named, elements);
    old = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    b->named_capacity = new_named;
    b->elements_capacity = new_elements;
    Value *elements_out = b->slots + new_named;
    uint32_t i = 0;
    if (old) {
        for (; i < old->named_capacity; i++) b->slots[i] = load_relaxed(&old->slots[i]);
        Value *elements_in = butterfly_elements(old);
        uint32_t length = load_relaxed(&old->elements_length);
        for (uint32_t e = 0; e < length; e++) elements_out[e] = load_relaxed(&elements_in[e]);
        b->elements_length = length;
    }
    for (; i < new_named; i++) b->slots[i] = JS_UNDEFINED;
    for (uint32_t e = b->elements_length; e < new_elements; e++) elements_out[e] = JS_HOLE;
    // Publish: the release half of the CAS orders the copy before the new pointer.
    uintptr_t desired = (uintptr_t)b | (word & ~BUTTERFLY_POINTER_MASK);
    if (!cas_acq_rel(&o->butterfly, &word, desired)) {
        // A foreign thread set SW between our copy and now: its store is in `old` [OM-4].
        return grow_shared(ts, o, named, elements);
    }
    return true;
}

// Elements up to this capacity may jump ahead 4x; beyond it dense storage grows only like appends.
#define DENSE_JUMP_CAPACITY (64u * 1024u)

/*
 * [OM-15] A write past the dense capacity stays dense only if it is near: within 4x of the
 * capacity (at least 1024) while the storage is small; once it holds DENSE_JUMP_CAPACITY
 * elements, within 1.5x of the elements in use (an append is always near). Without the second
 * rule a run of ever farther writes (x[2**k - 2] for k up to 32) doubles the storage each time
 * and ends allocating gigabytes of holes. Measured against the length, not the capacity: size
 * classes round capacities up, and doubling them would keep pace with the writes.
 */
bool butterfly_index_is_sparse(const Object *o, uint32_t index) {
    uint64_t capacity = object_elements_capacity(o);
    if (index < capacity) return false;
    if (capacity < DENSE_JUMP_CAPACITY) return index > (capacity * 4 > 1024 ? capacity * 4 : 1024);
    uint64_t length = object_elements_length(o);
    return index > length + length / 2;
}

void butterfly_truncate_elements(ThreadState *ts, Object *o, uint32_t length) {
    // Under the cell lock when shared, so two truncations and a conversion never interleave.
    // Holes rather than freeing: a racing reader sees old values or holes [OM-9], and a store
    // racing with the truncation may survive past the new length (values_trace and
    // butterfly_trace mark whole capacities, so it is never a dangling pointer).
    bool shared = butterfly_owner(o) != ts->tid || butterfly_shared_write(o);
    if (shared) object_lock(ts, o);
    uint32_t old_length = object_elements_length(o);
    for (uint32_t i = length; i < old_length; i++) {
        Value *p = butterfly_element_address(o, i);
        if (p) store_release(p, JS_HOLE);
    }
    uintptr_t word = load_acquire(&o->butterfly);
    if (word & BUTTERFLY_SEGMENTED) {
        Spine *spine = spine_of(word);
        if (load_relaxed(&spine->elements_length) > length) store_release(&spine->elements_length, length);
        if (load_relaxed(&spine->base->elements_length) > length)
            store_release(&spine->base->elements_length, length);
    } else {
        Butterfly *b = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
        if (b && load_relaxed(&b->elements_length) > length) store_release(&b->elements_length, length);
    }
    if (shared) object_unlock(o);
}

// Every slot and element of a block is initialised from allocation on, so whole capacities are
// marked: a value stored past elements_length by a race stays alive rather than dangling.
void butterfly_trace(Marker *m, Cell *cell) {
    if (cell->flags & BUTTERFLY_FLAG_SPINE) {
        Spine *spine = (Spine *)cell;
        heap_mark_cell(m, spine->base);
        for (uint32_t k = 0; k < SPINE_SEGMENTS; k++) {
            heap_mark_cell(m, spine->named[k]);
            heap_mark_cell(m, spine->elements[k]);
        }
        return;
    }
    Butterfly *b = (Butterfly *)cell;
    heap_mark_values(m, b->slots, (size_t)b->named_capacity + b->elements_capacity);
}
