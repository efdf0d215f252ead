/*
 * celltrace.h — the trace hooks that celltypes.c lists but other files implement. Each object
 * hook calls object_trace for the Object part and then marks its own fields; the rest mark
 * every Value and cell their type holds. Hooks run with the world stopped: they must not
 * allocate, throw, lock or reach a safepoint [HEAP-12]. Implements nothing itself.
 */
#ifndef JST_CELLTRACE_H
#define JST_CELLTRACE_H

#include "heap.h"

// The interpreter (code.c, interp.c): Code cells, environments, suspended frames.
void code_trace(Marker *m, Cell *cell);
void env_trace(Marker *m, Cell *cell);
void frame_snapshot_trace(Marker *m, Cell *cell);

// The object model (structure.c, butterfly.c): a structure's key table and an object's storage.
void property_table_trace(Marker *m, Cell *cell);
void butterfly_trace(Marker *m, Cell *cell);

// Object kinds with fields beyond the Object header (function.c and the builtins).
void function_trace(Marker *m, Cell *cell);
void native_function_trace(Marker *m, Cell *cell);
void bound_function_trace(Marker *m, Cell *cell);
void primitive_object_trace(Marker *m, Cell *cell);   // Boolean/Number/String/Symbol wrappers
void error_trace(Marker *m, Cell *cell);              // error.c: captured frames
void arguments_trace(Marker *m, Cell *cell);
void map_trace(Marker *m, Cell *cell);
void set_trace(Marker *m, Cell *cell);
void weakmap_trace(Marker *m, Cell *cell);
void weakset_trace(Marker *m, Cell *cell);
void weakref_trace(Marker *m, Cell *cell);                 // builtins/weakref.c [HEAP-14]
void finalization_registry_trace(Marker *m, Cell *cell);   // builtins/weakref.c [HEAP-14]
void promise_trace(Marker *m, Cell *cell);
void generator_trace(Marker *m, Cell *cell);
void iterator_trace(Marker *m, Cell *cell);
void regexp_trace(Marker *m, Cell *cell);            // builtins/regexp.c
void array_buffer_trace(Marker *m, Cell *cell);   // builtins/arraybuffer.c
void typed_array_trace(Marker *m, Cell *cell);    // builtins/typedarray.c
void data_view_trace(Marker *m, Cell *cell);      // builtins/dataview.c
// The threads API (builtins/thread.c, builtins/sync.c): native records and mutexes beside the
// Object part; the finalizers free them [THR-17, SYNC-15].
void thread_cell_trace(Marker *m, Cell *cell);
void thread_cell_finalize(Runtime *rt, Cell *cell);
void sync_cell_finalize(Runtime *rt, Cell *cell);

// Strings, symbols and the plain containers (celltypes.c itself).
void rope_trace(Marker *m, Cell *cell);
void symbol_trace(Marker *m, Cell *cell);
void values_trace(Marker *m, Cell *cell);
void accessor_trace(Marker *m, Cell *cell);

// Finalize hooks of object kinds owned elsewhere.
// builtins/host.c: hands the Python object back to the embedding layer.
void host_object_finalize(Runtime *rt, Cell *cell);

#endif
