/*
 * builtins/thread.c — the Thread, ThreadLocal globals and Thread.restrict: starting a native
 * pthread per `new Thread`, publishing its outcome, join/asyncJoin, Thread.current and the
 * per-thread ThreadLocal slots. Implements THR-1..THR-4 and THR-12..THR-14 (specs/threads.md).
 * Parking and the deadlock detector are thread.c's, the event loop and job_post are job.c's.
 * Never blocks outside thread_park, and never holds records_lock across a safepoint.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "builtins.h"
#include "../safepoint.h"
#include "../atomics.h"
#include "../celltrace.h"

/*
 * Thread and ThreadLocal instances are cells of their own types (CELL_THREAD, CELL_THREAD_LOCAL),
 * ordinary objects with native words after the Object header: the cell type is the brand, which
 * user code cannot forge [THR-13].
 */
typedef struct ThreadObject {
    Object object;
    struct ThreadRecord *record;   // written once before the object escapes; NULL after teardown
} ThreadObject;

typedef struct ThreadLocalObject {
    Object object;
    uint32_t index;              // slot in every thread's ThreadState.thread_locals [THR-14]
} ThreadLocalObject;

enum { THREAD_RUNNING, THREAD_FINISHED, THREAD_FAILED };

// A thread waiting for an outcome: a sync joiner (on its own C stack, promise undefined) or an
// async one (malloc'd; promise and settle are traced through the Thread cell).
typedef struct JoinWaiter {
    struct JoinWaiter *next;
    ThreadState *ts;
    Value promise;
    Value settle;
} JoinWaiter;

/*
 * The native side of one Thread object; every field is under Runtime.records_lock except the
 * links, which change only under records_lock while RUNNING or with the world stopped. A record
 * lives exactly as long as its object [THR-17]: the object's finalizer unlinks and frees it. The
 * runtime list roots the object only while someone may still need it without holding it: the
 * thread is running (it publishes into the record), or it failed unobserved and its failure is
 * not reported yet [THR-4]. Once finished, a Thread nobody references is collected with its record.
 */
typedef struct ThreadRecord {
    struct ThreadRecord *next, *previous;   // Runtime.thread_records
    Value object;                // the Thread object (so Thread.current === what new returned)
    Value start;                 // CELL_VALUES [fn, ...args] until the thread takes it, else undefined
    Value outcome;               // fn's result or exception once settled
    int state;                   // THREAD_*
    bool observed;               // join or asyncJoin was called: a failure is not reported [THR-4]
    bool reported;
    uint32_t id;
    uint16_t tid;
    JoinWaiter *waiters;
} ThreadRecord;

static ThreadRecord *thread_record(Value v) {
    if (value_cell_type(v) != CELL_THREAD) return NULL;
    return ((ThreadObject *)value_to_cell(v))->record;
}

static ThreadLocalObject *as_thread_local(Value v) {
    return value_cell_type(v) == CELL_THREAD_LOCAL ? value_to_cell(v) : NULL;
}

static Value incompatible(ThreadState *ts, const char *method) {
    return error_throw_type(ts, "%s called on incompatible receiver", method);
}

// A Thread object of the given prototype around a new record, linked into the runtime list.
static Value thread_object_new(ThreadState *ts, Value prototype, ThreadRecord **out) {
    ThreadRecord *record = calloc(1, sizeof *record);
    if (!record) return error_throw_out_of_memory(ts);
    ThreadObject *t = object_alloc(ts, sizeof(ThreadObject), CELL_THREAD, prototype);
    if (!t) {
        free(record);
        return JS_EXCEPTION;
    }
    record->object = value_from_cell(t);
    record->start = JS_UNDEFINED;
    record->outcome = JS_UNDEFINED;
    record->state = THREAD_RUNNING;
    Runtime *rt = ts->rt;
    // Linked before the object can reach a safepoint, so a collection never sees one without the
    // other; no safepoint between here and the caller's use of *out [THR-17].
    pthread_mutex_lock(&rt->records_lock);
    t->record = record;
    record->next = rt->thread_records;
    if (record->next) record->next->previous = record;
    rt->thread_records = record;
    pthread_mutex_unlock(&rt->records_lock);
    *out = record;
    return record->object;
}

// Under records_lock: the record's object must stay alive even if no JS value names it.
static bool record_pins_object(const ThreadRecord *r) {
    return r->state == THREAD_RUNNING || (r->state == THREAD_FAILED && !r->observed && !r->reported);
}

