/*
 * thread.c — creating and destroying a Runtime, attaching/detaching JS threads (ThreadState: TID,
 * register stack, allocators, queues), and parking: thread_park/thread_unpark with the
 * runtime-wide deadlock detector. Implements SP-7 (specs/safepoints.md: a thread is registered
 * with the collector from attach to detach) and THR-2, THR-5..THR-7, THR-11, and the home-thread
 * table and liveness wake-ups of THR-15/THR-16 (specs/threads.md), and TID reuse: the pools of
 * dead and free TIDs of THR-20 (the collector retires them: OM-17, heap.c).
 * Must not run JS except through builtins_install_all at runtime creation; a parked thread
 * touches no heap cell (it is blocked, SP-5).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include "thread.h"
#include "heap.h"
#include "object.h"
#include "jsstring.h"
#include "safepoint.h"
#include "interp.h"
#include "builtins/builtins.h"

// 1 Mi Values (8 MiB, committed lazily by the OS) of register stack: ~30k typical frames.
#define REGISTER_STACK_VALUES (1024u * 1024u)

void thread_set_native_stack_base(ThreadState *ts, void *approx_base) {
    ts->native_stack_base = (uintptr_t)approx_base;
}

static void compute_native_stack_limit(ThreadState *ts) {
    // Natives recurse on the C stack (JSON, inspect, ToPrimitive): keep a margin below the
    // pthread's real stack end so a RangeError is thrown before a segfault could happen.
    pthread_attr_t attr;
    void *stack_address;
    size_t stack_size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &stack_address, &stack_size) == 0)
            ts->native_stack_limit = (uintptr_t)stack_address + 256 * 1024;
        pthread_attr_destroy(&attr);
    }
}

// ---- TIDs [THR-20] ----

// Under threads_lock. False when every TID is live, dead or retiring.
static bool take_tid(Runtime *rt, uint16_t *tid) {
    struct TidPools *p = rt->tids;
    if (p->free_count) {
        *tid = p->free[--p->free_count];
        return true;
    }
    if (rt->next_tid < rt->tid_limit) {
        *tid = (uint16_t)rt->next_tid++;
        return true;
    }
    return false;
}

/*
 * Zeroed memory of whole cache lines, starting on a line: a ThreadState's allocator and register
 * fields are written on every allocation and call, and another thread's state (or any malloc'd
 * neighbour written by another thread) must not share a line with them; the Runtime's polled
 * words rely on it too (thread.h aligns them within the struct) [SP-6, HEAP-2].
 */
#define CACHE_LINE 64
static void *calloc_lines(size_t size) {
    size = (size + CACHE_LINE - 1) & ~(size_t)(CACHE_LINE - 1);
    void *memory = aligned_alloc(CACHE_LINE, size);
    if (memory) memset(memory, 0, size);
    return memory;
}

// tid < 0: take one now (main and embedder threads); else the one thread_reserve took.
static ThreadState *attach(Runtime *rt, int tid, uint32_t thread_id, bool counted) {
    ThreadState *ts = calloc_lines(sizeof *ts);
    if (!ts) return NULL;
    bool took = tid < 0;
    if (took) {
        uint16_t taken;
        pthread_mutex_lock(&rt->threads_lock);
        bool ok = take_tid(rt, &taken);
        pthread_mutex_unlock(&rt->threads_lock);
        if (!ok) {
            free(ts);
            return NULL;
        }
        tid = taken;
    }
    // mmap, not calloc: the OS hands out zero pages as they are touched, where calloc of reused
    // heap memory would clear all 8 MiB up front, the bulk of a short Thread's cost.
    void *stack = mmap(NULL, REGISTER_STACK_VALUES * sizeof(Value), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ts->stack_base = stack == MAP_FAILED ? NULL : stack;
    if (!ts->stack_base) {
        if (took) {   // nothing was stamped with it (a reserved one goes back by thread_unreserve)
            pthread_mutex_lock(&rt->threads_lock);
            rt->tids->free[rt->tids->free_count++] = (uint16_t)tid;
            pthread_mutex_unlock(&rt->threads_lock);
        }
        free(ts);
        return NULL;
    }
    ts->rt = rt;
    ts->stack_limit = ts->stack_base + REGISTER_STACK_VALUES;
    ts->sp = ts->stack_base;
    ts->exception = JS_HOLE;
    ts->new_target = JS_UNDEFINED;
    ts->callee = JS_UNDEFINED;
    ts->microtasks = JS_UNDEFINED;
    ts->pending_rejections = JS_UNDEFINED;
    ts->thread_object = JS_UNDEFINED;
    ts->thread_locals = JS_UNDEFINED;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);   // thread_park deadlines are monotonic
    pthread_cond_init(&ts->park_cond, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&ts->inbox_lock, NULL);
    compute_native_stack_limit(ts);
    ts->thread_id = thread_id;
    if (counted) {
        pthread_mutex_lock(&rt->park_lock);
        ts->thread_id = rt->next_thread_id++;
        rt->live_threads++;
        pthread_mutex_unlock(&rt->park_lock);
    }
    pthread_mutex_lock(&rt->threads_lock);
    ts->tid = (uint16_t)tid;
    ts->next = rt->threads;
    rt->threads = ts;
    pthread_mutex_unlock(&rt->threads_lock);
    heap_thread_init(ts);
    return ts;
}

