/*
 * builtins/weakref.c — WeakRef and FinalizationRegistry (ES2021 §26.1, §26.2, as node 20 has them
 * minus cleanupSome), their weak tracing, and the test-only `$jstGc` helper. Owns the layouts of
 * CELL_WEAKREF and CELL_FINALIZATION_REGISTRY.
 * Implements HEAP-14 (weak cells: targets and unregister tokens are weak, held values strong),
 * HEAP-15 ([[KeepDuringJob]] through heap_keep_during_job) and HEAP-16 (cleanup callbacks run as
 * a later job on the registry's home thread, posted after the collection, never inside it).
 * Any thread may use any of these objects: registry records change under a striped lock that is
 * never held across an allocation or a safepoint [SP-5], so the collector (world stopped) reads
 * and edits them without it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "builtins.h"
#include "weak.h"
#include "../atomics.h"
#include "../celltrace.h"
#include "../structure.h"

typedef struct WeakRefObject {
    Object object;
    Value target;            // an object, or JS_UNDEFINED once the collector found it dead
} WeakRefObject;

/*
 * A registry's records live in `cells`, a CELL_VALUES of triples (target, held, token):
 *   live     target is an object, token an object or JS_UNDEFINED
 *   pending  target JS_UNDEFINED: the target died, held waits for the cleanup job
 *   free     all three JS_HOLE (unregistered or cleaned up), reused by register
 * count is the number of items in use (a multiple of 3).
 */
typedef struct RegistryObject {
    Object object;
    Value cleanup;           // the callable given to the constructor
    Value cells;             // CELL_VALUES of records
    Value runner;            // the native posted as the cleanup job, with this registry as argument
    uint32_t home;           // thread_id of the creating thread: the cleanup runs there [HEAP-16]
    uint32_t pending;        // records in the pending state (collector and lock holders)
    uint32_t posted;         // 1 while a cleanup job is queued (atomic)
    uint32_t live;           // live records, so register knows when compaction pays
} RegistryObject;

#define RECORD 3

static pthread_mutex_t registry_locks[16] = {[0 ... 15] = PTHREAD_MUTEX_INITIALIZER};
static pthread_mutex_t *registry_lock(const RegistryObject *r) {
    return &registry_locks[((uintptr_t)r >> 4) % 16];
}

static WeakRefObject *as_weakref(Value v) { return (WeakRefObject *)value_to_cell(v); }
static RegistryObject *as_registry(Value v) { return (RegistryObject *)value_to_cell(v); }

// ---- tracing [HEAP-14] ----

static bool weakref_sweep(Runtime *rt, Cell *cell) {
    (void)rt;
    WeakRefObject *w = (WeakRefObject *)cell;
    if (value_is_cell(w->target) && !heap_is_marked(value_to_cell(w->target))) w->target = JS_UNDEFINED;
    return false;
}

static const WeakHooks weakref_hooks = {NULL, weakref_sweep, NULL};

void weakref_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_defer_weak(m, cell, &weakref_hooks);
}

// Live records whose target died become pending; a dead token can no longer be passed to
// unregister, so it is forgotten. True asks for registry_after when there is work to post.
static bool registry_sweep(Runtime *rt, Cell *cell) {
    (void)rt;
    RegistryObject *r = (RegistryObject *)cell;
    if (value_cell_type(r->cells) != CELL_VALUES) return false;
    Values *cells = value_to_cell(r->cells);
    for (uint32_t i = 0; i + RECORD <= cells->count; i += RECORD) {
        Value *record = &cells->items[i];
        if (value_is_cell(record[2]) && !heap_is_marked(value_to_cell(record[2]))) record[2] = JS_UNDEFINED;
        if (!value_is_cell(record[0]) || heap_is_marked(value_to_cell(record[0]))) continue;
        record[0] = JS_UNDEFINED;
        r->pending++;
        r->live--;
    }
    return r->pending > 0 && load_relaxed(&r->posted) == 0;
}

