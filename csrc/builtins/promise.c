/*
 * builtins/promise.c — Promise (ES2020 §25.6, plus Promise.any from ES2021) and the C helpers that
 * async functions use. Reactions and thenable adoptions run as microtasks queued on the owning
 * thread through job.c; a promise rejected without a handler is reported to job.c's tracker
 * (HostPromiseRejectionTracker), which turns it into node's uncaught error at the end of the turn.
 * A capability made for %Promise% itself skips the resolving-function objects when no user code
 * can see them (then, Promise.resolve/reject): the promise is settled directly, unobservably.
 * Any thread may settle a promise or call then on it [INT-13]: state changes happen under a
 * per-promise lock (striped) that is never held across an allocation, and every reaction runs
 * on its home thread, the one that registered it (then, await, the combinators' internal thens):
 * a settle on another thread posts it there through job.c, and the reactions of one promise run
 * in registration order even across threads (see deliver) [THR-15].
 */
#include <pthread.h>
#include "builtins.h"
#include "atomics.h"

enum { PROMISE_PENDING, PROMISE_FULFILLED, PROMISE_REJECTED };

// Internal jobs (see job.c): a CELL_VALUES record whose items[0] is the kind.
// Reaction: [kind, source promise, capability promise, resolve, reject, on_fulfilled, on_rejected,
//            next reaction of the same pending promise (newest first) or undefined,
//            home: the Thread id of the thread that registered it, as an int,
//            chain: the reactions after it (oldest first) that it delivers once it ran, or
//            undefined (see deliver)]
// Thenable: [kind, promise to resolve, thenable, then]
enum { JOB_REACTION, JOB_THENABLE };
enum { REACTION_NEXT = 7, REACTION_HOME = 8, REACTION_CHAIN = 9, REACTION_SIZE = 10 };

/*
 * The lock guarding a promise's state, result, reactions and is_handled [INT-13]. Striped by
 * address (the collector never moves cells): a promise needs no lock field, and two promises
 * sharing a stripe only ever wait for each other's few stores. Held only around plain loads and
 * stores, never across an allocation or a safepoint [SP-5], so waiting for it is not blocking.
 */
#define PROMISE_LOCK_STRIPES 64
static pthread_mutex_t promise_locks[PROMISE_LOCK_STRIPES] = {
    [0 ... PROMISE_LOCK_STRIPES - 1] = PTHREAD_MUTEX_INITIALIZER,
};
static pthread_mutex_t *promise_lock(const PromiseObject *p) {
    return &promise_locks[((uintptr_t)p >> 4) % PROMISE_LOCK_STRIPES];
}

typedef struct Capability {
    Value promise, resolve, reject;   // resolve/reject undefined: settle promise directly
} Capability;

static bool is_promise(Value v) { return value_cell_type(v) == CELL_PROMISE; }
static PromiseObject *as_promise(Value v) { return (PromiseObject *)value_to_cell(v); }
static NativeFunction *callee(ThreadState *ts) { return (NativeFunction *)value_to_cell(ts->callee); }

static Values *record_new(ThreadState *ts, const Value *items, uint32_t count) {
    Values *record = values_new(ts, count);
    if (!record) return NULL;
    for (uint32_t i = 0; i < count; i++) record->items[i] = items[i];
    record->count = count;
    return record;
}

static Value promise_alloc(ThreadState *ts, Value prototype) {
    PromiseObject *p = object_alloc(ts, sizeof(PromiseObject), CELL_PROMISE, prototype);
    if (!p) return JS_EXCEPTION;
    p->result = JS_UNDEFINED;
    p->reactions = JS_UNDEFINED;
    p->state = PROMISE_PENDING;
    p->is_handled = false;
    p->delivering = false;
    return value_from_cell(p);
}

Value promise_new(ThreadState *ts) {
    return promise_alloc(ts, realm_intrinsic(ts, INTRINSIC_PROMISE_PROTOTYPE));
}

int promise_inspect_state(Value p, Value *result) {
    PromiseObject *promise = as_promise(p);
    // The state is published after the result (release), so read it first [INT-13].
    int state = load_acquire(&promise->state);
    *result = state == PROMISE_PENDING ? JS_UNDEFINED : load_relaxed(&promise->result);
    return state;
}

