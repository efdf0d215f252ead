/*
 * builtins/sync.c — Lock and Condition (the threads API's mutex and condition variable) and the
 * sync roots that keep their queued async operations' Values alive. Blocking waits go through
 * thread_park, which enters the blocked state itself [SP-5], so they need nothing else under
 * --gil. Async operations finish as jobs posted to the requesting thread (job_expect/job_post),
 * or to main once that thread's outcome is published (job_post_or_main) [SYNC-6].
 * A Lock's or Condition's mutex is never held across an allocation, a JS call, job_post or a
 * safepoint, and never while taking the other kind's mutex the other way round (Lock before
 * Condition). Implements SYNC-1..SYNC-8 and SYNC-13 (specs/sync.md).
 */
#include <stdlib.h>
#include "sync.h"
#include "../atomics.h"
#include "../safepoint.h"
#include "../celltrace.h"

/* ---- Sync roots [SYNC-2] ----
 * The spine is a CELL_VALUES of chunk cells that job_trace_thread marks as a runtime root (not a
 * property of any object, so no JS code can reach it). A free slot holds the next free handle as
 * an int (0 ends the list). */

#define SYNC_ROOT_CHUNK 256u
#define SYNC_ROOT_SPINE 1024u

static Value *root_slot(Runtime *rt, uint32_t handle) {
    uint32_t index = handle - 1;
    Values *chunk = value_to_cell(rt->sync_roots->items[index / SYNC_ROOT_CHUNK]);
    return &chunk->items[index % SYNC_ROOT_CHUNK];
}

static bool sync_roots_init(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_init(&rt->sync_roots_lock, NULL);
    Values *spine = values_new(ts, SYNC_ROOT_SPINE);
    if (!spine) return false;
    for (uint32_t i = 0; i < spine->capacity; i++) spine->items[i] = JS_UNDEFINED;
    spine->count = spine->capacity;
    rt->sync_roots = spine;   // a root from here on; no safepoint since the allocation [SYNC-2]
    rt->sync_roots_free = 0;
    rt->sync_roots_chunks = 0;
    return true;
}

uint32_t sync_root_new(ThreadState *ts, Value v) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->sync_roots_lock);
    while (rt->sync_roots_free == 0) {
        if (rt->sync_roots_chunks == SYNC_ROOT_SPINE) {
            pthread_mutex_unlock(&rt->sync_roots_lock);
            error_throw_range(ts, "too many pending Lock, Condition or Atomics operations");
            return 0;
        }
        // The allocation may collect, so it happens outside the lock; v stays alive on this
        // thread's stack meanwhile [HEAP-7]. Another thread may link a chunk first: then this
        // one is linked too, or dropped as garbage if the spine filled up.
        pthread_mutex_unlock(&rt->sync_roots_lock);
        Values *chunk = values_new(ts, SYNC_ROOT_CHUNK);
        if (!chunk) return 0;
        pthread_mutex_lock(&rt->sync_roots_lock);
        uint32_t c = rt->sync_roots_chunks;
        if (c == SYNC_ROOT_SPINE) continue;
        uint32_t first = c * SYNC_ROOT_CHUNK + 1;
        for (uint32_t i = 0; i < SYNC_ROOT_CHUNK; i++)
            chunk->items[i] = value_from_int(i + 1 < SYNC_ROOT_CHUNK ? (int32_t)(first + i + 1) : (int32_t)rt->sync_roots_free);
        chunk->count = SYNC_ROOT_CHUNK;
        rt->sync_roots->items[c] = value_from_cell(chunk);
        rt->sync_roots_chunks = c + 1;
        rt->sync_roots_free = first;
    }
    uint32_t handle = rt->sync_roots_free;
    Value *slot = root_slot(rt, handle);
    rt->sync_roots_free = (uint32_t)value_to_int(*slot);
    *slot = v;
    pthread_mutex_unlock(&rt->sync_roots_lock);
    return handle;
}

Value sync_root_get(Runtime *rt, uint32_t handle) {
    pthread_mutex_lock(&rt->sync_roots_lock);
    Value v = *root_slot(rt, handle);
    pthread_mutex_unlock(&rt->sync_roots_lock);
    return v;
}

