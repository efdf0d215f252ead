/*
 * regexp/unicode.c — the Unicode data the regexp engine reads: Canonicalize for both modes
 * (§22.2.2.7.3), identifier characters for group names, and the sets behind \p{...}. Every
 * table comes from unicode_tables.h, which tools/gen_unicode.py generates (case data from
 * Python's unicodedata, property sets from node's ICU); nothing here is written by hand. All
 * functions are pure lookups.
 */
#include <string.h>
#include "regexp.h"
#include "unicode_tables.h"

#define COUNT(table) (sizeof(table) / sizeof((table)[0]))

static bool in_ranges(const uint32_t (*ranges)[2], size_t count, uint32_t c) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < ranges[mid][0]) hi = mid;
        else if (c > ranges[mid][1]) lo = mid + 1;
        else return true;
    }
    return false;
}

uint32_t regex_canonicalize(uint32_t c, bool unicode) {
    // ASCII first: the common case, and the only one most patterns ever see.
    if (c < 128) {
        if (unicode) return c >= 'A' && c <= 'Z' ? c + 32 : c;
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    const uint32_t (*pairs)[2] = unicode ? regex_case_pairs_unicode : regex_case_pairs_legacy;
    size_t lo = 0, hi = unicode ? COUNT(regex_case_pairs_unicode) : COUNT(regex_case_pairs_legacy);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < pairs[mid][0]) hi = mid;
        else if (c > pairs[mid][0]) lo = mid + 1;
        else return pairs[mid][1];
    }
    return c;
}

const uint32_t (*regex_case_pairs(bool unicode, size_t *count))[2] {
    *count = unicode ? COUNT(regex_case_pairs_unicode) : COUNT(regex_case_pairs_legacy);
    return unicode ? regex_case_pairs_unicode : regex_case_pairs_legacy;
}

bool regex_is_id_start(uint32_t c) {
    return in_ranges(regex_id_start, COUNT(regex_id_start), c);
}

bool regex_is_id_continue(uint32_t c) {
    return in_ranges(regex_id_continue, COUNT(regex_id_continue), c);
}

static const RegexPropertyName *find_property(const char *name) {
    size_t lo = 0, hi = COUNT(regex_property_names);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int order = strcmp(name, regex_property_names[mid].name);
        if (order < 0) hi = mid;
        else if (order > 0) lo = mid + 1;
        else return &regex_property_names[mid];
    }
    return NULL;
}

// Names and values must match exactly, as the spec requires (no loose matching): a lone name is
// a General_Category value or a binary property; name=value takes General_Category (gc), Script
// (sc) or Script_Extensions (scx), whose values the table keys as "sc=Value" / "scx=Value".
bool regex_property_ranges(const char *name, const char *value, const RegexRange **ranges,
                           size_t *count) {
    const RegexPropertyName *p;
    if (value) {
        int kind;
        const char *prefix;
        if (!strcmp(name, "General_Category") || !strcmp(name, "gc"))
            kind = REGEX_PROPERTY_CATEGORY, prefix = "";
        else if (!strcmp(name, "Script") || !strcmp(name, "sc"))
            kind = REGEX_PROPERTY_SCRIPT, prefix = "sc=";
        else if (!strcmp(name, "Script_Extensions") || !strcmp(name, "scx"))
            kind = REGEX_PROPERTY_SCRIPT_EXTENSIONS, prefix = "scx=";
        else
            return false;
        char key[96];
        size_t prefix_length = strlen(prefix), value_length = strlen(value);
        if (prefix_length + value_length >= sizeof key) return false;
        memcpy(key, prefix, prefix_length);
        memcpy(key + prefix_length, value, value_length + 1);
        p = find_property(key);
        if (!p || p->kind != kind) return false;
    } else {
        p = find_property(name);
        // "sc=..." keys contain '=', which a lone name never does, so only these two kinds remain.
        if (!p || (p->kind != REGEX_PROPERTY_CATEGORY && p->kind != REGEX_PROPERTY_BINARY)) return false;
    }
    // The pool rows are {first, last} pairs, laid out exactly like RegexRange.
    *ranges = (const RegexRange *)regex_property_pool[p->offset];
    *count = p->count;
    return true;
}
