/*
 * string_test.c — C unit tests of string.c and atom.c: ropes, UTF-8, atoms, array-index
 * detection, the StringBuilder, comparison and search, symbols. Driven by heap_test.c's main;
 * tests/core/test_heap.py runs each one and cites the invariants (STR-*).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include "core_test.h"

static String *flat(ThreadState *ts, Value s) {
    String *str = string_flatten(ts, s);
    CHECK(str != NULL);
    return str;
}

static bool same_units(ThreadState *ts, Value s, const uint16_t *units, size_t length) {
    String *str = flat(ts, s);
    if (str->length != length) return false;
    for (size_t i = 0; i < length; i++)
        if (string_char_at(str, (uint32_t)i) != units[i]) return false;
    return true;
}

static bool same_text(ThreadState *ts, Value s, const char *ascii) {
    size_t n = strlen(ascii);
    String *str = flat(ts, s);
    if (str->length != n) return false;
    for (size_t i = 0; i < n; i++)
        if (string_char_at(str, (uint32_t)i) != (uint8_t)ascii[i]) return false;
    return true;
}

static bool is_wide_string(Value s) { return (((Cell *)value_to_cell(s))->flags & STRING_WIDE) != 0; }

// ---- ropes [STR-2, STR-7] ----

// `s += piece` 200,000 times builds a rope 200,000 deep; flattening must not recurse.
void test_rope_flatten_deep(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    enum { N = 200000 };
    static const uint16_t omega[] = {0x3A9};
    Value *pieces = ts->sp;
    test_push_root(ts, string_from_cstr(ts, "ab"));
    test_push_root(ts, string_from_cstr(ts, "c"));
    test_push_root(ts, string_from_latin1(ts, (const uint8_t *)"d\xe9", 2));
    test_push_root(ts, string_from_utf16(ts, omega, 1));
    Value *s = test_push_root(ts, string_empty(ts));
    uint16_t *expected = malloc(3 * (size_t)N * sizeof *expected);
    size_t length = 0;
    for (int i = 0; i < N; i++) {
        int which = i == 150000 ? 3 : i % 3;
        Value piece = pieces[which];
        *s = string_concat(ts, *s, piece);
        CHECK(!value_is_exception(*s));
        String *p = value_to_cell(piece);
        for (uint32_t k = 0; k < p->length; k++) expected[length++] = string_char_at(p, k);
    }
    CHECK(value_cell_type(*s) == CELL_ROPE);
    CHECK(((Rope *)value_to_cell(*s))->depth >= N - 20);
    CHECK(string_length(*s) == length);
    CHECK(is_wide_string(*s));
    CHECK(same_units(ts, *s, expected, length));
    // Flattening published its result and dropped the children: the rope is an indirection.
    Rope *rope = value_to_cell(*s);
    CHECK(rope->flat != JS_UNDEFINED && rope->left == JS_UNDEFINED && rope->right == JS_UNDEFINED);
    CHECK(string_flatten(ts, *s) == value_to_cell(rope->flat));
    heap_collect(ts);
    CHECK(same_units(ts, *s, expected, length));
    free(expected);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// `s = piece + s` builds a right-deep rope: the flattening stack grows on the heap instead.
void test_rope_flatten_right_deep(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    enum { N = 100000 };
    Value *piece = test_push_root(ts, string_from_cstr(ts, "xy"));
    Value *s = test_push_root(ts, string_from_cstr(ts, "END"));
    for (int i = 0; i < N; i++) {
        if (i == N / 2) *piece = string_from_cstr(ts, "z");
        *s = string_concat(ts, *piece, *s);
    }
    String *str = flat(ts, *s);
    CHECK(str->length == (N / 2) * 2 + (N / 2) + 3);
    for (uint32_t i = 0; i < N / 2; i++) CHECK(string_char_at(str, i) == 'z');
    for (uint32_t i = 0; i < N; i++) CHECK(string_char_at(str, N / 2 + i) == (i % 2 ? 'y' : 'x'));
    CHECK(string_char_at(str, str->length - 1) == 'D');
    test_thread_detach(ts);
    test_runtime_free(rt);
}

void test_rope_flatten_under_stress(void) {
    Runtime *rt = test_runtime_new();
    rt->gc_stress = true;
    ThreadState *ts = test_thread_attach(rt, 1024);
    Value *s = test_push_root(ts, string_empty(ts));
    char expected[40000];
    size_t length = 0;
    for (int i = 0; i < 3000; i++) {
        char piece[16];
        int n = snprintf(piece, sizeof piece, "%d,", i);
        Value p = string_from_cstr(ts, piece);
        *s = string_concat(ts, *s, p);
        memcpy(expected + length, piece, (size_t)n);
        length += (size_t)n;
        if (i % 500 == 0) CHECK(!value_is_exception(atom_from_string(ts, *s)));
    }
    expected[length] = '\0';
    CHECK(same_text(ts, *s, expected));
    char error[512] = "";
    CHECK(heap_verify(ts, error, sizeof error));
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// ---- UTF-8 ----

static void check_decodes(ThreadState *ts, const char *bytes, size_t n, bool wtf8, const uint16_t *units, size_t count) {
    Value s = wtf8 ? string_from_wtf8(ts, bytes, n) : string_from_utf8(ts, bytes, n);
    CHECK(!value_is_exception(s));
    CHECK(same_units(ts, s, units, count));
}

static void check_encodes(ThreadState *ts, const uint16_t *units, size_t count, const char *expected) {
    Value s = string_from_utf16(ts, units, count);
    size_t n = 0;
    char *utf8 = string_to_utf8(ts, s, &n);
    CHECK(utf8 != NULL);
    CHECK(n == strlen(expected) && memcmp(utf8, expected, n) == 0);
    free(utf8);
}

void test_utf8_round_trips(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    const char *texts[] = {"hello", "h\xc3\xa9llo", "\xf0\x9f\x98\x80", "a\xe2\x82\xac\xf0\x9f\x98\x80z",
                           "\xef\xbf\xbd", "\xe4\xb8\xad\xe6\x96\x87", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        Value s = string_from_utf8(ts, texts[i], strlen(texts[i]));
        size_t n;
        char *back = string_to_utf8(ts, s, &n);
        CHECK(n == strlen(texts[i]) && memcmp(back, texts[i], n) == 0);
        free(back);
    }
    // Width is canonical: é alone stays Latin-1, the emoji needs UTF-16 [STR-5].
    CHECK(!is_wide_string(string_from_utf8(ts, "h\xc3\xa9llo", 6)));
    static const uint16_t emoji[] = {0xD83D, 0xDE00};
    check_decodes(ts, "\xf0\x9f\x98\x80", 4, false, emoji, 2);
    check_decodes(ts, "a\0b", 3, false, (const uint16_t[]){'a', 0, 'b'}, 3);
    // Invalid input: one U+FFFD per maximal invalid subpart (WHATWG).
    check_decodes(ts, "\xc0\x80", 2, false, (const uint16_t[]){0xFFFD, 0xFFFD}, 2);
    check_decodes(ts, "\xe2\x82", 2, false, (const uint16_t[]){0xFFFD}, 1);
    check_decodes(ts, "\xe2\x82" "A", 3, false, (const uint16_t[]){0xFFFD, 'A'}, 2);
    check_decodes(ts, "\xed\xa0\x80", 3, false, (const uint16_t[]){0xFFFD, 0xFFFD, 0xFFFD}, 3);
    check_decodes(ts, "\xf4\x90\x80\x80", 4, false, (const uint16_t[]){0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 4);
    check_decodes(ts, "\xff" "x", 2, false, (const uint16_t[]){0xFFFD, 'x'}, 2);
    // WTF-8 keeps encoded surrogates, lone or paired.
    check_decodes(ts, "\xed\xa0\x80", 3, true, (const uint16_t[]){0xD800}, 1);
    check_decodes(ts, "\xed\xa0\xbd\xed\xb8\x80", 6, true, emoji, 2);
    // Output: pairs become four bytes, lone surrogates U+FFFD.
    check_encodes(ts, emoji, 2, "\xf0\x9f\x98\x80");
    check_encodes(ts, (const uint16_t[]){0xD800, 'a'}, 2, "\xef\xbf\xbd" "a");
    check_encodes(ts, (const uint16_t[]){0xDC00}, 1, "\xef\xbf\xbd");
    check_encodes(ts, (const uint16_t[]){0xDE00, 0xD83D}, 2, "\xef\xbf\xbd\xef\xbf\xbd");
    check_encodes(ts, (const uint16_t[]){0xE9, 0x7FF, 0x800}, 3, "\xc3\xa9\xdf\xbf\xe0\xa0\x80");
    test_thread_detach(ts);
    test_runtime_free(rt);
}

// ---- atoms [STR-3, STR-4] ----

typedef struct AtomWorker {
    Runtime *rt;
    Value *results;
    pthread_t thread;
} AtomWorker;

static void *atom_worker(void *arg) {
    AtomWorker *w = arg;
    ThreadState *ts = test_thread_attach(w->rt, 64);
    for (int i = 0; i < 2000; i++) {
        char name[32];
        snprintf(name, sizeof name, "shared_%d", i);
        w->results[i] = i % 2 ? atom_from_cstr(ts, name) : atom_from_string(ts, string_from_cstr(ts, name));
    }
    test_thread_detach(ts);
    return NULL;
}

void test_atoms_unique(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    Value hello = atom_from_cstr(ts, "hello");
    Value plain = string_from_cstr(ts, "hello");
    CHECK(string_is_atom(hello) && !string_is_atom(plain));
    CHECK(atom_from_string(ts, plain) == hello);
    CHECK(atom_from_cstr(ts, "hellp") != hello);
    Value rope = string_concat(ts, string_from_cstr(ts, "abcdefghijklmnop"), string_from_cstr(ts, "qrstuvwxyz0123"));
    CHECK(value_cell_type(rope) == CELL_ROPE);
    CHECK(atom_from_string(ts, rope) == atom_from_cstr(ts, "abcdefghijklmnopqrstuvwxyz0123"));
    static const uint16_t wide[] = {0x3A9, 'x'};
    Value w = atom_from_string(ts, string_from_utf16(ts, wide, 2));
    CHECK(is_wide_string(w) && atom_from_string(ts, string_from_utf16(ts, wide, 2)) == w);
    CHECK(ATOM(ts, length) == atom_from_cstr(ts, "length"));
    CHECK(ATOM(ts, __proto__) == atom_from_cstr(ts, "__proto__"));
    for (int i = 0; i < ATOM_COUNT; i++)
        for (int j = i + 1; j < ATOM_COUNT; j++) CHECK(rt->common_atoms[i] != rt->common_atoms[j]);
    // One-unit strings are atoms, except digits, which are array indexes.
    CHECK(atom_from_cstr(ts, "a") == string_from_char_code(ts, 'a'));
    CHECK(string_is_atom(string_from_char_code(ts, 'a')));
    CHECK(!string_is_atom(string_from_char_code(ts, '5')));
    CHECK(string_is_atom(string_empty(ts)) && atom_from_cstr(ts, "") == string_empty(ts));
    // Atoms live as long as the runtime, even when nothing else holds them.
    uintptr_t hidden[100];
    for (int i = 0; i < 100; i++) {
        char name[32];
        snprintf(name, sizeof name, "k%d", i);
        hidden[i] = (uintptr_t)value_to_cell(atom_from_cstr(ts, name)) ^ 0x5555;
    }
    heap_collect(ts);
    for (int i = 0; i < 100; i++) {
        char name[32];
        snprintf(name, sizeof name, "k%d", i);
        Value again = atom_from_cstr(ts, name);
        CHECK((uintptr_t)value_to_cell(again) == (hidden[i] ^ 0x5555));
        CHECK(same_text(ts, again, name));
    }
    // Threads racing to intern the same names all get the same cells.
    enum { WORKERS = 4 };
    AtomWorker workers[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        workers[i] = (AtomWorker){rt, calloc(2000, sizeof(Value)), 0};
        CHECK(pthread_create(&workers[i].thread, NULL, atom_worker, &workers[i]) == 0);
    }
    safepoint_enter_blocked(ts);
    for (int i = 0; i < WORKERS; i++) pthread_join(workers[i].thread, NULL);
    safepoint_leave_blocked(ts);
    for (int k = 0; k < 2000; k++) {
        for (int i = 1; i < WORKERS; i++) CHECK(workers[i].results[k] == workers[0].results[k]);
        char name[32];
        snprintf(name, sizeof name, "shared_%d", k);
        CHECK(atom_from_cstr(ts, name) == workers[0].results[k]);
    }
    for (int i = 0; i < WORKERS; i++) free(workers[i].results);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

void test_array_index_detection(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    static const struct { const char *text; bool is_index; uint32_t index; } cases[] = {
        {"0", true, 0}, {"7", true, 7}, {"17", true, 17}, {"4294967294", true, 4294967294u},
        {"2147483648", true, 2147483648u}, {"4294967295", false, 0}, {"4294967296", false, 0},
        {"01", false, 0}, {"00", false, 0}, {"-0", false, 0}, {"-1", false, 0}, {"", false, 0},
        {"1a", false, 0}, {" 1", false, 0}, {"1.0", false, 0}, {"99999999999", false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t index = 12345;
        bool is_index = string_is_array_index(ts, string_from_cstr(ts, cases[i].text), &index);
        CHECK(is_index == cases[i].is_index);
        if (is_index) CHECK(index == cases[i].index);
    }
    static const uint16_t fullwidth_one[] = {0xFF11};
    uint32_t index;
    CHECK(!string_is_array_index(ts, string_from_utf16(ts, fullwidth_one, 1), &index));
    CHECK(!string_is_array_index(ts, ATOM(ts, length), &index));
    test_thread_detach(ts);
    test_runtime_free(rt);
}

void test_string_builder(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    StringBuilder b;
    string_builder_init(&b, ts);
    Value empty = string_builder_finish(&b);
    CHECK(empty == string_empty(ts));

    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "abc");
    string_builder_append_char(&b, 'd');
    string_builder_append_char(&b, 0xE9);
    Value rope = string_concat(ts, string_from_cstr(ts, "0123456789012345"), string_from_cstr(ts, "6789012345"));
    string_builder_append_string(&b, rope);
    Value narrow = string_builder_finish(&b);
    CHECK(!is_wide_string(narrow));
    CHECK(same_text(ts, narrow, "abcd\xe9" "01234567890123456789012345"));

    string_builder_init(&b, ts);
    for (int i = 0; i < 1000; i++) string_builder_append_char(&b, (uint16_t)('a' + i % 26));
    string_builder_append_char(&b, 0x3A9);
    string_builder_append_string(&b, string_from_utf16(ts, (const uint16_t[]){0x4E2D, 'z'}, 2));
    string_builder_append_latin1(&b, (const uint8_t *)"\xff!", 2);
    Value wide = string_builder_finish(&b);
    CHECK(is_wide_string(wide));
    String *w = flat(ts, wide);
    CHECK(w->length == 1005);
    for (uint32_t i = 0; i < 1000; i++) CHECK(string_char_at(w, i) == 'a' + i % 26);
    CHECK(string_char_at(w, 1000) == 0x3A9 && string_char_at(w, 1001) == 0x4E2D);
    CHECK(string_char_at(w, 1002) == 'z' && string_char_at(w, 1003) == 0xFF && string_char_at(w, 1004) == '!');

    string_builder_init(&b, ts);
    string_builder_append_cstr(&b, "discarded");
    string_builder_discard(&b);
    CHECK(b.narrow == NULL && b.wide == NULL);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

void test_string_operations(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    Value left = string_from_cstr(ts, "abcdefghijklmnopqrst");
    Value right = string_from_cstr(ts, "uvwxyz");
    Value rope = string_concat(ts, left, right);
    Value plain = string_from_cstr(ts, "abcdefghijklmnopqrstuvwxyz");
    CHECK(value_cell_type(rope) == CELL_ROPE && value_cell_type(plain) == CELL_STRING);
    CHECK(value_cell_type(string_concat(ts, right, right)) == CELL_STRING);   // short: copied
    CHECK(string_concat(ts, left, string_empty(ts)) == left);
    CHECK(string_equals(ts, rope, plain));
    CHECK(string_hash(ts, rope) == string_hash(ts, plain));
    CHECK(string_hash(ts, plain) != 0);
    CHECK(!string_equals(ts, plain, left));
    CHECK(string_compare(ts, rope, plain) == 0);
    CHECK(string_compare(ts, left, plain) < 0 && string_compare(ts, plain, left) > 0);
    CHECK(string_compare(ts, string_from_cstr(ts, "b"), string_from_cstr(ts, "abc")) > 0);
    Value upper = string_from_utf16(ts, (const uint16_t[]){0x100}, 1);
    Value ff = string_from_char_code(ts, 0xFF);
    CHECK(string_compare(ts, upper, ff) > 0 && string_compare(ts, ff, upper) < 0);
    CHECK(!string_equals(ts, upper, ff));
    // Search.
    CHECK(string_index_of(ts, plain, string_from_cstr(ts, "xyz"), 0) == 23);
    CHECK(string_index_of(ts, plain, string_from_cstr(ts, "abc"), 1) == -1);
    CHECK(string_index_of(ts, plain, string_empty(ts), 5) == 5);
    CHECK(string_index_of(ts, plain, string_empty(ts), 500) == 26);
    CHECK(string_index_of(ts, plain, upper, 0) == -1);
    Value mixed = string_from_utf16(ts, (const uint16_t[]){'a', 0x3A9, 'b', 0x3A9, 'c'}, 5);
    Value omega_c = string_from_utf16(ts, (const uint16_t[]){0x3A9, 'c'}, 2);
    CHECK(string_index_of(ts, mixed, omega_c, 0) == 3);
    CHECK(string_index_of(ts, mixed, string_from_cstr(ts, "b"), 0) == 2);
    // Substrings narrow when they can [STR-5].
    Value sub = string_substring(ts, mixed, 2, 3);
    CHECK(!is_wide_string(sub) && same_text(ts, sub, "b"));
    Value sub_wide = string_substring(ts, mixed, 1, 4);
    CHECK(is_wide_string(sub_wide) && string_length(sub_wide) == 3);
    CHECK(string_substring(ts, plain, 0, 26) == plain);
    CHECK(same_text(ts, string_substring(ts, rope, 3, 8), "defgh"));
    CHECK(string_length(string_substring(ts, plain, 9, 4)) == 0);
    // Too long: doubling a rope hits the limit without building the text [STR-6].
    Value *s = test_push_root(ts, string_from_cstr(ts, "ab"));
    Value result = *s;
    for (int i = 0; i < 40 && !value_is_exception(result); i++) {
        *s = result;
        result = string_concat(ts, *s, *s);
    }
    CHECK(value_is_exception(result));
    CHECK(strcmp(test_last_range_error, "Invalid string length") == 0);
    CHECK(string_length(*s) <= STRING_MAX_LENGTH);
    test_thread_detach(ts);
    test_runtime_free(rt);
}

void test_symbols(void) {
    Runtime *rt = test_runtime_new();
    ThreadState *ts = test_thread_attach(rt, 1024);
    Value description = string_from_cstr(ts, "tag");
    Value a = symbol_new(ts, description);
    Value b = symbol_new(ts, description);
    CHECK(value_is_symbol(a) && a != b);
    CHECK(symbol_key_for(ts, a) == JS_UNDEFINED);
    Value registered = symbol_for(ts, string_from_cstr(ts, "app.key"));
    CHECK(symbol_for(ts, string_from_cstr(ts, "app.key")) == registered);
    CHECK(same_text(ts, symbol_key_for(ts, registered), "app.key"));
    // Keyed by text: an index-like key works and does not become an atom [STR-4].
    Value one = symbol_for(ts, string_from_cstr(ts, "1"));
    CHECK(symbol_for(ts, string_from_char_code(ts, '1')) == one);
    CHECK(!string_is_atom(symbol_key_for(ts, one)));
    uintptr_t hidden = (uintptr_t)value_to_cell(registered) ^ 0x5555;
    heap_collect(ts);
    CHECK((uintptr_t)value_to_cell(symbol_for(ts, string_from_cstr(ts, "app.key"))) == (hidden ^ 0x5555));
    Value iterator = SYMBOL(ts, iterator);
    CHECK(value_is_symbol(iterator));
    CHECK(same_text(ts, ((Symbol *)value_to_cell(iterator))->description, "Symbol.iterator"));
    CHECK(same_text(ts, ((Symbol *)value_to_cell(SYMBOL(ts, toStringTag)))->description, "Symbol.toStringTag"));
    test_thread_detach(ts);
    test_runtime_free(rt);
}