/*
 * On the collecting thread, world resumed [HEAP-16]: queue the runner on the home thread's
 * inbox (job_post allocates nothing on the JS heap). A home that has ended hands the job to main,
 * as promise reactions do; with no main either, the callbacks never run, which the spec allows.
 */
static void registry_after(ThreadState *ts, Cell *cell) {
    RegistryObject *r = (RegistryObject *)cell;
    uint32_t expected = 0;
    if (!cas_acq_rel(&r->posted, &expected, 1)) return;
    Runtime *rt = ts->rt;
    pthread_mutex_lock(&rt->homes_lock);
    ThreadState *target = r->home < rt->homes_capacity ? rt->homes[r->home] : NULL;
    if (target) {
        pthread_mutex_lock(&target->inbox_lock);
        bool closed = target->inbox_closed;
        pthread_mutex_unlock(&target->inbox_lock);
        if (closed) target = NULL;
    }
    if (!target && rt->homes_capacity > 0) target = rt->homes[0];
    bool posted = target && job_post(NULL, target, r->runner, value_from_cell(r));
    pthread_mutex_unlock(&rt->homes_lock);
    if (!posted) store_relaxed(&r->posted, 0);   // the next collection tries again
}

static const WeakHooks registry_hooks = {NULL, registry_sweep, registry_after};

// Held values are strong (they are what the cleanup receives); targets and tokens are weak.
void finalization_registry_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    RegistryObject *r = (RegistryObject *)cell;
    heap_mark_value(m, r->cleanup);
    heap_mark_value(m, r->runner);
    if (value_cell_type(r->cells) != CELL_VALUES) return;
    Values *cells = value_to_cell(r->cells);
    heap_mark_cell_shallow(m, cells);
    for (uint32_t i = 0; i + RECORD <= cells->count; i += RECORD) heap_mark_value(m, cells->items[i + 1]);
    heap_defer_weak(m, cell, &registry_hooks);
}

// ---- WeakRef ----

static Value weakref_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (ts->new_target == JS_UNDEFINED) return error_throw_type(ts, "Constructor WeakRef requires 'new'");
    Value target = builtin_arg(args, argc, 0);
    if (!value_is_object(target)) return error_throw_type(ts, "WeakRef: invalid target");
    Value prototype = function_prototype_for(ts, ts->new_target, INTRINSIC_WEAKREF_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    WeakRefObject *w = object_alloc(ts, sizeof(WeakRefObject), CELL_WEAKREF, prototype);
    if (!w) return JS_EXCEPTION;
    w->target = target;
    if (!heap_keep_during_job(ts, target)) return JS_EXCEPTION;
    return value_from_cell(w);
}

static Value weakref_deref(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (value_cell_type(self) != CELL_WEAKREF)
        return error_throw_type(ts, "Method WeakRef.prototype.deref called on incompatible receiver %V", self);
    // The collector writes target only while this thread is stopped, so one load sees either the
    // object or undefined; the local keeps it alive until it is kept for the job [HEAP-15].
    Value target = load_relaxed(&as_weakref(self)->target);
    if (target == JS_UNDEFINED) return JS_UNDEFINED;
    if (!heap_keep_during_job(ts, target)) return JS_EXCEPTION;
    return target;
}

// ---- FinalizationRegistry ----

static Value registry_cleanup_job(ThreadState *ts, Value self, const Value *args, int argc, int magic);

static Value registry_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (ts->new_target == JS_UNDEFINED)
        return error_throw_type(ts, "Constructor FinalizationRegistry requires 'new'");
    Value cleanup = builtin_arg(args, argc, 0);
    if (!ops_is_callable(cleanup)) return error_throw_type(ts, "FinalizationRegistry: cleanup must be callable");
    Value prototype = function_prototype_for(ts, ts->new_target, INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    RegistryObject *r = object_alloc(ts, sizeof(RegistryObject), CELL_FINALIZATION_REGISTRY, prototype);
    if (!r) return JS_EXCEPTION;
    r->cleanup = cleanup;
    r->cells = r->runner = JS_UNDEFINED;
    r->home = ts->thread_id;
    Value registry = value_from_cell(r);
    Values *cells = values_new(ts, 4 * RECORD);
    if (!cells) return JS_EXCEPTION;
    cells->count = 0;
    r->cells = value_from_cell(cells);
    Value runner = function_new_native(ts, registry_cleanup_job, "", 1, 0, 0);
    if (value_is_exception(runner)) return JS_EXCEPTION;
    r->runner = runner;
    return registry;
}

