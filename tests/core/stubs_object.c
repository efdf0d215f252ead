/*
 * stubs_object.c — stand-ins for everything the object-model tests do not link: a calloc heap
 * with an explicit-roots mark-sweep (and sweep-at-every-allocation stress), Latin-1 strings and
 * atoms, the conversions of ops.c that object.c uses, error.c's throw helpers (recording kind and
 * message) and interp_call for native functions. Test-only; never compiled into the engine.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "object_stubs.h"
#include "celltrace.h"
#include "errors.h"
#include "frame.h"
#include "interp.h"
#include "bigint.h"
#include "ops.h"
#include "structure.h"

// ---- the heap: every cell is a calloc block after a header, listed for the sweep ----

typedef struct StubCell {
    struct StubCell *next;
    size_t size;
    size_t marked;
    size_t unused;
} StubCell;

struct Marker {
    Cell **stack;
    size_t count, capacity;
};

static StubCell *all_cells;
size_t stub_cell_count;
int stub_stress_sweeps;
long stub_fail_countdown = -1;
int stub_error_kind = -1;
char stub_error_message[256];
int stub_primitive_calls;

static StubCell *header_of(const void *cell) { return (StubCell *)cell - 1; }
static void *stub_alloc(ThreadState *ts, size_t size, CellType type);

static void mark_everything(bool marked) {
    for (StubCell *c = all_cells; c; c = c->next) c->marked = marked;
}

// Threads of the multi-thread tests allocate concurrently; they never collect.
static pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;

void *heap_alloc(ThreadState *ts, size_t size, CellType type) {
    pthread_mutex_lock(&heap_lock);
    void *cell = stub_alloc(ts, size, type);
    pthread_mutex_unlock(&heap_lock);
    return cell;
}

static void *stub_alloc(ThreadState *ts, size_t size, CellType type) {
    if (stub_fail_countdown >= 0 && stub_fail_countdown-- == 0) {
        error_throw_out_of_memory(ts);
        return NULL;
    }
    if (stub_stress_sweeps) {
        // A safepoint where nothing dies: exercises every sweep side effect mid-operation.
        mark_everything(true);
        structure_table_sweep(ts->rt);
        mark_everything(false);
    }
    size_t rounded = (size + 31) & ~(size_t)31;  // slack, like size classes
    StubCell *c = calloc(1, sizeof(StubCell) + rounded);
    if (!c) abort();
    c->size = rounded;
    c->next = all_cells;
    all_cells = c;
    stub_cell_count++;
    Cell *cell = (Cell *)(c + 1);
    cell->type = (uint8_t)type;
    return cell;
}

size_t heap_cell_size(const void *cell) { return header_of(cell)->size; }
bool heap_is_marked(const void *cell) { return header_of(cell)->marked != 0; }

void heap_mark_cell(Marker *m, const void *cell) {
    if (!cell || header_of(cell)->marked) return;
    header_of(cell)->marked = 1;
    if (m->count == m->capacity) {
        m->capacity = m->capacity ? m->capacity * 2 : 256;
        m->stack = realloc(m->stack, m->capacity * sizeof(Cell *));
        if (!m->stack) abort();
    }
    m->stack[m->count++] = (Cell *)cell;
}

void heap_mark_value(Marker *m, Value v) {
    if (v != 0 && value_is_cell(v)) heap_mark_cell(m, value_to_cell(v));
}

void heap_mark_values(Marker *m, const Value *values, size_t count) {
    for (size_t i = 0; i < count; i++) heap_mark_value(m, values[i]);
}

static void trace_cell(Marker *m, Cell *c) {
    switch (c->type) {
    case CELL_STRUCTURE: structure_trace(m, c); break;
    case CELL_PROPERTY_TABLE: property_table_trace(m, c); break;
    case CELL_BUTTERFLY: butterfly_trace(m, c); break;
    case CELL_VALUES: {
        Values *v = (Values *)c;
        heap_mark_values(m, v->items, v->capacity);
        break;
    }
    case CELL_ACCESSOR:
        heap_mark_value(m, ((Accessor *)c)->getter);
        heap_mark_value(m, ((Accessor *)c)->setter);
        break;
    case CELL_SYMBOL: heap_mark_value(m, ((Symbol *)c)->description); break;
    case CELL_ENV: {
        Env *env = (Env *)c;
        heap_mark_value(m, env->parent);
        heap_mark_values(m, env->slots, env->count);
        break;
    }
    case CELL_ARGUMENTS: arguments_trace(m, c); break;
    case CELL_NATIVE_FUNCTION: native_function_trace(m, c); break;
    case CELL_BOUND_FUNCTION: bound_function_trace(m, c); break;
    case CELL_BOOLEAN_OBJECT:
    case CELL_NUMBER_OBJECT:
    case CELL_STRING_OBJECT:
    case CELL_SYMBOL_OBJECT: primitive_object_trace(m, c); break;
    default:
        if (cell_is_object(c)) object_trace(m, c);
        break;
    }
}

// Atoms live for the runtime's life, as atom.c keeps them.
#define ATOM_LIMIT 4096
static Value atoms[ATOM_LIMIT];
static size_t atom_count;

size_t stub_collect(Runtime *rt, const Value *roots, size_t root_count) {
    Marker m = {0};
    heap_mark_values(&m, roots, root_count);
    heap_mark_values(&m, atoms, atom_count);
    heap_mark_values(&m, rt->realm.intrinsics, INTRINSIC_COUNT);
    heap_mark_values(&m, rt->well_known_symbols, SYMBOL_COUNT);
    while (m.count > 0) trace_cell(&m, m.stack[--m.count]);
    free(m.stack);
    structure_table_sweep(rt);
    size_t freed = 0;
    for (StubCell **link = &all_cells; *link;) {
        StubCell *c = *link;
        if (c->marked) {
            c->marked = 0;
            link = &c->next;
            continue;
        }
        *link = c->next;
        // Poison, so that a use after free shows up as garbage rather than stale success.
        memset(c + 1, 0xAB, c->size);
        free(c);
        freed++;
        stub_cell_count--;
    }
    return freed;
}

// ---- strings, atoms, symbols ----

Value string_from_latin1(ThreadState *ts, const uint8_t *chars, size_t length) {
    String *s = heap_alloc(ts, sizeof(String) + length + 1, CELL_STRING);
    if (!s) return JS_EXCEPTION;
    s->length = (uint32_t)length;
    memcpy(s->chars.latin1, chars, length);
    return value_from_cell(s);
}

Value string_from_cstr(ThreadState *ts, const char *ascii) {
    return string_from_latin1(ts, (const uint8_t *)ascii, strlen(ascii));
}

String *string_flatten(ThreadState *ts, Value s) {
    (void)ts;
    return value_to_cell(s);
}

uint16_t string_char_at(const String *s, uint32_t index) {
    return (s->header.flags & STRING_WIDE) ? s->chars.wide[index] : s->chars.latin1[index];
}

Value string_from_char_code(ThreadState *ts, uint16_t c) {
    uint8_t byte = (uint8_t)c;
    return string_from_latin1(ts, &byte, 1);
}

static bool same_chars(const String *a, const String *b) {
    if (a->length != b->length) return false;
    for (uint32_t i = 0; i < a->length; i++)
        if (string_char_at(a, i) != string_char_at(b, i)) return false;
    return true;
}

Value atom_from_string(ThreadState *ts, Value s) {
    String *wanted = value_to_cell(s);
    for (size_t i = 0; i < atom_count; i++)
        if (same_chars(value_to_cell(atoms[i]), wanted)) return atoms[i];
    if (atom_count == ATOM_LIMIT) abort();
    Value atom = string_from_latin1(ts, wanted->chars.latin1, wanted->length);
    if (value_is_exception(atom)) return atom;
    ((Cell *)value_to_cell(atom))->flags |= STRING_ATOM;
    atoms[atom_count++] = atom;
    return atom;
}

Value atom_from_cstr(ThreadState *ts, const char *ascii) {
    Value s = string_from_cstr(ts, ascii);
    return value_is_exception(s) ? s : atom_from_string(ts, s);
}

Value symbol_new(ThreadState *ts, Value description) {
    Symbol *s = heap_alloc(ts, sizeof(Symbol), CELL_SYMBOL);
    if (!s) return JS_EXCEPTION;
    s->description = description;
    return value_from_cell(s);
}

// Copies a string's Latin-1 characters into buf (tests only use Latin-1).
void stub_string_text(Value s, char *buf, size_t size) {
    String *str = value_to_cell(s);
    size_t n = str->length < size - 1 ? str->length : size - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)string_char_at(str, (uint32_t)i);
    buf[n] = 0;
}

// ---- conversions (the parts of ops.c that the object model calls) ----

Value ops_number_to_string(ThreadState *ts, double d) {
    char buf[64];
    if (d != d) snprintf(buf, sizeof buf, "NaN");
    else if (d == (double)(long long)d && d < 1e21 && d > -1e21) snprintf(buf, sizeof buf, "%lld", (long long)d);
    else snprintf(buf, sizeof buf, "%.17g", d);
    return string_from_cstr(ts, buf);
}

bool ops_same_value(Value a, Value b) {
    if (value_is_number(a) && value_is_number(b)) {
        double x = value_to_number(a), y = value_to_number(b);
        if (x != x) return y != y;
        return x == y && signbit(x) == signbit(y);
    }
    if (value_is_string(a) && value_is_string(b))
        return same_chars(value_to_cell(a), value_to_cell(b));
    return a == b;
}

Value ops_to_primitive(ThreadState *ts, Value v, PrimitiveHint hint) {
    if (!value_is_object(v)) return v;
    stub_primitive_calls++;
    Value name = atom_from_cstr(ts, hint == HINT_STRING ? "toString" : "valueOf");
    Value method = object_get(ts, v, name);
    if (value_is_exception(method)) return method;
    if (value_cell_type(method) != CELL_NATIVE_FUNCTION)
        return error_throw_type(ts, "Cannot convert object to primitive value");
    return interp_call(ts, method, v, NULL, 0);
}

Value ops_to_string(ThreadState *ts, Value v) {
    if (value_is_string(v)) return v;
    if (value_is_number(v)) return ops_number_to_string(ts, value_to_number(v));
    if (v == JS_TRUE) return string_from_cstr(ts, "true");
    if (v == JS_FALSE) return string_from_cstr(ts, "false");
    if (v == JS_NULL) return string_from_cstr(ts, "null");
    if (v == JS_UNDEFINED) return string_from_cstr(ts, "undefined");
    if (value_is_symbol(v)) return error_throw_type(ts, "Cannot convert a Symbol value to a string");
    Value p = ops_to_primitive(ts, v, HINT_STRING);
    return value_is_exception(p) ? p : ops_to_string(ts, p);
}

bool ops_to_number(ThreadState *ts, Value v, double *out) {
    if (value_is_number(v)) *out = value_to_number(v);
    else if (v == JS_TRUE) *out = 1;
    else if (v == JS_FALSE || v == JS_NULL) *out = 0;
    else if (v == JS_UNDEFINED) *out = NAN;
    else if (value_is_string(v)) {
        char buf[128], *end;
        stub_string_text(v, buf, sizeof buf);
        *out = buf[0] ? strtod(buf, &end) : 0;
        if (buf[0] && *end) *out = NAN;
    } else if (value_is_object(v)) {
        Value p = ops_to_primitive(ts, v, HINT_NUMBER);
        return !value_is_exception(p) && ops_to_number(ts, p, out);
    } else {
        error_throw_type(ts, "Cannot convert a Symbol value to a number");
        return false;
    }
    return true;
}

bool ops_to_uint32(ThreadState *ts, Value v, uint32_t *out) {
    double d;
    if (!ops_to_number(ts, v, &d)) return false;
    if (d != d || isinf(d)) d = 0;
    d = trunc(d);
    d = fmod(d, 4294967296.0);
    if (d < 0) d += 4294967296.0;
    *out = (uint32_t)d;
    return true;
}

// The typed-array element conversions (builtins/typedarray.h, inlined into objectexotic.c) name
// these; the object-model tests make no typed arrays, so BigInts only ever throw here.
int32_t ops_double_to_int32(double d) {
    if (!isfinite(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

Value bigint_from_int64(ThreadState *ts, int64_t v) {
    (void)v;
    return error_throw_type(ts, "BigInt is not linked into the object-model tests");
}

Value bigint_from_uint64(ThreadState *ts, uint64_t v) {
    (void)v;
    return error_throw_type(ts, "BigInt is not linked into the object-model tests");
}

bool value_to_bigint64(ThreadState *ts, Value v, int64_t *out) {
    (void)v, (void)out;
    error_throw_type(ts, "BigInt is not linked into the object-model tests");
    return false;
}

bool value_to_biguint64(ThreadState *ts, Value v, uint64_t *out) {
    (void)v, (void)out;
    error_throw_type(ts, "BigInt is not linked into the object-model tests");
    return false;
}

// ---- errors: the kind and message of the last throw are recorded for the tests ----

static void append_key(char *buf, size_t size, Value key) {
    size_t len = strlen(buf);
    if (property_key_is_index(key)) snprintf(buf + len, size - len, "%u", property_key_index(key));
    else if (value_is_symbol(key)) snprintf(buf + len, size - len, "Symbol()");
    else stub_string_text(key, buf + len, size - len);
}

static void append_value(char *buf, size_t size, Value v) {
    size_t len = strlen(buf);
    if (value_is_string(v)) stub_string_text(v, buf + len, size - len);
    else if (value_is_number(v)) snprintf(buf + len, size - len, "%g", value_to_number(v));
    else if (value_is_object(v)) snprintf(buf + len, size - len, value_cell_type(v) == CELL_ARRAY ? "[object Array]" : "#<Object>");
    else snprintf(buf + len, size - len, "<value>");
}

static void vformat(char *buf, size_t size, const char *format, va_list ap) {
    buf[0] = 0;
    for (const char *p = format; *p; p++) {
        size_t len = strlen(buf);
        if (len + 1 >= size) break;
        if (*p != '%') {
            buf[len] = *p;
            buf[len + 1] = 0;
            continue;
        }
        switch (*++p) {
        case 's': snprintf(buf + len, size - len, "%s", va_arg(ap, const char *)); break;
        case 'K': append_key(buf, size, va_arg(ap, Value)); break;
        case 'V': append_value(buf, size, va_arg(ap, Value)); break;
        default: break;
        }
    }
}

Value error_vformat(ThreadState *ts, const char *format, va_list ap) {
    char buf[256];
    vformat(buf, sizeof buf, format, ap);
    return string_from_cstr(ts, buf);
}

Value error_new(ThreadState *ts, ErrorKind kind, Value message) {
    (void)ts;
    stub_error_kind = (int)kind;
    stub_string_text(message, stub_error_message, sizeof stub_error_message);
    return JS_TRUE;  // stands for the error object
}

Value error_throw(ThreadState *ts, Value exception) {
    ts->exception = exception;
    return JS_EXCEPTION;
}

static Value throw_kind(ThreadState *ts, ErrorKind kind, const char *format, va_list ap) {
    vformat(stub_error_message, sizeof stub_error_message, format, ap);
    stub_error_kind = (int)kind;
    ts->exception = JS_TRUE;
    return JS_EXCEPTION;
}

Value error_throw_type(ThreadState *ts, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    throw_kind(ts, ERROR_TYPE, format, ap);
    va_end(ap);
    return JS_EXCEPTION;
}

Value error_throw_kind(ThreadState *ts, ErrorKind kind, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    throw_kind(ts, kind, format, ap);
    va_end(ap);
    return JS_EXCEPTION;
}

// The tests' threads never collect concurrently, so a blocked region only needs to count.
void safepoint_enter_blocked(ThreadState *ts) { ts->safepoint_blocked_depth++; }
void safepoint_leave_blocked(ThreadState *ts) { ts->safepoint_blocked_depth--; }

Value error_throw_range(ThreadState *ts, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    throw_kind(ts, ERROR_RANGE, format, ap);
    va_end(ap);
    return JS_EXCEPTION;
}

Value error_throw_out_of_memory(ThreadState *ts) {
    stub_error_kind = STUB_ERROR_OOM;
    snprintf(stub_error_message, sizeof stub_error_message, "out of memory");
    ts->exception = JS_NULL;
    return JS_EXCEPTION;
}

Value error_take(ThreadState *ts) {
    Value e = ts->exception;
    ts->exception = JS_HOLE;
    return e;
}

// ---- calls: only native functions exist in these tests ----

Value interp_call(ThreadState *ts, Value fn, Value this_value, const Value *args, int argc) {
    if (value_cell_type(fn) != CELL_NATIVE_FUNCTION) return error_throw_type(ts, "%V is not a function", fn);
    NativeFunction *f = value_to_cell(fn);
    return f->fn(ts, this_value, args, argc, f->magic);
}

Value stub_native(ThreadState *ts, NativeFn fn, int magic) {
    NativeFunction *f = object_alloc(ts, sizeof(NativeFunction), CELL_NATIVE_FUNCTION,
                                     realm_intrinsic(ts, INTRINSIC_FUNCTION_PROTOTYPE));
    if (!f) return JS_EXCEPTION;
    f->fn = fn;
    f->magic = (int16_t)magic;
    f->data[0] = f->data[1] = JS_UNDEFINED;
    return value_from_cell(f);
}

// ---- a runtime and its only thread ----

ThreadState *stub_runtime_new(void) {
    // thread.h puts polled words on their own cache lines: both structs are 64-byte aligned.
    Runtime *rt = aligned_alloc(64, (sizeof *rt + 63) & ~(size_t)63);
    ThreadState *ts = aligned_alloc(64, (sizeof *ts + 63) & ~(size_t)63);
    if (!rt || !ts) abort();
    memset(rt, 0, sizeof *rt);
    memset(ts, 0, sizeof *ts);
    ts->rt = rt;
    ts->tid = 5;  // not 0, so tests see the TID in butterfly words
    ts->exception = JS_HOLE;
    for (int i = 0; i < INTRINSIC_COUNT; i++) rt->realm.intrinsics[i] = JS_UNDEFINED;
    if (!structure_table_init(rt)) abort();
    static const char *const atom_names[] = {
#define X(n) #n,
        COMMON_ATOMS(X)
#undef X
    };
    rt->common_atoms = calloc(ATOM_COUNT, sizeof(Value));
    rt->well_known_symbols = calloc(SYMBOL_COUNT, sizeof(Value));
    for (int i = 0; i < ATOM_COUNT; i++) rt->common_atoms[i] = atom_from_cstr(ts, atom_names[i]);
    for (int i = 0; i < SYMBOL_COUNT; i++) rt->well_known_symbols[i] = symbol_new(ts, JS_UNDEFINED);
    Value object_prototype = object_new(ts, JS_NULL);
    rt->realm.intrinsics[INTRINSIC_OBJECT_PROTOTYPE] = object_prototype;
    rt->realm.intrinsics[INTRINSIC_FUNCTION_PROTOTYPE] = object_new(ts, object_prototype);
    // Array.prototype is an Array exotic object, as builtins/array.c makes it.
    Array *array_prototype = object_alloc(ts, sizeof(Array), CELL_ARRAY, object_prototype);
    array_prototype->length_writable = true;
    rt->realm.intrinsics[INTRINSIC_ARRAY_PROTOTYPE] = value_from_cell(array_prototype);
    rt->realm.intrinsics[INTRINSIC_STRING_PROTOTYPE] = object_new(ts, object_prototype);
    return ts;
}

ThreadState *stub_thread_new(Runtime *rt, uint16_t tid) {
    ThreadState *t = calloc(1, sizeof *t);
    if (!t) abort();
    t->rt = rt;
    t->tid = tid;
    t->exception = JS_HOLE;
    return t;
}

void stub_runtime_free(ThreadState *ts) {
    Runtime *rt = ts->rt;
    structure_table_destroy(rt);
    while (all_cells) {
        StubCell *next = all_cells->next;
        free(all_cells);
        all_cells = next;
    }
    stub_cell_count = 0;
    atom_count = 0;
    free(rt->common_atoms);
    free(rt->well_known_symbols);
    free(rt);
    free(ts);
}

// ---- exotic rows whose owners (builtins/proxy.c, builtins/host.c) are not linked here ----
#include "objectexotic.h"
const ObjectMethods proxy_methods = {.traits = EXOTIC_PLAIN_STORAGE | EXOTIC_NO_VIRTUAL_INDEXES};
const ObjectMethods host_object_methods = {.traits = EXOTIC_PLAIN_STORAGE | EXOTIC_NO_VIRTUAL_INDEXES};