void promise_trace(Marker *m, Cell *cell) {
    PromiseObject *p = (PromiseObject *)cell;
    object_trace(m, cell);
    heap_mark_value(m, p->result);
    heap_mark_value(m, p->reactions);
}

// ---- settling ----

// Turns a detached reaction list (newest first) around, in place: no other thread can see these
// links any more.
static Value oldest_first(Value reactions) {
    Value previous = JS_UNDEFINED;
    while (value_cell_type(reactions) == CELL_VALUES) {
        Values *reaction = value_to_cell(reactions);
        Value next = reaction->items[REACTION_NEXT];
        reaction->items[REACTION_NEXT] = previous;
        previous = reactions;
        reactions = next;
    }
    return previous;
}

static uint32_t reaction_home(Value r) {
    return (uint32_t)value_to_int(((Values *)value_to_cell(r))->items[REACTION_HOME]);
}

/*
 * Delivers reactions (oldest first) of the settled promise `promise`, each to the thread that
 * registered it [INT-13, THR-15], and then the ones registered meanwhile (`delivering`). One
 * home runs its jobs in order. Across homes, a reaction whose home is a spawned thread that only
 * runs its event loop now (past its outcome) takes the rest with it (REACTION_CHAIN) and its home
 * delivers them once it ran it (promise_job_run), so main's later reaction does not overtake it.
 * Any other home gets the rest at once: holding a reaction behind a thread still in sync code
 * could wait forever on one that blocks for it (corpus/threads/reaction_never_waits_on_blocked_home.js).
 * The promise stays `delivering` until the last one went out.
 */
static bool deliver(ThreadState *ts, Value promise, Value reactions, Value value) {
    PromiseObject *p = as_promise(promise);
    pthread_mutex_t *lock = promise_lock(p);
    for (;;) {
        for (Value r = reactions; value_cell_type(r) == CELL_VALUES;) {
            Values *reaction = value_to_cell(r);
            Value next = reaction->items[REACTION_NEXT];
            reaction->items[REACTION_NEXT] = JS_UNDEFINED;
            bool other_home = value_cell_type(next) == CELL_VALUES && reaction_home(next) != reaction_home(r);
            int delivered = job_deliver_reaction(ts, reaction_home(r), r, value, &reaction->items[REACTION_CHAIN],
                                                 other_home ? next : JS_UNDEFINED);
            if (delivered == JOB_NOT_DELIVERED) {
                pthread_mutex_lock(lock);
                p->delivering = false;
                pthread_mutex_unlock(lock);
                return false;
            }
            if (delivered == JOB_DELIVERED_CHAINED) return true;
            r = next;
        }
        pthread_mutex_lock(lock);
        reactions = p->reactions;
        p->reactions = JS_UNDEFINED;
        if (value_cell_type(reactions) != CELL_VALUES) p->delivering = false;
        pthread_mutex_unlock(lock);
        if (value_cell_type(reactions) != CELL_VALUES) return true;
        reactions = oldest_first(reactions);
    }
}

// Exactly one settle of a promise wins, whatever the threads [INT-13]: the winner detaches the
// reactions under the lock and delivers them; every later then sees the state.
static bool settle(ThreadState *ts, Value promise, Value value, int state) {
    PromiseObject *p = as_promise(promise);
    pthread_mutex_t *lock = promise_lock(p);
    pthread_mutex_lock(lock);
    if (p->state != PROMISE_PENDING) {
        pthread_mutex_unlock(lock);
        return true;
    }
    Value reactions = p->reactions;
    p->reactions = JS_UNDEFINED;
    store_relaxed(&p->result, value);
    store_release(&p->state, (uint8_t)state);
    bool handled = p->is_handled;
    p->delivering = true;
    pthread_mutex_unlock(lock);
    if (state == PROMISE_REJECTED && !handled && !job_track_rejection(ts, promise)) {
        pthread_mutex_lock(lock);
        p->delivering = false;
        pthread_mutex_unlock(lock);
        return false;
    }
    // Reactions registered while the delivery goes on join the list (perform_then) and are
    // delivered after the ones before them: every reaction of one promise reaches its home in
    // registration order, wherever it registered [THR-15].
    return deliver(ts, promise, oldest_first(reactions), value);
}

bool promise_reject_value(ThreadState *ts, Value promise, Value reason) {
    return settle(ts, promise, reason, PROMISE_REJECTED);
}

