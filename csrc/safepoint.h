/*
 * safepoint.h — stopping the world for the collector: the poll mutators run at safepoints, the
 * blocked-region API for threads that wait, and the stop/resume pair heap.c uses.
 * Implemented by safepoint.c, with the --gil global lock. Implements SP-1..SP-12 (specs/safepoints.md).
 * Nothing here allocates or throws. Polls, leave_blocked and registration may wait (for a
 * collection to end or, under --gil, for the GIL); entering a blocked region never waits.
 */
#ifndef JST_SAFEPOINT_H
#define JST_SAFEPOINT_H

#include <stdint.h>
#include "atomics.h"
#include "thread.h"

// ThreadState.safepoint_state. Each thread changes only its own state [SP-2].
typedef enum SafepointState {
    SP_DETACHED = 0,   // not registered: the collector neither waits for it nor scans it
    SP_RUNNING,        // may touch the heap; a stop waits until it parks or blocks
    SP_PARKED,         // stopped at a poll during a stop; roots recorded [SP-3]
    SP_BLOCKED,        // inside enter_blocked/leave_blocked; roots recorded, no heap access [SP-5]
} SafepointState;

void safepoint_poll_slow(ThreadState *ts);

/*
 * The safepoint poll: call at function entry, loop back edges and in long native loops [SP-6].
 * The fast path is one acquire load of the stop flag and one relaxed load of the GIL's yield
 * request (plus a read of the race seed, which is constant after start-up). The slow path parks
 * while a collection runs, hands the GIL to a thread that has waited a time slice [SP-11], and
 * under JSTHREADS_RACE it may yield or sleep. Heap pointers held anywhere on the thread's native stack
 * or in registers stay valid across it: the collector scans them conservatively [HEAP-7].
 */
static inline void safepoint_poll(ThreadState *ts) {
    Runtime *rt = ts->rt;
    if (__builtin_expect((load_acquire(&rt->stop_requested) | load_relaxed(&rt->gil_yield_request)) != 0 ||
                             rt->race_seed != 0, 0))
        safepoint_poll_slow(ts);
}

/*
 * Interrupts (the embedding API's rt.interrupt() and time limits). Any thread may request one on
 * any ThreadState; the interpreter's polls (loop back edges and function entry) test it right
 * after safepoint_poll and then throw safepoint_throw_interrupt's error. The request stays set
 * until the embedder clears it, so a catch block that loops is interrupted again at its next poll.
 * Between polls nothing is interrupted: a thread parked in a wait notices when it wakes.
 */
static inline bool safepoint_interrupted(ThreadState *ts) {
    return __builtin_expect(load_relaxed(&ts->interrupt_request) != 0, 0);
}
void safepoint_request_interrupt(ThreadState *target, int reason);
void safepoint_clear_interrupt(ThreadState *ts);
// Sets the pending exception for the thread's interrupt request; returns JS_EXCEPTION.
Value safepoint_throw_interrupt(ThreadState *ts);

/*
 * Around anything that may wait (a Lock or Condition wait, join, sleep, I/O, a call into Python):
 *     safepoint_enter_blocked(ts);  ...wait, touching no heap cell...  safepoint_leave_blocked(ts);
 * While blocked the thread counts as stopped, so a collection never waits for it [SP-5]; leaving
 * waits until a collection in progress ends. Pairs nest; only the outermost one acts. Between the
 * two calls the thread must not read or write heap cells, allocate, or create heap pointers.
 */
void safepoint_enter_blocked(ThreadState *ts);
void safepoint_leave_blocked(ThreadState *ts);

/*
 * pthread_cond_wait (deadline NULL) or pthread_cond_timedwait (deadline in cond's clock) as a
 * blocked thread: call with *mutex locked; returns with it locked and the thread RUNNING, 0 or
 * ETIMEDOUT (spurious returns happen: re-check the condition). Leaving the blocked state may wait
 * for a collection or, under --gil, for the GIL; this helper never waits for either while holding
 * *mutex, since a running thread may need *mutex before it can reach a safepoint [SP-5, SP-12].
 */
struct timespec;
int safepoint_cond_wait(ThreadState *ts, pthread_cond_t *cond, pthread_mutex_t *mutex,
                        const struct timespec *deadline);

// The --gil mode [SP-9..SP-12]: whether the calling thread holds the GIL (always false in
// --threads mode). For asserts and tests.
static inline bool safepoint_holds_gil(const ThreadState *ts) { return ts->gil_held; }

// Set-up (heap_init / heap_destroy call these) and registration (heap_thread_init /
// heap_thread_release call these) [SP-7].
bool safepoint_init(Runtime *rt);
void safepoint_destroy(Runtime *rt);
void safepoint_thread_register(ThreadState *ts);
void safepoint_thread_unregister(ThreadState *ts);

/*
 * The collector's side. safepoint_stop_the_world returns once every other registered thread is
 * parked or blocked, with ts holding the stop [SP-1, SP-4]; if another thread holds a stop, ts
 * parks first (its context must already be recorded). safepoint_resume_the_world ends the stop.
 */
void safepoint_stop_the_world(ThreadState *ts);
void safepoint_resume_the_world(ThreadState *ts);

/*
 * Records where the caller's live frames begin and copies the frame holding every callee-saved
 * register, so the collector can scan this thread conservatively while it is parked, blocked or
 * collecting [HEAP-7]. Use only through SAFEPOINT_RECORD_CONTEXT, at the top of a noinline
 * function: __builtin_unwind_init makes that function's prologue save all callee-saved
 * registers in its own frame, and __builtin_dwarf_cfa is the stack pointer of its caller.
 * A macro because both builtins must expand in the recording function's own frame.
 */
void safepoint_record_context(ThreadState *ts, uintptr_t caller_stack_pointer);
#define SAFEPOINT_RECORD_CONTEXT(ts)                                                   \
    do {                                                                               \
        __builtin_unwind_init();                                                       \
        safepoint_record_context((ts), (uintptr_t)__builtin_dwarf_cfa());             \
    } while (0)

#endif
