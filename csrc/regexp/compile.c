/*
 * regexp/compile.c — pattern text to program (§22.2.1 syntax, with Annex B.1.4 in non-unicode
 * mode): a recursive-descent parser builds a small tree in an arena, then a code generator walks
 * it once, emitting lookbehind bodies right to left. Owns the error messages of V8 for malformed
 * patterns. Pure C: no JS heap, no ThreadState, no global state, so it may run on any thread.
 */
#include <stdlib.h>
#include <string.h>
#include "regexp.h"
#include "program.h"

// Nesting deeper than this is refused, so the recursive parser and emitter never exhaust the
// C stack on a hostile pattern like "((((...".
#define MAX_DEPTH 500

// ---- arena ----

typedef struct ArenaBlock { struct ArenaBlock *next; size_t used, size; max_align_t data[]; } ArenaBlock;

static void *arena_alloc(ArenaBlock **arena, size_t size) {
    size = (size + 15) & ~(size_t)15;
    ArenaBlock *b = *arena;
    if (!b || b->used + size > b->size) {
        size_t block_size = size > 16384 ? size : 16384;
        ArenaBlock *nb = malloc(sizeof(ArenaBlock) + block_size);
        if (!nb) return NULL;
        nb->next = b, nb->used = 0, nb->size = block_size;
        *arena = b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

static void arena_free(ArenaBlock *b) {
    while (b) { ArenaBlock *next = b->next; free(b); b = next; }
}

// ---- tree ----

enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_SEQ, N_ALT, N_GROUP, N_BACKREF, N_ASSERT, N_LOOK, N_QUANT };

typedef struct RangeSet { RegexRange *ranges; uint32_t count, capacity; } RangeSet;

typedef struct Node {
    uint8_t type;
    bool flag;                  // QUANT: greedy; LOOK: negative; CLASS: inverted
    bool behind;                // LOOK: lookbehind
    uint32_t value;             // CHAR: code point; GROUP/BACKREF: index; ASSERT: opcode
    uint32_t min, max;          // QUANT
    uint32_t group_first, group_end;  // QUANT: the groups inside, [first, end)
    struct Node *child;         // GROUP, LOOK, QUANT; SEQ and ALT: the first child
    struct Node *next;          // the next child of a SEQ or ALT
    RangeSet set;               // CLASS
    const uint16_t *name;       // BACKREF by name until resolved
    uint32_t name_length;
} Node;

typedef struct GroupName { uint32_t index; uint16_t *units; uint32_t length; } GroupName;

typedef struct Parser {
    const uint16_t *src;
    uint32_t length, pos;
    bool unicode, ignore_case, multiline, dot_all;
    bool named;                 // [N]: the pattern has a group name, so \k is a reference
    uint32_t total_groups;      // counted before parsing (decimal escapes need the total)
    uint32_t group_count;       // groups opened so far
    GroupName *names;
    uint32_t name_count;
    int depth;
    const char *error;          // first error; parsing stops at once
    bool oom;
    ArenaBlock *arena;
    uint32_t registers;         // emitted loops' registers
    uint32_t *code;
    size_t code_length, code_capacity;
} Parser;

static void *fail(Parser *p, const char *message) {
    if (!p->error && !p->oom) p->error = message;
    return NULL;
}

static void *out_of_memory(Parser *p) {
    p->oom = true;
    return NULL;
}

static Node *node_new(Parser *p, int type) {
    Node *n = arena_alloc(&p->arena, sizeof(Node));
    if (!n) return out_of_memory(p);
    n->type = (uint8_t)type;
    return n;
}

// ---- range sets ----

static bool set_add(Parser *p, RangeSet *s, uint32_t first, uint32_t last) {
    if (s->count == s->capacity) {
        uint32_t capacity = s->capacity ? s->capacity * 2 : 8;
        RegexRange *r = arena_alloc(&p->arena, capacity * sizeof(RegexRange));
        if (!r) { p->oom = true; return false; }
        if (s->count) memcpy(r, s->ranges, s->count * sizeof(RegexRange));
        s->ranges = r, s->capacity = capacity;
    }
    s->ranges[s->count++] = (RegexRange){first, last};
    return true;
}

static int range_order(const void *a, const void *b) {
    const RegexRange *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void set_normalize(RangeSet *s) {
    if (s->count < 2) return;
    qsort(s->ranges, s->count, sizeof(RegexRange), range_order);
    uint32_t out = 0;
    for (uint32_t i = 1; i < s->count; i++) {
        RegexRange *last = &s->ranges[out];
        if (s->ranges[i].first <= last->last + 1) {
            if (s->ranges[i].last > last->last) last->last = s->ranges[i].last;
        } else {
            s->ranges[++out] = s->ranges[i];
        }
    }
    s->count = out + 1;
}

static bool set_contains(const RangeSet *s, uint32_t c) {
    uint32_t lo = 0, hi = s->count;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c < s->ranges[mid].first) hi = mid;
        else if (c > s->ranges[mid].last) lo = mid + 1;
        else return true;
    }
    return false;
}

// Appends the complement (within 0..max) of the normalized set `from` to `to`.
static bool set_add_complement(Parser *p, RangeSet *to, const RangeSet *from, uint32_t max) {
    uint32_t next = 0;
    for (uint32_t i = 0; i < from->count; i++) {
        if (from->ranges[i].first > next && !set_add(p, to, next, from->ranges[i].first - 1)) return false;
        next = from->ranges[i].last + 1;
    }
    return next > max || set_add(p, to, next, max);
}

static uint32_t max_char(const Parser *p) { return p->unicode ? 0x10FFFF : 0xFFFF; }