bool promise_resolve_value(ThreadState *ts, Value promise, Value resolution) {
    if (resolution == promise) {
        Value message = string_from_cstr(ts, "Chaining cycle detected for promise #<Promise>");
        if (value_is_exception(message)) return false;
        Value error = error_new(ts, ERROR_TYPE, message);
        if (value_is_exception(error)) return false;
        return settle(ts, promise, error, PROMISE_REJECTED);
    }
    if (!value_is_object(resolution)) return settle(ts, promise, resolution, PROMISE_FULFILLED);
    Value then = ops_get(ts, resolution, ATOM(ts, then));
    if (value_is_exception(then)) return settle(ts, promise, error_take(ts), PROMISE_REJECTED);
    if (!ops_is_callable(then)) return settle(ts, promise, resolution, PROMISE_FULFILLED);
    Value items[] = {value_from_int(JOB_THENABLE), promise, resolution, then};
    Values *job = record_new(ts, items, 4);
    return job && job_enqueue(ts, value_from_cell(job), JS_UNDEFINED);
}

// The resolve (magic 0) and reject (magic 1) functions of CreateResolvingFunctions:
// data[0] the promise, data[1] the shared [[AlreadyResolved]] record.
static Value resolving_function(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    NativeFunction *f = callee(ts);
    Values *already = value_to_cell(f->data[1]);
    // Two threads calling the pair at once: the CAS lets exactly one through [INT-13].
    Value expected = JS_FALSE;
    if (!cas_acq_rel(&already->items[0], &expected, JS_TRUE)) return JS_UNDEFINED;
    Value v = builtin_arg(args, argc, 0);
    bool ok = magic == 0 ? promise_resolve_value(ts, f->data[0], v) : promise_reject_value(ts, f->data[0], v);
    return ok ? JS_UNDEFINED : JS_EXCEPTION;
}

static bool create_resolving_functions(ThreadState *ts, Value promise, Value *resolve, Value *reject) {
    Value no = JS_FALSE;
    Values *already = record_new(ts, &no, 1);
    if (!already) return false;
    Value already_value = value_from_cell(already);
    *resolve = function_new_native(ts, resolving_function, "", 1, 0, 0);
    if (value_is_exception(*resolve)) return false;
    NativeFunction *f = value_to_cell(*resolve);
    f->data[0] = promise;
    f->data[1] = already_value;
    *reject = function_new_native(ts, resolving_function, "", 1, 1, 0);
    if (value_is_exception(*reject)) return false;
    f = value_to_cell(*reject);
    f->data[0] = promise;
    f->data[1] = already_value;
    return true;
}

// ---- capabilities ----

// GetCapabilitiesExecutor: data[0] is a [resolve, reject] record.
static Value capability_executor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Values *record = value_to_cell(callee(ts)->data[0]);
    if (record->items[0] != JS_UNDEFINED || record->items[1] != JS_UNDEFINED)
        return error_throw_type(ts, "Promise executor has already been invoked with non-undefined arguments");
    record->items[0] = builtin_arg(args, argc, 0);
    record->items[1] = builtin_arg(args, argc, 1);
    return JS_UNDEFINED;
}

// NewPromiseCapability(C). With functions = false and C = %Promise%, no resolving functions are
// made: nothing but this file can reach them, so settling directly is indistinguishable.
static bool new_capability(ThreadState *ts, Value constructor, Capability *cap, bool functions) {
    cap->resolve = cap->reject = JS_UNDEFINED;
    if (!functions && constructor == realm_intrinsic(ts, INTRINSIC_PROMISE)) {
        cap->promise = promise_new(ts);
        return !value_is_exception(cap->promise);
    }
    if (!ops_is_constructor(constructor)) {
        error_throw_type(ts, "%V is not a constructor", constructor);
        return false;
    }
    Value empty[2] = {JS_UNDEFINED, JS_UNDEFINED};
    Values *record = record_new(ts, empty, 2);
    if (!record) return false;
    Value record_value = value_from_cell(record);
    Value executor = function_new_native(ts, capability_executor, "", 2, 0, 0);
    if (value_is_exception(executor)) return false;
    ((NativeFunction *)value_to_cell(executor))->data[0] = record_value;
    cap->promise = interp_construct(ts, constructor, &executor, 1, constructor);
    if (value_is_exception(cap->promise)) return false;
    if (!ops_is_callable(record->items[0]) || !ops_is_callable(record->items[1])) {
        error_throw_type(ts, "Promise resolve or reject function is not callable");
        return false;
    }
    cap->resolve = record->items[0];
    cap->reject = record->items[1];
    return true;
}

