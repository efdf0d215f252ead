/*
 * stubs_heap.c — stand-ins for the parts of the core that the heap/string unit tests do not link:
 * error.c's throw helpers, the object model's and interpreter's trace hooks, job.c's root hook,
 * and a hand-made Runtime/ThreadState. Test-only; never compiled into the engine.
 */
#include <string.h>
#include <stdarg.h>
#include "core_test.h"
#include "celltrace.h"
#include "errors.h"
#include "interp.h"

int test_out_of_memory_count;
char test_last_range_error[128];

Value error_throw_out_of_memory(ThreadState *ts) {
    test_out_of_memory_count++;
    ts->exception = JS_NULL;
    return JS_EXCEPTION;
}

Value error_throw_range(ThreadState *ts, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    vsnprintf(test_last_range_error, sizeof test_last_range_error, format, ap);
    va_end(ap);
    ts->exception = JS_FALSE;
    return JS_EXCEPTION;
}

// No objects are created by these tests; their hooks exist only so celltypes.c links.
#define NO_TRACE(name) \
    void name(Marker *m, Cell *cell) { (void)m; (void)cell; }
NO_TRACE(object_trace)
NO_TRACE(error_trace)
NO_TRACE(structure_trace)
NO_TRACE(code_trace)
NO_TRACE(env_trace)
NO_TRACE(frame_snapshot_trace)
NO_TRACE(property_table_trace)
NO_TRACE(butterfly_trace)
NO_TRACE(function_trace)
NO_TRACE(native_function_trace)
NO_TRACE(bound_function_trace)
NO_TRACE(primitive_object_trace)
NO_TRACE(arguments_trace)
NO_TRACE(map_trace)
NO_TRACE(set_trace)
NO_TRACE(weakmap_trace)
NO_TRACE(weakset_trace)
NO_TRACE(promise_trace)
NO_TRACE(generator_trace)
NO_TRACE(iterator_trace)
NO_TRACE(regexp_trace)
NO_TRACE(array_buffer_trace)
NO_TRACE(typed_array_trace)
NO_TRACE(data_view_trace)
NO_TRACE(weakref_trace)
NO_TRACE(finalization_registry_trace)
NO_TRACE(thread_cell_trace)

// The finalizers and structure-table hooks the collector calls; none of their cells exist here.
#define NO_FINALIZE(name) \
    void name(Runtime *rt, Cell *cell) { (void)rt; (void)cell; }
NO_FINALIZE(thread_cell_finalize)
NO_FINALIZE(sync_cell_finalize)
NO_FINALIZE(host_object_finalize)
void structure_table_recycle_ids(Runtime *rt) { (void)rt; }
void structure_clear_dead_caches(Runtime *rt, Cell *code) { (void)rt, (void)code; }

void structure_table_sweep(Runtime *rt) { (void)rt; }

void job_trace_thread(Marker *m, ThreadState *ts) {
    heap_mark_value(m, ts->microtasks);
    for (Timer *timer = ts->timers; timer; timer = timer->next) {
        heap_mark_value(m, timer->callback);
        heap_mark_value(m, timer->args);
    }
}

Runtime *test_runtime_new(void) {
    // thread.h puts polled words on their own cache lines: the Runtime is 64-byte aligned.
    Runtime *rt = aligned_alloc(64, (sizeof *rt + 63) & ~(size_t)63);
    CHECK(rt != NULL);
    memset(rt, 0, sizeof *rt);
    pthread_mutex_init(&rt->threads_lock, NULL);
    for (int i = 0; i < INTRINSIC_COUNT; i++) rt->realm.intrinsics[i] = JS_UNDEFINED;
    rt->realm.global_object = JS_UNDEFINED;
    rt->realm.global_lexicals = JS_UNDEFINED;
    CHECK(heap_init(rt));
    CHECK(atom_table_init(rt));
    return rt;
}

void test_runtime_free(Runtime *rt) {
    atom_table_destroy(rt);
    heap_destroy(rt);
    pthread_mutex_destroy(&rt->threads_lock);
    free(rt);
}

ThreadState *test_thread_attach(Runtime *rt, size_t registers) {
    ThreadState *ts = calloc(1, sizeof *ts);
    CHECK(ts != NULL);
    ts->rt = rt;
    pthread_mutex_lock(&rt->threads_lock);
    ts->tid = (uint16_t)rt->next_tid++;
    pthread_mutex_unlock(&rt->threads_lock);
    ts->stack_base = ts->sp = calloc(registers, sizeof(Value));
    CHECK(ts->stack_base != NULL);
    ts->stack_limit = ts->stack_base + registers;
    ts->exception = JS_HOLE;
    ts->new_target = JS_UNDEFINED;
    ts->callee = JS_UNDEFINED;
    ts->microtasks = JS_UNDEFINED;
    ts->pending_rejections = JS_UNDEFINED;
    heap_thread_init(ts);
    return ts;
}

void test_thread_detach(ThreadState *ts) {
    heap_thread_release(ts);
    free(ts->stack_base);
    free(ts);
}

Value *test_push_root(ThreadState *ts, Value v) {
    CHECK(ts->sp < ts->stack_limit);
    *ts->sp = v;
    return ts->sp++;
}

Values *test_values(ThreadState *ts, uint32_t capacity) {
    Values *v = heap_alloc(ts, sizeof(Values) + capacity * sizeof(Value), CELL_VALUES);
    CHECK(v != NULL);
    v->capacity = capacity;
    v->count = capacity;
    return v;
}

// safepoint.c wakes a thread it interrupts; these tests never park one.
void thread_unpark(ThreadState *target) { (void)target; }
