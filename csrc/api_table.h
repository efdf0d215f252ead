/*
 * api_table.h — the embedding API as a table of function pointers, for the CPython extension
 * jsthreads._fastcall (csrc/pyext/fastcall.c). Extension modules are loaded with RTLD_LOCAL, so
 * the extension cannot link against the cffi module's symbols: the cffi module hands it this
 * table's address (jst_api_table() in api.h) at import instead. The core stays free of Python.h:
 * the only thing the extension gives back is a C function pointer (the call hook).
 * Not seen by cffi (api.h is): plain C types only.
 */
#ifndef JST_API_TABLE_H
#define JST_API_TABLE_H
#include "api.h"

// Bumped whenever the table's layout changes; the extension refuses a table of another version.
#define JST_API_TABLE_VERSION 1

/*
 * The call hook: a JS thread calls a Python callable (builtins/host.c -> api_host_invoke), with
 * the arguments converted as for jst_py_host. The hook answers like jst_py_host (JST_HOST_VALUE,
 * JST_HOST_NUMBER or JST_HOST_THROW, with *result filled the same way), or JST_HOST_PASS when it
 * does not handle this call: then it has run no Python and written nothing, and the engine calls
 * jst_py_host instead. The calling JS thread is BLOCKED throughout [SP-5].
 */
typedef int (*jst_call_hook)(void *runtime_data, uint64_t host_id, const double *numbers,
                             const jst_result *argv, int argc, jst_result *result);

typedef struct jst_api_functions {
    uint32_t version;   // JST_API_TABLE_VERSION
    uint32_t size;      // sizeof(jst_api_functions)
    uint32_t result_size;   // sizeof(jst_result): an extension built against another api.h is refused
    int (*call_mixed)(jst_runtime *rt, jst_handle function, jst_handle this_value, const char *kinds,
                      const double *numbers, const char *text, int argc, jst_result *result);
    void (*handle_release)(jst_runtime *rt, jst_handle h);
    // Installs the process-wide call hook (NULL removes it).
    void (*set_call_hook)(jst_call_hook hook);
} jst_api_functions;

#endif
