/*
 * string.c — JS strings: flat Latin-1/UTF-16 cells, ropes and their iterative flattening,
 * UTF-8/WTF-8 conversion, equality, order, hashing, search, substring and the StringBuilder.
 * Must not intern (atom.c does) and never changes a published string's length, width or units.
 * Implements STR-1, STR-2, STR-5, STR-6, STR-7 (specs/values.md).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "jsstring.h"
#include "atomics.h"
#include "errors.h"

// Concatenations longer than this become ropes; shorter ones are copied at once.
#define ROPE_MIN_LENGTH 24

static inline bool is_wide(const Cell *c) { return (c->flags & STRING_WIDE) != 0; }
static inline uint8_t *latin1_of(String *s) { return s->chars.latin1; }
static inline uint16_t *wide_of(String *s) { return s->chars.wide; }

static Value throw_too_long(ThreadState *ts) {
    return error_throw_range(ts, "Invalid string length");
}

// A new flat string of `length` zeroed units (Latin-1 ones NUL-terminated), or NULL after a throw.
static String *alloc_string(ThreadState *ts, size_t length, bool wide) {
    if (length > STRING_MAX_LENGTH) {
        throw_too_long(ts);
        return NULL;
    }
    size_t bytes = offsetof(String, chars) + (wide ? 2 * length : length + 1);
    String *s = heap_alloc(ts, bytes, CELL_STRING);
    if (!s) return NULL;
    s->length = (uint32_t)length;
    if (wide) s->header.flags = STRING_WIDE;   // set before publication, never again [STR-1]
    return s;
}

Value string_empty(ThreadState *ts) { return atom_table_empty_string(ts->rt); }

Value string_from_char_code(ThreadState *ts, uint16_t c) {
    if (c < 256) return atom_table_single_char(ts->rt, (uint8_t)c);
    String *s = alloc_string(ts, 1, true);
    if (!s) return JS_EXCEPTION;
    wide_of(s)[0] = c;
    return value_from_cell(s);
}

Value string_from_latin1(ThreadState *ts, const uint8_t *chars, size_t length) {
    if (length == 0) return string_empty(ts);
    if (length == 1) return string_from_char_code(ts, chars[0]);
    String *s = alloc_string(ts, length, false);
    if (!s) return JS_EXCEPTION;
    memcpy(latin1_of(s), chars, length);
    return value_from_cell(s);
}

// Stores Latin-1 whenever every unit fits, so that width is canonical [STR-5].
Value string_from_utf16(ThreadState *ts, const uint16_t *chars, size_t length) {
    bool narrow = true;
    for (size_t i = 0; i < length && narrow; i++) narrow = chars[i] <= 0xFF;
    if (narrow) {
        if (length <= 1) return length ? string_from_char_code(ts, chars[0]) : string_empty(ts);
        String *s = alloc_string(ts, length, false);
        if (!s) return JS_EXCEPTION;
        for (size_t i = 0; i < length; i++) latin1_of(s)[i] = (uint8_t)chars[i];
        return value_from_cell(s);
    }
    if (length == 1) return string_from_char_code(ts, chars[0]);
    String *s = alloc_string(ts, length, true);
    if (!s) return JS_EXCEPTION;
    memcpy(wide_of(s), chars, 2 * length);
    return value_from_cell(s);
}

Value string_from_cstr(ThreadState *ts, const char *ascii) {
    return string_from_latin1(ts, (const uint8_t *)ascii, strlen(ascii));
}

/*
 * UTF-8 decoding per the WHATWG decoder: each maximal invalid subpart becomes one U+FFFD, and
 * decoding resumes at the first byte that broke the sequence. With allow_surrogates the lead
 * byte ED also accepts A0..BF, so encoded surrogates come through as single units (WTF-8).
 */
