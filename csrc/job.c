/*
 * job.c — the per-thread job machinery behind interp.h's job_* functions: the microtask FIFO,
 * timers on a monotonic clock, the cross-thread inbox (job_expect/job_post), delivery of promise
 * reactions to the thread that registered them, the event loop (and the turns a spawned thread
 * runs before it publishes its outcome), and node-style unhandled-rejection reporting.
 * Implements THR-3 (its completion part), THR-8..THR-10, THR-15, THR-16 (specs/threads.md).
 * Queues and timers are owned by one ThreadState and touched only by its thread [INT-6]; the one
 * exception is the inbox, which any thread appends to under inbox_lock. Values held in malloc'd
 * Timers and inbox jobs are marked by job_trace_thread, which heap.c calls for every thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "safepoint.h"
#include "atomics.h"
#include "errors.h"
#include "builtins/builtins.h"

/*
 * The microtask queue is a ring of (fn, argument) pairs in a CELL_VALUES cell whose count is kept
 * equal to its capacity, so the collector traces every slot (unused ones hold undefined).
 * fn is normally a function called with this = undefined and one argument (none when the
 * argument is JS_HOLE, as queueMicrotask wants); promise.c queues its reaction and thenable jobs
 * as CELL_VALUES records instead, which saves allocating a closure per job.
 */

// A ThreadState field that was never set may still be zero; zero is not a usable cell here.
static bool has_cell(Value v) { return v != 0 && value_is_cell(v); }

static Values *ring_new(ThreadState *ts, uint32_t pairs) {
    Values *ring = values_new(ts, pairs * 2);
    if (!ring) return NULL;
    for (uint32_t i = 0; i < ring->capacity; i++) ring->items[i] = JS_UNDEFINED;
    ring->count = ring->capacity & ~1u;
    return ring;
}

static bool inbox_pop(ThreadState *ts, Value *fn, Value *argument);
static bool enqueue_local(ThreadState *ts, Value fn, Value argument);

/*
 * Appends a microtask of this thread. Jobs other threads posted before it (promise reactions
 * whose home is this thread) go first, in arrival order: a reaction delivered from another
 * thread must not run after a reaction to the same promise registered here later [THR-15].
 * The popped jobs sit in C locals across the ring's allocation (HEAP-7 covers them).
 */
bool job_enqueue(ThreadState *ts, Value fn, Value argument) {
    Value posted_fn, posted_argument;
    while (load_relaxed(&ts->inbox) && inbox_pop(ts, &posted_fn, &posted_argument))
        if (!enqueue_local(ts, posted_fn, posted_argument)) return false;
    return enqueue_local(ts, fn, argument);
}

static bool enqueue_local(ThreadState *ts, Value fn, Value argument) {
    Values *ring = has_cell(ts->microtasks) ? value_to_cell(ts->microtasks) : NULL;
    uint32_t pairs = ring ? ring->count / 2 : 0;
    if (!ring || ts->microtask_count == pairs) {
        Values *bigger = ring_new(ts, pairs ? pairs * 2 : 16);
        if (!bigger) return false;
        ring = has_cell(ts->microtasks) ? value_to_cell(ts->microtasks) : NULL;  // reload after GC
        for (uint32_t i = 0; i < ts->microtask_count; i++) {
            uint32_t from = (ts->microtask_head + i) % pairs;
            bigger->items[2 * i] = ring->items[2 * from];
            bigger->items[2 * i + 1] = ring->items[2 * from + 1];
        }
        ts->microtask_head = 0;
        ts->microtasks = value_from_cell(bigger);
        ring = bigger;
        pairs = ring->count / 2;
    }
    uint32_t slot = (ts->microtask_head + ts->microtask_count) % pairs;
    ring->items[2 * slot] = fn;
    ring->items[2 * slot + 1] = argument;
    ts->microtask_count++;
    return true;
}

static bool run_job(ThreadState *ts, Value fn, Value argument) {
    if (value_cell_type(fn) == CELL_VALUES) return promise_job_run(ts, fn, argument);
    Value result = argument == JS_HOLE ? interp_call(ts, fn, JS_UNDEFINED, NULL, 0)
                                       : interp_call(ts, fn, JS_UNDEFINED, &argument, 1);
    return !value_is_exception(result);
}

static bool inbox_pop_reaction(ThreadState *ts, Value *fn, Value *argument);

/*
 * A microtask checkpoint. Reactions that other threads delivered here are this thread's
 * microtasks as well [THR-15]: once the ring is empty they run too, oldest first, up to the first
 * job posted with job_post, which stays a macrotask of the event loop [THR-10]. So a thread that
 * spins on drainMicrotasks() sees the settlements other threads made, and a finishing thread's
 * completion drain runs them before its outcome is published [THR-3].
 */
