/*
 * builtins/regexp.c — the RegExp constructor and RegExp.prototype (exec, test, toString,
 * compile, the flag and source getters), RegExpCreate for the rest of the engine, and the
 * literal opcode's entry point. The engine itself is csrc/regexp/; the @@match/@@replace/...
 * protocol is builtins/regexp_protocol.c. A RegExp's internal slots sit in one immutable
 * Values triple, so RegExp.prototype.compile replaces them with one release store and a
 * racing exec sees either the old or the new regexp, never a mix; the old one stays valid [OM-9].
 * Also the legacy static properties of RegExp (RegExp.$1..$9, input/$_, lastMatch/$&,
 * lastParen/$+, leftContext/$`, rightContext/$'), as node has them, kept per thread: each
 * describes the last successful builtin exec of the calling thread only.
 */
#include <stdlib.h>
#include <string.h>
#include "builtins.h"
#include "../atomics.h"
#include "../regexp/regexp.h"

/*
 * [[OriginalSource]], [[OriginalFlags]] and [[RegExpMatcher]]: `state` is a CELL_VALUES triple
 * (source String, flags String, program CELL_BYTES). Written once at allocation and then only
 * by compile(), with a release store; readers load it once with acquire.
 */
typedef struct RegExpObject {
    Object object;
    Value state;
} RegExpObject;

enum { STATE_SOURCE, STATE_FLAGS, STATE_PROGRAM };

// The program cell: a Cell header, then the words regex_compile produced.
typedef struct ProgramCell {
    Cell header;          // CELL_BYTES: never traced, the program holds no Values
    uint32_t word_count;
    uint32_t words[];
} ProgramCell;

/*
 * Compiled regexps are cached by (source, flags) in a small table hung on the %RegExp%
 * constructor (data[0], traced with it), so a literal in a loop, or the same pattern built again
 * with new RegExp, compiles once. Each slot holds one immutable triple, stored and loaded as a
 * single word, so racing threads at worst compile twice.
 */
#define CACHE_SIZE 256
enum { DATA_CACHE, DATA_GROUPS_ATOM };

void regexp_trace(Marker *m, Cell *cell) {
    object_trace(m, cell);
    heap_mark_value(m, ((RegExpObject *)cell)->state);
}

static inline const uint32_t *state_program(Value state) {
    Values *triple = value_to_cell(state);
    return ((ProgramCell *)value_to_cell(triple->items[STATE_PROGRAM]))->words;
}

static inline Value state_item(Value state, int which) {
    return ((Values *)value_to_cell(state))->items[which];
}

static inline Value regexp_state(Value regexp) {
    return load_acquire(&((RegExpObject *)value_to_cell(regexp))->state);
}

// Flags string to REGEX_* bits; -1 when a letter is unknown or repeated.
static int parse_flags(const String *flags) {
    int bits = 0;
    for (uint32_t i = 0; i < flags->length; i++) {
        int bit;
        switch (string_char_at(flags, i)) {
        case 'g': bit = REGEX_GLOBAL; break;
        case 'i': bit = REGEX_IGNORE_CASE; break;
        case 'm': bit = REGEX_MULTILINE; break;
        case 's': bit = REGEX_DOT_ALL; break;
        case 'u': bit = REGEX_UNICODE; break;
        case 'y': bit = REGEX_STICKY; break;
        default: return -1;
        }
        if (bits & bit) return -1;
        bits |= bit;
    }
    return bits;
}

static Value cache_table(ThreadState *ts) {
    Value constructor = realm_intrinsic(ts, INTRINSIC_REGEXP);
    if (value_cell_type(constructor) != CELL_NATIVE_FUNCTION) return JS_UNDEFINED;
    return ((NativeFunction *)value_to_cell(constructor))->data[DATA_CACHE];
}

