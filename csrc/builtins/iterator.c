/*
 * builtins/iterator.c — %IteratorPrototype% and the builtin iterators over arrays (and
 * array-likes), strings (by code point), Maps and Sets. One cell type (CELL_ITERATOR) serves
 * them all; IteratorObject.kind records the source and the iteration kind, and each next()
 * checks the source so that, e.g., a Set iterator's next refuses a Map iterator.
 * Map/Set iterators walk the entry table through map_table_next (map.c), which survives
 * deletion, compaction and clear() during iteration. Installed before array, string and map.
 * An iterator shared by threads may be stepped by two at once [INT-14]: each next() reads the
 * target once and copes with finding it exhausted (undefined), so a race repeats or skips an
 * element but never crashes.
 * Also GetIterator(obj, async), %AsyncIteratorPrototype% and %AsyncFromSyncIteratorPrototype%
 * (ES2020 25.1.3-25.1.4) for for-await and async yield* [INT-17].
 */
#include "builtins.h"
#include "typedarray.h"
#include "atomics.h"

Value iterator_new(ThreadState *ts, Intrinsic prototype, Value target, uint8_t kind) {
    IteratorObject *it = object_alloc(ts, sizeof(IteratorObject), CELL_ITERATOR, realm_intrinsic(ts, prototype));
    if (!it) return JS_EXCEPTION;
    it->target = target;
    it->index = 0;
    it->kind = kind;
    it->done = 0;
    return value_from_cell(it);
}

void iterator_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((IteratorObject *)cell)->target);
}

static const char *const source_names[] = {"Array Iterator", "String Iterator", "Map Iterator", "Set Iterator"};

static IteratorObject *this_iterator(ThreadState *ts, Value self, int source) {
    if (value_cell_type(self) == CELL_ITERATOR) {
        IteratorObject *it = value_to_cell(self);
        // Iteration kind 3 marks regexp_protocol.c's match-all iterators, which share the cell
        // type but answer only to %RegExpStringIteratorPrototype%.next.
        if ((it->kind & ITERATOR_SOURCE_MASK) == source && (it->kind & ITERATION_MASK) != ITERATION_MASK)
            return it;
    }
    error_throw_type(ts, "Method %s.prototype.next called on incompatible receiver %V",
                     source_names[source >> 2], self);
    return NULL;
}

static Value finish(ThreadState *ts, IteratorObject *it) {
    store_relaxed(&it->target, JS_UNDEFINED);
    store_relaxed(&it->done, 1);
    return ops_create_iter_result(ts, JS_UNDEFINED, true);
}

static Value pair_result(ThreadState *ts, Value first, Value second) {
    Value pair[2] = {first, second};
    Value array = array_from_values(ts, pair, 2);
    if (value_is_exception(array)) return JS_EXCEPTION;
    return ops_create_iter_result(ts, array, false);
}

static Value IteratorPrototype_iterator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

// %ArrayIteratorPrototype%.next: generic over array-likes; the length is re-read on every step.
static Value ArrayIterator_next(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    IteratorObject *it = this_iterator(ts, self, ITERATOR_ARRAY);
    if (!it) return JS_EXCEPTION;
    if (load_relaxed(&it->done)) return ops_create_iter_result(ts, JS_UNDEFINED, true);
    Value target = load_relaxed(&it->target);
    uint32_t index = load_relaxed(&it->index);
    int64_t length;
    if (!value_is_object(target)) return finish(ts, it);   // exhausted by another thread
    if (value_cell_type(target) == CELL_ARRAY) {
        length = array_length(target);
    } else if (value_cell_type(target) == CELL_TYPED_ARRAY) {
        // §23.1.5.1 (ES2024): a typed array's length is its own; a detached one, or a view a
        // shrink of its resizable buffer left out of bounds, throws.
        TypedArrayObject *ta = typed_array_of(target);
        if (typed_array_is_detached(ta))
            return error_throw_type(ts, "Cannot perform %%ArrayIteratorPrototype%%.next on a detached ArrayBuffer");
        if (typed_array_out_of_bounds(ta))
            return error_throw_type(ts, "Cannot perform %%ArrayIteratorPrototype%%.next on an out-of-bounds TypedArray");
        length = (int64_t)typed_array_length(ta);
    } else {
        length = ops_length_of_array_like(ts, target);
        if (length < 0) return JS_EXCEPTION;
    }
    if ((int64_t)index >= length) return finish(ts, it);
    store_relaxed(&it->index, index + 1);
    Value key = value_from_number((double)index);
    if ((it->kind & ITERATION_MASK) == ITERATION_KEYS) return ops_create_iter_result(ts, key, false);
    Value v;
    if (!array_get_fast(target, index, &v)) {
        v = object_get(ts, target, property_key_from_index(index));
        if (value_is_exception(v)) return JS_EXCEPTION;
    }
    if ((it->kind & ITERATION_MASK) == ITERATION_VALUES) return ops_create_iter_result(ts, v, false);
    return pair_result(ts, key, v);
}

