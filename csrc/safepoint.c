/*
 * safepoint.c — the stop flag, parking at polls, blocked regions, thread registration, the --gil
 * global lock and the JSTHREADS_RACE amplifier. Owns Runtime.safepoint_* / gil_* and
 * ThreadState.safepoint_* / gil_held, and the interrupt requests of the embedding API. Must not
 * touch the heap (except safepoint_throw_interrupt, called by a RUNNING thread at a poll): it
 * only records where each thread's roots are, for heap.c to scan. Implements SP-1..SP-13
 * (specs/safepoints.md).
 */
#define _GNU_SOURCE
#include <errno.h>
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
 *
 * Under --gil (Runtime.gil_mode) the GIL is taken just before (1) and (5) and given up just after
 * (4) and (6): RUNNING implies holding it, so exactly the GIL holder may run or stop the world,
 * and a thread waiting for the GIL is BLOCKED or unregistered, never in the stopper's way [SP-9,
 * SP-12]. The holder gives it up at a poll, as (4) then (5), when a waiter has waited out the
 * holder's time slice [SP-11].
 */

static void fatal(const char *message) {
    fprintf(stderr, "jsthreads: fatal safepoint error: %s\n", message);
    abort();
}

// The GIL is set up in every runtime (cheaply) so that gil_mode alone decides whether it is used.
static bool gil_init(Runtime *rt) {
    pthread_condattr_t attributes;
    if (pthread_condattr_init(&attributes) != 0) return false;
    // Waiters time their patience against the monotonic clock, immune to wall-clock jumps.
    bool ok = pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC) == 0 &&
              pthread_cond_init(&rt->gil_changed, &attributes) == 0;
    pthread_condattr_destroy(&attributes);
    if (!ok) return false;
    if (pthread_mutex_init(&rt->gil_mutex, NULL) != 0) {
        pthread_cond_destroy(&rt->gil_changed);
        return false;
    }
    rt->gil_holder = NULL;
    rt->gil_next_ticket = rt->gil_serving = 0;
    rt->gil_handovers = 0;
    store_relaxed(&rt->gil_yield_request, 0);
    return true;
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
    if (!gil_init(rt)) {
        pthread_cond_destroy(&rt->safepoint_resumed);
        pthread_cond_destroy(&rt->safepoint_changed);
        pthread_mutex_destroy(&rt->safepoint_lock);
        return false;
    }
    rt->safepoint_threads = NULL;
    rt->safepoint_running = 0;
    rt->safepoint_stopper = NULL;
    rt->safepoint_generation = 0;
    rt->safepoint_waking = 0;
    store_relaxed(&rt->stop_requested, 0);
    return true;
}

void safepoint_destroy(Runtime *rt) {
    pthread_mutex_destroy(&rt->gil_mutex);
    pthread_cond_destroy(&rt->gil_changed);
    pthread_cond_destroy(&rt->safepoint_resumed);
    pthread_cond_destroy(&rt->safepoint_changed);
    pthread_mutex_destroy(&rt->safepoint_lock);
}

/*
 * The --gil global lock [SP-9..SP-12]. A ticket lock built on a mutex and a condition variable:
 * an arriving thread takes the next ticket and waits until the GIL is free and its ticket is
 * being served, so the GIL passes in arrival order and a thread that gives it up at a poll queues
 * behind everyone already waiting [SP-10]. A waiter that is still waiting when the holder's time
 * slice is over raises gil_yield_request; the holder sees it at its next poll and hands over
 * [SP-11]. A thread waiting here is never RUNNING, so it cannot hold up a stop [SP-12].
 */
#define GIL_SLICE_MS 2.0

static double monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

static struct timespec timespec_from_ms(double ms) {
    struct timespec t;
    t.tv_sec = (time_t)(ms / 1e3);
    t.tv_nsec = (long)((ms - (double)t.tv_sec * 1e3) * 1e6);
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    if (t.tv_nsec < 0) t.tv_nsec = 0;
    return t;
}

static void gil_acquire(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->gil_mutex);
    uint64_t ticket = rt->gil_next_ticket++;
    while (rt->gil_holder || rt->gil_serving != ticket) {
        // Only a held GIL can be asked back, and asking twice is pointless.
        if (!rt->gil_holder || load_relaxed(&rt->gil_yield_request)) {
            pthread_cond_wait(&rt->gil_changed, &rt->gil_mutex);
            continue;
        }
        double now = monotonic_ms();
        if (now >= rt->gil_slice_end_ms) {
            store_release(&rt->gil_yield_request, 1);
            continue;
        }
        struct timespec deadline = timespec_from_ms(rt->gil_slice_end_ms);
        pthread_cond_timedwait(&rt->gil_changed, &rt->gil_mutex, &deadline);
    }
    rt->gil_serving++;
    store_relaxed(&rt->gil_holder, ts);   // atomic so that asserts elsewhere may peek
    rt->gil_slice_end_ms = monotonic_ms() + GIL_SLICE_MS;
    ts->gil_held = true;
    // Waiters that saw the GIL free sleep untimed; they must start timing this slice [SP-11].
    if (rt->gil_next_ticket != rt->gil_serving) pthread_cond_broadcast(&rt->gil_changed);
    pthread_mutex_unlock(&rt->gil_mutex);
}