void thread_records_trace(Marker *m, Runtime *rt) {
    // Called with the world stopped: no record changes meanwhile (every writer holds
    // records_lock only while RUNNING, between safepoints). The rest of a record's Values are
    // traced through its object (thread_cell_trace).
    for (ThreadRecord *r = rt->thread_records; r; r = r->next)
        if (record_pins_object(r)) heap_mark_value(m, r->object);
}

void thread_cell_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    ThreadRecord *r = ((ThreadObject *)cell)->record;
    if (!r) return;
    heap_mark_value(m, r->start);
    heap_mark_value(m, r->outcome);
    for (JoinWaiter *w = r->waiters; w; w = w->next) {
        heap_mark_value(m, w->promise);
        heap_mark_value(m, w->settle);
    }
}

static void record_free(ThreadRecord *dead) {
    while (dead->waiters) {
        JoinWaiter *w = dead->waiters;
        dead->waiters = w->next;
        if (w->promise != JS_UNDEFINED) free(w);
    }
    free(dead);
}

/*
 * The object is dead, so nothing can join it any more and (the list pins running threads) its
 * thread has finished publishing [THR-17]. Runs with the world stopped, when no mutator is inside
 * a records_lock section, so the list is unlinked without the lock (HEAP-12 forbids taking it).
 */
void thread_cell_finalize(Runtime *rt, Cell *cell) {
    ThreadRecord *r = ((ThreadObject *)cell)->record;
    if (!r) return;
    ((ThreadObject *)cell)->record = NULL;
    if (r->previous) r->previous->next = r->next;
    else rt->thread_records = r->next;
    if (r->next) r->next->previous = r->previous;
    record_free(r);
}

void thread_records_free(Runtime *rt) {
    // Teardown: the heap (and so the finalizers of the objects) goes after this.
    while (rt->thread_records) {
        ThreadRecord *dead = rt->thread_records;
        rt->thread_records = dead->next;
        if (value_cell_type(dead->object) == CELL_THREAD)
            ((ThreadObject *)value_to_cell(dead->object))->record = NULL;
        record_free(dead);
    }
}

// ---- the spawned thread ----

typedef struct StartInfo {
    Runtime *rt;
    ThreadRecord *record;
    uint16_t tid;
    uint32_t id;
} StartInfo;

static void report_uncaught(ThreadState *ts, Value exception) {
    char *text = error_format_uncaught(ts, exception);
    fflush(stdout);
    fprintf(stderr, "%s\n", text ? text : "Uncaught exception");
    fflush(stderr);
    free(text);
}

/*
 * Settles the record and wakes every joiner [THR-3]: sync joiners are unparked, async ones get
 * their settle job posted to their own event loop. Allocates nothing, so it also serves a thread
 * that failed to attach (ts NULL).
 */
static void publish(Runtime *rt, ThreadState *ts, ThreadRecord *record, bool failed, Value outcome) {
    pthread_mutex_lock(&rt->records_lock);
    record->outcome = outcome;
    record->state = failed ? THREAD_FAILED : THREAD_FINISHED;
    JoinWaiter *w = record->waiters;
    record->waiters = NULL;
    while (w) {
        JoinWaiter *next = w->next;   // a sync waiter's node dies with its frame once it runs
        if (w->promise == JS_UNDEFINED) {
            thread_unpark(w->ts);
        } else {
            job_post(ts, w->ts, w->settle, w->promise);
            free(w);
        }
        w = next;
    }
    pthread_mutex_unlock(&rt->records_lock);
}

static void *thread_main(void *argument) {
    StartInfo start = *(StartInfo *)argument;
    free(argument);
    Runtime *rt = start.rt;
    ThreadRecord *record = start.record;
    ThreadState *ts = thread_attach_reserved(rt, start.tid, start.id);
    if (!ts) {
        publish(rt, NULL, record, true, rt->realm.intrinsics[INTRINSIC_OUT_OF_MEMORY_ERROR]);
        thread_unreserve(rt, true, start.tid);
        return NULL;
    }
    pthread_mutex_lock(&rt->records_lock);
    Value task = record->start;   // from here on a root through this frame [HEAP-7]
    record->start = JS_UNDEFINED;
    ts->thread_object = record->object;
    pthread_mutex_unlock(&rt->records_lock);
    Values *list = value_to_cell(task);
    Value result = interp_call(ts, list->items[0], JS_UNDEFINED, list->items + 1, (int)list->count - 1);
    bool failed = value_is_exception(result);
    Value outcome = failed ? error_take(ts) : result;
    // The thread's own microtasks, and the turns that deliver its pending Condition.asyncWaits,
    // run before its outcome is visible to joiners [THR-3].
    while (!job_run_microtasks(ts)) report_uncaught(ts, error_take(ts));
    while (!job_run_until_completed(ts)) {
        report_uncaught(ts, error_take(ts));
        if (safepoint_interrupted(ts)) break;
    }
    thread_uncount(rt);   // before joiners wake: a joined thread no longer counts [THR-18]
    store_release(&ts->published, true);   // before joiners wake: its later grants go to main [SYNC-6]
    publish(rt, ts, record, failed, outcome);
    // Like a browser's event loop, an uncaught error in a later job is reported and the loop
    // goes on, so jobs posted to this thread by others still run [THR-10].
    // An interrupt (time limit, rt.interrupt()) stays requested, so it ends the loop for good.
    while (!job_run_event_loop(ts)) {
        report_uncaught(ts, error_take(ts));
        if (safepoint_interrupted(ts)) break;
    }
    thread_detach(ts);
    thread_unreserve(rt, false, start.tid);
    return NULL;
}