static bool check_registry(ThreadState *ts, Value self, const char *method) {
    if (value_cell_type(self) == CELL_FINALIZATION_REGISTRY) return true;
    error_throw_type(ts, "Method FinalizationRegistry.prototype.%s called on incompatible receiver %V", method, self);
    return false;
}

// Copies the records that are not free into `fresh`. Lock held.
static void compact_into(RegistryObject *r, Values *fresh) {
    Values *old = value_to_cell(r->cells);
    uint32_t n = 0;
    for (uint32_t i = 0; i + RECORD <= old->count; i += RECORD) {
        if (old->items[i] == JS_HOLE) continue;
        memcpy(&fresh->items[n], &old->items[i], RECORD * sizeof(Value));
        n += RECORD;
    }
    fresh->count = n;
    r->cells = value_from_cell(fresh);
}

static Value registry_register(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!check_registry(ts, self, "register")) return JS_EXCEPTION;
    Value target = builtin_arg(args, argc, 0), held = builtin_arg(args, argc, 1), token = builtin_arg(args, argc, 2);
    if (!value_is_object(target)) return error_throw_type(ts, "FinalizationRegistry.prototype.register: invalid target");
    if (ops_same_value(target, held))
        return error_throw_type(ts, "FinalizationRegistry.prototype.register: target and holdings must not be same");
    if (!value_is_object(token) && token != JS_UNDEFINED) return error_throw_type(ts, "Invalid unregisterToken ('%V')", token);
    RegistryObject *r = as_registry(self);
    pthread_mutex_t *lock = registry_lock(r);
    for (;;) {
        pthread_mutex_lock(lock);
        Values *cells = value_to_cell(r->cells);
        if (cells->count + RECORD <= cells->capacity) {
            Value *record = &cells->items[cells->count];
            record[0] = target;
            record[1] = held;
            record[2] = token;
            cells->count += RECORD;
            r->live++;
            pthread_mutex_unlock(lock);
            return JS_UNDEFINED;
        }
        // Full: room for twice what is not free, allocated outside the lock (a safepoint).
        uint32_t needed = 2 * (r->live + r->pending + 1) * RECORD;
        Value seen = r->cells;
        pthread_mutex_unlock(lock);
        Values *fresh = values_new(ts, needed);
        if (!fresh) return JS_EXCEPTION;
        pthread_mutex_lock(lock);
        // The records may have changed meanwhile (the collector too); compact only if they fit.
        if (r->cells == seen && (r->live + r->pending + 1) * RECORD <= fresh->capacity) compact_into(r, fresh);
        pthread_mutex_unlock(lock);
    }
}

static Value registry_unregister(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!check_registry(ts, self, "unregister")) return JS_EXCEPTION;
    Value token = builtin_arg(args, argc, 0);
    if (!value_is_object(token)) return error_throw_type(ts, "Invalid unregisterToken ('%V')", token);
    RegistryObject *r = as_registry(self);
    bool removed = false;
    pthread_mutex_lock(registry_lock(r));
    Values *cells = value_to_cell(r->cells);
    for (uint32_t i = 0; i + RECORD <= cells->count; i += RECORD) {
        Value *record = &cells->items[i];
        if (record[0] == JS_HOLE || record[2] != token) continue;
        // A pending record is unregistered too: its callback must not run any more.
        if (record[0] == JS_UNDEFINED) r->pending--;
        else r->live--;
        record[0] = record[1] = record[2] = JS_HOLE;
        removed = true;
    }
    pthread_mutex_unlock(registry_lock(r));
    return value_from_bool(removed);
}

