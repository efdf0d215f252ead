/*
 * builtins.h — how builtin globals are declared and installed. Each builtins/<global>.c ends with
 * static const BuiltinEntry tables and exports builtins_install_<global>(ts, realm); init.c lists
 * the installers in order. No registration by side effect.
 */
#ifndef JST_BUILTINS_H
#define JST_BUILTINS_H

#include "../value.h"
#include "../heap.h"
#include "../thread.h"
#include "../object.h"
#include "../jsstring.h"
#include "../ops.h"
#include "../errors.h"
#include "../interp.h"

typedef enum BuiltinKind {
    BUILTIN_KIND_FUNCTION,     // a method: fn, length, magic
    BUILTIN_KIND_GETSET,       // an accessor: fn = getter, setter (may be NULL)
    BUILTIN_KIND_NUMBER,       // a constant number
    BUILTIN_KIND_STRING,       // a constant string (e.g. Symbol.toStringTag values)
} BuiltinKind;

/*
 * One property of a builtin object. A name starting with "@@" is a well-known symbol key
 * ("@@iterator" -> Symbol.iterator, function name "[Symbol.iterator]").
 */
typedef struct BuiltinEntry {
    const char *name;
    uint8_t kind;              // BuiltinKind
    uint8_t attributes;        // PROP_* bits
    int16_t length;
    int16_t magic;
    NativeFn fn;
    NativeFn setter;
    double number;
    const char *string;
} BuiltinEntry;

#define BUILTIN_FN(name, fn, length) {name, BUILTIN_KIND_FUNCTION, PROP_HIDDEN, length, 0, fn, NULL, 0, NULL}
#define BUILTIN_FN_MAGIC(name, fn, length, magic) {name, BUILTIN_KIND_FUNCTION, PROP_HIDDEN, length, magic, fn, NULL, 0, NULL}
#define BUILTIN_GETSET(name, getter, setter) {name, BUILTIN_KIND_GETSET, PROP_CONFIGURABLE, 0, 0, getter, setter, 0, NULL}
#define BUILTIN_GETSET_MAGIC(name, getter, setter, magic) {name, BUILTIN_KIND_GETSET, PROP_CONFIGURABLE, 0, magic, getter, setter, 0, NULL}
#define BUILTIN_NUMBER(name, value, attributes) {name, BUILTIN_KIND_NUMBER, attributes, 0, 0, NULL, NULL, value, NULL}
#define BUILTIN_STRING(name, value, attributes) {name, BUILTIN_KIND_STRING, attributes, 0, 0, NULL, NULL, 0, value}
#define BUILTIN_COUNT(table) ((int)(sizeof(table) / sizeof((table)[0])))

// Defines every entry of `table` on `target`. false on OOM.
bool builtins_install_table(ThreadState *ts, Value target, const BuiltinEntry *table, int count);
// Creates a constructor function, links constructor.prototype <-> prototype.constructor and
// defines it on the global object under `name`. Returns the constructor or JS_EXCEPTION.
Value builtins_install_constructor(ThreadState *ts, const char *name, NativeFn fn, int length,
                                   Value prototype, uint16_t native_flags);
// Defines a plain global (writable, configurable, non-enumerable) value.
bool builtins_define_global(ThreadState *ts, const char *name, Value v);
// The property key for an entry name ("@@iterator" -> the symbol, else an atom).
PropKey builtins_key(ThreadState *ts, const char *name);
// Common argument access: args[i] or undefined.
static inline Value builtin_arg(const Value *args, int argc, int i) {
    return i < argc ? args[i] : JS_UNDEFINED;
}

// Installs every global in order (init.c).
bool builtins_install_all(ThreadState *ts);

