/*
 * thread.h — Runtime (one per embedding Runtime / process run), Realm (the global object and the
 * intrinsics) and ThreadState (everything a JS thread owns). Implements the layout side of
 * SP-1..SP-3 (specs/safepoints.md): every field that another thread may read says how.
 * Only one JS thread runs in this issue, but nothing here assumes it: allocators, register
 * stacks and queues are per ThreadState already.
 */
#ifndef JST_THREAD_H
#define JST_THREAD_H

#include <pthread.h>
#include <stdint.h>
#include <stdbool.h>
#include "value.h"
#include "heap.h"

typedef struct Frame Frame;
typedef struct Structure Structure;

// The intrinsic objects a realm needs by name. Install order lives in builtins/init.c.
typedef enum Intrinsic {
    INTRINSIC_OBJECT_PROTOTYPE,
    INTRINSIC_FUNCTION_PROTOTYPE,
    INTRINSIC_ARRAY_PROTOTYPE,
    INTRINSIC_STRING_PROTOTYPE,
    INTRINSIC_NUMBER_PROTOTYPE,
    INTRINSIC_BOOLEAN_PROTOTYPE,
    INTRINSIC_SYMBOL_PROTOTYPE,
    INTRINSIC_ERROR_PROTOTYPE,
    INTRINSIC_EVAL_ERROR_PROTOTYPE,
    INTRINSIC_RANGE_ERROR_PROTOTYPE,
    INTRINSIC_REFERENCE_ERROR_PROTOTYPE,
    INTRINSIC_SYNTAX_ERROR_PROTOTYPE,
    INTRINSIC_TYPE_ERROR_PROTOTYPE,
    INTRINSIC_URI_ERROR_PROTOTYPE,
    INTRINSIC_AGGREGATE_ERROR_PROTOTYPE,
    INTRINSIC_CONCURRENT_ACCESS_ERROR_PROTOTYPE,   // builtins/error.c installs it (ErrorKind order)
    INTRINSIC_THREAD_PROTOTYPE,             // builtins/thread.c
    INTRINSIC_THREAD_LOCAL_PROTOTYPE,       // builtins/thread.c
    INTRINSIC_ITERATOR_PROTOTYPE,
    INTRINSIC_ARRAY_ITERATOR_PROTOTYPE,
    INTRINSIC_STRING_ITERATOR_PROTOTYPE,
    INTRINSIC_MAP_ITERATOR_PROTOTYPE,
    INTRINSIC_SET_ITERATOR_PROTOTYPE,
    INTRINSIC_GENERATOR_PROTOTYPE,          // %GeneratorFunction.prototype.prototype%
    INTRINSIC_GENERATOR_FUNCTION_PROTOTYPE, // %GeneratorFunction.prototype%
    INTRINSIC_ASYNC_FUNCTION_PROTOTYPE,
    INTRINSIC_MAP_PROTOTYPE,
    INTRINSIC_SET_PROTOTYPE,
    INTRINSIC_WEAKMAP_PROTOTYPE,
    INTRINSIC_WEAKSET_PROTOTYPE,
    INTRINSIC_PROMISE_PROTOTYPE,
    INTRINSIC_PROMISE,                      // the %Promise% constructor
    INTRINSIC_ARRAY_PROTOTYPE_VALUES,       // %ArrayProto_values%, shared by arguments objects
    INTRINSIC_THROW_TYPE_ERROR,             // %ThrowTypeError%
    INTRINSIC_EVAL,                         // %eval%, so the interpreter can spot direct eval
    INTRINSIC_GENERATOR_RETURN,             // internal token thrown to run finally blocks on return()
    // Not real intrinsics: runtime-wide cells that must be traced like them (ops.c, error.c).
    INTRINSIC_NUMBER_STRING_CACHE,          // CELL_VALUES: strings of 0..1023, filled lazily (ops.c)
    INTRINSIC_OUT_OF_MEMORY_ERROR,          // a RangeError made at start-up, thrown without allocating
    INTRINSIC_OBJECT_PROTOTYPE_TO_STRING,   // %Object.prototype.toString% (array.c reads it at install)
    INTRINSIC_ARRAY,                        // the %Array% constructor (array.c)
    INTRINSIC_REGEXP,                       // the %RegExp% constructor (regexp installer; string.c's RegExpCreate)
    INTRINSIC_REGEXP_PROTOTYPE,             // builtins/regexp.c
    INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE, // builtins/regexp_protocol.c (matchAll)
    INTRINSIC_DATE_PROTOTYPE,               // builtins/date.c
    INTRINSIC_ARRAY_BUFFER_PROTOTYPE,       // builtins/typedarray.c, and the rest of this group
    INTRINSIC_SHARED_ARRAY_BUFFER_PROTOTYPE,
    INTRINSIC_DATA_VIEW_PROTOTYPE,
    INTRINSIC_TYPED_ARRAY,                  // %TypedArray%
    INTRINSIC_TYPED_ARRAY_PROTOTYPE,        // %TypedArray.prototype%
    INTRINSIC_TYPED_ARRAY_LENGTH_GETTER,    // its `length` getter: the exotic [[Get]]'s fast answer
    INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES,  // 12 slots: one per typed array kind, in kind order
    INTRINSIC_TYPED_ARRAY_KIND_CONSTRUCTORS = INTRINSIC_TYPED_ARRAY_KIND_PROTOTYPES + 12,
    INTRINSIC_WEAKREF_PROTOTYPE = INTRINSIC_TYPED_ARRAY_KIND_CONSTRUCTORS + 12, // builtins/weakref.c
    INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE,
    INTRINSIC_HOST_OBJECT_PROTOTYPE,        // the embedding API's proxies for Python objects
    INTRINSIC_ERROR_STACK_ACCESSOR,         // the `stack` getter/setter all errors share (error.c)
    INTRINSIC_BIGINT_PROTOTYPE,             // builtins/bigint.c
    INTRINSIC_PROXY,                        // the %Proxy% constructor (builtins/proxy.c)
    INTRINSIC_ASYNC_ITERATOR_PROTOTYPE,     // %AsyncIteratorPrototype% (async generators, interp.c)
    INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE,
    INTRINSIC_ASYNC_GENERATOR_PROTOTYPE,    // %AsyncGeneratorFunction.prototype.prototype%
    INTRINSIC_ASYNC_GENERATOR_FUNCTION_PROTOTYPE, // %AsyncGeneratorFunction.prototype%
    INTRINSIC_COUNT
} Intrinsic;

