/*
 * errors.h — throwing: the pending exception in ThreadState, constructing Error objects of each
 * kind with a captured JS stack, and formatting an uncaught error for the CLI.
 * Implemented by error.c. Every throw helper returns JS_EXCEPTION so natives can
 * `return error_throw_type(ts, "...")`. Messages follow V8's wording where one exists.
 */
#ifndef JST_ERRORS_H
#define JST_ERRORS_H

#include <stdarg.h>
#include "value.h"
#include "thread.h"
#include "object.h"

typedef enum ErrorKind {
    ERROR_PLAIN, ERROR_EVAL, ERROR_RANGE, ERROR_REFERENCE, ERROR_SYNTAX, ERROR_TYPE, ERROR_URI,
    ERROR_AGGREGATE,
    ERROR_CONCURRENT_ACCESS,   // ConcurrentAccessError: a Thread.restrict violation [THR-12]
    ERROR_KIND_COUNT
} ErrorKind;

// An Error instance (CELL_ERROR): `frames` holds the JS stack captured at construction until the
// first read of `stack` formats it (JS_UNDEFINED from then on, or when none was captured). Any
// thread may read or replace it: it is one aligned word.
typedef struct ErrorObject {
    Object object;
    Value frames;
} ErrorObject;

// A fresh Error instance of kind's prototype (or `prototype` when it is an object), with no
// own properties yet.
Value error_alloc(ThreadState *ts, Value prototype);

// Sets the pending exception and returns JS_EXCEPTION.
Value error_throw(ThreadState *ts, Value exception);
// printf-like; %s takes a C string, %d an int, %u an unsigned, %V a Value (formatted for messages
// without running JS: strings unquoted, objects as #<Ctor>), %K a PropKey (as V8 prints keys in
// messages), %C a Value as V8's default call site ("number 5", "string \"x\"", "object").
Value error_throw_kind(ThreadState *ts, ErrorKind kind, const char *format, ...);
Value error_throw_type(ThreadState *ts, const char *format, ...);
Value error_throw_range(ThreadState *ts, const char *format, ...);
Value error_throw_reference(ThreadState *ts, const char *format, ...);
Value error_throw_syntax(ThreadState *ts, const char *format, ...);
Value error_throw_out_of_memory(ThreadState *ts);   // never allocates
// A new Error object of `kind` with message and `stack` (not thrown).
Value error_new(ThreadState *ts, ErrorKind kind, Value message);
Value error_vformat(ThreadState *ts, const char *format, va_list ap);  // a String value
// Takes the pending exception (JS_HOLE when none) and clears it.
Value error_take(ThreadState *ts);
static inline bool error_pending(ThreadState *ts) { return ts->exception != JS_HOLE; }
// The "    at f (file:line:col)" lines of the current JS stack, as a String value.
Value error_capture_stack(ThreadState *ts);
// The prototype intrinsic and the `name` of each kind ("TypeError", ...).
Intrinsic error_kind_prototype(ErrorKind kind);
const char *error_kind_name(ErrorKind kind);
// Defines the own, non-enumerable `stack` of an error object: "Name: message" (read from the object
// now, as V8 does) followed by the JS frames, skipping the innermost `skip`. false on throw.
bool error_install_stack(ThreadState *ts, Value error, int skip);
// Creates the preallocated out-of-memory error (builtins/init.c calls it once prototypes exist).
bool error_init_out_of_memory(ThreadState *ts);
// Formats an uncaught exception the way the CLI prints it: "Uncaught Name: message\n    at ...".
// malloc'd UTF-8; caller frees. Never throws (falls back to a plain description).
char *error_format_uncaught(ThreadState *ts, Value exception);

#endif