static bool capability_settle(ThreadState *ts, const Capability *cap, Value v, bool reject) {
    if (cap->resolve == JS_UNDEFINED)
        return reject ? promise_reject_value(ts, cap->promise, v) : promise_resolve_value(ts, cap->promise, v);
    Value fn = reject ? cap->reject : cap->resolve;
    return !value_is_exception(interp_call(ts, fn, JS_UNDEFINED, &v, 1));
}

// IfAbruptRejectPromise: the pending exception rejects the capability's promise.
static Value reject_abrupt(ThreadState *ts, const Capability *cap) {
    Value error = error_take(ts);
    if (!capability_settle(ts, cap, error, true)) return JS_EXCEPTION;
    return cap->promise;
}

// ---- then and jobs ----

static bool perform_then(ThreadState *ts, Value promise, Value on_fulfilled, Value on_rejected,
                         const Capability *cap) {
    if (!ops_is_callable(on_fulfilled)) on_fulfilled = JS_UNDEFINED;
    if (!ops_is_callable(on_rejected)) on_rejected = JS_UNDEFINED;
    Value items[] = {value_from_int(JOB_REACTION), promise, cap ? cap->promise : JS_UNDEFINED,
                     cap ? cap->resolve : JS_UNDEFINED, cap ? cap->reject : JS_UNDEFINED,
                     on_fulfilled, on_rejected, JS_UNDEFINED, value_from_int((int32_t)ts->thread_id),
                     JS_UNDEFINED};
    Values *reaction = record_new(ts, items, REACTION_SIZE);
    if (!reaction) return false;
    // Allocated above; under the lock only links and flags change [INT-13].
    PromiseObject *p = as_promise(promise);
    pthread_mutex_t *lock = promise_lock(p);
    pthread_mutex_lock(lock);
    // While a settle is still delivering, a new reaction queues behind the delivered ones.
    bool pending = p->state == PROMISE_PENDING || p->delivering;
    if (pending) {
        reaction->items[REACTION_NEXT] = p->reactions;
        p->reactions = value_from_cell(reaction);
    }
    Value result = p->result;
    p->is_handled = true;
    pthread_mutex_unlock(lock);
    // A settle on another thread may already have delivered it and dropped the count below zero
    // for a moment; only this thread's own event loop reads the count, and it is here [THR-16].
    if (pending) job_reaction_registered(ts);
    // On a settled promise the reaction's home is this thread: a plain microtask.
    return pending || job_enqueue(ts, value_from_cell(reaction), result);
}

bool promise_then_native(ThreadState *ts, Value promise, Value on_fulfilled, Value on_rejected) {
    return perform_then(ts, promise, on_fulfilled, on_rejected, NULL);
}

bool promise_then_into(ThreadState *ts, Value promise, Value on_fulfilled, Value on_rejected, Value result) {
    // Only engine code sees `result`, so it is settled directly, with no resolving functions.
    Capability cap = {result, JS_UNDEFINED, JS_UNDEFINED};
    return perform_then(ts, promise, on_fulfilled, on_rejected, &cap);
}

static bool run_reaction(ThreadState *ts, Values *job, Value argument) {
    bool rejected = load_acquire(&as_promise(job->items[1])->state) == PROMISE_REJECTED;
    Value handler = job->items[rejected ? 6 : 5];
    Capability cap = {job->items[2], job->items[3], job->items[4]};
    Value result = argument;
    if (handler != JS_UNDEFINED) {
        result = interp_call(ts, handler, JS_UNDEFINED, &argument, 1);
        rejected = value_is_exception(result);
        if (rejected) {
            // Without a capability (await) a handler never throws by design; if one does,
            // the job fails and the host reports it.
            if (cap.promise == JS_UNDEFINED) return false;
            result = error_take(ts);
        }
    }
    if (cap.promise == JS_UNDEFINED) return true;
    return capability_settle(ts, &cap, result, rejected);
}

static bool run_thenable(ThreadState *ts, Values *job) {
    Value promise = job->items[1], thenable = job->items[2], then = job->items[3];
    Value fns[2];
    if (!create_resolving_functions(ts, promise, &fns[0], &fns[1])) return false;
    if (!value_is_exception(interp_call(ts, then, thenable, fns, 2))) return true;
    Value error = error_take(ts);
    return !value_is_exception(interp_call(ts, fns[1], JS_UNDEFINED, &error, 1));
}

