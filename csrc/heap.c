/*
 * heap.c — blocks and size classes, per-thread allocators, the large-object space, the root set
 * and the stop-the-world mark-sweep collector. It knows no cell layout: cells are traced through
 * celltype_table (celltypes.c) and roots owned by other files through their trace hooks.
 * Must not move cells, recurse while marking, or collect without the world stopped.
 * Implements HEAP-1..HEAP-17 (specs/heap.md); relies on SP-1..SP-5 (specs/safepoints.md).
 * One exception to "no cell layout": the sweep retires dead threads' TIDs in object butterfly
 * words and restricted structures (OM-17, THR-20), the one pass that sees every live cell.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include "heap.h"
#include "thread.h"
#include "atomics.h"
#include "safepoint.h"
#include "jsstring.h"
#include "object.h"
#include "structure.h"
#include "errors.h"
#include "interp.h"

#define NOINLINE __attribute__((noinline))

/*
 * Memory layout [HEAP-1, HEAP-13].
 *
 *   chunk (1 MiB, 1 MiB-aligned, mmap'd, never unmapped while the runtime lives)
 *   ┌────────────┬────────────┬─────┬────────────┐
 *   │ block 0    │ block 1    │ ... │ block 15   │   each block 64 KiB, 64 KiB-aligned
 *   └────────────┴────────────┴─────┴────────────┘
 *   block: [Block header + mark bitmap | cell 0 | cell 1 | ... | cell n-1 | slack]
 *
 * A block holds cells of one size class; a cell's block is its address rounded down to 64 KiB,
 * and its index is (address - cells) / cell_size, computed with a multiplicative reciprocal.
 * The set of chunk addresses answers "is this word inside a block?" for the conservative scan.
 * Cells above HEAP_LARGE_THRESHOLD are malloc'd one by one behind a LargeObject header.
 */
#define BLOCK_SIZE ((size_t)64 * 1024)
#define CHUNK_BLOCKS 16
#define CHUNK_SIZE (BLOCK_SIZE * CHUNK_BLOCKS)
#define MARK_WORDS (BLOCK_SIZE / 16 / 64)
#define PAGE_SIZE_ASSUMED 4096
// Bytes allocated between collections never drop below this (HEAP-11).
#define MIN_TRIGGER_BYTES ((size_t)8 * 1024 * 1024)
// Under GC stress a refill hands out at most this many cells, so collections come often (HEAP-11).
#define STRESS_BATCH_DEFAULT 32
// Empty blocks kept ready (the allocation budget of one cycle); beyond these, empty blocks give
// their pages back to the OS, which costs page faults when they are used again.
#define EMPTY_BLOCKS_KEPT (MIN_TRIGGER_BYTES / BLOCK_SIZE)

typedef struct Block {
    struct Block *next;       // link in a partial or the empty list; heap lock
    LocalAllocator *owner;    // the allocator using this block, NULL when pooled or full [HEAP-2]
    void *reserve;            // free cells not yet handed out: owner's spare (owned) or the pool's
    char *cells;              // first cell
    uint32_t cell_size;       // 0 while the block is empty and unformatted
    uint32_t cell_count;
    uint32_t reciprocal;      // ceil(2^32 / cell_size): index = offset * reciprocal >> 32
    uint32_t free_count;      // cells in reserve
    uint16_t size_class;
    bool dirty;               // the cell area may hold old bytes: zero it before formatting
    bool finalized_cells;     // a cell with a finalize hook was allocated here since formatting
                              // (owner only; read by the sweep): the block must be walked [HEAP-18]
    uint64_t marks[MARK_WORDS];   // one bit per cell index; all clear outside a collection [HEAP-4]
} Block;

#define CELLS_OFFSET ((sizeof(Block) + 15) & ~(size_t)15)

// The cell types whose celltype_table entry has a finalize hook, as a constant so that the
// allocation fast path tests one bit; heap_init checks it against the table [HEAP-18].
#define FINALIZED_TYPES ((1ull << CELL_THREAD) | (1ull << CELL_LOCK) | (1ull << CELL_CONDITION) | \
                         (1ull << CELL_HOST_OBJECT))
_Static_assert(CELL_TYPE_COUNT <= 64, "FINALIZED_TYPES is one bit per cell type");

typedef struct LargeObject {
    size_t size;              // usable bytes of the cell that follows
    uint32_t marked;          // written only while the world is stopped
    uint32_t reserved;
} LargeObject;
_Static_assert(sizeof(LargeObject) == 16, "large cells must stay 16-byte aligned");

enum { VERIFY_NONE, VERIFY_ABORT, VERIFY_REPORT };

// A cell with weak entries, registered by its trace hook for the weak sweep [HEAP-14].
typedef struct WeakEntry {
    Cell *cell;
    const WeakHooks *hooks;
} WeakEntry;

// An ephemeron whose key was not marked when it was met; key NULL = vacant slot.
typedef struct Ephemeron {
    Cell *key;
    Value value;
} Ephemeron;

// One [[KeepDuringJob]] target [HEAP-15]: kept while `thread` still runs the job named `job`.
typedef struct KeptEntry {
    ThreadState *thread;
    uint64_t job;
    Value target;
} KeptEntry;

struct Marker {
    Runtime *rt;
    struct Heap *heap;
    Cell **stack;             // explicit mark stack: no recursion, any depth [HEAP-8]
    size_t count, capacity;
    int verify;               // VERIFY_*: check each reference before marking it [HEAP-10]
    const char *root;         // which root is being scanned, for diagnostics
    const Cell *parent;       // which cell is being traced, for diagnostics
    WeakEntry *weak;          // cells with weak entries met so far (borrowed from the Heap)
    size_t weak_count, weak_capacity;
    struct Ephemeron *pending;    // open addressing by key: entries whose key is not marked yet
    size_t pending_count, pending_capacity;   // (borrowed from the Heap) [HEAP-14]
    Value *ready;                 // values whose key got marked, waiting for drain [HEAP-8]
    size_t ready_count, ready_capacity;
    char *error;
    size_t error_size;
    bool failed;
};

typedef struct Heap {
    pthread_mutex_t lock;                       // everything below except where noted
    Block *partial[HEAP_SIZE_CLASS_COUNT];      // pooled blocks with free cells
    Block *empty;                               // blocks with no live cell, any class
    Block **blocks;                             // every block, for sweeping and teardown
    size_t block_count, block_capacity, empty_count;
    uintptr_t *chunk_set;                       // open addressing of chunk addresses; 0 = vacant
    size_t chunk_set_capacity, chunk_count;
    uintptr_t low, high;                        // bounds of every chunk and large cell
    LargeObject **large;                        // sorted by address when large_sorted
    size_t large_count, large_capacity, large_bytes;
    bool large_sorted;
    size_t bytes_since_gc;                      // atomic add: threads fold their counts in at
                                                // slow paths; zeroed by the collector [HEAP-11]
    size_t bytes_live;                          // written while the world is stopped
    size_t collections;                         // written while the world is stopped
    size_t limit;                               // 0 = none
    uint32_t stress_batch;                      // cells per refill under GC stress
    bool trace;                                 // JSTHREADS_GC_TRACE: a line per collection
    HeapThread setup;                           // heap_alloc_unattached's allocators
    Cell **mark_stack;                          // kept between collections; collector only
    size_t mark_capacity;
    WeakEntry *weak;                            // the weak-cell list, kept like the mark stack
    size_t weak_capacity;
    Ephemeron *pending;                         // the ephemeron table, kept like the mark stack
    size_t pending_capacity;
    Value *ready;                               // and its work list
    size_t ready_capacity;
    WeakEntry *after;                           // sweep hooks that asked for `after` [HEAP-14]
    size_t after_count, after_capacity;         // collector, then the collecting thread
    pthread_mutex_t kept_lock;                  // guards kept* for mutators; the collector
    KeptEntry *kept;                            // reads them with the world stopped [HEAP-15]
    size_t kept_count, kept_capacity;
    size_t stop_requests;                       // atomic add: stops of the world asked for so far
                                                // (collect and heap_verify are the only stoppers)
} Heap;

