/*
 * regexp/match.c — the backtracking matcher. One match owns all of its state (captures, loop
 * registers, an explicit backtrack stack on malloc), so a program is shared read-only by every
 * thread that runs it. No C recursion: lookarounds push barrier entries on the same stack.
 * Past MAX_ENTRIES the match throws a RangeError instead of exhausting memory, and every
 * POLL_INTERVAL steps it polls the safepoint [SP-6], so a catastrophic pattern never blocks a
 * stop-the-world. The subject string is read in place, Latin-1 or UTF-16.
 */
#include <stdlib.h>
#include <string.h>
#include "regexp.h"
#include "program.h"
#include "../safepoint.h"
#include "../errors.h"

#define MAX_ENTRIES (1u << 22)   // 64 MB of 16-byte entries
#define POLL_INTERVAL 4096

/*
 * Backtrack entries. A choice resumes at (pc, position); slot and register entries undo one
 * write when backtracking passes them; a look entry marks the start of a lookaround body (b:
 * the enclosing lookaround's entry); star entries retry an OP_STAR with one character less
 * (greedy) or more (lazy).
 */
enum { BT_CHOICE, BT_SLOT, BT_REGISTER, BT_LOOK, BT_STAR_GREEDY, BT_STAR_LAZY };
typedef struct Entry { uint32_t kind, pc; int32_t a, b; } Entry;

typedef struct Matcher {
    ThreadState *ts;
    const uint32_t *code;
    const RegexInput *in;
    bool unicode;
    int32_t *captures, *registers;
    Entry *stack;
    uint32_t sp, capacity;
    Entry inline_stack[128];
    uint32_t steps;
} Matcher;

static inline uint32_t unit_at(const RegexInput *in, int32_t i) {
    return in->latin1 ? in->latin1[i] : in->wide[i];
}

static inline bool is_line_terminator(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static inline bool is_word(uint32_t c, bool extended) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (extended && (c == 0x17F || c == 0x212A));
}

// The character at pos going forward (width returned, 0 at the end) or the one ending at pos
// going backward. In unicode mode a surrogate pair is one character.
static inline int read_forward(const Matcher *m, int32_t pos, uint32_t *c) {
    const RegexInput *in = m->in;
    if (pos >= in->length) return 0;
    uint32_t u = unit_at(in, pos);
    if (m->unicode && u >= 0xD800 && u <= 0xDBFF && pos + 1 < in->length) {
        uint32_t v = unit_at(in, pos + 1);
        if (v >= 0xDC00 && v <= 0xDFFF) { *c = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00); return 2; }
    }
    *c = u;
    return 1;
}

static inline int read_backward(const Matcher *m, int32_t pos, uint32_t *c) {
    const RegexInput *in = m->in;
    if (pos <= 0) return 0;
    uint32_t u = unit_at(in, pos - 1);
    if (m->unicode && u >= 0xDC00 && u <= 0xDFFF && pos >= 2) {
        uint32_t v = unit_at(in, pos - 2);
        if (v >= 0xD800 && v <= 0xDBFF) { *c = 0x10000 + ((v - 0xD800) << 10) + (u - 0xDC00); return 2; }
    }
    *c = u;
    return 1;
}

// Length in words of the instruction at code[pc] (only the single-character ones OP_STAR holds).
static inline uint32_t char_op_length(const uint32_t *code, uint32_t pc) {
    switch (code[pc] & OP_MASK) {
    case OP_CHAR: case OP_CHAR_I: return 2;
    case OP_CLASS: return 3 + 2 * code[pc + 2];
    default: return 1;
    }
}

