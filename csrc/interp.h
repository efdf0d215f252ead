/*
 * interp.h — running JS: calling and constructing any callable from native code, running a
 * compiled script, the job (microtask) queue and timers, and creating function objects.
 * Implemented by interp.c (dispatch loop, frames), function.c (function objects) and job.c.
 * Natives that call back into JS go through interp_call/interp_construct, which re-enter the
 * dispatch loop with a depth limit: exhausting it throws a RangeError [INT-4].
 */
#ifndef JST_INTERP_H
#define JST_INTERP_H

#include "value.h"
#include "object.h"
#include "thread.h"

// [[Call]] / [[Construct]] of any value; TypeError "x is not a function" when not callable.
Value interp_call(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc);
Value interp_construct(ThreadState *ts, Value fn, const Value *args, int argc, Value new_target);
// Runs a top-level script Code cell with `this` = the global object; returns the completion value.
Value interp_run_script(ThreadState *ts, Value code);

// Jobs [INT-6]: a microtask is a (function, argument) pair called with this = undefined.
bool job_enqueue(ThreadState *ts, Value fn, Value argument);
// Runs microtasks until the queue is empty; false if a job threw (the exception is pending and
// the remaining jobs stay queued).
bool job_run_microtasks(ThreadState *ts);
// Timers: schedule fn(args...) after delay_ms; returns the timer id.
uint32_t job_add_timer(ThreadState *ts, Value fn, double delay_ms, Value args_values);
void job_clear_timer(ThreadState *ts, uint32_t id);
// Runs the event loop until no microtask or timer is left. False if a job threw.
bool job_run_event_loop(ThreadState *ts);
// setInterval: like job_add_timer, but the timer re-arms itself every interval_ms until cleared.
uint32_t job_add_interval(ThreadState *ts, Value fn, double interval_ms, Value args_values);
// HostPromiseRejectionTracker(promise, "reject"): a promise was rejected with no handler. At the
// end of the macrotask turn, job_run_event_loop reports it as uncaught unless a handler was added.
bool job_track_rejection(ThreadState *ts, Value promise);
// Marks the thread's queued jobs, timers and tracked rejections; heap.c calls it for every thread.
void job_trace_thread(Marker *m, ThreadState *ts);
// Frees the thread's timers; threads.c calls it when a thread detaches.
void job_thread_release(ThreadState *ts);
// Cross-thread jobs [THR-8]. The calling thread starts an async operation whose completion
// another thread will post: its event loop stays alive (waiting, parked) until the matching job_post.
void job_expect(ThreadState *ts);
// From any thread: queue (fn, argument) as a job on target's event loop (run like a microtask
// turn, on target's thread), wake it, and end one job_expect. Values are kept alive until run.
bool job_post(ThreadState *poster, ThreadState *target, Value fn, Value argument);
// Promise reactions run on their home thread, the one that registered them [THR-15, THR-16].
// The home registered a reaction on a pending promise: its event loop waits for it while another
// thread is live. Call on the home thread.
void job_reaction_registered(ThreadState *ts);
// From the settling thread: runs (job, argument) on thread `home` (by Thread id) — as a
// microtask when home is the caller, else posted to home's inbox, or to main's when home's loop
// has ended — and ends one job_reaction_registered of home. False (exception pending) on OOM.
enum { JOB_NOT_DELIVERED, JOB_DELIVERED, JOB_DELIVERED_CHAINED };
int job_deliver_reaction(ThreadState *ts, uint32_t home, Value job, Value argument, Value *chain_slot, Value chain);
// A spawned thread's turns before its outcome is published: runs its event loop until no
// completion wait (job_completion_wait) is left [THR-3]. False with the exception pending.
bool job_run_until_completed(ThreadState *ts);
// On ts's own thread: one more (+1) or one fewer (-1) Condition.asyncWait to deliver first.
void job_completion_wait(ThreadState *ts, int delta);
// job_post, except that a spawned target whose outcome is published hands the job (and the
// expectation) to main, as the notes deliver a finished thread's grants [SYNC-6].
bool job_post_or_main(ThreadState *poster, ThreadState *target, Value fn, Value argument);

// Function objects (function.c).
// A native function object with own `length` and `name` and %Function.prototype% as prototype.
Value function_new_native(ThreadState *ts, NativeFn fn, const char *name, int length, int magic,
                          uint16_t flags);
// Same, with a name given as a Value (a String, or a Symbol for "[desc]" names).
Value function_new_native_named(ThreadState *ts, NativeFn fn, Value name, int length, int magic,
                                uint16_t flags);
// A closure over `code` in `env` (interp.c calls this for the CLOSURE opcode).
Value function_new_closure(ThreadState *ts, Value code, Value env, Value home_object);
// SetFunctionName for computed names (symbols become "[description]", with "get "/"set " prefix).
int function_set_name(ThreadState *ts, Value fn, Value name, const char *prefix);
// The realm's prototype for new objects made by `constructor` (GetPrototypeFromConstructor).
Value function_prototype_for(ThreadState *ts, Value new_target, Intrinsic fallback);

bool function_is_constructor(Value fn);
// True for class constructors (console.log prints them as [class X]).
bool function_is_class(Value fn);
// The source text of a bytecode function (Function.prototype.toString), or undefined.
Value function_source_text(ThreadState *ts, Value fn);
// "    at f (file:line:col)" lines of the current JS stack, innermost first, skipping `skip` frames.
Value interp_stack_trace(ThreadState *ts, int skip);
// Indirect eval: compiles and runs source as global code (used by the global eval function).
Value interp_indirect_eval(ThreadState *ts, Value source);

#endif