// The triple for (source, flags): from the cache, or compiled now. Throws the SyntaxError of a
// bad pattern or flags.
static Value compile_state(ThreadState *ts, Value source, Value flags) {
    String *f = string_flatten(ts, flags);
    if (!f) return JS_EXCEPTION;
    int bits = parse_flags(f);
    if (bits < 0) {
        char *text = string_to_utf8(ts, flags, NULL);
        Value result = error_throw_syntax(ts, "Invalid flags supplied to RegExp constructor '%s'", text ? text : "");
        free(text);
        return result;
    }
    uint32_t hash = string_hash(ts, source);
    if (!hash) return JS_EXCEPTION;
    Value table = cache_table(ts);
    Value *slot = NULL;
    if (value_cell_type(table) == CELL_VALUES) {
        slot = &((Values *)value_to_cell(table))->items[(hash ^ (uint32_t)bits * 0x9E3779B9u) % CACHE_SIZE];
        Value cached = load_acquire(slot);
        if (value_cell_type(cached) == CELL_VALUES) {
            Value cached_source = state_item(cached, STATE_SOURCE), cached_flags = state_item(cached, STATE_FLAGS);
            if ((cached_source == source || string_equals(ts, cached_source, source)) &&
                (cached_flags == flags || string_equals(ts, cached_flags, flags)))
                return cached;
        }
    }
    String *s = string_flatten(ts, source);
    if (!s) return JS_EXCEPTION;
    // The compiler reads UTF-16; a Latin-1 pattern is widened into a temporary buffer.
    uint16_t *units = malloc(((size_t)s->length + 1) * sizeof(uint16_t));
    if (!units) return error_throw_out_of_memory(ts);
    for (uint32_t i = 0; i < s->length; i++) units[i] = string_char_at(s, i);
    size_t word_count = 0;
    const char *error = NULL;
    uint32_t *words = regex_compile(units, s->length, (uint32_t)bits, &word_count, &error);
    free(units);
    if (!words) {
        if (!error) return error_throw_out_of_memory(ts);
        char *pattern = string_to_utf8(ts, source, NULL);
        char flag_text[8];
        size_t n = 0;
        for (uint32_t i = 0; i < f->length && n < 7; i++) flag_text[n++] = (char)string_char_at(f, i);
        flag_text[n] = 0;
        Value result = error_throw_syntax(ts, "Invalid regular expression: /%s/%s: %s", pattern ? pattern : "",
                                          flag_text, error);
        free(pattern);
        return result;
    }
    ProgramCell *program = heap_alloc(ts, sizeof(ProgramCell) + word_count * sizeof(uint32_t), CELL_BYTES);
    if (!program) { free(words); return JS_EXCEPTION; }
    program->word_count = (uint32_t)word_count;
    memcpy(program->words, words, word_count * sizeof(uint32_t));
    free(words);
    Values *triple = values_new(ts, 3);
    if (!triple) return JS_EXCEPTION;
    triple->items[STATE_SOURCE] = source;
    triple->items[STATE_FLAGS] = flags;
    triple->items[STATE_PROGRAM] = value_from_cell(program);
    triple->count = 3;
    Value state = value_from_cell(triple);
    if (slot) store_release(slot, state);
    return state;
}

