/*
 * builtins/regexp_protocol.c — RegExp.prototype[@@match/@@matchAll/@@replace/@@search/@@split]
 * and %RegExpStringIteratorPrototype%, per ES2024 §22.2.6/§22.2.9 (test262 checks the "flags"
 * reads that replaced "global"/"unicode" after ES2020). Regexps are reached only through
 * Get/Set/Call as RegExpExec does, so any object with exec/flags/lastIndex works. Under --threads
 * the only native state is a match-all iterator's done flag (relaxed atomics [INT-14]); result
 * lists are CELL_VALUES held on the native stack [HEAP-7]; user-driven loops poll [SP-6].
 */
#include "builtins.h"
#include "atomics.h"
#include "../safepoint.h"

// ---- abstract operations ----

// The "flags" string of a regexp-like: global ('g') and full-unicode ('u' or 'v') matching.
typedef struct RegExpFlags {
    Value flags;       // ToString(Get(rx, "flags"))
    bool global, unicode, sticky;
} RegExpFlags;

static bool read_flags(ThreadState *ts, Value rx, RegExpFlags *out) {
    Value flags = ops_get_cstr(ts, rx, "flags");
    if (value_is_exception(flags) || value_is_exception(flags = ops_to_string(ts, flags))) return false;
    String *f = string_flatten(ts, flags);
    if (!f) return false;
    out->flags = flags;
    out->global = out->unicode = out->sticky = false;
    for (uint32_t i = 0; i < f->length; i++) {
        uint16_t c = string_char_at(f, i);
        out->global |= c == 'g';
        out->unicode |= c == 'u' || c == 'v';
        out->sticky |= c == 'y';
    }
    return true;
}

/*
 * The prelude @@matchAll and @@split share (§22.2.6.9 steps 3-6, §22.2.6.14 steps 5-10):
 * C = SpeciesConstructor(rx, %RegExp%), *flags = the "flags" read, then Construct(C, «rx,
 * flags») — with "y" appended to the flags first when `sticky` and they lack it.
 */
static Value construct_species(ThreadState *ts, Value rx, RegExpFlags *flags, bool sticky) {
    Value default_constructor = realm_intrinsic(ts, INTRINSIC_REGEXP);
    Value constructor = ops_species_constructor(ts, rx, default_constructor ? default_constructor : JS_UNDEFINED);
    if (value_is_exception(constructor) || !read_flags(ts, rx, flags)) return JS_EXCEPTION;
    Value new_flags = flags->flags;
    if (sticky && !flags->sticky) {
        Value y = string_from_char_code(ts, 'y');
        if (value_is_exception(y) || value_is_exception(new_flags = string_concat(ts, new_flags, y))) return JS_EXCEPTION;
    }
    if (!ops_is_constructor(constructor)) return error_throw_type(ts, "object.constructor[Symbol.species] is not a constructor");
    Value construct_args[2] = {rx, new_flags};
    return interp_construct(ts, constructor, construct_args, 2, constructor);
}

static Value this_regexp(ThreadState *ts, Value self, const char *method) {
    if (value_is_object(self)) return self;
    return error_throw_type(ts, "Method RegExp.prototype.%s called on incompatible receiver %V", method, self);
}

/*
 * How RegExpExec reaches exec. builtins.h exports no RegExpBuiltinExec, so the installer records
 * the original RegExp.prototype.exec in data[0] of every function here (for a real RegExp,
 * calling it is RegExpBuiltinExec), and the "exec" atom in data[1] so that a global replace does
 * not intern it once per match. Natives read both from ts->callee on entry, before any nested
 * call replaces the callee.
 */
typedef struct ExecAccess {
    Value builtin;     // %RegExp.prototype.exec% as installed, or undefined
    PropKey key;       // the atom "exec"
} ExecAccess;

static ExecAccess exec_access_of_callee(ThreadState *ts) {
    ExecAccess access = {JS_UNDEFINED, JS_UNDEFINED};
    if (value_cell_type(ts->callee) == CELL_NATIVE_FUNCTION) {
        NativeFunction *f = value_to_cell(ts->callee);
        access.builtin = f->data[0];
        access.key = f->data[1];
    }
    return access;
}

