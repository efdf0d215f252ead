/*
 * builtins/reflect.c — the Reflect namespace (not yet implemented: no global is installed).
 */
#include "builtins.h"

bool builtins_install_reflect(ThreadState *ts) {
    (void)ts;
    return true;
}