uint32_t promise_pending_reaction_count(Value promise) {
    PromiseObject *p = as_promise(promise);
    pthread_mutex_t *lock = promise_lock(p);
    uint32_t count = 0;
    pthread_mutex_lock(lock);   // the list only changes under it, and the walk allocates nothing
    if (p->state == PROMISE_PENDING)
        for (Value r = p->reactions; value_cell_type(r) == CELL_VALUES; r = ((Values *)value_to_cell(r))->items[REACTION_NEXT])
            count++;
    pthread_mutex_unlock(lock);
    return count;
}

bool promise_job_run(ThreadState *ts, Value job, Value argument) {
    Values *record = value_to_cell(job);
    if (value_to_int(record->items[0]) == JOB_THENABLE) return run_thenable(ts, record);
    bool ok = run_reaction(ts, record, argument);
    Value chain = record->items[REACTION_CHAIN];
    if (value_cell_type(chain) != CELL_VALUES) return ok;
    // This reaction ran: the next ones of its promise may go now, whatever it did [THR-15].
    record->items[REACTION_CHAIN] = JS_UNDEFINED;
    Value pending_exception = ok ? JS_HOLE : error_take(ts);
    bool delivered = deliver(ts, record->items[1], chain, argument);
    if (!ok) {
        if (delivered) error_throw(ts, pending_exception);
        return false;
    }
    return delivered;
}

// ---- the constructor and prototype methods ----

static Value Promise_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value new_target = ts->new_target;
    if (new_target == JS_UNDEFINED)
        return error_throw_type(ts, "Promise constructor cannot be invoked without 'new'");
    Value executor = builtin_arg(args, argc, 0);
    if (!ops_is_callable(executor)) return error_throw_type(ts, "Promise resolver %V is not a function", executor);
    Value prototype = function_prototype_for(ts, new_target, INTRINSIC_PROMISE_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    Value promise = promise_alloc(ts, prototype);
    if (value_is_exception(promise)) return JS_EXCEPTION;
    Value fns[2];
    if (!create_resolving_functions(ts, promise, &fns[0], &fns[1])) return JS_EXCEPTION;
    if (value_is_exception(interp_call(ts, executor, JS_UNDEFINED, fns, 2))) {
        Value error = error_take(ts);
        if (value_is_exception(interp_call(ts, fns[1], JS_UNDEFINED, &error, 1))) return JS_EXCEPTION;
    }
    return promise;
}

static Value Promise_prototype_then(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!is_promise(self))
        return error_throw_type(ts, "Method Promise.prototype.then called on incompatible receiver %V", self);
    Value constructor = ops_species_constructor(ts, self, realm_intrinsic(ts, INTRINSIC_PROMISE));
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    Capability cap;
    if (!new_capability(ts, constructor, &cap, false)) return JS_EXCEPTION;
    if (!perform_then(ts, self, builtin_arg(args, argc, 0), builtin_arg(args, argc, 1), &cap))
        return JS_EXCEPTION;
    return cap.promise;
}

// Invoke(promise, "then", args).
static Value invoke_then(ThreadState *ts, Value promise, const Value *args, int argc) {
    Value then = ops_get(ts, promise, ATOM(ts, then));
    if (value_is_exception(then)) return JS_EXCEPTION;
    return interp_call(ts, then, promise, args, argc);
}

static Value Promise_prototype_catch(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value then_args[2] = {JS_UNDEFINED, builtin_arg(args, argc, 0)};
    return invoke_then(ts, self, then_args, 2);
}

// PromiseResolve(C, x).
static Value promise_resolve_with(ThreadState *ts, Value constructor, Value x) {
    if (is_promise(x)) {
        Value x_constructor = ops_get(ts, x, ATOM(ts, constructor));
        if (value_is_exception(x_constructor)) return JS_EXCEPTION;
        if (x_constructor == constructor) return x;
    }
    Capability cap;
    if (!new_capability(ts, constructor, &cap, false)) return JS_EXCEPTION;
    if (!capability_settle(ts, &cap, x, false)) return JS_EXCEPTION;
    return cap.promise;
}