static void gil_release(ThreadState *ts) {
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->gil_mutex);
    if (rt->gil_holder != ts) fatal("the GIL was released by a thread that does not hold it");
    store_relaxed(&rt->gil_holder, (ThreadState *)NULL);
    ts->gil_held = false;
    // A request names the holder's slice; the next holder starts a fresh one.
    store_relaxed(&rt->gil_yield_request, 0);
    if (rt->gil_next_ticket != rt->gil_serving) {
        rt->gil_handovers++;
        pthread_cond_broadcast(&rt->gil_changed);
    }
    pthread_mutex_unlock(&rt->gil_mutex);
}

// Only the owner writes its state, always under the lock; the release store lets debugging code
// and asserts in other threads read it with load_acquire [SP-2].
static void set_state(ThreadState *ts, SafepointState state) {
    store_release(&ts->safepoint_state, (int)state);
}

// splitmix64: turns seed + Thread id into a well-mixed, non-zero xorshift state [SP-8]. The
// Thread id, not the TID: TIDs are reused in an order that depends on timing [THR-20].
static uint64_t mix_seed(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x ? x : 1;
}

/*
 * Waits, lock held, until the stop in progress (if any) has ended [SP-13]. The wait is for that
 * stop's generation, not for stop_requested to read 0: a thread that requests stop after stop
 * would otherwise raise the next one before the woken waiters get the lock, and they would sleep
 * through every stop and never run. Until they have the lock again they count as waking, and no
 * new stop begins while any thread is waking.
 */
static void wait_out_stop_locked(Runtime *rt) {
    if (!load_relaxed(&rt->stop_requested)) return;
    uint64_t generation = rt->safepoint_generation;
    rt->safepoint_waking++;
    while (rt->safepoint_generation == generation) pthread_cond_wait(&rt->safepoint_resumed, &rt->safepoint_lock);
    // A stopper waits on safepoint_changed for the last waker.
    if (--rt->safepoint_waking == 0) pthread_cond_broadcast(&rt->safepoint_changed);
}

