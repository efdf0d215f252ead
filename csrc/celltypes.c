/*
 * celltypes.c — the one table of cell types: name, trace hook and finalize hook per CellType
 * (STYLE §9: an explicit list, no registration at start-up), plus the trace hooks of the simple
 * types whose layouts jsstring.h and object.h define. Must not hold logic beyond tracing.
 * Implements the tracing half of HEAP-6 and HEAP-12 (specs/heap.md).
 */
#include "celltrace.h"
#include "jsstring.h"
#include "object.h"

void rope_trace(Marker *m, Cell *cell) {
    Rope *rope = (Rope *)cell;
    // A flattened rope may have dropped its children [STR-2]; all three fields are marked anyway.
    heap_mark_value(m, rope->left);
    heap_mark_value(m, rope->right);
    heap_mark_value(m, rope->flat);
}

void symbol_trace(Marker *m, Cell *cell) {
    heap_mark_value(m, ((Symbol *)cell)->description);
}

// All `capacity` items, not only `count`: owners such as the microtask ring keep live entries
// beyond count, and unused items are zero or stale-but-traced, never dangling [HEAP-10].
void values_trace(Marker *m, Cell *cell) {
    Values *values = (Values *)cell;
    heap_mark_values(m, values->items, values->capacity);
}

void accessor_trace(Marker *m, Cell *cell) {
    Accessor *accessor = (Accessor *)cell;
    heap_mark_value(m, accessor->getter);
    heap_mark_value(m, accessor->setter);
}

const CellTypeInfo celltype_table[CELL_TYPE_COUNT] = {
    [CELL_FREE] = {"free", NULL, NULL},
    [CELL_STRING] = {"String", NULL, NULL},
    [CELL_ROPE] = {"Rope", rope_trace, NULL},
    [CELL_SYMBOL] = {"Symbol", symbol_trace, NULL},
    [CELL_STRUCTURE] = {"Structure", structure_trace, NULL},
    [CELL_PROPERTY_TABLE] = {"PropertyTable", property_table_trace, NULL},
    [CELL_BUTTERFLY] = {"Butterfly", butterfly_trace, NULL},
    [CELL_VALUES] = {"Values", values_trace, NULL},
    [CELL_BYTES] = {"Bytes", NULL, NULL},
    [CELL_ACCESSOR] = {"Accessor", accessor_trace, NULL},
    [CELL_CODE] = {"Code", code_trace, NULL},
    [CELL_ENV] = {"Env", env_trace, NULL},
    [CELL_FRAME_SNAPSHOT] = {"FrameSnapshot", frame_snapshot_trace, NULL},
    [CELL_BIGINT] = {"BigInt", NULL, NULL},
    [CELL_OBJECT] = {"Object", object_trace, NULL},
    [CELL_ARRAY] = {"Array", object_trace, NULL},
    [CELL_FUNCTION] = {"Function", function_trace, NULL},
    [CELL_NATIVE_FUNCTION] = {"NativeFunction", native_function_trace, NULL},
    [CELL_BOUND_FUNCTION] = {"BoundFunction", bound_function_trace, NULL},
    [CELL_ERROR] = {"Error", error_trace, NULL},
    [CELL_ARGUMENTS] = {"Arguments", arguments_trace, NULL},
    [CELL_BOOLEAN_OBJECT] = {"BooleanObject", primitive_object_trace, NULL},
    [CELL_NUMBER_OBJECT] = {"NumberObject", primitive_object_trace, NULL},
    [CELL_STRING_OBJECT] = {"StringObject", primitive_object_trace, NULL},
    [CELL_SYMBOL_OBJECT] = {"SymbolObject", primitive_object_trace, NULL},
    [CELL_BIGINT_OBJECT] = {"BigIntObject", primitive_object_trace, NULL},
    [CELL_MAP] = {"Map", map_trace, NULL},
    [CELL_SET] = {"Set", set_trace, NULL},
    [CELL_WEAKMAP] = {"WeakMap", weakmap_trace, NULL},
    [CELL_WEAKSET] = {"WeakSet", weakset_trace, NULL},
    [CELL_PROMISE] = {"Promise", promise_trace, NULL},
    [CELL_GENERATOR] = {"Generator", generator_trace, NULL},
    [CELL_ITERATOR] = {"Iterator", iterator_trace, NULL},
    [CELL_GLOBAL] = {"Global", object_trace, NULL},
    [CELL_DATE] = {"Date", object_trace, NULL},
    [CELL_REGEXP] = {"RegExp", regexp_trace, NULL},
    [CELL_ARRAY_BUFFER] = {"ArrayBuffer", array_buffer_trace, NULL},
    [CELL_TYPED_ARRAY] = {"TypedArray", typed_array_trace, NULL},
    [CELL_DATA_VIEW] = {"DataView", data_view_trace, NULL},
    [CELL_PROXY] = {"Proxy", object_trace, NULL},
    [CELL_WEAKREF] = {"WeakRef", weakref_trace, NULL},
    [CELL_FINALIZATION_REGISTRY] = {"FinalizationRegistry", finalization_registry_trace, NULL},
    [CELL_THREAD] = {"Thread", thread_cell_trace, thread_cell_finalize},
    [CELL_THREAD_LOCAL] = {"ThreadLocal", object_trace, NULL},
    [CELL_LOCK] = {"Lock", object_trace, sync_cell_finalize},
    [CELL_CONDITION] = {"Condition", object_trace, sync_cell_finalize},
    [CELL_HOST_OBJECT] = {"HostObject", object_trace, host_object_finalize},
};