void sync_root_free(Runtime *rt, uint32_t handle) {
    if (handle == 0) return;
    pthread_mutex_lock(&rt->sync_roots_lock);
    *root_slot(rt, handle) = value_from_int((int32_t)rt->sync_roots_free);
    rt->sync_roots_free = handle;
    pthread_mutex_unlock(&rt->sync_roots_lock);
}

/* ---- Lock and Condition objects [SYNC-1] ----
 * Instances are ordinary objects (one structure per prototype, so every plain `new Lock()` shares
 * a shape) of their own cell types, CELL_LOCK and CELL_CONDITION, with the C state after the
 * Object header. The cell type is the brand; the finalizer destroys the mutex [SYNC-15]. */

/*
 * A thread waiting in hold() or wait() (a node on its own C stack), or a queued async ticket
 * (malloc'd; `root` names its record). `queued` is under the owning primitive's mutex.
 */
typedef struct Waiter {
    struct Waiter *next;
    ThreadState *ts;
    uint32_t root;            // tickets and async Condition waiters: sync root of the record
    bool queued;
} Waiter;

enum { HOLD_NONE, HOLD_SYNC, HOLD_ASYNC };

// The part Lock and Condition share, so one brand check serves both.
typedef struct SyncObject {
    Object object;            // CELL_LOCK or CELL_CONDITION
    pthread_mutex_t mutex;    // guards every field of the rest of the object
} SyncObject;

typedef struct LockObject {
    SyncObject sync;
    int held;                 // 1 while held; the `locked` getter reads it racily (load_relaxed)
    uint8_t hold_kind;        // HOLD_SYNC or HOLD_ASYNC while held
    bool delivered;           // HOLD_ASYNC: the grant reached its thread's event loop [SYNC-6]
    bool retry_posted;        // a ticket's retry job is on its way: post no other [SYNC-5]
    ThreadState *holder;      // the holding thread (async: the thread the grant belongs to)
    uint64_t hold_id;         // new at every acquisition, so a stale release does nothing [SYNC-4]
    Waiter *waiters, *waiters_tail;   // threads parked in hold() (and wait()'s re-acquire)
    Waiter *tickets, *tickets_tail;   // asyncHold / asyncWait tickets, FIFO [SYNC-5]
} LockObject;

typedef struct ConditionObject {
    SyncObject sync;
    Waiter *waiters, *waiters_tail;   // sync (stack) and async (malloc'd, root != 0), FIFO
} ConditionObject;

static LockObject *as_lock(Value v) {
    return value_cell_type(v) == CELL_LOCK ? value_to_cell(v) : NULL;
}
static ConditionObject *as_condition(Value v) {
    return value_cell_type(v) == CELL_CONDITION ? value_to_cell(v) : NULL;
}

/*
 * A dead Lock or Condition has no waiter [SYNC-15]: a parked thread holds it on its stack, and a
 * queued ticket or async Condition waiter roots it through its record (TICKET_LOCK,
 * TICKET_CONDITION). So only the mutex is left to destroy; the world is stopped and no one holds it.
 */
void sync_cell_finalize(Runtime *rt, Cell *cell) {
    (void)rt;
    pthread_mutex_destroy(&((SyncObject *)cell)->mutex);
}

static void queue_append(Waiter **head, Waiter **tail, Waiter *w) {
    w->next = NULL;
    if (*tail) (*tail)->next = w;
    else *head = w;
    *tail = w;
}

static void queue_prepend(Waiter **head, Waiter **tail, Waiter *w) {
    w->next = *head;
    *head = w;
    if (!*tail) *tail = w;
}

static Waiter *queue_pop(Waiter **head, Waiter **tail) {
    Waiter *w = *head;
    if (w) {
        *head = w->next;
        if (!*head) *tail = NULL;
        w->next = NULL;
    }
    return w;
}

static void queue_remove(Waiter **head, Waiter **tail, Waiter *w) {
    Waiter *previous = NULL;
    for (Waiter *p = *head; p; previous = p, p = p->next) {
        if (p != w) continue;
        if (previous) previous->next = p->next;
        else *head = p->next;
        if (*tail == p) *tail = previous;
        return;
    }
}