static Value decode_utf8(ThreadState *ts, const uint8_t *p, size_t n, bool allow_surrogates) {
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return string_from_latin1(ts, p, n);
    // Every input byte yields at most one unit (four-byte sequences yield two), so n bounds it.
    uint16_t *out = malloc(n * sizeof *out);
    if (!out) return error_throw_out_of_memory(ts);
    size_t k = 0;
    for (size_t j = 0; j < i; j++) out[k++] = p[j];
    while (i < n) {
        uint8_t b = p[i];
        if (b < 0x80) {
            out[k++] = b;
            i++;
            continue;
        }
        int need;
        uint32_t cp;
        uint8_t low = 0x80, high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1, cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2, cp = b & 0x0F;
            if (b == 0xE0) low = 0xA0;
            else if (b == 0xED && !allow_surrogates) high = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3, cp = b & 0x07;
            if (b == 0xF0) low = 0x90;
            else if (b == 0xF4) high = 0x8F;
        } else {
            out[k++] = 0xFFFD;
            i++;
            continue;
        }
        size_t j = i + 1;
        int got = 0;
        while (got < need && j < n && p[j] >= low && p[j] <= high) {
            cp = (cp << 6) | (p[j] & 0x3F);
            low = 0x80, high = 0xBF;
            j++, got++;
        }
        i = j;
        if (got < need) {
            out[k++] = 0xFFFD;
        } else if (cp >= 0x10000) {
            cp -= 0x10000;
            out[k++] = (uint16_t)(0xD800 + (cp >> 10));
            out[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[k++] = (uint16_t)cp;
        }
    }
    Value result = string_from_utf16(ts, out, k);
    free(out);
    return result;
}

Value string_from_utf8(ThreadState *ts, const char *utf8, size_t length) {
    return decode_utf8(ts, (const uint8_t *)utf8, length, false);
}

Value string_from_wtf8(ThreadState *ts, const char *bytes, size_t length) {
    return decode_utf8(ts, (const uint8_t *)bytes, length, true);
}

// ---- ropes [STR-2, STR-7] ----

static inline uint32_t depth_of(Value s) {
    const Cell *c = value_to_cell(s);
    return c->type == CELL_ROPE ? ((const Rope *)c)->depth : 0;
}

Value string_concat(ThreadState *ts, Value a, Value b) {
    uint32_t la = string_length(a), lb = string_length(b);
    if (la == 0) return b;
    if (lb == 0) return a;
    size_t total = (size_t)la + lb;
    if (total > STRING_MAX_LENGTH) return throw_too_long(ts);
    bool wide = is_wide(value_to_cell(a)) || is_wide(value_to_cell(b));
    if (total <= ROPE_MIN_LENGTH) {
        // Both sides are flat: a rope is always longer than ROPE_MIN_LENGTH.
        String *out = alloc_string(ts, total, wide);
        if (!out) return JS_EXCEPTION;
        String *x = value_to_cell(a), *y = value_to_cell(b);
        if (!wide) {
            memcpy(latin1_of(out), latin1_of(x), la);
            memcpy(latin1_of(out) + la, latin1_of(y), lb);
        } else {
            for (uint32_t i = 0; i < la; i++) wide_of(out)[i] = string_char_at(x, i);
            for (uint32_t i = 0; i < lb; i++) wide_of(out)[la + i] = string_char_at(y, i);
        }
        return value_from_cell(out);
    }
    Rope *rope = heap_alloc(ts, sizeof(Rope), CELL_ROPE);
    if (!rope) return JS_EXCEPTION;
    rope->header.flags = wide ? STRING_WIDE : 0;
    rope->length = (uint32_t)total;
    uint32_t depth = depth_of(a) > depth_of(b) ? depth_of(a) : depth_of(b);
    rope->depth = depth == UINT32_MAX ? depth : depth + 1;
    rope->left = a;
    rope->right = b;
    rope->flat = JS_UNDEFINED;
    return value_from_cell(rope);
}

static inline bool flat_is_set(Value flat) { return flat != JS_UNDEFINED && flat != 0; }

// Writes src's units into out at pos; out is wide whenever src is (canonical width) [STR-5].
static void copy_units(String *out, uint32_t pos, String *src) {
    if (!is_wide(&out->header)) {
        memcpy(latin1_of(out) + pos, latin1_of(src), src->length);
    } else if (is_wide(&src->header)) {
        memcpy(wide_of(out) + pos, wide_of(src), 2 * (size_t)src->length);
    } else {
        for (uint32_t i = 0; i < src->length; i++) wide_of(out)[pos + i] = latin1_of(src)[i];
    }
}

/*
 * Fills out with the rope's text from the end backwards, with an explicit stack: a left-deep
 * rope (from `s += x`) keeps the stack at two entries, a right-deep one grows it by one per
 * level on the heap, never on the C stack [STR-7]. Nothing here allocates on the JS heap, so no
 * collection can run while the stack holds the only references to cleared children.
 */
