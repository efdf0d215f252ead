/*
 * builtins/date.c — the Date constructor and Date.prototype (ES2020 §20.4 plus Annex B getYear,
 * setYear, toGMTString), the time arithmetic they share with date_parse.c, and local time through
 * the system time zone (tzset once, localtime_r's tm_gmtoff). Output formats follow node/V8.
 * A Date's [[DateValue]] is one 64-bit word in a cell that never moves [OM-9], written with a
 * relaxed atomic store and read with one load: racing setters and getters on any thread see some
 * whole time value, never a torn one, and need no lock [OM-11]. Parsing lives in date_parse.c.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtins.h"
#include "date.h"
#include "../atomics.h"

// ---- time arithmetic (§20.4.1) ----

static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) q--;
    return q;
}

// Days from 1970-01-01 to the first of month m (0..11) of year y (Hinnant's civil algorithm).
static int64_t days_from_civil(int64_t y, int m) {
    y -= m < 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (m + 10) % 12;
    int64_t doy = (153 * mp + 2) / 5;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static double integer_part(double d) {
    return d == 0 ? 0 : trunc(d);   // ToIntegerOrInfinity on an already-converted number
}

double date_make_day(double year, double month, double date) {
    if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
    double y = integer_part(year), m = integer_part(month), dt = integer_part(date);
    double ym = y + floor(m / 12);
    double mn = fmod(m, 12);
    if (mn < 0) mn += 12;
    // Past a billion years no date term can bring the result back inside TimeClip's range.
    if (fabs(ym) > 1e9) return NAN;
    return (double)days_from_civil((int64_t)ym, (int)mn) + dt - 1;
}

double date_make_time(double hour, double minute, double second, double ms) {
    if (!isfinite(hour) || !isfinite(minute) || !isfinite(second) || !isfinite(ms)) return NAN;
    return integer_part(hour) * 3600000.0 + integer_part(minute) * 60000.0 +
           integer_part(second) * 1000.0 + integer_part(ms);
}

double date_make_date(double day, double time) {
    if (!isfinite(day) || !isfinite(time)) return NAN;
    double tv = day * DATE_MS_PER_DAY + time;
    return isfinite(tv) ? tv : NAN;
}

double date_time_clip(double t) {
    if (!isfinite(t) || fabs(t) > 8.64e15) return NAN;
    return integer_part(t) + 0.0;   // + 0.0 turns -0 into +0
}

void date_split(double t, DateFields *out) {
    int64_t ms = (int64_t)t;
    int64_t days = floor_div(ms, 86400000);
    int64_t in_day = ms - days * 86400000;
    out->hour = (int)(in_day / 3600000);
    out->minute = (int)(in_day / 60000 % 60);
    out->second = (int)(in_day / 1000 % 60);
    out->millisecond = (int)(in_day % 1000);
    int64_t w = (days + 4) % 7;
    out->weekday = (int)(w < 0 ? w + 7 : w);
    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->month = (int)(mp < 10 ? mp + 2 : mp - 10);
    out->year = yoe + era * 400 + (out->month < 2);
}

// ---- local time ----

static pthread_once_t tz_once = PTHREAD_ONCE_INIT;
static void tz_init(void) { tzset(); }

// localtime_r at UTC time t (ms); false when the C library cannot represent it.
static bool local_tm(double t, struct tm *out) {
    pthread_once(&tz_once, tz_init);
    time_t seconds = (time_t)floor(t / 1000.0);
    return localtime_r(&seconds, out) != NULL;
}

static int32_t gmtoff_at(int64_t seconds) {
    struct tm tm;
    time_t at = (time_t)seconds;
    return localtime_r(&at, &tm) ? (int32_t)tm.tm_gmtoff : 0;
}

/*
 * localtime_r is slow and serialises on glibc's time zone lock, so each thread caches offsets by
 * window of 2^18 s (about 3 days): the offsets at the window's two ends, and where they differ, the
 * transition found by bisection. This assumes at most one transition per window, which holds for
 * every real zone. The time zone never changes after tzset, so entries never go stale.
 */