/* ---- Acquiring and releasing ----
 * A ticket record (asyncHold, asyncWait) is a CELL_VALUES: [SYNC_JOB_LOCK, lock, fn or
 * undefined, promise, granted hold id or undefined, root handle, the Condition an asyncWait
 * waits on or undefined]. The record is what keeps the lock and condition alive meanwhile. Its thread has one job_expect
 * outstanding from the moment the ticket exists until the job that grants it is posted. */

enum { TICKET_LOCK, TICKET_FN, TICKET_PROMISE, TICKET_GRANTED, TICKET_ROOT, TICKET_CONDITION, TICKET_ITEMS };
#define TICKET_ITEM(record, i) ((record)->items[SYNC_RECORD_FIRST_FREE + (i)])

// Under lock->sync.mutex, with the lock free.
static uint64_t take(LockObject *lock, ThreadState *ts, uint8_t kind) {
    store_relaxed(&lock->held, 1);
    lock->hold_kind = kind;
    lock->holder = ts;
    lock->delivered = false;
    return ++lock->hold_id;
}

/*
 * Under lock->sync.mutex: frees the lock and picks who tries next [SYNC-5]: the first parked thread
 * is woken (it retries; a barging thread may win, which the API allows) and, unless one is
 * already on its way, the oldest ticket is returned for the caller to post once the mutex is
 * dropped. The wake happens under the mutex so the waiter's ThreadState cannot go away first.
 */
static Waiter *release_locked(LockObject *lock) {
    store_relaxed(&lock->held, 0);
    lock->hold_kind = HOLD_NONE;
    lock->holder = NULL;
    lock->delivered = false;
    Waiter *w = queue_pop(&lock->waiters, &lock->waiters_tail);
    if (w) {
        w->queued = false;
        thread_unpark(w->ts);
    }
    if (lock->retry_posted) return NULL;
    Waiter *ticket = queue_pop(&lock->tickets, &lock->tickets_tail);
    if (ticket) lock->retry_posted = true;
    return ticket;
}

// Posts a ticket's retry job to its thread (outside every sync mutex: job_post may allocate) and
// frees the node; the record stays rooted until the job delivers it.
static void post_retry(ThreadState *ts, Waiter *ticket) {
    if (!ticket) return;
    Values *record = value_to_cell(sync_root_get(ts->rt, ticket->root));
    TICKET_ITEM(record, TICKET_GRANTED) = JS_UNDEFINED;   // "acquire first", see run_ticket
    job_post_or_main(ts, ticket->ts, ts->rt->sync_job, value_from_cell(record));   // [SYNC-6]
    free(ticket);
}

// Releases the hold `id` if it is still the current one; a consumed or stale hold is left alone.
static bool release_hold(ThreadState *ts, LockObject *lock, uint64_t id) {
    pthread_mutex_lock(&lock->sync.mutex);
    if (!lock->held || lock->hold_id != id) {
        pthread_mutex_unlock(&lock->sync.mutex);
        return false;
    }
    Waiter *ticket = release_locked(lock);
    pthread_mutex_unlock(&lock->sync.mutex);
    post_retry(ts, ticket);
    return true;
}

// Spins briefly before parking when another core may release soon; pointless under the GIL,
// where the holder cannot run until this thread parks.
static void spin_until_free(ThreadState *ts, LockObject *lock) {
    if (ts->rt->gil_mode) return;
    for (int i = 0; i < 200 && load_relaxed(&lock->held); i++) __builtin_ia32_pause();
}

/*
 * Blocking acquisition for hold() and wait()'s re-acquire: try first, then spin, then park in
 * FIFO order until a release wakes this thread and it wins the retry [SYNC-3]. Throws "Lock is
 * not recursive" when the caller already holds the lock in any way (an async grant of its own
 * can only be released by this thread's later turns, so waiting would never end).
 */