// RegExpAlloc (§22.2.3.2.1): the object and its lastIndex property; the state comes later.
static Value regexp_alloc(ThreadState *ts, Value new_target) {
    Value prototype = value_is_undefined(new_target) ? realm_intrinsic(ts, INTRINSIC_REGEXP_PROTOTYPE)
                                                     : function_prototype_for(ts, new_target, INTRINSIC_REGEXP_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    RegExpObject *r = object_alloc(ts, sizeof(RegExpObject), CELL_REGEXP, prototype);
    if (!r) return JS_EXCEPTION;
    r->state = JS_UNDEFINED;
    Value regexp = value_from_cell(r);
    if (object_define_value(ts, regexp, ATOM(ts, lastIndex), value_from_int(0), PROP_WRITABLE) < 0) return JS_EXCEPTION;
    return regexp;
}

static bool has_matcher(Value v) {
    return value_cell_type(v) == CELL_REGEXP && !value_is_undefined(regexp_state(v));
}

// RegExpInitialize (§22.2.3.2.2).
static Value regexp_initialize(ThreadState *ts, Value regexp, Value pattern, Value flags) {
    Value source = value_is_undefined(pattern) ? string_empty(ts) : ops_to_string(ts, pattern);
    if (value_is_exception(source)) return JS_EXCEPTION;
    Value flag_string = value_is_undefined(flags) ? string_empty(ts) : ops_to_string(ts, flags);
    if (value_is_exception(flag_string)) return JS_EXCEPTION;
    Value state = compile_state(ts, source, flag_string);
    if (value_is_exception(state)) return JS_EXCEPTION;
    store_release(&((RegExpObject *)value_to_cell(regexp))->state, state);
    if (ops_set(ts, regexp, ATOM(ts, lastIndex), value_from_int(0), true) < 0) return JS_EXCEPTION;
    return regexp;
}

// RegExpCreate (§22.2.3.2.3), also behind the REGEXP opcode of literals (whose syntax the front
// end checked). The object is new, so RegExpInitialize's Set of lastIndex is unobservable and
// skipped; with the compile cache, a literal evaluated again costs an allocation only.
Value regexp_create(ThreadState *ts, Value pattern, Value flags) {
    Value regexp = regexp_alloc(ts, JS_UNDEFINED);
    if (value_is_exception(regexp)) return JS_EXCEPTION;
    Value source = value_is_undefined(pattern) ? string_empty(ts) : ops_to_string(ts, pattern);
    if (value_is_exception(source)) return JS_EXCEPTION;
    Value flag_string = value_is_undefined(flags) ? string_empty(ts) : ops_to_string(ts, flags);
    if (value_is_exception(flag_string)) return JS_EXCEPTION;
    Value state = compile_state(ts, source, flag_string);
    if (value_is_exception(state)) return JS_EXCEPTION;
    ((RegExpObject *)value_to_cell(regexp))->state = state;   // not yet shared with anyone
    return regexp;
}

// IsRegExp (§7.2.8): 1, 0, or -1 on throw.
static int is_regexp(ThreadState *ts, Value v) {
    if (!value_is_object(v)) return 0;
    Value matcher = ops_get(ts, v, SYMBOL(ts, match));
    if (value_is_exception(matcher)) return -1;
    if (!value_is_undefined(matcher)) return ops_to_boolean(matcher);
    return value_cell_type(v) == CELL_REGEXP;
}

static Value RegExp_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value pattern = builtin_arg(args, argc, 0), flags = builtin_arg(args, argc, 1);
    int pattern_is_regexp = is_regexp(ts, pattern);
    if (pattern_is_regexp < 0) return JS_EXCEPTION;
    Value new_target = ts->new_target;
    if (value_is_undefined(new_target)) {
        new_target = realm_intrinsic(ts, INTRINSIC_REGEXP);
        if (pattern_is_regexp && value_is_undefined(flags)) {
            Value constructor = ops_get(ts, pattern, ATOM(ts, constructor));
            if (value_is_exception(constructor)) return JS_EXCEPTION;
            if (constructor == new_target) return pattern;
        }
    }
    Value p, f;
    if (has_matcher(pattern)) {
        Value state = regexp_state(pattern);
        p = state_item(state, STATE_SOURCE);
        f = value_is_undefined(flags) ? state_item(state, STATE_FLAGS) : flags;
    } else if (pattern_is_regexp) {
        p = ops_get_cstr(ts, pattern, "source");
        if (value_is_exception(p)) return JS_EXCEPTION;
        if (value_is_undefined(flags)) {
            f = ops_get_cstr(ts, pattern, "flags");
            if (value_is_exception(f)) return JS_EXCEPTION;
        } else {
            f = flags;
        }
    } else {
        p = pattern, f = flags;
    }
    Value regexp = regexp_alloc(ts, new_target);
    if (value_is_exception(regexp)) return JS_EXCEPTION;
    return regexp_initialize(ts, regexp, p, f);
}

// ---- the legacy RegExp statics ----

/*
 * ThreadState.regexp_statics: one CELL_VALUES per thread, written and read only by its thread
 * (and marked by the collector while the thread is stopped), so it needs no lock or atomics.
 * Every successful builtin exec overwrites it in place (allocating only the first time); the
 * getters cut their substrings from it on demand, so a match pays for ~25 word stores and no
 * string. Indices are UTF-16 offsets into `subject`, -1 for a group that did not participate.
 * `input` ($_) starts as the subject but the setter may replace it alone, as in V8.
 */