enum { OFFSET_WINDOW_BITS = 18, OFFSET_CACHE_SIZE = 512 };
typedef struct OffsetWindow {
    int64_t window;        // floor(seconds / 2^18); INT64_MIN when the entry is empty
    int64_t transition;    // first second at `after` (past the window when there is none)
    int32_t before, after; // offsets in seconds east of UTC
} OffsetWindow;
static __thread OffsetWindow offset_cache[OFFSET_CACHE_SIZE];
static __thread bool offset_cache_ready;

static int32_t offset_seconds(int64_t seconds) {
    if (!offset_cache_ready) {
        for (int i = 0; i < OFFSET_CACHE_SIZE; i++) offset_cache[i].window = INT64_MIN;
        offset_cache_ready = true;
    }
    int64_t size = (int64_t)1 << OFFSET_WINDOW_BITS;
    int64_t window = floor_div(seconds, size);
    OffsetWindow *e = &offset_cache[(uint64_t)window % OFFSET_CACHE_SIZE];
    if (e->window != window) {
        int64_t start = window * size, end = start + size - 1;
        int32_t before = gmtoff_at(start), after = gmtoff_at(end);
        int64_t transition = end + 1;
        if (before != after) {
            int64_t low = start, high = end;   // offset(low) == before, offset(high) != before
            while (high - low > 1) {
                int64_t middle = low + (high - low) / 2;
                if (gmtoff_at(middle) == before) low = middle;
                else high = middle;
            }
            transition = high;
        }
        *e = (OffsetWindow){window, transition, before, after};
    }
    return seconds < e->transition ? e->before : e->after;
}

double date_local_offset(double t) {
    if (!isfinite(t)) return 0;
    pthread_once(&tz_once, tz_init);
    return (double)offset_seconds((int64_t)floor(t / 1000.0)) * 1000.0;
}

double date_utc_from_local(double t) {
    if (!isfinite(t)) return NAN;
    // The offsets a day either side bracket any one transition near t. A candidate instant is
    // consistent when the offset in effect there is the one it was computed with.
    double before = date_local_offset(t - DATE_MS_PER_DAY);
    double after = date_local_offset(t + DATE_MS_PER_DAY);
    double u_before = t - before, u_after = t - after;
    bool before_ok = date_local_offset(u_before) == before;
    bool after_ok = date_local_offset(u_after) == after;
    if (before_ok && after_ok) return u_before < u_after ? u_before : u_after;   // repeated hour
    if (after_ok) return u_after;
    if (before_ok) return u_before;
    // A skipped local time, or two transitions within the two days: the earlier offset.
    return u_before;
}

static double local_time(double t) { return t + date_local_offset(t); }

// getTimezoneOffset's minutes, truncated as V8 does (so LMT offsets such as -4:56:02 print -0456).
static int offset_minutes(double t) { return (int)(-date_local_offset(t) / 60000.0); }

// ---- the Date object ----

typedef struct DateObject {
    Object object;
    uint64_t time_bits;   // [[DateValue]] as double bits; any thread: relaxed atomic load/store
} DateObject;

static double date_get(Value date) {
    uint64_t bits = load_relaxed(&((DateObject *)value_to_cell(date))->time_bits);
    double t;
    memcpy(&t, &bits, sizeof t);
    return t;
}

static void date_set(Value date, double t) {
    uint64_t bits;
    memcpy(&bits, &t, sizeof bits);
    store_relaxed(&((DateObject *)value_to_cell(date))->time_bits, bits);
}

// thisTimeValue (§20.4.4): the receiver must be a Date.
static bool this_time_value(ThreadState *ts, Value self, double *out) {
    if (value_cell_type(self) != CELL_DATE) {
        error_throw_type(ts, "this is not a Date object.");
        return false;
    }
    *out = date_get(self);
    return true;
}

static double now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (double)now.tv_sec * 1000.0 + (double)(now.tv_nsec / 1000000);
}

// ---- formatting (V8's output) ----

