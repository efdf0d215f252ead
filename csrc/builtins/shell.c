/*
 * builtins/shell.c — the native half of the jsc shell helpers that peer-corpus tests call
 * (`load`, `readFile`, `$.evalScript`, `gc`, `preciseTime`, `quit`, `drainMicrotasks`,
 * `sleepSeconds`), as methods of one hidden global `$jstShell`; jsthreads/shell_shim.js gives
 * them their jsc names and adds `print`, `$vm` and the async-test counters. Installed only when
 * the environment has JSTHREADS_SHELL_HELPERS=1 (`jsthreads run --shell-helpers` sets it), so an
 * ordinary program never sees them. sleepSeconds blocks inside the blocked state [SP-5].
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "builtins.h"
#include "../safepoint.h"

// load() compiles with COMPILE_SHELL_SCRIPT (thread.h): a whole script whose top-level let/const
// go to the global lexical scope, as jsc's load() does; `parameters` carries the file name.

// The largest file readFile/load accept; a test's source is a few hundred KB at most.
#define SHELL_MAX_FILE (64u << 20)

// The file named by a JS string, read whole; NULL with a JS Error pending when unreadable.
static char *read_whole_file(ThreadState *ts, Value path_value, size_t *length_out, Value *path_string) {
    Value path = ops_to_string(ts, path_value);
    if (value_is_exception(path)) return NULL;
    *path_string = path;
    size_t path_length = 0;
    char *path_text = string_to_utf8(ts, path, &path_length);
    if (!path_text) return NULL;
    // Reading a file is not a blocking wait on another thread, so it stays in the running state.
    errno = 0;
    FILE *file = strlen(path_text) == path_length ? fopen(path_text, "rb") : NULL;
    if (!file) {
        int saved = errno;
        error_throw_kind(ts, ERROR_PLAIN, "Could not open file: %s (%s)", path_text,
                         strerror(saved ? saved : ENOENT));
        free(path_text);
        return NULL;
    }
    free(path_text);
    size_t capacity = 4096, length = 0;
    char *data = malloc(capacity);
    while (data) {
        size_t n = fread(data + length, 1, capacity - length, file);
        length += n;
        if (n == 0 || length > SHELL_MAX_FILE) break;
        if (length == capacity) {
            char *bigger = realloc(data, capacity * 2);
            if (!bigger) {
                free(data);
                data = NULL;
                break;
            }
            data = bigger;
            capacity *= 2;
        }
    }
    bool failed = ferror(file) || length > SHELL_MAX_FILE;
    fclose(file);
    if (!data) {
        error_throw_out_of_memory(ts);
        return NULL;
    }
    if (failed) {
        free(data);
        error_throw_kind(ts, ERROR_PLAIN, "Could not read file");
        return NULL;
    }
    *length_out = length;
    return data;
}

static Value file_string(ThreadState *ts, Value path_value, Value *path_string) {
    size_t length = 0;
    char *data = read_whole_file(ts, path_value, &length, path_string);
    if (!data) return JS_EXCEPTION;
    Value text = string_from_utf8(ts, data, length);
    free(data);
    return text;
}

// readFile(path): the file's text (UTF-8, invalid bytes as U+FFFD), like jsc's readFile.
static Value shell_readFile(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value path;
    return file_string(ts, builtin_arg(args, argc, 0), &path);
}

// load(path) (magic 0): compiles the file as a script of the shared global scope and runs it;
// returns its completion value. Path resolution (jsc's "caller relative") is the shim's business.
// evalScript(source) (magic 1, jsc's $.evalScript): the same for source text.
static Value shell_load(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    Value name = JS_UNDEFINED, source;
    if (magic == 0) {
        source = file_string(ts, builtin_arg(args, argc, 0), &name);
    } else {
        source = ops_to_string(ts, builtin_arg(args, argc, 0));
        name = string_from_utf8(ts, "<evalScript>", 12);
    }
    if (value_is_exception(source) || value_is_exception(name)) return JS_EXCEPTION;
    Value code = ts->rt->compile_hook(ts, source, COMPILE_SHELL_SCRIPT, name);
    if (value_is_exception(code)) return JS_EXCEPTION;
    return interp_run_script(ts, code);
}

// gc(), fullGC(), edenGC(): one full stop-the-world collection (there is no young generation).
static Value shell_gc(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    heap_collect(ts);
    return JS_UNDEFINED;
}

// preciseTime(): seconds since the epoch with sub-millisecond resolution, as jsc returns it.
static Value shell_preciseTime(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)args, (void)argc, (void)magic;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return value_from_number((double)now.tv_sec + (double)now.tv_nsec / 1e9);
}

// quit(code = 0): ends the process at once, from any thread, like jsc. Output written so far is
// flushed first; other threads are not joined (process exit never joins, see the API notes).
static Value shell_quit(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double code = 0;
    if (argc > 0 && !ops_to_number(ts, args[0], &code)) return JS_EXCEPTION;
    fflush(NULL);
    _exit(code == code ? (int)(uint8_t)(int64_t)code : 0);
}

// drainMicrotasks(): runs the calling thread's microtask queue now; a throwing job propagates.
static Value shell_drainMicrotasks(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc, (void)magic;
    return job_run_microtasks(ts) ? JS_UNDEFINED : JS_EXCEPTION;
}

// sleepSeconds(s): sleeps the calling thread. It counts as blocked meanwhile, so a collection or
// (under --gil) another thread can run [SP-5].
static Value shell_sleepSeconds(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double seconds = 0;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &seconds)) return JS_EXCEPTION;
    if (!(seconds > 0)) return JS_UNDEFINED;
    if (seconds > 3600) seconds = 3600;
    struct timespec wait = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
    safepoint_enter_blocked(ts);
    while (nanosleep(&wait, &wait) != 0 && errno == EINTR) {
    }
    safepoint_leave_blocked(ts);
    return JS_UNDEFINED;
}

static const BuiltinEntry shell_methods[] = {
    BUILTIN_FN("readFile", shell_readFile, 1),
    BUILTIN_FN_MAGIC("load", shell_load, 1, 0),
    BUILTIN_FN_MAGIC("evalScript", shell_load, 1, 1),
    BUILTIN_FN("gc", shell_gc, 0),
    BUILTIN_FN("preciseTime", shell_preciseTime, 0),
    BUILTIN_FN("quit", shell_quit, 0),
    BUILTIN_FN("drainMicrotasks", shell_drainMicrotasks, 0),
    BUILTIN_FN("sleepSeconds", shell_sleepSeconds, 1),
};

bool builtins_install_shell(ThreadState *ts) {
    const char *enabled = getenv("JSTHREADS_SHELL_HELPERS");
    if (!enabled || strcmp(enabled, "1") != 0) return true;
    Value shell = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(shell)) return false;
    return builtins_install_table(ts, shell, shell_methods, BUILTIN_COUNT(shell_methods)) &&
           builtins_define_global(ts, "$jstShell", shell) &&
           typedarray_install_shell_helpers(ts);   // $262.detachArrayBuffer (builtins/arraybuffer.c)
}