/*
 * The cleanup job, on the home thread [HEAP-16]: calls the callback once per pending record.
 * `posted` drops first, so a collection during a callback posts a fresh job for what it finds;
 * each record is taken under the lock and the callback runs without it.
 */
static Value registry_cleanup_job(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value registry = builtin_arg(args, argc, 0);
    if (value_cell_type(registry) != CELL_FINALIZATION_REGISTRY) return JS_UNDEFINED;
    RegistryObject *r = as_registry(registry);
    store_relaxed(&r->posted, 0);
    for (;;) {
        Value held = JS_HOLE;
        pthread_mutex_lock(registry_lock(r));
        Values *cells = value_to_cell(r->cells);
        for (uint32_t i = 0; i + RECORD <= cells->count && r->pending; i += RECORD) {
            Value *record = &cells->items[i];
            if (record[0] != JS_UNDEFINED) continue;
            held = record[1];
            record[0] = record[1] = record[2] = JS_HOLE;
            r->pending--;
            break;
        }
        pthread_mutex_unlock(registry_lock(r));
        if (held == JS_HOLE) return JS_UNDEFINED;
        if (value_is_exception(interp_call(ts, r->cleanup, JS_UNDEFINED, &held, 1))) return JS_EXCEPTION;
    }
}

// ---- the test helper (JSTHREADS_SHELL_HELPERS=1 only) ----

// $jstGc.collect(): a full collection; $jstGc.weakCount(c): live entries of a WeakMap/WeakSet;
// $jstGc.structureIds(): structure ids handed out and not recycled [OM-14].
static Value gc_helper(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    switch (magic) {
    case 0:
        heap_collect(ts);
        return JS_UNDEFINED;
    case 1:
        return value_from_number((double)weak_collection_live_count(builtin_arg(args, argc, 0)));
    default:
        return value_from_number((double)structure_ids_in_use());
    }
}

// ---- installation ----

static const BuiltinEntry weakref_prototype_table[] = {
    BUILTIN_FN("deref", weakref_deref, 0),
    BUILTIN_STRING("@@toStringTag", "WeakRef", PROP_CONFIGURABLE),
};

static const BuiltinEntry registry_prototype_table[] = {
    BUILTIN_FN("register", registry_register, 2),
    BUILTIN_FN("unregister", registry_unregister, 1),
    BUILTIN_STRING("@@toStringTag", "FinalizationRegistry", PROP_CONFIGURABLE),
};

static const BuiltinEntry gc_helper_table[] = {
    BUILTIN_FN_MAGIC("collect", gc_helper, 0, 0),
    BUILTIN_FN_MAGIC("weakCount", gc_helper, 1, 1),
    BUILTIN_FN_MAGIC("structureIds", gc_helper, 0, 2),
};

static bool install_class(ThreadState *ts, const char *name, NativeFn constructor, Intrinsic slot,
                          const BuiltinEntry *table, int count) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[slot] = prototype;
    Value fn = builtins_install_constructor(ts, name, constructor, 1, prototype, NATIVE_CONSTRUCTOR | NATIVE_NEW_ONLY);
    return !value_is_exception(fn) && builtins_install_table(ts, prototype, table, count);
}

bool builtins_install_weakref(ThreadState *ts) {
    if (!install_class(ts, "WeakRef", weakref_constructor, INTRINSIC_WEAKREF_PROTOTYPE, weakref_prototype_table,
                       BUILTIN_COUNT(weakref_prototype_table)) ||
        !install_class(ts, "FinalizationRegistry", registry_constructor, INTRINSIC_FINALIZATION_REGISTRY_PROTOTYPE,
                       registry_prototype_table, BUILTIN_COUNT(registry_prototype_table)))
        return false;
    const char *helpers = getenv("JSTHREADS_SHELL_HELPERS");
    if (!helpers || strcmp(helpers, "1") != 0) return true;
    Value gc = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    return !value_is_exception(gc) && builtins_install_table(ts, gc, gc_helper_table, BUILTIN_COUNT(gc_helper_table)) &&
           builtins_define_global(ts, "$jstGc", gc);
}