// %StringIteratorPrototype%.next: one code point (one or two code units) per step.
static Value StringIterator_next(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    IteratorObject *it = this_iterator(ts, self, ITERATOR_STRING);
    if (!it) return JS_EXCEPTION;
    if (load_relaxed(&it->done)) return ops_create_iter_result(ts, JS_UNDEFINED, true);
    Value s = load_relaxed(&it->target);
    if (!value_is_string(s)) return finish(ts, it);          // exhausted by another thread
    uint32_t index = load_relaxed(&it->index), length = string_length(s);
    if (index >= length) return finish(ts, it);
    String *flat = string_flatten(ts, s);
    if (!flat) return JS_EXCEPTION;
    uint16_t c = string_char_at(flat, index);
    uint32_t size = 1;
    if (c >= 0xD800 && c <= 0xDBFF && index + 1 < length) {
        uint16_t d = string_char_at(flat, index + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) size = 2;
    }
    store_relaxed(&it->index, index + size);
    Value result = size == 1 ? string_from_char_code(ts, c) : string_substring(ts, s, index, index + 2);
    if (value_is_exception(result)) return JS_EXCEPTION;
    return ops_create_iter_result(ts, result, false);
}

// %MapIteratorPrototype%.next (magic ITERATOR_MAP) and %SetIteratorPrototype%.next (ITERATOR_SET).
static Value CollectionIterator_next(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    IteratorObject *it = this_iterator(ts, self, magic);
    if (!it) return JS_EXCEPTION;
    if (load_relaxed(&it->done)) return ops_create_iter_result(ts, JS_UNDEFINED, true);
    Value table = load_relaxed(&it->target), key, value;
    uint32_t index = load_relaxed(&it->index);
    bool found = map_table_next(&table, &index, &key, &value);   // false for undefined
    store_relaxed(&it->target, table);
    store_relaxed(&it->index, index);
    if (!found) return finish(ts, it);
    if (magic == ITERATOR_SET) value = key;
    switch (it->kind & ITERATION_MASK) {
    case ITERATION_KEYS: return ops_create_iter_result(ts, key, false);
    case ITERATION_VALUES: return ops_create_iter_result(ts, value, false);
    default: return pair_result(ts, key, value);
    }
}

static const BuiltinEntry iterator_prototype_table[] = {
    BUILTIN_FN("@@iterator", IteratorPrototype_iterator, 0),
};
static const BuiltinEntry array_iterator_table[] = {
    BUILTIN_FN("next", ArrayIterator_next, 0),
    BUILTIN_STRING("@@toStringTag", "Array Iterator", PROP_CONFIGURABLE),
};
static const BuiltinEntry string_iterator_table[] = {
    BUILTIN_FN("next", StringIterator_next, 0),
    BUILTIN_STRING("@@toStringTag", "String Iterator", PROP_CONFIGURABLE),
};
static const BuiltinEntry map_iterator_table[] = {
    BUILTIN_FN_MAGIC("next", CollectionIterator_next, 0, ITERATOR_MAP),
    BUILTIN_STRING("@@toStringTag", "Map Iterator", PROP_CONFIGURABLE),
};
static const BuiltinEntry set_iterator_table[] = {
    BUILTIN_FN_MAGIC("next", CollectionIterator_next, 0, ITERATOR_SET),
    BUILTIN_STRING("@@toStringTag", "Set Iterator", PROP_CONFIGURABLE),
};

// ---- Async iteration: GetIterator(obj, async) and %AsyncFromSyncIteratorPrototype% [INT-17] ----

/*
 * An async-from-sync iterator is a CELL_ITERATOR whose target is a CELL_VALUES pair
 * [sync iterator, its next method] and whose kind is the array source with iteration kind 3,
 * which no other builtin iterator uses (the array iterator's next refuses it). User code never
 * sees one: only for-await and yield* hold it, so its methods run only on such receivers; the
 * check below still makes any other receiver a rejected promise, never a crash.
 */
