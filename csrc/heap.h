/*
 * heap.h — cells, size-class blocks, per-thread allocators, the large-object space and the
 * mark-sweep collector's interface. Implements HEAP-1..HEAP-13 (specs/heap.md).
 * Every heap object starts with a Cell header; the collector learns how to trace each cell type
 * from the explicit table in celltypes.c, never from registration at start-up.
 */
#ifndef JST_HEAP_H
#define JST_HEAP_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "value.h"

typedef struct ThreadState ThreadState;
typedef struct Runtime Runtime;

// Every cell type. Object types come last (>= CELL_FIRST_OBJECT) so "is this an object" is one compare.
typedef enum CellType {
    CELL_FREE = 0,        // a free cell in a block: header zero, free-list link in word 1 [HEAP-3]
    CELL_STRING,          // flat string (Latin-1 or UTF-16), possibly an atom
    CELL_ROPE,            // concatenation not yet flattened
    CELL_SYMBOL,
    CELL_STRUCTURE,
    CELL_PROPERTY_TABLE,  // a structure's key -> slot table
    CELL_BUTTERFLY,       // an object's named slots and indexed elements
    CELL_VALUES,          // a plain vector of Values (Map tables, queues, bound args, ...)
    CELL_BYTES,           // raw bytes, never traced (bytecode, hash indexes)
    CELL_ACCESSOR,        // getter/setter pair stored in an accessor property's slot
    CELL_CODE,            // a compiled function: bytecode, constants, handlers, lines
    CELL_ENV,             // an environment record of captured bindings
    CELL_FRAME_SNAPSHOT,  // the saved registers of a suspended generator/async frame
    CELL_BIGINT,          // a BigInt primitive: sign and magnitude digits (builtins/bigint.c)
    CELL_FIRST_OBJECT,
    CELL_OBJECT = CELL_FIRST_OBJECT,
    CELL_ARRAY,
    CELL_FUNCTION,        // bytecode closure
    CELL_NATIVE_FUNCTION,
    CELL_BOUND_FUNCTION,
    CELL_ERROR,
    CELL_ARGUMENTS,
    CELL_BOOLEAN_OBJECT,
    CELL_NUMBER_OBJECT,
    CELL_STRING_OBJECT,
    CELL_SYMBOL_OBJECT,
    CELL_BIGINT_OBJECT,   // Object(1n) (builtins/bigint.c)
    CELL_MAP,
    CELL_SET,
    CELL_WEAKMAP,
    CELL_WEAKSET,
    CELL_PROMISE,
    CELL_GENERATOR,       // generator and async-function activation objects
    CELL_ITERATOR,        // builtin iterators (array, map, set, string, ...)
    CELL_GLOBAL,
    // Issue-6 and embedding object types; each owning file defines its layout and trace hook.
    CELL_DATE,
    CELL_REGEXP,
    CELL_ARRAY_BUFFER,    // ArrayBuffer and SharedArrayBuffer (a flag tells them apart)
    CELL_TYPED_ARRAY,
    CELL_DATA_VIEW,
    CELL_PROXY,
    CELL_WEAKREF,
    CELL_FINALIZATION_REGISTRY,
    CELL_THREAD,
    CELL_THREAD_LOCAL,
    CELL_LOCK,
    CELL_CONDITION,
    CELL_HOST_OBJECT,     // a Python object seen from JS (embedding API)
    CELL_TYPE_COUNT
} CellType;

/*
 * The first word of every cell. structure_id is meaningful for objects (index into the runtime's
 * structure table) and free for other types to use. gc_flags belong to the collector.
 */
typedef struct Cell {
    uint32_t structure_id;  // objects: writer holds the cell lock or owns the object [OM-5]
    uint8_t type;           // CellType; set once at allocation, cleared only by the sweeper
    uint8_t gc_flags;       // collector-owned: set by heap_alloc, never written by anyone else
    uint16_t flags;         // type-specific bits, e.g. string width/atom, function kind
} Cell;

// Cell.gc_flags bits.
enum {
    CELL_GC_LARGE = 1,      // lives in the large-object space, not in a block [HEAP-9]
};

static inline bool cell_is_object(const Cell *c) { return c->type >= CELL_FIRST_OBJECT; }

typedef struct Marker Marker;

/*
 * Size classes [HEAP-1]: 16-byte steps up to 256 bytes (16 classes), then four steps per power of
 * two up to HEAP_LARGE_THRESHOLD (20 classes). Bigger cells go to the large-object space.
 */
#define HEAP_SIZE_CLASS_COUNT 36
#define HEAP_LARGE_THRESHOLD 8192
// A thread's allocator for one size class: a pointer pop in the common case, no atomics [HEAP-2].
typedef struct LocalAllocator {
    void *free_list;          // owner thread only
    struct Block *block;      // the block free_list came from; owner thread only
} LocalAllocator;
typedef struct HeapThread {
    LocalAllocator classes[HEAP_SIZE_CLASS_COUNT];
    size_t bytes_allocated;   // owner thread only; folded into the runtime total at refills
} HeapThread;

// Per-type hooks, one row per CellType in celltypes.c.
typedef struct CellTypeInfo {
    const char *name;
    void (*trace)(Marker *m, Cell *cell);        // mark every Value/cell the cell references
    void (*finalize)(Runtime *rt, Cell *cell);   // free malloc'd side storage; NULL if none
} CellTypeInfo;
extern const CellTypeInfo celltype_table[CELL_TYPE_COUNT];

