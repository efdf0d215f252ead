/*
 * builtins/math.c — the Math namespace object of ES2020 (§20.2): constants, the elementary
 * functions through ieee754.c (fdlibm's algorithms, so every result is node's double), V8's exact
 * algorithms where JS and C differ (round, hypot, max/min with -0), and Math.random from a
 * per-thread xorshift128+ generator seeded from the clock. Math.f16round (ES2025) rounds through
 * typedarray.h's binary16 encoding, the one Float16Array uses [TA-10].
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "builtins.h"
#include "../ieee754.h"
#include "typedarray.h"

// The one-argument functions, selected by magic.
typedef double (*UnaryMath)(double);

static double math_sign(double x) { return x != x ? x : x > 0 ? 1 : x < 0 ? -1 : x; }
static double math_fround(double x) { return (double)(float)x; }
static double math_f16round(double x) { return typedarray_half_to_double(typedarray_double_to_half(x)); }

// Math.round (§20.2.2.28): halves round toward +Infinity, and (-0.5, -0] gives -0.
static double math_round(double x) {
    if (!isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    if (fabs(x) >= 4503599627370496.0) return x;   // 2^52: already an integer
    double r = floor(x);
    if (x - r >= 0.5) r += 1;
    return r;
}

// libm only where it is exact (abs, ceil, floor, sqrt, trunc); the rest must round like V8.
static const UnaryMath unary_functions[] = {
    fabs, ieee754_acos, ieee754_acosh, ieee754_asin, ieee754_asinh, ieee754_atan, ieee754_atanh,
    ceil, ieee754_cbrt, ieee754_expm1, ieee754_cos, ieee754_cosh, ieee754_exp, floor, math_fround,
    ieee754_log, ieee754_log1p, ieee754_log2, ieee754_log10, math_round, math_sign, ieee754_sin,
    ieee754_sinh, sqrt, ieee754_tan, ieee754_tanh, trunc, math_f16round,
};
enum {
    M_ABS, M_ACOS, M_ACOSH, M_ASIN, M_ASINH, M_ATAN, M_ATANH, M_CEIL, M_CBRT, M_EXPM1, M_COS, M_COSH,
    M_EXP, M_FLOOR, M_FROUND, M_LOG, M_LOG1P, M_LOG2, M_LOG10, M_ROUND, M_SIGN, M_SIN, M_SINH,
    M_SQRT, M_TAN, M_TANH, M_TRUNC, M_F16ROUND,
};

static Value Math_unary(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    double x;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &x)) return JS_EXCEPTION;
    return value_from_number(unary_functions[magic](x));
}

static Value Math_atan2(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double y, x;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &y) || !ops_to_number(ts, builtin_arg(args, argc, 1), &x))
        return JS_EXCEPTION;
    return value_from_number(ieee754_atan2(y, x));
}

// Number::exponentiate (§6.1.6.1.3): unlike IEEE pow, a NaN exponent always gives NaN, and so
// does (+-1) ** (+-Infinity).
static Value Math_pow(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double x, y;
    if (!ops_to_number(ts, builtin_arg(args, argc, 0), &x) || !ops_to_number(ts, builtin_arg(args, argc, 1), &y))
        return JS_EXCEPTION;
    if (y != y || ((x == 1 || x == -1) && isinf(y))) return value_from_number(NAN);
    return value_from_number(ieee754_pow(x, y));
}

static Value Math_clz32(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    uint32_t n;
    if (!ops_to_uint32(ts, builtin_arg(args, argc, 0), &n)) return JS_EXCEPTION;
    return value_from_int(n == 0 ? 32 : __builtin_clz(n));
}

static Value Math_imul(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    uint32_t a, b;
    if (!ops_to_uint32(ts, builtin_arg(args, argc, 0), &a) || !ops_to_uint32(ts, builtin_arg(args, argc, 1), &b))
        return JS_EXCEPTION;
    return value_from_int((int32_t)(a * b));
}

// max (magic 1) and min (magic 0): every argument is coerced before any comparison.
static Value Math_max(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self;
    double result = magic ? -INFINITY : INFINITY;
    bool nan = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (!ops_to_number(ts, args[i], &x)) return JS_EXCEPTION;
        if (x != x) nan = true;
        if (nan) continue;
        if (magic ? (x > result || (x == 0 && result == 0 && !signbit(x)))
                  : (x < result || (x == 0 && result == 0 && signbit(x))))
            result = x;
    }
    return value_from_number(nan ? NAN : result);
}

// V8's hypot: scale by the largest magnitude and sum with Kahan compensation.
static Value Math_hypot(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)self, (void)magic;
    double inline_values[8];
    double *values = argc <= 8 ? inline_values : malloc(sizeof(double) * (size_t)argc);
    if (!values) return error_throw_out_of_memory(ts);
    double max = 0;
    bool nan = false, infinite = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (!ops_to_number(ts, args[i], &x)) {
            if (values != inline_values) free(values);
            return JS_EXCEPTION;
        }
        x = fabs(x);
        if (x != x) nan = true;
        if (isinf(x)) infinite = true;
        if (x > max) max = x;
        values[i] = x;
    }
    double result;
    if (infinite) {
        result = INFINITY;
    } else if (nan) {
        result = NAN;
    } else if (max == 0) {
        result = 0;
    } else {
        double sum = 0, compensation = 0;
        for (int i = 0; i < argc; i++) {
            double n = values[i] / max;
            double summand = n * n - compensation;
            double preliminary = sum + summand;
            compensation = (preliminary - sum) - summand;
            sum = preliminary;
        }
        result = sqrt(sum) * max;
    }
    if (values != inline_values) free(values);
    return value_from_number(result);
}

// xorshift128+ per JS thread (the state is never shared, so no synchronisation is needed).
static __thread uint64_t random_state[2];

static uint64_t random_next(void) {
    if (random_state[0] == 0 && random_state[1] == 0) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        uint64_t seed = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 30) ^ (uintptr_t)&random_state;
        // splitmix64 spreads the seed over both words.
        for (int i = 0; i < 2; i++) {
            uint64_t z = (seed += 0x9E3779B97F4A7C15ull);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            random_state[i] = z ^ (z >> 31);
        }
    }
    uint64_t s1 = random_state[0];
    uint64_t s0 = random_state[1];
    random_state[0] = s0;
    s1 ^= s1 << 23;
    s1 ^= s1 >> 17;
    s1 ^= s0;
    s1 ^= s0 >> 26;
    random_state[1] = s1;
    return random_state[0] + random_state[1];
}

static Value Math_random(ThreadState *ts, Value self, const Value *args, int argc, int magic) {
    (void)ts, (void)self, (void)args, (void)argc, (void)magic;
    // 53 random bits scaled into [0, 1).
    return value_from_number((double)(random_next() >> 11) * (1.0 / 9007199254740992.0));
}

static const BuiltinEntry math_table[] = {
    BUILTIN_FN_MAGIC("abs", Math_unary, 1, M_ABS),
    BUILTIN_FN_MAGIC("acos", Math_unary, 1, M_ACOS),
    BUILTIN_FN_MAGIC("acosh", Math_unary, 1, M_ACOSH),
    BUILTIN_FN_MAGIC("asin", Math_unary, 1, M_ASIN),
    BUILTIN_FN_MAGIC("asinh", Math_unary, 1, M_ASINH),
    BUILTIN_FN_MAGIC("atan", Math_unary, 1, M_ATAN),
    BUILTIN_FN_MAGIC("atanh", Math_unary, 1, M_ATANH),
    BUILTIN_FN("atan2", Math_atan2, 2),
    BUILTIN_FN_MAGIC("ceil", Math_unary, 1, M_CEIL),
    BUILTIN_FN_MAGIC("cbrt", Math_unary, 1, M_CBRT),
    BUILTIN_FN_MAGIC("expm1", Math_unary, 1, M_EXPM1),
    BUILTIN_FN("clz32", Math_clz32, 1),
    BUILTIN_FN_MAGIC("cos", Math_unary, 1, M_COS),
    BUILTIN_FN_MAGIC("cosh", Math_unary, 1, M_COSH),
    BUILTIN_FN_MAGIC("exp", Math_unary, 1, M_EXP),
    BUILTIN_FN_MAGIC("floor", Math_unary, 1, M_FLOOR),
    BUILTIN_FN_MAGIC("fround", Math_unary, 1, M_FROUND),
    BUILTIN_FN_MAGIC("f16round", Math_unary, 1, M_F16ROUND),
    BUILTIN_FN("hypot", Math_hypot, 2),
    BUILTIN_FN("imul", Math_imul, 2),
    BUILTIN_FN_MAGIC("log", Math_unary, 1, M_LOG),
    BUILTIN_FN_MAGIC("log1p", Math_unary, 1, M_LOG1P),
    BUILTIN_FN_MAGIC("log2", Math_unary, 1, M_LOG2),
    BUILTIN_FN_MAGIC("log10", Math_unary, 1, M_LOG10),
    BUILTIN_FN_MAGIC("max", Math_max, 2, 1),
    BUILTIN_FN_MAGIC("min", Math_max, 2, 0),
    BUILTIN_FN("pow", Math_pow, 2),
    BUILTIN_FN("random", Math_random, 0),
    BUILTIN_FN_MAGIC("round", Math_unary, 1, M_ROUND),
    BUILTIN_FN_MAGIC("sign", Math_unary, 1, M_SIGN),
    BUILTIN_FN_MAGIC("sin", Math_unary, 1, M_SIN),
    BUILTIN_FN_MAGIC("sinh", Math_unary, 1, M_SINH),
    BUILTIN_FN_MAGIC("sqrt", Math_unary, 1, M_SQRT),
    BUILTIN_FN_MAGIC("tan", Math_unary, 1, M_TAN),
    BUILTIN_FN_MAGIC("tanh", Math_unary, 1, M_TANH),
    BUILTIN_FN_MAGIC("trunc", Math_unary, 1, M_TRUNC),
    BUILTIN_NUMBER("E", 2.718281828459045, 0),
    BUILTIN_NUMBER("LN10", 2.302585092994046, 0),
    BUILTIN_NUMBER("LN2", 0.6931471805599453, 0),
    BUILTIN_NUMBER("LOG10E", 0.4342944819032518, 0),
    BUILTIN_NUMBER("LOG2E", 1.4426950408889634, 0),
    BUILTIN_NUMBER("PI", 3.141592653589793, 0),
    BUILTIN_NUMBER("SQRT1_2", 0.7071067811865476, 0),
    BUILTIN_NUMBER("SQRT2", 1.4142135623730951, 0),
    BUILTIN_STRING("@@toStringTag", "Math", PROP_CONFIGURABLE),
};

bool builtins_install_math(ThreadState *ts) {
    Value math = object_new_plain(ts);
    return !value_is_exception(math) && builtins_install_table(ts, math, math_table, BUILTIN_COUNT(math_table)) &&
           builtins_define_global(ts, "Math", math);
}
