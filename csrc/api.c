/*
 * api.c — implements api.h, the only surface Python sees (DESIGN.md §5): runtimes, attaching
 * pthreads as JS threads, the handle table (GC roots for values held by Python), running code,
 * property access and calls, host callbacks into Python, interrupts and time limits, and the
 * compile hook that calls back into the Python compiler for eval and new Function. No engine
 * logic lives here. jsthreads._fastcall (csrc/pyext/fastcall.c) reaches a few of these functions
 * through the table of api_table.h and installs the call hook that host calls try before
 * jst_py_host.
 *
 * Threads. Every pthread that calls in gets its own ThreadState (an Attachment, found through a
 * thread-local list), made on its first call and detached when the pthread ends (a pthread key
 * destructor) or the runtime closes: nothing touches the JS heap from an unattached thread, and
 * each thread's stack is scanned from its real top [HEAP-7]. Between calls an attached thread is
 * BLOCKED (and under --gil holds no GIL), so the other threads collect and run meanwhile
 * [SP-5, SP-9]; a call leaves the blocked state on entry and re-enters it on return. A host
 * callback (a JS thread calling Python) runs blocked too, so a stop-the-world never waits for the
 * Python GIL; calls Python makes from inside it use that JS thread's state (tls_callback_ts).
 *
 * Lock order: attach_lock (global), then Runtime.threads_lock; handles_lock and dead_lock are
 * leaves. None is held across a safepoint or a call into Python.
 */
#define _GNU_SOURCE
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "api.h"
#include "api_internal.h"
#include "api_table.h"
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
#include "builtins/host.h"
#include "bigint.h"

typedef struct Attachment {
    jst_runtime *api;               // NULL once the runtime closed; under attach_lock
    ThreadState *ts;                // NULL once detached; under attach_lock (atomic for readers)
    struct Attachment *next_in_thread;  // the owner pthread's list (owner only)
    struct Attachment *next_in_api;     // jst_runtime.attachments; under attach_lock
    double deadline_ms;             // the current call's time limit, 0 = none; under attach_lock
    int depth;                      // owner only: nesting of calls (the outermost sets deadlines)
    jst_handle uncaught;            // owner only: the legacy API's last uncaught exception
} Attachment;

struct jst_runtime {
    Runtime *rt;
    void *py_data;                  // handed back to jst_py_host / jst_py_compile
    int mode;
    bool closed;                    // under attach_lock; also read atomically by api_enter
    int active;                     // atomic: outermost calls in progress (close waits for 1)
    int busy;                       // thread-exit detaches in progress; under attach_lock
    Attachment *attachments;        // under attach_lock
    pthread_cond_t attach_changed;  // busy dropped (close waits), with attach_lock
    // The handle table: a GC root (api_trace). Slots hold JS_HOLE when free; free slots are
    // chained through free_next. Writers hold handles_lock. Growing copies the table into a
    // bigger one, which only a RUNNING thread may do (then no collection is marking it); readers
    // take no lock, so the old tables stay allocated until the runtime is freed (they add up to
    // less than the current one), and the new table is published before the count that needs
    // it. Releasing only writes JS_HOLE, so any thread may release.
    pthread_mutex_t handles_lock;
    Value *handles;                 // atomic pointer (release on growth)
    uint32_t *free_next;            // under handles_lock
    uint32_t handle_count;          // atomic (release after the table that holds it)
    uint32_t handle_capacity, free_head;   // under handles_lock
    Value *retired[32];             // earlier tables, freed with the runtime
    int retired_count;
    // Host ids whose JS stand-ins died (host_object_finalize), for Python to drop.
    pthread_mutex_t dead_lock;
    uint64_t *dead;
    int dead_count, dead_capacity;
    // Time limits: the watchdog interrupts calls past their deadline.
    int64_t time_limit_us;          // 0 = none; atomic
    pthread_t watchdog;
    bool watchdog_started, watchdog_stop;   // under attach_lock
    pthread_cond_t watch_changed;           // CLOCK_MONOTONIC, with attach_lock
    double watch_next_ms;                   // the watchdog's next wake-up, 0 = none; attach_lock
    jst_handle reason_symbol, host_symbol;  // private keys marking special errors
};

static pthread_mutex_t attach_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t attach_key;
static pthread_once_t attach_key_once = PTHREAD_ONCE_INIT;
static __thread Attachment *tls_attachments;
static __thread ThreadState *tls_callback_ts;   // the JS thread of the innermost host callback
static __thread char *tls_text;                 // jst_result.text storage (owner only)
static __thread size_t tls_text_capacity;

// ---- the handle table ----

static void api_trace(Runtime *rt, Marker *m) {
    jst_runtime *api = rt->embedder;
    for (uint32_t i = 1; i < api->handle_count; i++) {
        Value v = load_relaxed(&api->handles[i]);
        if (v != JS_HOLE) heap_mark_value(m, v);
    }
}

// A new handle for v, or 0 when the table must grow and the caller is not RUNNING.
static jst_handle handle_new_maybe(jst_runtime *api, Value v, bool running) {
    pthread_mutex_lock(&api->handles_lock);
    jst_handle h = api->free_head;
    if (h) {
        api->free_head = api->free_next[h];
    } else if (api->handle_count < api->handle_capacity) {
        h = api->handle_count;   // published (count + 1) once the slot holds v
    } else if (running && api->retired_count < 32) {
        uint32_t capacity = api->handle_capacity ? api->handle_capacity * 2 : 256;
        Value *grown = malloc(capacity * sizeof(Value));
        uint32_t *next = grown ? realloc(api->free_next, capacity * sizeof(uint32_t)) : NULL;
        if (next) {
            api->free_next = next;
            if (api->handles) {
                memcpy(grown, api->handles, api->handle_capacity * sizeof(Value));
                api->retired[api->retired_count++] = api->handles;
            }
            store_release(&api->handles, grown);
            api->handle_capacity = capacity;
            uint32_t count = api->handle_count ? api->handle_count : 1;   // 0 means "no handle"
            h = count;
            store_relaxed(&api->handles[h], v);
            store_release(&api->handle_count, count + 1);
            pthread_mutex_unlock(&api->handles_lock);
            return h;
        }
        free(grown);
    }
    if (h) {
        store_relaxed(&api->handles[h], v);
        if (h == api->handle_count) store_release(&api->handle_count, h + 1);
    }
    pthread_mutex_unlock(&api->handles_lock);
    return h;
}

static jst_handle handle_new(jst_runtime *api, Value v) {
    switch (v) {
    case JS_UNDEFINED: return JST_HANDLE_UNDEFINED;
    case JS_NULL: return JST_HANDLE_NULL;
    case JS_FALSE: return JST_HANDLE_FALSE;
    case JS_TRUE: return JST_HANDLE_TRUE;
    default: return handle_new_maybe(api, v, true);
    }
}

// Lock-free: the count is read before the table, so the table read holds slot h [see above].
static Value handle_get(jst_runtime *api, jst_handle h) {
    if (h == 0 || h >= load_acquire(&api->handle_count)) return JS_UNDEFINED;
    Value *table = load_acquire(&api->handles);
    Value v = load_relaxed(&table[h]);
    return v == JS_HOLE ? JS_UNDEFINED : v;
}

