/*
 * code.c — turns a compiler blob (specs/bytecode.md BC-2, BC-3) into Code cells, and answers
 * line-table queries. Validates every count and index against the blob length and the opcode
 * table, so a malformed blob is a clean error, never an out-of-bounds read [BC-2].
 * Also allocates each Code's inline caches (BC-11) and value profiles (BC-18).
 * Must not run JS: loading allocates but executes nothing.
 */
#include <stdlib.h>
#include <string.h>
#include "frame.h"
#include "object.h"
#include "jsstring.h"
#include "errors.h"
#include "bigint.h"
#include "gen/opcodes.h"

typedef struct Reader {
    const uint8_t *p, *end;
    bool bad;
} Reader;

static uint32_t read_u32(Reader *r) {
    if (r->end - r->p < 4) { r->bad = true; return 0; }
    uint32_t v;
    memcpy(&v, r->p, 4);
    r->p += 4;
    return v;
}

static uint8_t read_u8(Reader *r) {
    if (r->p >= r->end) { r->bad = true; return 0; }
    return *r->p++;
}

static double read_f64(Reader *r) {
    if (r->end - r->p < 8) { r->bad = true; return 0; }
    double d;
    memcpy(&d, r->p, 8);
    r->p += 8;
    return d;
}

static Value read_string(ThreadState *ts, Reader *r) {
    uint32_t n = read_u32(r);
    if (r->bad || (size_t)(r->end - r->p) / 2 < n) { r->bad = true; return JS_UNDEFINED; }
    // The blob is little-endian UTF-16; copy to an aligned buffer before narrowing.
    uint16_t stack_buffer[256];
    uint16_t *units = n <= 256 ? stack_buffer : malloc(n * 2u + 2);
    if (!units) return error_throw_out_of_memory(ts);
    memcpy(units, r->p, n * 2u);
    r->p += n * 2u;
    Value s = string_from_utf16(ts, units, n);
    if (units != stack_buffer) free(units);
    return s;
}

// A name constant: an index key for canonical numeric strings, else an atom [OM-6].
static Value read_name(ThreadState *ts, Reader *r) {
    Value s = read_string(ts, r);
    if (r->bad || value_is_exception(s)) return s;
    return property_key_from_value(ts, s);
}

enum { K_UNDEFINED, K_NULL, K_TRUE, K_FALSE, K_NUMBER, K_STRING, K_ATOM, K_FUNCTION, K_LIST, K_BIGINT };

// A BigInt literal: the hex digits of its magnitude, as a string.
static Value read_bigint(ThreadState *ts, Reader *r) {
    uint32_t n = read_u32(r);
    if (r->bad || n == 0 || (size_t)(r->end - r->p) / 2 < n) { r->bad = true; return JS_UNDEFINED; }
    uint16_t *units = malloc(n * 2u);
    if (!units) return error_throw_out_of_memory(ts);
    memcpy(units, r->p, n * 2u);
    r->p += n * 2u;
    Value v = bigint_from_digits(ts, units, n, 16, false);
    free(units);
    if (v == JS_HOLE) { r->bad = true; return JS_UNDEFINED; }
    return v;
}

static Value read_constant(ThreadState *ts, Reader *r, uint32_t function_count, Values *functions_pending,
                           int depth) {
    uint8_t tag = read_u8(r);
    switch (tag) {
    case K_UNDEFINED: return JS_UNDEFINED;
    case K_NULL: return JS_NULL;
    case K_TRUE: return JS_TRUE;
    case K_FALSE: return JS_FALSE;
    case K_NUMBER: return value_from_number(read_f64(r));
    case K_STRING: return read_string(ts, r);
    case K_ATOM: return read_name(ts, r);
    case K_BIGINT: return read_bigint(ts, r);
    case K_FUNCTION: {
        uint32_t index = read_u32(r);
        if (index >= function_count) { r->bad = true; return JS_UNDEFINED; }
        // Functions are patched once all are loaded: keep the index as an int for now.
        (void)functions_pending;
        return value_from_int((int32_t)index);
    }
    case K_LIST: {
        uint32_t n = read_u32(r);
        if (r->bad || n > (uint32_t)(r->end - r->p) || depth > 4) { r->bad = true; return JS_UNDEFINED; }
        Values *list = values_new(ts, n ? n : 1);
        if (!list) return JS_EXCEPTION;
        for (uint32_t i = 0; i < n; i++) {
            Value v = read_constant(ts, r, function_count, functions_pending, depth + 1);
            if (value_is_exception(v)) return v;
            list->items[i] = v;
            list->count = i + 1;
        }
        return value_from_cell(list);
    }
    default:
        r->bad = true;
        return JS_UNDEFINED;
    }
}