Value promise_resolve(ThreadState *ts, Value v) {
    return promise_resolve_with(ts, realm_intrinsic(ts, INTRINSIC_PROMISE), v);
}

// The closures of Promise.prototype.finally. Then/catch finally: data[0] onFinally, data[1] C.
// Value thunk (magic 0) / thrower (magic 1): data[0] the value or reason.
static Value finally_thunk(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc;
    Value v = callee(ts)->data[0];
    return magic == 0 ? v : error_throw(ts, v);
}

static Value finally_reaction(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    NativeFunction *f = callee(ts);
    Value on_finally = f->data[0], constructor = f->data[1], v = builtin_arg(args, argc, 0);
    Value result = interp_call(ts, on_finally, JS_UNDEFINED, NULL, 0);
    if (value_is_exception(result)) return JS_EXCEPTION;
    Value promise = promise_resolve_with(ts, constructor, result);
    if (value_is_exception(promise)) return JS_EXCEPTION;
    Value thunk = function_new_native(ts, finally_thunk, "", 0, magic, 0);
    if (value_is_exception(thunk)) return JS_EXCEPTION;
    ((NativeFunction *)value_to_cell(thunk))->data[0] = v;
    return invoke_then(ts, promise, &thunk, 1);
}

static Value Promise_prototype_finally(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self))
        return error_throw_type(ts, "Method Promise.prototype.finally called on incompatible receiver %V", self);
    Value constructor = ops_species_constructor(ts, self, realm_intrinsic(ts, INTRINSIC_PROMISE));
    if (value_is_exception(constructor)) return JS_EXCEPTION;
    Value on_finally = builtin_arg(args, argc, 0);
    Value then_args[2] = {on_finally, on_finally};
    if (ops_is_callable(on_finally)) {
        for (int i = 0; i < 2; i++) {
            then_args[i] = function_new_native(ts, finally_reaction, "", 1, i, 0);
            if (value_is_exception(then_args[i])) return JS_EXCEPTION;
            NativeFunction *f = value_to_cell(then_args[i]);
            f->data[0] = on_finally;
            f->data[1] = constructor;
        }
    }
    return invoke_then(ts, self, then_args, 2);
}

// ---- statics ----

static Value Promise_resolve(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self)) return error_throw_type(ts, "PromiseResolve called on non-object");
    return promise_resolve_with(ts, self, builtin_arg(args, argc, 0));
}

static Value Promise_reject(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self)) return error_throw_type(ts, "PromiseReject called on non-object");
    Capability cap;
    if (!new_capability(ts, self, &cap, false)) return JS_EXCEPTION;
    if (!capability_settle(ts, &cap, builtin_arg(args, argc, 0), true)) return JS_EXCEPTION;
    return cap.promise;
}

/*
 * Promise.all / allSettled / any / race share one loop (magic selects). The element functions
 * share a state record: [boxes (a Values), remaining count, capability promise, resolve,
 * reject]. Each element has a box [value or error, already called] that its element function
 * (both functions of an allSettled pair) holds in data[1]: element functions may run on several
 * threads while the loop still grows the list of boxes, so they write only their own box, which
 * never moves; the caller that brings the count to zero reads the boxes [INT-13].
 */
enum { COMBINE_ALL, COMBINE_ALL_SETTLED, COMBINE_ANY, COMBINE_RACE };
enum { STATE_VALUES, STATE_REMAINING, STATE_PROMISE, STATE_RESOLVE, STATE_REJECT, STATE_SIZE };

// Adds delta to the remaining count and returns the new count. Element functions of one
// combinator normally run on the thread that called it (their reactions go home [THR-15]), but
// a custom `then` may call them from any thread, so the update is a CAS loop: no decrement is
// lost and exactly one caller sees zero [INT-13].
static int32_t remaining_add(Values *state, int32_t delta) {
    Value old = load_relaxed(&state->items[STATE_REMAINING]);
    for (;;) {
        int32_t now = value_to_int(old) + delta;
        if (cas_acq_rel(&state->items[STATE_REMAINING], &old, value_from_int(now))) return now;
    }
}