static void handle_release(jst_runtime *api, jst_handle h) {
    if (h <= JST_HANDLE_TRUE) return;   // the fixed handles live as long as the runtime
    pthread_mutex_lock(&api->handles_lock);
    if (h < api->handle_count && api->handles[h] != JS_HOLE) {
        store_relaxed(&api->handles[h], JS_HOLE);
        api->free_next[h] = api->free_head;
        api->free_head = h;
    }
    pthread_mutex_unlock(&api->handles_lock);
}

// ---- attaching pthreads ----

static void detach_attachment(jst_runtime *api, ThreadState *ts, Attachment *att) {
    if (att->uncaught) handle_release(api, att->uncaught);
    att->uncaught = 0;
    safepoint_leave_blocked(ts);   // thread_detach runs from RUNNING [SP-7]
    thread_detach(ts);
}

// The pthread is ending: detach it from every runtime it is still attached to.
static void thread_exit(void *head) {
    for (Attachment *att = head, *next; att; att = next) {
        next = att->next_in_thread;
        pthread_mutex_lock(&attach_lock);
        jst_runtime *api = att->api;
        ThreadState *ts = att->ts;
        if (api && ts) {
            for (Attachment **p = &api->attachments; *p; p = &(*p)->next_in_api) {
                if (*p == att) {
                    *p = att->next_in_api;
                    break;
                }
            }
            api->busy++;   // close waits for this detach [THR-11 holds for spawned threads only]
            store_release(&att->ts, NULL);
            att->api = NULL;
        }
        pthread_mutex_unlock(&attach_lock);
        if (api && ts) {
            detach_attachment(api, ts, att);
            pthread_mutex_lock(&attach_lock);
            api->busy--;
            pthread_cond_broadcast(&api->attach_changed);
            pthread_mutex_unlock(&attach_lock);
        }
        free(att);
    }
}

static void make_attach_key(void) { pthread_key_create(&attach_key, thread_exit); }

static Attachment *attachment_of(jst_runtime *api) {
    for (Attachment *att = tls_attachments; att; att = att->next_in_thread)
        if (att->api == api && load_acquire(&att->ts)) return att;
    return NULL;
}

// Attaches the calling pthread; the new thread is left BLOCKED like every idle attached thread.
static Attachment *attach_current(jst_runtime *api) {
    pthread_once(&attach_key_once, make_attach_key);
    Attachment *att = calloc(1, sizeof *att);
    if (!att) return NULL;
    pthread_mutex_lock(&attach_lock);
    if (api->closed) {
        pthread_mutex_unlock(&attach_lock);
        free(att);
        return NULL;
    }
    ThreadState *ts = thread_attach(api->rt);
    if (!ts) {
        pthread_mutex_unlock(&attach_lock);
        free(att);
        return NULL;
    }
    ts->embed_attached = true;   // read by the watchdog under attach_lock
    att->api = api;
    att->ts = ts;
    att->next_in_api = api->attachments;
    api->attachments = att;
    pthread_mutex_unlock(&attach_lock);
    // Stale entries of closed runtimes are dropped here, by their owner, the only list writer.
    Attachment **p = &tls_attachments;
    while (*p) {
        if (!load_acquire(&(*p)->ts)) {
            Attachment *dead = *p;
            *p = dead->next_in_thread;
            free(dead);
        } else {
            p = &(*p)->next_in_thread;
        }
    }
    att->next_in_thread = tls_attachments;
    tls_attachments = att;
    pthread_setspecific(attach_key, tls_attachments);
    safepoint_enter_blocked(ts);
    return att;
}

typedef struct Entry {
    ThreadState *ts;
    Attachment *att;   // NULL inside a host callback on a thread api.c did not attach
} Entry;

static void arm_deadline(jst_runtime *api, Attachment *att);
static void disarm_deadline(Attachment *att);

/*
 * Every jst_* call that touches the engine begins with api_enter and returns through api_return.
 * While Python holds the thread it neither polls nor touches the heap, so it counts as BLOCKED
 * ("Embedders", SP-5); entering waits out a collection and, under --gil, takes the GIL.
 */
static bool api_enter(jst_runtime *api, Entry *e) {
    ThreadState *cb = tls_callback_ts;
    if (cb && cb->rt == api->rt) {
        e->ts = cb;
        e->att = NULL;
    } else {
        Attachment *att = attachment_of(api);
        if (!att) att = attach_current(api);
        if (!att) return false;
        e->ts = att->ts;
        e->att = att;
        if (att->depth == 0) {
            // Counted before the closed check, so a close either sees this call or refuses it.
            fetch_add_acq_rel(&api->active, 1);
            if (__atomic_load_n(&api->closed, __ATOMIC_SEQ_CST)) {
                fetch_add_acq_rel(&api->active, -1);
                return false;
            }
        }
        if (att->depth++ == 0) {
            // A fresh outermost call: an interrupt aimed at an earlier one is over.
            safepoint_clear_interrupt(e->ts);
            if (load_relaxed(&api->time_limit_us) > 0) arm_deadline(api, att);
        }
    }
    safepoint_leave_blocked(e->ts);
    return true;
}

static int api_return(Entry *e, int status) {
    safepoint_enter_blocked(e->ts);
    if (e->att && --e->att->depth == 0) {
        disarm_deadline(e->att);
        safepoint_clear_interrupt(e->ts);
        fetch_add_acq_rel(&e->att->api->active, -1);
    }
    return status;
}

#define ENTER(api, e)                                        \
    Entry e;                                                 \
    do {                                                     \
        if (!(api) || !api_enter((api), &e)) return JST_ERROR_USAGE; \
    } while (0)

void *jst_malloc(size_t size) { return malloc(size ? size : 1); }
void jst_free_text(char *text) { free(text); }

// ---- results ----

