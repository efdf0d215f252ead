/*
 * builtins/proxy.c — Proxy exotic objects (not yet implemented: no global is installed, and the
 * methods below make a CELL_PROXY behave as an ordinary object).
 */
#include "builtins.h"
#include "../objectexotic.h"

const ObjectMethods proxy_methods = {.traits = EXOTIC_PLAIN_STORAGE | EXOTIC_NO_VIRTUAL_INDEXES};

bool builtins_install_proxy(ThreadState *ts) {
    (void)ts;
    return true;
}