static bool fill_from_rope(ThreadState *ts, String *out, Rope *root) {
    Value inline_stack[64];
    Value *stack = inline_stack;
    size_t count = 0, capacity = 64;
    uint32_t pos = out->length;
    stack[count++] = value_from_cell(root);
    while (count) {
        Cell *c = value_to_cell(stack[--count]);
        String *leaf;
        if (c->type == CELL_STRING) {
            leaf = (String *)c;
        } else {
            Rope *rope = (Rope *)c;
            Value flat = load_acquire(&rope->flat);
            if (!flat_is_set(flat)) {
                Value left = load_acquire(&rope->left), right = load_acquire(&rope->right);
                if (left != JS_UNDEFINED && right != JS_UNDEFINED) {
                    if (count + 2 > capacity) {
                        size_t bigger = capacity * 2;
                        Value *grown = stack == inline_stack ? malloc(bigger * sizeof *grown)
                                                             : realloc(stack, bigger * sizeof *grown);
                        if (!grown) {
                            if (stack != inline_stack) free(stack);
                            error_throw_out_of_memory(ts);
                            return false;
                        }
                        if (stack == inline_stack) memcpy(grown, inline_stack, count * sizeof *grown);
                        stack = grown;
                        capacity = bigger;
                    }
                    stack[count++] = left;
                    stack[count++] = right;
                    continue;
                }
                // Children are cleared only after flat is published [STR-2].
                flat = load_acquire(&rope->flat);
            }
            leaf = value_to_cell(flat);
        }
        pos -= leaf->length;
        copy_units(out, pos, leaf);
    }
    if (stack != inline_stack) free(stack);
    return true;
}

/*
 * Flattening publishes its result with a CAS on Rope.flat: when two threads flatten the same
 * rope, one result wins and both return it (the loser's copy is garbage). The winner then turns
 * the rope into an indirection by dropping its children, so they can be collected [STR-2].
 */
String *string_flatten(ThreadState *ts, Value s) {
    Cell *c = value_to_cell(s);
    if (c->type == CELL_STRING) return (String *)c;
    Rope *rope = (Rope *)c;
    Value flat = load_acquire(&rope->flat);
    if (flat_is_set(flat)) return value_to_cell(flat);
    String *out = alloc_string(ts, rope->length, is_wide(c));
    if (!out) return NULL;
    if (!fill_from_rope(ts, out, rope)) return NULL;
    Value expected = JS_UNDEFINED;
    if (!cas_acq_rel(&rope->flat, &expected, value_from_cell(out))) return value_to_cell(expected);
    store_release(&rope->left, JS_UNDEFINED);
    store_release(&rope->right, JS_UNDEFINED);
    return out;
}

// ---- access and comparison ----

uint16_t string_char_at(const String *s, uint32_t index) {
    return is_wide(&s->header) ? s->chars.wide[index] : s->chars.latin1[index];
}

bool string_equals(ThreadState *ts, Value a, Value b) {
    if (a == b) return true;
    if (string_length(a) != string_length(b)) return false;
    // Two distinct atoms never have equal text [STR-3].
    if (string_is_atom(a) && string_is_atom(b)) return false;
    String *x = string_flatten(ts, a);
    if (!x) return false;
    String *y = string_flatten(ts, b);
    if (!y) return false;
    // Equal text implies equal width [STR-5].
    if (is_wide(&x->header) != is_wide(&y->header)) return false;
    uint32_t hx = load_relaxed(&x->hash), hy = load_relaxed(&y->hash);
    if (hx && hy && hx != hy) return false;
    size_t bytes = is_wide(&x->header) ? 2 * (size_t)x->length : x->length;
    return memcmp(x->chars.latin1, y->chars.latin1, bytes) == 0;
}

int string_compare(ThreadState *ts, Value a, Value b) {
    if (a == b) return 0;
    String *x = string_flatten(ts, a);
    if (!x) return 0;
    String *y = string_flatten(ts, b);
    if (!y) return 0;
    uint32_t n = x->length < y->length ? x->length : y->length;
    if (!is_wide(&x->header) && !is_wide(&y->header)) {
        int r = memcmp(x->chars.latin1, y->chars.latin1, n);
        if (r) return r < 0 ? -1 : 1;
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint16_t p = string_char_at(x, i), q = string_char_at(y, i);
            if (p != q) return p < q ? -1 : 1;
        }
    }
    return x->length < y->length ? -1 : x->length > y->length;
}