static const RegexRange digit_ranges[] = {{'0', '9'}};
static const RegexRange space_ranges[] = {
    {0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A},
    {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF},
};
static const RegexRange word_ranges[] = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
// WordCharacters with unicode and ignoreCase adds the two characters whose case fold is a
// basic word character (ſ -> s, K -> k) (§22.2.2.9.4).
static const RegexRange word_unicode_ignore_case_ranges[] = {
    {'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}, {0x17F, 0x17F}, {0x212A, 0x212A},
};

// Adds \d \s \w (or, when upper, \D \S \W) to s.
static bool set_add_class_escape(Parser *p, RangeSet *s, uint16_t letter) {
    RangeSet base = {0};
    const RegexRange *r;
    size_t n;
    switch (letter | 0x20) {
    case 'd': r = digit_ranges, n = 1; break;
    case 's': r = space_ranges, n = sizeof space_ranges / sizeof space_ranges[0]; break;
    default:
        if (p->unicode && p->ignore_case) r = word_unicode_ignore_case_ranges, n = 6;
        else r = word_ranges, n = 4;
        break;
    }
    if (!(letter & 0x20)) {
        base.ranges = (RegexRange *)r, base.count = (uint32_t)n;
        return set_add_complement(p, s, &base, max_char(p));
    }
    for (size_t i = 0; i < n; i++)
        if (!set_add(p, s, r[i].first, r[i].last)) return false;
    return true;
}

// With ignoreCase, a class matches ch when some member canonicalizes like ch. The matcher
// canonicalizes ch and looks it up, so the set gets every member's canonical value added.
static bool set_close_over_case(Parser *p, RangeSet *s) {
    size_t count;
    const uint32_t (*pairs)[2] = regex_case_pairs(p->unicode, &count);
    set_normalize(s);
    uint32_t original = s->count;
    RangeSet view = {s->ranges, original, original};
    for (size_t i = 0; i < count; i++) {
        if (set_contains(&view, pairs[i][0]) && !set_add(p, s, pairs[i][1], pairs[i][1])) return false;
        view.ranges = s->ranges;   // set_add may have moved the storage
    }
    set_normalize(s);
    return true;
}

// ---- scanning ----

static int32_t peek_at(const Parser *p, uint32_t at) { return at < p->length ? p->src[at] : -1; }
static int32_t peek(const Parser *p) { return peek_at(p, p->pos); }

static bool is_high(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_low(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// The next pattern character: a whole code point in unicode mode, else one unit.
static uint32_t next_char(Parser *p, bool pairs) {
    uint32_t c = p->src[p->pos++];
    if (pairs && is_high(c) && p->pos < p->length && is_low(p->src[p->pos]))
        c = 0x10000 + ((c - 0xD800) << 10) + (p->src[p->pos++] - 0xDC00);
    return c;
}

static int hex_value(int32_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

static bool is_syntax_char(int32_t c) {
    return c >= 0 && c < 128 && strchr("^$\\.*+?()[]{}|", (int)c) != NULL && c != 0;
}

// Counts the capturing groups and notices group names before parsing: a decimal escape is a
// backreference only when the pattern has that many groups, and \k is a reference only in
// patterns with names (Annex B.1.4).
static void prescan(Parser *p) {
    bool in_class = false;
    for (uint32_t i = 0; i < p->length; i++) {
        uint16_t c = p->src[i];
        if (c == '\\') { i++; continue; }
        if (in_class) { if (c == ']') in_class = false; continue; }
        if (c == '[') in_class = true;
        else if (c == '(') {
            if (peek_at(p, i + 1) != '?') p->total_groups++;
            else if (peek_at(p, i + 2) == '<' && peek_at(p, i + 3) != '=' && peek_at(p, i + 3) != '!') {
                p->total_groups++;
                p->named = true;
            }
        }
    }
}

// \u escapes after the 'u': \uXXXX, a lead\uTrail pair joined, or (unicode mode) \u{X...}.
// Returns the code point or -1 (position unchanged then).
static int64_t parse_unicode_escape(Parser *p, bool unicode) {
    uint32_t start = p->pos;
    if (unicode && peek(p) == '{') {
        p->pos++;
        uint32_t v = 0;
        int digits = 0;
        int h;
        while ((h = hex_value(peek(p))) >= 0) {
            v = v * 16 + (uint32_t)h;
            if (v > 0x10FFFF) { p->pos = start; return -1; }
            p->pos++, digits++;
        }
        if (!digits || peek(p) != '}') { p->pos = start; return -1; }
        p->pos++;
        return v;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(peek(p));
        if (h < 0) { p->pos = start; return -1; }
        v = v * 16 + (uint32_t)h;
        p->pos++;
    }
    if (unicode && is_high(v) && peek(p) == '\\' && peek_at(p, p->pos + 1) == 'u') {
        uint32_t save = p->pos;
        p->pos += 2;
        uint32_t w = 0;
        bool ok = true;
        for (int i = 0; i < 4 && ok; i++) {
            int h = hex_value(peek(p));
            if (h < 0) ok = false;
            else w = w * 16 + (uint32_t)h, p->pos++;
        }
        if (ok && is_low(w)) return 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
        p->pos = save;
    }
    return v;
}

// Annex B LegacyOctalEscapeSequence; p->pos is at the first octal digit.
static uint32_t parse_legacy_octal(Parser *p) {
    uint32_t v = (uint32_t)(p->src[p->pos++] - '0');
    int32_t c = peek(p);
    if (c >= '0' && c <= '7') {
        v = v * 8 + (uint32_t)(c - '0');
        p->pos++;
        c = peek(p);
        if (v < 040 && c >= '0' && c <= '7') {
            v = v * 8 + (uint32_t)(c - '0');
            p->pos++;
        }
    }
    return v;
}

/*
 * CharacterEscape after the backslash (p->pos at the escape letter). Returns the code point, or
 * -1 on error. Annex B cases that produce the backslash itself (\c not followed by a control
 * letter) leave p->pos at the 'c'.
 */
static int64_t parse_character_escape(Parser *p, bool in_class) {
    uint32_t c = next_char(p, p->unicode);
    switch (c) {
    case 'f': return 0x0C;
    case 'n': return 0x0A;
    case 'r': return 0x0D;
    case 't': return 0x09;
    case 'v': return 0x0B;
    case 'c': {
        int32_t l = peek(p);
        if ((l | 0x20) >= 'a' && (l | 0x20) <= 'z') { p->pos++; return l % 32; }
        if (!p->unicode && in_class && ((l >= '0' && l <= '9') || l == '_')) { p->pos++; return l % 32; }
        if (p->unicode) { fail(p, "Invalid Unicode escape"); return -1; }
        p->pos--;   // the backslash stands for itself; 'c' is read next
        return '\\';
    }
    case '0':
        if (p->unicode) {
            int32_t d = peek(p);
            if (d >= '0' && d <= '9') { fail(p, in_class ? "Invalid class escape" : "Invalid decimal escape"); return -1; }
            return 0;
        }
        p->pos--;
        return parse_legacy_octal(p);
    case 'x': {
        int h1 = hex_value(peek(p)), h2 = hex_value(peek_at(p, p->pos + 1));
        if (h1 >= 0 && h2 >= 0) { p->pos += 2; return h1 * 16 + h2; }
        if (p->unicode) { fail(p, "Invalid escape"); return -1; }
        return 'x';
    }
    case 'u': {
        int64_t v = parse_unicode_escape(p, p->unicode);
        if (v >= 0) return v;
        if (p->unicode) { fail(p, "Invalid Unicode escape"); return -1; }
        return 'u';
    }
    default:
        if (p->unicode) {
            if (is_syntax_char((int32_t)c) || c == '/' || (in_class && c == '-')) return c;
            fail(p, in_class ? "Invalid class escape" : "Invalid escape");
            return -1;
        }
        if (c >= '1' && c <= '7' && in_class) { p->pos--; return parse_legacy_octal(p); }
        if (c == 'k' && p->named) { fail(p, in_class ? "Invalid class escape" : "Invalid named reference"); return -1; }
        return c;
    }
}

// ---- properties \p{...} ----

static bool parse_property(Parser *p, RangeSet *s, bool negate) {
    // p->pos is after 'p' or 'P'.
    if (peek(p) != '{') return fail(p, "Invalid property name"), false;
    p->pos++;
    char name[64], value[64];
    size_t nl = 0, vl = 0;
    bool has_value = false;
    for (;;) {
        int32_t c = peek(p);
        if (c < 0) return fail(p, "Invalid property name"), false;
        p->pos++;
        if (c == '}') break;
        if (c == '=' && !has_value) { has_value = true; continue; }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return fail(p, "Invalid property name"), false;
        if (has_value) { if (vl + 1 >= sizeof value) return fail(p, "Invalid property name"), false; value[vl++] = (char)c; }
        else { if (nl + 1 >= sizeof name) return fail(p, "Invalid property name"), false; name[nl++] = (char)c; }
    }
    name[nl] = 0, value[vl] = 0;
    if (!nl || (has_value && !vl)) return fail(p, "Invalid property name"), false;
    const RegexRange *r;
    size_t n;
    if (!regex_property_ranges(name, has_value ? value : NULL, &r, &n))
        return fail(p, "Invalid property name"), false;
    RangeSet base = {(RegexRange *)r, (uint32_t)n, (uint32_t)n};
    if (negate) return set_add_complement(p, s, &base, 0x10FFFF);
    for (size_t i = 0; i < n; i++)
        if (!set_add(p, s, r[i].first, r[i].last)) return false;
    return true;
}

// ---- character classes ----

// One ClassAtom: a single character (returns it) or a class escape added to `escape_set`
// (returns -2). -1 on error.
static int64_t parse_class_atom(Parser *p, RangeSet *escape_set) {
    if (peek(p) != '\\') return next_char(p, p->unicode);
    p->pos++;
    int32_t c = peek(p);
    if (c < 0) { fail(p, "\\ at end of pattern"); return -1; }
    switch (c) {
    case 'b': p->pos++; return 0x08;
    case '-': if (p->unicode) { p->pos++; return '-'; } break;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        p->pos++;
        return set_add_class_escape(p, escape_set, (uint16_t)c) ? -2 : -1;
    case 'p': case 'P':
        if (!p->unicode) break;
        p->pos++;
        if (!parse_property(p, escape_set, c == 'P')) {
            p->error = p->oom ? NULL : "Invalid property name in character class";
            return -1;
        }
        return -2;
    case '8': case '9':
        if (p->unicode) { fail(p, "Invalid class escape"); return -1; }
        p->pos++;
        return c;
    default:
        if (c >= '1' && c <= '7' && p->unicode) { fail(p, "Invalid class escape"); return -1; }
        break;
    }
    return parse_character_escape(p, true);
}

static Node *parse_class(Parser *p) {
    // p->pos is after '['.
    Node *n = node_new(p, N_CLASS);
    if (!n) return NULL;
    if (peek(p) == '^') { n->flag = true; p->pos++; }
    for (;;) {
        int32_t c = peek(p);
        if (c < 0) return fail(p, "Unterminated character class");
        if (c == ']') { p->pos++; break; }
        RangeSet escape1 = {0}, escape2 = {0};
        int64_t a = parse_class_atom(p, &escape1);
        if (a == -1) return NULL;
        if (peek(p) == '-' && peek_at(p, p->pos + 1) != ']' && peek_at(p, p->pos + 1) >= 0) {
            p->pos++;
            int64_t b = parse_class_atom(p, &escape2);
            if (b == -1) return NULL;
            if (a == -2 || b == -2) {
                if (p->unicode) return fail(p, "Invalid character class");
                // Annex B: [\d-z] is the union of \d, '-' and z.
                for (uint32_t i = 0; i < escape1.count; i++)
                    if (!set_add(p, &n->set, escape1.ranges[i].first, escape1.ranges[i].last)) return NULL;
                for (uint32_t i = 0; i < escape2.count; i++)
                    if (!set_add(p, &n->set, escape2.ranges[i].first, escape2.ranges[i].last)) return NULL;
                if (!set_add(p, &n->set, '-', '-')) return NULL;
                if (a >= 0 && !set_add(p, &n->set, (uint32_t)a, (uint32_t)a)) return NULL;
                if (b >= 0 && !set_add(p, &n->set, (uint32_t)b, (uint32_t)b)) return NULL;
                continue;
            }
            if (a > b) return fail(p, "Range out of order in character class");
            if (!set_add(p, &n->set, (uint32_t)a, (uint32_t)b)) return NULL;
            continue;
        }
        if (a == -2) {
            for (uint32_t i = 0; i < escape1.count; i++)
                if (!set_add(p, &n->set, escape1.ranges[i].first, escape1.ranges[i].last)) return NULL;
        } else if (!set_add(p, &n->set, (uint32_t)a, (uint32_t)a)) {
            return NULL;
        }
    }
    if (p->ignore_case) { if (!set_close_over_case(p, &n->set)) return NULL; }
    else set_normalize(&n->set);
    return n;
}

static Node *class_from_escape(Parser *p, uint16_t letter) {
    Node *n = node_new(p, N_CLASS);
    if (!n) return NULL;
    if (letter >= 'a') {
        if (!set_add_class_escape(p, &n->set, letter)) return NULL;
    } else {
        // \D \S \W: the inverted lowercase set, so ignoreCase applies to the members (§22.2.2.9).
        if (!set_add_class_escape(p, &n->set, (uint16_t)(letter | 0x20))) return NULL;
        n->flag = true;
    }
    if (p->ignore_case) { if (!set_close_over_case(p, &n->set)) return NULL; }
    else set_normalize(&n->set);
    return n;
}

// ---- group names ----

// One character of a RegExpIdentifierName: \u escapes (always with the unicode-mode forms) and
// surrogate pairs count as one code point. -1 when it is not a valid one.
static int64_t parse_name_char(Parser *p, bool first) {
    if (p->pos >= p->length) return -1;
    uint32_t c;
    if (p->src[p->pos] == '\\') {
        if (peek_at(p, p->pos + 1) != 'u') return -1;
        p->pos += 2;
        int64_t v = parse_unicode_escape(p, true);
        if (v < 0) return -1;
        c = (uint32_t)v;
    } else {
        c = next_char(p, true);
    }
    if (c == '$' || c == '_') return c;
    if (first ? regex_is_id_start(c) : (regex_is_id_continue(c) || c == 0x200C || c == 0x200D)) return c;
    return -1;
}

// Parses `name>` into units; false on a malformed name.
static bool parse_group_name(Parser *p, uint16_t **units, uint32_t *length) {
    uint16_t buffer[256];
    uint32_t n = 0;
    for (bool first = true;; first = false) {
        if (peek(p) == '>') { p->pos++; break; }
        int64_t c = parse_name_char(p, first);
        if (c < 0 || n + 2 > 256) return false;
        if (c >= 0x10000) {
            buffer[n++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
            buffer[n++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            buffer[n++] = (uint16_t)c;
        }
    }
    if (!n) return false;
    *units = arena_alloc(&p->arena, n * sizeof(uint16_t));
    if (!*units) { p->oom = true; return false; }
    memcpy(*units, buffer, n * sizeof(uint16_t));
    *length = n;
    return true;
}

static int find_name(const Parser *p, const uint16_t *units, uint32_t length) {
    for (uint32_t i = 0; i < p->name_count; i++)
        if (p->names[i].length == length && !memcmp(p->names[i].units, units, length * sizeof(uint16_t)))
            return (int)i;
    return -1;
}

// ---- terms ----

static Node *parse_disjunction(Parser *p);

static Node *parse_group(Parser *p) {
    // p->pos is after '('.
    if (++p->depth > MAX_DEPTH) return fail(p, "Regular expression too large");
    Node *n;
    if (peek(p) == '?') {
        int32_t k = peek_at(p, p->pos + 1);
        if (k == ':') {
            p->pos += 2;
            n = parse_disjunction(p);
        } else if (k == '=' || k == '!') {
            p->pos += 2;
            n = node_new(p, N_LOOK);
            if (n) { n->flag = k == '!'; n->child = parse_disjunction(p); if (!n->child) n = NULL; }
        } else if (k == '<' && (peek_at(p, p->pos + 2) == '=' || peek_at(p, p->pos + 2) == '!')) {
            bool negative = peek_at(p, p->pos + 2) == '!';
            p->pos += 3;
            n = node_new(p, N_LOOK);
            if (n) { n->flag = negative; n->behind = true; n->child = parse_disjunction(p); if (!n->child) n = NULL; }
        } else if (k == '<') {
            p->pos += 2;
            uint16_t *units;
            uint32_t length;
            if (!parse_group_name(p, &units, &length)) return p->oom ? NULL : fail(p, "Invalid capture group name");
            uint32_t index = ++p->group_count;
            n = node_new(p, N_GROUP);
            if (n) { n->value = index; n->child = parse_disjunction(p); if (!n->child) n = NULL; }
            if (!n) return NULL;
            if (peek(p) != ')') return fail(p, "Unterminated group");
            // Like V8, a name is registered when its group closes, which decides which error a
            // pattern with several reports.
            if (find_name(p, units, length) >= 0) return fail(p, "Duplicate capture group name");
            if (!p->names || (p->name_count & (p->name_count - 1)) == 0) {
                uint32_t capacity = p->name_count ? p->name_count * 2 : 4;
                GroupName *names = arena_alloc(&p->arena, capacity * sizeof(GroupName));
                if (!names) return out_of_memory(p);
                if (p->name_count) memcpy(names, p->names, p->name_count * sizeof(GroupName));
                p->names = names;
            }
            // Kept sorted by group index (the order of the groups object's properties).
            uint32_t at = p->name_count++;
            while (at > 0 && p->names[at - 1].index > index) { p->names[at] = p->names[at - 1]; at--; }
            p->names[at] = (GroupName){index, units, length};
        } else {
            return fail(p, "Invalid group");
        }
    } else {
        uint32_t index = ++p->group_count;
        n = node_new(p, N_GROUP);
        if (n) { n->value = index; n->child = parse_disjunction(p); if (!n->child) n = NULL; }
    }
    if (!n) return NULL;
    if (peek(p) != ')') return fail(p, "Unterminated group");
    p->pos++;
    p->depth--;
    return n;
}

// {n}, {n,}, {n,m} at p->pos ('{'); false (position unchanged) when it is not one.
static bool parse_braces(Parser *p, uint32_t *min, uint32_t *max) {
    uint32_t at = p->pos + 1;
    uint64_t a = 0, b;
    int digits = 0;
    while (peek_at(p, at) >= '0' && peek_at(p, at) <= '9') {
        a = a * 10 + (uint64_t)(p->src[at++] - '0');
        if (a > REGEX_INFINITY - 1) a = REGEX_INFINITY - 1;
        digits++;
    }
    if (!digits) return false;
    if (peek_at(p, at) == '}') {
        b = a;
    } else if (peek_at(p, at) == ',') {
        at++;
        if (peek_at(p, at) == '}') {
            b = REGEX_INFINITY;
        } else {
            b = 0, digits = 0;
            while (peek_at(p, at) >= '0' && peek_at(p, at) <= '9') {
                b = b * 10 + (uint64_t)(p->src[at++] - '0');
                if (b > REGEX_INFINITY - 1) b = REGEX_INFINITY - 1;
                digits++;
            }
            if (!digits || peek_at(p, at) != '}') return false;
        }
    } else {
        return false;
    }
    p->pos = at + 1;
    *min = (uint32_t)a, *max = (uint32_t)b;
    return true;
}

static Node *parse_atom_escape(Parser *p) {
    // p->pos is after the backslash.
    int32_t c = peek(p);
    if (c < 0) return fail(p, "\\ at end of pattern");
    switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        p->pos++;
        return class_from_escape(p, (uint16_t)c);
    case 'p': case 'P':
        if (p->unicode) {
            p->pos++;
            Node *n = node_new(p, N_CLASS);
            if (!n || !parse_property(p, &n->set, c == 'P')) return NULL;
            if (p->ignore_case) { if (!set_close_over_case(p, &n->set)) return NULL; }
            else set_normalize(&n->set);
            return n;
        }
        break;
    case 'k':
        if (p->unicode || p->named) {
            p->pos++;
            if (peek(p) != '<') return fail(p, "Invalid named reference");
            p->pos++;
            Node *n = node_new(p, N_BACKREF);
            if (!n) return NULL;
            uint16_t *units;
            if (!parse_group_name(p, &units, &n->name_length)) return p->oom ? NULL : fail(p, "Invalid named reference");
            n->name = units;
            return n;
        }
        break;
    default:
        if (c >= '1' && c <= '9') {
            uint32_t start = p->pos;
            uint64_t v = 0;
            while (peek(p) >= '0' && peek(p) <= '9') {
                v = v * 10 + (uint64_t)(p->src[p->pos++] - '0');
                if (v > 1000000) v = 1000000;
            }
            if (v <= p->total_groups) {
                Node *n = node_new(p, N_BACKREF);
                if (n) n->value = (uint32_t)v;
                return n;
            }
            if (p->unicode) return fail(p, "Invalid escape");
            p->pos = start;
            Node *n = node_new(p, N_CHAR);
            if (!n) return NULL;
            // Annex B: \8 and \9 are identity escapes, others legacy octal.
            n->value = c >= '8' ? (uint32_t)p->src[p->pos++] : parse_legacy_octal(p);
            return n;
        }
        break;
    }
    int64_t v = parse_character_escape(p, false);
    if (v < 0) return NULL;
    Node *n = node_new(p, N_CHAR);
    if (n) n->value = (uint32_t)v;
    return n;
}

static Node *parse_term(Parser *p) {
    int32_t c = peek(p);
    Node *atom = NULL;
    uint32_t groups_before = p->group_count;
    bool quantifiable = true;
    switch (c) {
    case '^':
    case '$':
        p->pos++;
        atom = node_new(p, N_ASSERT);
        if (atom) atom->value = c == '^' ? (p->multiline ? OP_BOL_MULTI : OP_BOL) : (p->multiline ? OP_EOL_MULTI : OP_EOL);
        quantifiable = false;
        break;
    case '\\':
        if (peek_at(p, p->pos + 1) == 'b' || peek_at(p, p->pos + 1) == 'B') {
            atom = node_new(p, N_ASSERT);
            if (atom) atom->value = p->src[p->pos + 1] == 'b' ? OP_WORD_BOUNDARY : OP_NOT_WORD_BOUNDARY;
            p->pos += 2;
            quantifiable = false;
            break;
        }
        p->pos++;
        atom = parse_atom_escape(p);
        break;
    case '(':
        p->pos++;
        atom = parse_group(p);
        // Annex B: a lookahead may take a quantifier outside unicode mode; lookbehind never.
        if (atom && atom->type == N_LOOK && (p->unicode || atom->behind)) quantifiable = false;
        break;
    case '[':
        p->pos++;
        atom = parse_class(p);
        break;
    case '.':
        p->pos++;
        atom = node_new(p, N_ANY);
        break;
    case '*': case '+': case '?':
        return fail(p, "Nothing to repeat");
    case '{': {
        if (p->unicode) return fail(p, p->pos + 1 < p->length && peek_at(p, p->pos + 1) >= '0' && peek_at(p, p->pos + 1) <= '9'
                                         ? "Nothing to repeat" : "Lone quantifier brackets");
        uint32_t save = p->pos, min, max;
        if (parse_braces(p, &min, &max)) { p->pos = save; return fail(p, "Nothing to repeat"); }
        p->pos++;
        atom = node_new(p, N_CHAR);
        if (atom) atom->value = '{';
        break;
    }
    case ']': case '}':
        if (p->unicode) return fail(p, "Lone quantifier brackets");
        // fall through
    default:
        atom = node_new(p, N_CHAR);
        if (atom) atom->value = next_char(p, p->unicode);
        break;
    }
    if (!atom) return NULL;
    c = peek(p);
    uint32_t min, max;
    if (c == '*') min = 0, max = REGEX_INFINITY, p->pos++;
    else if (c == '+') min = 1, max = REGEX_INFINITY, p->pos++;
    else if (c == '?') min = 0, max = 1, p->pos++;
    else if (c == '{') {
        if (!parse_braces(p, &min, &max)) {
            if (p->unicode) return fail(p, "Incomplete quantifier");
            return atom;
        }
        if (min > max) return fail(p, "numbers out of order in {} quantifier");
    } else {
        return atom;
    }
    if (!quantifiable) return fail(p, atom->type == N_LOOK ? "Invalid quantifier" : "Nothing to repeat");
    Node *q = node_new(p, N_QUANT);
    if (!q) return NULL;
    q->min = min, q->max = max, q->child = atom, q->flag = true;
    if (peek(p) == '?') { q->flag = false; p->pos++; }
    q->group_first = groups_before + 1;
    q->group_end = p->group_count + 1;
    return q;
}

static Node *parse_alternative(Parser *p) {
    Node *seq = node_new(p, N_SEQ), *tail = NULL;
    if (!seq) return NULL;
    while (p->pos < p->length && peek(p) != '|' && peek(p) != ')') {
        Node *t = parse_term(p);
        if (!t) return NULL;
        if (tail) tail->next = t; else seq->child = t;
        tail = t;
    }
    return seq;
}

static Node *parse_disjunction(Parser *p) {
    Node *first = parse_alternative(p);
    if (!first || peek(p) != '|') return first;
    Node *alt = node_new(p, N_ALT), *tail = first;
    if (!alt) return NULL;
    alt->child = first;
    while (peek(p) == '|') {
        p->pos++;
        Node *a = parse_alternative(p);
        if (!a) return NULL;
        tail->next = a;
        tail = a;
    }
    return alt;
}

// Resolves \k<name> references once every name is known (a reference may precede its group).
static bool resolve_names(Parser *p, Node *n) {
    for (; n; n = n->next) {
        if (n->type == N_BACKREF && n->name) {
            int i = find_name(p, n->name, n->name_length);
            if (i < 0) return fail(p, "Invalid named capture referenced"), false;
            n->value = p->names[i].index;
        }
        if (n->child && !resolve_names(p, n->child)) return false;
    }
    return true;
}

// ---- the first-character filter ----

/*
 * The units that can start a match, so the matcher's scan skips other positions without running
 * the program. first_set adds what `n` may consume first and returns whether n may match without
 * consuming (then what follows it counts too); *unknown is set when no useful set exists.
 * Assertions and lookarounds consume nothing, so they are transparent here.
 */
typedef struct FirstSet { uint32_t bits[8]; bool high, unknown; } FirstSet;

static void first_add(Parser *p, FirstSet *f, uint32_t first, uint32_t last) {
    if (last >= 256) f->high = true;
    if (first >= 256) return;
    if (last > 255) last = 255;
    for (uint32_t c = first; c <= last; c++) f->bits[c >> 5] |= 1u << (c & 31);
    (void)p;
}

static bool first_set(Parser *p, const Node *n, FirstSet *f, int depth) {
    if (f->unknown || depth > 64) { f->unknown = true; return false; }
    switch (n->type) {
    case N_EMPTY: case N_ASSERT: case N_LOOK:
        return true;
    case N_CHAR:
        first_add(p, f, n->value, n->value);
        if (p->ignore_case) {
            uint32_t k = regex_canonicalize(n->value, p->unicode);
            first_add(p, f, k, k);
        }
        if (n->value >= 0x10000) first_add(p, f, 0xD800, 0xDBFF);
        return false;
    case N_ANY:
        f->unknown = true;
        return false;
    case N_CLASS:
        if (n->flag) {
            // An inverted class matches everything outside its ranges.
            uint32_t next = 0;
            for (uint32_t i = 0; i < n->set.count && next < 256; i++) {
                if (n->set.ranges[i].first > next) first_add(p, f, next, n->set.ranges[i].first - 1);
                next = n->set.ranges[i].last + 1;
            }
            if (next < 256) first_add(p, f, next, 255);
            f->high = true;
        } else {
            for (uint32_t i = 0; i < n->set.count; i++) first_add(p, f, n->set.ranges[i].first, n->set.ranges[i].last);
        }
        return false;
    case N_SEQ:
        for (const Node *c = n->child; c; c = c->next)
            if (!first_set(p, c, f, depth + 1)) return false;
        return true;
    case N_ALT: {
        bool nullable = false;
        for (const Node *c = n->child; c; c = c->next) nullable |= first_set(p, c, f, depth + 1);
        return nullable;
    }
    case N_GROUP:
        return first_set(p, n->child, f, depth + 1);
    case N_QUANT:
        if (n->max == 0) return true;
        return first_set(p, n->child, f, depth + 1) || n->min == 0;
    default:   // a backreference may be empty or anything
        f->unknown = true;
        return false;
    }
}

// With ignoreCase, every unit below 256 that canonicalizes like a member joins the set, and units
// above 255 are allowed (a few fold onto Latin-1 letters, e.g. K and ſ).
static void first_close_over_case(Parser *p, FirstSet *f) {
    uint32_t canonical[8] = {0};
    for (uint32_t c = 0; c < 256; c++)
        if (f->bits[c >> 5] & (1u << (c & 31))) {
            uint32_t k = regex_canonicalize(c, p->unicode);
            if (k < 256) canonical[k >> 5] |= 1u << (k & 31);
        }
    for (uint32_t c = 0; c < 256; c++) {
        uint32_t k = regex_canonicalize(c, p->unicode);
        if (k < 256 && (canonical[k >> 5] & (1u << (k & 31)))) f->bits[c >> 5] |= 1u << (c & 31);
    }
    f->high = true;
}

// ---- code generation ----

static bool emit(Parser *p, uint32_t word) {
    if (p->code_length == p->code_capacity) {
        size_t capacity = p->code_capacity ? p->code_capacity * 2 : 64;
        uint32_t *code = realloc(p->code, capacity * sizeof(uint32_t));
        if (!code) { p->oom = true; return false; }
        p->code = code, p->code_capacity = capacity;
    }
    p->code[p->code_length++] = word;
    return true;
}

static bool emit2(Parser *p, uint32_t a, uint32_t b) { return emit(p, a) && emit(p, b); }

// The single-character matchers OP_STAR can repeat: no captures, no empty match.
static bool is_single_char(const Node *n) {
    return n->type == N_CHAR || n->type == N_ANY || n->type == N_CLASS;
}

static bool emit_node(Parser *p, const Node *n, bool backward);

static bool emit_char_matcher(Parser *p, const Node *n, uint32_t direction) {
    switch (n->type) {
    case N_CHAR:
        if (p->ignore_case) return emit2(p, OP_CHAR_I | direction, regex_canonicalize(n->value, p->unicode));
        return emit2(p, OP_CHAR | direction, n->value);
    case N_ANY:
        return emit(p, (p->dot_all ? OP_ANY_ALL : OP_ANY) | direction);
    default: {
        uint32_t flags = (n->flag ? CLASS_INVERT : 0) | (p->ignore_case ? CLASS_IGNORE_CASE : 0);
        if (!emit(p, OP_CLASS | direction) || !emit2(p, flags, n->set.count)) return false;
        for (uint32_t i = 0; i < n->set.count; i++)
            if (!emit2(p, n->set.ranges[i].first, n->set.ranges[i].last)) return false;
        return true;
    }
    }
}

static bool emit_quantifier(Parser *p, const Node *n, bool backward) {
    uint32_t direction = backward ? OP_BACKWARD : 0;
    if (n->max == 0) return true;
    if (n->min == 1 && n->max == 1) return emit_node(p, n->child, backward);
    if (is_single_char(n->child) && !backward) {
        return emit(p, OP_STAR) && emit2(p, n->min, n->max) && emit(p, n->flag) &&
               emit_char_matcher(p, n->child, direction);
    }
    // The general repetition (RepeatMatcher): a count and the iteration's start in registers.
    uint32_t count = p->registers++, position = p->registers++;
    if (!emit(p, OP_SET_REGISTER) || !emit2(p, count, 0)) return false;
    size_t loop = p->code_length;
    if (!emit(p, OP_LOOP) || !emit2(p, count, n->min) || !emit2(p, n->max, n->flag) || !emit(p, 0)) return false;
    size_t exit_operand = p->code_length - 1;
    if (!emit2(p, OP_LOOP_ENTER, position)) return false;
    if (n->group_end > n->group_first && (!emit(p, OP_RESET) || !emit2(p, 2 * n->group_first, 2 * n->group_end)))
        return false;
    if (!emit_node(p, n->child, backward)) return false;
    if (!emit(p, OP_LOOP_END) || !emit2(p, count, position) || !emit2(p, n->min, (uint32_t)loop)) return false;
    p->code[exit_operand] = (uint32_t)p->code_length;
    return true;
}

static bool emit_node(Parser *p, const Node *n, bool backward) {
    uint32_t direction = backward ? OP_BACKWARD : 0;
    switch (n->type) {
    case N_EMPTY:
        return true;
    case N_CHAR: case N_ANY: case N_CLASS:
        return emit_char_matcher(p, n, direction);
    case N_SEQ: {
        // Backward matching runs a sequence's terms right to left (§22.2.2.3).
        const Node *items[16];
        const Node **list = items;
        size_t count = 0;
        for (const Node *c = n->child; c; c = c->next) count++;
        if (count > 16 && !(list = malloc(count * sizeof *list))) { p->oom = true; return false; }
        size_t i = 0;
        for (const Node *c = n->child; c; c = c->next) list[i++] = c;
        bool ok = true;
        for (i = 0; i < count && ok; i++) ok = emit_node(p, list[backward ? count - 1 - i : i], backward);
        if (list != items) free(list);
        return ok;
    }
    case N_ALT: {
        size_t jumps[16];
        size_t *ends = jumps;
        size_t count = 0, alternatives = 0;
        for (const Node *c = n->child; c; c = c->next) alternatives++;
        if (alternatives > 16 && !(ends = malloc(alternatives * sizeof *ends))) { p->oom = true; return false; }
        bool ok = true;
        for (const Node *c = n->child; c && ok; c = c->next) {
            if (c->next) {
                size_t split = p->code_length;
                ok = emit2(p, OP_SPLIT, 0) && emit_node(p, c, backward) && emit2(p, OP_JUMP, 0);
                if (ok) {
                    ends[count++] = p->code_length - 1;
                    p->code[split + 1] = (uint32_t)p->code_length;
                }
            } else {
                ok = emit_node(p, c, backward);
            }
        }
        for (size_t i = 0; i < count && ok; i++) p->code[ends[i]] = (uint32_t)p->code_length;
        if (ends != jumps) free(ends);
        return ok;
    }
    case N_GROUP: {
        uint32_t open = 2 * n->value, close = 2 * n->value + 1;
        if (backward) { uint32_t t = open; open = close; close = t; }
        return emit2(p, OP_SAVE, open) && emit_node(p, n->child, backward) && emit2(p, OP_SAVE, close);
    }
    case N_BACKREF:
        return emit2(p, OP_BACKREF | direction | (p->ignore_case ? OP_IGNORE_CASE : 0), n->value);
    case N_ASSERT:
        if (n->value == OP_WORD_BOUNDARY || n->value == OP_NOT_WORD_BOUNDARY)
            return emit2(p, n->value, p->unicode && p->ignore_case);
        return emit(p, n->value);
    case N_LOOK: {
        size_t at = p->code_length;
        if (!emit(p, OP_LOOK) || !emit2(p, n->flag ? LOOK_NEGATIVE : 0, 0)) return false;
        if (!emit_node(p, n->child, n->behind) || !emit(p, OP_LOOK_END)) return false;
        p->code[at + 2] = (uint32_t)p->code_length;
        return true;
    }
    case N_QUANT:
        return emit_quantifier(p, n, backward);
    }
    return true;
}

uint32_t *regex_compile(const uint16_t *pattern, uint32_t length, uint32_t flags,
                        size_t *word_count, const char **error) {
    Parser p = {0};
    p.src = pattern, p.length = length;
    p.unicode = flags & REGEX_UNICODE, p.ignore_case = flags & REGEX_IGNORE_CASE;
    p.multiline = flags & REGEX_MULTILINE, p.dot_all = flags & REGEX_DOT_ALL;
    prescan(&p);
    Node *root = parse_disjunction(&p);
    if (root && p.pos < p.length) root = fail(&p, "Unmatched ')'");
    if (root && !resolve_names(&p, root)) root = NULL;
    uint32_t *program = NULL;
    if (root) {
        for (int i = 0; i < REGEX_HEADER_WORDS; i++) emit(&p, 0);
        bool ok = emit2(&p, OP_SAVE, 0) && emit_node(&p, root, false) && emit2(&p, OP_SAVE, 1) && emit(&p, OP_MATCH);
        FirstSet first = {0};
        size_t first_start = 0;
        if (ok && !first_set(&p, root, &first, 0) && !first.unknown) {
            if (p.ignore_case) first_close_over_case(&p, &first);
            first_start = p.code_length;
            for (int i = 0; i < 8 && ok; i++) ok = emit(&p, first.bits[i]);
            ok = ok && emit(&p, first.high);
        }
        size_t names_start = p.code_length;
        for (uint32_t i = 0; i < p.name_count && ok; i++) {
            ok = emit2(&p, p.names[i].index, p.names[i].length);
            for (uint32_t j = 0; j < p.names[i].length && ok; j++) ok = emit(&p, p.names[i].units[j]);
        }
        if (ok) {
            p.code[REGEX_WORD_FLAGS] = flags;
            p.code[REGEX_WORD_CAPTURES] = p.group_count + 1;
            p.code[REGEX_WORD_REGISTERS] = p.registers;
            p.code[REGEX_WORD_CODE_START] = REGEX_HEADER_WORDS;
            p.code[REGEX_WORD_NAMES_START] = (uint32_t)names_start;
            p.code[REGEX_WORD_NAME_COUNT] = p.name_count;
            p.code[REGEX_WORD_TOTAL] = (uint32_t)p.code_length;
            p.code[REGEX_WORD_FIRST_SET] = (uint32_t)first_start;
            program = p.code;
            *word_count = p.code_length;
            p.code = NULL;
        }
    }
    free(p.code);
    arena_free(p.arena);
    *error = p.oom ? NULL : p.error;
    return program;
}