// The installers init.c calls, in its order. Each creates its constructor(s) and prototype(s),
// stores the prototypes other files need into realm intrinsics and defines its globals.
bool builtins_install_object(ThreadState *ts);
bool builtins_install_function(ThreadState *ts);
bool builtins_install_error(ThreadState *ts);
bool builtins_install_symbol(ThreadState *ts);
bool builtins_install_iterator(ThreadState *ts);
bool builtins_install_array(ThreadState *ts);
bool builtins_install_string(ThreadState *ts);
bool builtins_install_boolean(ThreadState *ts);
bool builtins_install_number(ThreadState *ts);
bool builtins_install_math(ThreadState *ts);
bool builtins_install_json(ThreadState *ts);
bool builtins_install_map(ThreadState *ts);
bool builtins_install_promise(ThreadState *ts);
bool builtins_install_generator(ThreadState *ts);
bool builtins_install_timers(ThreadState *ts);
bool builtins_install_global(ThreadState *ts);
bool builtins_install_console(ThreadState *ts);
bool builtins_install_thread(ThreadState *ts);    // Thread, ThreadLocal (builtins/thread.c)
bool builtins_install_sync(ThreadState *ts);      // Lock, Condition (builtins/sync.c)
bool builtins_install_atomics(ThreadState *ts);   // Atomics (builtins/atomics.c)
bool builtins_install_date(ThreadState *ts);      // Date (builtins/date.c)
bool builtins_install_regexp(ThreadState *ts);    // RegExp (builtins/regexp.c)
bool builtins_install_typedarray(ThreadState *ts); // ArrayBuffer, SharedArrayBuffer, DataView, typed arrays
bool builtins_install_weakref(ThreadState *ts);   // WeakRef, FinalizationRegistry (builtins/weakref.c)
bool builtins_install_bigint(ThreadState *ts);    // BigInt (builtins/bigint.c)
bool builtins_install_proxy(ThreadState *ts);     // Proxy (builtins/proxy.c)
bool builtins_install_reflect(ThreadState *ts);   // Reflect (builtins/reflect.c)
bool builtins_install_uri(ThreadState *ts);       // encodeURI/decodeURI and friends (builtins/uri.c)
// Defines the global `$262` with detachArrayBuffer for test262 (builtins/arraybuffer.c); shell.c
// calls it only under JSTHREADS_SHELL_HELPERS.
bool typedarray_install_shell_helpers(ThreadState *ts);
bool builtins_install_shell(ThreadState *ts);

// The seam between builtins/regexp.c (the RegExp object over the engine in csrc/regexp/) and
// builtins/regexp_protocol.c (the @@match/@@matchAll/@@replace/@@search/@@split methods and
// the String methods built on them, which reach regexps only through Get/Call as the spec says).
// RegExpCreate(P, F) (§22.2.3.2): undefined pattern/flags allowed; throws on a bad pattern.
Value regexp_create(ThreadState *ts, Value pattern, Value flags);
// RegExp.prototype.toString as first installed ("/source/flags"), for console.log's formatting.
Value regexp_to_string(ThreadState *ts, Value regexp);
// Called by builtins_install_regexp once %RegExp.prototype% exists, to add the protocol methods.
bool regexp_install_protocol(ThreadState *ts, Value regexp_prototype);     // jsc shell helpers, with --shell-helpers (builtins/shell.c)

// CreateDynamicFunction for Function / GeneratorFunction / AsyncFunction (builtins/function.c):
// args are the constructor's arguments; flags adds COMPILE_GENERATOR or COMPILE_ASYNC.
Value builtins_create_dynamic_function(ThreadState *ts, const Value *args, int argc, int flags);
// Gives a new async generator closure its %AsyncGeneratorFunction.prototype% [[Prototype]] and a
// `prototype` inheriting %AsyncGeneratorPrototype% (builtins/function.c); false on failure.
bool function_setup_async_generator(ThreadState *ts, Value fn);

// util.inspect-style rendering (inspect.c), shared by console.log, the REPL and error printing.
// Strings come back quoted ('x'); depth_limit is node's `depth` (console.log uses 2).
Value inspect_value(ThreadState *ts, Value v, int depth_limit);
// console.log's formatting of a whole argument list (format specifiers, strings raw at top level).
Value inspect_format_args(ThreadState *ts, const Value *args, int argc);

// Internals other builtins expose for inspect (builtins/map.c, builtins/promise.c).
// Map: key/value pairs flattened (k0, v0, k1, v1, ...); Set: the values. false on OOM.
bool map_inspect_entries(ThreadState *ts, Value map, Values **out);
// Engine-internal WeakMaps that never reach JS (private class members, interp.c [INT-18]): no
// receiver checks and no JS runs. weakmap_lookup gives JS_HOLE when the key is absent (or is not
// an object); weakmap_put -1 on OOM.
Value weakmap_new(ThreadState *ts);
Value weakmap_lookup(ThreadState *ts, Value map, Value key);
int weakmap_put(ThreadState *ts, Value map, Value key, Value value);
// Adds key unless present, atomically: 0 added, 1 already there (nothing changed), -1 OOM.
int weakmap_add(ThreadState *ts, Value map, Value key, Value value);
// 0 pending, 1 fulfilled, 2 rejected; *result receives the value or reason.
int promise_inspect_state(Value p, Value *result);

// Element `index` of a CELL_ARRAY read straight from flat storage when it is an own data element
// (not a hole, not an accessor). False means "take the generic path": never a wrong answer.
static inline bool array_get_fast(Value array, uint32_t index, Value *out) {
    if (value_cell_type(array) != CELL_ARRAY) return false;
    Object *o = value_to_object(array);
    if (o->butterfly & BUTTERFLY_SHARED_WRITE) return false;
    Butterfly *b = object_butterfly(o);
    if (!b || index >= b->elements_length || index >= ((Array *)o)->length) return false;
    Value v = butterfly_elements(b)[index];
    if (v == JS_HOLE || value_cell_type(v) == CELL_ACCESSOR) return false;
    *out = v;
    return true;
}