bool job_run_microtasks(ThreadState *ts) {
    for (;;) {
        while (ts->microtask_count > 0) {
            Values *ring = value_to_cell(ts->microtasks);
            uint32_t pairs = ring->count / 2, slot = ts->microtask_head;
            Value fn = ring->items[2 * slot], argument = ring->items[2 * slot + 1];
            ring->items[2 * slot] = ring->items[2 * slot + 1] = JS_UNDEFINED;
            ts->microtask_head = (slot + 1) % pairs;
            ts->microtask_count--;
            if (!run_job(ts, fn, argument)) return false;
        }
        Value fn, argument;
        if (!load_relaxed(&ts->inbox) || !inbox_pop_reaction(ts, &fn, &argument)) return true;
        if (!run_job(ts, fn, argument)) return false;
    }
}

// ---- timers ----

static double now_ms(void) { return thread_now_ms(); }

// Keeps the list sorted by due time; timers due at the same moment run in creation order.
static void timer_insert(ThreadState *ts, Timer *timer) {
    Timer **link = &ts->timers;
    while (*link && (*link)->due_ms <= timer->due_ms) link = &(*link)->next;
    timer->next = *link;
    *link = timer;
}

static uint32_t add_timer(ThreadState *ts, Value fn, double delay_ms, Value args, double interval) {
    Timer *timer = calloc(1, sizeof *timer);
    if (!timer) {
        error_throw_out_of_memory(ts);
        return 0;
    }
    timer->id = ++ts->next_timer_id;
    timer->due_ms = now_ms() + delay_ms;
    timer->callback = fn;
    timer->args = args;
    timer->interval_ms = interval;
    timer_insert(ts, timer);
    return timer->id;
}

uint32_t job_add_timer(ThreadState *ts, Value fn, double delay_ms, Value args_values) {
    return add_timer(ts, fn, delay_ms, args_values, 0);
}

uint32_t job_add_interval(ThreadState *ts, Value fn, double interval_ms, Value args_values) {
    return add_timer(ts, fn, interval_ms, args_values, interval_ms);
}

void job_clear_timer(ThreadState *ts, uint32_t id) {
    for (Timer **link = &ts->timers; *link; link = &(*link)->next) {
        if ((*link)->id == id) {
            Timer *dead = *link;
            *link = dead->next;
            free(dead);
            return;
        }
    }
}

// ---- the cross-thread inbox [THR-8] ----

/*
 * A job another thread posted: malloc'd, linked oldest first from ThreadState.inbox under
 * inbox_lock. Its Values stay GC roots (job_trace_thread) until the owner pops it; the owner then
 * holds them in C locals, which the conservative stack scan covers [HEAP-7].
 */
typedef struct CrossJob {
    struct CrossJob *next;
    Value fn;
    Value argument;
    bool reaction;   // a promise reaction delivered home (a microtask), not a job_post
} CrossJob;

void job_expect(ThreadState *ts) {
    pthread_mutex_lock(&ts->inbox_lock);
    ts->jobs_expected++;
    pthread_mutex_unlock(&ts->inbox_lock);
}

/*
 * The target is alive: it has an unmatched job_expect, so its event loop cannot have finished
 * [THR-9], and it re-checks the inbox under inbox_lock before it leaves. The unpark happens under
 * inbox_lock too, so the target cannot detach between the append and the wake-up.
 */
bool job_post(ThreadState *poster, ThreadState *target, Value fn, Value argument) {
    CrossJob *job = malloc(sizeof *job);
    pthread_mutex_lock(&target->inbox_lock);
    if (job) {
        job->next = NULL;
        job->fn = fn;
        job->argument = argument;
        job->reaction = false;
        if (target->inbox_tail) target->inbox_tail->next = job;
        else store_relaxed(&target->inbox, job);
        target->inbox_tail = job;
    }
    // Even when the job is lost to out-of-memory the expectation ends, so the target never waits
    // forever for it.
    if (target->jobs_expected > 0) target->jobs_expected--;
    thread_unpark(target);
    pthread_mutex_unlock(&target->inbox_lock);
    if (!job) {
        if (poster) error_throw_out_of_memory(poster);
        return false;
    }
    return true;
}

/*
 * A lock grant for a Thread whose outcome is out goes to main instead, like the notes' "grants to
 * a thread that has already finished are still delivered (on main as fallback)": so a grant never
 * races what the joiner does next (a barging sync hold, peer api/lock-async-hold). Main expects
 * the job before the target stops expecting it, so neither event loop can end in between; the
 * target is alive until then because of its own expectation [THR-9].
 */
