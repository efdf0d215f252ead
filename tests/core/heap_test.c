/*
 * heap_test.c — C unit tests of heap.c, safepoint.c and celltypes.c, and the driver that also
 * runs string_test.c's tests: `heap_test NAME` runs one test, `heap_test --list` names them all.
 * Run through tests/core/test_heap.py, which cites the invariants (HEAP-*, SP-*, STR-*).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <time.h>
#include "core_test.h"

// Hides addresses from the conservative scan so that tests can watch cells die.
#define HIDE ((uintptr_t)0xA5A5A5A5A5A5A5A5ull)
// The volatile asm keeps the compiler from reusing an unhidden pointer kept in a register, which
// the conservative scan would rightly treat as a root.
static Cell *unhide(uintptr_t h) {
    uintptr_t p = h ^ HIDE;
    __asm__ volatile("" : "+r"(p));
    return (Cell *)p;
}

// A hidden cell's type as the heap sees it, in its own frame, so that no callee-saved register of
// the test keeps the unhidden pointer alive afterwards: CELL_FREE once it is no live cell, which
// covers cells of a dead block that the sweep left unwalked, headers intact [HEAP-18].
static NOINLINE int hidden_type(Runtime *rt, uintptr_t h) {
    Cell *c = unhide(h);
    return heap_find_cell(rt, (uintptr_t)c) == c ? c->type : CELL_FREE;
}

static const uint32_t expected_classes[HEAP_SIZE_CLASS_COUNT] = {
    16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
    320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048,
    2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
};

// Overwrites dead stack below the caller so stale pointers from earlier calls do not linger.
static NOINLINE void clear_stack(void) {
    char area[16384];
    memset(area, 0, sizeof area);
    __asm__ volatile("" : : "r"(area) : "memory");
}

static NOINLINE void allocate_garbage(ThreadState *ts, uintptr_t *hidden, size_t n, size_t size) {
    for (size_t i = 0; i < n; i++) {
        void *cell = heap_alloc(ts, size, CELL_BYTES);
        CHECK(cell != NULL);
        hidden[i] = (uintptr_t)cell ^ HIDE;
    }
}

static NOINLINE size_t count_free(Runtime *rt, const uintptr_t *hidden, size_t n) {
    size_t dead = 0;
    for (size_t i = 0; i < n; i++) dead += hidden_type(rt, hidden[i]) == CELL_FREE;
    return dead;
}

static void verify_heap(ThreadState *ts) {
    char error[512] = "";
    bool ok = heap_verify(ts, error, sizeof error);
    if (!ok) fprintf(stderr, "heap_verify: %s\n", error);
    CHECK(ok);
}

static size_t collections(Runtime *rt) {
    HeapStats stats;
    heap_stats(rt, &stats);
    return stats.collections;
}

static size_t live_bytes(Runtime *rt) {
    HeapStats stats;
    heap_stats(rt, &stats);
    return stats.bytes_live;
}

// ---- tests ----

static void test_celltype_table(void) {
    for (int t = 0; t < CELL_TYPE_COUNT; t++) CHECK(celltype_table[t].name != NULL);
    CHECK(celltype_table[CELL_STRING].trace == NULL);
    CHECK(celltype_table[CELL_BYTES].trace == NULL);
    CHECK(celltype_table[CELL_VALUES].trace != NULL);
    CHECK(celltype_table[CELL_ROPE].trace != NULL);
    for (int t = CELL_FIRST_OBJECT; t < CELL_TYPE_COUNT; t++) CHECK(celltype_table[t].trace != NULL);
}

static void test_size_classes(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    for (size_t size = 0; size <= HEAP_LARGE_THRESHOLD; size++) {
        unsigned char *cell = heap_alloc(ts, size, CELL_BYTES);
        CHECK(cell != NULL);
        CHECK(((uintptr_t)cell & 15) == 0);
        CHECK(((Cell *)cell)->type == CELL_BYTES);
        CHECK(((Cell *)cell)->gc_flags == 0);
        size_t expected = 0;
        for (int k = 0; k < HEAP_SIZE_CLASS_COUNT && !expected; k++)
            if (expected_classes[k] >= size) expected = expected_classes[k];
        CHECK(heap_cell_size(cell) == expected);
        for (size_t i = sizeof(Cell); i < expected; i++) CHECK(cell[i] == 0);
        // Dirty it, so that reuse after the collection proves cells are zeroed again [HEAP-3].
        memset(cell + sizeof(Cell), 0xAB, expected - sizeof(Cell));
    }
    // Several blocks of every class.
    for (int k = 0; k < HEAP_SIZE_CLASS_COUNT; k++) {
        size_t n = 3 * 65536 / expected_classes[k] + 5;
        for (size_t i = 0; i < n; i++) {
            unsigned char *cell = heap_alloc(ts, expected_classes[k], CELL_BYTES);
            CHECK(cell != NULL && heap_cell_size(cell) == expected_classes[k]);
            memset(cell + sizeof(Cell), 0xCD, expected_classes[k] - sizeof(Cell));
        }
    }
    verify_heap(ts);
    clear_stack();
    heap_collect(ts);
    verify_heap(ts);
    for (int k = 0; k < HEAP_SIZE_CLASS_COUNT; k++) {
        for (int i = 0; i < 50; i++) {
            unsigned char *cell = heap_alloc(ts, expected_classes[k], CELL_VALUES);
            CHECK(cell != NULL);
            for (size_t b = sizeof(Cell); b < expected_classes[k]; b++) CHECK(cell[b] == 0);
        }
    }
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static NOINLINE void allocate_large_garbage(ThreadState *ts, uintptr_t *hidden) {
    unsigned char *big = heap_alloc(ts, 300000, CELL_BYTES);
    CHECK(big != NULL);
    *hidden = (uintptr_t)big ^ HIDE;
}

static NOINLINE void large_objects_body(Runtime *rt, ThreadState *ts) {
    unsigned char *big = heap_alloc(ts, 100000, CELL_BYTES);
    CHECK(big != NULL);
    CHECK(((uintptr_t)big & 15) == 0);
    CHECK(((Cell *)big)->gc_flags & CELL_GC_LARGE);
    CHECK(heap_cell_size(big) == 100000);
    for (size_t i = sizeof(Cell); i < 100000; i++) CHECK(big[i] == 0);
    // Interior pointers find the start; the end and before the start do not [HEAP-7, HEAP-9].
    CHECK(heap_find_cell(rt, (uintptr_t)big + 5000) == big);
    CHECK(heap_find_cell(rt, (uintptr_t)big + 99999) == big);
    CHECK(heap_find_cell(rt, (uintptr_t)big - 1) != big);
    test_push_root(ts, value_from_cell(big));

    Values *many[40];
    for (int i = 0; i < 40; i++) {
        many[i] = test_values(ts, 1100 + 97 * (uint32_t)i);   // > 8 KiB each
        many[i]->items[0] = value_from_int(i);
        if (i % 2 == 0) test_push_root(ts, value_from_cell(many[i]));
    }
    uintptr_t hidden_odd[20];
    for (int i = 0; i < 20; i++) hidden_odd[i] = (uintptr_t)many[2 * i + 1] ^ HIDE;
    memset(many, 0, sizeof many);
    uintptr_t hidden_big;
    allocate_large_garbage(ts, &hidden_big);
    clear_stack();
    size_t before = collections(rt);
    heap_collect(ts);
    CHECK(collections(rt) == before + 1);
    CHECK(((Cell *)big)->type == CELL_BYTES);
    CHECK(heap_find_cell(rt, hidden_big ^ HIDE) == NULL);   // freed: gone from the index
    size_t freed = 0;
    for (int i = 0; i < 20; i++) freed += heap_find_cell(rt, hidden_odd[i] ^ HIDE) == NULL;
    CHECK(freed >= 18);
    for (Value *slot = ts->stack_base + 1; slot < ts->sp; slot++) {
        Values *v = value_to_cell(*slot);
        CHECK(v->header.type == CELL_VALUES && (v->header.gc_flags & CELL_GC_LARGE));
        CHECK(heap_find_cell(rt, (uintptr_t)&v->items[v->capacity - 1]) == v);
        CHECK(value_is_int(v->items[0]) && value_to_int(v->items[0]) % 2 == 0);
    }
    verify_heap(ts);
}

static void test_large_objects(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    large_objects_body(rt, ts);
    ts->sp = ts->stack_base;
    clear_stack();
    heap_collect(ts);
    CHECK(live_bytes(rt) < 100000);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_find_cell(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    Values *v = test_values(ts, 3);   // 40 bytes: a 48-byte cell
    test_push_root(ts, value_from_cell(v));
    CHECK(heap_find_cell(rt, (uintptr_t)v) == v);
    CHECK(heap_find_cell(rt, (uintptr_t)v + 47) == v);
    CHECK(heap_find_cell(rt, 0) == NULL);
    CHECK(heap_find_cell(rt, (uintptr_t)&v) == NULL);   // a stack address
    CHECK(heap_find_cell(rt, (uintptr_t)v & ~(uintptr_t)0xFFFF) == NULL);   // a block header
    // A free cell (never allocated, or collected) is rejected [HEAP-3].
    Values *next = test_values(ts, 3);
    Cell *after = (Cell *)((char *)next + 48);
    CHECK(after->type == CELL_FREE);
    CHECK(heap_find_cell(rt, (uintptr_t)after + 8) == NULL);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_collect_frees_unreachable(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    uintptr_t *hidden = malloc(5000 * sizeof *hidden);
    allocate_garbage(ts, hidden, 5000, 40);
    Values *kept = test_values(ts, 2);
    kept->items[0] = value_from_int(7);
    test_push_root(ts, value_from_cell(kept));
    clear_stack();
    heap_collect(ts);
    // A handful may survive through stale words the conservative scan still sees.
    CHECK(count_free(rt, hidden, 5000) >= 4990);
    CHECK(kept->header.type == CELL_VALUES && kept->items[0] == value_from_int(7));
    verify_heap(ts);
    free(hidden);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// Raw header type of a hidden cell, whatever the heap thinks of it.
static NOINLINE int hidden_raw_type(uintptr_t h) { return unhide(h)->type; }

// A pooled block with nothing live is dropped without its walk: its dead cells are no cells any
// more, though their headers were not zeroed; reusing the block zeroes it first [HEAP-18, HEAP-3].
static void test_dead_block_dropped_whole(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    enum { N = 6000 };   // 48-byte cells: several blocks, all but the allocator's own pooled
    uintptr_t *hidden = malloc(N * sizeof *hidden);
    allocate_garbage(ts, hidden, N, 48);
    clear_stack();
    heap_collect(ts);
    size_t unwalked = 0;
    for (size_t i = 0; i < N; i++) unwalked += hidden_raw_type(hidden[i]) == CELL_BYTES;
    CHECK(count_free(rt, hidden, N) >= N - 10);
    CHECK(unwalked > N / 2);   // the cells of whole dead blocks kept their headers
    verify_heap(ts);
    // The same blocks serve cells of another size class: the formatting zeroed the stale bytes,
    // so every free cell of the new layout has a zero header (verify_heap walks the free lists).
    for (int i = 0; i < N / 2; i++) {
        Values *v = test_values(ts, 6);
        CHECK(v->header.type == CELL_VALUES && v->items[0] == 0 && v->items[5] == 0);
    }
    verify_heap(ts);
    free(hidden);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static NOINLINE uintptr_t set_hidden_exception(ThreadState *ts) {
    ts->exception = value_from_cell(test_values(ts, 1));
    return (uintptr_t)value_to_cell(ts->exception) ^ HIDE;
}

// Cells rooted only by the register stack; their addresses go to `hidden`. Also pushes non-cell
// Values and zero words, which sit on the register stack too [HEAP-6].
static NOINLINE void push_hidden_roots(ThreadState *ts, uintptr_t *hidden) {
    for (int i = 0; i < 100; i++) {
        Values *v = test_values(ts, 1);
        v->items[0] = value_from_int(i);
        hidden[i] = (uintptr_t)v ^ HIDE;
        test_push_root(ts, value_from_cell(v));
        test_push_root(ts, i % 2 ? value_from_double(1.5) : 0);
    }
}

static void test_register_stack_roots(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    uintptr_t hidden[100];
    push_hidden_roots(ts, hidden);
    uintptr_t exception_hidden = set_hidden_exception(ts);
    clear_stack();
    heap_collect(ts);
    CHECK(count_free(rt, hidden, 100) == 0);
    CHECK(hidden_type(rt, exception_hidden) == CELL_VALUES);
    for (int i = 0; i < 100; i++) CHECK(hidden_type(rt, hidden[i]) == CELL_VALUES);
    // Popping the register stack makes the upper half garbage.
    ts->sp = ts->stack_base + 100;   // keeps cells 0..49 and their interleaved non-cells
    ts->exception = JS_HOLE;
    clear_stack();
    heap_collect(ts);
    CHECK(count_free(rt, hidden, 50) == 0);
    CHECK(count_free(rt, hidden + 50, 50) == 50);
    CHECK(hidden_type(rt, exception_hidden) == CELL_FREE);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// Holds cells only in C locals (registers or native stack), one of them only by an interior
// pointer, and collects underneath them [HEAP-7].
static NOINLINE void conservative_body(ThreadState *ts, uintptr_t *garbage) {
    Values *held = test_values(ts, 2);
    held->items[1] = value_from_int(41);
    char *interior = (char *)test_values(ts, 4) + 20;
    char *large_interior = (char *)heap_alloc(ts, 50000, CELL_BYTES) + 30000;
    void *in_memory[2];
    in_memory[0] = test_values(ts, 1);
    in_memory[1] = (char *)test_values(ts, 6) + 33;
    __asm__ volatile("" : : "r"(in_memory) : "memory");
    allocate_garbage(ts, garbage, 200, 32);
    clear_stack();
    __asm__ volatile("" : : "r"(held), "r"(interior), "r"(large_interior) : "memory");
    heap_collect(ts);
    __asm__ volatile("" : : "r"(held), "r"(interior), "r"(large_interior), "r"(in_memory) : "memory");
    CHECK(held->header.type == CELL_VALUES && held->items[1] == value_from_int(41));
    CHECK(((Cell *)(interior - 20))->type == CELL_VALUES);
    CHECK(((Cell *)(large_interior - 30000))->type == CELL_BYTES);
    CHECK(((Cell *)in_memory[0])->type == CELL_VALUES);
    CHECK(((Cell *)((char *)in_memory[1] - 33))->type == CELL_VALUES);
    CHECK(count_free(ts->rt, garbage, 200) >= 190);
}

static void test_conservative_roots(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    uintptr_t garbage[200];
    conservative_body(ts, garbage);
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

enum { CHAIN_LENGTH = 1000000 };

static NOINLINE void build_chain(ThreadState *ts, Value *root) {
    for (int i = CHAIN_LENGTH - 1; i >= 0; i--) {
        Values *node = test_values(ts, 2);
        node->items[0] = *root;
        node->items[1] = value_from_int(i);
        *root = value_from_cell(node);
    }
}

static NOINLINE void check_chain(Value root) {
    int count = 0;
    for (Value v = root; v != JS_UNDEFINED; v = ((Values *)value_to_cell(v))->items[0]) {
        Values *node = value_to_cell(v);
        CHECK(node->header.type == CELL_VALUES && node->items[1] == value_from_int(count));
        count++;
    }
    CHECK(count == CHAIN_LENGTH);
}

// A million-long list: marking must not recurse [HEAP-8].
static void test_long_chain(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    enum { N = CHAIN_LENGTH };
    Value *root = test_push_root(ts, JS_UNDEFINED);
    build_chain(ts, root);
    CHECK(collections(rt) >= 2);   // 32 MB of nodes crossed the 8 MiB trigger along the way
    heap_collect(ts);
    check_chain(*root);
    CHECK(live_bytes(rt) >= (size_t)N * 32);
    *root = JS_UNDEFINED;
    clear_stack();
    heap_collect(ts);
    CHECK(live_bytes(rt) < (size_t)1 << 20);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// Every slow path collects, and the heap stays consistent throughout [HEAP-11].
static void test_gc_stress(void) {
    Runtime *rt = test_runtime_new();
    rt->gc_stress = true;
    ThreadState *ts = test_thread_attach(rt, 1024);
    Value *root = test_push_root(ts, JS_UNDEFINED);
    size_t before = collections(rt);
    for (int i = 0; i < 20000; i++) {
        Values *node = test_values(ts, 2 + (uint32_t)(i % 5));   // several size classes
        node->items[0] = *root;
        node->items[1] = value_from_int(i);
        *root = value_from_cell(node);
        heap_alloc(ts, 24 + (size_t)(i % 300), CELL_BYTES);   // interleaved garbage
    }
    // About twenty size classes share the work; each refill hands out at most 32 cells.
    CHECK(collections(rt) - before >= 40000 / (32 * 20));
    int expect = 19999;
    for (Value v = *root; v != JS_UNDEFINED; v = ((Values *)value_to_cell(v))->items[0])
        CHECK(((Values *)value_to_cell(v))->items[1] == value_from_int(expect--));
    CHECK(expect == -1);
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_env_settings(void) {
    setenv("JSTHREADS_GC_STRESS", "1", 1);
    setenv("JSTHREADS_RACE", "12345", 1);
    Runtime *rt = test_runtime_new();
    CHECK(rt->gc_stress);
    CHECK(rt->race_seed == 12345);
    test_runtime_free(rt);
    unsetenv("JSTHREADS_GC_STRESS");
    unsetenv("JSTHREADS_RACE");
    rt = test_runtime_new();
    CHECK(!rt->gc_stress && rt->race_seed == 0);
    test_runtime_free(rt);
}

// The same seed and tid give the same perturbation sequence [SP-8].
static uint64_t race_state_after_polls(uint64_t seed) {
    Runtime *rt = test_runtime_new();
    rt->race_seed = seed;
    ThreadState *ts = test_thread_attach(rt, 16);
    for (int i = 0; i < 3000; i++) safepoint_poll(ts);
    uint64_t state = ts->safepoint_race_state;
    test_thread_detach(ts);
    test_runtime_free(rt);
    return state;
}

static void test_race_reproducible(void) {
    CHECK(race_state_after_polls(99) == race_state_after_polls(99));
    CHECK(race_state_after_polls(99) != race_state_after_polls(100));
}

static NOINLINE uintptr_t make_dead_cell(ThreadState *ts) {
    uintptr_t hidden[32];
    allocate_garbage(ts, hidden, 32, 64);
    clear_stack();
    heap_collect(ts);
    for (int i = 0; i < 32; i++)
        if (hidden_type(ts->rt, hidden[i]) == CELL_FREE) return hidden[i];
    CHECK(!"no garbage cell died");
    return 0;
}

// heap_verify reports a reference to a collected cell [HEAP-10].
static void test_verify_detects_dangling(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    Values *holder = test_values(ts, 1);
    test_push_root(ts, value_from_cell(holder));
    verify_heap(ts);
    holder->items[0] = value_from_cell(unhide(make_dead_cell(ts)));
    char error[512] = "";
    CHECK(!heap_verify(ts, error, sizeof error));
    CHECK(strstr(error, "free") != NULL && strstr(error, "Values") != NULL);
    holder->items[0] = JS_UNDEFINED;
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// Chains 4000-byte cells under root until allocation fails; returns how many it made.
static NOINLINE int fill_until_out_of_memory(ThreadState *ts, Value *root) {
    int made = 0;
    for (;;) {
        Values *node = heap_alloc(ts, 4000, CELL_VALUES);
        if (!node) return made;
        node->capacity = 1;
        node->items[0] = *root;
        *root = value_from_cell(node);
        CHECK(++made < 100000);
    }
}

static void test_heap_limit(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    heap_set_limit(rt, (size_t)16 << 20);
    Value *root = test_push_root(ts, JS_UNDEFINED);
    CHECK(fill_until_out_of_memory(ts, root) > 1000);
    CHECK(test_out_of_memory_count > 0 && ts->exception != JS_HOLE);
    ts->exception = JS_HOLE;
    *root = JS_UNDEFINED;
    clear_stack();
    heap_collect(ts);
    CHECK(heap_alloc(ts, 4000, CELL_VALUES) != NULL);
    CHECK(heap_alloc(ts, 100000, CELL_BYTES) != NULL);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_thread_release_returns_blocks(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    ThreadState *other = test_thread_attach(rt, 1024);
    for (int i = 0; i < 100; i++) test_push_root(other, value_from_cell(test_values(other, 1)));
    // Its cells outlive it when rooted elsewhere; its part-used block goes back to the pool and
    // is the next one handed out for that size class [HEAP-2].
    Values *survivor = value_to_cell(other->stack_base[0]);
    test_push_root(ts, value_from_cell(survivor));
    test_thread_detach(other);
    Values *reuse = test_values(ts, 1);
    CHECK(((uintptr_t)reuse & ~(uintptr_t)0xFFFF) == ((uintptr_t)survivor & ~(uintptr_t)0xFFFF));
    heap_collect(ts);
    CHECK(survivor->header.type == CELL_VALUES);
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// ---- several threads: stop-the-world, parking, blocked regions [SP-1..SP-5] ----

typedef struct Worker {
    Runtime *rt;
    int index;
    int rounds;
    pthread_t thread;
} Worker;

static NOINLINE void worker_round(ThreadState *ts, int round) {
    // The list lives only in C locals and the cells themselves.
    Values *head = NULL;
    for (int i = 0; i < 200; i++) {
        Values *node = test_values(ts, 2);
        node->items[0] = head ? value_from_cell(head) : JS_UNDEFINED;
        node->items[1] = value_from_int(round * 1000 + i);
        head = node;
        if (i % 16 == 0) safepoint_poll(ts);
        heap_alloc(ts, 48, CELL_BYTES);
    }
    int expect = 199;
    for (Values *n = head; n; n = n->items[0] == JS_UNDEFINED ? NULL : value_to_cell(n->items[0])) {
        CHECK(n->header.type == CELL_VALUES);
        CHECK(n->items[1] == value_from_int(round * 1000 + expect));
        expect--;
    }
    CHECK(expect == -1);
}

// Holds a cell across a blocked region while other threads collect [SP-3, SP-5].
static NOINLINE void blocked_round(ThreadState *ts, int round) {
    Values *keep = test_values(ts, 2);
    keep->items[1] = value_from_int(round);
    safepoint_enter_blocked(ts);
    safepoint_enter_blocked(ts);   // nesting is allowed
    struct timespec pause = {0, 2000000};
    nanosleep(&pause, NULL);
    safepoint_leave_blocked(ts);
    safepoint_leave_blocked(ts);
    CHECK(keep->header.type == CELL_VALUES && keep->items[1] == value_from_int(round));
}

static void *worker_main(void *arg) {
    Worker *w = arg;
    ThreadState *ts = test_thread_attach(w->rt, 256);
    for (int round = 0; round < w->rounds; round++) {
        if (w->index == 0) blocked_round(ts, round);
        else worker_round(ts, round);
    }
    test_thread_detach(ts);
    return NULL;
}

static void run_threads(bool stress, uint64_t race_seed, bool gil) {
    Runtime *rt = test_runtime_new();
    rt->gc_stress = stress;
    rt->race_seed = race_seed;
    rt->gil_mode = gil;
    ThreadState *ts = test_thread_attach(rt, 1024);
    Values *mine = test_values(ts, 1);
    mine->items[0] = value_from_int(5);
    enum { WORKERS = 4 };
    Worker workers[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        workers[i] = (Worker){rt, i, stress ? 20 : 60, 0};
        CHECK(pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) == 0);
    }
    size_t before = collections(rt);
    for (int i = 0; i < 30; i++) {
        heap_collect(ts);
        safepoint_poll(ts);
        CHECK(mine->header.type == CELL_VALUES && mine->items[0] == value_from_int(5));
    }
    // Joining waits, so it happens in a blocked region: the workers may need to collect [SP-5].
    safepoint_enter_blocked(ts);
    for (int i = 0; i < WORKERS; i++) pthread_join(workers[i].thread, NULL);
    safepoint_leave_blocked(ts);
    CHECK(collections(rt) - before >= 30);
    CHECK(rt->safepoint_running == 1 && rt->safepoint_threads == ts);
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_threads_stop_the_world(void) { run_threads(false, 0, false); }
static void test_threads_gc_stress(void) { run_threads(true, 0, false); }
static void test_threads_race_mode(void) { run_threads(true, 777, false); }
static void test_gil_stop_the_world(void) { run_threads(true, 0, true); }
static void test_gil_race_mode(void) { run_threads(true, 4242, true); }

// Threads attach, allocate and detach over and over while the creator collects: registration
// waits out stops, leaving counts as stopping, and released blocks are reused [SP-7, HEAP-2].
static void *churn_main(void *arg) {
    Runtime *rt = arg;
    for (int life = 0; life < 30; life++) {
        ThreadState *ts = test_thread_attach(rt, 64);
        Values *kept = test_values(ts, 2);
        kept->items[0] = value_from_int(life);
        for (int i = 0; i < 100; i++) heap_alloc(ts, 16 + (size_t)(i % 8) * 48, CELL_BYTES);
        safepoint_poll(ts);
        CHECK(kept->header.type == CELL_VALUES && kept->items[0] == value_from_int(life));
        test_thread_detach(ts);
    }
    return NULL;
}

static void run_churn(bool gil) {
    Runtime *rt = test_runtime_new();
    rt->gc_stress = true;
    rt->gil_mode = gil;
    ThreadState *ts = test_thread_attach(rt, 256);
    enum { CHURNERS = 4 };
    pthread_t threads[CHURNERS];
    for (int i = 0; i < CHURNERS; i++) CHECK(pthread_create(&threads[i], NULL, churn_main, rt) == 0);
    for (int i = 0; i < 20; i++) {
        heap_collect(ts);
        safepoint_enter_blocked(ts);   // lets churners in under --gil, and waits as blocked
        struct timespec pause = {0, 100000};
        nanosleep(&pause, NULL);
        safepoint_leave_blocked(ts);
    }
    safepoint_enter_blocked(ts);
    for (int i = 0; i < CHURNERS; i++) pthread_join(threads[i], NULL);
    safepoint_leave_blocked(ts);
    CHECK(rt->safepoint_running == 1 && rt->safepoint_threads == ts && ts->safepoint_next == NULL);
    verify_heap(ts);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

static void test_threads_churn(void) { run_churn(false); }
static void test_gil_threads_churn(void) { run_churn(true); }

// A thread that stops the world again and again must not starve the others: each stop waits
// until the threads woken from the last one got going again, so a mutator that only polls makes
// progress between every two stops [SP-13].
typedef struct Poller {
    Runtime *rt;
    int progress;
    int quit;
} Poller;

static void *poller_main(void *arg) {
    Poller *p = arg;
    ThreadState *ts = test_thread_attach(p->rt, 64);
    while (!load_acquire(&p->quit)) {
        store_release(&p->progress, load_relaxed(&p->progress) + 1);
        safepoint_poll(ts);
    }
    test_thread_detach(ts);
    return NULL;
}

static void test_back_to_back_stops(void) {
    Poller p = {test_runtime_new(), 0, 0};
    ThreadState *ts = test_thread_attach(p.rt, 64);
    pthread_t poller;
    CHECK(pthread_create(&poller, NULL, poller_main, &p) == 0);
    while (load_acquire(&p.progress) == 0) sched_yield();   // attached and polling
    enum { STOPS = 2000 };
    int before = load_acquire(&p.progress);
    for (int i = 0; i < STOPS; i++) {
        safepoint_stop_the_world(ts);
        safepoint_resume_the_world(ts);
    }
    // The poller parked in every stop, and ran one loop turn after each before the next began.
    CHECK(load_acquire(&p.progress) - before >= STOPS - 1);
    store_release(&p.quit, 1);
    safepoint_enter_blocked(ts);
    pthread_join(poller, NULL);
    safepoint_leave_blocked(ts);
    CHECK(p.rt->safepoint_waking == 0 && p.rt->safepoint_generation >= STOPS);
    test_thread_detach(ts);
    test_runtime_free(p.rt);
}

// ---- the --gil mode [SP-9..SP-12] ----

typedef struct GilShared {
    Runtime *rt;
    int inside;            // threads between "entered JS" and "left JS"; must never exceed 1
    int started;           // threads that have attached
    int flag;              // the property a spin-waiting thread watches
    int rounds_done;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int signalled;
} GilShared;

// A stretch of "JS" between two polls: nobody else may be inside meanwhile [SP-9].
static NOINLINE void gil_critical_stretch(GilShared *g, ThreadState *ts) {
    CHECK(__atomic_fetch_add(&g->inside, 1, __ATOMIC_SEQ_CST) == 0);
    CHECK(safepoint_holds_gil(ts) && load_relaxed(&g->rt->gil_holder) == ts);
    CHECK(load_acquire(&ts->safepoint_state) == SP_RUNNING);
    for (volatile int spin = 0; spin < 20000; spin++) {}
    CHECK(__atomic_fetch_sub(&g->inside, 1, __ATOMIC_SEQ_CST) == 1);
}

static void *gil_runner_main(void *arg) {
    GilShared *g = arg;
    ThreadState *ts = test_thread_attach(g->rt, 256);
    for (int round = 0; round < 400; round++) {
        gil_critical_stretch(g, ts);
        heap_alloc(ts, 64, CELL_BYTES);   // may collect: a stop by the GIL holder [SP-12]
        safepoint_poll(ts);
        if (round % 50 == 0) {
            safepoint_enter_blocked(ts);
            CHECK(!safepoint_holds_gil(ts));   // blocked threads hold no GIL [SP-9]
            struct timespec pause = {0, 200000};
            nanosleep(&pause, NULL);
            safepoint_leave_blocked(ts);
            CHECK(safepoint_holds_gil(ts));
        }
    }
    test_thread_detach(ts);
    return NULL;
}

static void test_gil_one_runner(void) {
    GilShared g = {0};
    g.rt = test_runtime_new();
    g.rt->gil_mode = true;
    g.rt->gc_stress = true;
    ThreadState *ts = test_thread_attach(g.rt, 256);
    CHECK(safepoint_holds_gil(ts));
    enum { RUNNERS = 3 };
    pthread_t threads[RUNNERS];
    for (int i = 0; i < RUNNERS; i++) CHECK(pthread_create(&threads[i], NULL, gil_runner_main, &g) == 0);
    // The creator takes part too, then joins in a blocked region (which releases the GIL) [SP-5].
    for (int round = 0; round < 200; round++) {
        gil_critical_stretch(&g, ts);
        safepoint_poll(ts);
    }
    safepoint_enter_blocked(ts);
    CHECK(!safepoint_holds_gil(ts) && load_relaxed(&g.rt->gil_holder) != ts);
    for (int i = 0; i < RUNNERS; i++) pthread_join(threads[i], NULL);
    safepoint_leave_blocked(ts);
    CHECK(load_relaxed(&g.rt->gil_holder) == ts && g.rt->gil_handovers > 0);
    verify_heap(ts);
    test_thread_detach(ts);
    CHECK(load_relaxed(&g.rt->gil_holder) == NULL);
    test_runtime_free(g.rt);
}

// Spins on g->flag with polls only, like `while (!o.done) {}` in JS: without time slices the
// other thread, waiting for the GIL, could never set it [SP-11].
static void *gil_spin_partner_main(void *arg) {
    GilShared *g = arg;
    ThreadState *ts = test_thread_attach(g->rt, 256);
    for (int round = 0; round < 20; round++) {
        while (load_acquire(&g->flag) != 2 * round + 1) safepoint_poll(ts);
        store_release(&g->flag, 2 * round + 2);
    }
    test_thread_detach(ts);
    return NULL;
}

static void test_gil_spin_wait(void) {
    GilShared g = {0};
    g.rt = test_runtime_new();
    g.rt->gil_mode = true;
    ThreadState *ts = test_thread_attach(g.rt, 256);
    pthread_t partner;
    CHECK(pthread_create(&partner, NULL, gil_spin_partner_main, &g) == 0);
    // Twenty round trips of a ping-pong in which each side only spins and polls.
    for (int round = 0; round < 20; round++) {
        store_release(&g.flag, 2 * round + 1);
        while (load_acquire(&g.flag) != 2 * round + 2) safepoint_poll(ts);
    }
    safepoint_enter_blocked(ts);
    pthread_join(partner, NULL);
    safepoint_leave_blocked(ts);
    CHECK(g.rt->gil_handovers >= 20);
    test_thread_detach(ts);
    test_runtime_free(g.rt);
}

// Waits on a condition variable through safepoint_cond_wait: the waiter gives the GIL up, so the
// signaller, which needs the GIL to run at all, gets it [SP-9, SP-12].
static void *gil_signaller_main(void *arg) {
    GilShared *g = arg;
    ThreadState *ts = test_thread_attach(g->rt, 256);
    CHECK(safepoint_holds_gil(ts) && load_relaxed(&g->rt->gil_holder) == ts);
    pthread_mutex_lock(&g->mutex);
    g->signalled = 1;
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);
    // Hold the GIL (never polling) for a while: the woken waiter must wait for it, and must not
    // keep the mutex meanwhile, or this thread would deadlock on it below.
    struct timespec pause = {0, 5000000};
    nanosleep(&pause, NULL);
    pthread_mutex_lock(&g->mutex);
    g->signalled = 2;
    pthread_mutex_unlock(&g->mutex);
    test_thread_detach(ts);
    return NULL;
}

static void test_gil_blocked_waits_release(void) {
    GilShared g = {0};
    g.rt = test_runtime_new();
    g.rt->gil_mode = true;
    pthread_mutex_init(&g.mutex, NULL);
    pthread_cond_init(&g.cond, NULL);
    ThreadState *ts = test_thread_attach(g.rt, 256);
    Values *keep = test_values(ts, 1);
    keep->items[0] = value_from_int(42);
    pthread_t signaller;
    CHECK(pthread_create(&signaller, NULL, gil_signaller_main, &g) == 0);
    pthread_mutex_lock(&g.mutex);
    while (!g.signalled) safepoint_cond_wait(ts, &g.cond, &g.mutex, NULL);
    CHECK(safepoint_holds_gil(ts) && load_acquire(&ts->safepoint_state) == SP_RUNNING);
    pthread_mutex_unlock(&g.mutex);
    // A timed wait that times out also comes back RUNNING with the GIL.
    pthread_mutex_lock(&g.mutex);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 1000000;
    if (deadline.tv_nsec >= 1000000000L) deadline.tv_sec++, deadline.tv_nsec -= 1000000000L;
    int status = 0;
    while (status != ETIMEDOUT) status = safepoint_cond_wait(ts, &g.cond, &g.mutex, &deadline);
    pthread_mutex_unlock(&g.mutex);
    CHECK(safepoint_holds_gil(ts));
    safepoint_enter_blocked(ts);
    pthread_join(signaller, NULL);
    safepoint_leave_blocked(ts);
    heap_collect(ts);
    CHECK(keep->header.type == CELL_VALUES && keep->items[0] == value_from_int(42));
    test_thread_detach(ts);
    pthread_cond_destroy(&g.cond);
    pthread_mutex_destroy(&g.mutex);
    test_runtime_free(g.rt);
}

// ---- the driver ----

typedef struct Test {
    const char *name;
    void (*run)(void);
} Test;

static const Test tests[] = {
    {"celltype_table", test_celltype_table},
    {"size_classes", test_size_classes},
    {"large_objects", test_large_objects},
    {"find_cell", test_find_cell},
    {"collect_frees_unreachable", test_collect_frees_unreachable},
    {"dead_block_dropped_whole", test_dead_block_dropped_whole},
    {"register_stack_roots", test_register_stack_roots},
    {"conservative_roots", test_conservative_roots},
    {"long_chain", test_long_chain},
    {"gc_stress", test_gc_stress},
    {"env_settings", test_env_settings},
    {"race_reproducible", test_race_reproducible},
    {"verify_detects_dangling", test_verify_detects_dangling},
    {"heap_limit", test_heap_limit},
    {"thread_release_returns_blocks", test_thread_release_returns_blocks},
    {"threads_stop_the_world", test_threads_stop_the_world},
    {"threads_gc_stress", test_threads_gc_stress},
    {"threads_race_mode", test_threads_race_mode},
    {"threads_churn", test_threads_churn},
    {"gil_threads_churn", test_gil_threads_churn},
    {"back_to_back_stops", test_back_to_back_stops},
    {"gil_stop_the_world", test_gil_stop_the_world},
    {"gil_race_mode", test_gil_race_mode},
    {"gil_one_runner", test_gil_one_runner},
    {"gil_spin_wait", test_gil_spin_wait},
    {"gil_blocked_waits_release", test_gil_blocked_waits_release},
    {"rope_flatten_deep", test_rope_flatten_deep},
    {"rope_flatten_right_deep", test_rope_flatten_right_deep},
    {"rope_flatten_under_stress", test_rope_flatten_under_stress},
    {"utf8_round_trips", test_utf8_round_trips},
    {"atoms_unique", test_atoms_unique},
    {"array_index_detection", test_array_index_detection},
    {"string_builder", test_string_builder},
    {"string_operations", test_string_operations},
    {"symbols", test_symbols},
};

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s NAME | --list\n", argv[0]);
        return 2;
    }
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (strcmp(argv[1], "--list") == 0) {
            puts(tests[i].name);
        } else if (strcmp(argv[1], tests[i].name) == 0) {
            tests[i].run();
            puts("ok");
            return 0;
        }
    }
    if (strcmp(argv[1], "--list") == 0) return 0;
    fprintf(stderr, "unknown test %s\n", argv[1]);
    return 2;
}