enum {
    STATICS_SUBJECT,      // the string the last match ran on
    STATICS_INPUT,        // RegExp.input / $_
    STATICS_GROUPS,       // capture groups of the regexp, group 0 excluded (for lastParen)
    STATICS_CAPTURES,     // start, end of group 0 .. 9: 20 ints
    STATICS_LAST_PAREN = STATICS_CAPTURES + 20,  // start, end of the last group
    STATICS_SIZE = STATICS_LAST_PAREN + 2,
};

// The calling thread's record, made on first use; NULL with an exception pending on OOM.
static Values *statics_record(ThreadState *ts) {
    if (value_is_cell(ts->regexp_statics) && ts->regexp_statics != 0) return value_to_cell(ts->regexp_statics);
    Values *record = values_new(ts, STATICS_SIZE);
    if (!record) return NULL;
    Value empty = string_from_utf8(ts, "", 0);
    if (value_is_exception(empty)) return NULL;
    for (uint32_t i = 0; i < STATICS_SIZE; i++) record->items[i] = value_from_int(-1);
    record->items[STATICS_SUBJECT] = record->items[STATICS_INPUT] = empty;
    record->items[STATICS_GROUPS] = value_from_int(0);
    record->count = STATICS_SIZE;
    ts->regexp_statics = value_from_cell(record);
    return record;
}

// After a successful match of a regexp with `capture_count` groups (group 0 included) on s.
static bool statics_update(ThreadState *ts, Value s, const int32_t *captures, uint32_t capture_count) {
    Values *record = statics_record(ts);
    if (!record) return false;
    record->items[STATICS_SUBJECT] = record->items[STATICS_INPUT] = s;
    record->items[STATICS_GROUPS] = value_from_int((int32_t)capture_count - 1);
    for (uint32_t i = 0; i < 20; i++)
        record->items[STATICS_CAPTURES + i] = value_from_int(i < 2 * capture_count ? captures[i] : -1);
    uint32_t last = capture_count - 1;
    record->items[STATICS_LAST_PAREN] = value_from_int(last ? captures[2 * last] : -1);
    record->items[STATICS_LAST_PAREN + 1] = value_from_int(last ? captures[2 * last + 1] : -1);
    return true;
}

enum { STATIC_INPUT, STATIC_LAST_MATCH, STATIC_LAST_PAREN, STATIC_LEFT, STATIC_RIGHT, STATIC_GROUP_1 };

// The getters (magic: STATIC_*, STATIC_GROUP_1 + n - 1 for $n). Before any match, and for a
// group that did not participate or does not exist, the value is "" (V8's, not undefined).
static Value RegExp_static_get(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)args, (void)argc;
    Values *record = statics_record(ts);
    if (!record) return JS_EXCEPTION;
    if (magic == STATIC_INPUT) return record->items[STATICS_INPUT];
    Value subject = record->items[STATICS_SUBJECT];
    int32_t length = (int32_t)string_length(subject);
    int32_t start, end;
    switch (magic) {
    case STATIC_LAST_MATCH:
        start = value_to_int(record->items[STATICS_CAPTURES]), end = value_to_int(record->items[STATICS_CAPTURES + 1]);
        break;
    case STATIC_LAST_PAREN:
        start = value_to_int(record->items[STATICS_LAST_PAREN]), end = value_to_int(record->items[STATICS_LAST_PAREN + 1]);
        break;
    case STATIC_LEFT:
        start = 0, end = value_to_int(record->items[STATICS_CAPTURES]);
        break;
    case STATIC_RIGHT:
        start = value_to_int(record->items[STATICS_CAPTURES + 1]), end = length;
        break;
    default: {
        int group = magic - STATIC_GROUP_1 + 1;
        start = value_to_int(record->items[STATICS_CAPTURES + 2 * group]);
        end = value_to_int(record->items[STATICS_CAPTURES + 2 * group + 1]);
    }
    }
    if (start < 0 || end < start || end > length) return string_from_utf8(ts, "", 0);
    return string_substring(ts, subject, (uint32_t)start, (uint32_t)end);
}

// RegExp.input = v (and $_) stores ToString(v); the other statics have setters that ignore the
// value, as in V8, so an assignment neither throws nor changes them.
static Value RegExp_static_set(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    if (magic != STATIC_INPUT) return JS_UNDEFINED;
    Value input = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(input)) return JS_EXCEPTION;
    Values *record = statics_record(ts);
    if (!record) return JS_EXCEPTION;
    record->items[STATICS_INPUT] = input;
    return JS_UNDEFINED;
}

