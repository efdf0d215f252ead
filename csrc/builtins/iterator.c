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
        // §22.1.5.2.1 step 8: a typed array's length is its own, and a detached one throws.
        TypedArrayObject *ta = typed_array_of(target);
        if (typed_array_is_detached(ta))
            return error_throw_type(ts, "Cannot perform %%ArrayIteratorPrototype%%.next on a detached ArrayBuffer");
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
                             BUILTIN_COUNT(set_iterator_table));
}