// A Thread whose pthread never started: the constructor throws, so no one can join it; it stops
// pinning its object and is never reported [THR-4, THR-17].
static void abandon(Runtime *rt, ThreadRecord *record) {
    pthread_mutex_lock(&rt->records_lock);
    record->start = JS_UNDEFINED;
    record->state = THREAD_FAILED;
    record->observed = true;
    pthread_mutex_unlock(&rt->records_lock);
}

// 4 MiB of C stack: natives recurse on it and the native stack limit keeps a margin below it.
#define THREAD_STACK_BYTES (4u * 1024u * 1024u)

static Value Thread_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value new_target = ts->new_target;
    if (new_target == JS_UNDEFINED) return error_throw_type(ts, "calling Thread constructor without new is invalid");
    Value fn = builtin_arg(args, argc, 0);
    if (!ops_is_callable(fn)) return error_throw_type(ts, "Thread constructor requires a callable argument");
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_THREAD_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    Values *task = values_new(ts, (uint32_t)(argc > 0 ? argc : 1));
    if (!task) return JS_EXCEPTION;
    task->items[0] = fn;
    for (int i = 1; i < argc; i++) task->items[i] = args[i];
    task->count = (uint32_t)(argc > 0 ? argc : 1);
    ThreadRecord *record;
    Value object = thread_object_new(ts, prototype, &record);
    if (value_is_exception(object)) return JS_EXCEPTION;
    Runtime *rt = ts->rt;
    StartInfo *start = malloc(sizeof *start);
    if (!start) {
        abandon(rt, record);
        return error_throw_out_of_memory(ts);
    }
    // The live-thread cap (maxJSThreads) and the TID space are checked here [THR-18].
    if (!thread_reserve(ts, &start->tid, &start->id)) {
        free(start);
        abandon(rt, record);
        return error_throw_range(ts, "too many live Threads (or thread-ID space exhausted)");
    }
    start->rt = rt;
    start->record = record;
    pthread_mutex_lock(&rt->records_lock);
    record->id = start->id;
    record->tid = start->tid;
    record->start = value_from_cell(task);
    pthread_mutex_unlock(&rt->records_lock);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, THREAD_STACK_BYTES);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);   // never joined natively [THR-11]
    pthread_t handle;
    int status = pthread_create(&handle, &attr, thread_main, start);
    pthread_attr_destroy(&attr);
    if (status != 0) {
        uint16_t tid = start->tid;
        free(start);
        thread_unreserve(rt, true, tid);
        abandon(rt, record);
        return error_throw_range(ts, "too many live Threads (or thread-ID space exhausted)");
    }
    return object;
}

// The Thread object of the calling thread, made on first use for main and embedder threads.
static Value current_thread(ThreadState *ts) {
    if (ts->thread_object != JS_UNDEFINED) return ts->thread_object;
    ThreadRecord *record;
    Value object = thread_object_new(ts, realm_intrinsic(ts, INTRINSIC_THREAD_PROTOTYPE), &record);
    if (value_is_exception(object)) return JS_EXCEPTION;
    pthread_mutex_lock(&ts->rt->records_lock);
    record->id = ts->thread_id;
    record->tid = ts->tid;
    pthread_mutex_unlock(&ts->rt->records_lock);
    ts->thread_object = object;
    return object;
}

static Value Thread_current(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return current_thread(ts);
}

