/*
 * thread.c — creating and destroying a Runtime and attaching/detaching JS threads
 * (ThreadState: TID, register stack, allocators, queues). Implements SP-7 (specs/safepoints.md):
 * a thread is registered with the collector from attach to detach.
 * Must not run JS except through builtins_install_all at runtime creation.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "thread.h"
#include "heap.h"
#include "object.h"
#include "jsstring.h"
#include "safepoint.h"
#include "interp.h"
#include "builtins/builtins.h"

// 1 Mi Values (8 MiB, committed lazily by the OS) of register stack: ~30k typical frames.
#define REGISTER_STACK_VALUES (1024u * 1024u)

void thread_set_native_stack_base(ThreadState *ts, void *approx_base) {
    ts->native_stack_base = (uintptr_t)approx_base;
}

static void compute_native_stack_limit(ThreadState *ts) {
    // Natives recurse on the C stack (JSON, inspect, ToPrimitive): keep a margin below the
    // pthread's real stack end so a RangeError is thrown before a segfault could happen.
    pthread_attr_t attr;
    void *stack_address;
    size_t stack_size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &stack_address, &stack_size) == 0)
            ts->native_stack_limit = (uintptr_t)stack_address + 256 * 1024;
        pthread_attr_destroy(&attr);
    }
}

ThreadState *thread_attach(Runtime *rt) {
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->stack_base = calloc(REGISTER_STACK_VALUES, sizeof(Value));
    if (!ts->stack_base) {
        free(ts);
        return NULL;
    }
    ts->rt = rt;
    ts->stack_limit = ts->stack_base + REGISTER_STACK_VALUES;
    ts->sp = ts->stack_base;
    ts->exception = JS_HOLE;
    ts->new_target = JS_UNDEFINED;
    ts->callee = JS_UNDEFINED;
    ts->microtasks = JS_UNDEFINED;
    ts->pending_rejections = JS_UNDEFINED;
    compute_native_stack_limit(ts);
    pthread_mutex_lock(&rt->threads_lock);
    ts->tid = (uint16_t)rt->next_tid++;
    ts->next = rt->threads;
    rt->threads = ts;
    pthread_mutex_unlock(&rt->threads_lock);
    heap_thread_init(ts);
    return ts;
}

void thread_detach(ThreadState *ts) {
    Runtime *rt = ts->rt;
    job_thread_release(ts);   // its timers and queues die with it
    heap_thread_release(ts);
    pthread_mutex_lock(&rt->threads_lock);
    for (ThreadState **p = &rt->threads; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&rt->threads_lock);
    free(ts->stack_base);
    free(ts);
}

Runtime *runtime_new(void) {
    Runtime *rt = calloc(1, sizeof *rt);
    if (!rt) return NULL;
    pthread_mutex_init(&rt->threads_lock, NULL);
    for (int i = 0; i < INTRINSIC_COUNT; i++) rt->realm.intrinsics[i] = JS_UNDEFINED;
    rt->realm.global_object = JS_UNDEFINED;
    rt->realm.global_lexicals = JS_UNDEFINED;
    if (!heap_init(rt) || !structure_table_init(rt) || !atom_table_init(rt)) {
        free(rt);
        return NULL;
    }
    return rt;
}

void runtime_free(Runtime *rt) {
    while (rt->threads) thread_detach(rt->threads);
    atom_table_destroy(rt);
    structure_table_destroy(rt);
    heap_destroy(rt);
    pthread_mutex_destroy(&rt->threads_lock);
    free(rt);
}