// Decrements the remaining count; at zero settles the capability with the collected list.
static Value combine_finish_if_done(ThreadState *ts, Values *state, bool any) {
    if (remaining_add(state, -1) > 0) return JS_UNDEFINED;
    Values *boxes = value_to_cell(state->items[STATE_VALUES]);
    Values *list = values_new(ts, boxes->count ? boxes->count : 1);
    if (!list) return JS_EXCEPTION;
    for (uint32_t i = 0; i < boxes->count; i++)
        list->items[i] = ((Values *)value_to_cell(boxes->items[i]))->items[0];
    list->count = boxes->count;
    Value array = array_from_values(ts, list->items, list->count);
    if (value_is_exception(array)) return JS_EXCEPTION;
    if (!any) return interp_call(ts, state->items[STATE_RESOLVE], JS_UNDEFINED, &array, 1);
    Value message = string_from_cstr(ts, "All promises were rejected");
    if (value_is_exception(message)) return JS_EXCEPTION;
    Value error = error_new(ts, ERROR_AGGREGATE, message);
    if (value_is_exception(error)) return JS_EXCEPTION;
    if (object_define_value(ts, error, ATOM(ts, errors), array, PROP_HIDDEN) < 0) return JS_EXCEPTION;
    return interp_call(ts, state->items[STATE_REJECT], JS_UNDEFINED, &error, 1);
}

// magic: COMBINE_ALL (resolve element), COMBINE_ANY (reject element), or for allSettled
// COMBINE_ALL_SETTLED (fulfilled) / COMBINE_RACE reused as "rejected".
static Value combine_element(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    NativeFunction *f = callee(ts);
    Values *state = value_to_cell(f->data[0]);
    Value x = builtin_arg(args, argc, 0);
    Values *box = value_to_cell(f->data[1]);
    // [[AlreadyCalled]]: the exchange lets one call through even when two threads race.
    if (exchange_acq_rel(&box->items[1], JS_TRUE) == JS_TRUE) return JS_UNDEFINED;
    if (magic == COMBINE_ALL_SETTLED || magic == COMBINE_RACE) {
        Value entry = object_new_plain(ts);
        if (value_is_exception(entry)) return JS_EXCEPTION;
        bool fulfilled = magic == COMBINE_ALL_SETTLED;
        Value status = string_from_cstr(ts, fulfilled ? "fulfilled" : "rejected");
        if (value_is_exception(status)) return JS_EXCEPTION;
        Value status_key = atom_from_cstr(ts, "status");
        Value value_key = atom_from_cstr(ts, fulfilled ? "value" : "reason");
        if (value_is_exception(status_key) || value_is_exception(value_key)) return JS_EXCEPTION;
        if (object_define_value(ts, entry, status_key, status, PROP_DEFAULT) < 0 ||
            object_define_value(ts, entry, value_key, x, PROP_DEFAULT) < 0)
            return JS_EXCEPTION;
        x = entry;
    }
    store_relaxed(&box->items[0], x);   // published by remaining_add's release [INT-13]
    Value done = combine_finish_if_done(ts, state, magic == COMBINE_ANY);
    return value_is_exception(done) ? JS_EXCEPTION : JS_UNDEFINED;
}

static Value element_function(ThreadState *ts, Value state, Value data, int magic) {
    Value fn = function_new_native(ts, combine_element, "", 1, magic, 0);
    if (value_is_exception(fn)) return JS_EXCEPTION;
    NativeFunction *f = value_to_cell(fn);
    f->data[0] = state;
    f->data[1] = data;
    return fn;
}