// ---- exec and test ----

// RegExpBuiltinExec (§22.2.5.2.2): the match array or null; updates lastIndex as the spec says.
static Value builtin_exec(ThreadState *ts, Value regexp, Value s) {
    Value last_index_value = ops_get(ts, regexp, ATOM(ts, lastIndex));
    if (value_is_exception(last_index_value)) return JS_EXCEPTION;
    double last_index;
    if (!ops_to_length(ts, last_index_value, &last_index)) return JS_EXCEPTION;
    // Read the state after ToLength: valueOf may have called compile() (test262 checks this).
    Value state = regexp_state(regexp);
    const uint32_t *program = state_program(state);
    uint32_t flags = program[REGEX_WORD_FLAGS];
    bool global = flags & REGEX_GLOBAL, sticky = flags & REGEX_STICKY;
    if (!global && !sticky) last_index = 0;
    String *str = string_flatten(ts, s);
    if (!str) return JS_EXCEPTION;
    uint32_t length = str->length;
    if (last_index > length) {
        if ((global || sticky) && ops_set(ts, regexp, ATOM(ts, lastIndex), value_from_int(0), true) < 0)
            return JS_EXCEPTION;
        return JS_NULL;
    }
    RegexInput input = {0};
    if (str->header.flags & STRING_WIDE) input.wide = str->chars.wide;
    else input.latin1 = str->chars.latin1;
    input.length = (int32_t)length;
    uint32_t capture_count = regex_capture_count(program);
    int32_t buffer[64];
    int32_t *captures = 2 * capture_count <= 64 ? buffer : malloc(2 * capture_count * sizeof(int32_t));
    if (!captures) return error_throw_out_of_memory(ts);
    int found = regex_exec(ts, program, &input, (int32_t)last_index, captures);
    Value result = JS_NULL;
    if (found < 0) { result = JS_EXCEPTION; goto done; }
    if (found == 0) {
        if ((global || sticky) && ops_set(ts, regexp, ATOM(ts, lastIndex), value_from_int(0), true) < 0)
            result = JS_EXCEPTION;
        goto done;
    }
    if ((global || sticky) && ops_set(ts, regexp, ATOM(ts, lastIndex), value_from_int(captures[1]), true) < 0) {
        result = JS_EXCEPTION;
        goto done;
    }
    if (!statics_update(ts, s, captures, capture_count)) {
        result = JS_EXCEPTION;
        goto done;
    }
    {
        // The substrings are gathered first so the array is made at its final size. A C array
        // on this stack is a conservative root [HEAP-7]; beyond 16 captures a Values cell
        // (itself held from the stack) keeps them alive across the allocations.
        Value inline_items[16];
        Value *items = inline_items;
        if (capture_count > 16) {
            Values *list = values_new(ts, capture_count);
            if (!list) { result = JS_EXCEPTION; goto done; }
            for (uint32_t i = 0; i < list->capacity; i++) list->items[i] = JS_UNDEFINED;
            list->count = capture_count;
            items = list->items;
        }
        for (uint32_t i = 0; i < capture_count; i++) {
            Value v = JS_UNDEFINED;
            if (captures[2 * i] >= 0 && captures[2 * i + 1] >= 0) {
                v = string_substring(ts, s, (uint32_t)captures[2 * i], (uint32_t)captures[2 * i + 1]);
                if (value_is_exception(v)) { result = JS_EXCEPTION; goto done; }
            }
            items[i] = v;
        }
        result = array_from_values(ts, items, capture_count);
        if (value_is_exception(result)) goto done;
    }
    Value groups = JS_UNDEFINED;
    uint32_t name_count = program[REGEX_WORD_NAME_COUNT];
    if (name_count) {
        groups = object_new(ts, JS_NULL);
        if (value_is_exception(groups)) { result = JS_EXCEPTION; goto done; }
        const uint32_t *entry = program + program[REGEX_WORD_NAMES_START];
        for (uint32_t i = 0; i < name_count; i++) {
            uint32_t index = entry[0], n = entry[1];
            uint16_t name_units[256];
            for (uint32_t j = 0; j < n && j < 256; j++) name_units[j] = (uint16_t)entry[2 + j];
            entry += 2 + n;
            Value name = string_from_utf16(ts, name_units, n < 256 ? n : 256);
            if (value_is_exception(name)) { result = JS_EXCEPTION; goto done; }
            PropKey key = property_key_from_value(ts, name);
            if (value_is_exception(key)) { result = JS_EXCEPTION; goto done; }
            Value v = JS_UNDEFINED;
            if (!array_get_fast(result, index, &v)) v = ops_get(ts, result, property_key_from_index(index));
            if (value_is_exception(v) ||
                object_define_value(ts, groups, key, v, PROP_DEFAULT) < 0) { result = JS_EXCEPTION; goto done; }
        }
    }
    Value groups_key = ((NativeFunction *)value_to_cell(realm_intrinsic(ts, INTRINSIC_REGEXP)))->data[DATA_GROUPS_ATOM];
    if (object_define_value(ts, result, ATOM(ts, index), value_from_int(captures[0]), PROP_DEFAULT) < 0 ||
        object_define_value(ts, result, ATOM(ts, input), s, PROP_DEFAULT) < 0 ||
        object_define_value(ts, result, groups_key, groups, PROP_DEFAULT) < 0)
        result = JS_EXCEPTION;
done:
    if (captures != buffer) free(captures);
    return result;
}