typedef struct Realm {
    Value global_object;              // written once at start-up
    Value global_lexicals;            // null-prototype object holding top-level let/const/class
                                      // bindings of all scripts (JS_HOLE while in TDZ)
    Value intrinsics[INTRINSIC_COUNT];
} Realm;

/*
 * Process-wide state of one engine instance. Fields written after start-up say who writes them.
 */
struct Runtime {
    struct Heap *heap;                     // heap.c owns it; see heap.h
    struct StructureTable *structures;     // structure.c owns it
    struct AtomTable *atoms;               // atom.c owns it
    Realm realm;
    Value *common_atoms;                   // atom.c: ATOM_COUNT entries, written once at start-up
    Value *well_known_symbols;             // atom.c: SYMBOL_COUNT entries, written once
    pthread_mutex_t threads_lock;          // guards threads, next_tid and tids (TID reuse)
    ThreadState *threads;                  // every attached thread, linked by ThreadState.next
    uint32_t next_tid;                     // TIDs next_tid .. tid_limit-1 were never handed out
    // Every poll reads stop_requested and race_seed: they start a cache line of their own that
    // only a collector writes (runtime_new allocates the Runtime cache-line aligned) [SP-6].
    _Alignas(64) int stop_requested;       // safepoint.c: set with store_release by a collector [SP-1]
    bool gc_stress;                        // JSTHREADS_GC_STRESS: collect at every slow path
    uint64_t race_seed;                    // JSTHREADS_RACE: 0 = off
    // ---- safepoint.c (heap engineer): stopping the world [SP-1..SP-4] ----
    // Taken at every blocked-region change: kept off the polled line above.
    _Alignas(64) pthread_mutex_t safepoint_lock;  // guards the safepoint_* fields here and every
                                           // ThreadState.safepoint_state transition
    pthread_cond_t safepoint_changed;      // a thread parked, blocked or left, or the last waker
                                           // got the lock back (a stopper waits) [SP-13]
    pthread_cond_t safepoint_resumed;      // the stop ended (parked and leaving threads wait)
    ThreadState *safepoint_threads;        // registered threads (heap_thread_init), linked by
                                           // ThreadState.safepoint_next; under safepoint_lock
    int safepoint_running;                 // registered threads in SP_RUNNING; under safepoint_lock
    ThreadState *safepoint_stopper;        // holder of the stop, NULL when none; under safepoint_lock
    uint64_t safepoint_generation;         // stops ended so far; under safepoint_lock [SP-13]
    int safepoint_waking;                  // threads still waiting out a stop that has ended, or
                                           // one in progress; under safepoint_lock [SP-13]
    // Compiles source text for eval/new Function: installed by api.c, backed by the Python compiler.
    // Returns a Code cell value (or JS_EXCEPTION with a SyntaxError pending).
    Value (*compile_hook)(ThreadState *ts, Value source, int flags, Value parameters);
    void *embedder;                        // api.c's per-runtime data (handle table, callbacks)
    void (*embedder_trace)(Runtime *rt, Marker *m);  // marks the embedder's handles (a GC root)
    // ---- thread.c / job.c: JS Thread objects, parking, cross-thread jobs, deadlock detection ----
    pthread_mutex_t park_lock;             // guards live_threads, parked_forever and every
                                           // ThreadState.park_* field (the deadlock detector)
    int live_threads;                      // JS threads between thread_attach and thread_detach
    int parked_forever;                    // of those, parked with no deadline and not yet woken
    uint32_t next_thread_id;               // JS-visible Thread ids: main 0, then 1, 2, ...; under
                                           // park_lock, never reused [THR-2]
    int spawned_live;                      // `new Thread` pthreads not yet finished; atomic, the
                                           // finishing thread's last access to rt [THR-11].
                                           // runtime_free leaves everything in place while > 0 [THR-11]
    // Home threads of promise reactions [THR-15]: homes[thread_id] is the thread's state from
    // attach until it detaches (NULL before and after), so a poster holding homes_lock may use it.
    // Lock order: homes_lock, then a ThreadState's inbox_lock, then park_lock.
    pthread_mutex_t homes_lock;
    ThreadState **homes;                   // indexed by thread_id; under homes_lock
    uint32_t homes_capacity;               // entries allocated in homes; under homes_lock
    int awaiting_others;                   // threads with awaiting_others set; under park_lock
    int spawned_counted;                   // spawned Threads that count against the cap: from
                                           // thread_reserve until their outcome is published; atomic
    int max_spawned_threads;               // maxJSThreads: cap on spawned_counted; written once by
                                           // runtime_new (JSTHREADS_MAX_THREADS) [THR-18]
    bool can_block_is_false;               // JSTHREADS_CAN_BLOCK_IS_FALSE: the blocking gate is
                                           // on; written once by runtime_new [THR-19]
    pthread_mutex_t records_lock;          // guards thread_records and every ThreadRecord's fields
    struct ThreadRecord *thread_records;   // builtins/thread.c: one per live Thread object, freed
                                           // by its finalizer [THR-17]
    uint32_t next_thread_local;            // builtins/thread.c: ThreadLocal slot indexes; atomic
    // TID reuse [THR-20, OM-17]: the pools of dead, retiring and free TIDs (TidPools below).
    struct TidPools *tids;                 // NULL only in the heap test drivers
    uint32_t tid_limit;                    // TIDs are below this (THREAD_TID_LIMIT, or less for
                                           // tests: JSTHREADS_TID_LIMIT); written once
    const uint64_t *tid_retiring;          // a bitmap of the TIDs the current collection retires;
                                           // non-NULL only with the world stopped
    // ---- safepoint.c: the --gil global lock ----
    // In --gil mode a thread is RUNNING only while it holds the GIL, so at most one thread runs
    // JS; waiting for it counts as blocked [SP-9..SP-12].
    bool gil_mode;                         // written once by api.c before the first thread attaches
    pthread_mutex_t gil_mutex;             // guards the gil_* fields below except gil_yield_request
    pthread_cond_t gil_changed;            // the GIL was released or changed hands (CLOCK_MONOTONIC)
    ThreadState *gil_holder;               // NULL when free; written under gil_mutex (store_relaxed)
    uint64_t gil_next_ticket;              // next ticket an arriving thread takes; under gil_mutex
    uint64_t gil_serving;                  // the ticket whose owner may take the GIL next [SP-10]
    double gil_slice_end_ms;               // when the holder's time slice ends; under gil_mutex
    // Polled like stop_requested, so alone on its line: the neighbours are written by lock
    // holders (gil_handovers, then the sync locks below).
    _Alignas(64) int gil_yield_request;    // set (store_release) by a waiter whose turn is overdue,
                                           // cleared at the release; the holder's poll reads it [SP-11]
    _Alignas(64) uint64_t gil_handovers;   // times the GIL changed hands; under gil_mutex (tests)
    // ---- builtins/sync.c, builtins/atomics.c: Lock, Condition, Atomics waiter tables ----
    // Sync roots [SYNC-2]: slots keeping alive the Values of queued async operations (asyncHold
    // tickets, asyncWait and waitAsync records) while only C queues name them.
    pthread_mutex_t sync_roots_lock;       // guards the sync_roots_* fields and every root slot
    struct Values *sync_roots;             // spine of CELL_VALUES chunks: written once at start-up,
                                           // a GC root marked by job_trace_thread
    uint32_t sync_roots_free;              // first free root handle (1-based), 0 when none
    uint32_t sync_roots_chunks;            // chunks linked into the spine; under sync_roots_lock
    Value sync_job;                        // the native running posted Lock/Condition/Atomics
                                           // jobs; written once at start-up, rooted by handle 1
    pthread_mutex_t atomics_lock;          // guards atomics_waiters and every waiter on them
    // Makes each script's GlobalDeclarationInstantiation one step (interp.c, BC-6): taken first
    // (no cell lock held), as blocked when contended; zeroed memory is an unlocked mutex.
    pthread_mutex_t declarations_lock;
    struct AtomicsWaiter *atomics_waiters[64];  // FIFO lists hashed by (object, key) [SYNC-10]
    // ---- api.c, safepoint.c: embedding API (interrupts and time limits) ----
    // Builds the exception an interrupted thread throws at its poll (api.c installs it; NULL: a
    // plain Error). reason is JST_REASON_INTERRUPT or JST_REASON_TIMEOUT (api.h).
    Value (*interrupt_hook)(ThreadState *ts, int reason);
};