static void fatal(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    fputs("jsthreads: fatal heap error: ", stderr);
    vfprintf(stderr, format, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

// ---- size classes [HEAP-1] ----

static const uint32_t class_sizes[HEAP_SIZE_CLASS_COUNT] = {
    16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
    320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048,
    2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
};

// 16-byte steps up to 256, where most cells are (strings, objects, small vectors); above, four
// classes per power of two, 2^p + k * 2^(p-2), which bounds the slack of a cell to 25% while
// keeping the class count small. A shift and a count-leading-zeros, no table.
static inline unsigned size_class_of(size_t size) {
    if (size <= 256) return size <= 16 ? 0 : (unsigned)((size + 15) >> 4) - 1;
    size_t s = size - 1;
    unsigned p = 63 - (unsigned)__builtin_clzll(s);
    return 16 + (p - 8) * 4 + (unsigned)((s >> (p - 2)) & 3);
}

// ---- blocks and the chunk set ----

// Blocks are aligned to their size, so a cell's block header is one mask away.
static inline Block *block_base(const void *cell) {
    return (Block *)((uintptr_t)cell & ~(uintptr_t)(BLOCK_SIZE - 1));
}

// Called on every block cell handed out: a dead block may skip its walk only if nothing in it
// needs finalizing [HEAP-18].
static inline void note_finalized(void *cell, CellType type) {
    if (__builtin_expect((FINALIZED_TYPES >> type) & 1, 0)) block_base(cell)->finalized_cells = true;
}

// offset / cell_size without a division: with offset < 2^16 and cell_size <= 2^13 the rounded-up
// reciprocal is exact (offset * error stays below 2^32). Any address inside a cell gives its index.
static inline uint32_t cell_index(const Block *b, uintptr_t address) {
    uint64_t offset = address - (uintptr_t)b->cells;
    return (uint32_t)((offset * b->reciprocal) >> 32);
}

static inline Cell *cell_at(const Block *b, uint32_t index) {
    return (Cell *)(b->cells + (size_t)index * b->cell_size);
}

static inline void **free_link(void *cell) { return (void **)cell + 1; }

// The set holds chunks rather than blocks: sixteen times fewer entries, and since a chunk's blocks
// are all formatted or empty Block headers, "inside a chunk" is as good as "inside a block".
// Fibonacci hashing of the chunk number spreads consecutive chunks over the table.
static size_t chunk_slot(uintptr_t chunk, size_t capacity) {
    return (size_t)(((chunk >> 20) * 0x9E3779B97F4A7C15ull) >> 32) & (capacity - 1);
}

static bool chunk_set_contains(const Heap *h, uintptr_t chunk) {
    if (!h->chunk_set_capacity) return false;
    for (size_t i = chunk_slot(chunk, h->chunk_set_capacity);; i = (i + 1) & (h->chunk_set_capacity - 1)) {
        if (h->chunk_set[i] == chunk) return true;
        if (h->chunk_set[i] == 0) return false;
    }
}

// Heap lock held. Keeps the table at most half full so probes stay short.
static bool chunk_set_insert(Heap *h, uintptr_t chunk) {
    if ((h->chunk_count + 1) * 2 > h->chunk_set_capacity) {
        size_t capacity = h->chunk_set_capacity ? h->chunk_set_capacity * 2 : 64;
        uintptr_t *set = calloc(capacity, sizeof *set);
        if (!set) return false;
        for (size_t i = 0; i < h->chunk_set_capacity; i++) {
            uintptr_t c = h->chunk_set[i];
            if (!c) continue;
            size_t j = chunk_slot(c, capacity);
            while (set[j]) j = (j + 1) & (capacity - 1);
            set[j] = c;
        }
        free(h->chunk_set);
        h->chunk_set = set;
        h->chunk_set_capacity = capacity;
    }
    size_t j = chunk_slot(chunk, h->chunk_set_capacity);
    while (h->chunk_set[j]) j = (j + 1) & (h->chunk_set_capacity - 1);
    h->chunk_set[j] = chunk;
    h->chunk_count++;
    return true;
}

// The block containing address, or NULL when address is not inside any chunk.
static inline Block *block_of(const Heap *h, uintptr_t address) {
    if (address < h->low || address >= h->high) return NULL;
    if (!chunk_set_contains(h, address & ~(uintptr_t)(CHUNK_SIZE - 1))) return NULL;
    return block_base((const void *)address);
}

// [low, high) covers every chunk and large cell: one compare rejects most stack words cheaply.
static void widen_bounds(Heap *h, uintptr_t low, uintptr_t high) {
    if (!h->low || low < h->low) h->low = low;
    if (high > h->high) h->high = high;
}

// Maps a 1 MiB-aligned chunk and puts its 16 blocks on the empty list. Heap lock held.
static bool add_chunk(Heap *h) {
    if (h->block_count + CHUNK_BLOCKS > h->block_capacity) {
        size_t capacity = h->block_capacity ? h->block_capacity * 2 : 64;
        Block **blocks = realloc(h->blocks, capacity * sizeof *blocks);
        if (!blocks) return false;
        h->blocks = blocks;
        h->block_capacity = capacity;
    }
    // Over-map by a chunk and trim, because mmap only promises page alignment.
    char *raw = mmap(NULL, 2 * CHUNK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return false;
    uintptr_t start = ((uintptr_t)raw + CHUNK_SIZE - 1) & ~(uintptr_t)(CHUNK_SIZE - 1);
    if (start > (uintptr_t)raw) munmap(raw, start - (uintptr_t)raw);
    uintptr_t end = (uintptr_t)raw + 2 * CHUNK_SIZE;
    if (end > start + CHUNK_SIZE) munmap((void *)(start + CHUNK_SIZE), end - (start + CHUNK_SIZE));
    if (!chunk_set_insert(h, start)) {
        munmap((void *)start, CHUNK_SIZE);
        return false;
    }
    widen_bounds(h, start, start + CHUNK_SIZE);
    // Fresh anonymous memory is zero: every header already reads CELL_FREE [HEAP-3].
    for (int i = CHUNK_BLOCKS - 1; i >= 0; i--) {
        Block *b = (Block *)(start + (size_t)i * BLOCK_SIZE);
        b->cells = (char *)b + CELLS_OFFSET;
        b->next = h->empty;
        h->empty = b;
        h->empty_count++;
        h->blocks[h->block_count++] = b;
    }
    return true;
}

// Gives an empty block a size class and threads all its cells onto its reserve, in address order
// so that consecutive allocations touch consecutive memory.
static void format_block(Block *b, unsigned size_class) {
    size_t area = BLOCK_SIZE - CELLS_OFFSET;
    // New cell boundaries differ from the old ones: stale bytes where a new header lands could
    // look like a live cell to the conservative scan, so the whole area is zeroed [HEAP-3].
    if (b->dirty) memset(b->cells, 0, area);
    b->dirty = false;
    b->finalized_cells = false;
    b->cell_size = class_sizes[size_class];
    b->size_class = (uint16_t)size_class;
    b->cell_count = (uint32_t)(area / b->cell_size);
    b->reciprocal = (uint32_t)((((uint64_t)1 << 32) + b->cell_size - 1) / b->cell_size);
    void *list = NULL;
    for (uint32_t i = b->cell_count; i-- > 0;) {
        Cell *c = cell_at(b, i);
        *free_link(c) = list;
        list = c;
    }
    b->reserve = list;
    b->free_count = b->cell_count;
}

// Pops up to `limit` cells (0 = all) off the block's reserve for its owner. Taking everything is
// O(1); a limit (GC stress only) walks the list, which is fine for a debugging mode.
static void *take_batch(Block *b, uint32_t limit) {
    void *first = b->reserve;
    if (!first) return NULL;
    uint32_t n = b->free_count;
    if (limit && n > limit) {
        void *last = first;
        for (uint32_t i = 1; i < limit; i++) last = *free_link(last);
        b->reserve = *free_link(last);
        *free_link(last) = NULL;
        n = limit;
    } else {
        b->reserve = NULL;
    }
    b->free_count -= n;
    return first;
}

static uint32_t batch_limit(Runtime *rt) {
    return rt->gc_stress ? rt->heap->stress_batch : 0;
}

// Blocks in use (not empty) plus large cells: what heap_set_limit caps.
static size_t footprint(const Heap *h) {
    return (h->block_count - h->empty_count) * BLOCK_SIZE + h->large_bytes;
}

// Finds a block for allocator `a`. Heap lock held. Part-used blocks come first, so that holes left
// by the last sweep are filled before fresh memory is touched; then empty blocks (any class);
// then a new chunk. Returns NULL when the limit or the OS says no. An empty block comes back
// unformatted (cell_size 0): the caller formats it after dropping the lock [HEAP-17].
static Block *acquire_block(Heap *h, LocalAllocator *a, unsigned size_class) {
    Block *b = h->partial[size_class];
    if (b) {
        h->partial[size_class] = b->next;
    } else {
        if (h->limit && footprint(h) + BLOCK_SIZE > h->limit) return NULL;
        if (!h->empty && !add_chunk(h)) return NULL;
        b = h->empty;
        h->empty = b->next;
        h->empty_count--;
    }
    b->next = NULL;
    b->owner = a;
    return b;
}

/*
 * Refills `a` for size_class: from its own block's spare cells, else from another block. The
 * allocator's old block, now without free cells, is simply disowned: it is in no list until a
 * sweep finds free cells in it again. False when no block can be had.
 */
static bool refill(Runtime *rt, LocalAllocator *a, unsigned size_class) {
    Heap *h = rt->heap;
    uint32_t limit = batch_limit(rt);
    if (a->block && a->block->reserve) {
        a->free_list = take_batch(a->block, limit);
        return true;
    }
    pthread_mutex_lock(&h->lock);
    if (a->block) a->block->owner = NULL;
    a->block = NULL;
    Block *b = acquire_block(h, a, size_class);
    pthread_mutex_unlock(&h->lock);
    if (!b) return false;
    // Formatting writes the whole block (and faults its pages in): done unlocked, so two threads
    // refilling at once overlap instead of queueing. The block is on no list and no sweep can
    // start before this thread's next safepoint, so nobody else looks at it meanwhile [HEAP-17].
    if (!b->cell_size) format_block(b, size_class);
    a->block = b;
    a->free_list = take_batch(b, limit);
    return true;
}

// Returns an allocator's block to the pool with every free cell it still has, so a thread that
// leaves strands nothing until the next sweep. Heap lock held.
static void release_allocator(Heap *h, LocalAllocator *a) {
    Block *b = a->block;
    if (b) {
        uint32_t n = 0;
        void *tail = NULL;
        for (void *c = a->free_list; c; c = *free_link(c)) {
            tail = c;
            n++;
        }
        if (tail) {
            *free_link(tail) = b->reserve;
            b->reserve = a->free_list;
            b->free_count += n;
        }
        b->owner = NULL;
        if (b->free_count) {
            b->next = h->partial[b->size_class];
            h->partial[b->size_class] = b;
        }
    }
    a->block = NULL;
    a->free_list = NULL;
}

// ---- collection entry points ----

static void collect(ThreadState *ts, bool forced);

// The policy of HEAP-11: a heap that doubles its live size between collections keeps collection
// work proportional to allocation, and the 8 MiB floor keeps small heaps from collecting often.
static bool should_collect(Runtime *rt) {
    Heap *h = rt->heap;
    if (rt->gc_stress) return true;
    size_t trigger = h->bytes_live > MIN_TRIGGER_BYTES ? h->bytes_live : MIN_TRIGGER_BYTES;
    return load_relaxed(&h->bytes_since_gc) > trigger;
}

// A separate noinline frame so that the context recorded for the collection lies above every
// frame of the allocation slow path [HEAP-7].
static NOINLINE void collect_from_allocation(ThreadState *ts) {
    SAFEPOINT_RECORD_CONTEXT(ts);
    collect(ts, false);
}

// Explicit requests (jst_gc, tests) always collect, even if another thread just did.
NOINLINE void heap_collect(ThreadState *ts) {
    SAFEPOINT_RECORD_CONTEXT(ts);
    collect(ts, true);
}

// ---- allocation ----

// Types the freshly calloc'd large cell and enters it into the index. The calloc happens outside
// the heap lock: zeroing a big cell can take a while and needs no shared state. NULL (lo freed)
// when the index cannot grow.
static void *finish_large(Heap *h, LargeObject *lo, size_t size, CellType type) {
    lo->size = size;
    Cell *cell = (Cell *)(lo + 1);
    cell->type = (uint8_t)type;
    cell->gc_flags = CELL_GC_LARGE;
    pthread_mutex_lock(&h->lock);
    if (h->large_count == h->large_capacity) {
        size_t capacity = h->large_capacity ? h->large_capacity * 2 : 64;
        LargeObject **large = realloc(h->large, capacity * sizeof *large);
        if (!large) {
            pthread_mutex_unlock(&h->lock);
            free(lo);
            return NULL;
        }
        h->large = large;
        h->large_capacity = capacity;
    }
    // Appending in address order keeps the index sorted for free; otherwise the collector sorts.
    if (h->large_count && h->large[h->large_count - 1] > lo) h->large_sorted = false;
    h->large[h->large_count++] = lo;
    h->large_bytes += size;
    widen_bounds(h, (uintptr_t)(lo + 1), (uintptr_t)(lo + 1) + size);
    pthread_mutex_unlock(&h->lock);
    fetch_add_relaxed(&h->bytes_since_gc, size);
    return cell;
}

static bool large_fits_limit(Heap *h, size_t size) {
    if (!h->limit) return true;
    pthread_mutex_lock(&h->lock);
    bool fits = footprint(h) + size <= h->limit;
    pthread_mutex_unlock(&h->lock);
    return fits;
}

/*
 * The slow path: a safepoint, the trigger check, then a refill or a large cell. When memory (or
 * the limit) says no, one collection is tried before giving up; that collection may also hand
 * cells back to this very allocator, since sweeping refills the allocators that own blocks.
 */
static NOINLINE void *alloc_slow(ThreadState *ts, size_t size, CellType type) {
    Runtime *rt = ts->rt;
    Heap *h = rt->heap;
    if (ts->safepoint_state != SP_RUNNING)
        fatal("heap allocation by a thread that is not running (blocked or detached) [SP-5]");
    safepoint_poll(ts);   // every slow path is a safepoint [HEAP-5]
    // The fast path counts into the thread's own field; the shared total is updated only here,
    // so the trigger sees allocation at refill granularity without atomics on the fast path.
    if (ts->heap.bytes_allocated) {
        fetch_add_relaxed(&h->bytes_since_gc, ts->heap.bytes_allocated);
        ts->heap.bytes_allocated = 0;
    }
    if (should_collect(rt)) collect_from_allocation(ts);
    if (size > HEAP_LARGE_THRESHOLD) {
        // Sizes no machine can satisfy would overflow the header arithmetic below.
        if (size > ((size_t)1 << 40)) return error_throw_out_of_memory(ts), NULL;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (large_fits_limit(h, size)) {
                LargeObject *lo = calloc(1, sizeof(LargeObject) + size);
                if (lo) {
                    void *cell = finish_large(h, lo, size, type);
                    if (cell) return cell;
                }
            }
            if (attempt == 0) collect_from_allocation(ts);
        }
        error_throw_out_of_memory(ts);
        return NULL;
    }
    unsigned size_class = size_class_of(size);
    LocalAllocator *a = &ts->heap.classes[size_class];
    for (int attempt = 0; !a->free_list; attempt++) {
        if (refill(rt, a, size_class)) break;
        if (attempt > 0) {
            error_throw_out_of_memory(ts);
            return NULL;
        }
        collect_from_allocation(ts);   // the sweep may also hand cells back to `a`
    }
    void **cell = a->free_list;
    a->free_list = *free_link(cell);
    memset(cell, 0, class_sizes[size_class]);
    ((Cell *)cell)->type = (uint8_t)type;
    note_finalized(cell, type);
    ts->heap.bytes_allocated += class_sizes[size_class];
    return cell;
}

// The fast path: a free-list pop with no atomics and no lock [HEAP-2]. The whole cell is zeroed,
// slack included, because trace hooks may read up to heap_cell_size [HEAP-3].
void *heap_alloc(ThreadState *ts, size_t size, CellType type) {
    if (__builtin_expect(size <= HEAP_LARGE_THRESHOLD, 1)) {
        unsigned size_class = size_class_of(size);
        LocalAllocator *a = &ts->heap.classes[size_class];
        void **cell = a->free_list;
        if (__builtin_expect(cell != NULL, 1)) {
            a->free_list = *free_link(cell);
            memset(cell, 0, class_sizes[size_class]);
            ((Cell *)cell)->type = (uint8_t)type;
            note_finalized(cell, type);
            ts->heap.bytes_allocated += class_sizes[size_class];
            return cell;
        }
    }
    return alloc_slow(ts, size, type);
}

// Set-up allocation uses the runtime's own allocators in Heap.setup, and never collects: before
// any thread exists there is no stack to scan and nothing to stop.
void *heap_alloc_unattached(Runtime *rt, size_t size, CellType type) {
    Heap *h = rt->heap;
    if (size > HEAP_LARGE_THRESHOLD) {
        LargeObject *lo = calloc(1, sizeof(LargeObject) + size);
        return lo ? finish_large(h, lo, size, type) : NULL;
    }
    unsigned size_class = size_class_of(size);
    LocalAllocator *a = &h->setup.classes[size_class];
    if (!a->free_list && !refill(rt, a, size_class)) return NULL;
    void **cell = a->free_list;
    a->free_list = *free_link(cell);
    memset(cell, 0, class_sizes[size_class]);
    ((Cell *)cell)->type = (uint8_t)type;
    note_finalized(cell, type);
    return cell;
}

size_t heap_cell_size(const void *cell) {
    const Cell *c = cell;
    if (c->gc_flags & CELL_GC_LARGE) return ((const LargeObject *)cell - 1)->size;
    return block_base(cell)->cell_size;
}

// ---- the large-object index [HEAP-9] ----

// Large cells are rare (above 8 KiB), so a sorted array beats a tree: appends are O(1), lookups a
// binary search, and the sweep compacts it in order.
static int compare_large(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)*(LargeObject *const *)a, y = (uintptr_t)*(LargeObject *const *)b;
    return x < y ? -1 : x > y;
}

static void sort_large(Heap *h) {
    if (h->large_sorted) return;
    qsort(h->large, h->large_count, sizeof *h->large, compare_large);
    h->large_sorted = true;
}

// The large object whose cell contains address, or NULL. The index must be sorted.
static LargeObject *large_containing(const Heap *h, uintptr_t address) {
    size_t low = 0, high = h->large_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if ((uintptr_t)(h->large[mid] + 1) <= address) low = mid + 1;
        else high = mid;
    }
    if (low == 0) return NULL;
    LargeObject *o = h->large[low - 1];
    uintptr_t cell = (uintptr_t)(o + 1);
    return address < cell + o->size ? o : NULL;
}