static Value combine_loop(ThreadState *ts, int kind, IteratorRecord *it, Value constructor,
                          const Capability *cap, Value promise_resolve_fn) {
    Value initial[STATE_SIZE] = {JS_UNDEFINED, value_from_int(1), cap->promise, cap->resolve, cap->reject};
    Values *list = values_new(ts, 4);
    if (!list) return JS_EXCEPTION;
    initial[STATE_VALUES] = value_from_cell(list);
    Values *state = record_new(ts, initial, STATE_SIZE);
    if (!state) return JS_EXCEPTION;
    Value state_value = value_from_cell(state);
    for (;;) {
        Value next = ops_iterator_step(ts, it);
        if (value_is_exception(next) || next == JS_HOLE) {
            it->done = true;
            if (value_is_exception(next)) return JS_EXCEPTION;
            if (kind != COMBINE_RACE &&
                value_is_exception(combine_finish_if_done(ts, state, kind == COMBINE_ANY)))
                return JS_EXCEPTION;
            return cap->promise;
        }
        Value box = JS_UNDEFINED;
        if (kind != COMBINE_RACE) {
            Value box_items[2] = {JS_UNDEFINED, JS_FALSE};
            Values *created = record_new(ts, box_items, 2);
            if (!created) return JS_EXCEPTION;
            box = value_from_cell(created);
            list = values_push(ts, value_to_cell(state->items[STATE_VALUES]), box);
            if (!list) return JS_EXCEPTION;
            state->items[STATE_VALUES] = value_from_cell(list);
        }
        Value next_promise = interp_call(ts, promise_resolve_fn, constructor, &next, 1);
        if (value_is_exception(next_promise)) return JS_EXCEPTION;
        Value handlers[2] = {cap->resolve, cap->reject};
        if (kind == COMBINE_ALL) {
            handlers[0] = element_function(ts, state_value, box, COMBINE_ALL);
        } else if (kind == COMBINE_ANY) {
            handlers[1] = element_function(ts, state_value, box, COMBINE_ANY);
        } else if (kind == COMBINE_ALL_SETTLED) {
            handlers[0] = element_function(ts, state_value, box, COMBINE_ALL_SETTLED);
            if (value_is_exception(handlers[0])) return JS_EXCEPTION;
            handlers[1] = element_function(ts, state_value, box, COMBINE_RACE);
        }
        if (value_is_exception(handlers[0]) || value_is_exception(handlers[1])) return JS_EXCEPTION;
        if (kind != COMBINE_RACE) remaining_add(state, 1);
        if (value_is_exception(invoke_then(ts, next_promise, handlers, 2))) return JS_EXCEPTION;
    }
}

static Value Promise_combinator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    Capability cap;
    if (!new_capability(ts, self, &cap, true)) return JS_EXCEPTION;
    Value resolve_key = atom_from_cstr(ts, "resolve");
    if (value_is_exception(resolve_key)) return JS_EXCEPTION;
    Value promise_resolve_fn = ops_get(ts, self, resolve_key);
    if (value_is_exception(promise_resolve_fn)) return reject_abrupt(ts, &cap);
    if (!ops_is_callable(promise_resolve_fn)) {
        error_throw_type(ts, "Promise resolve or reject function is not callable");
        return reject_abrupt(ts, &cap);
    }
    IteratorRecord it;
    if (!ops_get_iterator(ts, builtin_arg(args, argc, 0), &it)) return reject_abrupt(ts, &cap);
    it.done = false;
    Value result = combine_loop(ts, magic, &it, self, &cap, promise_resolve_fn);
    if (!value_is_exception(result)) return result;
    if (!it.done) ops_iterator_close(ts, &it, true);
    return reject_abrupt(ts, &cap);
}

static Value Promise_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

static const BuiltinEntry promise_prototype_table[] = {
    BUILTIN_FN("then", Promise_prototype_then, 2),
    BUILTIN_FN("catch", Promise_prototype_catch, 1),
    BUILTIN_FN("finally", Promise_prototype_finally, 1),
    BUILTIN_STRING("@@toStringTag", "Promise", PROP_CONFIGURABLE),
};

static const BuiltinEntry promise_table[] = {
    BUILTIN_FN_MAGIC("all", Promise_combinator, 1, COMBINE_ALL),
    BUILTIN_FN_MAGIC("allSettled", Promise_combinator, 1, COMBINE_ALL_SETTLED),
    BUILTIN_FN_MAGIC("any", Promise_combinator, 1, COMBINE_ANY),
    BUILTIN_FN_MAGIC("race", Promise_combinator, 1, COMBINE_RACE),
    BUILTIN_FN("reject", Promise_reject, 1),
    BUILTIN_FN("resolve", Promise_resolve, 1),
    BUILTIN_GETSET("@@species", Promise_species, NULL),
};

bool builtins_install_promise(ThreadState *ts) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_PROMISE_PROTOTYPE] = prototype;
    // Not NATIVE_NEW_ONLY: the constructor throws V8's own message when called without new.
    Value constructor = builtins_install_constructor(ts, "Promise", Promise_constructor, 1, prototype,
                                                     NATIVE_CONSTRUCTOR);
    if (value_is_exception(constructor)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_PROMISE] = constructor;
    return builtins_install_table(ts, prototype, promise_prototype_table, BUILTIN_COUNT(promise_prototype_table)) &&
           builtins_install_table(ts, constructor, promise_table, BUILTIN_COUNT(promise_table));
}
