/*
 * api.h — the only header Python sees (cffi cdef): jst_* functions, opaque handles, enums and
 * plain structs of scalars. No preprocessor lines other than the guard and includes (stripped by
 * jsthreads/_build.py). Status codes: 0 ok, JST_ERROR_* otherwise.
 *
 * Threads: every jst_* function may be called from any pthread. The first call from a pthread
 * attaches it to the runtime as a JS thread (its own ThreadState); it is detached when the
 * pthread ends (or by jst_thread_detach, or when the runtime is freed). Inside a host callback
 * (jst_py_host) the calling JS thread's state is used, whichever thread that is.
 * Handles are runtime-wide GC roots; jst_handle_release may be called from any thread, attached
 * or not, without touching the JS heap.
 */
#ifndef JST_API_H
#define JST_API_H
#include <stdint.h>
#include <stddef.h>

typedef struct jst_runtime jst_runtime;
typedef uint32_t jst_handle;  // index into the runtime's handle table; 0 = none

enum {
    JST_OK = 0,
    JST_ERROR_THROWN = 1,     // a JS exception: its value is in jst_result.handle
    JST_ERROR_BAD_CODE = 2,   // a malformed code blob
    JST_ERROR_OOM = 3,
    JST_ERROR_USAGE = 4,      // a closed runtime, a bad handle, a detached thread
    JST_ERROR_NOT_PLAIN = 5,  // jst_to_json: the value is not plain data (take the slow path)
    JST_ERROR_RANGE = 6,      // jst_from_json: an integer beyond 2**53
    JST_ERROR_BUSY = 7,       // jst_runtime_close: a call is in progress (another thread's, or
                              // the closer's own, from inside a callback)
};

enum { JST_MODE_THREADS = 0, JST_MODE_GIL = 1 };

// Value kinds reported to Python for conversions. BIGINT comes back inline like a string: its
// value in hexadecimal (with a leading '-' when negative) in text/length.
enum {
    JST_KIND_UNDEFINED, JST_KIND_NULL, JST_KIND_BOOL, JST_KIND_NUMBER, JST_KIND_STRING,
    JST_KIND_SYMBOL, JST_KIND_OBJECT, JST_KIND_ARRAY, JST_KIND_FUNCTION, JST_KIND_OTHER,
    JST_KIND_PROMISE, JST_KIND_HOST, JST_KIND_BIGINT,
};

// Handles that always exist and are never released.
enum { JST_HANDLE_UNDEFINED = 1, JST_HANDLE_NULL = 2, JST_HANDLE_FALSE = 3, JST_HANDLE_TRUE = 4 };

// Why an exception is special (jst_exception_reason).
enum { JST_REASON_NONE = 0, JST_REASON_INTERRUPT = 1, JST_REASON_TIMEOUT = 2, JST_REASON_OOM = 3,
       JST_REASON_HOST = 4 };

// Host callback operations (jst_py_host): calling a Python callable, and the internal methods
// of a host object (builtins/host.c) as Python attribute (or mapping item) operations.
// CALL_INTS is a CALL whose arguments are all integral numbers within 2**53 (not -0): Python
// makes ints of `numbers` without looking at each.
enum { JST_HOST_CALL = 0, JST_HOST_GET = 1, JST_HOST_SET = 2, JST_HOST_HAS = 3, JST_HOST_DELETE = 4,
       JST_HOST_KEYS = 5, JST_HOST_CALL_INTS = 6 };
// What jst_py_host returns: a value in *result, an exception handle in result->handle, "no such
// attribute" (GET, HAS, DELETE: JS then looks on the prototype / answers false), or a number in
// result->number (the common case, one field to write).
// JST_HOST_PASS: only from the call hook of jsthreads._fastcall (api_table.h), never from Python.
enum { JST_HOST_VALUE = 0, JST_HOST_THROW = 1, JST_HOST_ABSENT = 2, JST_HOST_NUMBER = 3, JST_HOST_PASS = 4 };

/*
 * The outcome of an operation that produces a value. Primitives come back inline (no handle):
 * kind UNDEFINED/NULL, BOOL and NUMBER in `number`, STRING as WTF-8 in text/length (valid until
 * the calling thread's next jst_* call). Other kinds (and every exception, status THROWN) come
 * back as a new handle the caller must release. host_id: the Python object of a KIND_HOST value.
 */
typedef struct jst_result {
    int kind;
    double number;
    jst_handle handle;
    const char *text;
    size_t length;
    uint64_t host_id;
} jst_result;

// ---- The CLI's surface (jsthreads/core.py Engine): an uncaught exception of jst_run_script /
// jst_run_event_loop is kept per thread and rendered by jst_exception_format. ----
int jst_runtime_new(int mode, jst_runtime **out);
void jst_runtime_free(jst_runtime *rt);
int jst_run_script(jst_runtime *rt, const uint8_t *blob, size_t length, int run_event_loop,
                   jst_handle *result);
