/*
 * object_stubs.h — what stubs_object.c offers the object-model tests (object_test.c): a runtime
 * with one thread, an explicit-roots collection, fault injection, and the recorded last error.
 */
#ifndef JST_OBJECT_STUBS_H
#define JST_OBJECT_STUBS_H

#include <stdio.h>
#include <stdlib.h>
#include "object.h"
#include "jsstring.h"

#define STUB_ERROR_OOM 100

extern size_t stub_cell_count;
extern int stub_stress_sweeps;      // non-zero: every allocation runs a sweep where nothing dies
extern long stub_fail_countdown;    // >= 0: the allocation after this many more fails
extern int stub_error_kind;         // ErrorKind of the last throw, or STUB_ERROR_OOM
extern char stub_error_message[256];
extern int stub_primitive_calls;    // ToPrimitive calls on objects

ThreadState *stub_runtime_new(void);
// Another thread of ts's runtime with its own TID (free it with free()); its allocations are
// thread-safe, but only the main thread may collect.
ThreadState *stub_thread_new(Runtime *rt, uint16_t tid);
void stub_runtime_free(ThreadState *ts);
// Marks from roots (plus atoms, intrinsics, symbols), sweeps structures, frees the rest.
size_t stub_collect(Runtime *rt, const Value *roots, size_t root_count);
Value stub_native(ThreadState *ts, NativeFn fn, int magic);
Value symbol_new(ThreadState *ts, Value description);
void stub_string_text(Value s, char *buf, size_t size);

#endif
