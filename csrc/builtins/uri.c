/*
 * builtins/uri.c — encodeURI, encodeURIComponent, decodeURI, decodeURIComponent (not yet
 * implemented: no globals are installed).
 */
#include "builtins.h"

bool builtins_install_uri(ThreadState *ts) {
    (void)ts;
    return true;
}
