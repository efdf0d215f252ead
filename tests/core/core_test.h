/*
 * core_test.h — helpers shared by the C unit-test drivers of the heap, safepoints and strings
 * (heap_test.c, string_test.c). Builds a Runtime and ThreadStates by hand, because threads.c
 * and api.c are not linked into these tests; stubs_heap.c supplies what they would.
 */
#ifndef JST_CORE_TEST_H
#define JST_CORE_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include "heap.h"
#include "thread.h"
#include "jsstring.h"
#include "object.h"
#include "safepoint.h"

#define NOINLINE __attribute__((noinline))

// Stops the test with a message naming the failed condition.
#define CHECK(condition)                                                                   \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
            exit(1);                                                                       \
        }                                                                                  \
    } while (0)

// A runtime with heap and atom table, no realm, no structures (stubs_heap.c).
Runtime *test_runtime_new(void);
void test_runtime_free(Runtime *rt);
// A ThreadState for the calling pthread with a register stack of `registers` Values.
ThreadState *test_thread_attach(Runtime *rt, size_t registers);
void test_thread_detach(ThreadState *ts);
// Pushes a Value onto the thread's register stack (a precise root) and returns its slot.
Value *test_push_root(ThreadState *ts, Value v);

// What the stubbed error.c recorded.
extern int test_out_of_memory_count;
extern char test_last_range_error[128];

// A Values cell with `capacity` items (the test's general-purpose traced cell).
Values *test_values(ThreadState *ts, uint32_t capacity);

// The string tests (string_test.c); each exits non-zero on failure.
void test_rope_flatten_deep(void);
void test_rope_flatten_right_deep(void);
void test_rope_flatten_under_stress(void);
void test_utf8_round_trips(void);
void test_atoms_unique(void);
void test_array_index_detection(void);
void test_string_builder(void);
void test_string_operations(void);
void test_symbols(void);

#endif
