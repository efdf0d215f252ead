/*
 * builtins/uri.c — encodeURI, encodeURIComponent, decodeURI, decodeURIComponent (ES2020
 * §18.2.6): the spec's Encode and Decode over UTF-16 code units, UTF-8 on the escaped side.
 * Every failure (a lone surrogate to encode, a bad %XX escape, a byte sequence that is not
 * well-formed UTF-8 per Table 3-7 of the Unicode standard) is a URIError "URI malformed", as
 * in V8. Strings are immutable, so the flat source needs no lock; the loops poll the safepoint
 * because a string can be long [SP-6].
 */
#include <string.h>

#include "builtins.h"
#include "../safepoint.h"

// The sets of §18.2.6.1: uriReserved, uriUnescaped (alphanumerics and uriMark) and "#".
static const char URI_RESERVED[] = ";/?:@&=+$,";
static const char URI_MARK[] = "-_.!~*'()";

enum { URI_WITH_RESERVED = 1, URI_WITH_HASH = 2 };

// Whether unit c is in the set selected by `sets`; the alphanumerics only when `alnum`.
static bool uri_in_set(uint16_t c, bool alnum, int sets) {
    if (c >= 128 || c == 0) return false;
    if (alnum && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        return true;
    if (alnum && strchr(URI_MARK, c)) return true;
    if ((sets & URI_WITH_RESERVED) && strchr(URI_RESERVED, c)) return true;
    return (sets & URI_WITH_HASH) && c == '#';
}

static Value uri_malformed(ThreadState *ts, StringBuilder *b) {
    string_builder_discard(b);
    return error_throw_kind(ts, ERROR_URI, "URI malformed");
}

static String *uri_source(ThreadState *ts, const Value *args, int argc) {
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return NULL;
    return string_flatten(ts, s);
}

// Encode (§18.2.6.1.1). magic: 1 encodeURI (reserved and "#" stay), 0 encodeURIComponent.
static Value uri_encode(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    String *s = uri_source(ts, args, argc);
    if (!s) return JS_EXCEPTION;
    int keep = magic ? URI_WITH_RESERVED | URI_WITH_HASH : 0;
    static const char hex[] = "0123456789ABCDEF";
    StringBuilder b;
    string_builder_init(&b, ts);
    for (uint32_t k = 0; k < s->length; k++) {
        if ((k & 0xFFFF) == 0) safepoint_poll(ts);
        uint16_t c = string_char_at(s, k);
        if (uri_in_set(c, true, keep)) {
            string_builder_append_char(&b, c);
            continue;
        }
        uint32_t cp = c;
        if (c >= 0xDC00 && c <= 0xDFFF) return uri_malformed(ts, &b);
        if (c >= 0xD800 && c <= 0xDBFF) {
            uint16_t next = k + 1 < s->length ? string_char_at(s, k + 1) : 0;
            if (next < 0xDC00 || next > 0xDFFF) return uri_malformed(ts, &b);
            cp = 0x10000 + (((uint32_t)c - 0xD800) << 10) + (next - 0xDC00);
            k++;
        }
        uint8_t octets[4];
        int n;
        if (cp < 0x80) octets[0] = (uint8_t)cp, n = 1;
        else if (cp < 0x800) octets[0] = 0xC0 | (cp >> 6), n = 2;
        else if (cp < 0x10000) octets[0] = 0xE0 | (cp >> 12), n = 3;
        else octets[0] = 0xF0 | (cp >> 18), n = 4;
        for (int i = n - 1; i > 0; i--, cp >>= 6) octets[i] = 0x80 | (cp & 0x3F);
        for (int i = 0; i < n; i++) {
            string_builder_append_char(&b, '%');
            string_builder_append_char(&b, (uint16_t)hex[octets[i] >> 4]);
            string_builder_append_char(&b, (uint16_t)hex[octets[i] & 15]);
        }
    }
    return string_builder_finish(&b);
}

static int hex_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The byte of the escape "%XX" at k, or -1 when there is none.
static int escape_at(const String *s, uint32_t k) {
    if (k >= s->length || s->length - k < 3 || string_char_at(s, k) != '%') return -1;
    int hi = hex_value(string_char_at(s, k + 1)), lo = hex_value(string_char_at(s, k + 2));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

// Decode (§18.2.6.1.2). magic: 1 decodeURI (escapes of uriReserved and "#" stay as written),
// 0 decodeURIComponent.
static Value uri_decode(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    String *s = uri_source(ts, args, argc);
    if (!s) return JS_EXCEPTION;
    int reserved = magic ? URI_WITH_RESERVED | URI_WITH_HASH : 0;
    StringBuilder b;
    string_builder_init(&b, ts);
    uint32_t length = s->length;
    for (uint32_t k = 0; k < length; k++) {
        if ((k & 0xFFFF) == 0) safepoint_poll(ts);
        uint16_t c = string_char_at(s, k);
        if (c != '%') {
            string_builder_append_char(&b, c);
            continue;
        }
        int byte = escape_at(s, k);
        if (byte < 0) return uri_malformed(ts, &b);
        if (byte < 0x80) {
            if (uri_in_set((uint16_t)byte, false, reserved))
                string_builder_append_range(&b, s, k, k + 3);
            else
                string_builder_append_char(&b, (uint16_t)byte);
            k += 2;
            continue;
        }
        // A lead byte gives the sequence length; the ranges of the second byte exclude
        // overlong forms, surrogates and code points past U+10FFFF (Unicode Table 3-7).
        int n;
        uint32_t cp;
        uint8_t second_min = 0x80, second_max = 0xBF;
        if (byte >= 0xC2 && byte <= 0xDF) n = 2, cp = byte & 0x1F;
        else if (byte >= 0xE0 && byte <= 0xEF) {
            n = 3, cp = byte & 0x0F;
            if (byte == 0xE0) second_min = 0xA0;
            if (byte == 0xED) second_max = 0x9F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            n = 4, cp = byte & 0x07;
            if (byte == 0xF0) second_min = 0x90;
            if (byte == 0xF4) second_max = 0x8F;
        } else {
            return uri_malformed(ts, &b);
        }
        k += 2;
        for (int j = 1; j < n; j++) {
            int next = escape_at(s, k + 1);
            if (next < 0) return uri_malformed(ts, &b);
            uint8_t lo = j == 1 ? second_min : 0x80, hi = j == 1 ? second_max : 0xBF;
            if (next < lo || next > hi) return uri_malformed(ts, &b);
            cp = (cp << 6) | (next & 0x3F);
            k += 3;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            string_builder_append_char(&b, (uint16_t)(0xD800 + (cp >> 10)));
            string_builder_append_char(&b, (uint16_t)(0xDC00 + (cp & 0x3FF)));
        } else {
            string_builder_append_char(&b, (uint16_t)cp);
        }
    }
    return string_builder_finish(&b);
}

static const BuiltinEntry uri_table[] = {
    BUILTIN_FN_MAGIC("decodeURI", uri_decode, 1, 1),
    BUILTIN_FN_MAGIC("decodeURIComponent", uri_decode, 1, 0),
    BUILTIN_FN_MAGIC("encodeURI", uri_encode, 1, 1),
    BUILTIN_FN_MAGIC("encodeURIComponent", uri_encode, 1, 0),
};

bool builtins_install_uri(ThreadState *ts) {
    return builtins_install_table(ts, ts->rt->realm.global_object, uri_table, BUILTIN_COUNT(uri_table));
}
