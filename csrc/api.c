/*
 * api.c — implements api.h, the only surface Python sees: runtime creation, running compiled
 * blobs, the handle table (GC roots for values held by Python), and the compile hook that calls
 * back into the Python compiler for eval and new Function. No engine logic lives here; the
 * conservative scan starts at the pthread's real stack top (heap_thread_init), so every caller
 * frame, however re-entrant, is covered [HEAP-7]. Between API calls the main thread is BLOCKED
 * (and under --gil holds no GIL), so other JS threads collect and run meanwhile [SP-5, SP-9].
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "api.h"
#include "thread.h"
#include "heap.h"
#include "object.h"
#include "jsstring.h"
#include "errors.h"
#include "interp.h"
#include "frame.h"
#include "ops.h"
#include "safepoint.h"
#include "builtins/builtins.h"

struct jst_runtime {
    Runtime *rt;
    ThreadState *ts;           // the thread that created the runtime (the "main" JS thread)
    Value *handles;            // handle table: index 0 unused; JS_HOLE marks a free entry
    uint32_t handle_count, handle_capacity;
    Value uncaught;            // the exception of the last failed run, JS_HOLE when none
    int mode;
    pthread_t owner;           // the pthread that created the runtime and owns ts
};

static void api_trace(Runtime *rt, Marker *m) {
    jst_runtime *api = rt->embedder;
    for (uint32_t i = 1; i < api->handle_count; i++)
        if (api->handles[i] != JS_HOLE) heap_mark_value(m, api->handles[i]);
    heap_mark_value(m, api->uncaught);
}

static jst_handle handle_new(jst_runtime *api, Value v) {
    for (uint32_t i = 1; i < api->handle_count; i++) {
        if (api->handles[i] == JS_HOLE) {
            api->handles[i] = v;
            return i;
        }
    }
    if (api->handle_count == api->handle_capacity) {
        uint32_t capacity = api->handle_capacity ? api->handle_capacity * 2 : 64;
        Value *grown = realloc(api->handles, capacity * sizeof(Value));
        if (!grown) return 0;
        api->handles = grown;
        api->handle_capacity = capacity;
        if (api->handle_count == 0) api->handle_count = 1;
    }
    api->handles[api->handle_count] = v;
    return api->handle_count++;
}

static void handle_release(jst_runtime *api, jst_handle h) {
    if (h > 0 && h < api->handle_count) api->handles[h] = JS_HOLE;
}

static Value handle_get(jst_runtime *api, jst_handle h) {
    if (h == 0 || h >= api->handle_count) return JS_UNDEFINED;
    return api->handles[h];
}

/*
 * Every jst_* call that touches the engine begins with api_enter and returns through api_return.
 * While Python holds the thread it neither polls nor touches the heap, so it must count as
 * BLOCKED ("Embedders", SP-5); entering waits out a collection and, under --gil, takes the GIL.
 * api_enter gives NULL on another pthread than the runtime's creator: the ThreadState belongs to
 * the creator (its stack is the one scanned [HEAP-7]), so such calls are refused, not run.
 */
static ThreadState *api_enter(jst_runtime *api) {
    if (!pthread_equal(pthread_self(), api->owner)) return NULL;
    safepoint_leave_blocked(api->ts);
    return api->ts;
}

static int api_return(jst_runtime *api, int status) {
    safepoint_enter_blocked(api->ts);
    return status;
}

void *jst_malloc(size_t size) { return malloc(size ? size : 1); }
void jst_free_text(char *text) { free(text); }

// eval / new Function: the Python compiler runs while this thread counts as blocked [SP-5].
static Value compile_hook(ThreadState *ts, Value source, int flags, Value parameters) {
    size_t source_length = 0, parameters_length = 0;
    char *source_text = string_to_utf8(ts, source, &source_length);
    char *parameters_text = value_is_string(parameters) ? string_to_utf8(ts, parameters, &parameters_length) : NULL;
    if (!source_text) return JS_EXCEPTION;
    uint8_t *blob = NULL;
    size_t blob_length = 0;
    char *error = NULL;
    int line = 0, column = 0;
    safepoint_enter_blocked(ts);
    int status = jst_py_compile(ts->rt->embedder, source_text, source_length, flags, parameters_text,
                                parameters_length, &blob, &blob_length, &error, &line, &column);
    safepoint_leave_blocked(ts);
    free(source_text);
    free(parameters_text);
    if (status != 0 || !blob) {
        Value result = error_throw_syntax(ts, "%s", error ? error : "invalid code");
        free(error);
        free(blob);
        return result;
    }
    Value code = code_load(ts, blob, blob_length);
    free(blob);
    return code;
}

int jst_runtime_new(int mode, jst_runtime **out) {
    *out = NULL;
    jst_runtime *api = calloc(1, sizeof *api);
    if (!api) return JST_ERROR_OOM;
    api->mode = mode;
    api->owner = pthread_self();
    api->uncaught = JS_HOLE;
    Runtime *rt = runtime_new();
    if (!rt) {
        free(api);
        return JST_ERROR_OOM;
    }
    rt->embedder = api;
    rt->embedder_trace = api_trace;
    rt->compile_hook = compile_hook;
    api->rt = rt;
    // Before the first thread attaches: registration takes the GIL in --gil mode [SP-9].
    rt->gil_mode = mode == JST_MODE_GIL;
    ThreadState *ts = thread_attach(rt);
    if (!ts) {
        runtime_free(rt);
        free(api);
        return JST_ERROR_OOM;
    }
    api->ts = ts;
    if (!builtins_install_all(ts)) {
        runtime_free(rt);
        free(api);
        return JST_ERROR_OOM;
    }
    *out = api;
    return api_return(api, JST_OK);
}