// Flags for compile_hook.
enum {
    COMPILE_EVAL = 1,          // the body of an eval: last expression statement is the result
    COMPILE_STRICT = 2,        // the caller of a direct eval is strict
    COMPILE_FUNCTION = 4,      // new Function(parameters, body)
    COMPILE_DIRECT_EVAL = 8,   // resolves free names dynamically through the caller's scopes
    COMPILE_GENERATOR = 16,
    COMPILE_ASYNC = 32,
    COMPILE_NEW_TARGET = 1 << 14,      // direct eval code may use new.target (= CODE_EVAL_NEW_TARGET)
    COMPILE_SUPER_PROPERTY = 1 << 15,  // ... and super.x (= CODE_EVAL_SUPER_PROPERTY)
    COMPILE_SUPER_CALL = 1 << 16,      // ... and super() (= CODE_EVAL_SUPER_CALL)
    COMPILE_SHELL_SCRIPT = 0x1000,  // shell.c's load(): a script; parameters is the file name
};

typedef struct Timer {
    struct Timer *next;
    uint32_t id;
    double due_ms;        // monotonic clock
    Value callback;
    Value args;           // CELL_VALUES or JS_UNDEFINED
    double interval_ms;   // setInterval period; 0 for a one-shot timer (job.c)
} Timer;

