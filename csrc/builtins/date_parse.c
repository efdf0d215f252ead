/*
 * builtins/date_parse.c — Date.parse (§20.4.3.2). First the Date Time String Format of §20.4.1.15
 * in all its forms (expanded ±YYYYYY years; date-only forms are UTC, date-times without an offset
 * local); when the whole string is not that, node/V8's legacy parser: words, numbers, h:m:s,
 * AM/PM, month names, GMT/UTC/Z and US zone names, ±hhmm offsets and (comments), which covers the
 * engine's own toString/toUTCString output and forms like "Jan 2 2020" or "2020/01/02".
 * Anything else is NaN. Pure functions of the text: no allocation, no ThreadState.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

typedef struct Cursor {
    const uint16_t *chars;
    size_t length, position;
} Cursor;

static int peek(const Cursor *c) { return c->position < c->length ? c->chars[c->position] : -1; }
static bool is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static bool skip(Cursor *c, int ch) {
    if (peek(c) != ch) return false;
    c->position++;
    return true;
}

// Exactly `count` digits.
static bool digits(Cursor *c, int count, int *out) {
    int value = 0;
    for (int i = 0; i < count; i++) {
        int ch = peek(c);
        if (!is_digit(ch)) return false;
        value = value * 10 + (ch - '0');
        c->position++;
    }
    *out = value;
    return true;
}

// The local or UTC result of validated fields; offset_minutes is NAN for local time.
static double compose(double year, int month, int day, int hour, int minute, int second, int ms,
                      double offset_minutes) {
    double t = date_make_date(date_make_day(year, month, day), date_make_time(hour, minute, second, ms));
    if (isnan(offset_minutes)) return date_utc_from_local(t);
    return t - offset_minutes * 60000.0;
}

// ---- the ISO format (§20.4.1.15) ----

static double parse_iso(const uint16_t *chars, size_t length) {
    Cursor c = {chars, length, 0};
    int year, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
    int sign = peek(&c);
    if (sign == '+' || sign == '-') {
        c.position++;
        if (!digits(&c, 6, &year)) return NAN;
        if (sign == '-' && year == 0) return NAN;   // -000000 is not a year
        if (sign == '-') year = -year;
    } else if (!digits(&c, 4, &year)) {
        return NAN;
    }
    if (skip(&c, '-')) {
        if (!digits(&c, 2, &month) || month < 1 || month > 12) return NAN;
        if (skip(&c, '-') && (!digits(&c, 2, &day) || day < 1 || day > 31)) return NAN;
    }
    double offset = 0;   // date-only forms are UTC
    if (peek(&c) == 'T' || peek(&c) == 't') {
        c.position++;
        if (!digits(&c, 2, &hour) || !skip(&c, ':') || !digits(&c, 2, &minute)) return NAN;
        if (skip(&c, ':')) {
            if (!digits(&c, 2, &second)) return NAN;
            if (skip(&c, '.')) {
                // Any number of fraction digits; the first three are milliseconds.
                if (!is_digit(peek(&c))) return NAN;
                int scale = 100;
                while (is_digit(peek(&c))) {
                    ms += (peek(&c) - '0') * scale;
                    scale /= 10;
                    c.position++;
                }
            }
        }
        if (hour > 24 || minute > 59 || second > 59) return NAN;
        if (hour == 24 && (minute || second || ms)) return NAN;
        offset = NAN;   // local unless an offset follows
        int ch = peek(&c);
        if (ch == 'Z' || ch == 'z') {
            c.position++;
            offset = 0;
        } else if (ch == '+' || ch == '-') {
            c.position++;
            // ±HH:mm, and ±HHmm as V8 also accepts.
            int offset_hours, offset_minutes;
            if (!digits(&c, 2, &offset_hours)) return NAN;
            skip(&c, ':');
            if (!digits(&c, 2, &offset_minutes) || offset_hours > 23 || offset_minutes > 59) return NAN;
            offset = (ch == '-' ? -1 : 1) * (offset_hours * 60 + offset_minutes);
        }
    }
    if (c.position != length) return NAN;
    return compose(year, month - 1, day, hour, minute, second, ms, offset);
}

// ---- the legacy fallback (after V8's DateParser) ----

enum { NONE = -1 };

typedef enum { TOKEN_END, TOKEN_NUMBER, TOKEN_WORD, TOKEN_SYMBOL, TOKEN_SPACE, TOKEN_UNKNOWN } TokenKind;

typedef struct Token {
    TokenKind kind;
    int symbol;          // TOKEN_SYMBOL: the character
    double number;       // TOKEN_NUMBER
    int length;          // digits or letters
    char prefix[4];      // TOKEN_WORD: first three letters, lowercased, NUL padded
} Token;

static bool is_space(int ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' ||
           ch == 0xA0 || ch == 0xFEFF || ch == 0x2028 || ch == 0x2029 || ch == 0x1680 ||
           (ch >= 0x2000 && ch <= 0x200A) || ch == 0x202F || ch == 0x205F || ch == 0x3000;
}

static bool is_word_char(int ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= 128 && !is_space(ch));
}

static Token next_token(Cursor *c) {
    Token t = {TOKEN_END, 0, 0, 0, {0}};
    int ch = peek(c);
    if (ch < 0) return t;
    if (is_digit(ch)) {
        t.kind = TOKEN_NUMBER;
        while (is_digit(peek(c))) {
            if (t.number < 1e15) t.number = t.number * 10 + (peek(c) - '0');
            t.length++;
            c->position++;
        }
        return t;
    }
    if (is_word_char(ch)) {
        t.kind = TOKEN_WORD;
        while (is_word_char(peek(c))) {
            int w = peek(c);
            if (t.length < 3) t.prefix[t.length] = (char)(w >= 'A' && w <= 'Z' ? w + 32 : w < 128 ? w : 0x7f);
            t.length++;
            c->position++;
        }
        return t;
    }
    if (is_space(ch)) {
        while (is_space(peek(c))) c->position++;
        t.kind = TOKEN_SPACE;
        return t;
    }
    c->position++;
    if (ch == '(') {
        // A comment, nested parentheses allowed.
        int depth = 1;
        while (depth > 0 && peek(c) >= 0) {
            int inner = c->chars[c->position++];
            if (inner == '(') depth++;
            else if (inner == ')') depth--;
        }
        t.kind = TOKEN_UNKNOWN;
        return t;
    }
    if (ch == ':' || ch == '.' || ch == '-' || ch == '+' || ch == '/' || ch == ',' || ch == ')') {
        t.kind = TOKEN_SYMBOL;
        t.symbol = ch;
        return t;
    }
    t.kind = TOKEN_UNKNOWN;
    return t;
}

static Token peek_token(const Cursor *c) {
    Cursor copy = *c;
    return next_token(&copy);
}

enum { KEYWORD_NONE, KEYWORD_MONTH, KEYWORD_AM_PM, KEYWORD_ZONE };

// V8's keyword table: a word matches on its first three letters; only month names may be longer.
static int keyword(const Token *t, int *value) {
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    static const struct { const char *name; int minutes; } zones[] = {
        {"ut", 0}, {"utc", 0}, {"z", 0}, {"gmt", 0}, {"cdt", -300}, {"cst", -360}, {"edt", -240},
        {"est", -300}, {"mdt", -360}, {"mst", -420}, {"pdt", -420}, {"pst", -480},
    };
    for (int i = 0; i < 12; i++)
        if (t->length >= 3 && memcmp(t->prefix, months[i], 3) == 0) {
            *value = i + 1;
            return KEYWORD_MONTH;
        }
    if (t->length > 3) return KEYWORD_NONE;
    if (strcmp(t->prefix, "am") == 0 || strcmp(t->prefix, "pm") == 0) {
        *value = t->prefix[0] == 'a' ? 0 : 12;
        return KEYWORD_AM_PM;
    }
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (strcmp(t->prefix, zones[i].name) == 0) {
            *value = zones[i].minutes;
            return KEYWORD_ZONE;
        }
    return KEYWORD_NONE;
}

typedef struct LegacyState {
    double day_parts[3];
    int day_count;
    int named_month;           // 1..12 or NONE
    int time_parts[4];
    int time_count;
    int hour_offset;           // AM 0 / PM 12, or NONE
    int zone_sign;             // +1, -1 or 0 when no zone was given
    int zone_hour, zone_minute;
} LegacyState;

static bool is_minute(double n) { return n >= 0 && n <= 59; }
static bool is_time_expecting(const LegacyState *s, double n) {
    return (s->time_count == 1 && is_minute(n)) || (s->time_count == 2 && is_minute(n)) ||
           (s->time_count == 3 && n >= 0 && n <= 999);
}
static bool zone_is_utc(const LegacyState *s) {
    return s->zone_sign != 0 && s->zone_hour == 0 && s->zone_minute == 0;
}

static bool add_time(LegacyState *s, double n) {
    if (s->time_count >= 4 || n > 1e6) return false;
    s->time_parts[s->time_count++] = (int)n;
    return true;
}

// The first three digits of a fraction, as milliseconds.
static int fraction_ms(const Token *t, const Cursor *c, size_t start) {
    int ms = 0, scale = 100;
    for (int i = 0; i < t->length && i < 3; i++, scale /= 10) ms += (c->chars[start + i] - '0') * scale;
    return ms;
}

static double parse_legacy(const uint16_t *chars, size_t length) {
    Cursor c = {chars, length, 0};
    LegacyState s = {{0}, 0, NONE, {0}, 0, NONE, 0, NONE, NONE};
    bool has_read_number = false;
    for (;;) {
        Token t = next_token(&c);
        if (t.kind == TOKEN_END) break;
        if (t.kind == TOKEN_NUMBER) {
            has_read_number = true;
            double n = t.number;
            Token after = peek_token(&c);
            if (after.kind == TOKEN_SYMBOL && after.symbol == ':') {
                next_token(&c);
                Token again = peek_token(&c);
                if (again.kind == TOKEN_SYMBOL && again.symbol == ':') {
                    // "h::" is h:00: and only starts a time.
                    next_token(&c);
                    if (s.time_count != 0 || !add_time(&s, n) || !add_time(&s, 0)) return NAN;
                } else {
                    if (!add_time(&s, n)) return NAN;
                    if (again.kind == TOKEN_SYMBOL && again.symbol == '.') next_token(&c);
                }
            } else if (after.kind == TOKEN_SYMBOL && after.symbol == '.' && is_time_expecting(&s, n)) {
                next_token(&c);
                if (!add_time(&s, n)) return NAN;
                size_t fraction_start = c.position;
                Token fraction = next_token(&c);
                if (fraction.kind != TOKEN_NUMBER) return NAN;
                if (!add_time(&s, fraction_ms(&fraction, &c, fraction_start))) return NAN;
                s.time_count = 4;
            } else if (s.zone_sign != 0 && s.zone_hour != NONE && s.zone_minute == NONE && is_minute(n)) {
                s.zone_minute = (int)n;
            } else if (is_time_expecting(&s, n)) {
                if (!add_time(&s, n)) return NAN;
                s.time_count = 4;
                // A finished time must be followed by the end, a space, Z or a sign.
                if (after.kind != TOKEN_END && after.kind != TOKEN_SPACE &&
                    !(after.kind == TOKEN_SYMBOL && (after.symbol == '+' || after.symbol == '-')) &&
                    !(after.kind == TOKEN_WORD && after.length == 1 && after.prefix[0] == 'z'))
                    return NAN;
            } else {
                if (s.day_count >= 3) return NAN;
                s.day_parts[s.day_count++] = n;
                Token dash = peek_token(&c);
                if (dash.kind == TOKEN_SYMBOL && dash.symbol == '-') next_token(&c);
            }
        } else if (t.kind == TOKEN_WORD) {
            int value;
            int kind = keyword(&t, &value);
            if (kind == KEYWORD_AM_PM && s.time_count > 0) {
                s.hour_offset = value;
            } else if (kind == KEYWORD_MONTH) {
                s.named_month = value;
                Token dash = peek_token(&c);
                if (dash.kind == TOKEN_SYMBOL && dash.symbol == '-') next_token(&c);
            } else if (kind == KEYWORD_ZONE && has_read_number) {
                s.zone_sign = value < 0 ? -1 : 1;
                s.zone_hour = abs(value) / 60;
                s.zone_minute = abs(value) % 60;
            } else {
                // Words are ignored before the first number, and must not touch it.
                if (has_read_number) return NAN;
                if (peek_token(&c).kind == TOKEN_NUMBER) return NAN;
            }
        } else if (t.kind == TOKEN_SYMBOL && (t.symbol == '+' || t.symbol == '-') &&
                   (zone_is_utc(&s) || s.time_count > 0)) {
            // A UTC offset, only after GMT/UTC or a time: +h, +hh, +hmm, +hhmm or +hh:mm.
            s.zone_sign = t.symbol == '-' ? -1 : 1;
            double n = 0;
            int digits_length = 0;
            if (peek_token(&c).kind == TOKEN_NUMBER) {
                Token number = next_token(&c);
                n = number.number;
                digits_length = number.length;
            }
            has_read_number = true;
            Token after = peek_token(&c);
            if (after.kind == TOKEN_SYMBOL && after.symbol == ':') {
                s.zone_hour = (int)n;
                s.zone_minute = NONE;
            } else if (digits_length == 1 || digits_length == 2) {
                s.zone_hour = (int)n;
                s.zone_minute = 0;
            } else if (digits_length == 3 || digits_length == 4) {
                s.zone_hour = (int)n / 100;
                s.zone_minute = (int)n % 100;
            } else {
                return NAN;
            }
        } else if (t.kind == TOKEN_SYMBOL && (t.symbol == '+' || t.symbol == '-' || t.symbol == ')') &&
                   has_read_number) {
            return NAN;
        }
    }

    // The day: numbers around a named month, or M/D/Y, or Y/M/D when the first is not a day.
    if (s.day_count < 1) return NAN;
    int given = s.day_count;
    while (s.day_count < 3) s.day_parts[s.day_count++] = 1;
    double year, month, day;
    bool first_is_day = s.day_parts[0] >= 1 && s.day_parts[0] <= 31;
    if (s.named_month == NONE) {
        if (given == 3 && !first_is_day) {
            year = s.day_parts[0], month = s.day_parts[1], day = s.day_parts[2];
        } else {
            month = s.day_parts[0], day = s.day_parts[1], year = s.day_parts[2];
        }
    } else {
        month = s.named_month;
        if (!first_is_day) {
            year = s.day_parts[0], day = s.day_parts[1];
        } else if (given == 1) {
            day = s.day_parts[0], year = 1;
        } else {
            day = s.day_parts[0], year = s.day_parts[1];
        }
    }
    if (year >= 0 && year <= 49) year += 2000;
    else if (year >= 50 && year <= 99) year += 1900;
    if (month < 1 || month > 12 || day < 1 || day > 31) return NAN;

    // The time: h[:m[:s[.ms]]] with an optional AM/PM; hour 24 only as 24:00:00.000.
    int hour = s.time_parts[0], minute = s.time_parts[1], second = s.time_parts[2], ms = s.time_parts[3];
    if (s.time_count == 0) hour = minute = second = ms = 0;
    if (s.hour_offset != NONE) {
        if (hour < 0 || hour > 12) return NAN;
        hour = hour % 12 + s.hour_offset;
    }
    if (hour > 23 || minute > 59 || second > 59 || ms > 999) {
        if (hour != 24 || minute || second || ms) return NAN;
    }

    double offset = NAN;
    if (s.zone_sign != 0) {
        int zone_hour = s.zone_hour == NONE ? 0 : s.zone_hour;
        int zone_minute = s.zone_minute == NONE ? 0 : s.zone_minute;
        offset = s.zone_sign * (zone_hour * 60 + zone_minute);
    }
    return compose(year, (int)month - 1, (int)day, hour, minute, second, ms, offset);
}

double date_parse(const uint16_t *chars, size_t length) {
    // No date is a megabyte long; refusing such text keeps this loop, which cannot poll the
    // safepoint, short.
    if (length > DATE_PARSE_MAX_LENGTH) return NAN;
    double t = parse_iso(chars, length);
    if (!isnan(t)) return t;
    return parse_legacy(chars, length);
}