int jst_run_event_loop(jst_runtime *rt);
int jst_exception_format(jst_runtime *rt, char **text_out);
int jst_handle_to_double(jst_runtime *rt, jst_handle h, double *out);

// ---- The embedding API (jsthreads/runtime.py) ----
// heap_limit in bytes (0: none); py_data is passed back to jst_py_host and jst_py_compile.
int jst_runtime_create(int mode, size_t heap_limit, void *py_data, jst_runtime **out);
// Frees the runtime. JS Threads still running keep it alive (it is leaked, [THR-11]); status
// JST_ERROR_USAGE then. While another call is in progress: JST_ERROR_BUSY, nothing done.
// Other attached pthreads are detached here; their later calls fail with JST_ERROR_USAGE.
int jst_runtime_close(jst_runtime *rt);
// Detaches the calling pthread (a no-op if it is not attached).
void jst_thread_detach(jst_runtime *rt);
// The calling pthread's JS thread id (Thread.current.id), attaching it first; -1 on failure.
int jst_thread_id(jst_runtime *rt);

// Loads a code blob produced by jsthreads/compile (see specs/bytecode.md) and runs it as a
// script. With run_event_loop, microtasks and timers are drained afterwards.
int jst_eval_blob(jst_runtime *rt, const uint8_t *blob, size_t length, int run_event_loop,
                  jst_result *result);
// Drains the calling thread's microtasks (and with timers, its timers too: rt.run_until_idle()).
int jst_drain(jst_runtime *rt, int timers, jst_result *result);
// Renders an exception value the way the CLI prints it into a malloc'd UTF-8 string.
int jst_error_format(jst_runtime *rt, jst_handle exception, char **text_out);
// JST_REASON_*: whether the exception is the runtime's out-of-memory error, or was thrown by an
// interrupt or a time limit (or by a host callback: then *host_id names the Python exception).
int jst_exception_reason(jst_runtime *rt, jst_handle exception, uint64_t *host_id);
void jst_free_text(char *text);
// Memory the Python compile callback fills with a blob; the engine frees it.
void *jst_malloc(size_t size);

// Inspecting and converting handles.
int jst_handle_kind(jst_runtime *rt, jst_handle h);
// Reads h into a jst_result (a new handle for objects: the caller releases both).
int jst_handle_read(jst_runtime *rt, jst_handle h, jst_result *result);
int jst_handle_to_utf8(jst_runtime *rt, jst_handle h, char **text_out);  // ToString
void jst_handle_release(jst_runtime *rt, jst_handle h);
jst_handle jst_handle_dup(jst_runtime *rt, jst_handle h);
// The value as console.log shows it (the REPL's echo).
int jst_handle_inspect(jst_runtime *rt, jst_handle h, char **text_out);
// Whether two handles hold the same value (SameValue).
int jst_handle_same(jst_runtime *rt, jst_handle a, jst_handle b);

// Making values. Numbers take no JS heap; strings are WTF-8 (Python's "surrogatepass").
jst_handle jst_new_number(jst_runtime *rt, double number);
int jst_new_string(jst_runtime *rt, const char *wtf8, size_t length, jst_handle *out);
int jst_new_object(jst_runtime *rt, jst_handle *out);
// A BigInt from hexadecimal digits (a leading '-' for negative values): Python ints beyond 2**53.
int jst_new_bigint(jst_runtime *rt, const char *hex, size_t length, jst_handle *out);
int jst_new_array(jst_runtime *rt, jst_handle *out);
// A JS function that calls back jst_py_host(JST_HOST_CALL, host_id, ...).
int jst_new_host_function(jst_runtime *rt, uint64_t host_id, const char *name, size_t name_length,
                          jst_handle *out);
// An exotic JS object standing for Python object host_id: its properties are the Python
// object's, read and written through jst_py_host at each access (builtins/host.c).
int jst_new_host_object(jst_runtime *rt, uint64_t host_id, jst_handle *out);
// Ids of host values the collector found dead since the last call; returns how many (<= capacity).
int jst_take_dead_hosts(jst_runtime *rt, uint64_t *ids, int capacity);
// A new Error (named `name`) with `message`, marked as coming from Python object host_id.
int jst_new_host_error(jst_runtime *rt, const char *name, size_t name_length, const char *message,
                       size_t message_length, uint64_t host_id, jst_handle *out);

// Objects. Keys are handles (strings, numbers, symbols) or UTF-8 names (the *_named forms).
int jst_get(jst_runtime *rt, jst_handle object, jst_handle key, jst_result *result);
int jst_get_named(jst_runtime *rt, jst_handle object, const char *name, size_t length, jst_result *result);
int jst_set(jst_runtime *rt, jst_handle object, jst_handle key, jst_handle value, jst_result *result);
int jst_set_named(jst_runtime *rt, jst_handle object, const char *name, size_t length, jst_handle value,
                  jst_result *result);