/*
 * A JS thread. The owner thread reads and writes everything here with plain accesses; other
 * threads touch only the fields marked otherwise, and only while the owner is parked [SP-2].
 */
struct ThreadState {
    Runtime *rt;
    uint16_t tid;                  // owner TID stamped into butterflies [OM-1]
    HeapThread heap;               // per-thread allocators [HEAP-2]

    // Register stack: frames are pushed here; scanned precisely by the collector [HEAP-6].
    Value *stack_base;
    Value *stack_limit;
    Value *sp;                     // first free slot
    Frame *frame;                  // innermost frame, NULL when no JS runs

    Value exception;               // pending exception; JS_HOLE when none [VAL-4]
    Value new_target;              // for natives: new.target of the current call, JS_UNDEFINED for a call
    Value callee;                  // for natives: the NativeFunction being called (to read its data)
    uintptr_t native_stack_base;   // highest address of this thread's C stack we scan [HEAP-7]
    uintptr_t native_stack_limit;  // below this, native recursion throws a RangeError
    int native_depth;              // nesting of native -> JS re-entries

    // Jobs: a FIFO of (function, argument) pairs in a CELL_VALUES ring, owned by this thread.
    Value microtasks;
    uint32_t microtask_head, microtask_count;
    Timer *timers;                 // sorted by due_ms
    uint32_t next_timer_id;
    Value pending_rejections;      // job.c: owner thread only; Values of rejected promises not yet handled