/*
 * Makes ts findable as the home of its promise reactions [THR-15]. Out of memory leaves it out:
 * its own reactions still run locally, and those other threads settle go to main instead.
 */
static void home_register(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->homes_lock);
    if (ts->thread_id >= rt->homes_capacity) {
        uint32_t capacity = rt->homes_capacity ? rt->homes_capacity : 16;
        while (capacity <= ts->thread_id) capacity *= 2;
        ThreadState **grown = realloc(rt->homes, capacity * sizeof *grown);
        if (grown) {
            memset(grown + rt->homes_capacity, 0, (capacity - rt->homes_capacity) * sizeof *grown);
            rt->homes = grown;
            rt->homes_capacity = capacity;
        }
    }
    if (ts->thread_id < rt->homes_capacity) rt->homes[ts->thread_id] = ts;
    pthread_mutex_unlock(&rt->homes_lock);
}

ThreadState *thread_attach(Runtime *rt) {
    ThreadState *ts = attach(rt, -1, 0, true);
    if (ts) home_register(ts);
    return ts;
}

/*
 * Takes a TID for a new Thread [THR-20]. When none is free, a collection retires the dead ones;
 * when none is dead either but Threads that published their outcome are still winding down
 * (their event loops run until idle, then they detach), waits for them, blocked, up to
 * TID_WAIT_MS: a program that joins a batch and starts the next must not fail for TIDs that
 * are about to be dead. Only then does the TID space count as exhausted.
 */
#define TID_WAIT_MS 2000
static bool reserve_tid(ThreadState *ts, uint16_t *tid) {
    Runtime *rt = ts->rt;
    double deadline = -1;
    for (;;) {
        pthread_mutex_lock(&rt->threads_lock);
        bool ok = take_tid(rt, tid);
        bool dead = rt->tids->dead_count > 0;
        pthread_mutex_unlock(&rt->threads_lock);
        if (ok) return true;
        if (dead) {
            heap_collect(ts);   // another creator may take them all first: then go round again
            continue;
        }
        // Spawned threads past publish but not yet gone (this thread's own reservation is in
        // both counts).
        int finishing = load_acquire(&rt->spawned_live) - load_acquire(&rt->spawned_counted);
        double now = thread_now_ms();
        if (deadline < 0) deadline = now + TID_WAIT_MS;
        if (finishing <= 0 || now > deadline) return false;
        safepoint_enter_blocked(ts);   // releases the GIL, so they can finish
        struct timespec pause = {0, 200 * 1000};
        nanosleep(&pause, NULL);
        safepoint_leave_blocked(ts);
    }
}

