/*
 * regexp/regexp.h — the regular-expression engine: a pattern compiler (compile.c) that turns a
 * pattern into a compact, immutable program, and a backtracking matcher (match.c) that runs one.
 * unicode.c holds Canonicalize and the property tables. builtins/regexp.c is the only user.
 * A program never changes after compilation and holds no match state, so any number of threads
 * may run one at once; each match owns its registers and backtrack stack (malloc'd, bounded).
 * The compiler never allocates on the JS heap and never throws: it reports errors as text.
 */
#ifndef JST_REGEXP_H
#define JST_REGEXP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ThreadState ThreadState;

// Flag bits, in the order of RegExp.prototype.flags ("dgimsuy" minus d, ES2020).
enum {
    REGEX_GLOBAL = 1,
    REGEX_IGNORE_CASE = 2,
    REGEX_MULTILINE = 4,
    REGEX_DOT_ALL = 8,
    REGEX_UNICODE = 16,
    REGEX_STICKY = 32,
};

/*
 * A compiled program is a flat array of 32-bit words: the header below, then the code, then the
 * group-name table. builtins/regexp.c copies it into a CELL_BYTES cell, so the collector owns it
 * and a thread that still runs an older program (after RegExp.prototype.compile) keeps it alive
 * through its native stack [HEAP-7].
 */
enum {
    REGEX_WORD_FLAGS,          // REGEX_* bits
    REGEX_WORD_CAPTURES,       // capture groups including group 0
    REGEX_WORD_REGISTERS,      // loop registers a match needs
    REGEX_WORD_CODE_START,     // word index of the first instruction
    REGEX_WORD_NAMES_START,    // word index of the name table: per named group (index, length,
                               // then `length` UTF-16 units, one per word)
    REGEX_WORD_NAME_COUNT,
    REGEX_WORD_TOTAL,          // total words
    REGEX_WORD_FIRST_SET,      // word index of the first-character filter, 0 when there is none:
                               // 8 words of bitmap for units 0..255, then 1 if any unit >= 256
                               // may start a match
    REGEX_HEADER_WORDS
};

// Compiles pattern (UTF-16 units) with flags. On success returns a malloc'd program and its
// length in *word_count; on a syntax error returns NULL with the message (V8's wording, e.g.
// "Unterminated group") in *error, or NULL with *error = NULL when out of memory.
uint32_t *regex_compile(const uint16_t *pattern, uint32_t length, uint32_t flags,
                        size_t *word_count, const char **error);

// The string a match runs over: one of latin1/wide is set (no copy of the JS string).
typedef struct RegexInput {
    const uint8_t *latin1;
    const uint16_t *wide;
    int32_t length;
} RegexInput;

/*
 * Runs `program` over input from `start`: at start only when the program is sticky, else at
 * start, start+1, ... (RegExpBuiltinExec's loop). Returns 1 with captures[0..2*n) filled
 * (start/end code-unit indexes, -1 for unmatched groups), 0 when there is no match, -1 with an
 * exception pending (RangeError when the backtrack stack passes its limit, or out of memory).
 * Polls the safepoint every few thousand steps, so a catastrophic pattern never blocks a stop.
 */
int regex_exec(ThreadState *ts, const uint32_t *program, const RegexInput *input, int32_t start,
               int32_t *captures);

static inline uint32_t regex_capture_count(const uint32_t *program) {
    return program[REGEX_WORD_CAPTURES];
}

// Canonicalize(ch) of §22.2.2.7.3: simple case folding when unicode, else the toUpperCase rule
// that keeps single units and never maps non-ASCII to ASCII (unicode.c).
uint32_t regex_canonicalize(uint32_t c, bool unicode);

// A sorted list of disjoint inclusive code point ranges (character classes, property sets).
typedef struct RegexRange { uint32_t first, last; } RegexRange;
// Every c with Canonicalize(c) != c, with its canonical value, sorted by c (unicode.c).
const uint32_t (*regex_case_pairs(bool unicode, size_t *count))[2];
// The ranges of \p{name} or \p{name=value}; false when the property is unknown (unicode.c).
bool regex_property_ranges(const char *name, const char *value, const RegexRange **ranges,
                           size_t *count);
// ID_Start / ID_Continue for group names.
bool regex_is_id_start(uint32_t c);
bool regex_is_id_continue(uint32_t c);

#endif