    int safepoint_state;           // safepoint.c; others read with load_acquire [SP-2]
    // ---- safepoint.c (heap engineer): where a parked or blocked thread's roots are [SP-3] ----
    // Written by the owner before it parks or blocks (under safepoint_lock), read by the collector
    // only while the owner is parked or blocked.
    uintptr_t safepoint_stack_top;          // lowest address of the frames still live [HEAP-7]
    uint32_t safepoint_spill_size;          // bytes valid in safepoint_spill
    int safepoint_blocked_depth;            // owner only: nesting of safepoint_enter_blocked
    uintptr_t safepoint_spill[128];         // copy of the frame holding the callee-saved registers
    uint64_t safepoint_race_state;          // owner only: xorshift state for JSTHREADS_RACE [SP-8]
    ThreadState *safepoint_next;            // Runtime.safepoint_threads; under safepoint_lock
    ThreadState *next;             // Runtime.threads list; guarded by threads_lock
    // ---- thread.c / job.c: the JS Thread this state runs, parking, the cross-thread inbox ----
    Value thread_object;           // the JS Thread object of this thread (JS_UNDEFINED until made)
    uint32_t thread_id;            // the JS-visible id (Thread.prototype.id) [THR-2]
    pthread_cond_t park_cond;      // signalled by thread_unpark
    const char *park_reason;       // under Runtime.park_lock: what a parked thread waits on
    bool park_forever;             // under park_lock: parked with no deadline (counts for deadlock)
    bool park_token;               // under park_lock: an unpark arrived; the next park returns
    bool parked;                   // under park_lock: inside thread_park
    pthread_mutex_t inbox_lock;    // guards inbox and jobs_expected (any thread posts)
    struct CrossJob *inbox;        // jobs posted by other threads, oldest first (job.c)
    struct CrossJob *inbox_tail;
    int jobs_expected;             // job_expect calls not yet matched by a job_post
    int reactions_waiting;         // under inbox_lock: reactions this thread registered on
                                   // pending promises, not yet delivered [THR-16]
    bool inbox_closed;             // under inbox_lock: the event loop ended for good; reactions
                                   // homed here go to main instead [THR-15]
    bool awaiting_others;          // under park_lock: idle only for reactions_waiting; a thread
                                   // exit unparks it to re-check [THR-16]
    int completion_waits;          // own thread only: asyncWaits not yet delivered, which hold
                                   // back a spawned thread's outcome [THR-3]
    bool published;                // atomic: a spawned thread's outcome is out; lock grants for
                                   // it go to main (job_post_or_main) [SYNC-6]
    Value thread_locals;           // builtins/thread.c: CELL_VALUES of ThreadLocal slots, or undefined
    bool spawned;                  // written once at attach: runs a `new Thread` (not main/embedder)
    // ---- safepoint.c: the --gil global lock ----
    bool gil_held;                 // owner only: this thread holds the GIL [SP-9]
    // ---- api.c, safepoint.c: embedding API (interrupts and time limits) ----
    int interrupt_request;         // atomic: a pending JST_REASON_* the next poll throws, 0 none
    bool embed_attached;           // owner only: a pthread attached by api.c (not a spawned Thread)
    // ---- builtins/sync.c, builtins/atomics.c: Lock, Condition, ThreadLocal, Atomics ----
    // ---- builtins/regexp.c: the legacy RegExp statics (RegExp.$1, lastMatch, ...) ----
    Value regexp_statics;          // owner only: CELL_VALUES describing this thread's last
                                   // successful match, or 0 before the first (heap.c marks it)
};

static inline Value realm_intrinsic(ThreadState *ts, Intrinsic which) {
    return ts->rt->realm.intrinsics[which];
}

Runtime *runtime_new(void);
void runtime_free(Runtime *rt);
ThreadState *thread_attach(Runtime *rt);   // makes the calling pthread a JS thread
void thread_detach(ThreadState *ts);

// Records the caller's stack position as the base for conservative scanning [HEAP-7].
void thread_set_native_stack_base(ThreadState *ts, void *approx_base);

