/*
 * builtins/host.h — JS values that stand for Python objects (the embedding API): host objects
 * (CELL_HOST_OBJECT, exotic objects whose string-keyed properties are the Python object's
 * attributes or mapping items) and host functions (natives that call a Python callable). host.c owns their JS side; crossing into Python is api.c's
 * api_host_invoke. Each carries a host id: the key of the Python object in the embedder's table.
 */
#ifndef JST_BUILTINS_HOST_H
#define JST_BUILTINS_HOST_H

#include "builtins.h"

typedef struct HostObject {
    Object object;                // CELL_HOST_OBJECT
    uint64_t host_id;             // written once at creation, before the object is published
} HostObject;

// Creates %HostObject.prototype% (INTRINSIC_HOST_OBJECT_PROTOTYPE). false on OOM.
bool host_install(ThreadState *ts);
// A host object for host_id.
Value host_object_new(ThreadState *ts, uint64_t host_id);
// A function calling host_id; `name` is UTF-8.
Value host_function_new(ThreadState *ts, uint64_t host_id, const char *name, size_t length);
// The host id a value stands for (a host object or host function); false for anything else.
bool host_id_of(Value v, uint64_t *host_id);
// The finalize hook of CELL_HOST_OBJECT (celltypes.c): tells the embedder the id is dead.
void host_object_finalize(Runtime *rt, Cell *cell);

// api.c: runs Python for a host value on the calling JS thread: op JST_HOST_* of api.h, `subject`
// the attribute name (a string; for KEYS the OWN_KEYS flags as a number; ignored for CALL).
// Returns JST_HOST_VALUE with the result in *out, JST_HOST_ABSENT (no such attribute), or -1
// with the exception pending.
int api_host_invoke(ThreadState *ts, int op, uint64_t host_id, Value subject, const Value *args,
                    int argc, Value *out);
// api.c: queues a dead host id for the embedder (called from the sweep; never allocates).
void api_host_dead(Runtime *rt, uint64_t host_id);

#endif