bool thread_reserve(ThreadState *ts, uint16_t *tid, uint32_t *thread_id) {
    Runtime *rt = ts->rt;
    // The cap first: every increment of spawned_live happens here under park_lock, so two racing
    // creators cannot both take the last place [THR-18]. A finishing thread's decrement (outside
    // the lock) only makes the check conservative for an instant.
    pthread_mutex_lock(&rt->park_lock);
    bool ok = load_acquire(&rt->spawned_counted) < rt->max_spawned_threads;
    if (ok) {
        fetch_add_acq_rel(&rt->spawned_counted, 1);
        fetch_add_acq_rel(&rt->spawned_live, 1);
    }
    pthread_mutex_unlock(&rt->park_lock);
    if (!ok) return false;
    ok = reserve_tid(ts, tid);
    if (!ok) {
        fetch_add_acq_rel(&rt->spawned_counted, -1);
        fetch_add_acq_rel(&rt->spawned_live, -1);
        return false;
    }
    // Counted live from here, before the pthread exists: a creator that joins at once must not
    // look like the last thread standing to the deadlock detector [THR-6].
    pthread_mutex_lock(&rt->park_lock);
    *thread_id = rt->next_thread_id++;
    rt->live_threads++;
    pthread_mutex_unlock(&rt->park_lock);
    return true;
}

bool thread_may_block(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (!rt->can_block_is_false) return true;
    return ts->spawned && !rt->gil_mode;
}

ThreadState *thread_attach_reserved(Runtime *rt, uint16_t tid, uint32_t thread_id) {
    ThreadState *ts = attach(rt, tid, thread_id, false);
    if (ts) {
        ts->spawned = true;
        home_register(ts);
    }
    return ts;
}

static void deadlock_check(Runtime *rt);
static void unpark_locked(ThreadState *target);

/*
 * Called with homes_lock and park_lock held, after live_threads dropped: threads idle only for
 * their reactions re-check whether anyone is left who could settle them [THR-16]. Their unpark
 * uncounts them before deadlock_check runs, so a thread that is now alone is never reported.
 */
static void wake_reaction_waiters(Runtime *rt) {
    if (rt->awaiting_others == 0) return;
    // Stops at the last one: usually main, at index 0, so a thread exit costs nothing extra.
    for (uint32_t i = 0; i < rt->homes_capacity && rt->awaiting_others > 0; i++) {
        ThreadState *t = rt->homes[i];
        if (t && t->awaiting_others) {
            t->awaiting_others = false;
            rt->awaiting_others--;
            unpark_locked(t);
        }
    }
}

void thread_uncount(Runtime *rt) {
    fetch_add_acq_rel(&rt->spawned_counted, -1);
}

void thread_unreserve(Runtime *rt, bool never_attached, uint16_t tid) {
    if (never_attached) {
        pthread_mutex_lock(&rt->threads_lock);
        rt->tids->free[rt->tids->free_count++] = tid;   // never stamped on anything
        pthread_mutex_unlock(&rt->threads_lock);
        thread_uncount(rt);
        pthread_mutex_lock(&rt->homes_lock);
        pthread_mutex_lock(&rt->park_lock);
        rt->live_threads--;
        wake_reaction_waiters(rt);
        deadlock_check(rt);
        pthread_mutex_unlock(&rt->park_lock);
        pthread_mutex_unlock(&rt->homes_lock);
    }
    // The thread's very last touch of rt, after every unlock: once spawned_live reads 0,
    // runtime_free may destroy the mutexes and free rt [THR-11].
    fetch_add_acq_rel(&rt->spawned_live, -1);
}

bool thread_await_others(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->park_lock);
    bool others = rt->live_threads > 1;
    if (others && !ts->awaiting_others) {
        ts->awaiting_others = true;
        rt->awaiting_others++;
    }
    pthread_mutex_unlock(&rt->park_lock);
    return others;
}