// Checks that every instruction is complete and every register/constant operand is in range.
static bool verify_words(const Code *code, const Values *constants) {
    uint32_t pc = 0;
    while (pc < code->word_count) {
        uint32_t op = code->words[pc];
        if (op >= OP_COUNT) return false;
        uint32_t length = opcode_length[op];
        if (pc + length > code->word_count) return false;
        const char *kinds = opcode_operands[op];
        for (uint32_t i = 0; kinds[i]; i++) {
            uint32_t operand = code->words[pc + 1 + i];
            switch (kinds[i]) {
            case 'r': if (operand >= code->register_count) return false; break;
            case 'k': case 'n': if (operand >= constants->count) return false; break;
            case 't': if (operand > code->word_count) return false; break;
            case 'c': if (operand >= code->cache_count) return false; break;
            case 'p': if (operand >= code->profile_count) return false; break;
            default: break;
            }
        }
        pc += length;
    }
    return pc == code->word_count;
}

static Value load_function(ThreadState *ts, Reader *r, Value filename, Value source, uint32_t function_count) {
    Code *code = heap_alloc(ts, sizeof(Code), CELL_CODE);
    if (!code) return JS_EXCEPTION;
    Value code_value = value_from_cell(code);
    code->name = code->filename = code->source = code->constants = code->env_names = JS_UNDEFINED;
    code->bytes = code->cache_storage = code->profile_storage = JS_UNDEFINED;
    code->filename = filename;
    code->source = source;
    code->flags = read_u32(r);
    code->param_count = read_u32(r);
    code->register_count = read_u32(r);
    code->length = read_u32(r);
    code->env_size = read_u32(r);
    code->source_start = read_u32(r);
    code->source_end = read_u32(r);
    if (r->bad || code->param_count > code->register_count || code->register_count > 65536 ||
        code->env_size > (1u << 24))
        return JS_UNDEFINED;
    code->name = read_string(ts, r);
    if (value_is_exception(code->name)) return JS_EXCEPTION;
    uint32_t nconstants = read_u32(r);
    if (r->bad || nconstants > (uint32_t)(r->end - r->p)) return JS_UNDEFINED;
    Values *constants = values_new(ts, nconstants ? nconstants : 1);
    if (!constants) return JS_EXCEPTION;
    code->constants = value_from_cell(constants);
    for (uint32_t i = 0; i < nconstants && !r->bad; i++) {
        Value v = read_constant(ts, r, function_count, NULL, 0);
        if (value_is_exception(v)) return v;
        constants->items[i] = v;
        constants->count = i + 1;
    }
    uint32_t nnames = read_u32(r);
    if (nnames != 0xFFFFFFFFu) {
        if (r->bad || nnames > (uint32_t)(r->end - r->p)) return JS_UNDEFINED;
        Values *names = values_new(ts, nnames ? nnames : 1);
        if (!names) return JS_EXCEPTION;
        code->env_names = value_from_cell(names);
        for (uint32_t i = 0; i < nnames && !r->bad; i++) {
            Value name = read_name(ts, r);
            if (value_is_exception(name)) return name;
            names->items[i] = name;
            names->count = i + 1;
        }
    }
    uint32_t nwords = read_u32(r);
    if (r->bad || nwords > (uint32_t)(r->end - r->p) / 4) return JS_UNDEFINED;
    const uint8_t *words_at = r->p;
    r->p += (size_t)nwords * 4;
    uint32_t nhandlers = read_u32(r);
    if (r->bad || nhandlers > (uint32_t)(r->end - r->p) / 20) return JS_UNDEFINED;
    const uint8_t *handlers_at = r->p;
    r->p += (size_t)nhandlers * 20;
    uint32_t nlines = read_u32(r);
    if (r->bad || nlines > (uint32_t)(r->end - r->p) / 12) return JS_UNDEFINED;
    const uint8_t *lines_at = r->p;
    r->p += (size_t)nlines * 12;
    uint32_t ncaches = read_u32(r);
    uint32_t nprofiles = read_u32(r);
    if (r->bad || ncaches > (1u << 24) || nprofiles > (1u << 24)) return JS_UNDEFINED;
    // One bytes cell holds words, handlers and lines, so interior pointers stay valid [HEAP-7].
    size_t bytes_size = (size_t)nwords * 4 + (size_t)nhandlers * sizeof(Handler) +
                        (size_t)nlines * sizeof(LineEntry);
    uint8_t *bytes = heap_alloc(ts, sizeof(Cell) + 8 + bytes_size, CELL_BYTES);
    if (!bytes) return JS_EXCEPTION;
    code->bytes = value_from_cell(bytes);
    uint8_t *data = bytes + sizeof(Cell) + 8;
    memcpy(data, words_at, (size_t)nwords * 4);
    code->words = (const uint32_t *)data;
    code->word_count = nwords;
    code->handlers = (Handler *)(data + (size_t)nwords * 4);
    memcpy(code->handlers, handlers_at, (size_t)nhandlers * sizeof(Handler));
    code->handler_count = nhandlers;
    code->lines = (LineEntry *)((uint8_t *)code->handlers + (size_t)nhandlers * sizeof(Handler));
    memcpy(code->lines, lines_at, (size_t)nlines * sizeof(LineEntry));
    code->line_count = nlines;
    uint8_t *caches = heap_alloc(ts, sizeof(Cell) + 8 + (size_t)(ncaches ? ncaches : 1) * sizeof(InlineCache), CELL_BYTES);
    if (!caches) return JS_EXCEPTION;
    code->cache_storage = value_from_cell(caches);
    code->caches = (InlineCache *)(caches + sizeof(Cell) + 8);
    for (uint32_t i = 0; i < ncaches; i++) code->caches[i].holder = code->caches[i].alt = JS_UNDEFINED;
    code->cache_count = ncaches;  // only now: the collector traces caches[0..cache_count)
    // Profiles start empty and hold no Values, so code_trace marks only their bytes cell.
    uint8_t *profiles = heap_alloc(ts, sizeof(Cell) + 8 + (size_t)(nprofiles ? nprofiles : 1) * sizeof(ValueProfile),
                                   CELL_BYTES);
    if (!profiles) return JS_EXCEPTION;
    code->profile_storage = value_from_cell(profiles);
    code->profiles = (ValueProfile *)(profiles + sizeof(Cell) + 8);
    memset(code->profiles, 0, (size_t)nprofiles * sizeof(ValueProfile));
    code->profile_count = nprofiles;
    for (uint32_t i = 0; i < nhandlers; i++) {
        Handler *h = &code->handlers[i];
        if (h->start > h->end || h->end > nwords || h->target >= nwords || h->reg >= code->register_count)
            return JS_UNDEFINED;
    }
    if (!verify_words(code, constants)) return JS_UNDEFINED;
    return code_value;
}

