/*
 * builtins/weakref.c — WeakRef and FinalizationRegistry. Not installed yet: the installer is in the list of init.c so
 * that the feature lands without touching the shared list again.
 */
#include "builtins.h"

bool builtins_install_weakref(ThreadState *ts) {
    (void)ts;
    return true;
}
