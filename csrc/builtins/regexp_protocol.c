/*
 * builtins/regexp_protocol.c — RegExp.prototype[@@match/@@matchAll/@@replace/@@search/@@split],
 * the RegExp String Iterator, and the String.prototype methods that dispatch to them. Not
 * written yet: the installer hook exists so that builtins/regexp.c can call it.
 */
#include "builtins.h"

bool regexp_install_protocol(ThreadState *ts, Value regexp_prototype) {
    (void)ts, (void)regexp_prototype;
    return true;
}