// Allocation. Returns a zeroed cell of at least `size` bytes with header.type set, or NULL after
// throwing a RangeError (out of memory). May run a collection, so it is a safepoint [HEAP-5].
void *heap_alloc(ThreadState *ts, size_t size, CellType type);
// Allocation during runtime set-up (atom_table_init and friends), before the runtime is shared:
// never collects and never throws; NULL on out-of-memory. Not for use once JS runs.
void *heap_alloc_unattached(Runtime *rt, size_t size, CellType type);
// The usable size of a cell (its size class), so growable storage can use the slack.
size_t heap_cell_size(const void *cell);

// Marking, for trace hooks.
void heap_mark_value(Marker *m, Value v);
void heap_mark_cell(Marker *m, const void *cell);   // NULL is ignored
void heap_mark_values(Marker *m, const Value *values, size_t count);

// Weak containers [HEAP-14]. A trace hook of a cell with weak entries (WeakMap, WeakSet,
// WeakRef, FinalizationRegistry) marks its strong parts, marks its entry storage with
// heap_mark_cell_shallow (the cell is kept, its contents are not traced) and registers itself
// with heap_defer_weak; key -> value entries go to heap_mark_ephemeron. After ordinary marking
// the collector calls every registered `mark` hook (conditional marking that is not a plain
// ephemeron) and drains, until a round marks nothing new; then it calls every `sweep` hook, which drops the entries whose keys died. A sweep
// hook that returns true gets `after` called on the collecting thread once the world has resumed
// (it may lock and post jobs then, but still must not allocate on the JS heap).
typedef struct WeakHooks {
    void (*mark)(Marker *m, Cell *cell);                 // NULL when nothing is conditional
    bool (*sweep)(Runtime *rt, Cell *cell);              // marks are valid; must not allocate
    void (*after)(ThreadState *ts, Cell *cell);          // NULL when sweep never returns true
} WeakHooks;
void heap_mark_cell_shallow(Marker *m, const void *cell);   // NULL is ignored
// One ephemeron (a weak table's key -> value entry), from a weak cell's trace hook: the value is
// marked once the key is marked by anything, now or later in this collection; marking stays
// linear however entries chain. Non-cell keys or values are ignored.
void heap_mark_ephemeron(Marker *m, Value key, Value value);
void heap_defer_weak(Marker *m, Cell *cell, const WeakHooks *hooks);
// [[KeepDuringJob]] (WeakRef): target stays alive at least until the job now running on ts ends
// (a collection that finds ts between jobs, or in a different job, forgets it) [HEAP-15].
bool heap_keep_during_job(ThreadState *ts, Value target);

// Collection. heap_collect stops the world (all mutators parked at safepoints), marks from every
// root and sweeps. Callable from any attached thread.
void heap_collect(ThreadState *ts);
// When word points into a live cell (anywhere inside it) returns the cell's start, else NULL
// [HEAP-7]. Reads block and large-object indexes: call it while the world is stopped or from the
// only thread.
void *heap_find_cell(Runtime *rt, uintptr_t word);
// Whether a cell survived marking. Valid only between marking and sweeping, i.e. inside hooks the
// collector calls then (structure_table_sweep, weak-table clearing).
bool heap_is_marked(const void *cell);
// Checks the numbered invariants on the live heap (HEAP-3, HEAP-4, HEAP-10: every reference
// reachable from the roots names a live cell; free lists hold only free cells of their block).
// Stops the world. On failure writes a description into error and returns false.
bool heap_verify(ThreadState *ts, char *error, size_t error_size);
// Caps live + newly allocated bytes; an allocation past it collects, then throws out-of-memory.
// 0 (the default) means no limit.
void heap_set_limit(Runtime *rt, size_t bytes);

// Runtime-wide heap state lives in Runtime (thread.h); these set it up and tear it down.
// heap_init also reads JSTHREADS_GC_STRESS and JSTHREADS_RACE and sets up safepoints; it must run
// before atom_table_init. heap_destroy finalizes every remaining cell.
bool heap_init(Runtime *rt);
void heap_destroy(Runtime *rt);
// Called on the new thread itself (thread_attach) once ts->rt and ts->tid are set: registers the
// thread with the safepoint machinery (waiting out a collection in progress) and defaults
// ts->native_stack_base to the top of the pthread's stack when it is still 0 [HEAP-7].
void heap_thread_init(ThreadState *ts);
// Returns the thread's partially used blocks to the global pool and unregisters it from the
// safepoint machinery (thread exit). Called by the owner thread while attached and not blocked;
// afterwards the thread must not touch the heap.
void heap_thread_release(ThreadState *ts);

typedef struct HeapStats {
    size_t bytes_allocated;   // since the last collection
    size_t bytes_live;        // after the last collection
    size_t collections;
    size_t blocks;
} HeapStats;
void heap_stats(Runtime *rt, HeapStats *out);
// Stop-the-world requests so far, granted or still waiting ($vm.jsThreadsStopRequestCount).
size_t heap_stop_requests(Runtime *rt);
// ClearKeptObjects for the calling thread's agent: its kept WeakRef targets become collectable.
void heap_clear_kept(ThreadState *ts);

#endif