static int wtf8_put(char *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

// WTF-8 of a string into a malloc'd buffer (lone surrogates kept, as Python's surrogatepass
// reads them). NULL with an exception pending on OOM.
char *api_string_to_wtf8(ThreadState *ts, Value s, size_t *length_out, char **buffer, size_t *capacity) {
    String *flat = string_flatten(ts, s);
    if (!flat) return NULL;
    size_t need = (size_t)flat->length * 3 + 1;
    if (*capacity < need) {
        char *grown = realloc(*buffer, need);
        if (!grown) {
            error_throw_out_of_memory(ts);
            return NULL;
        }
        *buffer = grown;
        *capacity = need;
    }
    char *out = *buffer;
    size_t n = 0;
    if (!(flat->header.flags & STRING_WIDE)) {
        for (uint32_t i = 0; i < flat->length; i++) n += wtf8_put(out + n, flat->chars.latin1[i]);
    } else {
        const uint16_t *w = flat->chars.wide;
        for (uint32_t i = 0; i < flat->length; i++) {
            uint32_t c = w[i];
            if (c >= 0xD800 && c < 0xDC00 && i + 1 < flat->length && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
                i++;
            }
            n += wtf8_put(out + n, c);
        }
    }
    out[n] = '\0';
    *length_out = n;
    return out;
}

static int kind_of(Value v) {
    if (v == JS_UNDEFINED) return JST_KIND_UNDEFINED;
    if (v == JS_NULL) return JST_KIND_NULL;
    if (value_is_bool(v)) return JST_KIND_BOOL;
    if (value_is_number(v)) return JST_KIND_NUMBER;
    if (value_is_string(v)) return JST_KIND_STRING;
    if (value_is_symbol(v)) return JST_KIND_SYMBOL;
    if (value_is_bigint(v)) return JST_KIND_BIGINT;
    uint64_t id;
    if (host_id_of(v, &id)) return JST_KIND_HOST;
    switch (value_cell_type(v)) {
    case CELL_ARRAY: return JST_KIND_ARRAY;
    case CELL_PROMISE: return JST_KIND_PROMISE;
    default: break;
    }
    if (ops_is_callable(v)) return JST_KIND_FUNCTION;
    if (value_is_object(v)) return JST_KIND_OBJECT;
    return JST_KIND_OTHER;
}

// Fills r from v: primitives inline, host values by id, the rest as a handle (reusing `reuse`
// when nonzero, else a new one). Returns JST_OK, or JST_ERROR_OOM.
static int fill_result(jst_runtime *api, ThreadState *ts, Value v, jst_result *r, jst_handle reuse) {
    r->kind = kind_of(v);
    r->handle = 0;
    r->text = NULL;
    r->length = 0;
    r->host_id = 0;
    r->number = 0;
    switch (r->kind) {
    case JST_KIND_UNDEFINED:
    case JST_KIND_NULL:
        return JST_OK;
    case JST_KIND_BOOL:
        r->number = v == JS_TRUE;
        return JST_OK;
    case JST_KIND_NUMBER:
        r->number = value_to_number(v);
        return JST_OK;
    case JST_KIND_BIGINT:
    case JST_KIND_STRING: {
        Value s = r->kind == JST_KIND_BIGINT ? bigint_to_string(ts, v, 16) : v;
        r->text = value_is_exception(s) ? NULL : api_string_to_wtf8(ts, s, &r->length, &tls_text, &tls_text_capacity);
        if (!r->text) {
            error_take(ts);
            return JST_ERROR_OOM;
        }
        // A handle the caller passed in stays the caller's; the value itself came back inline.
        return JST_OK;
    }
    case JST_KIND_HOST:
        host_id_of(v, &r->host_id);
        return JST_OK;
    default:
        r->handle = reuse ? reuse : handle_new(api, v);
        return r->handle ? JST_OK : JST_ERROR_OOM;
    }
}

// The common tail: v is a result or JS_EXCEPTION (then the exception goes into r->handle).
static int finish(jst_runtime *api, ThreadState *ts, Value v, jst_result *r) {
    if (value_is_exception(v)) {
        Value exception = error_take(ts);
        r->kind = kind_of(exception);
        r->handle = handle_new(api, exception);
        r->text = NULL;
        r->host_id = 0;
        return r->handle ? JST_ERROR_THROWN : JST_ERROR_OOM;
    }
    return fill_result(api, ts, v, r, 0);
}

static int finish_status(jst_runtime *api, ThreadState *ts, int status, jst_result *r) {
    if (status < 0) return finish(api, ts, JS_EXCEPTION, r);
    return fill_result(api, ts, value_from_bool(status > 0), r, 0);
}

// ---- errors and interrupts ----

static Value private_symbol(jst_runtime *api, jst_handle h) { return handle_get(api, h); }

static Value mark_error(ThreadState *ts, Value error, jst_handle symbol, Value mark) {
    jst_runtime *api = ts->rt->embedder;
    if (object_define_value(ts, error, private_symbol(api, symbol), mark, PROP_HIDDEN) < 0) return JS_EXCEPTION;
    return error;
}

// Runtime.interrupt_hook: the error an interrupted thread throws [safepoint.h].
static Value interrupt_error(ThreadState *ts, int reason) {
    const char *text = reason == JST_REASON_TIMEOUT ? "Script execution timed out" : "Script execution interrupted";
    Value message = string_from_cstr(ts, text);
    if (value_is_exception(message)) return JS_EXCEPTION;
    Value error = error_new(ts, ERROR_PLAIN, message);
    if (value_is_exception(error)) return JS_EXCEPTION;
    jst_runtime *api = ts->rt->embedder;
    error = mark_error(ts, error, api->reason_symbol, value_from_int(reason));
    if (value_is_exception(error)) return JS_EXCEPTION;
    return error_throw(ts, error);
}

static void interrupt_threads(Runtime *rt, int reason, bool spawned_only) {
    pthread_mutex_lock(&rt->threads_lock);
    for (ThreadState *t = rt->threads; t; t = t->next)
        if (!spawned_only || !t->embed_attached) safepoint_request_interrupt(t, reason);
    pthread_mutex_unlock(&rt->threads_lock);
}

void jst_interrupt(jst_runtime *api) {
    if (!api) return;
    pthread_mutex_lock(&attach_lock);
    if (!api->closed) interrupt_threads(api->rt, JST_REASON_INTERRUPT, false);
    pthread_mutex_unlock(&attach_lock);
}

static double now_ms(void) { return thread_now_ms(); }

static void *watchdog_main(void *arg) {
    jst_runtime *api = arg;
    pthread_mutex_lock(&attach_lock);
    while (!api->watchdog_stop) {
        double now = now_ms(), next = 0;
        for (Attachment *att = api->attachments; att; att = att->next_in_api) {
            if (att->deadline_ms <= 0) continue;
            if (att->deadline_ms <= now) {
                att->deadline_ms = 0;
                safepoint_request_interrupt(att->ts, JST_REASON_TIMEOUT);
                interrupt_threads(api->rt, JST_REASON_TIMEOUT, true);
            } else if (next == 0 || att->deadline_ms < next) {
                next = att->deadline_ms;
            }
        }
        api->watch_next_ms = next;
        if (next == 0) {
            pthread_cond_wait(&api->watch_changed, &attach_lock);
        } else {
            struct timespec at = {(time_t)(next / 1000), (long)(fmod(next, 1000.0) * 1e6)};
            pthread_cond_timedwait(&api->watch_changed, &attach_lock, &at);
        }
    }
    pthread_mutex_unlock(&attach_lock);
    return NULL;
}

static void arm_deadline(jst_runtime *api, Attachment *att) {
    double deadline = now_ms() + (double)load_relaxed(&api->time_limit_us) / 1000.0;
    pthread_mutex_lock(&attach_lock);
    att->deadline_ms = deadline;
    if (!api->watchdog_started) {
        api->watchdog_started = pthread_create(&api->watchdog, NULL, watchdog_main, api) == 0;
    } else if (api->watch_next_ms == 0 || deadline < api->watch_next_ms) {
        pthread_cond_signal(&api->watch_changed);   // otherwise it wakes in time anyway
    }
    pthread_mutex_unlock(&attach_lock);
}

static void disarm_deadline(Attachment *att) {
    if (att->deadline_ms == 0) return;   // owner-only read of a value only the owner sets nonzero
    pthread_mutex_lock(&attach_lock);
    att->deadline_ms = 0;
    pthread_mutex_unlock(&attach_lock);
}

void jst_set_time_limit(jst_runtime *api, double seconds) {
    if (api) store_relaxed(&api->time_limit_us, seconds > 0 ? (int64_t)(seconds * 1e6) + 1 : 0);
}

// ---- host callbacks (builtins/host.c) ----

// One value for Python without a handle when it is a primitive: strings as WTF-8 in a malloc'd
// buffer (*text, freed by the caller), objects as a new handle (released by the caller).
static bool host_value(jst_runtime *api, ThreadState *ts, Value v, jst_result *r, char **text) {
    memset(r, 0, sizeof *r);
    *text = NULL;
    r->kind = kind_of(v);
    switch (r->kind) {
    case JST_KIND_UNDEFINED:
    case JST_KIND_NULL:
        return true;
    case JST_KIND_BOOL:
        r->number = v == JS_TRUE;
        return true;
    case JST_KIND_NUMBER:
        r->number = value_to_number(v);
        return true;
    case JST_KIND_BIGINT:
    case JST_KIND_STRING: {
        size_t capacity = 0;
        Value s = r->kind == JST_KIND_BIGINT ? bigint_to_string(ts, v, 16) : v;
        r->text = value_is_exception(s) ? NULL : api_string_to_wtf8(ts, s, &r->length, text, &capacity);
        return r->text != NULL;
    }
    case JST_KIND_HOST:
        host_id_of(v, &r->host_id);
        return true;
    default:
        r->handle = handle_new(api, v);
        if (!r->handle) error_throw_out_of_memory(ts);
        return r->handle != 0;
    }
}

// The process-wide call hook of jsthreads._fastcall (api_table.h); set once at its import.
static jst_call_hook call_hook;

static void set_call_hook(jst_call_hook hook) { store_release(&call_hook, hook); }

/*
 * A JS thread runs Python (builtins/host.c): one crossing, with the arguments converted here on
 * the calling JS thread (primitives inline, all-number argument lists as a plain double array)
 * and the result coming back inline, so the common call allocates no handle at all. The thread
 * is BLOCKED while Python runs and while it waits for the Python GIL [SP-5]: a stop-the-world
 * never waits for Python. Returns JST_HOST_VALUE (*out), JST_HOST_ABSENT, or -1 with an
 * exception pending.
 */
int api_host_invoke(ThreadState *ts, int op, uint64_t host_id, Value subject, const Value *args, int argc,
                    Value *out) {
    *out = JS_UNDEFINED;
    jst_runtime *api = ts->rt->embedder;
    if (!api || !api->py_data) {
        error_throw_type(ts, "Python objects are not available in this runtime");
        return -1;
    }
    enum { SMALL = 8 };
    jst_result small_argv[SMALL], key = {0};
    double small_numbers[SMALL];
    char *small_texts[SMALL], *key_text = NULL;
    bool big = argc > SMALL;
    jst_result *argv = big ? malloc((size_t)argc * sizeof *argv) : small_argv;
    double *numbers = big ? malloc((size_t)argc * sizeof *numbers) : small_numbers;
    char **texts = big ? calloc((size_t)argc, sizeof *texts) : small_texts;
    int made = 0;
    bool ok = argv && numbers && texts;
    if (!ok) error_throw_out_of_memory(ts);
    bool all_numbers = true, all_ints = true;
    if (ok && op != JST_HOST_CALL) ok = host_value(api, ts, subject, &key, &key_text);
    for (; ok && made < argc; made++) {
        ok = host_value(api, ts, args[made], &argv[made], &texts[made]);
        double n = numbers[made] = argv[made].number;
        all_numbers = all_numbers && argv[made].kind == JST_KIND_NUMBER;
        all_ints = all_ints && n == trunc(n) && fabs(n) <= 9007199254740992.0 && !(n == 0 && signbit(n));
    }
    if (op == JST_HOST_CALL && argc > 0 && all_numbers && all_ints) op = JST_HOST_CALL_INTS;
    int status = -1;
    if (ok) {
        // Strings up to this size come back copied into it (no handle, no second crossing).
        char text[256];
        jst_result result;
        memset(&result, 0, sizeof result);
        result.text = text;
        result.length = sizeof text;
        ThreadState *saved = tls_callback_ts;
        tls_callback_ts = ts;
        safepoint_enter_blocked(ts);
        bool call = op == JST_HOST_CALL || op == JST_HOST_CALL_INTS;
        // Calls go to jsthreads._fastcall's C hook first; it passes on what it does not handle.
        jst_call_hook hook = call ? load_acquire(&call_hook) : NULL;
        int answer = hook ? hook(api->py_data, host_id, all_numbers && argc ? numbers : NULL, argv, argc, &result)
                          : JST_HOST_PASS;
        if (answer == JST_HOST_PASS)
            answer = jst_py_host(api->py_data, op, host_id, call ? NULL : &key,
                                 all_numbers && argc ? numbers : NULL, argv, argc, &result);
        safepoint_leave_blocked(ts);
        tls_callback_ts = saved;
        switch (answer) {
        case JST_HOST_NUMBER:
            *out = value_from_number(result.number);
            status = JST_HOST_VALUE;
            break;
        case JST_HOST_ABSENT:
            status = JST_HOST_ABSENT;
            break;
        case JST_HOST_VALUE:
            if (result.kind == JST_KIND_STRING && !result.handle) {
                *out = string_from_wtf8(ts, result.text, result.length);
                status = value_is_exception(*out) ? -1 : JST_HOST_VALUE;
                break;
            }
            switch (result.kind) {
            case JST_KIND_UNDEFINED: *out = JS_UNDEFINED; break;
            case JST_KIND_NULL: *out = JS_NULL; break;
            case JST_KIND_BOOL: *out = value_from_bool(result.number != 0); break;
            case JST_KIND_NUMBER: *out = value_from_number(result.number); break;
            default:
                *out = handle_get(api, result.handle);
                handle_release(api, result.handle);
            }
            status = JST_HOST_VALUE;
            break;
        default: {   // THROW; a callback that failed to make its error throws undefined
            Value exception = handle_get(api, result.handle);
            handle_release(api, result.handle);
            error_throw(ts, exception);
        }
        }
    }
    if (key.handle) handle_release(api, key.handle);
    free(key_text);
    for (int i = 0; i < made; i++) {
        if (argv[i].handle) handle_release(api, argv[i].handle);
        free(texts[i]);
    }
    if (big) {
        free(argv);
        free(numbers);
        free(texts);
    }
    return status;
}

void api_host_dead(Runtime *rt, uint64_t host_id) {
    jst_runtime *api = rt->embedder;
    if (!api) return;
    pthread_mutex_lock(&api->dead_lock);
    if (api->dead_count == api->dead_capacity) {
        int capacity = api->dead_capacity ? api->dead_capacity * 2 : 64;
        uint64_t *grown = realloc(api->dead, (size_t)capacity * sizeof *grown);
        if (grown) {
            api->dead = grown;
            api->dead_capacity = capacity;
        }
    }
    // Out of memory leaks the Python object rather than freeing one JS still names.
    if (api->dead_count < api->dead_capacity) api->dead[api->dead_count++] = host_id;
    pthread_mutex_unlock(&api->dead_lock);
}

int jst_take_dead_hosts(jst_runtime *api, uint64_t *ids, int capacity) {
    pthread_mutex_lock(&api->dead_lock);
    int n = api->dead_count < capacity ? api->dead_count : capacity;
    memcpy(ids, api->dead + (api->dead_count - n), (size_t)n * sizeof *ids);
    api->dead_count -= n;
    pthread_mutex_unlock(&api->dead_lock);
    return n;
}

// ---- creating and closing runtimes ----

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
    jst_runtime *api = ts->rt->embedder;
    safepoint_enter_blocked(ts);
    int status = jst_py_compile(api->py_data, source_text, source_length, flags, parameters_text,
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

static void api_destroy(jst_runtime *api) {
    pthread_mutex_destroy(&api->handles_lock);
    pthread_mutex_destroy(&api->dead_lock);
    pthread_cond_destroy(&api->attach_changed);
    pthread_cond_destroy(&api->watch_changed);
    free(api->handles);
    for (int i = 0; i < api->retired_count; i++) free(api->retired[i]);
    free(api->free_next);
    free(api->dead);
    free(api);
}

static bool install(jst_runtime *api, ThreadState *ts) {
    if (!builtins_install_all(ts) || !host_install(ts)) return false;
    Value description = string_from_cstr(ts, "jsthreads.embedding");
    if (value_is_exception(description)) return false;
    Value reason = symbol_new(ts, description), host = symbol_new(ts, description);
    if (value_is_exception(reason) || value_is_exception(host)) return false;
    api->reason_symbol = handle_new(api, reason);
    api->host_symbol = handle_new(api, host);
    return api->reason_symbol && api->host_symbol;
}

int jst_runtime_create(int mode, size_t heap_limit, void *py_data, jst_runtime **out) {
    *out = NULL;
    jst_runtime *api = calloc(1, sizeof *api);
    if (!api) return JST_ERROR_OOM;
    api->mode = mode;
    api->py_data = py_data;
    pthread_mutex_init(&api->handles_lock, NULL);
    pthread_mutex_init(&api->dead_lock, NULL);
    pthread_cond_init(&api->attach_changed, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);   // deadlines are thread_now_ms()
    pthread_cond_init(&api->watch_changed, &attr);
    pthread_condattr_destroy(&attr);
    Runtime *rt = runtime_new();
    if (!rt) {
        api_destroy(api);
        return JST_ERROR_OOM;
    }
    rt->embedder = api;
    rt->embedder_trace = api_trace;
    rt->compile_hook = compile_hook;
    rt->interrupt_hook = interrupt_error;
    api->rt = rt;
    // Before the first thread attaches: registration takes the GIL in --gil mode [SP-9].
    rt->gil_mode = mode == JST_MODE_GIL;
    Entry e;
    if (!api_enter(api, &e)) {
        runtime_free(rt);
        api_destroy(api);
        return JST_ERROR_OOM;
    }
    // The fixed handles 1..4 (JST_HANDLE_*), so that these constants need no table slot later.
    bool ok = true;
    const Value fixed[] = {JS_UNDEFINED, JS_NULL, JS_FALSE, JS_TRUE};
    for (int i = 0; i < 4; i++) ok = ok && handle_new_maybe(api, fixed[i], true) == (jst_handle)(i + 1);
    if (!ok || !install(api, e.ts)) {
        api_return(&e, JST_OK);
        jst_runtime_close(api);
        return JST_ERROR_OOM;
    }
    // The limit applies to the program, not to setting up the builtins.
    if (heap_limit) heap_set_limit(rt, heap_limit);
    *out = api;
    return api_return(&e, JST_OK);
}

int jst_runtime_new(int mode, jst_runtime **out) {
    return jst_runtime_create(mode, 0, NULL, out);
}

int jst_runtime_close(jst_runtime *api) {
    if (!api) return JST_OK;
    ENTER(api, e);
    Runtime *rt = api->rt;
    // Not from inside a callback (JS frames of this runtime are on the stack), and not while
    // another thread is inside a call: its state is about to be freed.
    if (!e.att || e.att->depth > 1) return api_return(&e, JST_ERROR_BUSY);
    pthread_mutex_lock(&attach_lock);
    __atomic_store_n(&api->closed, true, __ATOMIC_SEQ_CST);
    bool others = load_acquire(&api->active) > 1;
    if (others) __atomic_store_n(&api->closed, false, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&attach_lock);
    if (others) return api_return(&e, JST_ERROR_BUSY);
    // Spawned Threads still running keep using the runtime and (through the handle table, a
    // root) this struct [THR-11]: then everything is left alive, and this thread goes back to
    // BLOCKED so that they can still collect and, under --gil, run. The count cannot rise
    // meanwhile: only running JS spawns, and none runs on this thread.
    if (load_acquire(&rt->spawned_live) > 0) {
        e.att->depth--;   // api_return must not count this call out: the runtime stays closed
        safepoint_enter_blocked(e.ts);
        return JST_ERROR_USAGE;
    }
    pthread_mutex_lock(&attach_lock);
    // Threads detaching on exit finish first; after this no attachment names this runtime.
    while (api->busy > 0) pthread_cond_wait(&api->attach_changed, &attach_lock);
    for (Attachment *att = api->attachments; att; att = att->next_in_api) {
        if (att->uncaught && att->ts != e.ts) att->uncaught = 0;   // the table goes away whole
        store_release(&att->ts, NULL);
        att->api = NULL;
    }
    api->attachments = NULL;
    bool watchdog = api->watchdog_started;
    api->watchdog_stop = true;
    pthread_cond_broadcast(&api->watch_changed);
    pthread_mutex_unlock(&attach_lock);
    if (watchdog) pthread_join(api->watchdog, NULL);
    // runtime_free detaches every thread, this one (RUNNING) and the other attached ones
    // (BLOCKED, idle in Python: none of them is inside a call, which the caller guarantees).
    runtime_free(rt);
    api_destroy(api);
    return JST_OK;
}

void jst_runtime_free(jst_runtime *api) {
    jst_runtime_close(api);
}

void jst_thread_detach(jst_runtime *api) {
    Attachment *att = attachment_of(api);
    if (!att || att->depth > 0) return;
    pthread_mutex_lock(&attach_lock);
    ThreadState *ts = att->ts;
    if (ts) {
        for (Attachment **p = &api->attachments; *p; p = &(*p)->next_in_api) {
            if (*p == att) {
                *p = att->next_in_api;
                break;
            }
        }
        store_release(&att->ts, NULL);
        att->api = NULL;
        api->busy++;
    }
    pthread_mutex_unlock(&attach_lock);
    if (!ts) return;
    detach_attachment(api, ts, att);
    pthread_mutex_lock(&attach_lock);
    api->busy--;
    pthread_cond_broadcast(&api->attach_changed);
    pthread_mutex_unlock(&attach_lock);
}

int jst_thread_id(jst_runtime *api) {
    Entry e;
    if (!api || !api_enter(api, &e)) return -1;
    return api_return(&e, (int)e.ts->thread_id);
}

// ---- running code ----

static Value run_blob(ThreadState *ts, const uint8_t *blob, size_t length, int run_event_loop) {
    Value code = code_load(ts, blob, length);
    if (value_is_exception(code)) return code;
    Value v = interp_run_script(ts, code);
    if (value_is_exception(v) || !run_event_loop) return v;
    // The completion value stays on this C stack (scanned conservatively [HEAP-7]) meanwhile.
    if (!job_run_event_loop(ts)) return JS_EXCEPTION;
    return v;
}

int jst_eval_blob(jst_runtime *api, const uint8_t *blob, size_t length, int run_event_loop, jst_result *r) {
    ENTER(api, e);
    return api_return(&e, finish(api, e.ts, run_blob(e.ts, blob, length, run_event_loop), r));
}

int jst_drain(jst_runtime *api, int timers, jst_result *r) {
    ENTER(api, e);
    bool ok = timers ? job_run_event_loop(e.ts) : job_run_microtasks(e.ts);
    return api_return(&e, finish(api, e.ts, ok ? JS_UNDEFINED : JS_EXCEPTION, r));
}

// The legacy (CLI) forms keep the uncaught exception on the calling thread's attachment.
static int legacy_status(jst_runtime *api, Entry *e, int status, jst_result *r) {
    if (status == JST_ERROR_THROWN && e->att) {
        if (e->att->uncaught) handle_release(api, e->att->uncaught);
        e->att->uncaught = r->handle;
    }
    return status;
}

int jst_run_script(jst_runtime *api, const uint8_t *blob, size_t length, int run_event_loop, jst_handle *result) {
    ENTER(api, e);
    if (result) *result = 0;
    Value v = run_blob(e.ts, blob, length, run_event_loop);
    if (value_is_exception(v)) {
        jst_result r;
        return api_return(&e, legacy_status(api, &e, finish(api, e.ts, v, &r), &r));
    }
    if (result) {
        *result = handle_new(api, v);
        if (!*result) return api_return(&e, JST_ERROR_OOM);
    }
    return api_return(&e, JST_OK);
}

int jst_run_event_loop(jst_runtime *api) {
    ENTER(api, e);
    if (job_run_event_loop(e.ts)) return api_return(&e, JST_OK);
    jst_result r;
    return api_return(&e, legacy_status(api, &e, finish(api, e.ts, JS_EXCEPTION, &r), &r));
}

int jst_error_format(jst_runtime *api, jst_handle exception, char **text_out) {
    *text_out = NULL;
    ENTER(api, e);
    *text_out = error_format_uncaught(e.ts, handle_get(api, exception));
    return api_return(&e, *text_out ? JST_OK : JST_ERROR_OOM);
}

int jst_exception_format(jst_runtime *api, char **text_out) {
    Attachment *att = attachment_of(api);
    return jst_error_format(api, att ? att->uncaught : 0, text_out);
}

int jst_exception_reason(jst_runtime *api, jst_handle exception, uint64_t *host_id) {
    *host_id = 0;
    ENTER(api, e);
    Value v = handle_get(api, exception);
    int reason = JST_REASON_NONE;
    if (v == realm_intrinsic(e.ts, INTRINSIC_OUT_OF_MEMORY_ERROR)) {
        reason = JST_REASON_OOM;
    } else if (value_is_object(v)) {
        PropertyDescriptor desc;
        if (object_get_own_property(e.ts, v, private_symbol(api, api->reason_symbol), &desc) > 0 &&
            !(desc.attributes & PROP_ACCESSOR) && value_is_int(desc.value))
            reason = value_to_int(desc.value);
        else if (object_get_own_property(e.ts, v, private_symbol(api, api->host_symbol), &desc) > 0 &&
                 !(desc.attributes & PROP_ACCESSOR) && value_is_number(desc.value)) {
            reason = JST_REASON_HOST;
            *host_id = (uint64_t)value_to_number(desc.value);
        }
        if (error_pending(e.ts)) error_take(e.ts);
    }
    return api_return(&e, reason);
}

// ---- handles ----

// The kinds the CLI's Engine knows (it predates promises and host values).
static int legacy_kind(Value v) {
    int kind = kind_of(v);
    if (kind == JST_KIND_PROMISE) return JST_KIND_OBJECT;
    if (kind == JST_KIND_BIGINT) return JST_KIND_OTHER;
    if (kind == JST_KIND_HOST) return ops_is_callable(v) ? JST_KIND_FUNCTION : JST_KIND_OBJECT;
    return kind;
}

int jst_handle_kind(jst_runtime *api, jst_handle h) {
    return legacy_kind(handle_get(api, h));   // reads only the handle and the cell header
}

int jst_handle_read(jst_runtime *api, jst_handle h, jst_result *r) {
    Value v = handle_get(api, h);
    if (!value_is_cell(v)) {
        // Numbers, booleans, null, undefined: no heap access, so no need to attach or enter
        // (the common case of arguments to a Python callback).
        memset(r, 0, sizeof *r);
        r->kind = kind_of(v);
        if (value_is_number(v)) r->number = value_to_number(v);
        else if (value_is_bool(v)) r->number = v == JS_TRUE;
        return JST_OK;
    }
    ENTER(api, e);
    return api_return(&e, fill_result(api, e.ts, handle_get(api, h), r, h));
}

int jst_handle_to_double(jst_runtime *api, jst_handle h, double *out) {
    Value v = handle_get(api, h);
    if (value_is_bool(v)) {
        *out = v == JS_TRUE;
        return JST_OK;
    }
    if (!value_is_number(v)) return JST_ERROR_USAGE;
    *out = value_to_number(v);
    return JST_OK;
}

int jst_handle_to_utf8(jst_runtime *api, jst_handle h, char **text_out) {
    *text_out = NULL;
    ENTER(api, e);
    Value s = ops_to_string(e.ts, handle_get(api, h));
    if (value_is_exception(s)) {
        jst_result r;
        return api_return(&e, legacy_status(api, &e, finish(api, e.ts, s, &r), &r));
    }
    size_t length;
    *text_out = string_to_utf8(e.ts, s, &length);
    return api_return(&e, *text_out ? JST_OK : JST_ERROR_OOM);
}

int jst_handle_inspect(jst_runtime *api, jst_handle h, char **text_out) {
    *text_out = NULL;
    ENTER(api, e);
    Value s = inspect_value(e.ts, handle_get(api, h), 2);
    if (value_is_exception(s)) {
        jst_result r;
        return api_return(&e, legacy_status(api, &e, finish(api, e.ts, s, &r), &r));
    }
    size_t length;
    *text_out = string_to_utf8(e.ts, s, &length);
    return api_return(&e, *text_out ? JST_OK : JST_ERROR_OOM);
}

// Any thread, attached or not: releasing only writes JS_HOLE into the table.
void jst_handle_release(jst_runtime *api, jst_handle h) {
    if (api) handle_release(api, h);
}

jst_handle jst_handle_dup(jst_runtime *api, jst_handle h) {
    Value v = handle_get(api, h);
    jst_handle copy = handle_new_maybe(api, v, false);
    if (copy) return copy;
    Entry e;
    if (!api_enter(api, &e)) return 0;
    copy = handle_new(api, v);
    api_return(&e, JST_OK);
    return copy;
}

// Objects never move [HEAP-1], so the Value bits identify an object while a handle holds it.
uint64_t jst_handle_identity(jst_runtime *api, jst_handle h) {
    return (uint64_t)handle_get(api, h);
}

int jst_handle_same(jst_runtime *api, jst_handle a, jst_handle b) {
    return ops_same_value(handle_get(api, a), handle_get(api, b));
}

// ---- making values ----

jst_handle jst_new_number(jst_runtime *api, double number) {
    Value v = value_from_number(number);
    jst_handle h = handle_new_maybe(api, v, false);   // a number is no heap pointer
    if (h) return h;
    Entry e;
    if (!api_enter(api, &e)) return 0;
    h = handle_new(api, v);
    api_return(&e, JST_OK);
    return h;
}

static int new_value(jst_runtime *api, Entry *e, Value v, jst_handle *out) {
    *out = 0;
    if (value_is_exception(v)) {
        error_take(e->ts);
        return api_return(e, JST_ERROR_OOM);
    }
    *out = handle_new(api, v);
    return api_return(e, *out ? JST_OK : JST_ERROR_OOM);
}

int jst_new_string(jst_runtime *api, const char *wtf8, size_t length, jst_handle *out) {
    ENTER(api, e);
    return new_value(api, &e, string_from_wtf8(e.ts, wtf8, length), out);
}

int jst_new_object(jst_runtime *api, jst_handle *out) {
    ENTER(api, e);
    return new_value(api, &e, object_new_plain(e.ts), out);
}

int jst_new_bigint(jst_runtime *api, const char *hex, size_t length, jst_handle *out) {
    *out = 0;
    bool negative = length > 0 && hex[0] == '-';
    if (negative) hex++, length--;
    if (length == 0) return JST_ERROR_USAGE;
    uint16_t *units = malloc(length * sizeof *units);
    if (!units) return JST_ERROR_OOM;
    for (size_t i = 0; i < length; i++) units[i] = (uint8_t)hex[i];
    Entry e;
    if (!api || !api_enter(api, &e)) {
        free(units);
        return JST_ERROR_USAGE;
    }
    Value v = bigint_from_digits(e.ts, units, length, 16, negative);
    free(units);
    if (v == JS_HOLE) return api_return(&e, JST_ERROR_USAGE);
    return new_value(api, &e, v, out);
}

int jst_new_array(jst_runtime *api, jst_handle *out) {
    ENTER(api, e);
    return new_value(api, &e, array_new(e.ts, 0), out);
}

int jst_new_host_function(jst_runtime *api, uint64_t host_id, const char *name, size_t name_length, jst_handle *out) {
    ENTER(api, e);
    return new_value(api, &e, host_function_new(e.ts, host_id, name, name_length), out);
}

int jst_new_host_object(jst_runtime *api, uint64_t host_id, jst_handle *out) {
    ENTER(api, e);
    return new_value(api, &e, host_object_new(e.ts, host_id), out);
}

int jst_new_host_error(jst_runtime *api, const char *name, size_t name_length, const char *message,
                       size_t message_length, uint64_t host_id, jst_handle *out) {
    ENTER(api, e);
    ThreadState *ts = e.ts;
    Value error = JS_EXCEPTION;
    Value name_value = string_from_wtf8(ts, name, name_length);
    Value message_value = value_is_exception(name_value) ? JS_EXCEPTION : string_from_wtf8(ts, message, message_length);
    if (!value_is_exception(message_value)) error = error_new(ts, ERROR_PLAIN, message_value);
    // The name is set before the stack is rendered, so `stack` starts "ValueError: ...".
    if (!value_is_exception(error) &&
        (object_define_value(ts, error, ATOM(ts, name), name_value, PROP_HIDDEN) < 0 ||
         !error_install_stack(ts, error, 0)))
        error = JS_EXCEPTION;
    if (!value_is_exception(error)) error = mark_error(ts, error, api->host_symbol, value_from_number((double)host_id));
    return new_value(api, &e, error, out);
}

// ---- objects ----

int jst_get(jst_runtime *api, jst_handle object, jst_handle key, jst_result *r) {
    ENTER(api, e);
    Value v = ops_get_by_value(e.ts, handle_get(api, object), handle_get(api, key));
    return api_return(&e, finish(api, e.ts, v, r));
}

static Value name_key(ThreadState *ts, const char *name, size_t length) {
    Value s = string_from_wtf8(ts, name, length);
    if (value_is_exception(s)) return s;
    return property_key_from_value(ts, s);
}

int jst_get_named(jst_runtime *api, jst_handle object, const char *name, size_t length, jst_result *r) {
    ENTER(api, e);
    Value key = name_key(e.ts, name, length);
    Value v = value_is_exception(key) ? key : ops_get(e.ts, handle_get(api, object), key);
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_set(jst_runtime *api, jst_handle object, jst_handle key, jst_handle value, jst_result *r) {
    ENTER(api, e);
    int status = ops_set_by_value(e.ts, handle_get(api, object), handle_get(api, key), handle_get(api, value), true);
    return api_return(&e, finish_status(api, e.ts, status, r));
}

int jst_set_named(jst_runtime *api, jst_handle object, const char *name, size_t length, jst_handle value,
                  jst_result *r) {
    ENTER(api, e);
    Value key = name_key(e.ts, name, length);
    int status = value_is_exception(key) ? -1 : ops_set(e.ts, handle_get(api, object), key, handle_get(api, value), true);
    return api_return(&e, finish_status(api, e.ts, status, r));
}

static Value object_operand(ThreadState *ts, Value v, const char *what) {
    if (!value_is_object(v)) return error_throw_type(ts, "Cannot use '%s' on %C", what, v);
    return v;
}

int jst_delete(jst_runtime *api, jst_handle object, jst_handle key, jst_result *r) {
    ENTER(api, e);
    Value o = object_operand(e.ts, handle_get(api, object), "delete");
    PropKey k = value_is_exception(o) ? JS_EXCEPTION : property_key_from_value(e.ts, handle_get(api, key));
    int status = value_is_exception(k) ? -1 : object_delete(e.ts, o, k, true);
    return api_return(&e, finish_status(api, e.ts, status, r));
}

int jst_has(jst_runtime *api, jst_handle object, jst_handle key, jst_result *r) {
    ENTER(api, e);
    Value o = object_operand(e.ts, handle_get(api, object), "in");
    PropKey k = value_is_exception(o) ? JS_EXCEPTION : property_key_from_value(e.ts, handle_get(api, key));
    int status = value_is_exception(k) ? -1 : object_has_property(e.ts, o, k);
    return api_return(&e, finish_status(api, e.ts, status, r));
}

int jst_keys(jst_runtime *api, jst_handle object, jst_result *r) {
    ENTER(api, e);
    Value o = ops_to_object(e.ts, handle_get(api, object));
    Value keys = value_is_exception(o) ? o : object_own_keys(e.ts, o, OWN_KEYS_STRINGS | OWN_KEYS_ENUMERABLE_ONLY);
    return api_return(&e, finish(api, e.ts, keys, r));
}

int jst_length(jst_runtime *api, jst_handle object, jst_result *r) {
    ENTER(api, e);
    Value o = handle_get(api, object);
    int64_t length = value_cell_type(o) == CELL_ARRAY ? (int64_t)array_length(o) : ops_length_of_array_like(e.ts, o);
    return api_return(&e, finish(api, e.ts, length < 0 ? JS_EXCEPTION : value_from_number((double)length), r));
}

// Arguments on this C stack (scanned [HEAP-7]) when few, else malloc'd: the handles root them.
static Value *load_args(jst_runtime *api, const jst_handle *argv, int argc, Value *small, int small_count) {
    Value *args = argc <= small_count ? small : malloc((size_t)argc * sizeof(Value));
    if (!args) return NULL;
    for (int i = 0; i < argc; i++) args[i] = handle_get(api, argv[i]);
    return args;
}

int jst_call(jst_runtime *api, jst_handle function, jst_handle this_value, const jst_handle *argv, int argc,
             jst_result *r) {
    ENTER(api, e);
    Value small[8];
    Value *args = load_args(api, argv, argc, small, 8);
    Value v = args ? ops_call_checked(e.ts, handle_get(api, function), handle_get(api, this_value), args, argc, "value")
                   : error_throw_out_of_memory(e.ts);
    if (args && args != small) free(args);
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_call_mixed(jst_runtime *api, jst_handle function, jst_handle this_value, const char *kinds,
                   const double *numbers, const char *text, int argc, jst_result *r) {
    ENTER(api, e);
    ThreadState *ts = e.ts;
    Value small[8];
    // Few arguments live on this C stack, which the collector scans [HEAP-7]. A malloc'd block is
    // not scanned, so for long argument lists each string made below (an allocation that may
    // collect) is rooted through a handle until the call returns; objects ('h') are rooted by
    // the handles Python passed.
    Value *args = argc <= 8 ? small : malloc((size_t)argc * sizeof(Value));
    jst_handle *roots = argc <= 8 ? NULL : calloc((size_t)argc, sizeof(jst_handle));
    Value v = JS_EXCEPTION;
    int filled = 0;
    if (!args || (argc > 8 && !roots)) {
        error_throw_out_of_memory(ts);
    } else {
        size_t offset = 0;
        for (; filled < argc; filled++) {
            Value a = JS_UNDEFINED;
            switch (kinds[filled]) {
            case 'n': a = value_from_number(numbers[filled]); break;
            case 'h': a = handle_get(api, (jst_handle)numbers[filled]); break;
            case 'l': a = JS_NULL; break;
            case 't': a = JS_TRUE; break;
            case 'f': a = JS_FALSE; break;
            case 's': {
                size_t length = (size_t)numbers[filled];
                a = string_from_wtf8(ts, text + offset, length);
                offset += length;
                if (!value_is_exception(a) && roots) {
                    roots[filled] = handle_new(api, a);
                    if (!roots[filled]) a = error_throw_out_of_memory(ts);
                }
                break;
            }
            default: break;
            }
            if (value_is_exception(a)) break;
            args[filled] = a;
        }
        if (filled == argc)
            v = ops_call_checked(ts, handle_get(api, function), handle_get(api, this_value), args, argc, "value");
    }
    if (roots) {
        for (int i = 0; i < filled; i++) handle_release(api, roots[i]);
        free(roots);
    }
    if (args && args != small) free(args);
    return api_return(&e, finish(api, ts, v, r));
}

// globalThis[name], else the top-level lexical binding of that name; JS_HOLE when neither.
static Value global_lookup(ThreadState *ts, const char *name, size_t length) {
    Value key = name_key(ts, name, length);
    if (value_is_exception(key)) return key;
    Realm *realm = &ts->rt->realm;
    PropertyDescriptor desc;
    int found = object_get_own_property(ts, realm->global_lexicals, key, &desc);
    if (found < 0) return JS_EXCEPTION;
    if (found && !(desc.attributes & PROP_ACCESSOR)) {
        if (desc.value == JS_HOLE) return error_throw_reference(ts, "Cannot access '%K' before initialization", key);
        return desc.value;
    }
    found = object_has_property(ts, realm->global_object, key);
    if (found < 0) return JS_EXCEPTION;
    if (!found) return JS_HOLE;
    return ops_get(ts, realm->global_object, key);
}

int jst_global_get(jst_runtime *api, const char *name, size_t length, int *found, jst_result *r) {
    ENTER(api, e);
    Value v = global_lookup(e.ts, name, length);
    *found = v != JS_HOLE;
    if (v == JS_HOLE) v = JS_UNDEFINED;
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_call_named(jst_runtime *api, const char *name, size_t length, const jst_handle *argv, int argc, jst_result *r) {
    ENTER(api, e);
    Value fn = global_lookup(e.ts, name, length);
    if (fn == JS_HOLE) fn = error_throw_reference(e.ts, "%K is not defined", name_key(e.ts, name, length));
    Value v = fn;
    if (!value_is_exception(fn)) {
        Value small[8];
        Value *args = load_args(api, argv, argc, small, 8);
        char what[96];   // the name as the TypeError shows it ("f is not a function")
        snprintf(what, sizeof what, "%.*s", (int)(length < 80 ? length : 80), name);
        v = args ? ops_call_checked(e.ts, fn, JS_UNDEFINED, args, argc, what) : error_throw_out_of_memory(e.ts);
        if (args && args != small) free(args);
    }
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_construct(jst_runtime *api, jst_handle function, const jst_handle *argv, int argc, jst_result *r) {
    ENTER(api, e);
    Value fn = handle_get(api, function);
    Value v;
    if (!ops_is_constructor(fn)) {
        v = error_throw_type(e.ts, "%V is not a constructor", fn);
    } else {
        Value small[8];
        Value *args = load_args(api, argv, argc, small, 8);
        v = args ? interp_construct(e.ts, fn, args, argc, fn) : error_throw_out_of_memory(e.ts);
        if (args && args != small) free(args);
    }
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_global(jst_runtime *api, jst_handle *out) {
    ENTER(api, e);
    *out = handle_new(api, e.ts->rt->realm.global_object);
    return api_return(&e, *out ? JST_OK : JST_ERROR_OOM);
}

int jst_promise_state(jst_runtime *api, jst_handle promise, jst_result *r) {
    ENTER(api, e);
    Value p = handle_get(api, promise);
    if (value_cell_type(p) != CELL_PROMISE) return api_return(&e, JST_ERROR_USAGE);
    Value value = JS_UNDEFINED;
    int state = promise_inspect_state(p, &value);
    int status = JST_OK;
    if (state == 0) {
        memset(r, 0, sizeof *r);
    } else {
        status = fill_result(api, e.ts, value, r, 0);
        if (status == JST_OK && !r->handle && r->kind != JST_KIND_HOST) r->handle = handle_new(api, value);
    }
    r->number = state;   // the value's own number (if any) is in the handle
    return api_return(&e, status);
}

// ---- JSON fast paths (api_json.c) ----

int jst_to_json(jst_runtime *api, jst_handle h, char **text_out, size_t *length_out) {
    *text_out = NULL;
    *length_out = 0;
    ENTER(api, e);
    int status = api_json_write(e.ts, handle_get(api, h), text_out, length_out);
    if (error_pending(e.ts)) error_take(e.ts);
    return api_return(&e, status);
}

int jst_from_json(jst_runtime *api, const char *text, size_t length, jst_result *r) {
    ENTER(api, e);
    int status = JST_OK;
    Value v = api_json_read(e.ts, text, length, &status);
    if (status != JST_OK) {
        if (error_pending(e.ts)) error_take(e.ts);
        return api_return(&e, status);
    }
    return api_return(&e, finish(api, e.ts, v, r));
}

int jst_gc(jst_runtime *api) {
    ENTER(api, e);
    heap_collect(e.ts);
    return api_return(&e, JST_OK);
}

// ---- the table jsthreads._fastcall calls through (api_table.h) ----

static const jst_api_functions api_table = {
    .version = JST_API_TABLE_VERSION,
    .size = sizeof(jst_api_functions),
    .result_size = sizeof(jst_result),
    .call_mixed = jst_call_mixed,
    .handle_release = jst_handle_release,
    .set_call_hook = set_call_hook,
};

uintptr_t jst_api_table(void) { return (uintptr_t)&api_table; }