static const char *const weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A year as toString prints it: at least four digits, a minus sign before negative ones.
static int format_year(char *out, size_t size, int64_t year) {
    return year < 0 ? snprintf(out, size, "-%04lld", (long long)-year)
                    : snprintf(out, size, "%04lld", (long long)year);
}

// ICU's long names for the abbreviations glibc reports, so toString ends like node's. An
// abbreviation not listed prints as ICU prints a zone without a name: GMT+hh:mm.
static const struct { const char *abbreviation; int offset_minutes; const char *name; } zone_names[] = {
    {"UTC", 0, "Coordinated Universal Time"}, {"GMT", 0, "Greenwich Mean Time"},
    {"EST", -300, "Eastern Standard Time"}, {"EDT", -240, "Eastern Daylight Time"},
    {"CST", -360, "Central Standard Time"}, {"CDT", -300, "Central Daylight Time"},
    {"MST", -420, "Mountain Standard Time"}, {"MDT", -360, "Mountain Daylight Time"},
    {"PST", -480, "Pacific Standard Time"}, {"PDT", -420, "Pacific Daylight Time"},
    {"AKST", -540, "Alaska Standard Time"}, {"AKDT", -480, "Alaska Daylight Time"},
    {"HST", -600, "Hawaii-Aleutian Standard Time"},
    {"WET", 0, "Western European Standard Time"}, {"WEST", 60, "Western European Summer Time"},
    {"CET", 60, "Central European Standard Time"}, {"CEST", 120, "Central European Summer Time"},
    {"EET", 120, "Eastern European Standard Time"}, {"EEST", 180, "Eastern European Summer Time"},
    {"BST", 60, "British Summer Time"}, {"IST", 60, "Irish Standard Time"},
    {"IST", 330, "India Standard Time"}, {"IST", 120, "Israel Standard Time"},
    {"IDT", 180, "Israel Daylight Time"}, {"MSK", 180, "Moscow Standard Time"},
    {"JST", 540, "Japan Standard Time"}, {"KST", 540, "Korean Standard Time"},
    {"HKT", 480, "Hong Kong Standard Time"}, {"PKT", 300, "Pakistan Standard Time"},
    {"AEST", 600, "Australian Eastern Standard Time"}, {"AEDT", 660, "Australian Eastern Daylight Time"},
    {"ACST", 570, "Australian Central Standard Time"}, {"ACDT", 630, "Australian Central Daylight Time"},
    {"AWST", 480, "Australian Western Standard Time"},
    {"NZST", 720, "New Zealand Standard Time"}, {"NZDT", 780, "New Zealand Daylight Time"},
    {"SAST", 120, "South Africa Standard Time"},
};

static void zone_name(double t, int minutes_east, char *out, size_t size) {
    struct tm tm;
    if (local_tm(t, &tm) && tm.tm_zone) {
        for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++)
            if (zone_names[i].offset_minutes == minutes_east &&
                strcmp(zone_names[i].abbreviation, tm.tm_zone) == 0) {
                snprintf(out, size, "%s", zone_names[i].name);
                return;
            }
    }
    int a = abs(minutes_east);
    snprintf(out, size, "GMT%c%02d:%02d", minutes_east < 0 ? '-' : '+', a / 60, a % 60);
}

enum { FORMAT_DATE = 1, FORMAT_TIME = 2, FORMAT_BOTH = 3 };

// ToDateString / toDateString / toTimeString for a finite time value.
static int format_local(double t, int parts, char *out, size_t size) {
    DateFields f;
    date_split(local_time(t), &f);
    int minutes_east = -offset_minutes(t);
    int n = 0;
    if (parts & FORMAT_DATE) {
        char year[24];
        format_year(year, sizeof year, f.year);
        n += snprintf(out + n, size - n, "%s %s %02d %s", weekday_names[f.weekday],
                      month_names[f.month], f.day, year);
    }
    if (parts & FORMAT_TIME) {
        char name[64];
        zone_name(t, minutes_east, name, sizeof name);
        int a = abs(minutes_east);
        n += snprintf(out + n, size - n, "%s%02d:%02d:%02d GMT%c%02d%02d (%s)", n ? " " : "",
                      f.hour, f.minute, f.second, minutes_east < 0 ? '-' : '+', a / 60, a % 60, name);
    }
    return n;
}