bool job_post_or_main(ThreadState *poster, ThreadState *target, Value fn, Value argument) {
    if (!target->spawned || !load_acquire(&target->published)) return job_post(poster, target, fn, argument);
    Runtime *rt = target->rt;
    pthread_mutex_lock(&rt->homes_lock);
    ThreadState *main_state = rt->homes_capacity > 0 ? rt->homes[0] : NULL;
    if (!main_state || main_state == target) {
        pthread_mutex_unlock(&rt->homes_lock);
        return job_post(poster, target, fn, argument);
    }
    pthread_mutex_lock(&main_state->inbox_lock);
    main_state->jobs_expected++;
    pthread_mutex_unlock(&main_state->inbox_lock);
    bool ok = job_post(poster, main_state, fn, argument);   // lock order: homes, inbox, park
    pthread_mutex_unlock(&rt->homes_lock);
    pthread_mutex_lock(&target->inbox_lock);
    if (target->jobs_expected > 0) target->jobs_expected--;
    thread_unpark(target);
    pthread_mutex_unlock(&target->inbox_lock);
    return ok;
}

// ---- promise reactions delivered to their home thread [THR-15, THR-16] ----

void job_reaction_registered(ThreadState *ts) {
    pthread_mutex_lock(&ts->inbox_lock);
    ts->reactions_waiting++;
    pthread_mutex_unlock(&ts->inbox_lock);
}

/*
 * The home is found in Runtime.homes under homes_lock, which thread_detach also takes before it
 * frees a state, so the target stays valid while its inbox_lock is taken. A home whose event loop
 * has ended (inbox_closed) hands the job to main, whose inbox never closes: if main is gone or
 * idle for good, the job just waits there until the process ends. The home's count drops in the
 * same inbox_lock section that appends the job: its loop sees one or the other [THR-16].
 *
 * `chain` (or undefined) is what the caller would like this job to hand on once it ran: it is
 * stored in *chain_slot only when the home is a spawned thread past its outcome, so only running
 * event-loop jobs, and never main or a thread still in its function, whose sync code may block
 * waiting for the very reaction held back [THR-15]. Decided under the home's inbox_lock, before
 * the job is visible to it.
 */
// Stores `chain` in *chain_slot when `home` only runs its event loop now; whether it did.
static bool chain_behind(const ThreadState *home, Value *chain_slot, Value chain) {
    if (chain == JS_UNDEFINED || !home->spawned || !load_acquire(&home->published)) return false;
    *chain_slot = chain;
    return true;
}

int job_deliver_reaction(ThreadState *ts, uint32_t home, Value job, Value argument, Value *chain_slot, Value chain) {
    if (home == ts->thread_id) {
        pthread_mutex_lock(&ts->inbox_lock);
        ts->reactions_waiting--;
        pthread_mutex_unlock(&ts->inbox_lock);
        bool chained = chain_behind(ts, chain_slot, chain);
        if (!job_enqueue(ts, job, argument)) return JOB_NOT_DELIVERED;
        return chained ? JOB_DELIVERED_CHAINED : JOB_DELIVERED;
    }
    CrossJob *cross = malloc(sizeof *cross);   // outside the locks: keeps them short
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->homes_lock);
    ThreadState *target = home < rt->homes_capacity ? rt->homes[home] : NULL;
    if (target) {
        pthread_mutex_lock(&target->inbox_lock);
        if (!target->inbox_closed) target->reactions_waiting--;
        else {
            pthread_mutex_unlock(&target->inbox_lock);
            target = NULL;
        }
    }
    if (!target) {
        target = rt->homes_capacity > 0 ? rt->homes[0] : NULL;
        if (target == ts || !target) {   // main settles a finished thread's reaction, or no main
            pthread_mutex_unlock(&rt->homes_lock);
            free(cross);
            return !target || job_enqueue(ts, job, argument) ? JOB_DELIVERED : JOB_NOT_DELIVERED;
        }
        pthread_mutex_lock(&target->inbox_lock);
    }
    bool chained = false;
    if (cross) {
        chained = chain_behind(target, chain_slot, chain);
        cross->next = NULL;
        cross->fn = job;
        cross->argument = argument;
        cross->reaction = true;
        if (target->inbox_tail) target->inbox_tail->next = cross;
        else store_relaxed(&target->inbox, cross);
        target->inbox_tail = cross;
        thread_unpark(target);
    }
    pthread_mutex_unlock(&target->inbox_lock);
    pthread_mutex_unlock(&rt->homes_lock);
    if (!cross) {
        error_throw_out_of_memory(ts);
        return JOB_NOT_DELIVERED;
    }
    return chained ? JOB_DELIVERED_CHAINED : JOB_DELIVERED;
}