static bool acquire_blocking(ThreadState *ts, LockObject *lock, const char *reason, uint64_t *id) {
    pthread_mutex_lock(&lock->sync.mutex);
    bool own_sync = lock->held && lock->holder == ts && lock->hold_kind == HOLD_SYNC;
    if (lock->held && !own_sync && !thread_may_block(ts)) {
        // Only a contended hold is gated; an uncontended one never blocks [THR-19].
        pthread_mutex_unlock(&lock->sync.mutex);
        error_throw_type(ts, "Lock.prototype.hold cannot block the current thread");
        return false;
    }
    if (lock->held && lock->holder == ts) {
        pthread_mutex_unlock(&lock->sync.mutex);
        error_throw_kind(ts, ERROR_PLAIN, "Lock is not recursive");
        return false;
    }
    if (lock->held) {
        pthread_mutex_unlock(&lock->sync.mutex);
        spin_until_free(ts, lock);
        pthread_mutex_lock(&lock->sync.mutex);
        Waiter self = {.ts = ts};
        bool first = true;
        while (lock->held) {
            if (!self.queued) {
                // A thread that was woken and lost the race goes back to the front.
                if (first) queue_append(&lock->waiters, &lock->waiters_tail, &self);
                else queue_prepend(&lock->waiters, &lock->waiters_tail, &self);
                self.queued = true;
                first = false;
            }
            thread_park(ts, &lock->sync.mutex, reason, -1);   // blocked inside [SP-5]
        }
        if (self.queued) queue_remove(&lock->waiters, &lock->waiters_tail, &self);
    }
    *id = take(lock, ts, HOLD_SYNC);
    pthread_mutex_unlock(&lock->sync.mutex);
    return true;
}

/* ---- Tickets: asyncHold and asyncWait [SYNC-5, SYNC-6] ---- */


static Values *ticket_record_new(ThreadState *ts, Value lock, Value fn, Value promise) {
    Values *record = values_new(ts, SYNC_RECORD_FIRST_FREE + TICKET_ITEMS);
    if (!record) return NULL;
    record->items[SYNC_RECORD_KIND] = value_from_int(SYNC_JOB_LOCK);
    TICKET_ITEM(record, TICKET_LOCK) = lock;
    TICKET_ITEM(record, TICKET_FN) = fn;
    TICKET_ITEM(record, TICKET_PROMISE) = promise;
    TICKET_ITEM(record, TICKET_GRANTED) = JS_UNDEFINED;
    TICKET_ITEM(record, TICKET_ROOT) = JS_UNDEFINED;
    TICKET_ITEM(record, TICKET_CONDITION) = JS_UNDEFINED;
    record->count = SYNC_RECORD_FIRST_FREE + TICKET_ITEMS;
    uint32_t root = sync_root_new(ts, value_from_cell(record));
    if (!root) return NULL;
    TICKET_ITEM(record, TICKET_ROOT) = value_from_int((int32_t)root);
    return record;
}

static uint32_t ticket_root(Values *record) {
    return (uint32_t)value_to_int(TICKET_ITEM(record, TICKET_ROOT));
}

// A release function for hold `id`: data[0] the lock, data[1] the id, swapped to undefined by
// its first call [SYNC-7].
static Value Lock_release(ThreadState *ts, Value self, const Value *args, int argc, int magic);
static Value release_function_new(ThreadState *ts, Value lock, uint64_t id) {
    Value fn = function_new_native(ts, Lock_release, "", 0, 0, 0);
    if (value_is_exception(fn)) return fn;
    NativeFunction *nf = value_to_cell(fn);
    nf->data[0] = lock;
    nf->data[1] = value_from_number((double)id);
    return fn;
}

// Marks hold `id` as delivered to its thread; false if it is no longer current.
static bool mark_delivered(LockObject *lock, uint64_t id) {
    pthread_mutex_lock(&lock->sync.mutex);
    bool current = lock->held && lock->hold_id == id;
    if (current) lock->delivered = true;
    pthread_mutex_unlock(&lock->sync.mutex);
    return current;
}

/*
 * Runs on the ticket's own thread. An ungranted ticket (a retry after a release) first tries the
 * lock; if someone barged in, it goes back to the front of the queue with a new job_expect.
 * A granted ticket is delivered: fn runs holding the lock and the lock is released after it
 * (unless asyncWait consumed the hold), or the promise gets a release function.
 */