static int format_utc(double t, char *out, size_t size) {
    DateFields f;
    date_split(t, &f);
    char year[24];
    format_year(year, sizeof year, f.year);
    return snprintf(out, size, "%s, %02d %s %s %02d:%02d:%02d GMT", weekday_names[f.weekday], f.day,
                    month_names[f.month], year, f.hour, f.minute, f.second);
}

int date_format_iso(double t, char *out, size_t size) {
    DateFields f;
    date_split(t, &f);
    char year[24];
    if (f.year >= 0 && f.year <= 9999) snprintf(year, sizeof year, "%04lld", (long long)f.year);
    else snprintf(year, sizeof year, "%c%06lld", f.year < 0 ? '-' : '+', (long long)llabs(f.year));
    return snprintf(out, size, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", year, f.month + 1, f.day, f.hour,
                    f.minute, f.second, f.millisecond);
}

// node's en-US defaults: "1/2/2020", "3:04:05 AM"; years before 1 count back as ICU's BC era.
static int format_locale(double t, int parts, char *out, size_t size) {
    DateFields f;
    date_split(local_time(t), &f);
    int n = 0;
    if (parts & FORMAT_DATE)
        n += snprintf(out, size, "%d/%d/%lld", f.month + 1, f.day,
                      (long long)(f.year <= 0 ? 1 - f.year : f.year));
    if (parts & FORMAT_TIME)
        n += snprintf(out + n, size - n, "%s%d:%02d:%02d %s", n ? ", " : "",
                      f.hour % 12 == 0 ? 12 : f.hour % 12, f.minute, f.second, f.hour < 12 ? "AM" : "PM");
    return n;
}

static Value ascii_string(ThreadState *ts, const char *s, int length) {
    return string_from_latin1(ts, (const uint8_t *)s, (size_t)length);
}

static Value invalid_date(ThreadState *ts) { return string_from_cstr(ts, "Invalid Date"); }

static Value date_to_string(ThreadState *ts, double t) {
    if (isnan(t)) return invalid_date(ts);
    char buffer[160];
    return ascii_string(ts, buffer, format_local(t, FORMAT_BOTH, buffer, sizeof buffer));
}

// ---- parsing entry ----

static double parse_string_value(ThreadState *ts, Value s, bool *ok) {
    String *flat = string_flatten(ts, s);
    *ok = flat != NULL;
    if (!flat) return NAN;
    uint32_t n = flat->length;
    if (n > DATE_PARSE_MAX_LENGTH) return NAN;
    if (flat->header.flags & STRING_WIDE) return date_parse(flat->chars.wide, n);
    uint16_t inline_buffer[128];
    uint16_t *wide = n <= 128 ? inline_buffer : malloc(n * sizeof(uint16_t));
    if (!wide) {
        error_throw_out_of_memory(ts);
        *ok = false;
        return NAN;
    }
    for (uint32_t i = 0; i < n; i++) wide[i] = flat->chars.latin1[i];
    double t = date_parse(wide, n);
    if (wide != inline_buffer) free(wide);
    return t;
}

// ---- constructor and static functions ----

// ToNumber of args[0..count) into out; absent ones are NaN (the caller supplies defaults).
static bool numbers_from_args(ThreadState *ts, const Value *args, int argc, int count, double *out) {
    for (int i = 0; i < count; i++) {
        out[i] = NAN;
        if (i < argc && !ops_to_number(ts, args[i], &out[i])) return false;
    }
    return true;
}

// The Date(year, month, ...) and Date.UTC time value before UTC()/TimeClip: two-digit years
// mean 19xx (§20.4.2.1 step 4.g-h).
static double time_from_components(const double *c, int argc) {
    double year = c[0];
    if (!isnan(year)) {
        double yi = integer_part(year);
        if (yi >= 0 && yi <= 99) year = 1900 + yi;
    }
    double month = argc > 1 ? c[1] : 0, date = argc > 2 ? c[2] : 1;
    double hour = argc > 3 ? c[3] : 0, minute = argc > 4 ? c[4] : 0;
    double second = argc > 5 ? c[5] : 0, ms = argc > 6 ? c[6] : 0;
    return date_make_date(date_make_day(year, month, date), date_make_time(hour, minute, second, ms));
}

