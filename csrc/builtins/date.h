/*
 * builtins/date.h — the seam between the Date files: date.c (time arithmetic of ES2020 §20.4.1,
 * local time through the system time zone, the Date object and its methods) and date_parse.c
 * (Date.parse: the ISO format, then node's legacy fallback). Time values are doubles in ms
 * since the epoch; NaN is an invalid date. Nothing here allocates or touches a ThreadState.
 */
#ifndef JST_BUILTINS_DATE_H
#define JST_BUILTINS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_MS_PER_DAY 86400000.0

// The calendar fields of a finite time value (proleptic Gregorian, as §20.4.1 defines them).
typedef struct DateFields {
    int64_t year;
    int month;        // 0..11
    int day;          // 1..31
    int weekday;      // 0 = Sunday
    int hour, minute, second, millisecond;
} DateFields;

void date_split(double t, DateFields *out);
double date_make_day(double year, double month, double date);             // MakeDay
double date_make_time(double hour, double minute, double second, double ms); // MakeTime
double date_make_date(double day, double time);                           // MakeDate
double date_time_clip(double t);                                          // TimeClip

// The system time zone's offset (local - UTC, ms) in effect at UTC time t [LocalTZA(t, true)].
double date_local_offset(double t);
// UTC(t) for a local time t: the offset in effect before a transition wins, so a skipped local
// time moves forward and a repeated one takes its earlier instant (V8's "former" rule).
double date_utc_from_local(double t);

// Date.parse over ASCII-or-not text (units > 127 only ever make a word). NaN when not a date,
// and for text longer than DATE_PARSE_MAX_LENGTH units.
#define DATE_PARSE_MAX_LENGTH (1u << 20)
double date_parse(const uint16_t *chars, size_t length);

// For inspect.c: the time value of a Date (false when v is not one), and the toISOString text
// of a finite time value (returns its length; 32 bytes are enough).
#include "../value.h"
bool date_time_value(Value v, double *out);
int date_format_iso(double t, char *out, size_t size);

#endif