enum { ASYNC_FROM_SYNC_KIND = ITERATOR_ARRAY | ITERATION_MASK };
enum { AFS_NEXT, AFS_THROW, AFS_RETURN };   // the RESUME_* order of interp.c

bool async_iterator_get(ThreadState *ts, Value v, IteratorRecord *out) {
    out->iterator = JS_UNDEFINED;
    out->next = JS_UNDEFINED;
    out->done = true;
    Value method = value_is_nullish(v) ? JS_UNDEFINED : ops_get(ts, v, SYMBOL(ts, asyncIterator));
    if (value_is_exception(method)) return false;
    Value iterator;
    if (value_is_nullish(method)) {
        // CreateAsyncFromSyncIterator (ES2020 25.1.4.1).
        IteratorRecord sync;
        if (!ops_get_iterator(ts, v, &sync)) return false;
        Values *pair = values_new(ts, 2);
        if (!pair) return false;
        pair->items[0] = sync.iterator;
        pair->items[1] = sync.next;
        pair->count = 2;
        iterator = iterator_new(ts, INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE, value_from_cell(pair),
                                ASYNC_FROM_SYNC_KIND);
        if (value_is_exception(iterator)) return false;
    } else {
        if (!ops_is_callable(method)) {
            error_throw_type(ts, "%C is not async iterable", v);
            return false;
        }
        iterator = interp_call(ts, method, v, NULL, 0);
        if (value_is_exception(iterator)) return false;
        if (!value_is_object(iterator)) {
            error_throw_type(ts, "Result of the Symbol.asyncIterator method is not an object");
            return false;
        }
    }
    Value next = object_get(ts, iterator, ATOM(ts, next));
    if (value_is_exception(next)) return false;
    out->iterator = iterator;
    out->next = next;
    out->done = false;
    return true;
}

// IfAbruptRejectPromise: the pending exception rejects `promise`, which is returned.
static Value reject_pending(ThreadState *ts, Value promise) {
    Value reason = error_take(ts);
    if (!promise_reject_value(ts, promise, reason)) return JS_EXCEPTION;
    return promise;
}

// The fulfilment step of AsyncFromSyncIteratorContinuation: magic is `done`.
static Value AsyncFromSync_unwrap(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    return ops_create_iter_result(ts, builtin_arg(args, argc, 0), magic != 0);
}

// The rejection step: the sync iterator (data[0]) is closed and the reason passed on.
static Value AsyncFromSync_close(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    NativeFunction *nf = value_to_cell(ts->callee);
    IteratorRecord it = {nf->data[0], JS_UNDEFINED, false};
    error_throw(ts, builtin_arg(args, argc, 0));
    ops_iterator_close(ts, &it, true);   // keeps the reason pending over anything return() does
    return JS_EXCEPTION;
}

// AsyncFromSyncIteratorContinuation(result, promise, syncIterator, closeOnRejection).
static Value async_from_sync_continue(ThreadState *ts, Value result, Value promise, Value sync, bool close) {
    Value done_value = object_get(ts, result, ATOM(ts, done));
    if (value_is_exception(done_value)) return reject_pending(ts, promise);
    bool done = ops_to_boolean(done_value);
    Value value = object_get(ts, result, ATOM(ts, value));
    if (value_is_exception(value)) return reject_pending(ts, promise);
    Value wrapper = promise_resolve(ts, value);
    if (value_is_exception(wrapper)) {
        if (!done && close) {
            // The wrapper's error stays pending: it wins over anything closing throws.
            IteratorRecord it = {sync, JS_UNDEFINED, false};
            ops_iterator_close(ts, &it, true);
        }
        return reject_pending(ts, promise);
    }
    Value on_fulfilled = function_new_native(ts, AsyncFromSync_unwrap, "", 1, done, 0);
    if (value_is_exception(on_fulfilled)) return JS_EXCEPTION;
    Value on_rejected = JS_UNDEFINED;
    if (!done && close) {
        on_rejected = function_new_native(ts, AsyncFromSync_close, "", 1, 0, 0);
        if (value_is_exception(on_rejected)) return JS_EXCEPTION;
        ((NativeFunction *)value_to_cell(on_rejected))->data[0] = sync;
    }
    if (!promise_then_into(ts, wrapper, on_fulfilled, on_rejected, promise)) return JS_EXCEPTION;
    return promise;
}