// RegExpExec (§22.2.5.2.1): a user `exec` wins; its result must be an object or null.
static Value regexp_exec(ThreadState *ts, Value regexp, Value s) {
    Value exec = ops_get_cstr(ts, regexp, "exec");
    if (value_is_exception(exec)) return JS_EXCEPTION;
    if (ops_is_callable(exec)) {
        Value result = interp_call(ts, exec, regexp, &s, 1);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (!value_is_object(result) && result != JS_NULL)
            return error_throw_type(ts, "object or null expected as the result of exec");
        return result;
    }
    if (!has_matcher(regexp)) return error_throw_type(ts, "Method RegExp.prototype.exec called on incompatible receiver %V", regexp);
    return builtin_exec(ts, regexp, s);
}

static Value RegExp_prototype_exec(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!has_matcher(self)) return error_throw_type(ts, "Method RegExp.prototype.exec called on incompatible receiver %V", self);
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    return builtin_exec(ts, self, s);
}

static Value RegExp_prototype_test(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self)) return error_throw_type(ts, "Method RegExp.prototype.test called on incompatible receiver %V", self);
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    Value result = regexp_exec(ts, self, s);
    if (value_is_exception(result)) return JS_EXCEPTION;
    return value_from_bool(result != JS_NULL);
}

// ---- toString, source, flags ----

static Value RegExp_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    return regexp_to_string(ts, self);
}

Value regexp_to_string(ThreadState *ts, Value self) {
    if (!value_is_object(self)) return error_throw_type(ts, "Method RegExp.prototype.toString called on incompatible receiver %V", self);
    Value source = ops_get_cstr(ts, self, "source");
    if (value_is_exception(source)) return JS_EXCEPTION;
    source = ops_to_string(ts, source);
    if (value_is_exception(source)) return JS_EXCEPTION;
    Value flags = ops_get_cstr(ts, self, "flags");
    if (value_is_exception(flags)) return JS_EXCEPTION;
    flags = ops_to_string(ts, flags);
    if (value_is_exception(flags)) return JS_EXCEPTION;
    StringBuilder b;
    string_builder_init(&b, ts);
    string_builder_append_char(&b, '/');
    string_builder_append_string(&b, source);
    string_builder_append_char(&b, '/');
    string_builder_append_string(&b, flags);
    return string_builder_finish(&b);
}