static bool run_ticket(ThreadState *ts, Values *record) {
    Value lock_value = TICKET_ITEM(record, TICKET_LOCK);
    LockObject *lock = as_lock(lock_value);
    Value granted = TICKET_ITEM(record, TICKET_GRANTED);
    uint64_t id;
    if (granted == JS_UNDEFINED) {
        Waiter *node = malloc(sizeof *node);
        if (!node) {
            error_throw_out_of_memory(ts);
            return false;
        }
        pthread_mutex_lock(&lock->sync.mutex);
        lock->retry_posted = false;
        if (lock->held) {
            *node = (Waiter){.ts = ts, .root = ticket_root(record), .queued = true};
            job_expect(ts);   // before the node is visible to a releaser [SYNC-3]
            queue_prepend(&lock->tickets, &lock->tickets_tail, node);
            pthread_mutex_unlock(&lock->sync.mutex);
            return true;
        }
        id = take(lock, ts, HOLD_ASYNC);
        pthread_mutex_unlock(&lock->sync.mutex);
        free(node);
    } else {
        id = (uint64_t)value_to_number(granted);
    }
    sync_root_free(ts->rt, ticket_root(record));   // the job's argument keeps it alive from here
    if (TICKET_ITEM(record, TICKET_CONDITION) != JS_UNDEFINED) job_completion_wait(ts, -1);   // [THR-3]
    Value fn = TICKET_ITEM(record, TICKET_FN), promise = TICKET_ITEM(record, TICKET_PROMISE);
    if (!ops_is_callable(fn)) {
        mark_delivered(lock, id);
        Value release = release_function_new(ts, lock_value, id);
        if (value_is_exception(release)) {
            release_hold(ts, lock, id);
            return promise_reject_value(ts, promise, error_take(ts));
        }
        return promise_resolve_value(ts, promise, release);
    }
    mark_delivered(lock, id);
    Value result = interp_call(ts, fn, JS_UNDEFINED, NULL, 0);
    Value exception = value_is_exception(result) ? error_take(ts) : JS_HOLE;
    release_hold(ts, lock, id);
    if (exception != JS_HOLE) return promise_reject_value(ts, promise, exception);
    return promise_resolve_value(ts, promise, result);
}

// The one native behind every posted sync job: dispatches on the record's kind.
static Value sync_job(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value record = builtin_arg(args, argc, 0);
    if (value_cell_type(record) != CELL_VALUES) return JS_UNDEFINED;
    Values *r = value_to_cell(record);
    bool ok = value_to_int(r->items[SYNC_RECORD_KIND]) == SYNC_JOB_LOCK ? run_ticket(ts, r)
                                                                         : atomics_run_job(ts, r);
    return ok ? JS_UNDEFINED : JS_EXCEPTION;
}

/*
 * Queues a ticket whose thread already counts a job_expect for it, posting a retry at once when
 * the lock is free and no retry is on its way (asyncWait's re-acquisition after notify).
 */
static void enqueue_ticket(ThreadState *ts, LockObject *lock, Waiter *node) {
    pthread_mutex_lock(&lock->sync.mutex);
    queue_append(&lock->tickets, &lock->tickets_tail, node);
    Waiter *retry = NULL;
    if (!lock->held && !lock->retry_posted) {
        retry = queue_pop(&lock->tickets, &lock->tickets_tail);
        lock->retry_posted = true;
    }
    pthread_mutex_unlock(&lock->sync.mutex);
    post_retry(ts, retry);
}

/* ---- Lock ---- */

// GetPrototypeFromConstructor with the constructor's own prototype (data[0]) as the fallback,
// so subclasses and Reflect.construct work and a non-object new.target.prototype falls back.
static Value instance_prototype(ThreadState *ts) {
    Value fallback = ((NativeFunction *)value_to_cell(ts->callee))->data[0];
    Value new_target = ts->new_target;
    if (value_is_object(new_target)) {
        Value proto = ops_get(ts, new_target, ATOM(ts, prototype));
        if (value_is_exception(proto)) return proto;
        if (value_is_object(proto)) return proto;
    }
    return fallback;
}