static Value Thread_prototype_id(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    ThreadRecord *record = thread_record(self);
    if (!record) return incompatible(ts, "Thread.prototype.id");
    pthread_mutex_lock(&ts->rt->records_lock);
    uint32_t id = record->id;
    pthread_mutex_unlock(&ts->rt->records_lock);
    return value_from_number((double)id);
}

static Value Thread_prototype_join(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    ThreadRecord *record = thread_record(self);
    if (!record) return incompatible(ts, "Thread.prototype.join");
    if (self == ts->thread_object) return error_throw_kind(ts, ERROR_PLAIN, "Thread cannot join itself");
    Runtime *rt = ts->rt;
    char reason[48];
    pthread_mutex_lock(&rt->records_lock);
    if (record->state == THREAD_RUNNING && !thread_may_block(ts)) {
        // A finished thread's outcome is read without blocking, so only this case is gated [THR-19].
        pthread_mutex_unlock(&rt->records_lock);
        return error_throw_type(ts, "Thread.prototype.join cannot block the current thread");
    }
    record->observed = true;
    if (record->state == THREAD_RUNNING) {
        snprintf(reason, sizeof reason, "join(Thread %u)", record->id);
        JoinWaiter waiter = {record->waiters, ts, JS_UNDEFINED, JS_UNDEFINED};
        record->waiters = &waiter;
        // publish() takes the node off the list before waking us; spurious returns loop [THR-5].
        while (record->state == THREAD_RUNNING) thread_park(ts, &rt->records_lock, reason, -1);
    }
    bool failed = record->state == THREAD_FAILED;
    Value outcome = record->outcome;   // a C local: a root while microtasks run [HEAP-7]
    pthread_mutex_unlock(&rt->records_lock);
    // join is a microtask checkpoint of its caller, after the park and never inside it: the
    // notes' completion drain (§4.6.1) of the one queue, of which the caller's is our share
    // [THR-3]. Done on every join, finished or not, so the order does not depend on timing.
    if (!job_run_microtasks(ts)) return JS_EXCEPTION;
    return failed ? error_throw(ts, outcome) : outcome;
}

// The job asyncJoin's promise settles through, on the joiner's own thread: data[0] is the Thread.
static Value Thread_settle(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value promise = builtin_arg(args, argc, 0);
    ThreadRecord *record = thread_record(((NativeFunction *)value_to_cell(ts->callee))->data[0]);
    if (!record) return JS_UNDEFINED;
    pthread_mutex_lock(&ts->rt->records_lock);
    bool failed = record->state == THREAD_FAILED;
    Value outcome = record->outcome;
    pthread_mutex_unlock(&ts->rt->records_lock);
    bool ok = failed ? promise_reject_value(ts, promise, outcome) : promise_resolve_value(ts, promise, outcome);
    return ok ? JS_UNDEFINED : JS_EXCEPTION;
}

// Settles on a later event-loop turn, never synchronously, even when already finished [THR-3].
static Value Thread_prototype_asyncJoin(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    ThreadRecord *record = thread_record(self);
    if (!record) return incompatible(ts, "Thread.prototype.asyncJoin");
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return JS_EXCEPTION;
    Value settle = function_new_native(ts, Thread_settle, "", 1, 0, 0);
    if (value_is_exception(settle)) return JS_EXCEPTION;
    ((NativeFunction *)value_to_cell(settle))->data[0] = self;
    JoinWaiter *waiter = malloc(sizeof *waiter);
    if (!waiter) return error_throw_out_of_memory(ts);
    *waiter = (JoinWaiter){NULL, ts, promise, settle};
    Runtime *rt = ts->rt;
    job_expect(ts);   // keeps this thread's event loop (and so the process) alive [THR-9]
    pthread_mutex_lock(&rt->records_lock);
    record->observed = true;
    bool running = record->state == THREAD_RUNNING;
    if (running) {
        waiter->next = record->waiters;
        record->waiters = waiter;
    }
    pthread_mutex_unlock(&rt->records_lock);
    if (!running) {
        free(waiter);
        if (!job_post(ts, ts, settle, promise)) return JS_EXCEPTION;
    }
    return promise;
}

void thread_report_unobserved_failures(ThreadState *ts) {
    Runtime *rt = ts->rt;
    for (;;) {
        Value exception = JS_HOLE;
        pthread_mutex_lock(&rt->records_lock);
        for (ThreadRecord *r = rt->thread_records; r; r = r->next) {
            if (r->state == THREAD_FAILED && !r->observed && !r->reported) {
                r->reported = true;
                exception = r->outcome;
                break;
            }
        }
        pthread_mutex_unlock(&rt->records_lock);
        if (exception == JS_HOLE) return;
        report_uncaught(ts, exception);
    }
}