// EscapeRegExpPattern (§22.2.3.2.5): a source that reads back as the same literal.
static Value escape_pattern(ThreadState *ts, Value source) {
    String *s = string_flatten(ts, source);
    if (!s) return JS_EXCEPTION;
    if (s->length == 0) return string_from_cstr(ts, "(?:)");
    StringBuilder b;
    string_builder_init(&b, ts);
    bool in_class = false;
    for (uint32_t i = 0; i < s->length; i++) {
        uint16_t c = string_char_at(s, i);
        if (c == '\\' && i + 1 < s->length) {
            string_builder_append_char(&b, c);
            c = string_char_at(s, ++i);
            if (c == '\n') string_builder_append_char(&b, 'n');
            else if (c == '\r') string_builder_append_char(&b, 'r');
            else if (c == 0x2028) string_builder_append_cstr(&b, "u2028");
            else if (c == 0x2029) string_builder_append_cstr(&b, "u2029");
            else string_builder_append_char(&b, c);
            continue;
        }
        if (c == '[') in_class = true;
        else if (c == ']') in_class = false;
        if (c == '/' && !in_class) string_builder_append_cstr(&b, "\\/");
        else if (c == '\n') string_builder_append_cstr(&b, "\\n");
        else if (c == '\r') string_builder_append_cstr(&b, "\\r");
        else if (c == 0x2028) string_builder_append_cstr(&b, "\\u2028");
        else if (c == 0x2029) string_builder_append_cstr(&b, "\\u2029");
        else string_builder_append_char(&b, c);
    }
    return string_builder_finish(&b);
}

static Value RegExp_prototype_source(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (!value_is_object(self)) return error_throw_type(ts, "RegExp.prototype.source getter called on non-object %V", self);
    if (!has_matcher(self)) {
        if (self == realm_intrinsic(ts, INTRINSIC_REGEXP_PROTOTYPE)) return string_from_cstr(ts, "(?:)");
        return error_throw_type(ts, "RegExp.prototype.source getter called on non-RegExp object");
    }
    return escape_pattern(ts, state_item(regexp_state(self), STATE_SOURCE));
}

static const struct { const char *name; char letter; int bit; } flag_getters[] = {
    {"global", 'g', REGEX_GLOBAL}, {"ignoreCase", 'i', REGEX_IGNORE_CASE},
    {"multiline", 'm', REGEX_MULTILINE}, {"dotAll", 's', REGEX_DOT_ALL},
    {"unicode", 'u', REGEX_UNICODE}, {"sticky", 'y', REGEX_STICKY},
};

// get RegExp.prototype.global and friends; magic indexes flag_getters.
static Value RegExp_prototype_flag(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    const char *name = flag_getters[magic].name;
    if (!value_is_object(self)) return error_throw_type(ts, "RegExp.prototype.%s getter called on non-object %V", name, self);
    if (!has_matcher(self)) {
        if (self == realm_intrinsic(ts, INTRINSIC_REGEXP_PROTOTYPE)) return JS_UNDEFINED;
        return error_throw_type(ts, "RegExp.prototype.%s getter called on non-RegExp object", name);
    }
    return value_from_bool(state_program(regexp_state(self))[REGEX_WORD_FLAGS] & (uint32_t)flag_getters[magic].bit);
}

static Value RegExp_prototype_flags(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    if (!value_is_object(self)) return error_throw_type(ts, "RegExp.prototype.flags getter called on non-object %V", self);
    char text[8];
    size_t n = 0;
    for (size_t i = 0; i < sizeof flag_getters / sizeof flag_getters[0]; i++) {
        Value v = ops_get_cstr(ts, self, flag_getters[i].name);
        if (value_is_exception(v)) return JS_EXCEPTION;
        if (ops_to_boolean(v)) text[n++] = flag_getters[i].letter;
    }
    text[n] = 0;
    return string_from_cstr(ts, text);
}

// RegExp.prototype.compile (Annex B.2.5.1).
static Value RegExp_prototype_compile(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (value_cell_type(self) != CELL_REGEXP)
        return error_throw_type(ts, "Method RegExp.prototype.compile called on incompatible receiver %V", self);
    Value pattern = builtin_arg(args, argc, 0), flags = builtin_arg(args, argc, 1);
    if (has_matcher(pattern)) {
        if (!value_is_undefined(flags)) return error_throw_type(ts, "Cannot supply flags when constructing one RegExp from another");
        Value state = regexp_state(pattern);
        pattern = state_item(state, STATE_SOURCE);
        flags = state_item(state, STATE_FLAGS);
    }
    return regexp_initialize(ts, self, pattern, flags);
}

static Value RegExp_species(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)args, (void)argc, (void)magic;
    return self;
}

