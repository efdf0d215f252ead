/*
 * butterfly.c — an object's storage: named slots and indexed elements in one CELL_BUTTERFLY cell,
 * the tagged butterfly word (pointer | owner TID | SW), and growth. Must not decide layouts
 * (structure.c) or property semantics (object.c): it only makes room and copies.
 * Implements OM-1 (the ownership word) and OM-2 (owner growth by a CAS expecting SW clear);
 * OM-4/OM-5 (foreign writers, segmented storage) have their place marked in grow_shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include "structure.h"
#include "atomics.h"
#include "celltrace.h"
#include "errors.h"

/*
 * Storage, today and from issue 4:
 *
 *   flat (now)                             segmented (issue 4, once SW is set)
 *   word: ptr | TID | SW=0                 word: spine | TID | SW=1
 *     |                                      |
 *     v                                      v
 *   +--------+-------------+-------------+   spine: [seg 0][seg 1][seg 2] ...   (never moves)
 *   | header | named slots | elements    |            |       |      |
 *   +--------+-------------+-------------+            v       v      v
 *                                            old flat  2^k    2^(k+1) elements
 *                                            block     elems  elems
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

/*
 * Issue 4 [OM-4, OM-5]: a foreign thread has set SW on this storage, so a flat copy could drop
 * its stores. The shared path takes the cell lock, turns the flat block into segment 0 of a
 * segmented butterfly and appends segments. No code sets SW before that issue, so reaching this
 * today is a broken invariant, not a recoverable condition.
 */
static bool grow_shared(ThreadState *ts, Object *o) {
    (void)ts;
    (void)o;
    fprintf(stderr, "jsthreads: butterfly with SW set grown on the owner path (OM-2)\n");
    abort();
}

bool butterfly_grow(ThreadState *ts, Object *o, uint32_t named, uint32_t elements) {
    Butterfly *old = object_butterfly(o);
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
    size_t slots = (size_t)new_named + new_elements;
    Butterfly *b = heap_alloc(ts, sizeof(Butterfly) + slots * sizeof(Value), CELL_BUTTERFLY);
    if (!b) return false;
    // The size class may have slack: give it to whichever part is growing.
    size_t usable = (heap_cell_size(b) - sizeof(Butterfly)) / sizeof(Value);
    if (usable > slots && usable <= BUTTERFLY_MAX_SLOTS) {
        if (elements > old_elements || old_elements > 0) new_elements += (uint32_t)(usable - slots);
        else new_named += (uint32_t)(usable - slots);
    }
    // Only the owner replaces the butterfly, so the word read after the allocation (a safepoint)
    // is the one to copy from; the CAS below proves nobody wrote into it meanwhile [OM-2].
    uintptr_t word = load_relaxed(&o->butterfly);
    if (word & BUTTERFLY_SHARED_WRITE) return grow_shared(ts, o);
    old = (Butterfly *)(word & BUTTERFLY_POINTER_MASK);
    b->named_capacity = new_named;
    b->elements_capacity = new_elements;
    Value *elements_out = b->slots + new_named;
    uint32_t i = 0;
    if (old) {
        for (; i < old->named_capacity; i++) b->slots[i] = old->slots[i];
        Value *elements_in = butterfly_elements(old);
        for (uint32_t e = 0; e < old->elements_length; e++) elements_out[e] = elements_in[e];
        b->elements_length = old->elements_length;
    }
    for (; i < new_named; i++) b->slots[i] = JS_UNDEFINED;
    for (uint32_t e = b->elements_length; e < new_elements; e++) elements_out[e] = JS_HOLE;
    // Publish: the release half of the CAS orders the copy before the new pointer.
    uintptr_t desired = (uintptr_t)b | (word & ~BUTTERFLY_POINTER_MASK);
    if (!cas_acq_rel(&o->butterfly, &word, desired)) {
        // A foreign thread set SW between our copy and now: its store is in `old` [OM-4].
        return grow_shared(ts, o);
    }
    return true;
}

bool butterfly_index_is_sparse(const Object *o, uint32_t index) {
    uint64_t capacity = object_elements_capacity(o);
    if (index < capacity) return false;
    uint64_t limit = capacity * 4 > 1024 ? capacity * 4 : 1024;
    return index > limit;
}

void butterfly_truncate_elements(Object *o, uint32_t length) {
    Butterfly *b = object_butterfly(o);
    if (!b || length >= b->elements_length) return;
    // Holes rather than freeing: a racing reader of this butterfly sees old values or holes.
    Value *elements = butterfly_elements(b);
    for (uint32_t i = length; i < b->elements_length; i++) elements[i] = JS_HOLE;
    b->elements_length = length;
}

void butterfly_trace(Marker *m, Cell *cell) {
    Butterfly *b = (Butterfly *)cell;
    // Named slots are always initialised (undefined when unused); elements up to elements_length.
    heap_mark_values(m, b->slots, b->named_capacity);
    heap_mark_values(m, butterfly_elements(b), b->elements_length);
}