// Takes the oldest posted job into *fn / *argument; false when the inbox is empty.
static bool inbox_pop(ThreadState *ts, Value *fn, Value *argument) {
    pthread_mutex_lock(&ts->inbox_lock);
    CrossJob *job = ts->inbox;
    if (job) {
        store_relaxed(&ts->inbox, job->next);
        if (!ts->inbox) ts->inbox_tail = NULL;
        *fn = job->fn;
        *argument = job->argument;
    }
    pthread_mutex_unlock(&ts->inbox_lock);
    free(job);
    return job != NULL;
}

// Like inbox_pop, but only when the oldest job is a delivered reaction.
static bool inbox_pop_reaction(ThreadState *ts, Value *fn, Value *argument) {
    pthread_mutex_lock(&ts->inbox_lock);
    CrossJob *job = ts->inbox;
    if (job && job->reaction) {
        store_relaxed(&ts->inbox, job->next);
        if (!ts->inbox) ts->inbox_tail = NULL;
        *fn = job->fn;
        *argument = job->argument;
    } else {
        job = NULL;
    }
    pthread_mutex_unlock(&ts->inbox_lock);
    free(job);
    return job != NULL;
}

// Frees the thread's timers and unrun posted jobs at thread exit (thread.c calls it before
// releasing the state).
void job_thread_release(ThreadState *ts) {
    while (ts->timers) {
        Timer *dead = ts->timers;
        ts->timers = dead->next;
        free(dead);
    }
    pthread_mutex_lock(&ts->inbox_lock);
    while (ts->inbox) {
        CrossJob *dead = ts->inbox;
        store_relaxed(&ts->inbox, dead->next);
        free(dead);
    }
    ts->inbox_tail = NULL;
    pthread_mutex_unlock(&ts->inbox_lock);
}

// Runs the earliest timer, which is due. An interval re-arms itself before its callback runs, so
// clearInterval inside the callback finds it.
static bool run_next_timer(ThreadState *ts) {
    Timer *timer = ts->timers;
    double now = now_ms();
    ts->timers = timer->next;
    Value callback = timer->callback, args = timer->args;
    if (timer->interval_ms > 0) {
        timer->due_ms = now + timer->interval_ms;
        timer_insert(ts, timer);
    } else {
        free(timer);
    }
    Value result;
    if (has_cell(args) && value_cell_type(args) == CELL_VALUES) {
        Values *list = value_to_cell(args);
        result = interp_call(ts, callback, JS_UNDEFINED, list->items, (int)list->count);
    } else {
        result = interp_call(ts, callback, JS_UNDEFINED, NULL, 0);
    }
    return !value_is_exception(result);
}

// ---- unhandled rejections ----

bool job_track_rejection(ThreadState *ts, Value promise) {
    Values *list = has_cell(ts->pending_rejections) ? value_to_cell(ts->pending_rejections) : NULL;
    if (!list) {
        list = values_new(ts, 4);
        if (!list) return false;
    }
    list = values_push(ts, list, promise);
    if (!list) return false;
    ts->pending_rejections = value_from_cell(list);
    return true;
}

// JSTHREADS_UNHANDLED_REJECTIONS=none turns reporting off, like node's
// --unhandled-rejections=none; test262 hosts need it (a test may leave a rejection unhandled).
static bool rejections_reported(void) {
    static int reported = -1;   // racing first reads compute and store the same answer
    int answer = load_relaxed(&reported);
    if (answer < 0) {
        const char *mode = getenv("JSTHREADS_UNHANDLED_REJECTIONS");
        answer = !(mode && strcmp(mode, "none") == 0);
        store_relaxed(&reported, answer);
    }
    return answer;
}

// Node reports a rejection as uncaught when no handler was attached by the time the microtask
// queue drains after the macrotask that rejected it. The first such reason becomes the pending
// exception; the caller prints it and exits.
static bool report_rejections(ThreadState *ts) {
    if (!has_cell(ts->pending_rejections)) return true;
    if (!rejections_reported()) {
        ts->pending_rejections = JS_UNDEFINED;
        return true;
    }
    Values *list = value_to_cell(ts->pending_rejections);
    ts->pending_rejections = JS_UNDEFINED;
    for (uint32_t i = 0; i < list->count; i++) {
        Value reason;
        PromiseObject *promise = value_to_cell(list->items[i]);
        if (!promise->is_handled && promise_inspect_state(list->items[i], &reason) == 2) {
            error_throw(ts, reason);
            return false;
        }
    }
    return true;
}