// RegExpExec (§22.2.7.1): a callable "exec" decides; otherwise the receiver must be a RegExp.
static Value regexp_exec(ThreadState *ts, Value r, Value s, const ExecAccess *access) {
    Value exec = access->key != JS_UNDEFINED ? ops_get(ts, r, access->key) : ops_get_cstr(ts, r, "exec");
    if (value_is_exception(exec)) return JS_EXCEPTION;
    if (!ops_is_callable(exec)) {
        if (value_cell_type(r) != CELL_REGEXP || !ops_is_callable(access->builtin))
            return error_throw_type(ts, "Method RegExp.prototype.exec called on incompatible receiver %V", r);
        exec = access->builtin;
    }
    Value result = interp_call(ts, exec, r, &s, 1);
    if (value_is_exception(result) || result == JS_NULL || value_is_object(result)) return result;
    return error_throw_type(ts, "RegExp exec method returned something other than an Object or null");
}

// AdvanceStringIndex (§22.2.7.3): one code unit, or a whole surrogate pair in unicode mode.
static double advance_string_index(const String *s, double index, bool unicode) {
    if (!unicode || index + 1 >= s->length) return index + 1;
    uint16_t c = string_char_at(s, (uint32_t)index);
    if (c < 0xD800 || c > 0xDBFF) return index + 1;
    uint16_t d = string_char_at(s, (uint32_t)index + 1);
    return d >= 0xDC00 && d <= 0xDFFF ? index + 2 : index + 1;
}


static bool set_last_index(ThreadState *ts, Value rx, Value v) {
    return ops_set(ts, rx, ATOM(ts, lastIndex), v, true) >= 0;
}

// ToString(Get(result, "0")): the matched substring of an exec result.
static Value match_string(ThreadState *ts, Value result) {
    Value matched = object_get(ts, result, property_key_from_index(0));
    return value_is_exception(matched) ? JS_EXCEPTION : ops_to_string(ts, matched);
}

/*
 * The step global matching repeats after an empty match (@@match, @@replace, the match-all
 * iterator): lastIndex = AdvanceStringIndex(S, ToLength(lastIndex)), so an empty match cannot
 * be found again at the same place.
 */
static bool step_past_empty_match(ThreadState *ts, Value rx, const String *s, bool unicode) {
    double this_index;
    Value last = object_get(ts, rx, ATOM(ts, lastIndex));
    if (value_is_exception(last) || !ops_to_length(ts, last, &this_index)) return false;
    return set_last_index(ts, rx, value_from_number(advance_string_index(s, this_index, unicode)));
}

// ---- @@match, @@search ----

