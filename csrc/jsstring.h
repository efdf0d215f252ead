/*
 * jsstring.h — JS strings (immutable, Latin-1 or UTF-16, ropes), interned atoms and symbols.
 * Implemented by string.c (strings, ropes, UTF-8, StringBuilder) and atom.c (the sharded atom
 * table, cached strings, symbols). Implements STR-1..STR-7 (specs/values.md). Named jsstring.h
 * so that it never shadows the C library's <string.h>.
 */
#ifndef JST_JSSTRING_H
#define JST_JSSTRING_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "value.h"
#include "heap.h"
#include "thread.h"

// Cell.flags bits for CELL_STRING.
enum {
    STRING_WIDE = 1,      // UTF-16 storage; else Latin-1
    STRING_ATOM = 2,      // interned: equal atoms are the same cell [STR-3]
    STRING_HASHED = 4,    // reserved: a nonzero hash field means "computed" (flags never change
                          // after a string is published, so they need no atomics) [STR-1]
    STRING_INDEX = 8,     // reserved; canonical array-index strings never become atoms [STR-4]
};
// Cell.flags of a Rope: STRING_WIDE when either side is wide, so flattening knows the width.

// The longest string, in code units (V8's limit); longer results throw RangeError
// "Invalid string length" [STR-6].
#define STRING_MAX_LENGTH 0x1FFFFFE8u

typedef struct String {
    Cell header;          // CELL_STRING
    uint32_t length;      // in UTF-16 code units
    uint32_t hash;        // 0 until computed; then written racily (relaxed), always the same value
    union {
        uint8_t latin1[1];
        uint16_t wide[1];
    } chars;              // length units follow inline; Latin-1 strings are also NUL-terminated
} String;

typedef struct Rope {
    Cell header;          // CELL_ROPE
    uint32_t length;
    uint32_t depth;
    Value left, right;    // String or Rope cells
    Value flat;           // JS_UNDEFINED until flattened; published with a CAS [STR-2]
} Rope;

typedef struct Symbol {
    Cell header;          // CELL_SYMBOL
    Value description;    // String or JS_UNDEFINED
    bool registered;      // created by Symbol.for
} Symbol;

static inline bool value_is_string(Value v) {
    return value_is_cell(v) && (((Cell *)value_to_cell(v))->type == CELL_STRING ||
                                ((Cell *)value_to_cell(v))->type == CELL_ROPE);
}
static inline bool value_is_symbol(Value v) {
    return value_is_cell(v) && ((Cell *)value_to_cell(v))->type == CELL_SYMBOL;
}
static inline uint32_t string_length(Value s) {
    // String and Rope share the length field position.
    return ((String *)value_to_cell(s))->length;
}
// An interned String: equal atoms are the same cell [STR-3].
static inline bool string_is_atom(Value s) {
    Cell *c = (Cell *)value_to_cell(s);
    return c->type == CELL_STRING && (c->flags & STRING_ATOM);
}

// Construction. All may allocate (and so may collect); they return JS_EXCEPTION on OOM.
Value string_from_latin1(ThreadState *ts, const uint8_t *chars, size_t length);
Value string_from_utf16(ThreadState *ts, const uint16_t *chars, size_t length); // narrows when it can
Value string_from_utf8(ThreadState *ts, const char *utf8, size_t length);       // invalid bytes -> U+FFFD
// Like string_from_utf8, but encoded surrogates (ED A0..BF xx, as Python's "surrogatepass" and
// WTF-8 write lone surrogates) decode to single UTF-16 units, so such strings round-trip.
Value string_from_wtf8(ThreadState *ts, const char *bytes, size_t length);
Value string_from_cstr(ThreadState *ts, const char *ascii);
Value string_concat(ThreadState *ts, Value a, Value b);          // may build a rope
Value string_substring(ThreadState *ts, Value s, uint32_t start, uint32_t end);
Value string_from_char_code(ThreadState *ts, uint16_t c);        // single units are cached
Value string_empty(ThreadState *ts);