// The constructors of Lock and Condition: new.target required, its prototype honoured.
static Value sync_construct(ThreadState *ts, const char *class_name, size_t size, CellType type) {
    if (ts->new_target == JS_UNDEFINED)
        return error_throw_type(ts, "calling %s constructor without new is invalid", class_name);
    Value proto = instance_prototype(ts);
    if (value_is_exception(proto)) return proto;
    SyncObject *sync = object_alloc(ts, size, type, proto);
    if (!sync) return JS_EXCEPTION;
    pthread_mutex_init(&sync->mutex, NULL);
    return value_from_cell(sync);
}

static Value Lock_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return sync_construct(ts, "Lock", sizeof(LockObject), CELL_LOCK);
}

static LockObject *this_lock(ThreadState *ts, Value self, const char *method) {
    LockObject *lock = as_lock(self);
    if (!lock) error_throw_type(ts, "Lock.prototype.%s called on incompatible receiver", method);
    return lock;
}

static Value Lock_prototype_hold(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    LockObject *lock = this_lock(ts, self, "hold");
    if (!lock) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0);
    if (!ops_is_callable(fn)) return error_throw_type(ts, "Lock.prototype.hold requires a callable argument");
    uint64_t id;
    if (!acquire_blocking(ts, lock, "Lock.hold", &id)) return JS_EXCEPTION;
    Value result = interp_call(ts, fn, JS_UNDEFINED, NULL, 0);
    // fn may have released the hold through asyncWait, or re-taken it in Condition.wait: release
    // whatever synchronous hold this thread has now, and nothing else [SYNC-4].
    pthread_mutex_lock(&lock->sync.mutex);
    Waiter *ticket = NULL;
    if (lock->held && lock->holder == ts && lock->hold_kind == HOLD_SYNC) ticket = release_locked(lock);
    pthread_mutex_unlock(&lock->sync.mutex);
    post_retry(ts, ticket);
    return result;
}

static Value Lock_prototype_asyncHold(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    LockObject *lock = this_lock(ts, self, "asyncHold");
    if (!lock) return JS_EXCEPTION;
    Value fn = builtin_arg(args, argc, 0);
    if (fn != JS_UNDEFINED && !ops_is_callable(fn))
        return error_throw_type(ts, "Lock.prototype.asyncHold requires a callable argument when one is provided");
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return promise;
    Values *record = ticket_record_new(ts, self, fn, promise);
    if (!record) return JS_EXCEPTION;
    Waiter *node = malloc(sizeof *node);
    if (!node) {
        sync_root_free(ts->rt, ticket_root(record));
        return error_throw_out_of_memory(ts);
    }
    pthread_mutex_lock(&lock->sync.mutex);
    if (lock->held && lock->holder == ts && lock->hold_kind == HOLD_SYNC) {
        pthread_mutex_unlock(&lock->sync.mutex);
        free(node);
        sync_root_free(ts->rt, ticket_root(record));
        return error_throw_kind(ts, ERROR_PLAIN, "Lock is not recursive");
    }
    job_expect(ts);
    // Tickets are FIFO among themselves: a free lock with a retry on its way belongs to that
    // retry, so this ticket queues behind it [SYNC-5].
    bool granted = !lock->held && !lock->retry_posted && !lock->tickets;
    if (granted) {
        // Granted at once (`locked` reads true now); delivered on a later turn [SYNC-6].
        TICKET_ITEM(record, TICKET_GRANTED) = value_from_number((double)take(lock, ts, HOLD_ASYNC));
    } else {
        *node = (Waiter){.ts = ts, .root = ticket_root(record), .queued = true};
        queue_append(&lock->tickets, &lock->tickets_tail, node);
    }
    pthread_mutex_unlock(&lock->sync.mutex);
    if (granted) {
        free(node);
        job_post(ts, ts, ts->rt->sync_job, value_from_cell(record));
    }
    return promise;
}