static Value Date_constructor(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    if (value_is_undefined(ts->new_target)) return date_to_string(ts, now_ms());
    double tv;
    if (argc == 0) {
        tv = now_ms();
    } else if (argc == 1) {
        Value value = args[0];
        if (value_cell_type(value) == CELL_DATE) {
            tv = date_get(value);
        } else {
            Value v = ops_to_primitive(ts, value, HINT_DEFAULT);
            if (value_is_exception(v)) return JS_EXCEPTION;
            if (value_is_string(v)) {
                bool ok;
                tv = parse_string_value(ts, v, &ok);
                if (!ok) return JS_EXCEPTION;
            } else if (!ops_to_number(ts, v, &tv)) {
                return JS_EXCEPTION;
            }
        }
        tv = date_time_clip(tv);
    } else {
        double c[7];
        int count = argc < 7 ? argc : 7;
        if (!numbers_from_args(ts, args, argc, count, c)) return JS_EXCEPTION;
        tv = date_time_clip(date_utc_from_local(time_from_components(c, count)));
    }
    Value prototype = function_prototype_for(ts, ts->new_target, INTRINSIC_DATE_PROTOTYPE);
    if (value_is_exception(prototype)) return JS_EXCEPTION;
    DateObject *o = object_alloc(ts, sizeof(DateObject), CELL_DATE, prototype);
    if (!o) return JS_EXCEPTION;
    Value date = value_from_cell(o);
    date_set(date, tv);
    return date;
}

static Value Date_now(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)args, (void)argc, (void)magic;
    return value_from_number(now_ms());
}

static Value Date_parse(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    Value s = ops_to_string(ts, builtin_arg(args, argc, 0));
    if (value_is_exception(s)) return JS_EXCEPTION;
    bool ok;
    double t = parse_string_value(ts, s, &ok);
    if (!ok) return JS_EXCEPTION;
    return value_from_number(date_time_clip(t));
}

static Value Date_UTC(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double c[7];
    int count = argc < 7 ? argc : 7;
    if (!numbers_from_args(ts, args, argc, count < 1 ? 1 : count, c)) return JS_EXCEPTION;
    return value_from_number(date_time_clip(time_from_components(c, count < 1 ? 1 : count)));
}

// ---- getters ----

enum {
    FIELD_YEAR, FIELD_MONTH, FIELD_DATE, FIELD_WEEKDAY, FIELD_HOURS, FIELD_MINUTES, FIELD_SECONDS,
    FIELD_MILLISECONDS, FIELD_YEAR_1900,
    GET_UTC = 16,
};

// getFullYear ... getMilliseconds and their UTC twins; magic = FIELD_* | GET_UTC.
static Value Date_prototype_get_field(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return value_from_number(NAN);
    DateFields f;
    date_split(magic & GET_UTC ? t : local_time(t), &f);
    switch (magic & ~GET_UTC) {
    case FIELD_YEAR: return value_from_number((double)f.year);
    case FIELD_MONTH: return value_from_int(f.month);
    case FIELD_DATE: return value_from_int(f.day);
    case FIELD_WEEKDAY: return value_from_int(f.weekday);
    case FIELD_HOURS: return value_from_int(f.hour);
    case FIELD_MINUTES: return value_from_int(f.minute);
    case FIELD_SECONDS: return value_from_int(f.second);
    case FIELD_MILLISECONDS: return value_from_int(f.millisecond);
    default: return value_from_number((double)f.year - 1900);
    }
}

static Value Date_prototype_getTime(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    return value_from_number(t);
}

static Value Date_prototype_getTimezoneOffset(ThreadState *ts, Value self, const Value *args, int argc,
                                              int magic) {
    (void)args, (void)argc, (void)magic;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return value_from_number(NAN);
    return value_from_int(offset_minutes(t));
}

// ---- setters ----