// Any address inside a live cell, interior or not, names that cell; free cells, block headers,
// slack and unmapped words name nothing [HEAP-3, HEAP-7].
void *heap_find_cell(Runtime *rt, uintptr_t word) {
    Heap *h = rt->heap;
    if (word < h->low || word >= h->high) return NULL;
    Block *b = block_of(h, word);
    if (b) {
        if (!b->cell_size || word < (uintptr_t)b->cells) return NULL;
        uint32_t i = cell_index(b, word);
        if (i >= b->cell_count) return NULL;
        Cell *c = cell_at(b, i);
        return c->type == CELL_FREE || c->type >= CELL_TYPE_COUNT ? NULL : c;
    }
    sort_large(h);
    LargeObject *o = large_containing(h, word);
    return o ? (Cell *)(o + 1) : NULL;
}

// ---- marking [HEAP-8, HEAP-10] ----

// The mark stack lives on the C heap and grows by doubling; its memory is kept in the Heap for
// the next collection, so a steady-state collection does not allocate.
static void push(Marker *m, Cell *c) {
    if (m->count == m->capacity) {
        size_t capacity = m->capacity ? m->capacity * 2 : 4096;
        Cell **stack = realloc(m->stack, capacity * sizeof *stack);
        // The collector cannot stop half way: the world is stopped and marks are half set.
        if (!stack) fatal("out of memory for the mark stack (%zu entries)", capacity);
        m->stack = stack;
        m->capacity = capacity;
    }
    m->stack[m->count++] = c;
}