// %AsyncFromSyncIteratorPrototype%.next / throw / return (ES2020 25.1.4.2, with the later
// editions' closing of the sync iterator and absent arguments left absent).
static Value AsyncFromSync_method(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    Value promise = promise_new(ts);
    if (value_is_exception(promise)) return promise;
    IteratorObject *it = value_cell_type(self) == CELL_ITERATOR ? value_to_cell(self) : NULL;
    Value target = it && it->kind == ASYNC_FROM_SYNC_KIND ? load_relaxed(&it->target) : JS_UNDEFINED;
    if (value_cell_type(target) != CELL_VALUES) {
        error_throw_type(ts, "AsyncFromSyncIterator method called on incompatible receiver %V", self);
        return reject_pending(ts, promise);
    }
    Values *pair = value_to_cell(target);
    Value sync = pair->items[0];
    int count = argc > 0 ? 1 : 0;
    Value result;
    if (magic == AFS_NEXT) {
        result = interp_call(ts, pair->items[1], sync, args, count);
    } else {
        Value method = ops_get_method(ts, sync, magic == AFS_THROW ? ATOM(ts, throw) : ATOM(ts, return));
        if (value_is_exception(method)) return reject_pending(ts, promise);
        if (value_is_undefined(method)) {
            if (magic == AFS_RETURN) {
                Value done = ops_create_iter_result(ts, builtin_arg(args, argc, 0), true);
                if (value_is_exception(done) || !promise_resolve_value(ts, promise, done)) return JS_EXCEPTION;
                return promise;
            }
            // No throw(): the protocol is violated; close the sync iterator, then TypeError.
            IteratorRecord record = {sync, JS_UNDEFINED, false};
            if (ops_iterator_close(ts, &record, false))
                error_throw_type(ts, "The iterator does not provide a 'throw' method");
            return reject_pending(ts, promise);
        }
        result = interp_call(ts, method, sync, args, count);
    }
    if (value_is_exception(result)) return reject_pending(ts, promise);
    if (!value_is_object(result)) {
        error_throw_type(ts, "Iterator result %V is not an object", result);
        return reject_pending(ts, promise);
    }
    return async_from_sync_continue(ts, result, promise, sync, magic != AFS_RETURN);
}

static Value AsyncIteratorPrototype_asyncIterator(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

static const BuiltinEntry async_iterator_prototype_table[] = {
    BUILTIN_FN("@@asyncIterator", AsyncIteratorPrototype_asyncIterator, 0),
};
static const BuiltinEntry async_from_sync_iterator_table[] = {
    BUILTIN_FN_MAGIC("next", AsyncFromSync_method, 1, AFS_NEXT),
    BUILTIN_FN_MAGIC("return", AsyncFromSync_method, 1, AFS_RETURN),
    BUILTIN_FN_MAGIC("throw", AsyncFromSync_method, 1, AFS_THROW),
};

static bool install_prototype(ThreadState *ts, Intrinsic which, Value parent, const BuiltinEntry *table, int count) {
    Value prototype = object_new(ts, parent);
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[which] = prototype;
    return builtins_install_table(ts, prototype, table, count);
}

bool builtins_install_iterator(ThreadState *ts) {
    if (!install_prototype(ts, INTRINSIC_ITERATOR_PROTOTYPE, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE),
                           iterator_prototype_table, BUILTIN_COUNT(iterator_prototype_table)))
        return false;
    Value base = realm_intrinsic(ts, INTRINSIC_ITERATOR_PROTOTYPE);
    return install_prototype(ts, INTRINSIC_ARRAY_ITERATOR_PROTOTYPE, base, array_iterator_table,
                             BUILTIN_COUNT(array_iterator_table)) &&
           install_prototype(ts, INTRINSIC_STRING_ITERATOR_PROTOTYPE, base, string_iterator_table,
                             BUILTIN_COUNT(string_iterator_table)) &&
           install_prototype(ts, INTRINSIC_MAP_ITERATOR_PROTOTYPE, base, map_iterator_table,
                             BUILTIN_COUNT(map_iterator_table)) &&
           install_prototype(ts, INTRINSIC_SET_ITERATOR_PROTOTYPE, base, set_iterator_table,
                             BUILTIN_COUNT(set_iterator_table)) &&
           install_prototype(ts, INTRINSIC_ASYNC_ITERATOR_PROTOTYPE, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE),
                             async_iterator_prototype_table, BUILTIN_COUNT(async_iterator_prototype_table)) &&
           install_prototype(ts, INTRINSIC_ASYNC_FROM_SYNC_ITERATOR_PROTOTYPE,
                             realm_intrinsic(ts, INTRINSIC_ASYNC_ITERATOR_PROTOTYPE), async_from_sync_iterator_table,
                             BUILTIN_COUNT(async_from_sync_iterator_table));
}