// ---- thread.c: parking and deadlock detection [THR-5..THR-7] (specs/threads.md) ----
// A wait of the calling thread; reason ("Lock.hold", "join(Thread 3)", ...) is named in the
// deadlock report. Call with *mutex locked (the waited-for primitive's own mutex); returns with
// it locked again. Returns 0 when woken by thread_unpark, ETIMEDOUT at the deadline
// (deadline_ms < 0: wait forever; a monotonic clock in ms, see thread_now_ms()). Spurious
// returns are allowed: callers re-check their condition in a loop. Enters/leaves the blocked
// state itself [SP-5], so no heap access inside the primitive's mutex across this call.
int thread_park(ThreadState *ts, pthread_mutex_t *mutex, const char *reason, double deadline_ms);
// Wakes ts if it is parked (or makes its next park return at once). Any thread may call it.
void thread_unpark(ThreadState *target);
double thread_now_ms(void);
// The blocking gate [THR-19]: false when the runtime was started with the gate on
// (--can-block-is-false) and ts may not block: every thread under --gil (the gate is per
// runtime there), only main and embedder threads under --threads. Callers that would block
// (join of a running thread, contended hold, Condition.wait, a blocking Atomics.wait) throw
// their TypeError instead; non-blocking paths never ask.
bool thread_may_block(ThreadState *ts);
// Called by an idle event loop with its inbox_lock held, when only reactions_waiting keeps it
// [THR-16]: true when another JS thread is live (it may still settle those promises); then ts is
// unparked whenever a thread exits, so that it re-checks.
bool thread_await_others(ThreadState *ts);

// ---- thread.c: starting a `new Thread` (builtins/thread.c) [THR-1, THR-2] ----
// TIDs are 15 bits in the butterfly word [OM-1]; THREAD_TID_NONE (all ones) is never handed out
// and owns the objects of retired threads. A dead thread's TID is reused only after a collection
// retired it [THR-20, OM-17].
#define THREAD_TID_LIMIT 0x7FFFu
#define THREAD_TID_NONE 0x7FFFu
#define THREAD_DEFAULT_MAX_SPAWNED 32766   // maxJSThreads' default in the notes
// On the creating thread: reserves a TID and a Thread id and counts the thread live (for the
// deadlock detector) before its pthread exists. False when the TID space is exhausted or
// max_spawned_threads `new Thread` pthreads are live already [THR-18].
// May collect (to retire dead TIDs) when the never-used TIDs are gone.
bool thread_reserve(ThreadState *ts, uint16_t *tid, uint32_t *thread_id);
// On the new pthread: attaches with the reserved ids (NULL on out-of-memory).
ThreadState *thread_attach_reserved(Runtime *rt, uint16_t tid, uint32_t thread_id);
// The spawned pthread is gone, or never_attached: it never started (then it also stops counting
// as live, which thread_detach does otherwise, and its unused TID goes straight back).
void thread_unreserve(Runtime *rt, bool never_attached, uint16_t tid);
/*
 * TID reuse [THR-20, OM-17]. A TID goes never-used -> live -> dead (its thread detached) ->
 * retiring (a collection rewrites every live object and restricted structure naming it to
 * THREAD_TID_NONE) -> free -> live again. thread.c hands out only free or never-used TIDs, so
 * a live thread never shares its TID with anything a dead thread left behind. dead and free are
 * under threads_lock; retiring is read and written only by the collector with the world
 * stopped (heap.c), which moves dead to retiring before its sweep and retiring to free after.
 * Detaching threads are unregistered, so they may push to dead during a collection: those TIDs
 * wait for the next one.
 */
struct TidPools {
    uint32_t dead_count, free_count;
    uint64_t retiring[(THREAD_TID_LIMIT + 63) / 64];   // a bitmap
    uint16_t dead[THREAD_TID_LIMIT];
    uint16_t free[THREAD_TID_LIMIT];                    // a stack
};
static inline bool thread_tid_retiring(const Runtime *rt, uint32_t tid) {
    return (rt->tid_retiring[tid >> 6] >> (tid & 63)) & 1;
}
// The spawned thread is about to publish its outcome: it stops counting against maxJSThreads, so
// a joiner may start another at once [THR-18]. Not for a thread that never attached.
void thread_uncount(Runtime *rt);
// builtins/thread.c: marks the Values of every ThreadRecord (job_trace_thread calls it) and frees
// them (runtime_free calls it).
void thread_records_trace(Marker *m, Runtime *rt);
void thread_records_free(Runtime *rt);
// builtins/thread.c: on main when its event loop goes idle, reports on stderr (as "Uncaught ...")
// each Thread that failed and was never joined [THR-4]. Does not change the exit status.
void thread_report_unobserved_failures(ThreadState *ts);

#endif