static const BuiltinEntry regexp_prototype_methods[] = {
    BUILTIN_FN("exec", RegExp_prototype_exec, 1),
    BUILTIN_FN("test", RegExp_prototype_test, 1),
    BUILTIN_FN("toString", RegExp_prototype_toString, 0),
    BUILTIN_FN("compile", RegExp_prototype_compile, 2),
    BUILTIN_GETSET("source", RegExp_prototype_source, NULL),
    BUILTIN_GETSET("flags", RegExp_prototype_flags, NULL),
    BUILTIN_GETSET_MAGIC("global", RegExp_prototype_flag, NULL, 0),
    BUILTIN_GETSET_MAGIC("ignoreCase", RegExp_prototype_flag, NULL, 1),
    BUILTIN_GETSET_MAGIC("multiline", RegExp_prototype_flag, NULL, 2),
    BUILTIN_GETSET_MAGIC("dotAll", RegExp_prototype_flag, NULL, 3),
    BUILTIN_GETSET_MAGIC("unicode", RegExp_prototype_flag, NULL, 4),
    BUILTIN_GETSET_MAGIC("sticky", RegExp_prototype_flag, NULL, 5),
};

static const BuiltinEntry regexp_constructor_properties[] = {
    BUILTIN_GETSET_MAGIC("input", RegExp_static_get, RegExp_static_set, STATIC_INPUT),
    BUILTIN_GETSET_MAGIC("$_", RegExp_static_get, RegExp_static_set, STATIC_INPUT),
    BUILTIN_GETSET_MAGIC("lastMatch", RegExp_static_get, RegExp_static_set, STATIC_LAST_MATCH),
    BUILTIN_GETSET_MAGIC("$&", RegExp_static_get, RegExp_static_set, STATIC_LAST_MATCH),
    BUILTIN_GETSET_MAGIC("lastParen", RegExp_static_get, RegExp_static_set, STATIC_LAST_PAREN),
    BUILTIN_GETSET_MAGIC("$+", RegExp_static_get, RegExp_static_set, STATIC_LAST_PAREN),
    BUILTIN_GETSET_MAGIC("leftContext", RegExp_static_get, RegExp_static_set, STATIC_LEFT),
    BUILTIN_GETSET_MAGIC("$`", RegExp_static_get, RegExp_static_set, STATIC_LEFT),
    BUILTIN_GETSET_MAGIC("rightContext", RegExp_static_get, RegExp_static_set, STATIC_RIGHT),
    BUILTIN_GETSET_MAGIC("$'", RegExp_static_get, RegExp_static_set, STATIC_RIGHT),
    BUILTIN_GETSET_MAGIC("$1", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 0),
    BUILTIN_GETSET_MAGIC("$2", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 1),
    BUILTIN_GETSET_MAGIC("$3", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 2),
    BUILTIN_GETSET_MAGIC("$4", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 3),
    BUILTIN_GETSET_MAGIC("$5", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 4),
    BUILTIN_GETSET_MAGIC("$6", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 5),
    BUILTIN_GETSET_MAGIC("$7", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 6),
    BUILTIN_GETSET_MAGIC("$8", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 7),
    BUILTIN_GETSET_MAGIC("$9", RegExp_static_get, RegExp_static_set, STATIC_GROUP_1 + 8),
    BUILTIN_GETSET("@@species", RegExp_species, NULL),
};

bool builtins_install_regexp(ThreadState *ts) {
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_REGEXP_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "RegExp", RegExp_constructor, 2, prototype, 0);
    if (value_is_exception(constructor)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_REGEXP] = constructor;
    Values *cache = values_new(ts, CACHE_SIZE);
    if (!cache) return false;
    for (uint32_t i = 0; i < cache->capacity; i++) cache->items[i] = JS_UNDEFINED;
    cache->count = CACHE_SIZE;
    Value groups_atom = atom_from_cstr(ts, "groups");
    if (value_is_exception(groups_atom)) return false;
    NativeFunction *f = value_to_cell(constructor);
    f->data[DATA_CACHE] = value_from_cell(cache);
    f->data[DATA_GROUPS_ATOM] = groups_atom;
    return builtins_install_table(ts, prototype, regexp_prototype_methods, BUILTIN_COUNT(regexp_prototype_methods)) &&
           builtins_install_table(ts, constructor, regexp_constructor_properties, BUILTIN_COUNT(regexp_constructor_properties)) &&
           regexp_install_protocol(ts, prototype);
}
