/*
 * safepoint.c — the stop flag, parking at polls, blocked regions, thread registration and the
 * JSTHREADS_RACE amplifier. Owns Runtime.safepoint_* and ThreadState.safepoint_*.
 * Must not touch the heap: it only records where each thread's roots are, for heap.c to scan.
 * Implements SP-1..SP-8 (specs/safepoints.md).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "safepoint.h"

/*
 * Thread states. Every transition is made by the thread itself, under rt->safepoint_lock; the
 * collector (the "stopper") only reads states, waits on safepoint_changed and broadcasts
 * safepoint_resumed [SP-2].
 *
 *                         PARKED
 *                       ▲        │
 *                 (2)   │        │  (3)
 *                       │        ▼
 *   DETACHED ──(1)──▶  RUNNING  ◀──(5)──  BLOCKED
 *       ▲                │   │                ▲  │
 *       └──────(6)───────┘   └──────(4)───────┘  │
 *       └──────────────────────(7)───────────────┘
 *
 *   (1) register (heap_thread_init): owner; waits while a stop is in progress [SP-7]
 *   (2) a poll, or a wish to stop, sees stop_requested: owner; records its context first [SP-3]
 *   (3) the stop ended: owner, woken by the stopper's broadcast
 *   (4) safepoint_enter_blocked: owner; records its context first, never waits [SP-5]
 *   (5) safepoint_leave_blocked: owner; waits while a stop is in progress [SP-5]
 *   (6) unregister (heap_thread_release): owner; never waits, counts as stopping [SP-7]
 *   (7) unregister while blocked: owner; waits while a stop is in progress
 *
 *   stop_requested 0 → 1: the stopper, a RUNNING thread, when no other stop is held [SP-1].
 *   stop_requested 1 → 0: the same stopper, after collecting; it broadcasts safepoint_resumed.
 *
 * The stopper stays RUNNING throughout; it proceeds when safepoint_running == 1, i.e. every other
 * registered thread is PARKED or BLOCKED [SP-4]. A thread that wants to stop while another stop
 * is held takes transition (2) and tries again afterwards, so at most one stop exists at a time.
 */

static void fatal(const char *message) {
    fprintf(stderr, "jsthreads: fatal safepoint error: %s\n", message);
    abort();
}

bool safepoint_init(Runtime *rt) {
    if (pthread_mutex_init(&rt->safepoint_lock, NULL) != 0) return false;
    if (pthread_cond_init(&rt->safepoint_changed, NULL) != 0) {
        pthread_mutex_destroy(&rt->safepoint_lock);
        return false;
    }
    if (pthread_cond_init(&rt->safepoint_resumed, NULL) != 0) {
        pthread_cond_destroy(&rt->safepoint_changed);
        pthread_mutex_destroy(&rt->safepoint_lock);
        return false;
    }
    rt->safepoint_threads = NULL;
    rt->safepoint_running = 0;
    rt->safepoint_stopper = NULL;
    store_relaxed(&rt->stop_requested, 0);
    return true;
}

void safepoint_destroy(Runtime *rt) {
    pthread_cond_destroy(&rt->safepoint_resumed);
    pthread_cond_destroy(&rt->safepoint_changed);
    pthread_mutex_destroy(&rt->safepoint_lock);
}

// Only the owner writes its state, always under the lock; the release store lets debugging code
// and asserts in other threads read it with load_acquire [SP-2].
static void set_state(ThreadState *ts, SafepointState state) {
    store_release(&ts->safepoint_state, (int)state);
}

// splitmix64: turns seed + tid into a well-mixed, non-zero xorshift state [SP-8].
static uint64_t mix_seed(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x ? x : 1;
}