// FNV-1a over code units with a final avalanche, so that atom.c may use both the top bits
// (shard) and the low bits (slot). Equal text hashes equally whatever the width.
static uint32_t hash_finish(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h ? h : 1;
}

uint32_t string_hash_latin1(const uint8_t *chars, size_t length) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; i++) h = (h ^ chars[i]) * 16777619u;
    return hash_finish(h);
}

static uint32_t hash_wide(const uint16_t *chars, size_t length) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; i++) h = (h ^ chars[i]) * 16777619u;
    return hash_finish(h);
}

uint32_t string_hash(ThreadState *ts, Value s) {
    String *str = string_flatten(ts, s);
    if (!str) return 0;
    uint32_t h = load_relaxed(&str->hash);
    if (h) return h;
    h = is_wide(&str->header) ? hash_wide(wide_of(str), str->length) : string_hash_latin1(latin1_of(str), str->length);
    store_relaxed(&str->hash, h);   // racing writers store the same value [STR-1]
    return h;
}

int64_t string_index_of(ThreadState *ts, Value haystack, Value needle, uint32_t from) {
    String *h = string_flatten(ts, haystack);
    if (!h) return -1;
    String *n = string_flatten(ts, needle);
    if (!n) return -1;
    if (from > h->length) from = h->length;
    if (n->length == 0) return from;
    if (n->length > h->length - from) return -1;
    // A wide needle holds a unit above 0xFF, which a Latin-1 haystack cannot contain [STR-5].
    if (is_wide(&n->header) && !is_wide(&h->header)) return -1;
    if (!is_wide(&h->header)) {
        const uint8_t *base = latin1_of(h);
        const uint8_t *hit = memmem(base + from, h->length - from, latin1_of(n), n->length);
        return hit ? hit - base : -1;
    }
    uint16_t first = string_char_at(n, 0);
    for (uint32_t i = from; i + n->length <= h->length; i++) {
        if (wide_of(h)[i] != first) continue;
        uint32_t k = 1;
        while (k < n->length && wide_of(h)[i + k] == string_char_at(n, k)) k++;
        if (k == n->length) return i;
    }
    return -1;
}

Value string_substring(ThreadState *ts, Value s, uint32_t start, uint32_t end) {
    uint32_t length = string_length(s);
    if (end > length) end = length;
    if (start > end) start = end;
    if (start == 0 && end == length) return s;
    String *str = string_flatten(ts, s);
    if (!str) return JS_EXCEPTION;
    // The source stays reachable through s while the copy allocates (cells never move).
    if (!is_wide(&str->header)) return string_from_latin1(ts, latin1_of(str) + start, end - start);
    return string_from_utf16(ts, wide_of(str) + start, end - start);
}

bool string_is_array_index(ThreadState *ts, Value s, uint32_t *index) {
    (void)ts;
    const Cell *c = value_to_cell(s);
    if (c->type != CELL_STRING) return false;   // ropes are longer than ten units
    const String *str = (const String *)c;
    uint32_t n = str->length;
    if (n == 0 || n > 10 || is_wide(c)) return false;
    const uint8_t *d = str->chars.latin1;
    if (d[0] == '0' && n > 1) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (d[i] < '0' || d[i] > '9') return false;
        v = v * 10 + (uint64_t)(d[i] - '0');
    }
    if (v > 4294967294u) return false;
    *index = (uint32_t)v;
    return true;
}

// ---- UTF-8 output ----

char *string_to_utf8(ThreadState *ts, Value s, size_t *length_out) {
    String *str = string_flatten(ts, s);
    if (!str) return NULL;
    uint32_t n = str->length;
    size_t bytes = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = string_char_at(str, i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && string_char_at(str, i + 1) >= 0xDC00 &&
                 string_char_at(str, i + 1) <= 0xDFFF) bytes += 4, i++;
        else bytes += 3;   // other BMP units, and lone surrogates as U+FFFD
    }
    char *out = malloc(bytes + 1);
    if (!out) {
        error_throw_out_of_memory(ts);
        return NULL;
    }
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c = string_char_at(str, i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            uint32_t next = i + 1 < n ? string_char_at(str, i + 1) : 0;
            if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                i++;
            } else {
                c = 0xFFFD;
            }
        }
        if (c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0x800) {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[k++] = (char)(0xE0 | (c >> 12));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | (c >> 18));
            out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = '\0';
    if (length_out) *length_out = k;
    return out;
}

