/*
 * builtins/regexp.c — RegExp and its prototype. Not installed yet: the installer is in the list of init.c so
 * that the feature lands without touching the shared list again.
 */
#include "builtins.h"

Value regexp_create(ThreadState *ts, Value pattern, Value flags) {
    (void)pattern, (void)flags;
    return error_throw_syntax(ts, "Regular expressions are not supported yet");
}

bool builtins_install_regexp(ThreadState *ts) {
    (void)ts;
    return true;
}