// magic: the first field set (an index into hour,minute,second,ms or year,month,date), SET_DATE
// for the date family, SET_UTC for the UTC twins. Later fields are optional arguments.
enum { SET_DATE = 4, SET_UTC = 8 };

static Value Date_prototype_set_fields(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    bool utc = magic & SET_UTC, date_family = magic & SET_DATE;
    int first = magic & 3, total = date_family ? 3 : 4;
    int count = total - first;
    // Every present argument is converted, in order, even when the date is invalid; the first
    // one counts as present when missing (it becomes NaN).
    int given_count = argc < 1 ? 1 : argc < count ? argc : count;
    double given[4];
    if (!numbers_from_args(ts, args, argc, given_count, given)) return JS_EXCEPTION;
    if (isnan(t)) {
        // setFullYear alone starts from +0 (local) when the date is invalid.
        if (!(date_family && first == 0)) return value_from_number(NAN);
        t = 0;
    } else if (!utc) {
        t = local_time(t);
    }
    DateFields f;
    date_split(t, &f);
    double fields[4];
    if (date_family) {
        fields[0] = (double)f.year, fields[1] = f.month, fields[2] = f.day;
    } else {
        fields[0] = f.hour, fields[1] = f.minute, fields[2] = f.second, fields[3] = f.millisecond;
    }
    for (int i = 0; i < given_count; i++) fields[first + i] = given[i];
    double day, time;
    if (date_family) {
        day = date_make_day(fields[0], fields[1], fields[2]);
        time = t - floor(t / DATE_MS_PER_DAY) * DATE_MS_PER_DAY;
    } else {
        day = floor(t / DATE_MS_PER_DAY);
        time = date_make_time(fields[0], fields[1], fields[2], fields[3]);
    }
    double date = date_make_date(day, time);
    double u = date_time_clip(utc ? date : date_utc_from_local(date));
    date_set(self, u);
    return value_from_number(u);
}

static Value Date_prototype_setTime(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &t)) return JS_EXCEPTION;
    t = date_time_clip(t);
    date_set(self, t);
    return value_from_number(t);
}

// Annex B.2.4.2: two-digit years mean 19xx.
static Value Date_prototype_setYear(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    double t, y;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &y)) return JS_EXCEPTION;
    if (isnan(y)) {
        date_set(self, NAN);
        return value_from_number(NAN);
    }
    double yi = integer_part(y);
    if (yi >= 0 && yi <= 99) y = 1900 + yi;
    t = isnan(t) ? 0 : local_time(t);
    DateFields f;
    date_split(t, &f);
    double day = date_make_day(y, f.month, f.day);
    double u = date_time_clip(date_utc_from_local(date_make_date(day, t - floor(t / DATE_MS_PER_DAY) * DATE_MS_PER_DAY)));
    date_set(self, u);
    return value_from_number(u);
}

// ---- string conversions ----

// toString (FORMAT_BOTH), toDateString (FORMAT_DATE), toTimeString (FORMAT_TIME).
static Value Date_prototype_toString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return invalid_date(ts);
    char buffer[160];
    return ascii_string(ts, buffer, format_local(t, magic, buffer, sizeof buffer));
}

static Value Date_prototype_toLocaleString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return invalid_date(ts);
    char buffer[80];
    return ascii_string(ts, buffer, format_locale(t, magic, buffer, sizeof buffer));
}

static Value Date_prototype_toUTCString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return invalid_date(ts);
    char buffer[80];
    return ascii_string(ts, buffer, format_utc(t, buffer, sizeof buffer));
}

static Value Date_prototype_toISOString(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    double t;
    if (!this_time_value(ts, self, &t)) return JS_EXCEPTION;
    if (isnan(t)) return error_throw_range(ts, "Invalid time value");
    char buffer[64];
    return ascii_string(ts, buffer, date_format_iso(t, buffer, sizeof buffer));
}