// result->number: 1 deleted / present, 0 not.
int jst_delete(jst_runtime *rt, jst_handle object, jst_handle key, jst_result *result);
int jst_has(jst_runtime *rt, jst_handle object, jst_handle key, jst_result *result);
// Own enumerable string keys, as a new Array handle.
int jst_keys(jst_runtime *rt, jst_handle object, jst_result *result);
// The `length` property (ToLength) in result->number.
int jst_length(jst_runtime *rt, jst_handle object, jst_result *result);
int jst_call(jst_runtime *rt, jst_handle function, jst_handle this_value, const jst_handle *argv, int argc,
             jst_result *result);
// jst_call with primitive arguments inline. kinds[i]: 'n' numbers[i]; 's' a string of numbers[i]
// WTF-8 bytes, the next ones in `text`; 'h' the value of handle numbers[i]; 'u' undefined, 'l'
// null, 't' true, 'f' false.
int jst_call_mixed(jst_runtime *rt, jst_handle function, jst_handle this_value, const char *kinds,
                   const double *numbers, const char *text, int argc, jst_result *result);
int jst_call_named(jst_runtime *rt, const char *name, size_t length, const jst_handle *argv, int argc,
                   jst_result *result);
int jst_construct(jst_runtime *rt, jst_handle function, const jst_handle *argv, int argc, jst_result *result);
int jst_global(jst_runtime *rt, jst_handle *out);
// result->number: 0 pending, 1 fulfilled, 2 rejected; result->handle: the value (if settled).
int jst_promise_state(jst_runtime *rt, jst_handle promise, jst_result *result);

// Plain data as JSON text (arrays, ordinary objects, primitives; undefined as null). NOT_PLAIN
// for anything else (functions, cycles, accessors, exotic objects). malloc'd; jst_free_text.
int jst_to_json(jst_runtime *rt, jst_handle h, char **text_out, size_t *length_out);
// JSON text (as Python's json.dumps writes it: NaN and Infinity allowed) to fresh Arrays and
// Objects. RANGE for an integer beyond 2**53 (the caller converts element by element, making a
// BigInt of it); USAGE for malformed text.
int jst_from_json(jst_runtime *rt, const char *text, size_t length, jst_result *result);

// Limits. An interrupt makes every JS thread of the runtime throw at its next safepoint poll
// (an attached pthread only until its current outermost call returns). With a time limit, each
// outermost call of an attached pthread gets a deadline; when it passes, that call and every
// spawned JS Thread are interrupted with reason TIMEOUT. seconds <= 0: no limit.
void jst_interrupt(jst_runtime *rt);
void jst_set_time_limit(jst_runtime *rt, double seconds);
// The value of a top-level let/const/class binding of that name, else of globalThis[name];
// *found 0 when neither exists (then the result is undefined).
int jst_global_get(jst_runtime *rt, const char *name, size_t length, int *found, jst_result *result);
// A key identifying the value a handle holds (equal for the same object), for memo tables.
uint64_t jst_handle_identity(jst_runtime *rt, jst_handle h);

// Called back by the engine to compile eval / new Function source: Python compiles and returns a
// malloc'd blob (or an error message with line/column). Implemented in Python (extern "Python").
int jst_py_compile(void *runtime_data, const char *source, size_t source_length,
                                   int flags, const char *parameters, size_t parameters_length,
                                   uint8_t **blob_out, size_t *blob_length_out,
                                   char **error_out, int *error_line, int *error_column);
// Called by a JS thread (holding no JS-side lock, blocked [SP-5]) to run Python: op JST_HOST_*
// on Python object host_id. `key`: the attribute name (GET, SET, HAS, DELETE: a STRING) or, for
// KEYS, a NUMBER holding the OWN_KEYS flags (4: enumerable only). argv: the arguments (SET: the
// value), converted as jst_result values (primitives inline, strings valid during the call,
// objects as handles the engine releases afterwards); `numbers` is non-NULL when every argument
// is a number, holding them (the fast path). Returns JST_HOST_*; a VALUE result is in *result:
// primitives inline (a STRING may be copied into result->text, whose capacity the engine puts in
// result->length; else a handle) and objects as a new handle the engine releases. KEYS returns a
// STRING of NUL-separated names (or a handle to one).
int jst_py_host(void *runtime_data, int op, uint64_t host_id, const jst_result *key,
                                const double *numbers, const jst_result *argv, int argc, jst_result *result);

int jst_gc(jst_runtime *rt);

// The address of the jst_api_functions table (api_table.h) that jsthreads._fastcall calls through.
uintptr_t jst_api_table(void);
#endif