// Replaces function-index constants (ints left by read_constant) with the Code cells.
static bool patch_functions(Code *code, Values *all) {
    Values *constants = value_to_cell(code->constants);
    const uint32_t *w = code->words;
    // Only operands of CLOSURE/METHOD/CLASS name function constants; patch exactly those.
    for (uint32_t pc = 0; pc < code->word_count; pc += opcode_length[w[pc]]) {
        uint32_t k;
        switch (w[pc]) {
        case OP_CLOSURE: case OP_METHOD: k = w[pc + 2]; break;
        case OP_CLASS: k = w[pc + 3]; break;
        default: continue;
        }
        Value v = constants->items[k];
        if (value_is_int(v)) {
            int32_t index = value_to_int(v);
            if (index < 0 || (uint32_t)index >= all->count) return false;
            constants->items[k] = all->items[index];
        } else if (value_cell_type(v) != CELL_CODE) {
            return false;
        }
    }
    return true;
}

Value code_load(ThreadState *ts, const uint8_t *blob, size_t length) {
    Reader r = {blob, blob + length, false};
    if (length < 8 || memcmp(blob, "JSTB", 4) != 0) return error_throw_type(ts, "invalid code blob");
    r.p += 4;
    uint32_t version = read_u32(&r);
    uint32_t count = read_u32(&r);
    if (version != 2 || count == 0 || count > length) return error_throw_type(ts, "invalid code blob");
    Value filename = read_string(ts, &r);
    if (value_is_exception(filename)) return filename;
    Value source = read_string(ts, &r);
    if (value_is_exception(source)) return source;
    Values *all = values_new(ts, count);
    if (!all) return JS_EXCEPTION;
    for (uint32_t i = 0; i < count; i++) {
        Value code = load_function(ts, &r, filename, source, count);
        if (value_is_exception(code)) return code;
        if (r.bad || code == JS_UNDEFINED) return error_throw_type(ts, "invalid code blob (function %d)", (int)i);
        all->items[i] = code;
        all->count = i + 1;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (!patch_functions(value_to_cell(all->items[i]), all))
            return error_throw_type(ts, "invalid code blob (function constants)");
    }
    return all->items[0];
}

void code_position(const Code *code, uint32_t pc, uint32_t *line, uint32_t *column) {
    *line = 0;
    *column = 0;
    // The line table is sorted by pc: the last entry at or before pc applies.
    uint32_t lo = 0, hi = code->line_count;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (code->lines[mid].pc <= pc) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) {
        *line = code->lines[lo - 1].line;
        *column = code->lines[lo - 1].column;
    }
}

void code_trace(Marker *m, Cell *cell) {
    Code *code = (Code *)cell;
    heap_mark_value(m, code->name);
    heap_mark_value(m, code->filename);
    heap_mark_value(m, code->source);
    heap_mark_value(m, code->constants);
    heap_mark_value(m, code->env_names);
    heap_mark_value(m, code->bytes);
    heap_mark_value(m, code->cache_storage);
    heap_mark_value(m, code->profile_storage);
    for (uint32_t i = 0; i < code->cache_count; i++) {
        heap_mark_value(m, code->caches[i].holder);
        heap_mark_value(m, code->caches[i].alt);
    }
}

void env_trace(Marker *m, Cell *cell) {
    Env *env = (Env *)cell;
    heap_mark_value(m, env->parent);
    heap_mark_value(m, env->names);
    heap_mark_value(m, env->eval_vars);
    heap_mark_values(m, env->slots, env->count);
}
