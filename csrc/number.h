/*
 * number.h — spec-exact conversion between doubles and JavaScript number strings.
 * Pure functions: no engine types, no allocation, no global state, no locale dependence,
 * so any thread may call them at any time. Output is ASCII, NUL-terminated, and every
 * formatter returns the length written (excluding the NUL).
 */
#ifndef JST_NUMBER_H
#define JST_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Enough for every formatter except number_to_string_radix: the longest result is
 * toFixed(-999999999999999868928, 100) at 123 characters. */
#define NUMBER_BUF_SIZE 128
/* (2^-1074).toString(2) has 1074 fraction digits; (-2^1023).toString(2) has 1025 chars. */
#define NUMBER_RADIX_BUF_SIZE 1100

/* Number::toString(x): shortest round-trip digits, closest to x among the shortest. */
int number_to_string(double d, char *buf);
/* Number.prototype.toString(radix), radix 2..36, digit-for-digit like V8. */
int number_to_string_radix(double d, int radix, char *buf);
/* Number.prototype.toFixed, digits 0..100 (clamped); |d| >= 1e21 falls back to toString. */
int number_to_fixed(double d, int digits, char *buf);
/* Number.prototype.toExponential; digits -1 means the argument was undefined. */
int number_to_exponential(double d, int digits, char *buf);
/* Number.prototype.toPrecision, precision 1..100 (clamped). */
int number_to_precision(double d, int precision, char *buf);

/* StringToNumber over UTF-16 code units (Latin-1 strings are widened by the caller). */
double number_from_string(const uint16_t *s, size_t len);
/* The global parseFloat. */
double number_parse_float(const uint16_t *s, size_t len);
/* The global parseInt; radix is ToInt32(radix), 0 meaning undefined. */
double number_parse_int(const uint16_t *s, size_t len, int radix);
/* WhiteSpace or LineTerminator, the set StringToNumber and parseInt trim. */
bool number_is_js_whitespace(uint32_t c);

/* True when ToString(d) is an array index: d is an integer in [0, 2^32 - 2] (-0 counts as 0). */
bool number_to_index_string(double d, uint32_t *index);

#endif