void safepoint_thread_register(ThreadState *ts) {
    Runtime *rt = ts->rt;
    ts->safepoint_race_state = mix_seed(rt->race_seed + ts->tid);
    ts->safepoint_blocked_depth = 0;
    ts->safepoint_spill_size = 0;
    ts->safepoint_stack_top = 0;
    pthread_mutex_lock(&rt->safepoint_lock);
    // A thread that appears mid-collection would be neither scanned nor waited for, so it starts
    // only once the stop is over [SP-7].
    while (load_relaxed(&rt->stop_requested)) pthread_cond_wait(&rt->safepoint_resumed, &rt->safepoint_lock);
    ts->safepoint_next = rt->safepoint_threads;
    rt->safepoint_threads = ts;
    rt->safepoint_running++;
    set_state(ts, SP_RUNNING);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

void safepoint_thread_unregister(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->safepoint_lock);
    if (ts->safepoint_state == SP_RUNNING) {
        // A stopper may be waiting for this very thread: leaving counts as stopping [SP-4].
        rt->safepoint_running--;
    } else {
        // The collector walks the registry while the world is stopped; a blocked thread must not
        // unlink itself under its feet.
        while (load_relaxed(&rt->stop_requested)) pthread_cond_wait(&rt->safepoint_resumed, &rt->safepoint_lock);
    }
    for (ThreadState **link = &rt->safepoint_threads; *link; link = &(*link)->safepoint_next) {
        if (*link == ts) {
            *link = ts->safepoint_next;
            break;
        }
    }
    ts->safepoint_next = NULL;
    ts->safepoint_blocked_depth = 0;
    set_state(ts, SP_DETACHED);
    pthread_cond_broadcast(&rt->safepoint_changed);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

/*
 * Copies [here, caller_stack_pointer) — this function's frame plus the whole frame of the
 * recording function, whose prologue saved every callee-saved register because of
 * __builtin_unwind_init — into the ThreadState. Callee-saved registers keep their values across
 * the calls that follow, so the copy still holds every pointer the callers keep in registers when
 * the thread later waits in deeper frames that the collector does not scan [HEAP-7].
 */
// Reads across frames on purpose (other locals, saved registers, sanitizer redzones), so the
// sanitizers are told to stand aside; word by word, because an intercepted memcpy would check.
__attribute__((noinline, no_sanitize_address, no_sanitize_thread))
void safepoint_record_context(ThreadState *ts, uintptr_t caller_stack_pointer) {
    uintptr_t here = (uintptr_t)&here;
    here &= ~(uintptr_t)(sizeof(uintptr_t) - 1);
    size_t words = (caller_stack_pointer - here) / sizeof(uintptr_t);
    if (caller_stack_pointer < here || words > sizeof ts->safepoint_spill / sizeof(uintptr_t))
        fatal("the recording frame does not fit the spill buffer");
    const uintptr_t *frame = (const uintptr_t *)here;
    for (size_t i = 0; i < words; i++) {
        ts->safepoint_spill[i] = frame[i];
        __asm__ volatile("" : : : "memory");   // keeps the loop from becoming a memcpy call
    }
    ts->safepoint_spill_size = (uint32_t)(words * sizeof(uintptr_t));
    ts->safepoint_stack_top = caller_stack_pointer;
}

// Waits while a stop is in progress, counted as stopped. Caller holds the lock, is RUNNING and
// has recorded its context [SP-3].
static void park_locked(ThreadState *ts) {
    Runtime *rt = ts->rt;
    set_state(ts, SP_PARKED);
    rt->safepoint_running--;
    pthread_cond_broadcast(&rt->safepoint_changed);
    while (load_relaxed(&rt->stop_requested)) pthread_cond_wait(&rt->safepoint_resumed, &rt->safepoint_lock);
    rt->safepoint_running++;
    set_state(ts, SP_RUNNING);
}

static void park(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->safepoint_lock);
    // A blocked thread already counts as stopped (a poll inside a blocked region is harmless), and
    // the stopper itself never parks for its own stop.
    if (ts->safepoint_state == SP_RUNNING && load_relaxed(&rt->stop_requested) && rt->safepoint_stopper != ts)
        park_locked(ts);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

/*
 * JSTHREADS_RACE: perturbs the schedule at safepoints so that thread interleavings vary, yet the
 * choice sequence of each thread is a function of (seed, tid) alone [SP-8]. About one poll in 128
 * yields and one in 4096 sleeps 50-200 µs.
 */
static void race_perturb(ThreadState *ts) {
    uint64_t x = ts->safepoint_race_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    ts->safepoint_race_state = x;
    if ((x & 127) == 0) {
        sched_yield();
    } else if ((x & 4095) == 1) {
        struct timespec pause = {0, (long)(50000 + (x >> 40) % 150001)};
        nanosleep(&pause, NULL);
    }
}

__attribute__((noinline)) void safepoint_poll_slow(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (rt->race_seed) race_perturb(ts);
    if (load_acquire(&rt->stop_requested)) {
        SAFEPOINT_RECORD_CONTEXT(ts);
        park(ts);
    }
}

__attribute__((noinline)) void safepoint_enter_blocked(ThreadState *ts) {
    if (ts->safepoint_blocked_depth++ > 0) return;
    Runtime *rt = ts->rt;
    // Recorded before the state change is published under the lock, so a collector that sees
    // BLOCKED also sees where this thread's roots are [SP-3].
    SAFEPOINT_RECORD_CONTEXT(ts);
    pthread_mutex_lock(&rt->safepoint_lock);
    set_state(ts, SP_BLOCKED);
    rt->safepoint_running--;
    pthread_cond_broadcast(&rt->safepoint_changed);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

void safepoint_leave_blocked(ThreadState *ts) {
    if (ts->safepoint_blocked_depth <= 0) fatal("safepoint_leave_blocked without enter");
    if (--ts->safepoint_blocked_depth > 0) return;
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->safepoint_lock);
    // Coming back to the heap mid-collection would race the collector [SP-5].
    while (load_relaxed(&rt->stop_requested)) pthread_cond_wait(&rt->safepoint_resumed, &rt->safepoint_lock);
    rt->safepoint_running++;
    set_state(ts, SP_RUNNING);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

void safepoint_stop_the_world(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (ts->safepoint_state != SP_RUNNING) fatal("a thread that is not running tried to stop the world");
    pthread_mutex_lock(&rt->safepoint_lock);
    // Another thread holds a stop: behave as if we had polled, then take our turn [SP-1].
    while (load_relaxed(&rt->stop_requested)) park_locked(ts);
    rt->safepoint_stopper = ts;
    store_release(&rt->stop_requested, 1);
    while (rt->safepoint_running > 1) pthread_cond_wait(&rt->safepoint_changed, &rt->safepoint_lock);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

void safepoint_resume_the_world(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->safepoint_lock);
    if (rt->safepoint_stopper != ts) fatal("resume by a thread that does not hold the stop");
    rt->safepoint_stopper = NULL;
    store_release(&rt->stop_requested, 0);
    pthread_cond_broadcast(&rt->safepoint_resumed);
    pthread_mutex_unlock(&rt->safepoint_lock);
}