// Matches the single-character instruction op at *pos in the instruction's direction.
static inline __attribute__((always_inline)) bool step_char(const Matcher *m, const uint32_t *op, int32_t *pos) {
    uint32_t c;
    bool backward = op[0] & OP_BACKWARD;
    int width = backward ? read_backward(m, *pos, &c) : read_forward(m, *pos, &c);
    if (!width) return false;
    switch (op[0] & OP_MASK) {
    case OP_CHAR: if (c != op[1]) return false; break;
    case OP_CHAR_I: if (c != op[1] && regex_canonicalize(c, m->unicode) != op[1]) return false; break;
    case OP_ANY: if (is_line_terminator(c)) return false; break;
    case OP_ANY_ALL: break;
    default: {
        uint32_t flags = op[1];
        if (flags & CLASS_IGNORE_CASE) c = regex_canonicalize(c, m->unicode);
        uint32_t n = op[2];
        const uint32_t *ranges = op + 3;
        bool found = false;
        if (n <= 8) {
            for (uint32_t i = 0; i < n; i++) {
                if (c < ranges[2 * i]) break;
                if (c <= ranges[2 * i + 1]) { found = true; break; }
            }
        } else {
            uint32_t lo = 0, hi = n;
            while (lo < hi) {
                uint32_t mid = (lo + hi) / 2;
                if (c < ranges[2 * mid]) hi = mid;
                else if (c > ranges[2 * mid + 1]) lo = mid + 1;
                else { found = true; break; }
            }
        }
        if (found == ((flags & CLASS_INVERT) != 0)) return false;
        break;
    }
    }
    *pos += backward ? -width : width;
    return true;
}

/*
 * A greedy OP_STAR gives back one character at a time. When its continuation starts with a
 * literal, only positions where that literal follows can succeed, so the retreat goes straight
 * to the nearest one (or to the floor). Character steps keep surrogate pairs whole.
 */
static inline int32_t retreat_to_literal(const Matcher *m, const uint32_t *next, int32_t pos, int32_t floor) {
    if (next[0] != OP_CHAR || next[1] >= 0x10000 || (m->unicode && next[1] >= 0xD800 && next[1] <= 0xDFFF))
        return pos;
    uint32_t literal = next[1], c;
    while (pos > floor && (pos >= m->in->length || unit_at(m->in, pos) != literal))
        pos -= read_backward(m, pos, &c);
    return pos < floor ? floor : pos;
}

// The lazy counterpart: takes more characters while the literal that the continuation starts
// with does not follow, since the continuation would fail there. Returns the new count.
static inline uint32_t advance_to_literal(const Matcher *m, const uint32_t *atom, const uint32_t *next,
                                          int32_t *pos, uint32_t count, uint32_t max) {
    if (next[0] != OP_CHAR || next[1] >= 0x10000 || (m->unicode && next[1] >= 0xD800 && next[1] <= 0xDFFF))
        return count;
    uint32_t literal = next[1];
    while (count < max && (*pos >= m->in->length || unit_at(m->in, *pos) != literal) && step_char(m, atom, pos))
        count++;
    return count;
}

static bool push(Matcher *m, uint32_t kind, uint32_t pc, int32_t a, int32_t b) {
    if (__builtin_expect(m->sp == m->capacity, 0)) {
        if (m->capacity >= MAX_ENTRIES) {
            error_throw_range(m->ts, "Maximum call stack size exceeded");
            return false;
        }
        uint32_t capacity = m->capacity * 2;
        Entry *stack = m->stack == m->inline_stack ? malloc(capacity * sizeof(Entry))
                                                   : realloc(m->stack, capacity * sizeof(Entry));
        if (!stack) {
            error_throw_out_of_memory(m->ts);
            return false;
        }
        if (m->stack == m->inline_stack) memcpy(stack, m->inline_stack, sizeof m->inline_stack);
        m->stack = stack, m->capacity = capacity;
    }
    m->stack[m->sp++] = (Entry){kind, pc, a, b};
    return true;
}

// Compares the text of capture `group` with the input at *pos, in the op's direction.
static bool match_backref(const Matcher *m, uint32_t op, uint32_t group, int32_t *pos) {
    int32_t start = m->captures[2 * group], end = m->captures[2 * group + 1];
    if (start < 0 || end < 0) return true;
    int32_t length = end - start;
    const RegexInput *in = m->in;
    bool backward = op & OP_BACKWARD;
    int32_t at = backward ? *pos - length : *pos;
    if (at < 0 || at + length > in->length) return false;
    if (!(op & OP_IGNORE_CASE)) {
        for (int32_t i = 0; i < length; i++)
            if (unit_at(in, start + i) != unit_at(in, at + i)) return false;
    } else {
        int32_t i = 0;
        while (i < length) {
            uint32_t a = 0, b = 0;
            int wa = read_forward(m, start + i, &a), wb = read_forward(m, at + i, &b);
            if (start + i + wa > end) wa = 1, a = unit_at(in, start + i);
            if (wa != wb) return false;
            if (a != b && regex_canonicalize(a, m->unicode) != regex_canonicalize(b, m->unicode)) return false;
            i += wa;
        }
    }
    *pos = backward ? at : at + length;
    return true;
}