void jst_runtime_free(jst_runtime *api) {
    if (!api) return;
    // Detaching happens from RUNNING, as heap_thread_release requires.
    Runtime *rt = api->rt;
    // From another pthread (a finalizer, say) the runtime is leaked rather than freed unsafely.
    if (!api_enter(api)) return;
    // Spawned Threads still running keep using the runtime, this thread's state and (through
    // the handle table, a root) this struct [THR-11]: then everything is left alive, and this
    // thread goes back to BLOCKED so that they can still collect and, under --gil, run. The count
    // cannot rise meanwhile: only running JS spawns, and none runs on this thread.
    if (load_acquire(&rt->spawned_live) > 0) {
        api_return(api, JST_OK);
        return;
    }
    runtime_free(rt);
    free(api->handles);
    free(api);
}

static int finish(jst_runtime *api, Value v, jst_handle *result) {
    if (value_is_exception(v)) {
        api->uncaught = error_take(api->ts);
        return JST_ERROR_THROWN;
    }
    if (result) *result = handle_new(api, v);
    return JST_OK;
}

static int run_script(jst_runtime *api, const uint8_t *blob, size_t length, int run_event_loop, jst_handle *result) {
    ThreadState *ts = api->ts;
    if (result) *result = 0;
    api->uncaught = JS_HOLE;
    Value code = code_load(ts, blob, length);
    if (value_is_exception(code)) return finish(api, code, result);
    Value v = interp_run_script(ts, code);
    if (value_is_exception(v)) return finish(api, v, result);
    jst_handle h = handle_new(api, v);
    if (run_event_loop && !job_run_event_loop(ts)) {
        handle_release(api, h);
        return finish(api, JS_EXCEPTION, result);
    }
    if (result) *result = h;
    else handle_release(api, h);
    return JST_OK;
}

int jst_run_script(jst_runtime *api, const uint8_t *blob, size_t length, int run_event_loop, jst_handle *result) {
    if (!api_enter(api)) return JST_ERROR_USAGE;
    return api_return(api, run_script(api, blob, length, run_event_loop, result));
}

int jst_run_event_loop(jst_runtime *api) {
    ThreadState *ts = api_enter(api);
    if (!ts) return JST_ERROR_USAGE;
    if (!job_run_event_loop(ts)) return api_return(api, finish(api, JS_EXCEPTION, NULL));
    return api_return(api, JST_OK);
}

int jst_exception_format(jst_runtime *api, char **text_out) {
    *text_out = NULL;
    ThreadState *ts = api_enter(api);
    if (!ts) return JST_ERROR_USAGE;
    *text_out = error_format_uncaught(ts, api->uncaught == JS_HOLE ? JS_UNDEFINED : api->uncaught);
    return api_return(api, *text_out ? JST_OK : JST_ERROR_OOM);
}

static int handle_kind(jst_runtime *api, jst_handle h) {
    Value v = handle_get(api, h);
    if (v == JS_UNDEFINED) return JST_KIND_UNDEFINED;
    if (v == JS_NULL) return JST_KIND_NULL;
    if (value_is_bool(v)) return JST_KIND_BOOL;
    if (value_is_number(v)) return JST_KIND_NUMBER;
    if (value_is_string(v)) return JST_KIND_STRING;
    if (value_is_symbol(v)) return JST_KIND_SYMBOL;
    if (value_cell_type(v) == CELL_ARRAY) return JST_KIND_ARRAY;
    if (ops_is_callable(v)) return JST_KIND_FUNCTION;
    if (value_is_object(v)) return JST_KIND_OBJECT;
    return JST_KIND_OTHER;
}

int jst_handle_kind(jst_runtime *api, jst_handle h) {
    if (!api_enter(api)) return JST_KIND_OTHER;
    return api_return(api, handle_kind(api, h));
}

int jst_handle_to_double(jst_runtime *api, jst_handle h, double *out) {
    if (!api_enter(api)) return JST_ERROR_USAGE;
    Value v = handle_get(api, h);
    if (value_is_bool(v)) {
        *out = v == JS_TRUE;
        return api_return(api, JST_OK);
    }
    if (!value_is_number(v)) return api_return(api, JST_ERROR_USAGE);
    *out = value_to_number(v);
    return api_return(api, JST_OK);
}

int jst_handle_to_utf8(jst_runtime *api, jst_handle h, char **text_out) {
    *text_out = NULL;
    ThreadState *ts = api_enter(api);
    if (!ts) return JST_ERROR_USAGE;
    Value s = ops_to_string(ts, handle_get(api, h));
    if (value_is_exception(s)) return api_return(api, finish(api, s, NULL));
    size_t length;
    *text_out = string_to_utf8(ts, s, &length);
    return api_return(api, *text_out ? JST_OK : JST_ERROR_OOM);
}

int jst_handle_inspect(jst_runtime *api, jst_handle h, char **text_out) {
    *text_out = NULL;
    ThreadState *ts = api_enter(api);
    if (!ts) return JST_ERROR_USAGE;
    Value s = inspect_value(ts, handle_get(api, h), 2);
    if (value_is_exception(s)) return api_return(api, finish(api, s, NULL));
    size_t length;
    *text_out = string_to_utf8(ts, s, &length);
    return api_return(api, *text_out ? JST_OK : JST_ERROR_OOM);
}

// The handle table is a GC root that another thread's collection reads [HEAP-6]: written only
// while RUNNING.
void jst_handle_release(jst_runtime *api, jst_handle h) {
    if (!api_enter(api)) return;
    handle_release(api, h);
    api_return(api, JST_OK);
}

int jst_gc(jst_runtime *api) {
    ThreadState *ts = api_enter(api);
    if (!ts) return JST_ERROR_USAGE;
    heap_collect(ts);
    return api_return(api, JST_OK);
}