// Marks a cell known to start at c (or, for block cells, to lie inside it: the start is
// recomputed from the index, so a stray interior pointer still marks the right cell). Cells whose
// type has no trace hook (flat strings, bytes) are only marked, never pushed.
static void key_became_marked(Marker *m, const Cell *key);

static inline void mark_valid(Marker *m, Cell *c) {
    if (c->gc_flags & CELL_GC_LARGE) {
        LargeObject *o = (LargeObject *)c - 1;
        if (o->marked) return;
        o->marked = 1;
    } else {
        Block *b = block_base(c);
        uint32_t i = cell_index(b, (uintptr_t)c);
        uint64_t bit = (uint64_t)1 << (i & 63);
        if (b->marks[i >> 6] & bit) return;
        b->marks[i >> 6] |= bit;
        c = cell_at(b, i);
    }
    if (c->type < CELL_TYPE_COUNT && celltype_table[c->type].trace) push(m, c);
    if (__builtin_expect(m->pending_count != 0, 0)) key_became_marked(m, c);
}

// ---- ephemerons [HEAP-14] ----

static size_t ephemeron_slot(const Cell *key, size_t capacity) {
    return (size_t)((((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ull) >> 20) & (capacity - 1);
}

// Keeps the table at most half full; entries for one key may sit in several slots.
static void ephemeron_insert(Marker *m, Cell *key, Value value) {
    if ((m->pending_count + 1) * 2 > m->pending_capacity) {
        size_t capacity = m->pending_capacity ? m->pending_capacity * 2 : 1024;
        Ephemeron *table = calloc(capacity, sizeof *table);
        if (!table) fatal("out of memory for the ephemeron table (%zu entries)", capacity);
        for (size_t i = 0; i < m->pending_capacity; i++) {
            if (!m->pending[i].key) continue;
            size_t j = ephemeron_slot(m->pending[i].key, capacity);
            while (table[j].key) j = (j + 1) & (capacity - 1);
            table[j] = m->pending[i];
        }
        free(m->pending);
        m->pending = table;
        m->pending_capacity = capacity;
    }
    size_t j = ephemeron_slot(key, m->pending_capacity);
    while (m->pending[j].key) j = (j + 1) & (m->pending_capacity - 1);
    m->pending[j] = (Ephemeron){key, value};
    m->pending_count++;
}

// A cell was marked for the first time: the values of the ephemerons it keys are now live. Each
// cell is marked once per collection, so every entry is looked at once: marking is linear in the
// number of entries however their keys and values chain [HEAP-14]. Entries stay in the table
// (a marked key never comes here again). The values wait in `ready` for drain, because marking
// one here could mark further keys and recurse as deep as the chain [HEAP-8].
static void key_became_marked(Marker *m, const Cell *key) {
    for (size_t j = ephemeron_slot(key, m->pending_capacity); m->pending[j].key; j = (j + 1) & (m->pending_capacity - 1)) {
        if (m->pending[j].key != key) continue;
        if (m->ready_count == m->ready_capacity) {
            size_t capacity = m->ready_capacity ? m->ready_capacity * 2 : 256;
            Value *ready = realloc(m->ready, capacity * sizeof *ready);
            if (!ready) fatal("out of memory for the ephemeron work list (%zu entries)", capacity);
            m->ready = ready;
            m->ready_capacity = capacity;
        }
        m->ready[m->ready_count++] = m->pending[j].value;
    }
}

// An entry of a weak table: the value is marked now if the key already is, else as soon as it is.
void heap_mark_ephemeron(Marker *m, Value key, Value value) {
    if (!value_is_cell(key) || key == 0 || !value_is_cell(value) || value == 0) return;
    Cell *k = value_to_cell(key);
    if (heap_is_marked(k)) heap_mark_value(m, value);
    else ephemeron_insert(m, k, value);
}

static void ephemerons_clear(Marker *m) {
    if (m->pending_count) memset(m->pending, 0, m->pending_capacity * sizeof *m->pending);
    m->pending_count = 0;
}

// Describes a broken invariant: aborts under GC stress, else keeps the first one for heap_verify.
static void report(Marker *m, const void *address, const char *problem) {
    char text[400];
    const char *from = m->parent && m->parent->type < CELL_TYPE_COUNT ? celltype_table[m->parent->type].name : NULL;
    if (from) snprintf(text, sizeof text, "a %s cell at %p holds a reference to %p that %s [HEAP-10]",
                       from, (const void *)m->parent, address, problem);
    else if (m->root) snprintf(text, sizeof text, "%s holds a reference to %p that %s [HEAP-10]",
                               m->root, address, problem);
    else snprintf(text, sizeof text, "the cell at %p %s", address, problem);
    if (m->verify == VERIFY_ABORT) fatal("%s", text);
    if (!m->failed && m->error && m->error_size) snprintf(m->error, m->error_size, "%s", text);
    m->failed = true;
}

// Checks that a precise reference names the start of a live cell [HEAP-10]. Only block and
// large-object bookkeeping is read before the header, so a wild pointer is reported, not followed.
static bool reference_ok(Marker *m, const Cell *c) {
    Heap *h = m->heap;
    uintptr_t a = (uintptr_t)c;
    const char *problem = NULL;
    Block *b = NULL;
    if (a & 7) {
        problem = "is not 8-byte aligned";
    } else if ((b = block_of(h, a)) != NULL) {
        if (!b->cell_size || a < (uintptr_t)b->cells || (a - (uintptr_t)b->cells) % b->cell_size != 0 ||
            cell_index(b, a) >= b->cell_count)
            problem = "points into a block but not at a cell";
        else if (c->type == CELL_FREE) problem = "names a free (collected) cell";
        else if (c->type >= CELL_TYPE_COUNT || (c->gc_flags & CELL_GC_LARGE)) problem = "names a corrupt cell header";
    } else {
        LargeObject *o = large_containing(h, a);
        if (!o || (const Cell *)(o + 1) != c) problem = "is not a heap cell";
        else if (c->type == CELL_FREE || c->type >= CELL_TYPE_COUNT || !(c->gc_flags & CELL_GC_LARGE))
            problem = "names a corrupt large cell header";
    }
    if (!problem) return true;
    report(m, c, problem);
    return false;
}

// The entry point for trace hooks and precise roots. Checking is off in normal runs: the cost
// would be a hash lookup per reference.
void heap_mark_cell(Marker *m, const void *cell) {
    if (!cell) return;
    Cell *c = (Cell *)cell;
    if (m->verify != VERIFY_NONE && !reference_ok(m, c)) return;
    mark_valid(m, c);
}

// Zero is what a never-written Value field of a fresh cell holds: it names nothing [HEAP-3].
void heap_mark_value(Marker *m, Value v) {
    if (v != 0 && value_is_cell(v)) heap_mark_cell(m, value_to_cell(v));
}

void heap_mark_values(Marker *m, const Value *values, size_t count) {
    for (size_t i = 0; i < count; i++) heap_mark_value(m, values[i]);
}

// The cell survives but its contents are not traced: a weak cell's entry storage [HEAP-14].
void heap_mark_cell_shallow(Marker *m, const void *cell) {
    if (!cell) return;
    Cell *c = (Cell *)cell;
    if (m->verify != VERIFY_NONE && !reference_ok(m, c)) return;
    if (c->gc_flags & CELL_GC_LARGE) {
        ((LargeObject *)c - 1)->marked = 1;
        return;
    }
    Block *b = block_base(c);
    uint32_t i = cell_index(b, (uintptr_t)c);
    b->marks[i >> 6] |= (uint64_t)1 << (i & 63);
}

// Read by hooks that run between marking and sweeping (structure_table_sweep, weak tables).
bool heap_is_marked(const void *cell) {
    const Cell *c = cell;
    if (c->gc_flags & CELL_GC_LARGE) return ((const LargeObject *)cell - 1)->marked != 0;
    const Block *b = block_base(cell);
    uint32_t i = cell_index(b, (uintptr_t)cell);
    return (b->marks[i >> 6] >> (i & 63)) & 1;
}

/*
 * Every aligned word of [start, end) that points anywhere into a live cell keeps it [HEAP-7].
 * A blocked thread may still write non-pointer words into its own frames while it is scanned
 * (SP-5 only forbids heap pointers there), and stacks hold sanitizer redzones: such reads are
 * deliberate, so the sanitizers are told to ignore them.
 */
__attribute__((no_sanitize_address, no_sanitize_thread))
static void scan_conservatively(Marker *m, uintptr_t start, uintptr_t end) {
    Heap *h = m->heap;
    start = (start + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
    for (uintptr_t p = start; p + sizeof(uintptr_t) <= end; p += sizeof(uintptr_t)) {
        uintptr_t word = *(const uintptr_t *)p;
        if (word < h->low || word >= h->high) continue;
        Cell *c = heap_find_cell(m->rt, word);
        if (c) mark_valid(m, c);
    }
}

// One registered thread's roots; it is parked or blocked (or is the collector), so its fields,
// register stack and recorded context are stable while they are read [SP-2, SP-3].
static void mark_thread(Marker *m, ThreadState *t) {
    // Precise: every word below sp is a valid Value (frame.h, INT-1) [HEAP-6].
    m->root = "a thread's register stack";
    if (t->stack_base && t->sp && t->sp >= t->stack_base) heap_mark_values(m, t->stack_base, (size_t)(t->sp - t->stack_base));
    m->root = "a thread's exception, new_target or callee";
    heap_mark_value(m, t->exception);
    heap_mark_value(m, t->new_target);
    heap_mark_value(m, t->callee);
    m->root = "a thread's jobs and timers";
    job_trace_thread(m, t);
    m->root = "a thread's RegExp statics";
    heap_mark_value(m, t->regexp_statics);
    // Conservative: the frames above the recorded context, and the spilled registers [HEAP-7].
    m->root = "a thread's native stack";
    if (t->safepoint_stack_top && t->native_stack_base > t->safepoint_stack_top)
        scan_conservatively(m, t->safepoint_stack_top, t->native_stack_base);
    uintptr_t spill = (uintptr_t)t->safepoint_spill;
    scan_conservatively(m, spill, spill + t->safepoint_spill_size);
}

static void mark_kept(Marker *m);

static void mark_roots(Marker *m) {
    Runtime *rt = m->rt;
    m->root = "the realm";
    heap_mark_value(m, rt->realm.global_object);
    heap_mark_value(m, rt->realm.global_lexicals);
    heap_mark_values(m, rt->realm.intrinsics, INTRINSIC_COUNT);
    m->root = "the atom table";
    if (rt->atoms) atom_table_trace(rt, m);
    m->root = "the embedder's handles";
    if (rt->embedder_trace) rt->embedder_trace(rt, m);
    m->root = "the objects kept during a job";
    mark_kept(m);
    // The registry is stable while the world is stopped [SP-7].
    for (ThreadState *t = rt->safepoint_threads; t; t = t->safepoint_next) mark_thread(m, t);
    m->root = NULL;
}

// Traces until the mark stack is empty; m->parent names the holder for diagnostics [HEAP-10].
static void drain(Marker *m) {
    for (;;) {
        while (m->count) {
            Cell *c = m->stack[--m->count];
            m->parent = c;
            celltype_table[c->type].trace(m, c);
        }
        m->parent = NULL;
        if (!m->ready_count) return;
        m->root = "an ephemeron whose key is marked";
        heap_mark_value(m, m->ready[--m->ready_count]);
        m->root = NULL;
    }
}

// A Marker lives on the collector's stack for one marking pass and borrows the Heap's stack.
static void marker_begin(Marker *m, Runtime *rt, int verify) {
    memset(m, 0, sizeof *m);
    m->rt = rt;
    m->heap = rt->heap;
    m->stack = rt->heap->mark_stack;
    m->capacity = rt->heap->mark_capacity;
    m->weak = rt->heap->weak;
    m->weak_capacity = rt->heap->weak_capacity;
    m->pending = rt->heap->pending;
    m->pending_capacity = rt->heap->pending_capacity;
    m->ready = rt->heap->ready;
    m->ready_capacity = rt->heap->ready_capacity;
    m->verify = verify;
}

static void marker_end(Marker *m) {
    m->heap->mark_stack = m->stack;
    m->heap->mark_capacity = m->capacity;
    m->heap->weak = m->weak;
    m->heap->weak_capacity = m->weak_capacity;
    ephemerons_clear(m);
    m->heap->pending = m->pending;
    m->heap->pending_capacity = m->pending_capacity;
    m->heap->ready = m->ready;
    m->heap->ready_capacity = m->ready_capacity;
}

// ---- weak cells and ephemerons [HEAP-14, HEAP-15] ----

void heap_defer_weak(Marker *m, Cell *cell, const WeakHooks *hooks) {
    if (m->weak_count == m->weak_capacity) {
        size_t capacity = m->weak_capacity ? m->weak_capacity * 2 : 256;
        WeakEntry *weak = realloc(m->weak, capacity * sizeof *weak);
        if (!weak) fatal("out of memory for the weak-cell list (%zu entries)", capacity);
        m->weak = weak;
        m->weak_capacity = capacity;
    }
    m->weak[m->weak_count++] = (WeakEntry){cell, hooks};
}

/*
 * Plain ephemerons need no rounds (heap_mark_ephemeron); a weak cell's `mark` hook is for any other
 * conditional marking, so those hooks repeat, with a drain after each round, until a round pushes
 * nothing and meets no new weak cell. With no such hook this is a single pass.
 */
static void mark_weak_fixpoint(Marker *m) {
    for (;;) {
        size_t seen = m->weak_count;
        for (size_t i = 0; i < seen; i++)
            if (m->weak[i].hooks->mark) {
                m->parent = m->weak[i].cell;
                m->weak[i].hooks->mark(m, m->weak[i].cell);
            }
        m->parent = NULL;
        bool progress = m->count > 0 || m->ready_count > 0 || m->weak_count != seen;
        drain(m);
        if (!progress && m->weak_count == seen) return;
    }
}

// Marks are final: every weak cell forgets what died. Those that need it get `after` later.
static void sweep_weak(Runtime *rt, Marker *m) {
    Heap *h = rt->heap;
    h->after_count = 0;
    for (size_t i = 0; i < m->weak_count; i++) {
        if (!m->weak[i].hooks->sweep(rt, m->weak[i].cell) || !m->weak[i].hooks->after) continue;
        if (h->after_count == h->after_capacity) {
            size_t capacity = h->after_capacity ? h->after_capacity * 2 : 16;
            WeakEntry *after = realloc(h->after, capacity * sizeof *after);
            if (!after) continue;   // its cleanup waits for the next collection that finds it
            h->after = after;
            h->after_capacity = capacity;
        }
        h->after[h->after_count++] = m->weak[i];
    }
    m->weak_count = 0;
}

// The cells were marked in the collection that just ended and no other collection can end before
// this thread reaches a safepoint, which nothing here does: the pointers are still good.
static void run_after_hooks(ThreadState *ts) {
    Heap *h = ts->rt->heap;
    while (h->after_count) {
        WeakEntry e = h->after[--h->after_count];
        e.hooks->after(ts, e.cell);
    }
}

/*
 * What names "the job ts is running" [HEAP-15]: the first two words of its register stack. A job
 * is a call from the event loop onto an empty register stack, and those words (the bottom frame's
 * callee and code, or the job's arguments) stay put for as long as that call runs. 0 = no job.
 * Two jobs may share a name (the same callback twice); that only keeps targets longer, which
 * [[KeepDuringJob]] allows, while a changed name always means the job that kept them ended.
 */
static uint64_t job_identity(const ThreadState *t) {
    if (!t->stack_base || !t->sp || t->sp < t->stack_base + 2) return 0;
    uint64_t a = load_relaxed(&t->stack_base[0]), b = load_relaxed(&t->stack_base[1]);
    return (a * 0x9E3779B97F4A7C15ull) ^ (b + 0x632BE59BD9B4E019ull) ^ 1;
}

bool heap_keep_during_job(ThreadState *ts, Value target) {
    if (!value_is_cell(target)) return true;
    Heap *h = ts->rt->heap;
    uint64_t job = job_identity(ts);
    pthread_mutex_lock(&h->kept_lock);
    // A loop that derefs the same WeakRef keeps adding the same target: the recent tail says so.
    for (size_t i = h->kept_count, n = 0; i-- > 0 && n < 8; n++) {
        const KeptEntry *e = &h->kept[i];
        if (e->target == target && e->thread == ts && e->job == job) {
            pthread_mutex_unlock(&h->kept_lock);
            return true;
        }
    }
    if (h->kept_count == h->kept_capacity) {
        size_t capacity = h->kept_capacity ? h->kept_capacity * 2 : 64;
        KeptEntry *kept = realloc(h->kept, capacity * sizeof *kept);
        if (!kept) {
            pthread_mutex_unlock(&h->kept_lock);
            error_throw_out_of_memory(ts);
            return false;
        }
        h->kept = kept;
        h->kept_capacity = capacity;
    }
    h->kept[h->kept_count++] = (KeptEntry){ts, job, target};
    pthread_mutex_unlock(&h->kept_lock);
    return true;
}

// A root [HEAP-15]. No mutator is inside kept_lock while the world is stopped (nothing there
// reaches a safepoint), so the list is read without it. Entries whose thread left, or moved on
// to another job, are dropped first; the rest are marked.
static void mark_kept(Marker *m) {
    Heap *h = m->heap;
    size_t kept = 0;
    for (size_t i = 0; i < h->kept_count; i++) {
        KeptEntry e = h->kept[i];
        ThreadState *t = m->rt->safepoint_threads;
        while (t && t != e.thread) t = t->safepoint_next;
        if (!t || job_identity(t) != e.job) continue;
        h->kept[kept++] = e;
        heap_mark_value(m, e.target);
    }
    h->kept_count = kept;
}

// ---- TID retirement [OM-17, THR-20] (thread.h: TidPools) ----

// Moves the TIDs of threads that detached before this stop into the retiring set.
static void tids_retire_begin(Runtime *rt) {
    struct TidPools *p = rt->tids;
    if (!p) return;
    pthread_mutex_lock(&rt->threads_lock);
    uint32_t n = p->dead_count;
    for (uint32_t i = 0; i < n; i++) p->retiring[p->dead[i] >> 6] |= 1ull << (p->dead[i] & 63);
    p->dead_count = 0;
    pthread_mutex_unlock(&rt->threads_lock);
    if (n) rt->tid_retiring = p->retiring;
}

// Every live cell naming a retiring TID names THREAD_TID_NONE now: its objects are nobody's, so
// every thread writes them as a foreign thread (SW first [OM-4]) and none may restrict them; a
// restricted structure of the dead thread stays closed to everyone [OM-12].
static void retire_tids(Runtime *rt, Cell *c) {
    if (cell_is_object(c)) {
        Object *o = (Object *)c;
        uintptr_t word = load_relaxed(&o->butterfly);
        uint32_t owner = (uint32_t)((word >> BUTTERFLY_TID_SHIFT) & BUTTERFLY_TID_MASK);
        if (owner != THREAD_TID_NONE && thread_tid_retiring(rt, owner)) {
            word |= (uintptr_t)THREAD_TID_NONE << BUTTERFLY_TID_SHIFT;   // all ones: NONE
            store_relaxed(&o->butterfly, word);
        }
    } else if (c->type == CELL_STRUCTURE) {
        Structure *s = (Structure *)c;
        if ((s->flags & STRUCTURE_RESTRICTED) && thread_tid_retiring(rt, s->restricted_tid))
            s->restricted_tid = THREAD_TID_NONE;
    }
}

// After the sweep: every cell that named a retiring TID was rewritten or freed, so they are free.
static void tids_retire_end(Runtime *rt) {
    struct TidPools *p = rt->tids;
    if (!rt->tid_retiring) return;
    rt->tid_retiring = NULL;
    pthread_mutex_lock(&rt->threads_lock);
    for (uint32_t w = 0; w < sizeof p->retiring / sizeof p->retiring[0]; w++) {
        for (uint64_t bits = p->retiring[w]; bits; bits &= bits - 1)
            p->free[p->free_count++] = (uint16_t)(w * 64 + (uint32_t)__builtin_ctzll(bits));
        p->retiring[w] = 0;
    }
    pthread_mutex_unlock(&rt->threads_lock);
}

// ---- sweeping [HEAP-3, HEAP-4, HEAP-12] ----

// Rebuilds the block's free cells into its reserve (address order) and finalizes the dead.
// Returns the number of live cells. The list is rebuilt from scratch, including cells that were
// already free (on an allocator's list or the reserve): that makes the result independent of
// whatever lists existed before, which sweep() then hands out again.
static uint32_t sweep_block(Runtime *rt, Block *b) {
    void *list = NULL;
    uint32_t free_cells = 0, live = 0;
    bool retiring = rt->tid_retiring != NULL;
    for (uint32_t i = b->cell_count; i-- > 0;) {
        Cell *c = cell_at(b, i);
        if ((b->marks[i >> 6] >> (i & 63)) & 1) {
            live++;
            // Live code forgets cache entries that name dead structure ids, so that the ids may
            // be handed out again [OM-14].
            if (c->type == CELL_CODE) structure_clear_dead_caches(rt, c);
            else if (retiring) retire_tids(rt, c);
            continue;
        }
        if (c->type != CELL_FREE) {
            if (c->type < CELL_TYPE_COUNT && celltype_table[c->type].finalize) celltype_table[c->type].finalize(rt, c);
            memset(c, 0, sizeof(Cell));
        }
        *free_link(c) = list;
        list = c;
        free_cells++;
    }
    memset(b->marks, 0, sizeof b->marks);
    b->reserve = list;
    b->free_count = free_cells;
    return live;
}

static bool block_unmarked(const Block *b) {
    uint64_t any = 0;
    for (size_t w = 0; w < MARK_WORDS; w++) any |= b->marks[w];
    return any == 0;
}

// Returns the pages of empty blocks beyond the first few to the OS; they read as zero later.
static void release_empty_pages(Heap *h) {
    size_t kept = 0;
    for (Block *b = h->empty; b; b = b->next) {
        if (kept++ < EMPTY_BLOCKS_KEPT || !b->dirty) continue;
        if (madvise((char *)b + PAGE_SIZE_ASSUMED, BLOCK_SIZE - PAGE_SIZE_ASSUMED, MADV_DONTNEED) != 0) continue;
        memset(b->cells, 0, PAGE_SIZE_ASSUMED - CELLS_OFFSET);
        b->dirty = false;
    }
}

/*
 * Sweeps every block and the large-object index, and rebuilds the pool: part-used blocks go to
 * their class's partial list, blocks with nothing live become empty (any class may take them),
 * and a block an allocator owns stays with it, its fresh free list handed straight back, so a
 * collection does not force every thread to refill every class.
 */
static void sweep(Runtime *rt) {
    Heap *h = rt->heap;
    uint32_t limit = batch_limit(rt);
    size_t live_bytes = 0;
    for (unsigned k = 0; k < HEAP_SIZE_CLASS_COUNT; k++) h->partial[k] = NULL;
    h->empty = NULL;
    h->empty_count = 0;
    for (size_t i = h->block_count; i-- > 0;) {
        Block *b = h->blocks[i];
        // Iterating backwards and pushing onto list heads leaves lists in address order.
        // A pooled block with no mark and nothing to finalize is dead as a whole: it becomes
        // empty without a walk over its cells. Their headers stay as they were, which nothing
        // reads (lookups reject unformatted blocks) until format_block zeroes the area [HEAP-18].
        if (b->cell_size && !b->owner && !b->finalized_cells && block_unmarked(b)) {
            b->cell_size = 0;
            b->reserve = NULL;
            b->free_count = 0;
            b->dirty = true;
        } else if (b->cell_size) {
            uint32_t live = sweep_block(rt, b);
            live_bytes += (size_t)live * b->cell_size;
            if (b->owner) {
                // The owner keeps its block; its old free list is superseded by the rebuilt one,
                // which contains every cell of the old one [HEAP-2].
                b->owner->free_list = take_batch(b, limit);
                continue;
            }
            if (live) {
                if (b->free_count) {
                    b->next = h->partial[b->size_class];
                    h->partial[b->size_class] = b;
                }
                continue;
            }
            // Nothing live: unformat it, so that lookups reject it until it is formatted again.
            b->cell_size = 0;
            b->reserve = NULL;
            b->free_count = 0;
            b->dirty = true;
        }
        b->next = h->empty;
        h->empty = b;
        h->empty_count++;
    }
    release_empty_pages(h);
    size_t kept = 0;
    for (size_t i = 0; i < h->large_count; i++) {
        LargeObject *o = h->large[i];
        if (o->marked) {
            o->marked = 0;
            h->large[kept++] = o;
            live_bytes += o->size;
            if (rt->tid_retiring) retire_tids(rt, (Cell *)(o + 1));
            continue;
        }
        Cell *c = (Cell *)(o + 1);
        if (c->type < CELL_TYPE_COUNT && celltype_table[c->type].finalize) celltype_table[c->type].finalize(rt, c);
        h->large_bytes -= o->size;
        free(o);
    }
    h->large_count = kept;   // compaction keeps the order, so the index stays sorted
    // What is live now sets the next trigger [HEAP-11].
    h->bytes_live = live_bytes;
}

// ---- the collection ----

// JSTHREADS_GC_TRACE's clock (like node's --trace-gc: what each collection found and cost).
static double trace_clock_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// The world is stopped and the heap lock held: nobody else runs heap code [SP-4, HEAP-12].
static void mark_and_sweep(Runtime *rt) {
    Heap *h = rt->heap;
    Marker m;
    double start = h->trace ? trace_clock_ms() : 0;
    size_t allocated = load_relaxed(&h->bytes_since_gc);
    // Under GC stress every precise reference is checked: a dangling one aborts at once, naming
    // its holder, instead of corrupting the heap a few collections later [HEAP-10].
    marker_begin(&m, rt, rt->gc_stress ? VERIFY_ABORT : VERIFY_NONE);
    sort_large(h);   // binary search needs it; appends since the last collection may be unsorted
    mark_roots(&m);
    drain(&m);
    mark_weak_fixpoint(&m);
    // Weak entries and structure ids of the dead are dropped while the marks still say who died.
    sweep_weak(rt, &m);
    marker_end(&m);
    double marked = h->trace ? trace_clock_ms() : 0;
    structure_table_sweep(rt);
    tids_retire_begin(rt);
    sweep(rt);
    tids_retire_end(rt);
    // Inline caches naming dead ids were cleared by the sweep of their Code cells [OM-14].
    structure_table_recycle_ids(rt);
    // Every counter restarts, the per-thread ones too (their owners are parked) [HEAP-11].
    store_relaxed(&h->bytes_since_gc, 0);
    for (ThreadState *t = rt->safepoint_threads; t; t = t->safepoint_next) t->heap.bytes_allocated = 0;
    h->collections++;
    if (h->trace) {
        double end = trace_clock_ms();
        fprintf(stderr, "[gc %zu] allocated %.1f MiB, live %.1f MiB, %zu blocks, mark %.2f ms, sweep %.2f ms\n",
                h->collections, allocated / 1048576.0, h->bytes_live / 1048576.0, h->block_count,
                marked - start, end - marked);
    }
}

/*
 * Stops the world, collects and resumes. The caller has recorded its context. Unless forced,
 * a collection that another thread finished while this one waited to stop is enough.
 */
static void collect(ThreadState *ts, bool forced) {
    Runtime *rt = ts->rt;
    Heap *h = rt->heap;
    size_t seen = h->collections;
    fetch_add_relaxed(&h->stop_requests, 1);
    safepoint_stop_the_world(ts);
    // The heap lock is free: no thread holds it across a safepoint, and every other thread is
    // parked or blocked. Taking it orders the collector's writes before the next refill's reads.
    if (forced || h->collections == seen) {
        pthread_mutex_lock(&h->lock);
        mark_and_sweep(rt);
        pthread_mutex_unlock(&h->lock);
    }
    safepoint_resume_the_world(ts);
    run_after_hooks(ts);
}

// ---- verification ----

// A free list must stay inside its block, hold only free cells, and end [HEAP-2, HEAP-3].
static void verify_free_list(Marker *m, const Block *b, const void *list, uint32_t expected, const char *what) {
    uint32_t n = 0;
    for (const void *c = list; c; c = *free_link((void *)c)) {
        uintptr_t a = (uintptr_t)c;
        if (block_base(c) != b || a < (uintptr_t)b->cells || (a - (uintptr_t)b->cells) % b->cell_size ||
            cell_index(b, a) >= b->cell_count) {
            report(m, c, what);
            return;
        }
        if (((const Cell *)c)->type != CELL_FREE) {
            report(m, c, "is on a free list but its header is not zero [HEAP-3]");
            return;
        }
        if (++n > b->cell_count) {
            report(m, c, "is on a free list that loops");
            return;
        }
    }
    if (expected != UINT32_MAX && n != expected) report(m, list, "heads a reserve whose length disagrees with free_count");
}

// Structure first (marks clear, headers sane, lists well formed), then a full marking pass in
// report mode, then the marks are cleared again: verifying never frees anything.
static bool verify_locked(Runtime *rt, char *error, size_t error_size) {
    Heap *h = rt->heap;
    Marker m;
    marker_begin(&m, rt, VERIFY_REPORT);
    m.error = error;
    m.error_size = error_size;
    for (size_t i = 0; i < h->block_count; i++) {
        const Block *b = h->blocks[i];
        for (size_t w = 0; w < MARK_WORDS; w++)
            if (b->marks[w]) report(&m, b->cells, "has mark bits set outside a collection [HEAP-4]");
        if (!b->cell_size) continue;
        for (uint32_t k = 0; k < b->cell_count; k++)
            if (cell_at(b, k)->type >= CELL_TYPE_COUNT) report(&m, cell_at(b, k), "has a corrupt type");
        verify_free_list(&m, b, b->reserve, b->free_count, "is on a block's reserve but is not its cell");
        if (b->owner) verify_free_list(&m, b, b->owner->free_list, UINT32_MAX, "is on an allocator's free list but not in its block");
    }
    sort_large(h);
    mark_roots(&m);
    drain(&m);
    mark_weak_fixpoint(&m);
    m.weak_count = 0;
    marker_end(&m);
    for (size_t i = 0; i < h->block_count; i++) memset(h->blocks[i]->marks, 0, sizeof h->blocks[i]->marks);
    for (size_t i = 0; i < h->large_count; i++) h->large[i]->marked = 0;
    return !m.failed;
}

NOINLINE bool heap_verify(ThreadState *ts, char *error, size_t error_size) {
    SAFEPOINT_RECORD_CONTEXT(ts);
    Runtime *rt = ts->rt;
    fetch_add_relaxed(&rt->heap->stop_requests, 1);
    safepoint_stop_the_world(ts);
    pthread_mutex_lock(&rt->heap->lock);
    bool ok = verify_locked(rt, error, error_size);
    pthread_mutex_unlock(&rt->heap->lock);
    safepoint_resume_the_world(ts);
    return ok;
}

// ---- set-up, threads, statistics ----

// The environment is read here, once, so that every runtime of a process agrees with the CLI's
// options and tests can set them per process.
bool heap_init(Runtime *rt) {
    for (unsigned t = 0; t < CELL_TYPE_COUNT; t++)
        if ((celltype_table[t].finalize != NULL) != ((FINALIZED_TYPES >> t) & 1))
            fatal("FINALIZED_TYPES disagrees with celltype_table for %s [HEAP-18]", celltype_table[t].name);
    Heap *h = calloc(1, sizeof *h);
    if (!h) return false;
    if (pthread_mutex_init(&h->lock, NULL) != 0) {
        free(h);
        return false;
    }
    pthread_mutex_init(&h->kept_lock, NULL);
    h->large_sorted = true;
    h->stress_batch = STRESS_BATCH_DEFAULT;
    // JSTHREADS_GC_STRESS=1 collects at every slow path; a number N > 1 also sets the batch [HEAP-11].
    const char *stress = getenv("JSTHREADS_GC_STRESS");
    if (stress && *stress && strcmp(stress, "0") != 0) {
        rt->gc_stress = true;
        long n = strtol(stress, NULL, 10);
        if (n > 1) h->stress_batch = (uint32_t)n;
    }
    const char *trace = getenv("JSTHREADS_GC_TRACE");
    h->trace = trace && *trace && strcmp(trace, "0") != 0;
    const char *race = getenv("JSTHREADS_RACE");
    if (race && *race) rt->race_seed = strtoull(race, NULL, 0);
    if (!safepoint_init(rt)) {
        pthread_mutex_destroy(&h->kept_lock);
        pthread_mutex_destroy(&h->lock);
        free(h);
        return false;
    }
    rt->heap = h;
    return true;
}

// Finalizes every remaining cell so that side storage balances at teardown, then unmaps. No
// thread may be registered any more, so nothing is marked and nothing else runs.
void heap_destroy(Runtime *rt) {
    Heap *h = rt->heap;
    if (!h) return;
    for (size_t i = 0; i < h->block_count; i++) {
        Block *b = h->blocks[i];
        for (uint32_t k = 0; b->cell_size && k < b->cell_count; k++) {
            Cell *c = cell_at(b, k);
            if (c->type != CELL_FREE && c->type < CELL_TYPE_COUNT && celltype_table[c->type].finalize)
                celltype_table[c->type].finalize(rt, c);
        }
    }
    for (size_t i = 0; i < h->large_count; i++) {
        Cell *c = (Cell *)(h->large[i] + 1);
        if (c->type < CELL_TYPE_COUNT && celltype_table[c->type].finalize) celltype_table[c->type].finalize(rt, c);
        free(h->large[i]);
    }
    for (size_t i = 0; i < h->chunk_set_capacity; i++)
        if (h->chunk_set[i]) munmap((void *)h->chunk_set[i], CHUNK_SIZE);
    free(h->chunk_set);
    free(h->blocks);
    free(h->large);
    free(h->mark_stack);
    free(h->weak);
    free(h->pending);
    free(h->ready);
    free(h->after);
    free(h->kept);
    pthread_mutex_destroy(&h->kept_lock);
    pthread_mutex_destroy(&h->lock);
    safepoint_destroy(rt);
    free(h);
    rt->heap = NULL;
}

// The highest address of the calling pthread's stack: the safest default base for the
// conservative scan, since no frame of this thread can lie above it [HEAP-7].
static uintptr_t stack_top_of_current_thread(void) {
    pthread_attr_t attr;
    void *address;
    size_t size;
    uintptr_t top = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &address, &size) == 0) top = (uintptr_t)address + size;
        pthread_attr_destroy(&attr);
    }
    if (!top) fatal("cannot find the bounds of this thread's stack; call thread_set_native_stack_base");
    return top;
}

