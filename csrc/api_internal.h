/*
 * api_internal.h — private to api.c and api_json.c (the embedding API's C side): the JSON fast
 * paths that convert plain data between Python and JS in one crossing, and WTF-8 output.
 */
#ifndef JST_API_INTERNAL_H
#define JST_API_INTERNAL_H

#include <stddef.h>
#include "value.h"
#include "thread.h"

// Plain data as JSON into a malloc'd buffer: JST_OK, JST_ERROR_NOT_PLAIN (functions, symbols,
// accessors, exotic objects, cycles or nesting beyond 256), JST_ERROR_OOM, or JST_ERROR_THROWN.
int api_json_write(ThreadState *ts, Value v, char **text_out, size_t *length_out);
// Fresh Arrays and Objects from JSON text as Python's json.dumps writes it (ASCII, NaN and
// Infinity allowed). *status: JST_OK, JST_ERROR_RANGE (an integer beyond 2**53), JST_ERROR_USAGE
// (malformed), JST_ERROR_OOM.
Value api_json_read(ThreadState *ts, const char *text, size_t length, int *status);
// WTF-8 of a string into *buffer (grown as needed); NULL with an exception pending on OOM.
char *api_string_to_wtf8(ThreadState *ts, Value s, size_t *length_out, char **buffer, size_t *capacity);

#endif