static Value Lock_release(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    Value id = exchange_acq_rel(&nf->data[1], JS_UNDEFINED);
    LockObject *lock = as_lock(nf->data[0]);
    // A second call, or a call after asyncWait consumed the hold, must not unlock anything.
    if (id == JS_UNDEFINED || !lock || !release_hold(ts, lock, (uint64_t)value_to_number(id)))
        return error_throw_kind(ts, ERROR_PLAIN, "Lock release function called more than once");
    return JS_UNDEFINED;
}

static Value Lock_prototype_locked(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    LockObject *lock = this_lock(ts, self, "locked");
    if (!lock) return JS_EXCEPTION;
    return value_from_bool(load_relaxed(&lock->held) != 0);
}

/* ---- Condition ---- */

static Value Condition_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return sync_construct(ts, "Condition", sizeof(ConditionObject), CELL_CONDITION);
}

static ConditionObject *this_condition(ThreadState *ts, Value self, const char *method) {
    ConditionObject *condition = as_condition(self);
    if (!condition) error_throw_type(ts, "Condition.prototype.%s called on incompatible receiver", method);
    return condition;
}

/*
 * wait(lock) [SYNC-8]: enqueue first, then release, so a notify made by whoever takes the lock
 * next cannot be missed; park until notified; re-acquire before returning.
 */
