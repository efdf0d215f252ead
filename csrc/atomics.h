/*
 * atomics.h — the one place atomic operations are spelled. Each helper names its memory order so
 * that a reader of the calling code sees the ordering argument without looking it up.
 * No bare volatile anywhere in the core; use these.
 */
#ifndef JST_ATOMICS_H
#define JST_ATOMICS_H

#include <stdbool.h>
#include <stdint.h>

#define load_relaxed(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define load_acquire(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define store_relaxed(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define fetch_add_relaxed(p, v) __atomic_fetch_add((p), (v), __ATOMIC_RELAXED)
#define fetch_add_acq_rel(p, v) __atomic_fetch_add((p), (v), __ATOMIC_ACQ_REL)
#define exchange_acq_rel(p, v) __atomic_exchange_n((p), (v), __ATOMIC_ACQ_REL)
// Strong CAS; on failure *expected receives the current value.
#define cas_acq_rel(p, expected, desired) \
    __atomic_compare_exchange_n((p), (expected), (desired), false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)
#define fence_seq_cst() __atomic_thread_fence(__ATOMIC_SEQ_CST)

#endif