// Order matters: the allocators must be empty and the stack base known before the thread is
// registered, because from registration on a collection may scan and sweep on its behalf.
void heap_thread_init(ThreadState *ts) {
    Heap *h = ts->rt->heap;
    memset(&ts->heap, 0, sizeof ts->heap);
    if (!ts->native_stack_base) ts->native_stack_base = stack_top_of_current_thread();
    // Set-up allocation is over once a thread exists: its part-used blocks go back to the pool
    // (heap_alloc_unattached would simply refill if it were called again).
    pthread_mutex_lock(&h->lock);
    for (unsigned k = 0; k < HEAP_SIZE_CLASS_COUNT; k++) release_allocator(h, &h->setup.classes[k]);
    pthread_mutex_unlock(&h->lock);
    safepoint_thread_register(ts);
}

// The thread is RUNNING, so no collection can be under way while it hands its blocks back.
void heap_thread_release(ThreadState *ts) {
    Heap *h = ts->rt->heap;
    fetch_add_relaxed(&h->bytes_since_gc, ts->heap.bytes_allocated);
    ts->heap.bytes_allocated = 0;
    pthread_mutex_lock(&h->lock);
    for (unsigned k = 0; k < HEAP_SIZE_CLASS_COUNT; k++) release_allocator(h, &ts->heap.classes[k]);
    pthread_mutex_unlock(&h->lock);
    safepoint_thread_unregister(ts);
}

