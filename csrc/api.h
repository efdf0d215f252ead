/*
 * api.h — the only header Python sees (cffi cdef): jst_* functions, opaque handles, enums and
 * plain structs of scalars. No preprocessor lines other than the guard and includes (stripped by
 * jsthreads/_build.py). Status codes: 0 ok, JST_ERROR_* otherwise.
 */
#ifndef JST_API_H
#define JST_API_H
#include <stdint.h>
#include <stddef.h>

typedef struct jst_runtime jst_runtime;
typedef uint32_t jst_handle;  // index into the runtime's handle table; 0 = none

enum {
    JST_OK = 0,
    JST_ERROR_THROWN = 1,     // a JS exception is pending: fetch it with jst_exception_*
    JST_ERROR_BAD_CODE = 2,   // a malformed code blob
    JST_ERROR_OOM = 3,
    JST_ERROR_USAGE = 4,
};

enum { JST_MODE_THREADS = 0, JST_MODE_GIL = 1 };

// Value kinds reported to Python for conversions.
enum {
    JST_KIND_UNDEFINED, JST_KIND_NULL, JST_KIND_BOOL, JST_KIND_NUMBER, JST_KIND_STRING,
    JST_KIND_SYMBOL, JST_KIND_OBJECT, JST_KIND_ARRAY, JST_KIND_FUNCTION, JST_KIND_OTHER,
};

int jst_runtime_new(int mode, jst_runtime **out);
void jst_runtime_free(jst_runtime *rt);

// Loads a code blob produced by jsthreads/compile (see specs/bytecode.md) and runs it as a
// script, then drains microtasks and timers. The completion value is stored in *result.
// With run_event_loop, microtasks and timers are drained afterwards (the CLI's behaviour).
int jst_run_script(jst_runtime *rt, const uint8_t *blob, size_t length, int run_event_loop,
                   jst_handle *result);
// Drains microtasks and timers (rt.run_until_idle()).
int jst_run_event_loop(jst_runtime *rt);
// Prints the pending uncaught exception as the CLI shows it into a malloc'd UTF-8 string.
int jst_exception_format(jst_runtime *rt, char **text_out);
void jst_free_text(char *text);
// Memory the Python compile callback fills with a blob; the engine frees it.
void *jst_malloc(size_t size);

// Inspecting handles.
int jst_handle_kind(jst_runtime *rt, jst_handle h);
int jst_handle_to_double(jst_runtime *rt, jst_handle h, double *out);
int jst_handle_to_utf8(jst_runtime *rt, jst_handle h, char **text_out);  // ToString
void jst_handle_release(jst_runtime *rt, jst_handle h);
// The value as console.log shows it (the REPL's echo).
int jst_handle_inspect(jst_runtime *rt, jst_handle h, char **text_out);

// Called back by the engine to compile eval / new Function source: Python compiles and returns a
// malloc'd blob (or an error message with line/column). Implemented in Python (extern "Python").
int jst_py_compile(void *runtime_data, const char *source, size_t source_length,
                                   int flags, const char *parameters, size_t parameters_length,
                                   uint8_t **blob_out, size_t *blob_length_out,
                                   char **error_out, int *error_line, int *error_column);

int jst_gc(jst_runtime *rt);
#endif