/*
 * One macrotask per iteration: a posted job first, else a due timer; microtasks drain after each
 * [THR-10]. With nothing runnable the thread parks until the next timer is due or a job is posted
 * (forever when no timer is left, which the deadlock detector counts [THR-6]). It is idle, and
 * the loop ends, when there is no timer, no posted job and no unmatched job_expect [THR-9], and
 * no reaction it registered is still waiting for a promise that another live thread may settle
 * [THR-16]. A spawned thread's loop ends for good: its inbox closes in the same inbox_lock
 * section that saw it idle, so a later reaction goes to main instead of being lost [THR-15].
 * until_completion: see job_run_until_completed.
 */
static bool run_loop(ThreadState *ts, bool until_completion) {
    char reason[64];
    for (;;) {
        // An interrupt (time limit, rt.interrupt()) ends the loop even with jobs still queued.
        if (safepoint_interrupted(ts)) {
            safepoint_throw_interrupt(ts);
            return false;
        }
        if (!job_run_microtasks(ts)) return false;
        if (!report_rejections(ts)) return false;
        if (until_completion && ts->completion_waits <= 0) return true;
        Value fn, argument;
        if (inbox_pop(ts, &fn, &argument)) {
            if (!run_job(ts, fn, argument)) return false;
            continue;
        }
        if (ts->timers && ts->timers->due_ms <= now_ms()) {
            if (!run_next_timer(ts)) return false;
            continue;
        }
        pthread_mutex_lock(&ts->inbox_lock);
        if (!ts->inbox) {
            if (!ts->timers && ts->jobs_expected == 0 && ts->reactions_waiting > 0 &&
                thread_await_others(ts)) {
                thread_park(ts, &ts->inbox_lock, "awaiting a promise", -1);
                pthread_mutex_unlock(&ts->inbox_lock);
                continue;
            }
            if (!ts->timers && ts->jobs_expected == 0) {
                if (until_completion) {   // nothing can end the waits any more (lost to OOM)
                    pthread_mutex_unlock(&ts->inbox_lock);
                    return true;
                }
                if (ts->thread_id != 0) ts->inbox_closed = true;
                pthread_mutex_unlock(&ts->inbox_lock);
                if (ts->thread_id == 0) thread_report_unobserved_failures(ts);
                return true;
            }
            snprintf(reason, sizeof reason, "event loop (waiting for %d async operation%s)",
                     ts->jobs_expected, ts->jobs_expected == 1 ? "" : "s");
            thread_park(ts, &ts->inbox_lock, ts->timers ? "event loop (timer)" : reason,
                        ts->timers ? ts->timers->due_ms : -1);
        }
        pthread_mutex_unlock(&ts->inbox_lock);
    }
}

bool job_run_event_loop(ThreadState *ts) {
    return run_loop(ts, false);
}

/*
 * The part of a spawned thread's event loop that runs before its outcome is published [THR-3]:
 * turns as above until no Condition.asyncWait it registered is still to be delivered
 * (completion_waits, touched only by this thread). Nothing else it awaits holds the outcome back.
 */
bool job_run_until_completed(ThreadState *ts) {
    return run_loop(ts, true);
}

void job_completion_wait(ThreadState *ts, int delta) {
    ts->completion_waits += delta;
}

void job_trace_thread(Marker *m, ThreadState *ts) {
    if (has_cell(ts->microtasks)) heap_mark_value(m, ts->microtasks);
    if (has_cell(ts->pending_rejections)) heap_mark_value(m, ts->pending_rejections);
    for (Timer *timer = ts->timers; timer; timer = timer->next) {
        heap_mark_value(m, timer->callback);
        heap_mark_value(m, timer->args);
    }
    // Posters are stopped at safepoints or blocked while the world is stopped, and job_post has
    // no safepoint inside its critical section, so the list is stable without inbox_lock.
    for (CrossJob *job = ts->inbox; job; job = job->next) {
        heap_mark_value(m, job->fn);
        heap_mark_value(m, job->argument);
    }
    if (has_cell(ts->thread_object)) heap_mark_value(m, ts->thread_object);
    if (has_cell(ts->thread_locals)) heap_mark_value(m, ts->thread_locals);
    // Runtime-wide, but marking twice is harmless and every collection reaches some thread.
    thread_records_trace(m, ts->rt);
    if (ts->rt->sync_roots) heap_mark_cell(m, ts->rt->sync_roots);   // [SYNC-2]
}