static Value RegExp_prototype_match(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ExecAccess exec = exec_access_of_callee(ts);
    Value rx = this_regexp(ts, self, "@@match");
    if (value_is_exception(rx)) return JS_EXCEPTION;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    RegExpFlags flags;
    if (value_is_exception(s) || !read_flags(ts, rx, &flags)) return JS_EXCEPTION;
    if (!flags.global) return regexp_exec(ts, rx, s, &exec);
    String *flat = string_flatten(ts, s);
    if (!flat || !set_last_index(ts, rx, value_from_int(0))) return JS_EXCEPTION;
    Value a = array_new(ts, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    for (;;) {
        safepoint_poll(ts);
        Value result = regexp_exec(ts, rx, s, &exec);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (result == JS_NULL) return array_length(a) == 0 ? JS_NULL : a;
        Value matched = match_string(ts, result);
        if (value_is_exception(matched) || array_push(ts, a, matched) < 0) return JS_EXCEPTION;
        if (string_length(matched) == 0 && !step_past_empty_match(ts, rx, flat, flags.unicode))
            return JS_EXCEPTION;
    }
}

static Value RegExp_prototype_search(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ExecAccess exec = exec_access_of_callee(ts);
    Value rx = this_regexp(ts, self, "@@search");
    if (value_is_exception(rx)) return JS_EXCEPTION;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    Value previous = object_get(ts, rx, ATOM(ts, lastIndex));
    if (value_is_exception(previous)) return JS_EXCEPTION;
    if (!ops_same_value(previous, value_from_int(0)) && !set_last_index(ts, rx, value_from_int(0)))
        return JS_EXCEPTION;
    Value result = regexp_exec(ts, rx, s, &exec);
    if (value_is_exception(result)) return JS_EXCEPTION;
    Value current = object_get(ts, rx, ATOM(ts, lastIndex));
    if (value_is_exception(current)) return JS_EXCEPTION;
    if (!ops_same_value(current, previous) && !set_last_index(ts, rx, previous)) return JS_EXCEPTION;
    if (result == JS_NULL) return value_from_int(-1);
    return object_get(ts, result, ATOM(ts, index));
}

// ---- @@matchAll and %RegExpStringIteratorPrototype% ----

/*
 * A match-all iterator is a CELL_ITERATOR (so iterator_trace keeps its state alive) whose target
 * is a CELL_VALUES pair [matcher, S] and whose kind is the string source with the iteration
 * kind 3, which no builtin iterator uses. %StringIteratorPrototype%.next checks only the source
 * bits, so it accepts such an iterator, but finding no string target it just ends it.
 */
enum { MATCH_ALL_KIND = ITERATOR_STRING | ITERATION_MASK };
enum { MATCH_ALL_GLOBAL = 1, MATCH_ALL_UNICODE = 2 };

static Value RegExp_prototype_matchAll(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    Value rx = this_regexp(ts, self, "@@matchAll");
    if (value_is_exception(rx)) return JS_EXCEPTION;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    RegExpFlags flags;
    Value matcher = construct_species(ts, rx, &flags, false);
    if (value_is_exception(matcher)) return JS_EXCEPTION;
    double last_index;
    Value last = object_get(ts, rx, ATOM(ts, lastIndex));
    if (value_is_exception(last) || !ops_to_length(ts, last, &last_index) ||
        ops_set(ts, matcher, ATOM(ts, lastIndex), value_from_number(last_index), true) < 0)
        return JS_EXCEPTION;
    Values *state = values_new(ts, 2);
    if (!state) return JS_EXCEPTION;
    state->items[0] = matcher;
    state->items[1] = s;
    state->count = 2;
    Value iterator = iterator_new(ts, INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE, value_from_cell(state), MATCH_ALL_KIND);
    if (value_is_exception(iterator)) return JS_EXCEPTION;
    ((IteratorObject *)value_to_cell(iterator))->index =
        (flags.global ? MATCH_ALL_GLOBAL : 0) | (flags.unicode ? MATCH_ALL_UNICODE : 0);
    return iterator;
}

static Value end_iteration(ThreadState *ts, IteratorObject *it) {
    store_relaxed(&it->done, 1);
    return ops_create_iter_result(ts, JS_UNDEFINED, true);
}

// %RegExpStringIteratorPrototype%.next (§22.2.9.2.1). Two threads stepping one iterator each run
// a whole step against the shared matcher; the done flag only ever goes from 0 to 1.
static Value RegExpStringIterator_next(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    ExecAccess exec = exec_access_of_callee(ts);
    (void)args, (void)argc, (void)magic;
    IteratorObject *it = value_cell_type(self) == CELL_ITERATOR ? value_to_cell(self) : NULL;
    if (!it || it->kind != MATCH_ALL_KIND)
        return error_throw_type(ts, "Method %%RegExpStringIterator%%.prototype.next called on incompatible receiver %V", self);
    if (load_relaxed(&it->done)) return ops_create_iter_result(ts, JS_UNDEFINED, true);
    Value target = load_relaxed(&it->target);
    if (value_cell_type(target) != CELL_VALUES) return end_iteration(ts, it);
    Values *state = value_to_cell(target);
    Value matcher = state->items[0], s = state->items[1];
    uint32_t mode = it->index;
    Value match = regexp_exec(ts, matcher, s, &exec);
    if (value_is_exception(match)) return JS_EXCEPTION;
    if (match == JS_NULL) return end_iteration(ts, it);
    if (!(mode & MATCH_ALL_GLOBAL)) {
        store_relaxed(&it->done, 1);
        return ops_create_iter_result(ts, match, false);
    }
    Value matched = match_string(ts, match);
    if (value_is_exception(matched)) return JS_EXCEPTION;
    if (string_length(matched) == 0) {
        String *flat = string_flatten(ts, s);
        if (!flat || !step_past_empty_match(ts, matcher, flat, mode & MATCH_ALL_UNICODE)) return JS_EXCEPTION;
    }
    return ops_create_iter_result(ts, match, false);
}

// ---- @@replace ----

// One exec result's parts, as @@replace step 14 reads them (in the spec's order of Gets).
typedef struct MatchParts {
    Value matched;          // ToString(result[0])
    double position;        // clamped to [0, length of S]
    Values *captures;       // ToString(result[n]) or undefined, n = 1..nCaptures
    Value groups;           // Get(result, "groups")
} MatchParts;

static bool read_match_parts(ThreadState *ts, Value result, uint32_t length_s, MatchParts *out) {
    int64_t result_length = ops_length_of_array_like(ts, result);
    if (result_length < 0) return false;
    int64_t n_captures = result_length > 1 ? result_length - 1 : 0;
    if ((out->matched = match_string(ts, result)) == JS_EXCEPTION) return false;
    Value index = object_get(ts, result, ATOM(ts, index));
    double position;
    if (value_is_exception(index) || !ops_to_integer(ts, index, &position)) return false;
    out->position = position < 0 ? 0 : position > length_s ? length_s : position;
    if (n_captures > UINT32_MAX - 1) {
        error_throw_range(ts, "Invalid array length");
        return false;
    }
    out->captures = values_new(ts, n_captures < 16 ? (uint32_t)n_captures : 16);
    if (!out->captures) return false;
    for (int64_t n = 1; n <= n_captures; n++) {
        safepoint_poll(ts);
        Value capture = object_get(ts, result, property_key_from_index((uint32_t)n));
        if (!value_is_exception(capture) && capture != JS_UNDEFINED) capture = ops_to_string(ts, capture);
        if (value_is_exception(capture) || !(out->captures = values_push(ts, out->captures, capture))) return false;
    }
    out->groups = ops_get_cstr(ts, result, "groups");
    return !value_is_exception(out->groups);
}

// The replacement text for one match: the replacer's result, or GetSubstitution of the template.
static Value replacement_for(ThreadState *ts, const MatchParts *m, Value s, Value replace, bool functional) {
    uint32_t count = m->captures->count;
    if (!functional) {
        Value groups = m->groups;
        if (groups != JS_UNDEFINED && value_is_exception(groups = ops_to_object(ts, groups))) return JS_EXCEPTION;
        return string_get_substitution(ts, m->matched, s, (uint32_t)m->position, m->captures->items, count,
                                       groups, replace);
    }
    // replacerArgs = «matched, ...captures, position, S[, groups]» in a traced vector.
    Values *call_args = values_new(ts, count + 4);
    if (!call_args) return JS_EXCEPTION;
    call_args->items[0] = m->matched;
    for (uint32_t i = 0; i < count; i++) call_args->items[1 + i] = m->captures->items[i];
    call_args->items[count + 1] = value_from_number(m->position);
    call_args->items[count + 2] = s;
    call_args->items[count + 3] = m->groups;
    call_args->count = count + 3 + (m->groups != JS_UNDEFINED);
    Value replaced = interp_call(ts, replace, JS_UNDEFINED, call_args->items, (int)call_args->count);
    return value_is_exception(replaced) ? JS_EXCEPTION : ops_to_string(ts, replaced);
}

static Value RegExp_prototype_replace(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ExecAccess exec = exec_access_of_callee(ts);
    Value rx = this_regexp(ts, self, "@@replace");
    if (value_is_exception(rx)) return JS_EXCEPTION;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    Value replace = builtin_arg(args, argc, 1);
    bool functional = ops_is_callable(replace);
    if (!functional && value_is_exception(replace = ops_to_string(ts, replace))) return JS_EXCEPTION;
    RegExpFlags flags;
    String *flat = string_flatten(ts, s);
    if (!flat || !read_flags(ts, rx, &flags)) return JS_EXCEPTION;
    if (flags.global && !set_last_index(ts, rx, value_from_int(0))) return JS_EXCEPTION;
    // Every match is found before any replacement runs (steps 11-12).
    Values *results = values_new(ts, 4);
    if (!results) return JS_EXCEPTION;
    for (;;) {
        safepoint_poll(ts);
        Value result = regexp_exec(ts, rx, s, &exec);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (result == JS_NULL) break;
        if (!(results = values_push(ts, results, result))) return JS_EXCEPTION;
        if (!flags.global) break;
        Value matched = match_string(ts, result);
        if (value_is_exception(matched)) return JS_EXCEPTION;
        if (string_length(matched) == 0 && !step_past_empty_match(ts, rx, flat, flags.unicode)) return JS_EXCEPTION;
    }
    StringBuilder b;
    string_builder_init(&b, ts);
    uint32_t next_source_position = 0, length_s = flat->length;
    for (uint32_t i = 0; i < results->count; i++) {
        safepoint_poll(ts);
        MatchParts m;
        Value replacement = JS_EXCEPTION;
        if (read_match_parts(ts, results->items[i], length_s, &m))
            replacement = replacement_for(ts, &m, s, replace, functional);
        if (value_is_exception(replacement)) {
            string_builder_discard(&b);
            return JS_EXCEPTION;
        }
        // A match that starts before the end of the previous one is dropped (step 14.o).
        if (m.position >= next_source_position) {
            string_builder_append_range(&b, flat, next_source_position, (uint32_t)m.position);
            string_builder_append_string(&b, replacement);
            double end = m.position + string_length(m.matched);
            next_source_position = end > length_s ? length_s + 1 : (uint32_t)end;
        }
        if (b.length > STRING_MAX_LENGTH) break;
    }
    string_builder_append_range(&b, flat, next_source_position, length_s);
    if (b.length > STRING_MAX_LENGTH) {
        string_builder_discard(&b);
        return error_throw_range(ts, "Invalid string length");
    }
    return string_builder_finish(&b);
}

// ---- @@split ----

static Value RegExp_prototype_split(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    ExecAccess exec = exec_access_of_callee(ts);
    Value rx = this_regexp(ts, self, "@@split");
    if (value_is_exception(rx)) return JS_EXCEPTION;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    RegExpFlags flags;
    // The splitter is sticky, so each exec tests exactly position q (the "y" trick).
    Value splitter = construct_species(ts, rx, &flags, true);
    if (value_is_exception(splitter)) return JS_EXCEPTION;
    Value a = array_new(ts, 0);
    if (value_is_exception(a)) return JS_EXCEPTION;
    uint32_t lim = UINT32_MAX;
    Value limit = builtin_arg(args, argc, 1);
    if (limit != JS_UNDEFINED && !ops_to_uint32(ts, limit, &lim)) return JS_EXCEPTION;
    if (lim == 0) return a;
    String *flat = string_flatten(ts, s);
    if (!flat) return JS_EXCEPTION;
    uint32_t size = flat->length;
    if (size == 0) {
        Value z = regexp_exec(ts, splitter, s, &exec);
        if (value_is_exception(z)) return JS_EXCEPTION;
        if (z != JS_NULL) return a;
        return array_push(ts, a, s) < 0 ? JS_EXCEPTION : a;
    }
    uint32_t p = 0, length_a = 0;
    double q = p;
    while (q < size) {
        safepoint_poll(ts);
        if (!set_last_index(ts, splitter, value_from_number(q))) return JS_EXCEPTION;
        Value z = regexp_exec(ts, splitter, s, &exec);
        if (value_is_exception(z)) return JS_EXCEPTION;
        if (z == JS_NULL) {
            q = advance_string_index(flat, q, flags.unicode);
            continue;
        }
        double e;
        Value last = object_get(ts, splitter, ATOM(ts, lastIndex));
        if (value_is_exception(last) || !ops_to_length(ts, last, &e)) return JS_EXCEPTION;
        if (e > size) e = size;
        if (e == p) {
            q = advance_string_index(flat, q, flags.unicode);
            continue;
        }
        Value piece = string_substring(ts, s, p, (uint32_t)q);
        if (value_is_exception(piece) || array_push(ts, a, piece) < 0) return JS_EXCEPTION;
        if (++length_a == lim) return a;
        p = (uint32_t)e;
        int64_t captures = ops_length_of_array_like(ts, z);
        if (captures < 0) return JS_EXCEPTION;
        for (int64_t i = 1; i < captures; i++) {
            safepoint_poll(ts);
            Value capture = object_get(ts, z, property_key_from_index((uint32_t)i));
            if (value_is_exception(capture) || array_push(ts, a, capture) < 0) return JS_EXCEPTION;
            if (++length_a == lim) return a;
        }
        q = p;
    }
    Value tail = string_substring(ts, s, p, size);
    if (value_is_exception(tail) || array_push(ts, a, tail) < 0) return JS_EXCEPTION;
    return a;
}

// ---- installation ----

static const BuiltinEntry regexp_protocol_table[] = {
    BUILTIN_FN("@@match", RegExp_prototype_match, 1),
    BUILTIN_FN("@@matchAll", RegExp_prototype_matchAll, 1),
    BUILTIN_FN("@@replace", RegExp_prototype_replace, 2),
    BUILTIN_FN("@@search", RegExp_prototype_search, 1),
    BUILTIN_FN("@@split", RegExp_prototype_split, 2),
};

static const BuiltinEntry regexp_string_iterator_table[] = {
    BUILTIN_FN("next", RegExpStringIterator_next, 0),
    BUILTIN_STRING("@@toStringTag", "RegExp String Iterator", PROP_CONFIGURABLE),
};

// Gives each function of `table` (now installed on target) its ExecAccess in data[0..1].
static bool record_exec_access(ThreadState *ts, Value target, const BuiltinEntry *table, int count, Value exec,
                               Value exec_key) {
    for (int i = 0; i < count; i++) {
        if (table[i].kind != BUILTIN_KIND_FUNCTION) continue;
        PropKey key = builtins_key(ts, table[i].name);
        Value fn = value_is_exception(key) ? JS_EXCEPTION : object_get(ts, target, key);
        if (value_is_exception(fn)) return false;
        if (value_cell_type(fn) != CELL_NATIVE_FUNCTION) continue;
        ((NativeFunction *)value_to_cell(fn))->data[0] = exec;
        ((NativeFunction *)value_to_cell(fn))->data[1] = exec_key;
    }
    return true;
}

// Called by builtins_install_regexp after RegExp.prototype.exec is installed (its data[0] use
// depends on that order; without it, RegExpBuiltinExec falls back to the TypeError).
bool regexp_install_protocol(ThreadState *ts, Value regexp_prototype) {
    Value iterator_prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_ITERATOR_PROTOTYPE));
    if (value_is_exception(iterator_prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_REGEXP_STRING_ITERATOR_PROTOTYPE] = iterator_prototype;
    if (!builtins_install_table(ts, iterator_prototype, regexp_string_iterator_table,
                                BUILTIN_COUNT(regexp_string_iterator_table)) ||
        !builtins_install_table(ts, regexp_prototype, regexp_protocol_table, BUILTIN_COUNT(regexp_protocol_table)))
        return false;
    Value exec_key = atom_from_cstr(ts, "exec");
    Value exec = value_is_exception(exec_key) ? JS_EXCEPTION : object_get(ts, regexp_prototype, exec_key);
    if (value_is_exception(exec)) return false;
    if (!ops_is_callable(exec)) exec = JS_UNDEFINED;
    return record_exec_access(ts, iterator_prototype, regexp_string_iterator_table,
                              BUILTIN_COUNT(regexp_string_iterator_table), exec, exec_key) &&
           record_exec_access(ts, regexp_prototype, regexp_protocol_table, BUILTIN_COUNT(regexp_protocol_table),
                              exec, exec_key);
}