static Value Date_prototype_toJSON(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)args, (void)argc, (void)magic;
    Value o = ops_to_object(ts, self);
    if (value_is_exception(o)) return JS_EXCEPTION;
    Value tv = ops_to_primitive(ts, o, HINT_NUMBER);
    if (value_is_exception(tv)) return JS_EXCEPTION;
    if (value_is_number(tv) && !isfinite(value_to_number(tv))) return JS_NULL;
    return ops_invoke(ts, o, atom_from_cstr(ts, "toISOString"), NULL, 0);
}

// OrdinaryToPrimitive (§7.1.1.1) with the method order of `hint_string`.
static Value ordinary_to_primitive(ThreadState *ts, Value o, bool hint_string) {
    const char *order[2] = {hint_string ? "toString" : "valueOf", hint_string ? "valueOf" : "toString"};
    for (int i = 0; i < 2; i++) {
        Value method = ops_get_cstr(ts, o, order[i]);
        if (value_is_exception(method)) return JS_EXCEPTION;
        if (!ops_is_callable(method)) continue;
        Value result = interp_call(ts, method, o, NULL, 0);
        if (value_is_exception(result)) return JS_EXCEPTION;
        if (!value_is_object(result)) return result;
    }
    return error_throw_type(ts, "Cannot convert object to primitive value");
}

static Value Date_prototype_toPrimitive(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)magic;
    if (!value_is_object(self))
        return error_throw_type(ts, "Date.prototype [ @@toPrimitive ] called on non-object");
    Value hint = builtin_arg(args, argc, 0);
    if (value_is_string(hint)) {
        char text[8] = {0};
        String *flat = string_flatten(ts, hint);
        if (!flat) return JS_EXCEPTION;
        if (flat->length < sizeof text && !(flat->header.flags & STRING_WIDE)) {
            memcpy(text, flat->chars.latin1, flat->length);
            if (strcmp(text, "string") == 0 || strcmp(text, "default") == 0)
                return ordinary_to_primitive(ts, self, true);
            if (strcmp(text, "number") == 0) return ordinary_to_primitive(ts, self, false);
        }
    }
    Value shown = value_is_symbol(hint) ? string_from_cstr(ts, "Symbol()") : ops_to_string(ts, hint);
    if (value_is_exception(shown)) return JS_EXCEPTION;
    char *utf8 = string_to_utf8(ts, shown, NULL);
    if (!utf8) return JS_EXCEPTION;
    error_throw_type(ts, "Invalid hint: %s", utf8);
    free(utf8);
    return JS_EXCEPTION;
}

// ---- for inspect.c ----

bool date_time_value(Value v, double *out) {
    if (value_cell_type(v) != CELL_DATE) return false;
    *out = date_get(v);
    return true;
}

// ---- tables ----

#define GETTER(name, field) BUILTIN_FN_MAGIC(name, Date_prototype_get_field, 0, field)
#define SETTER(name, length, magic) BUILTIN_FN_MAGIC(name, Date_prototype_set_fields, length, magic)