// ---- StringBuilder: malloc'd units, Latin-1 until a unit above 0xFF arrives ----

void string_builder_init(StringBuilder *b, ThreadState *ts) {
    memset(b, 0, sizeof *b);
    b->ts = ts;
}

static void builder_fail(StringBuilder *b, bool too_long) {
    if (b->failed) return;
    b->failed = true;
    if (too_long) throw_too_long(b->ts);
    else error_throw_out_of_memory(b->ts);
}

// Room for `extra` more units in the current representation.
static bool builder_reserve(StringBuilder *b, size_t extra) {
    if (b->failed) return false;
    size_t need = b->length + extra;
    if (need > STRING_MAX_LENGTH) {
        builder_fail(b, true);
        return false;
    }
    if (need <= b->capacity) return true;
    size_t capacity = b->capacity ? b->capacity * 2 : 32;
    if (capacity < need) capacity = need;
    void *grown = b->wide ? realloc(b->wide, capacity * 2) : realloc(b->narrow, capacity);
    if (!grown) {
        builder_fail(b, false);
        return false;
    }
    if (b->wide) b->wide = grown;
    else b->narrow = grown;
    b->capacity = capacity;
    return true;
}

static bool builder_widen(StringBuilder *b) {
    if (b->failed) return false;
    size_t capacity = b->capacity > 16 ? b->capacity : 16;
    uint16_t *wide = malloc(capacity * 2);
    if (!wide) {
        builder_fail(b, false);
        return false;
    }
    for (size_t i = 0; i < b->length; i++) wide[i] = b->narrow[i];
    free(b->narrow);
    b->narrow = NULL;
    b->wide = wide;
    b->capacity = capacity;
    return true;
}

void string_builder_append_char(StringBuilder *b, uint16_t c) {
    if (c > 0xFF && !b->wide && !builder_widen(b)) return;
    if (!builder_reserve(b, 1)) return;
    if (b->wide) b->wide[b->length++] = c;
    else b->narrow[b->length++] = (uint8_t)c;
}

void string_builder_append_latin1(StringBuilder *b, const uint8_t *chars, size_t length) {
    if (!builder_reserve(b, length)) return;
    if (b->wide) {
        for (size_t i = 0; i < length; i++) b->wide[b->length + i] = chars[i];
    } else if (length) {
        memcpy(b->narrow + b->length, chars, length);
    }
    b->length += length;
}

void string_builder_append_range(StringBuilder *b, const String *s, uint32_t start, uint32_t end) {
    if (start >= end) return;
    if (!(s->header.flags & STRING_WIDE)) {
        string_builder_append_latin1(b, s->chars.latin1 + start, end - start);
        return;
    }
    for (uint32_t i = start; i < end; i++) string_builder_append_char(b, s->chars.wide[i]);
}

void string_builder_append_cstr(StringBuilder *b, const char *ascii) {
    string_builder_append_latin1(b, (const uint8_t *)ascii, strlen(ascii));
}

void string_builder_append_string(StringBuilder *b, Value s) {
    if (b->failed) return;
    String *str = string_flatten(b->ts, s);
    if (!str) {
        b->failed = true;   // string_flatten has thrown already
        return;
    }
    if (!is_wide(&str->header)) {
        string_builder_append_latin1(b, latin1_of(str), str->length);
        return;
    }
    if (!b->wide && !builder_widen(b)) return;
    if (!builder_reserve(b, str->length)) return;
    memcpy(b->wide + b->length, wide_of(str), 2 * (size_t)str->length);
    b->length += str->length;
}

Value string_builder_finish(StringBuilder *b) {
    Value result;
    if (b->failed) result = JS_EXCEPTION;
    else if (b->wide) result = string_from_utf16(b->ts, b->wide, b->length);
    else result = string_from_latin1(b->ts, b->narrow, b->length);
    string_builder_discard(b);
    return result;
}

void string_builder_discard(StringBuilder *b) {
    free(b->wide);
    free(b->narrow);
    b->wide = NULL;
    b->narrow = NULL;
    b->length = b->capacity = 0;
}