// The checks and the pinning are the object model's (object.c) [THR-12].
static Value Thread_restrict(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value o = builtin_arg(args, argc, 0);
    return object_restrict(ts, o) ? o : JS_EXCEPTION;
}

// ---- ThreadLocal ----

static Value ThreadLocal_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    Value new_target = ts->new_target;
    if (new_target == JS_UNDEFINED) return error_throw_type(ts, "calling ThreadLocal constructor without new is invalid");
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_THREAD_LOCAL_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    ThreadLocalObject *local = object_alloc(ts, sizeof(ThreadLocalObject), CELL_THREAD_LOCAL, prototype);
    if (!local) return JS_EXCEPTION;
    local->index = fetch_add_relaxed(&ts->rt->next_thread_local, 1u);
    return value_from_cell(local);
}

// Slots are the calling thread's own, so neither accessor takes a lock [THR-14].
static Value ThreadLocal_prototype_value(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    ThreadLocalObject *local = as_thread_local(self);
    if (!local) return incompatible(ts, "ThreadLocal.prototype.value");
    uint32_t index = local->index;
    Values *slots = value_is_cell(ts->thread_locals) ? value_to_cell(ts->thread_locals) : NULL;
    return slots && index < slots->count ? slots->items[index] : JS_UNDEFINED;
}

static Value ThreadLocal_prototype_set_value(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ThreadLocalObject *local = as_thread_local(self);
    if (!local) return incompatible(ts, "ThreadLocal.prototype.value");
    uint32_t index = local->index;
    Values *slots = value_is_cell(ts->thread_locals) ? value_to_cell(ts->thread_locals) : NULL;
    Value v = builtin_arg(args, argc, 0);
    if (!slots || index >= slots->count) {
        uint32_t capacity = slots ? slots->count * 2 : 8;
        if (capacity <= index) capacity = index + 1;
        Values *bigger = values_new(ts, capacity);
        if (!bigger) return JS_EXCEPTION;
        slots = value_is_cell(ts->thread_locals) ? value_to_cell(ts->thread_locals) : NULL;   // after GC
        uint32_t old = slots ? slots->count : 0;
        for (uint32_t i = 0; i < capacity; i++) bigger->items[i] = i < old ? slots->items[i] : JS_UNDEFINED;
        bigger->count = capacity;
        ts->thread_locals = value_from_cell(bigger);
        slots = bigger;
    }
    slots->items[index] = v;
    return JS_UNDEFINED;
}

// ---- installation ----

static const BuiltinEntry thread_statics[] = {
    BUILTIN_GETSET("current", Thread_current, NULL),
    BUILTIN_FN("restrict", Thread_restrict, 1),
};

static const BuiltinEntry thread_prototype_table[] = {
    BUILTIN_FN("join", Thread_prototype_join, 0),
    BUILTIN_FN("asyncJoin", Thread_prototype_asyncJoin, 0),
    BUILTIN_GETSET("id", Thread_prototype_id, NULL),
    BUILTIN_STRING("@@toStringTag", "Thread", PROP_CONFIGURABLE),
};

static const BuiltinEntry thread_local_prototype_table[] = {
    BUILTIN_GETSET("value", ThreadLocal_prototype_value, ThreadLocal_prototype_set_value),
    BUILTIN_STRING("@@toStringTag", "ThreadLocal", PROP_CONFIGURABLE),
};

static bool install_class(ThreadState *ts, const char *name, NativeFn constructor_fn, int length,
                          Intrinsic which, const BuiltinEntry *table, int count,
                          const BuiltinEntry *statics, int static_count) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[which] = prototype;
    Value constructor = builtins_install_constructor(ts, name, constructor_fn, length, prototype, NATIVE_CONSTRUCTOR);
    return !value_is_exception(constructor) &&
           builtins_install_table(ts, prototype, table, count) &&
           (!statics || builtins_install_table(ts, constructor, statics, static_count));
}

bool builtins_install_thread(ThreadState *ts) {
    return install_class(ts, "Thread", Thread_constructor, 1, INTRINSIC_THREAD_PROTOTYPE,
                         thread_prototype_table, BUILTIN_COUNT(thread_prototype_table),
                         thread_statics, BUILTIN_COUNT(thread_statics)) &&
           install_class(ts, "ThreadLocal", ThreadLocal_constructor, 0, INTRINSIC_THREAD_LOCAL_PROTOTYPE,
                         thread_local_prototype_table, BUILTIN_COUNT(thread_local_prototype_table), NULL, 0);
}