static Value Condition_prototype_wait(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ConditionObject *condition = this_condition(ts, self, "wait");
    if (!condition) return JS_EXCEPTION;
    LockObject *lock = as_lock(builtin_arg(args, argc, 0));
    if (!lock) return error_throw_type(ts, "Condition.prototype.wait requires a Lock argument");
    pthread_mutex_lock(&lock->sync.mutex);
    if (!lock->held || lock->holder != ts || lock->hold_kind != HOLD_SYNC) {
        pthread_mutex_unlock(&lock->sync.mutex);
        return error_throw_type(ts, "Condition.prototype.wait requires the lock to be held by the caller");
    }
    if (!thread_may_block(ts)) {   // checked before enqueueing: a gated wait leaves no waiter [THR-19]
        pthread_mutex_unlock(&lock->sync.mutex);
        return error_throw_type(ts, "Condition.prototype.wait cannot block the current thread");
    }
    Waiter self_waiter = {.ts = ts, .queued = true};
    pthread_mutex_lock(&condition->sync.mutex);
    queue_append(&condition->waiters, &condition->waiters_tail, &self_waiter);
    pthread_mutex_unlock(&condition->sync.mutex);
    Waiter *ticket = release_locked(lock);
    pthread_mutex_unlock(&lock->sync.mutex);
    post_retry(ts, ticket);

    pthread_mutex_lock(&condition->sync.mutex);
    while (self_waiter.queued) thread_park(ts, &condition->sync.mutex, "Condition.wait", -1);   // [SP-5]
    pthread_mutex_unlock(&condition->sync.mutex);
    uint64_t id;
    if (!acquire_blocking(ts, lock, "Condition.wait", &id)) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

/*
 * asyncWait(lock): the caller must hold the lock synchronously, or through a delivered async
 * grant of its own; the hold is consumed (released now) and the promise resolves, after a notify
 * and a re-grant, with a fresh release function [SYNC-6, SYNC-8].
 */
static Value Condition_prototype_asyncWait(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ConditionObject *condition = this_condition(ts, self, "asyncWait");
    if (!condition) return JS_EXCEPTION;
    Value lock_value = builtin_arg(args, argc, 0);
    LockObject *lock = as_lock(lock_value);
    if (!lock) return error_throw_type(ts, "Condition.prototype.asyncWait requires a Lock argument");
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return promise;
    Values *record = ticket_record_new(ts, lock_value, JS_UNDEFINED, promise);
    if (!record) return JS_EXCEPTION;
    TICKET_ITEM(record, TICKET_CONDITION) = self;   // the waiter keeps its Condition alive [SYNC-15]
    Waiter *node = malloc(sizeof *node);
    if (!node) {
        sync_root_free(ts->rt, ticket_root(record));
        return error_throw_out_of_memory(ts);
    }
    *node = (Waiter){.ts = ts, .root = ticket_root(record), .queued = true};
    pthread_mutex_lock(&lock->sync.mutex);
    if (!lock->held || lock->holder != ts || (lock->hold_kind == HOLD_ASYNC && !lock->delivered)) {
        pthread_mutex_unlock(&lock->sync.mutex);
        free(node);
        sync_root_free(ts->rt, ticket_root(record));
        return error_throw_type(ts, "Condition.prototype.asyncWait requires the lock to be held");
    }
    job_expect(ts);
    job_completion_wait(ts, +1);   // a spawned thread publishes only after it is delivered [THR-3]
    pthread_mutex_lock(&condition->sync.mutex);
    queue_append(&condition->waiters, &condition->waiters_tail, node);
    pthread_mutex_unlock(&condition->sync.mutex);
    Waiter *ticket = release_locked(lock);
    pthread_mutex_unlock(&lock->sync.mutex);
    post_retry(ts, ticket);
    return promise;
}

// notify() / notifyAll(): wakes up to one / every waiter, oldest first; returns how many.
static Value Condition_prototype_notify(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    ConditionObject *condition = this_condition(ts, self, magic ? "notifyAll" : "notify");
    if (!condition) return JS_EXCEPTION;
    Waiter *async_head = NULL, *async_tail = NULL;
    int woken = 0;
    pthread_mutex_lock(&condition->sync.mutex);
    while (condition->waiters && (magic || woken == 0)) {
        Waiter *w = queue_pop(&condition->waiters, &condition->waiters_tail);
        w->queued = false;
        woken++;
        if (w->root) queue_append(&async_head, &async_tail, w);
        else thread_unpark(w->ts);   // under the mutex: its ThreadState is still alive
    }
    pthread_mutex_unlock(&condition->sync.mutex);
    // Async waiters become tickets of their lock; their job_expect carries over [SYNC-3].
    while (async_head) {
        Waiter *w = queue_pop(&async_head, &async_tail);
        Values *record = value_to_cell(sync_root_get(ts->rt, w->root));
        w->queued = true;
        enqueue_ticket(ts, as_lock(TICKET_ITEM(record, TICKET_LOCK)), w);
    }
    return value_from_int(woken);
}

/* ---- Installation ---- */

static const BuiltinEntry lock_prototype_table[] = {
    BUILTIN_FN("hold", Lock_prototype_hold, 1),
    BUILTIN_FN("asyncHold", Lock_prototype_asyncHold, 0),
    BUILTIN_GETSET("locked", Lock_prototype_locked, NULL),
    BUILTIN_STRING("@@toStringTag", "Lock", PROP_CONFIGURABLE),
};

static const BuiltinEntry condition_prototype_table[] = {
    BUILTIN_FN("wait", Condition_prototype_wait, 1),
    BUILTIN_FN("asyncWait", Condition_prototype_asyncWait, 1),
    BUILTIN_FN_MAGIC("notify", Condition_prototype_notify, 0, 0),
    BUILTIN_FN_MAGIC("notifyAll", Condition_prototype_notify, 0, 1),
    BUILTIN_STRING("@@toStringTag", "Condition", PROP_CONFIGURABLE),
};

static bool install_class(ThreadState *ts, const char *name, NativeFn constructor,
                          const BuiltinEntry *table, int count) {
    Value prototype = object_new_plain(ts);
    if (value_is_exception(prototype) || !builtins_install_table(ts, prototype, table, count)) return false;
    Value ctor = builtins_install_constructor(ts, name, constructor, 0, prototype, 0);
    if (value_is_exception(ctor)) return false;
    ((NativeFunction *)value_to_cell(ctor))->data[0] = prototype;
    return true;
}

bool builtins_install_sync(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (!sync_roots_init(ts)) return false;
    Value job = function_new_native(ts, sync_job, "", 1, 0, 0);
    if (value_is_exception(job) || !sync_root_new(ts, job)) return false;
    rt->sync_job = job;
    return install_class(ts, "Lock", Lock_constructor, lock_prototype_table, BUILTIN_COUNT(lock_prototype_table)) &&
           install_class(ts, "Condition", Condition_constructor, condition_prototype_table,
                         BUILTIN_COUNT(condition_prototype_table));
}