// Access. A rope is flattened on first access to its characters [STR-2].
String *string_flatten(ThreadState *ts, Value s);                // NULL only on OOM (exception set)
uint16_t string_char_at(const String *s, uint32_t index);
bool string_equals(ThreadState *ts, Value a, Value b);           // content equality
int string_compare(ThreadState *ts, Value a, Value b);           // code-unit order: <0, 0, >0
uint32_t string_hash(ThreadState *ts, Value s);                  // never 0; 0 only on OOM
// The hash string_hash gives a Latin-1 string of these characters (atom.c looks C strings up by it).
uint32_t string_hash_latin1(const uint8_t *chars, size_t length);
// Index of `needle` in `haystack` at or after `from`, or -1.
int64_t string_index_of(ThreadState *ts, Value haystack, Value needle, uint32_t from);
// UTF-8 copy for printing (lone surrogates become U+FFFD); malloc'd, caller frees.
char *string_to_utf8(ThreadState *ts, Value s, size_t *length_out);
// A string builder for natives that produce strings piecewise.
typedef struct StringBuilder {
    ThreadState *ts;
    uint16_t *wide;       // NULL while every char fits Latin-1
    uint8_t *narrow;
    size_t length, capacity;
    bool failed;
} StringBuilder;
void string_builder_init(StringBuilder *b, ThreadState *ts);
void string_builder_append_char(StringBuilder *b, uint16_t c);
void string_builder_append_cstr(StringBuilder *b, const char *ascii);
void string_builder_append_string(StringBuilder *b, Value s);
void string_builder_append_latin1(StringBuilder *b, const uint8_t *chars, size_t length);
// Appends the code units [start, end) of a flat string: one copy when it is Latin-1.
void string_builder_append_range(StringBuilder *b, const String *s, uint32_t start, uint32_t end);
Value string_builder_finish(StringBuilder *b);                   // frees the buffer
void string_builder_discard(StringBuilder *b);

// Atoms: interned strings used as property keys [STR-3]. Canonical array-index strings are never
// atoms; property_key_from_value turns them into int keys instead (see object.h).
Value atom_from_string(ThreadState *ts, Value s);
Value atom_from_cstr(ThreadState *ts, const char *ascii);
// True when s is a canonical array index ("0", "17", "4294967294"; not "01", "-0" or
// "4294967295"), with the index in *index. Such strings must not be passed to atom_from_string
// when a property key is meant [STR-4]. Never allocates: a rope is longer than any index.
bool string_is_array_index(ThreadState *ts, Value s, uint32_t *index);
// The runtime's cached strings (atom.c, created by atom_table_init): the empty string and the
// one-unit strings for units 0..255, which string_from_char_code hands out.
Value atom_table_empty_string(Runtime *rt);
Value atom_table_single_char(Runtime *rt, uint8_t unit);
bool atom_table_init(Runtime *rt);
void atom_table_destroy(Runtime *rt);
void atom_table_trace(Runtime *rt, Marker *m);   // atoms are kept alive for the runtime's life

// Symbols.
Value symbol_new(ThreadState *ts, Value description);
Value symbol_for(ThreadState *ts, Value key);    // the global registry
Value symbol_key_for(ThreadState *ts, Value symbol);

// Well-known symbols and frequently used atoms, created once per runtime (atom.c).
#define WELL_KNOWN_SYMBOLS(X) \
    X(asyncIterator) X(hasInstance) X(isConcatSpreadable) X(iterator) X(match) X(matchAll) \
    X(replace) X(search) X(species) X(split) X(toPrimitive) X(toStringTag) X(unscopables)
#define COMMON_ATOMS(X) \
    X(length) X(prototype) X(constructor) X(name) X(message) X(stack) X(value) X(done) X(next) \
    X(get) X(set) X(writable) X(enumerable) X(configurable) X(toString) X(valueOf) X(then) \
    X(callee) X(caller) X(arguments) X(toJSON) X(return) X(throw) X(default) X(undefined) \
    X(null) X(true) X(false) X(NaN) X(Infinity) X(__proto__) X(cause) X(errors) X(raw) \
    X(index) X(input) X(join) X(lastIndex) X(add) X(size) X(global) X(eval) X(anonymous) \
    X(object) X(function) X(string) X(number) X(boolean) X(symbol) X(bigint)
typedef enum WellKnownSymbol {
#define X(n) SYMBOL_##n,
    WELL_KNOWN_SYMBOLS(X)
#undef X
    SYMBOL_COUNT
} WellKnownSymbol;
typedef enum CommonAtom {
#define X(n) ATOM_##n,
    COMMON_ATOMS(X)
#undef X
    ATOM_COUNT
} CommonAtom;
// ATOM(ts, length) and SYMBOL(ts, iterator): read-only after start-up, so any thread may use them.
#define ATOM(ts, n) ((ts)->rt->common_atoms[ATOM_##n])
#define SYMBOL(ts, n) ((ts)->rt->well_known_symbols[SYMBOL_##n])

#endif