void safepoint_thread_register(ThreadState *ts) {
    Runtime *rt = ts->rt;
    ts->safepoint_race_state = mix_seed(rt->race_seed + ts->thread_id);
    ts->safepoint_blocked_depth = 0;
    ts->safepoint_spill_size = 0;
    ts->safepoint_stack_top = 0;
    ts->gil_held = false;
    // Taken while not yet registered, so no stop ever waits for this thread meanwhile [SP-12].
    if (rt->gil_mode) gil_acquire(ts);
    pthread_mutex_lock(&rt->safepoint_lock);
    // A thread that appears mid-collection would be neither scanned nor waited for, so it starts
    // only once the stop is over [SP-7].
    wait_out_stop_locked(rt);
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
        wait_out_stop_locked(rt);
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
    // A thread that leaves from RUNNING holds the GIL; one that leaves from BLOCKED gave it up.
    if (ts->gil_held) gil_release(ts);
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
    wait_out_stop_locked(rt);
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

// Gives the GIL up and queues for it again behind every thread already waiting [SP-10]. Only
// outside blocked regions: inside one the thread holds no GIL.
static void gil_yield(ThreadState *ts) {
    safepoint_enter_blocked(ts);
    safepoint_leave_blocked(ts);
}

/*
 * JSTHREADS_RACE: perturbs the schedule at safepoints so that thread interleavings vary, yet the
 * choice sequence of each thread is a function of (seed, Thread id) alone [SP-8]. About one poll in 128
 * yields and one in 4096 sleeps 50-200 µs. Under --gil a yield that kept the GIL would let no
 * other JS thread run, so the amplifier hands the GIL over instead, and sleeps with it released.
 */
static void race_perturb(ThreadState *ts) {
    uint64_t x = ts->safepoint_race_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    ts->safepoint_race_state = x;
    bool handover = ts->gil_held && ts->safepoint_blocked_depth == 0;
    if ((x & 127) == 0) {
        if (handover) gil_yield(ts);
        else sched_yield();
    } else if ((x & 4095) == 1) {
        struct timespec pause = {0, (long)(50000 + (x >> 40) % 150001)};
        if (handover) safepoint_enter_blocked(ts);
        nanosleep(&pause, NULL);
        if (handover) safepoint_leave_blocked(ts);
    }
}

__attribute__((noinline)) void safepoint_poll_slow(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (rt->race_seed) race_perturb(ts);
    if (load_acquire(&rt->stop_requested)) {
        SAFEPOINT_RECORD_CONTEXT(ts);
        park(ts);
    }
    // The request may be stale (the GIL changed hands since) or aimed at another holder; only the
    // current holder, outside blocked regions, acts on it [SP-11].
    if (load_relaxed(&rt->gil_yield_request) && ts->gil_held && ts->safepoint_blocked_depth == 0) gil_yield(ts);
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
    // Only a stopper waits on safepoint_changed, and it raises stop_requested under this lock
    // before waiting: with no stop pending nobody needs waking (every embedding call passes here).
    if (load_relaxed(&rt->stop_requested)) pthread_cond_broadcast(&rt->safepoint_changed);
    pthread_mutex_unlock(&rt->safepoint_lock);
    // Blocked first, then the GIL goes: the next holder may stop the world at once [SP-9].
    if (ts->gil_held) gil_release(ts);
}

void safepoint_leave_blocked(ThreadState *ts) {
    if (ts->safepoint_blocked_depth <= 0) fatal("safepoint_leave_blocked without enter");
    if (--ts->safepoint_blocked_depth > 0) return;
    Runtime *rt = ts->rt;
    // Waited for while still BLOCKED, so the holder may collect meanwhile [SP-12]. Once the GIL is
    // ours no stop can be in progress: its stopper would be RUNNING without the GIL [SP-9].
    if (rt->gil_mode) gil_acquire(ts);
    pthread_mutex_lock(&rt->safepoint_lock);
    // Coming back to the heap mid-collection would race the collector [SP-5].
    wait_out_stop_locked(rt);
    rt->safepoint_running++;
    set_state(ts, SP_RUNNING);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

void safepoint_stop_the_world(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (ts->safepoint_state != SP_RUNNING) fatal("a thread that is not running tried to stop the world");
    pthread_mutex_lock(&rt->safepoint_lock);
    // Another thread holds a stop: behave as if we had polled, then take our turn [SP-1]. Threads
    // woken from the last stop first get the lock back and run on to their next poll [SP-13];
    // they need nothing but the lock, so this wait is short and cannot deadlock.
    for (;;) {
        if (load_relaxed(&rt->stop_requested)) park_locked(ts);
        else if (rt->safepoint_waking > 0) pthread_cond_wait(&rt->safepoint_changed, &rt->safepoint_lock);
        else break;
    }
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
    rt->safepoint_generation++;
    store_release(&rt->stop_requested, 0);
    pthread_cond_broadcast(&rt->safepoint_resumed);
    pthread_mutex_unlock(&rt->safepoint_lock);
}

int safepoint_cond_wait(ThreadState *ts, pthread_cond_t *cond, pthread_mutex_t *mutex,
                        const struct timespec *deadline) {
    // Entering never waits, so it may happen with *mutex held.
    safepoint_enter_blocked(ts);
    int status = deadline ? pthread_cond_timedwait(cond, mutex, deadline) : pthread_cond_wait(cond, mutex);
    if (ts->safepoint_blocked_depth > 1) {
        safepoint_leave_blocked(ts);   // only unnests: the outer region stays blocked
        return status;
    }
    // Leaving may wait for a collection or the GIL; a thread that holds the GIL or runs toward
    // the stop may need *mutex first, so it is not held meanwhile [SP-12].
    pthread_mutex_unlock(mutex);
    safepoint_leave_blocked(ts);
    pthread_mutex_lock(mutex);
    return status == ETIMEDOUT ? ETIMEDOUT : 0;
}

// ---- interrupts (embedding API) ----

void safepoint_request_interrupt(ThreadState *target, int reason) {
    store_relaxed(&target->interrupt_request, reason);
    // A thread idle in its event loop (a timer, an awaited job) would only notice at its next
    // wake-up; waking it makes the loop see the request now (job_run_event_loop checks it).
    thread_unpark(target);
}

void safepoint_clear_interrupt(ThreadState *ts) {
    store_relaxed(&ts->interrupt_request, 0);
}

// Called from a poll site, so the thread is RUNNING and may allocate the error.
Value safepoint_throw_interrupt(ThreadState *ts) {
    int reason = load_relaxed(&ts->interrupt_request);
    if (ts->rt->interrupt_hook) return ts->rt->interrupt_hook(ts, reason);
    // No embedder to build an Error (and no dependency on error.c here): a thrown null.
    ts->exception = JS_NULL;
    return JS_EXCEPTION;
}