// The limit is read under the heap lock by block and large-cell acquisition, so it may change
// while threads run.
void heap_set_limit(Runtime *rt, size_t bytes) {
    pthread_mutex_lock(&rt->heap->lock);
    rt->heap->limit = bytes;
    pthread_mutex_unlock(&rt->heap->lock);
}

// Stop-the-world requests so far, granted or still waiting ($vm.jsThreadsStopRequestCount).
size_t heap_stop_requests(Runtime *rt) {
    return load_relaxed(&rt->heap->stop_requests);
}

// ClearKeptObjects (ES §9.10.4.1) for one agent, i.e. one thread; jsc's releaseWeakRefs(). The
// targets its WeakRefs kept during the current job become collectable at once [HEAP-15].
void heap_clear_kept(ThreadState *ts) {
    Heap *h = ts->rt->heap;
    pthread_mutex_lock(&h->kept_lock);
    size_t kept = 0;
    for (size_t i = 0; i < h->kept_count; i++)
        if (h->kept[i].thread != ts) h->kept[kept++] = h->kept[i];
    h->kept_count = kept;
    pthread_mutex_unlock(&h->kept_lock);
}

void heap_stats(Runtime *rt, HeapStats *out) {
    Heap *h = rt->heap;
    pthread_mutex_lock(&h->lock);
    out->bytes_allocated = load_relaxed(&h->bytes_since_gc);
    out->bytes_live = h->bytes_live;
    out->collections = h->collections;
    out->blocks = h->block_count;
    pthread_mutex_unlock(&h->lock);
}
