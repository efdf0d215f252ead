/*
 * builtins/weak.h — what the weak builtins share among themselves: map.c's WeakMap/WeakSet entry
 * count for the test helper that weakref.c installs. Nothing else belongs here.
 */
#ifndef JST_BUILTINS_WEAK_H
#define JST_BUILTINS_WEAK_H

#include <stdint.h>
#include "../value.h"

// Live entries of a WeakMap or WeakSet (0 for anything else); entries whose keys died are
// gone after the collection that found them dead [HEAP-14].
uint32_t weak_collection_live_count(Value collection);

#endif