static const BuiltinEntry date_prototype_methods[] = {
    BUILTIN_FN_MAGIC("toString", Date_prototype_toString, 0, FORMAT_BOTH),
    BUILTIN_FN_MAGIC("toDateString", Date_prototype_toString, 0, FORMAT_DATE),
    BUILTIN_FN_MAGIC("toTimeString", Date_prototype_toString, 0, FORMAT_TIME),
    BUILTIN_FN("toISOString", Date_prototype_toISOString, 0),
    BUILTIN_FN("toUTCString", Date_prototype_toUTCString, 0),
    GETTER("getDate", FIELD_DATE),
    SETTER("setDate", 1, SET_DATE | 2),
    GETTER("getDay", FIELD_WEEKDAY),
    GETTER("getFullYear", FIELD_YEAR),
    SETTER("setFullYear", 3, SET_DATE | 0),
    GETTER("getHours", FIELD_HOURS),
    SETTER("setHours", 4, 0),
    GETTER("getMilliseconds", FIELD_MILLISECONDS),
    SETTER("setMilliseconds", 1, 3),
    GETTER("getMinutes", FIELD_MINUTES),
    SETTER("setMinutes", 3, 1),
    GETTER("getMonth", FIELD_MONTH),
    SETTER("setMonth", 2, SET_DATE | 1),
    GETTER("getSeconds", FIELD_SECONDS),
    SETTER("setSeconds", 2, 2),
    BUILTIN_FN("getTime", Date_prototype_getTime, 0),
    BUILTIN_FN("setTime", Date_prototype_setTime, 1),
    BUILTIN_FN("getTimezoneOffset", Date_prototype_getTimezoneOffset, 0),
    GETTER("getUTCDate", FIELD_DATE | GET_UTC),
    SETTER("setUTCDate", 1, SET_UTC | SET_DATE | 2),
    GETTER("getUTCDay", FIELD_WEEKDAY | GET_UTC),
    GETTER("getUTCFullYear", FIELD_YEAR | GET_UTC),
    SETTER("setUTCFullYear", 3, SET_UTC | SET_DATE | 0),
    GETTER("getUTCHours", FIELD_HOURS | GET_UTC),
    SETTER("setUTCHours", 4, SET_UTC | 0),
    GETTER("getUTCMilliseconds", FIELD_MILLISECONDS | GET_UTC),
    SETTER("setUTCMilliseconds", 1, SET_UTC | 3),
    GETTER("getUTCMinutes", FIELD_MINUTES | GET_UTC),
    SETTER("setUTCMinutes", 3, SET_UTC | 1),
    GETTER("getUTCMonth", FIELD_MONTH | GET_UTC),
    SETTER("setUTCMonth", 2, SET_UTC | SET_DATE | 1),
    GETTER("getUTCSeconds", FIELD_SECONDS | GET_UTC),
    SETTER("setUTCSeconds", 2, SET_UTC | 2),
    BUILTIN_FN("valueOf", Date_prototype_getTime, 0),
    GETTER("getYear", FIELD_YEAR_1900),
    BUILTIN_FN("setYear", Date_prototype_setYear, 1),
    BUILTIN_FN("toJSON", Date_prototype_toJSON, 1),
    BUILTIN_FN_MAGIC("toLocaleString", Date_prototype_toLocaleString, 0, FORMAT_BOTH),
    BUILTIN_FN_MAGIC("toLocaleDateString", Date_prototype_toLocaleString, 0, FORMAT_DATE),
    BUILTIN_FN_MAGIC("toLocaleTimeString", Date_prototype_toLocaleString, 0, FORMAT_TIME),
    // [Symbol.toPrimitive] is configurable but not writable (§20.4.4.45).
    {"@@toPrimitive", BUILTIN_KIND_FUNCTION, PROP_CONFIGURABLE, 1, 0, Date_prototype_toPrimitive, NULL, 0, NULL},
};

static const BuiltinEntry date_functions[] = {
    BUILTIN_FN("now", Date_now, 0),
    BUILTIN_FN("parse", Date_parse, 1),
    BUILTIN_FN("UTC", Date_UTC, 7),
};

bool builtins_install_date(ThreadState *ts) {
    pthread_once(&tz_once, tz_init);
    // Date.prototype is an ordinary object, not a Date (§20.4.4).
    Value prototype = object_new(ts, realm_intrinsic(ts, INTRINSIC_OBJECT_PROTOTYPE));
    if (value_is_exception(prototype)) return false;
    ts->rt->realm.intrinsics[INTRINSIC_DATE_PROTOTYPE] = prototype;
    Value constructor = builtins_install_constructor(ts, "Date", Date_constructor, 7, prototype, 0);
    if (value_is_exception(constructor)) return false;
    if (!builtins_install_table(ts, constructor, date_functions, BUILTIN_COUNT(date_functions)) ||
        !builtins_install_table(ts, prototype, date_prototype_methods, BUILTIN_COUNT(date_prototype_methods)))
        return false;
    // Annex B.2.4.3: toGMTString is the same function object as toUTCString.
    Value to_utc_string = ops_get_cstr(ts, prototype, "toUTCString");
    if (value_is_exception(to_utc_string)) return false;
    return object_define_value(ts, prototype, atom_from_cstr(ts, "toGMTString"), to_utc_string, PROP_HIDDEN) >= 0;
}