// The safepoint poll of long matches [SP-6]; false when the embedder interrupted the thread
// (the interrupt's error is then pending), which ends the match like any other throw.
static bool poll(ThreadState *ts) {
    safepoint_poll(ts);
    if (safepoint_interrupted(ts)) {
        safepoint_throw_interrupt(ts);
        return false;
    }
    return true;
}

// Runs the program at one start position: 1 match, 0 none, -1 exception.
static int run(Matcher *m, int32_t start) {
    const uint32_t *code = m->code;
    const RegexInput *in = m->in;
    uint32_t pc = code[REGEX_WORD_CODE_START];
    int32_t pos = start;
    int32_t barrier = -1;   // the innermost lookaround body's look entry
    m->sp = 0;
    for (;;) {
        uint32_t op = code[pc];
        switch (op & OP_MASK) {
        case OP_MATCH:
            return 1;
        case OP_CHAR: case OP_CHAR_I: case OP_ANY: case OP_ANY_ALL: case OP_CLASS:
            if (!step_char(m, code + pc, &pos)) goto fail;
            pc += char_op_length(code, pc);
            continue;
        case OP_BACKREF:
            if (!match_backref(m, op, code[pc + 1], &pos)) goto fail;
            pc += 2;
            continue;
        case OP_BOL:
            if (pos != 0) goto fail;
            pc++;
            continue;
        case OP_EOL:
            if (pos != in->length) goto fail;
            pc++;
            continue;
        case OP_BOL_MULTI:
            if (pos != 0 && !is_line_terminator(unit_at(in, pos - 1))) goto fail;
            pc++;
            continue;
        case OP_EOL_MULTI:
            if (pos != in->length && !is_line_terminator(unit_at(in, pos))) goto fail;
            pc++;
            continue;
        case OP_WORD_BOUNDARY: case OP_NOT_WORD_BOUNDARY: {
            bool extended = code[pc + 1];
            bool a = pos > 0 && is_word(unit_at(in, pos - 1), extended);
            bool b = pos < in->length && is_word(unit_at(in, pos), extended);
            if ((a != b) != ((op & OP_MASK) == OP_WORD_BOUNDARY)) goto fail;
            pc += 2;
            continue;
        }
        case OP_JUMP:
            pc = code[pc + 1];
            continue;
        case OP_SPLIT:
            if (!push(m, BT_CHOICE, code[pc + 1], pos, 0)) return -1;
            pc += 2;
            continue;
        case OP_SAVE: {
            uint32_t slot = code[pc + 1];
            if (!push(m, BT_SLOT, 0, (int32_t)slot, m->captures[slot])) return -1;
            m->captures[slot] = pos;
            pc += 2;
            continue;
        }
        case OP_RESET:
            for (uint32_t slot = code[pc + 1]; slot < code[pc + 2]; slot++) {
                if (m->captures[slot] < 0) continue;
                if (!push(m, BT_SLOT, 0, (int32_t)slot, m->captures[slot])) return -1;
                m->captures[slot] = -1;
            }
            pc += 3;
            continue;
        case OP_SET_REGISTER: {
            uint32_t r = code[pc + 1];
            if (!push(m, BT_REGISTER, 0, (int32_t)r, m->registers[r])) return -1;
            m->registers[r] = (int32_t)code[pc + 2];
            pc += 3;
            continue;
        }
        case OP_LOOP: {
            // count_reg min max greedy exit; the body starts right after.
            uint32_t count = (uint32_t)m->registers[code[pc + 1]];
            uint32_t min = code[pc + 2], max = code[pc + 3];
            uint32_t body = pc + 6, exit = code[pc + 5];
            if (count < min) { pc = body; continue; }
            if (count >= max) { pc = exit; continue; }
            if (code[pc + 4]) {
                if (!push(m, BT_CHOICE, exit, pos, 0)) return -1;
                pc = body;
            } else {
                if (!push(m, BT_CHOICE, body, pos, 0)) return -1;
                pc = exit;
            }
            continue;
        }
        case OP_LOOP_ENTER: {
            uint32_t r = code[pc + 1];
            if (!push(m, BT_REGISTER, 0, (int32_t)r, m->registers[r])) return -1;
            m->registers[r] = pos;
            pc += 2;
            continue;
        }
        case OP_LOOP_END: {
            // count_reg position_reg min loop. An iteration past the minimum that matched the
            // empty string fails (RepeatMatcher step 2.b), which ends empty loops.
            uint32_t r = code[pc + 1];
            uint32_t count = (uint32_t)m->registers[r];
            if (count >= code[pc + 3] && pos == m->registers[code[pc + 2]]) goto fail;
            if (!push(m, BT_REGISTER, 0, (int32_t)r, m->registers[r])) return -1;
            m->registers[r] = (int32_t)(count + 1);
            pc = code[pc + 4];
            if (++m->steps % POLL_INTERVAL == 0 && !poll(m->ts)) return -1;
            continue;
        }
        case OP_LOOK:
            if (!push(m, BT_LOOK, pc, pos, barrier)) return -1;
            barrier = (int32_t)m->sp - 1;
            pc += 3;
            continue;
        case OP_LOOK_END: {
            Entry look = m->stack[barrier];
            uint32_t kind = code[look.pc + 1], end = code[look.pc + 2];
            if (kind & LOOK_NEGATIVE) {
                // The body matched, so the lookaround fails: undo the body's writes first.
                while (m->sp > (uint32_t)barrier + 1) {
                    Entry e = m->stack[--m->sp];
                    if (e.kind == BT_SLOT) m->captures[e.a] = e.b;
                    else if (e.kind == BT_REGISTER) m->registers[e.a] = e.b;
                }
                m->sp--;
                barrier = look.b;
                goto fail;
            }
            // A positive lookaround is atomic: drop the body's choices but keep its undo
            // entries, so backtracking past the lookaround still restores its captures.
            uint32_t out = (uint32_t)barrier;
            for (uint32_t i = (uint32_t)barrier + 1; i < m->sp; i++)
                if (m->stack[i].kind == BT_SLOT || m->stack[i].kind == BT_REGISTER) m->stack[out++] = m->stack[i];
            m->sp = out;
            barrier = look.b;
            pos = look.a;
            pc = end;
            continue;
        }
        case OP_STAR: {
            // min max greedy, then the atom, then the continuation.
            uint32_t min = code[pc + 1], max = code[pc + 2];
            const uint32_t *atom = code + pc + 4;
            uint32_t next = pc + 4 + char_op_length(code, pc + 4);
            uint32_t count = 0;
            while (count < min) {
                if (!step_char(m, atom, &pos)) goto fail;
                count++;
            }
            if (code[pc + 3]) {
                int32_t floor = pos;
                while (count < max && step_char(m, atom, &pos)) {
                    count++;
                    if ((count & 0xFFFF) == 0 && !poll(m->ts)) return -1;
                }
                pos = retreat_to_literal(m, code + next, pos, floor);
                if (pos > floor && !push(m, BT_STAR_GREEDY, pc, pos, floor)) return -1;
            } else {
                count = advance_to_literal(m, atom, code + next, &pos, count, max);
                if (count < max && !push(m, BT_STAR_LAZY, pc, pos, (int32_t)count)) return -1;
            }
            pc = next;
            continue;
        }
        default:
            return 0;
        }
    fail:
        for (;;) {
            if (m->sp == 0) return 0;
            Entry e = m->stack[--m->sp];
            switch (e.kind) {
            case BT_SLOT:
                m->captures[e.a] = e.b;
                continue;
            case BT_REGISTER:
                m->registers[e.a] = e.b;
                continue;
            case BT_CHOICE:
                pc = e.pc, pos = e.a;
                break;
            case BT_LOOK:
                // The lookaround body failed: a negative lookaround succeeds.
                barrier = e.b;
                if (!(code[e.pc + 1] & LOOK_NEGATIVE)) continue;
                pos = e.a;
                pc = code[e.pc + 2];
                break;
            case BT_STAR_GREEDY: {
                uint32_t c;
                pc = e.pc + 4 + char_op_length(code, e.pc + 4);
                pos = e.a - read_backward(m, e.a, &c);
                if (pos < e.b) pos = e.b;
                pos = retreat_to_literal(m, code + pc, pos, e.b);
                if (pos > e.b) m->sp++, m->stack[m->sp - 1].a = pos;   // leave one less for next time
                break;
            }
            case BT_STAR_LAZY: {
                pos = e.a;
                if (!step_char(m, code + e.pc + 4, &pos)) continue;
                pc = e.pc + 4 + char_op_length(code, e.pc + 4);
                uint32_t count = advance_to_literal(m, code + e.pc + 4, code + pc, &pos, (uint32_t)e.b + 1, code[e.pc + 2]);
                if (count < code[e.pc + 2] && !push(m, BT_STAR_LAZY, e.pc, pos, (int32_t)count)) return -1;
                break;
            }
            }
            if (++m->steps % POLL_INTERVAL == 0 && !poll(m->ts)) return -1;
            break;
        }
    }
}

