/*
 * job.c — the per-thread job machinery behind interp.h's job_* functions: the microtask FIFO,
 * timers on a monotonic clock, the event loop, and node-style unhandled-rejection reporting.
 * Everything here is owned by one ThreadState and touched only by its thread [INT-6]; it must not
 * reach into another thread's queues. Values held in malloc'd Timers are marked by
 * job_trace_thread, which heap.c calls for every thread.
 */
#include <time.h>
#include <errno.h>
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

bool job_enqueue(ThreadState *ts, Value fn, Value argument) {
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

bool job_run_microtasks(ThreadState *ts) {
    while (ts->microtask_count > 0) {
        Values *ring = value_to_cell(ts->microtasks);
        uint32_t pairs = ring->count / 2, slot = ts->microtask_head;
        Value fn = ring->items[2 * slot], argument = ring->items[2 * slot + 1];
        ring->items[2 * slot] = ring->items[2 * slot + 1] = JS_UNDEFINED;
        ts->microtask_head = (slot + 1) % pairs;
        ts->microtask_count--;
        if (!run_job(ts, fn, argument)) return false;
    }
    return true;
}

// ---- timers ----

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

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

// Frees the thread's timers at thread exit (threads.c calls it before releasing the state).
void job_thread_release(ThreadState *ts) {
    while (ts->timers) {
        Timer *dead = ts->timers;
        ts->timers = dead->next;
        free(dead);
    }
}

static void sleep_ms(double ms) {
    struct timespec t;
    t.tv_sec = (time_t)(ms / 1000.0);
    t.tv_nsec = (long)((ms - (double)t.tv_sec * 1000.0) * 1e6);
    while (nanosleep(&t, &t) == -1 && errno == EINTR) {}
}

// Runs the earliest timer, sleeping until it is due. An interval re-arms itself before its
// callback runs, so clearInterval inside the callback finds it.
static bool run_next_timer(ThreadState *ts) {
    Timer *timer = ts->timers;
    double now = now_ms();
    if (timer->due_ms > now) {
        // Sleeping touches no heap cell, so the thread counts as stopped meanwhile [SP-5].
        safepoint_enter_blocked(ts);
        sleep_ms(timer->due_ms - now);
        safepoint_leave_blocked(ts);
        now = now_ms();
    }
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

bool job_run_event_loop(ThreadState *ts) {
    for (;;) {
        if (!job_run_microtasks(ts)) return false;
        if (!report_rejections(ts)) return false;
        if (!ts->timers) return true;
        if (!run_next_timer(ts)) return false;
    }
}

void job_trace_thread(Marker *m, ThreadState *ts) {
    if (has_cell(ts->microtasks)) heap_mark_value(m, ts->microtasks);
    if (has_cell(ts->pending_rejections)) heap_mark_value(m, ts->pending_rejections);
    for (Timer *timer = ts->timers; timer; timer = timer->next) {
        heap_mark_value(m, timer->callback);
        heap_mark_value(m, timer->args);
    }
}
