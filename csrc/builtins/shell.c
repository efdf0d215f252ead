/*
 * builtins/shell.c — the native half of the jsc shell helpers that peer-corpus tests call
 * (`load`, `readFile`, `$.evalScript`, `gc`, `preciseTime`, `quit`, `drainMicrotasks`,
 * `sleepSeconds`), as methods of one hidden global `$jstShell`; jsthreads/shell_shim.js gives
 * them their jsc names and adds `print`, `$vm` and the async-test counters. Installed only when
 * the environment has JSTHREADS_SHELL_HELPERS=1 (`jsthreads run --shell-helpers` sets it), so an
 * ordinary program never sees them. sleepSeconds blocks inside the blocked state [SP-5].
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "builtins.h"
#include "../safepoint.h"
#include "../structure.h"

// load() compiles with COMPILE_SHELL_SCRIPT (thread.h): a whole script whose top-level let/const
// go to the global lexical scope, as jsc's load() does; `parameters` carries the file name.

// The largest file readFile/load accept; a test's source is a few hundred KB at most.
#define SHELL_MAX_FILE (64u << 20)

// The file named by a JS string, read whole; NULL with a JS Error pending when unreadable.
static char *read_whole_file(ThreadState *ts, Value path_value, size_t *length_out, Value *path_string) {
    Value path = ops_to_string(ts, path_value);
    if (value_is_exception(path)) return NULL;
    *path_string = path;
    size_t path_length = 0;
    char *path_text = string_to_utf8(ts, path, &path_length);
    if (!path_text) return NULL;
    // Reading a file is not a blocking wait on another thread, so it stays in the running state.
    errno = 0;
    FILE *file = strlen(path_text) == path_length ? fopen(path_text, "rb") : NULL;
    if (!file) {
        int saved = errno;
        error_throw_kind(ts, ERROR_PLAIN, "Could not open file: %s (%s)", path_text,
                         strerror(saved ? saved : ENOENT));
        free(path_text);
        return NULL;
    }
    free(path_text);
    size_t capacity = 4096, length = 0;
    char *data = malloc(capacity);
    while (data) {
        size_t n = fread(data + length, 1, capacity - length, file);
        length += n;
        if (n == 0 || length > SHELL_MAX_FILE) break;
        if (length == capacity) {
            char *bigger = realloc(data, capacity * 2);
            if (!bigger) {
                free(data);
                data = NULL;
                break;
            }
            data = bigger;
            capacity *= 2;
        }
    }
    bool failed = ferror(file) || length > SHELL_MAX_FILE;
    fclose(file);
    if (!data) {
        error_throw_out_of_memory(ts);
        return NULL;
    }
    if (failed) {
        free(data);
        error_throw_kind(ts, ERROR_PLAIN, "Could not read file");
        return NULL;
    }
    *length_out = length;
    return data;
}

static Value file_string(ThreadState *ts, Value path_value, Value *path_string) {
    size_t length = 0;
    char *data = read_whole_file(ts, path_value, &length, path_string);
    if (!data) return JS_EXCEPTION;
    Value text = string_from_utf8(ts, data, length);
    free(data);
    return text;
}

// readFile(path): the file's text (UTF-8, invalid bytes as U+FFFD), like jsc's readFile.
static Value shell_readFile(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value path;
    return file_string(ts, builtin_arg(args, argc, 0), &path);
}

// load(path) (magic 0): compiles the file as a script of the shared global scope and runs it;
// returns its completion value. Path resolution (jsc's "caller relative") is the shim's business.
// evalScript(source) (magic 1, jsc's $.evalScript): the same for source text.
static Value shell_load(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value name = JS_UNDEFINED, source;
    if (magic == 0) {
        source = file_string(ts, builtin_arg(args, argc, 0), &name);
    } else {
        source = ops_to_string(ts, builtin_arg(args, argc, 0));
        name = string_from_utf8(ts, "<evalScript>", 12);
    }
    if (value_is_exception(source) || value_is_exception(name)) return JS_EXCEPTION;
    Value code = ts->rt->compile_hook(ts, source, COMPILE_SHELL_SCRIPT, name);
    if (value_is_exception(code)) return JS_EXCEPTION;
    return interp_run_script(ts, code);
}

// gc(), fullGC(), edenGC(): one full stop-the-world collection (there is no young generation).
static Value shell_gc(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    heap_collect(ts);
    return JS_UNDEFINED;
}

// gcHeapSize(): bytes in the heap now, as jsc's heap.size(): what the last collection left live
// plus what has been allocated since (heap_stats; large cells and butterflies included).
static Value shell_gcHeapSize(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    HeapStats stats;
    heap_stats(ts->rt, &stats);
    return value_from_number((double)(stats.bytes_live + stats.bytes_allocated));
}

// releaseWeakRefs(): ClearKeptObjects for the calling thread, as jsc's: the targets its WeakRef
// constructions and derefs kept alive until the end of the current job are let go now [HEAP-15].
static Value shell_releaseWeakRefs(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    heap_clear_kept(ts);
    return JS_UNDEFINED;
}

// ---- $vm hooks that report jsthreads' real state (the shim's header documents each) ----

// The object argument, or NULL with a TypeError pending.
static Object *vm_object_arg(ThreadState *ts, const Value *args, int argc, const char *hook) {
    Value v = builtin_arg(args, argc, 0);
    if (value_is_object(v)) return value_to_cell(v);
    error_throw_kind(ts, ERROR_TYPE, "$vm.%s expects an object", hook);
    return NULL;
}

// getStructureTransitionList(o): the structure ids from the root of o's transition tree (the
// initial structure of its prototype) to o's current structure (structure_transition_chain).
#define VM_CHAIN_MAX 128
static Value vm_getStructureTransitionList(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Object *o = vm_object_arg(ts, args, argc, "getStructureTransitionList");
    if (!o) return JS_EXCEPTION;
    uint32_t ids[VM_CHAIN_MAX];
    uint32_t n = structure_transition_chain(ts, object_structure(ts, o), ids, VM_CHAIN_MAX);
    // A chain longer than the buffer (more than DICTIONARY_THRESHOLD steps cannot happen) keeps
    // its root and its end.
    if (n > VM_CHAIN_MAX) {
        ids[VM_CHAIN_MAX - 1] = object_structure_id(o);
        n = VM_CHAIN_MAX;
    }
    Value values[VM_CHAIN_MAX];
    for (uint32_t i = 0; i < n; i++) values[i] = value_from_number(ids[i]);
    return array_from_values(ts, values, n);
}

// butterflyOwnerTID(o) (magic 0): the owner TID in o's butterfly word [OM-1];
// currentButterflyTID() (magic 1): the TID this thread stamps on what it allocates (ts->tid).
static Value vm_butterflyTID(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    if (magic == 1) return value_from_int(ts->tid);
    Object *o = vm_object_arg(ts, args, argc, "butterflyOwnerTID");
    return o ? value_from_int(butterfly_owner(o)) : JS_EXCEPTION;
}

// jsThreadsStopRequestCount(): stop-the-world requests since start-up (every collection asks for
// one, whether or not another thread's collection made it unnecessary).
static Value vm_stopRequestCount(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return value_from_number((double)heap_stop_requests(ts->rt));
}

// pendingPromiseReactionCount(p): the reactions a pending promise holds (then/catch/await
// registrations not yet triggered), counted under the promise's lock; 0 once it is settled.
static Value vm_pendingPromiseReactionCount(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value p = builtin_arg(args, argc, 0);
    if (value_cell_type(p) != CELL_PROMISE)
        return error_throw_type(ts, "$vm.pendingPromiseReactionCount expects a promise");
    return value_from_number(promise_pending_reaction_count(p));
}

// indexingMode(o): the storage jsthreads really uses, in jsc's words where the concept is the
// same. Elements are one dense vector of Values (no Int32/Double specialisation, no copy-on-write
// literals): "Contiguous". Once an index has been kept as a key of the structure (sparse, or with
// attributes [OM-15]) the structure says "may have index keys" for good and element writes take
// the checked path, which is what jsc's ArrayStorage (vector + sparse map, never left) is:
// "ArrayStorage". The prefix is "Array" for Array objects, else "NonArray".
static Value vm_indexingMode(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value v = builtin_arg(args, argc, 0);
    if (!value_is_object(v)) return string_from_utf8(ts, "NonArray", 8);
    const Structure *s = object_structure(ts, value_to_cell(v));
    char mode[40];
    int n = snprintf(mode, sizeof mode, "%sWith%s", value_cell_type(v) == CELL_ARRAY ? "Array" : "NonArray",
                     structure_has_index_keys(s) ? "ArrayStorage" : "Contiguous");
    return string_from_utf8(ts, mode, (size_t)n);
}

// preciseTime(): seconds since the epoch with sub-millisecond resolution, as jsc returns it.
static Value shell_preciseTime(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)args, (void)argc, (void)magic;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return value_from_number((double)now.tv_sec + (double)now.tv_nsec / 1e9);
}

// quit(code = 0): ends the process at once, from any thread, like jsc. Output written so far is
// flushed first; other threads are not joined (process exit never joins, see the API notes).
static Value shell_quit(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double code = 0;
    if (argc > 0 && !ops_to_number(ts, args[0], &code)) return JS_EXCEPTION;
    fflush(NULL);
    _exit(code == code ? (int)(uint8_t)(int64_t)code : 0);
}

// drainMicrotasks(): runs the calling thread's microtask queue now; a throwing job propagates.
static Value shell_drainMicrotasks(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return job_run_microtasks(ts) ? JS_UNDEFINED : JS_EXCEPTION;
}

// sleepSeconds(s): sleeps the calling thread. It counts as blocked meanwhile, so a collection or
// (under --gil) another thread can run [SP-5].
static Value shell_sleepSeconds(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double seconds = 0;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &seconds)) return JS_EXCEPTION;
    if (!(seconds > 0)) return JS_UNDEFINED;
    if (seconds > 3600) seconds = 3600;
    struct timespec wait = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
    safepoint_enter_blocked(ts);
    while (nanosleep(&wait, &wait) != 0 && errno == EINTR) {
    }
    safepoint_leave_blocked(ts);
    return JS_UNDEFINED;
}

static const BuiltinEntry shell_methods[] = {
    BUILTIN_FN("readFile", shell_readFile, 1),
    BUILTIN_FN_MAGIC("load", shell_load, 1, 0),
    BUILTIN_FN_MAGIC("evalScript", shell_load, 1, 1),
    BUILTIN_FN("gc", shell_gc, 0),
    BUILTIN_FN("preciseTime", shell_preciseTime, 0),
    BUILTIN_FN("quit", shell_quit, 0),
    BUILTIN_FN("drainMicrotasks", shell_drainMicrotasks, 0),
    BUILTIN_FN("sleepSeconds", shell_sleepSeconds, 1),
    BUILTIN_FN("gcHeapSize", shell_gcHeapSize, 0),
    BUILTIN_FN("releaseWeakRefs", shell_releaseWeakRefs, 0),
    BUILTIN_FN("getStructureTransitionList", vm_getStructureTransitionList, 1),
    BUILTIN_FN_MAGIC("butterflyOwnerTID", vm_butterflyTID, 1, 0),
    BUILTIN_FN_MAGIC("currentButterflyTID", vm_butterflyTID, 0, 1),
    BUILTIN_FN("jsThreadsStopRequestCount", vm_stopRequestCount, 0),
    BUILTIN_FN("pendingPromiseReactionCount", vm_pendingPromiseReactionCount, 1),
    BUILTIN_FN("indexingMode", vm_indexingMode, 1),
};

bool builtins_install_shell(ThreadState *ts) {
    const char *enabled = getenv("JSTHREADS_SHELL_HELPERS");
    if (!enabled || strcmp(enabled, "1") != 0) return true;
    Value shell = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(shell)) return false;
    // jsc has $vm only under --useDollarVM=1; the peer runner sets JSTHREADS_DOLLAR_VM=0 for tests
    // that do not ask for it (peer.py), so the shim leaves $vm out for them as jsc does.
    const char *dollar_vm = getenv("JSTHREADS_DOLLAR_VM");
    Value key = atom_from_cstr(ts, "dollarVM");
    if (value_is_exception(key) ||
        object_define_value(ts, shell, key, value_from_bool(!dollar_vm || strcmp(dollar_vm, "0") != 0), 0) < 0)
        return false;
    return builtins_install_table(ts, shell, shell_methods, BUILTIN_COUNT(shell_methods)) &&
           builtins_define_global(ts, "$jstShell", shell) &&
           typedarray_install_shell_helpers(ts);   // $262.detachArrayBuffer (builtins/arraybuffer.c)
}