// AdvanceStringIndex (§22.2.5.2.3): a surrogate pair is one step in unicode mode.
static inline int32_t advance(const Matcher *m, int32_t at) {
    uint32_t c;
    int width = m->unicode ? read_forward(m, at, &c) : 1;
    return at + (width ? width : 1);
}

int regex_exec(ThreadState *ts, const uint32_t *program, const RegexInput *input, int32_t start,
               int32_t *captures) {
    uint32_t flags = program[REGEX_WORD_FLAGS];
    uint32_t slots = 2 * program[REGEX_WORD_CAPTURES], registers = program[REGEX_WORD_REGISTERS];
    int32_t register_buffer[64];
    Matcher m;   // not zeroed as a whole: the inline stack is written before it is read
    m.ts = ts, m.code = program, m.in = input, m.unicode = flags & REGEX_UNICODE;
    m.sp = 0, m.steps = 0;
    m.captures = captures;
    m.registers = registers <= 64 ? register_buffer : malloc(registers * sizeof(int32_t));
    if (!m.registers) { error_throw_out_of_memory(ts); return -1; }
    m.stack = m.inline_stack, m.capacity = sizeof m.inline_stack / sizeof m.inline_stack[0];
    // A leading literal lets the scan skip positions that cannot start a match.
    const uint32_t *first = program + program[REGEX_WORD_CODE_START] + 2;
    int32_t literal = (first[0] == OP_CHAR && first[1] < 0x10000) ? (int32_t)first[1] : -1;
    // Otherwise the compiler's first-character filter, when it made one.
    const uint32_t *first_set = program[REGEX_WORD_FIRST_SET] ? program + program[REGEX_WORD_FIRST_SET] : NULL;
    // In unicode mode a surrogate is not a character of its own, so it cannot guide the scan,
    // and a start inside a pair backs up to the pair's lead, as V8 does.
    if (m.unicode && literal >= 0xD800 && literal <= 0xDFFF) literal = -1;
    if (m.unicode && start > 0 && start < input->length && unit_at(input, start) >= 0xDC00 &&
        unit_at(input, start) <= 0xDFFF && unit_at(input, start - 1) >= 0xD800 && unit_at(input, start - 1) <= 0xDBFF)
        start--;
    int result = 0;
    for (int32_t at = start; at <= input->length;) {
        if (literal >= 0 && !(flags & REGEX_STICKY)) {
            while (at < input->length && unit_at(input, at) != (uint32_t)literal) at++;
            if (at >= input->length) break;
        } else if (first_set && !(flags & REGEX_STICKY)) {
            // Any unit of a surrogate pair is >= 256, so stopping at one never splits a pair.
            bool high = first_set[8];
            if (input->latin1) {
                while (at < input->length && !(first_set[input->latin1[at] >> 5] & (1u << (input->latin1[at] & 31)))) at++;
            } else {
                for (; at < input->length; at++) {
                    uint32_t u = input->wide[at];
                    if (u >= 256 ? high : (first_set[u >> 5] >> (u & 31)) & 1) break;
                }
            }
            if (at >= input->length) break;
        }
        for (uint32_t i = 0; i < slots; i++) captures[i] = -1;
        memset(m.registers, 0, registers * sizeof(int32_t));
        result = run(&m, at);
        if (result != 0 || (flags & REGEX_STICKY)) break;
        if (++m.steps % 256 == 0 && !poll(ts)) { result = -1; break; }
        at = advance(&m, at);
    }
    if (m.stack != m.inline_stack) free(m.stack);
    if (m.registers != register_buffer) free(m.registers);
    return result;
}
