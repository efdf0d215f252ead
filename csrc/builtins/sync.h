/*
 * builtins/sync.h — private to builtins/sync.c and builtins/atomics.c: the sync roots (rooted
 * slots for Values that only C-side wait queues name) and the one posted-job entry point both
 * files use to finish async operations on the requesting thread. Implements SYNC-2 and SYNC-3
 * (specs/sync.md). Nothing else may include it.
 */
#ifndef JST_BUILTINS_SYNC_H
#define JST_BUILTINS_SYNC_H

#include "builtins.h"

/*
 * Sync roots [SYNC-2]. A handle (1-based, 0 = none) names one slot in a CELL_VALUES chunk that
 * the collector reaches from the realm, so a Value stored there lives until the handle is freed.
 * Queues of malloc'd waiter nodes hold handles, never Values. Slots never move (the GC is
 * non-moving), and every access is under Runtime.sync_roots_lock, held briefly and never across
 * an allocation or a safepoint [SP-5].
 */
// A new handle holding v; 0 with a pending RangeError when every slot is taken or on OOM.
uint32_t sync_root_new(ThreadState *ts, Value v);
Value sync_root_get(Runtime *rt, uint32_t handle);
void sync_root_free(Runtime *rt, uint32_t handle);

/*
 * Posted jobs [SYNC-3]. Every async operation (asyncHold, asyncWait, waitAsync) counts one
 * job_expect on the requesting thread from the moment it is queued until the job that completes
 * it is posted, so that thread's event loop stays alive (and the deadlock detector sees it idle).
 * The job is Runtime.sync_job called with a CELL_VALUES record whose first item says what to do.
 */
enum {
    SYNC_RECORD_KIND,          // int: SYNC_JOB_*
    SYNC_RECORD_FIRST_FREE,    // the owner file's own items start here
};
enum {
    SYNC_JOB_LOCK = 1,         // sync.c: grant or retry an asyncHold / asyncWait ticket
    SYNC_JOB_ATOMICS = 2,      // atomics.c: settle a waitAsync promise
};
// atomics.c's half of the job: runs on the waiting thread with its record.
bool atomics_run_job(ThreadState *ts, Values *record);

#endif
