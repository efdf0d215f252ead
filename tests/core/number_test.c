/*
 * number_test.c — stdin/stdout driver for csrc/number.c, used by test_number.py.
 * One command per line, one result line per command. Doubles travel as 16 hex digits of
 * their IEEE bits and strings as 4 hex digits per UTF-16 unit ("." for the empty string),
 * so nothing is lost in transit. Parse results print as bits, or "NaN" for any NaN.
 *   s BITS | r BITS RADIX | f BITS DIGITS | e BITS DIGITS | p BITS PRECISION
 *   n UNITS | pf UNITS | pi RADIX UNITS | w CODEPOINT | i BITS | bench COUNT
 */
#define _GNU_SOURCE
#include "number.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double bits_to_double(const char *hex)
{
    uint64_t bits = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static void print_double(double d)
{
    if (isnan(d)) {
        puts("NaN");
        return;
    }
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    printf("%016" PRIx64 "\n", bits);
}

/* Decodes 4-hex-digit units into a malloc'd array; "." is the empty string. */
static uint16_t *decode_units(const char *hex, size_t *length)
{
    size_t digits = strcspn(hex, " \n");
    if (digits == 1 && hex[0] == '.')
        digits = 0;
    *length = digits / 4;
    uint16_t *units = malloc((*length + 1) * sizeof *units);
    for (size_t i = 0; i < *length; i++) {
        char part[5] = {hex[4 * i], hex[4 * i + 1], hex[4 * i + 2], hex[4 * i + 3], 0};
        units[i] = (uint16_t)strtoul(part, NULL, 16);
    }
    return units;
}

static uint64_t random_state = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return random_state;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double sink;

static double time_to_string(const double *values, int count, int rounds)
{
    char buf[NUMBER_BUF_SIZE];
    long total = 0;
    double start = now_seconds();
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < count; i++)
            total += number_to_string(values[i], buf);
    }
    double elapsed = now_seconds() - start;
    sink += (double)total;
    return elapsed * 1e9 / ((double)count * rounds);
}

/* Prints ns per call for number_to_string over a few populations, and for parsing back. */
static void bench(int count)
{
    double *values = malloc((size_t)count * sizeof *values);
    for (int i = 0; i < count; i++) {
        double d;
        do {
            uint64_t bits = next_random();
            memcpy(&d, &bits, sizeof d);
        } while (!isfinite(d));
        values[i] = d;
    }
    printf("to_string random bits: %.1f ns\n", time_to_string(values, count, 5));
    for (int i = 0; i < count; i++)
        values[i] = (double)(next_random() >> 11) / 9007199254740992.0;
    printf("to_string uniform [0,1): %.1f ns\n", time_to_string(values, count, 5));
    for (int i = 0; i < count; i++)
        values[i] = (double)(int64_t)(next_random() % 2000000) - 1000000;
    printf("to_string integers: %.1f ns\n", time_to_string(values, count, 5));
    for (int i = 0; i < count; i++)
        values[i] = (double)(next_random() % 100000) / 100;
    printf("to_string 2-decimal: %.1f ns\n", time_to_string(values, count, 5));

    uint16_t(*texts)[32] = malloc((size_t)count * sizeof *texts);
    size_t *lengths = malloc((size_t)count * sizeof *lengths);
    for (int i = 0; i < count; i++) {
        uint64_t bits = next_random();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (!isfinite(d))
            d = 1.5;
        char buf[NUMBER_BUF_SIZE];
        int length = number_to_string(d, buf);
        for (int j = 0; j < length; j++)
            texts[i][j] = (uint16_t)buf[j];
        lengths[i] = (size_t)length;
    }
    double start = now_seconds();
    double total = 0;
    for (int i = 0; i < count; i++)
        total += number_from_string(texts[i], lengths[i]);
    sink += total;
    printf("from_string shortest random: %.1f ns\n", (now_seconds() - start) * 1e9 / count);
    free(texts);
    free(lengths);
    free(values);
}

int main(void)
{
    char *line = NULL;
    size_t capacity = 0;
    static char buf[NUMBER_RADIX_BUF_SIZE + 16];
    while (getline(&line, &capacity, stdin) > 0) {
        char command[8];
        int offset = 0;
        if (sscanf(line, "%7s %n", command, &offset) != 1)
            continue;
        char *rest = line + offset;
        if (strcmp(command, "s") == 0) {
            number_to_string(bits_to_double(rest), buf);
            puts(buf);
        } else if (strcmp(command, "r") == 0 || strcmp(command, "f") == 0 ||
                   strcmp(command, "e") == 0 || strcmp(command, "p") == 0) {
            char *space = strchr(rest, ' ');
            double d = bits_to_double(rest);
            int argument = atoi(space + 1);
            int length;
            if (command[0] == 'r')
                length = number_to_string_radix(d, argument, buf);
            else if (command[0] == 'f')
                length = number_to_fixed(d, argument, buf);
            else if (command[0] == 'e')
                length = number_to_exponential(d, argument, buf);
            else
                length = number_to_precision(d, argument, buf);
            if ((size_t)length != strlen(buf) ||
                length >= (command[0] == 'r' ? NUMBER_RADIX_BUF_SIZE : NUMBER_BUF_SIZE))
                puts("BAD LENGTH");
            else
                puts(buf);
        } else if (strcmp(command, "n") == 0 || strcmp(command, "pf") == 0) {
            size_t length;
            uint16_t *units = decode_units(rest, &length);
            print_double(command[0] == 'n' ? number_from_string(units, length)
                                           : number_parse_float(units, length));
            free(units);
        } else if (strcmp(command, "pi") == 0) {
            int radix = atoi(rest);
            char *space = strchr(rest, ' ');
            size_t length;
            uint16_t *units = decode_units(space + 1, &length);
            print_double(number_parse_int(units, length, radix));
            free(units);
        } else if (strcmp(command, "w") == 0) {
            puts(number_is_js_whitespace((uint32_t)strtoul(rest, NULL, 10)) ? "1" : "0");
        } else if (strcmp(command, "i") == 0) {
            uint32_t index;
            if (number_to_index_string(bits_to_double(rest), &index))
                printf("%" PRIu32 "\n", index);
            else
                puts("-");
        } else if (strcmp(command, "bench") == 0) {
            bench(atoi(rest));
        } else {
            printf("UNKNOWN %s\n", command);
        }
    }
    free(line);
    return sink == 12345.678 ? 1 : 0;
}