// ---- Iterators, Map/Set, Promise (iterator.c, map.c, promise.c) ----

// A builtin iterator (CELL_ITERATOR). kind = source (ITERATOR_*) | iteration (ITERATION_*).
// Array/string iterators hold the iterated value; Map/Set iterators hold the entry table they
// walk (see map.c), so deletions and compactions during iteration are tolerated.
typedef struct IteratorObject {
    Object object;
    Value target;      // JS_UNDEFINED once exhausted
    uint32_t index;    // next position (code units for strings, entry number for Map/Set)
    uint8_t kind;
    uint8_t done;
} IteratorObject;
enum { ITERATION_KEYS = 0, ITERATION_VALUES = 1, ITERATION_ENTRIES = 2, ITERATION_MASK = 3 };
enum { ITERATOR_ARRAY = 0, ITERATOR_STRING = 4, ITERATOR_MAP = 8, ITERATOR_SET = 12,
       ITERATOR_SOURCE_MASK = 12 };
// A new iterator over target with the given intrinsic prototype; JS_EXCEPTION on OOM.
Value iterator_new(ThreadState *ts, Intrinsic prototype, Value target, uint8_t kind);
// GetIterator(v, async) (iterator.c): @@asyncIterator, else CreateAsyncFromSyncIterator.
bool async_iterator_get(ThreadState *ts, Value v, IteratorRecord *out);
void iterator_trace(Marker *m, Cell *cell);

// Map, Set, WeakMap, WeakSet (CELL_MAP, ...). `table` is a CELL_VALUES entry table (map.c).
typedef struct MapObject {
    Object object;
    Value table;       // owner: plain store; replaced on growth/clear, the old one forwards to it
    uint32_t size;     // live entries
    uint32_t deleted;  // tombstones in table
} MapObject;
// Steps a Map/Set iterator position: follows forwarded tables, skips tombstones. True with the
// entry at *index (then advanced) in *key/*value; false when exhausted. Never allocates.
bool map_table_next(Value *table, uint32_t *index, Value *key, Value *value);
void map_trace(Marker *m, Cell *cell);
void set_trace(Marker *m, Cell *cell);
void weakmap_trace(Marker *m, Cell *cell);
void weakset_trace(Marker *m, Cell *cell);

// Promises (CELL_PROMISE).
typedef struct PromiseObject {
    Object object;
    Value result;      // fulfillment value or rejection reason; JS_UNDEFINED while pending
    Value reactions;   // CELL_VALUES of reaction records while pending, else JS_UNDEFINED
    uint8_t state;     // 0 pending, 1 fulfilled, 2 rejected
    bool is_handled;   // [[PromiseIsHandled]]
    bool delivering;   // settled, and the settler is still delivering reactions (under the lock)
} PromiseObject;
void promise_trace(Marker *m, Cell *cell);
// Helpers for async functions and the host. promise_new: a pending %Promise%.
Value promise_new(ThreadState *ts);
// The resolve function's semantics (thenables are adopted through a job); false on OOM.
bool promise_resolve_value(ThreadState *ts, Value promise, Value v);
bool promise_reject_value(ThreadState *ts, Value promise, Value reason);
// PromiseResolve(%Promise%, v).
Value promise_resolve(ThreadState *ts, Value v);
// PerformPromiseThen without a result capability; callbacks are function values (or undefined).
bool promise_then_native(ThreadState *ts, Value promise, Value on_fulfilled, Value on_rejected);
// PerformPromiseThen(promise, on_fulfilled, on_rejected) settling the pending %Promise% `result`.
bool promise_then_into(ThreadState *ts, Value promise, Value on_fulfilled, Value on_rejected, Value result);
// job.c runs internal jobs (a CELL_VALUES record in place of the function) through this.
bool promise_job_run(ThreadState *ts, Value job, Value argument);
// How many reactions wait on `promise`, a CELL_PROMISE (0 once it settled), counted under its
// lock: consistent while other threads add reactions (for $vm.pendingPromiseReactionCount).
uint32_t promise_pending_reaction_count(Value promise);

// String helpers shared with RegExp (string.c).
// GetSubstitution (ES2023 §22.1.3.19.1): expands $$, $&, $`, $', $n, $nn and $<name> in
// `replacement`; captures[i] is capture i + 1 (a String or undefined); named_captures is an
// object or undefined. Returns a String or JS_EXCEPTION.
Value string_get_substitution(ThreadState *ts, Value matched, Value str, uint32_t position,
                              const Value *captures, uint32_t capture_count, Value named_captures,
                              Value replacement);

#endif