void thread_detach(ThreadState *ts) {
    Runtime *rt = ts->rt;
    // Out of the home table first: from here no poster can reach this state [THR-15].
    pthread_mutex_lock(&rt->homes_lock);
    if (ts->thread_id < rt->homes_capacity && rt->homes[ts->thread_id] == ts)
        rt->homes[ts->thread_id] = NULL;
    pthread_mutex_unlock(&rt->homes_lock);
    job_thread_release(ts);   // its timers and queues die with it
    heap_thread_release(ts);
    pthread_mutex_lock(&rt->threads_lock);
    for (ThreadState **p = &rt->threads; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    // Unregistered from the collector by heap_thread_release: this thread allocates and stamps
    // nothing more, so the next collection may retire its TID [THR-20].
    rt->tids->dead[rt->tids->dead_count++] = ts->tid;
    pthread_mutex_unlock(&rt->threads_lock);
    // The departing thread may have been the only one that could wake the others [THR-6, THR-16].
    pthread_mutex_lock(&rt->homes_lock);
    pthread_mutex_lock(&rt->park_lock);
    if (ts->awaiting_others) {
        ts->awaiting_others = false;
        rt->awaiting_others--;
    }
    rt->live_threads--;
    wake_reaction_waiters(rt);
    deadlock_check(rt);
    pthread_mutex_unlock(&rt->park_lock);
    pthread_mutex_unlock(&rt->homes_lock);
    pthread_cond_destroy(&ts->park_cond);
    pthread_mutex_destroy(&ts->inbox_lock);
    munmap(ts->stack_base, REGISTER_STACK_VALUES * sizeof(Value));
    free(ts);
}

// ---- parking and deadlock detection ----

double thread_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static int compare_by_id(const void *a, const void *b) {
    uint32_t x = (*(ThreadState *const *)a)->thread_id, y = (*(ThreadState *const *)b)->thread_id;
    return x < y ? -1 : x > y;
}

/*
 * Called with park_lock held. When every live thread is parked with no deadline, nothing can
 * ever wake any of them: report each one's wait and end the process [THR-6]. The counts are
 * exact because thread_unpark uncounts its target synchronously, before the target even runs.
 * Every other thread is parked (blocked, SP-5), so reading their ThreadStates is safe; none of
 * them touches the heap again.
 */
static void deadlock_check(Runtime *rt) {
    if (rt->live_threads <= 0 || rt->parked_forever < rt->live_threads) return;
    pthread_mutex_lock(&rt->threads_lock);
    size_t count = 0;
    for (ThreadState *t = rt->threads; t; t = t->next) count++;
    ThreadState **sorted = calloc(count ? count : 1, sizeof *sorted);
    size_t n = 0;
    if (sorted)
        for (ThreadState *t = rt->threads; t; t = t->next) sorted[n++] = t;
    pthread_mutex_unlock(&rt->threads_lock);
    if (sorted) qsort(sorted, n, sizeof *sorted, compare_by_id);
    fflush(stdout);   // whatever console.log wrote comes before the report
    fprintf(stderr, "deadlock: all threads are blocked\n");
    for (size_t i = 0; i < n; i++) {
        ThreadState *t = sorted[i];
        if (!t->parked) continue;
        if (t->thread_id == 0)
            fprintf(stderr, "  main (Thread 0): %s\n", t->park_reason ? t->park_reason : "waiting");
        else
            fprintf(stderr, "  Thread %u: %s\n", t->thread_id, t->park_reason ? t->park_reason : "waiting");
    }
    fflush(stderr);
    // _exit, not exit: other threads are parked inside the runtime, and atexit handlers or the
    // host's finalisation must not run under them.
    _exit(1);
}

int thread_park(ThreadState *ts, pthread_mutex_t *mutex, const char *reason, double deadline_ms) {
    Runtime *rt = ts->rt;
    // Release the primitive's mutex first: a waker takes it to change the condition, then calls
    // thread_unpark, whose token (under park_lock) is never lost however the two interleave.
    pthread_mutex_unlock(mutex);
    safepoint_enter_blocked(ts);
    int result = 0;
    pthread_mutex_lock(&rt->park_lock);
    if (!ts->park_token) {
        bool forever = !(deadline_ms >= 0);   // NaN too: never a garbage timespec
        ts->parked = true;
        ts->park_reason = reason;
        ts->park_forever = forever;
        if (forever) {
            rt->parked_forever++;
            deadlock_check(rt);
        }
        struct timespec until;
        if (!forever) {
            // Clamped far beyond any real wait (~3000 years) so the conversion cannot overflow.
            double seconds = deadline_ms / 1000.0 < 1e11 ? deadline_ms / 1000.0 : 1e11;
            until.tv_sec = (time_t)seconds;
            until.tv_nsec = (long)((seconds - (double)until.tv_sec) * 1e9);
            if (until.tv_nsec >= 1000000000L) until.tv_nsec = 999999999L;
        }
        while (!ts->park_token) {
            if (forever) {
                pthread_cond_wait(&ts->park_cond, &rt->park_lock);
            } else if (pthread_cond_timedwait(&ts->park_cond, &rt->park_lock, &until) == ETIMEDOUT) {
                if (!ts->park_token) result = ETIMEDOUT;
                break;
            }
        }
        if (ts->park_forever) {   // not uncounted by an unpark (e.g. a timed park)
            ts->park_forever = false;
            rt->parked_forever--;
        }
        ts->parked = false;
        ts->park_reason = NULL;
    }
    ts->park_token = false;
    pthread_mutex_unlock(&rt->park_lock);
    // Leave blocked before retaking the primitive's mutex: leaving may wait for a collection or
    // (under --gil) for the global lock, whose holder may itself be taking that mutex.
    safepoint_leave_blocked(ts);
    pthread_mutex_lock(mutex);
    return result;
}

static void unpark_locked(ThreadState *target) {
    Runtime *rt = target->rt;
    target->park_token = true;
    if (target->park_forever) {   // stops counting at once, so no false deadlock report [THR-6]
        target->park_forever = false;
        rt->parked_forever--;
    }
    pthread_cond_signal(&target->park_cond);
}

void thread_unpark(ThreadState *target) {
    Runtime *rt = target->rt;
    pthread_mutex_lock(&rt->park_lock);
    unpark_locked(target);
    pthread_mutex_unlock(&rt->park_lock);
}

Runtime *runtime_new(void) {
    Runtime *rt = calloc_lines(sizeof *rt);
    if (!rt) return NULL;
    pthread_mutex_init(&rt->threads_lock, NULL);
    pthread_mutex_init(&rt->park_lock, NULL);
    pthread_mutex_init(&rt->records_lock, NULL);
    pthread_mutex_init(&rt->homes_lock, NULL);
    rt->tids = calloc(1, sizeof *rt->tids);
    if (!rt->tids) {
        free(rt);
        return NULL;
    }
    // A smaller TID space makes tests reuse TIDs after a few threads [THR-20].
    rt->tid_limit = THREAD_TID_LIMIT;
    const char *limit = getenv("JSTHREADS_TID_LIMIT");
    if (limit && *limit) {
        char *end;
        long n = strtol(limit, &end, 10);
        if (*end == '\0' && n >= 2 && n <= (long)THREAD_TID_LIMIT) rt->tid_limit = (uint32_t)n;
    }
    for (int i = 0; i < INTRINSIC_COUNT; i++) rt->realm.intrinsics[i] = JS_UNDEFINED;
    rt->realm.global_object = JS_UNDEFINED;
    rt->realm.global_lexicals = JS_UNDEFINED;
    // The threads options of the notes, from the environment the CLI sets (--max-threads N,
    // --can-block-is-false) [THR-18, THR-19]. A malformed or out-of-range cap keeps the default.
    rt->max_spawned_threads = THREAD_DEFAULT_MAX_SPAWNED;
    const char *cap = getenv("JSTHREADS_MAX_THREADS");
    if (cap && *cap) {
        char *end;
        long n = strtol(cap, &end, 10);
        if (*end == '\0' && n >= 0 && n <= THREAD_DEFAULT_MAX_SPAWNED) rt->max_spawned_threads = (int)n;
    }
    const char *gate = getenv("JSTHREADS_CAN_BLOCK_IS_FALSE");
    rt->can_block_is_false = gate && *gate && strcmp(gate, "0") != 0;
    if (!heap_init(rt) || !structure_table_init(rt) || !atom_table_init(rt)) {
        free(rt->tids);
        free(rt);
        return NULL;
    }
    return rt;
}

void runtime_free(Runtime *rt) {
    // Spawned Threads still running are not joined [THR-11]: the process is about to exit, and
    // they may still touch any part of the runtime (main's ThreadState included), so leave it all.
    if (load_acquire(&rt->spawned_live) > 0) return;
    while (rt->threads) thread_detach(rt->threads);
    thread_records_free(rt);
    atom_table_destroy(rt);
    structure_table_destroy(rt);
    heap_destroy(rt);
    pthread_mutex_destroy(&rt->threads_lock);
    pthread_mutex_destroy(&rt->park_lock);
    pthread_mutex_destroy(&rt->records_lock);
    pthread_mutex_destroy(&rt->homes_lock);
    free(rt->homes);
    free(rt->tids);
    free(rt);
}
