/*
 * ieee754.c — fdlibm's elementary functions, written out from the published algorithms so that
 * Math.sin and friends return exactly node's doubles (V8 ports the same algorithms).
 * Must not call libm for anything that rounds differently (sqrt, fabs, ldexp are exact and fine).
 * Each function works on the two 32-bit halves of the double, as fdlibm's thresholds are stated
 * in high words. The operation order inside each formula is part of the result: do not
 * "simplify" an expression, and never let the compiler contract a*b+c into an FMA.
 */
#pragma GCC optimize("fp-contract=off")

#include "ieee754.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Word access

static inline int32_t high_word(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return (int32_t)(bits >> 32);
}

static inline uint32_t low_word(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return (uint32_t)bits;
}

static inline double from_words(uint32_t high, uint32_t low) {
    uint64_t bits = (uint64_t)high << 32 | low;
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static inline double with_high_word(double x, uint32_t high) { return from_words(high, low_word(x)); }
static inline double with_low_word(double x, uint32_t low) { return from_words((uint32_t)high_word(x), low); }

// fdlibm returns huge*huge and tiny*tiny to overflow or underflow while raising the IEEE flags;
// JS has no flags, so the products only need to give Infinity and 0.
static const double huge = 1.0e300, tiny = 1.0e-300;

// ---------------------------------------------------------------------------------------------
// Argument reduction for sin, cos, tan: x = n*(pi/2) + (y[0] + y[1]), |y| <= pi/4 roughly.

static const double pio2_hi = 1.57079632679489655800e+00;   // 0x3FF921FB 54442D18
static const double pio2_lo = 6.12323399573676603587e-17;   // 0x3C91A626 33145C07
static const double invpio2 = 6.36619772367581382433e-01;   // 0x3FE45F30 6DC9C883
static const double pio2_1 = 1.57079632673412561417e+00;    // first 33 bits of pi/2
static const double pio2_1t = 6.07710050650619224932e-11;   // pi/2 - pio2_1
static const double pio2_2 = 6.07710050630396597660e-11;    // second 33 bits of pi/2
static const double pio2_2t = 2.02226624879595063154e-21;   // pi/2 - (pio2_1 + pio2_2)
static const double pio2_3 = 2.02226624871116645580e-21;    // third 33 bits of pi/2
static const double pio2_3t = 8.47842766036889956997e-32;   // pi/2 - (pio2_1 + pio2_2 + pio2_3)

// High words of the doubles nearest n*pi/2, n = 1..32: an argument whose high word differs
// cannot lose more than a few bits to cancellation, so one subtraction step is enough.
static const int32_t npio2_high_words[32] = {
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
    0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
    0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
    0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
};

// The binary expansion of 2/pi, 32 bits a word (0.A2F9836E 4E441529 ...), computed exactly with
// Machin's formula; enough words for the largest double's exponent plus a 256-bit window.
static const uint32_t two_over_pi_bits[] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB, 0xDEBBC561,
    0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484,
    0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B,
    0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08, 0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D,
    0xA9E39161, 0x5EE61B08, 0x6599855F, 0x14A06840, 0x8DFFD880, 0x4D732731, 0x06061556, 0xCA73A8C9,
};
enum { TWO_OVER_PI_WORDS = sizeof two_over_pi_bits / sizeof two_over_pi_bits[0] };

// Bit `index` of 2/pi's fraction (index 0 is the 2^-1 bit); zero past the table.
static inline uint32_t two_over_pi_word_at(int bit_index) {
    int word = bit_index >> 5, shift = bit_index & 31;
    uint64_t pair = (uint64_t)(word < TWO_OVER_PI_WORDS ? two_over_pi_bits[word] : 0) << 32 |
                    (word + 1 < TWO_OVER_PI_WORDS ? two_over_pi_bits[word + 1] : 0);
    return (uint32_t)(pair >> (32 - shift));
}

// Payne-Hanek reduction for |x| >= 2^19*pi/2: x*(2/pi) is computed exactly over a 256-bit window
// of 2/pi's bits (the bits before it only add multiples of 8 to the quotient, the bits after it
// change the remainder by less than 2^-190), then the remainder is multiplied by pi/2 in
// double-double arithmetic. fdlibm's kernel does the same in 24-bit pieces to about 64 bits; both
// give y[0] correctly rounded and y[1] close enough that the kernels round alike (no difference
// from node in the differential tests, tests/builtins/test_math.py).
static int rem_pio2_large(double x, double *y) {
    int exponent = ((high_word(x) >> 20) & 0x7ff) - 1075;   // x = mantissa * 2^exponent
    uint64_t mantissa = ((uint64_t)(high_word(x) & 0xfffff) << 32 | low_word(x)) | (1ull << 52);
    // Skip the bits of 2/pi whose products with x are multiples of 8.
    int first_bit = exponent - 3 > 0 ? exponent - 3 : 0;
    uint32_t window[8];
    for (int i = 0; i < 8; i++) window[i] = two_over_pi_word_at(first_bit + 32 * i);
    // product = mantissa * window, in 32-bit limbs, least significant first (53 + 256 bits).
    uint32_t product[10] = {0};
    unsigned __int128 carry = 0;
    for (int i = 0; i < 10; i++) {
        unsigned __int128 sum = carry;
        if (i < 8) sum += (unsigned __int128)mantissa * window[7 - i];
        product[i] = (uint32_t)sum;
        carry = sum >> 32;
    }
    // x*(2/pi) mod 8 = product * 2^-(fraction_bits), where fraction_bits >= 253.
    int fraction_bits = first_bit + 256 - exponent;
    int limb = fraction_bits >> 5, shift = fraction_bits & 31;
    uint64_t integer_bits = ((uint64_t)product[limb] | (limb + 1 < 10 ? (uint64_t)product[limb + 1] << 32 : 0)) >> shift;
    int n = (int)(integer_bits & 7);
    // Clear the integer bits, leaving the fraction f in [0, 1).
    product[limb] &= (uint32_t)((1ull << shift) - 1);
    for (int i = limb + 1; i < 10; i++) product[i] = 0;
    bool round_up = shift ? (product[limb] >> (shift - 1)) & 1 : (product[limb - 1] >> 31) & 1;
    if (round_up) {
        // f >= 1/2: the nearest multiple is n + 1 and the remainder is -(1 - f).
        n++;
        uint64_t borrow = 0;
        for (int i = 0; i <= limb; i++) {
            uint64_t difference = (uint64_t)0 - product[i] - borrow;
            product[i] = (uint32_t)difference;
            borrow = difference >> 63 ? 1 : 0;
            if (i == limb) product[i] &= (uint32_t)((1ull << shift) - 1);
        }
        if (shift == 0) product[limb] = 0;
    }
    // Normalize the fraction's top 128 bits into a double-double.
    int top = limb;
    while (top >= 0 && product[top] == 0) top--;
    double hi = 0, lo = 0;
    if (top >= 0) {
        unsigned __int128 bits = 0;
        for (int i = top, taken = 0; taken < 4; i--, taken++)
            bits = bits << 32 | (i >= 0 ? product[i] : 0);
        int leading = __builtin_clz(product[top]);
        bits <<= leading;
        int scale = 32 * (top + 1) - leading - 128 - fraction_bits;   // value = bits * 2^scale
        uint64_t head = (uint64_t)(bits >> 75);
        uint64_t tail = (uint64_t)((bits & (((unsigned __int128)1 << 75) - 1)) >> 11);
        hi = ldexp((double)head, scale + 75);
        lo = ldexp((double)tail, scale + 11);
    }
    // (hi + lo) * pi/2, with pi/2 = pio2_hi + pio2_lo.
    double p = hi * pio2_hi;
    double error = fma(hi, pio2_hi, -p);
    double rest = error + (hi * pio2_lo + lo * pio2_hi);
    double r0 = p + rest;
    double r1 = (p - r0) + rest;
    if (round_up) r0 = -r0, r1 = -r1;
    if (high_word(x) < 0) {
        y[0] = -r0, y[1] = -r1;
        return -n;
    }
    y[0] = r0, y[1] = r1;
    return n;
}

static int rem_pio2(double x, double *y) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix <= 0x3fe921fb) {   // |x| <= pi/4: nothing to reduce
        y[0] = x, y[1] = 0;
        return 0;
    }
    if (ix < 0x4002d97c) {    // |x| < 3pi/4: n = +-1
        if (hx > 0) {
            double z = x - pio2_1;
            if (ix != 0x3ff921fb) {   // 33 + 53 bits of pi/2 are enough
                y[0] = z - pio2_1t;
                y[1] = (z - y[0]) - pio2_1t;
            } else {                  // near pi/2: 33 + 33 + 53 bits
                z -= pio2_2;
                y[0] = z - pio2_2t;
                y[1] = (z - y[0]) - pio2_2t;
            }
            return 1;
        }
        double z = x + pio2_1;
        if (ix != 0x3ff921fb) {
            y[0] = z + pio2_1t;
            y[1] = (z - y[0]) + pio2_1t;
        } else {
            z += pio2_2;
            y[0] = z + pio2_2t;
            y[1] = (z - y[0]) + pio2_2t;
        }
        return -1;
    }
    if (ix <= 0x413921fb) {   // |x| <= 2^19*(pi/2): Cody-Waite with up to three steps
        double t = fabs(x);
        int n = (int)(t * invpio2 + 0.5);
        double fn = (double)n;
        double r = t - fn * pio2_1;
        double w = fn * pio2_1t;   // the first step is good to 85 bits
        if (n < 32 && ix != npio2_high_words[n - 1]) {
            y[0] = r - w;
        } else {
            int j = ix >> 20;
            y[0] = r - w;
            int i = j - ((high_word(y[0]) >> 20) & 0x7ff);
            if (i > 16) {   // cancellation: a second step, good to 118 bits
                t = r;
                w = fn * pio2_2;
                r = t - w;
                w = fn * pio2_2t - ((t - r) - w);
                y[0] = r - w;
                i = j - ((high_word(y[0]) >> 20) & 0x7ff);
                if (i > 49) {   // a third step, good to 151 bits
                    t = r;
                    w = fn * pio2_3;
                    r = t - w;
                    w = fn * pio2_3t - ((t - r) - w);
                    y[0] = r - w;
                }
            }
        }
        y[1] = (r - y[0]) - w;
        if (hx < 0) {
            y[0] = -y[0], y[1] = -y[1];
            return -n;
        }
        return n;
    }
    if (ix >= 0x7ff00000) {   // Infinity or NaN
        y[0] = y[1] = x - x;
        return 0;
    }
    return rem_pio2_large(x, y);
}

// ---------------------------------------------------------------------------------------------
// Kernels on [-pi/4, pi/4]; x + y is the reduced argument with y the tail.

static double kernel_sin(double x, double y, int y_is_nonzero) {
    static const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03,
                        S3 = -1.98412698298579493134e-04, S4 = 2.75573137070700676789e-06,
                        S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (int)x == 0) return x;   // |x| < 2^-27
    double z = x * x;
    double v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if (!y_is_nonzero) return x + v * (S1 + z * r);
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

static double kernel_cos(double x, double y) {
    static const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03,
                        C3 = 2.48015872894767294178e-05, C4 = -2.75573143513906633035e-07,
                        C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (int)x == 0) return 1.0;   // |x| < 2^-27
    double z = x * x;
    double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3fd33333) return 1.0 - (0.5 * z - (z * r - x * y));   // |x| < 0.3
    // cos = (1 - qx) - ((z/2 - qx) - (z*r - x*y)), with qx an exact quarter of x*x, rounded.
    double qx = ix > 0x3fe90000 ? 0.28125 : from_words((uint32_t)(ix - 0x00200000), 0);
    double hz = 0.5 * z - qx;
    double a = 1.0 - qx;
    return a - (hz - (z * r - x * y));
}

// tan(x + y) when odd == 1, -1/tan(x + y) when odd == -1.
static double kernel_tan(double x, double y, int odd) {
    static const double T[] = {
        3.33333333333334091986e-01, 1.33333333333201242699e-01, 5.39682539762260521377e-02,
        2.18694882948595424599e-02, 8.86323982359930005737e-03, 3.59207910759131235356e-03,
        1.45620945432529025516e-03, 5.88041240820264096874e-04, 2.46463134818469906812e-04,
        7.81794442939557092300e-05, 7.14072491382608190305e-05, -1.85586374855275456654e-05,
        2.59073051863633712884e-05,
    };
    static const double pio4 = 7.85398163397448278999e-01, pio4lo = 3.06161699786838301793e-17;
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    double z, w, r, v, s;
    if (ix < 0x3e300000 && (int)x == 0) {   // |x| < 2^-28
        if (((uint32_t)ix | low_word(x) | (uint32_t)(odd + 1)) == 0) return 1.0 / fabs(x);
        if (odd == 1) return x;
        // -1/(x + y), computed carefully
        w = x + y;
        z = with_low_word(w, 0);
        v = y - (z - x);
        double a = -1.0 / w;
        double t = with_low_word(a, 0);
        s = 1.0 + t * z;
        return t + a * (s + t * v);
    }
    bool big = ix >= 0x3fe59428;   // |x| >= 0.6744: use tan(pi/4 - x)
    if (big) {
        if (hx < 0) x = -x, y = -y;
        z = pio4 - x;
        w = pio4lo - y;
        x = z + w;
        y = 0.0;
    }
    z = x * x;
    w = z * z;
    // The odd and even coefficients are summed separately, as in fdlibm.
    r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    s = z * x;
    r = y + z * (s * (r + v) + y);
    r += T[0] * s;
    w = x + r;
    if (big) {
        v = (double)odd;
        return (double)(1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)));
    }
    if (odd == 1) return w;
    // -1/(x + r), computed carefully
    z = with_low_word(w, 0);
    v = r - (z - x);
    double a = -1.0 / w;
    double t = with_low_word(a, 0);
    s = 1.0 + t * z;
    return t + a * (s + t * v);
}

double ieee754_sin(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kernel_sin(x, 0, 0);
    if (ix >= 0x7ff00000) return x - x;
    double y[2];
    switch (rem_pio2(x, y) & 3) {
    case 0: return kernel_sin(y[0], y[1], 1);
    case 1: return kernel_cos(y[0], y[1]);
    case 2: return -kernel_sin(y[0], y[1], 1);
    default: return -kernel_cos(y[0], y[1]);
    }
}

double ieee754_cos(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kernel_cos(x, 0);
    if (ix >= 0x7ff00000) return x - x;
    double y[2];
    switch (rem_pio2(x, y) & 3) {
    case 0: return kernel_cos(y[0], y[1]);
    case 1: return -kernel_sin(y[0], y[1], 1);
    case 2: return -kernel_cos(y[0], y[1]);
    default: return kernel_sin(y[0], y[1], 1);
    }
}

double ieee754_tan(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kernel_tan(x, 0, 1);
    if (ix >= 0x7ff00000) return x - x;
    double y[2];
    int n = rem_pio2(x, y);
    return kernel_tan(y[0], y[1], 1 - ((n & 1) << 1));
}

// ---------------------------------------------------------------------------------------------
// Inverse trigonometric functions

static const double pio4_hi = 7.85398163397448278999e-01;   // 0x3FE921FB 54442D18
static const double pi = 3.14159265358979311600e+00;        // 0x400921FB 54442D18

// The rational approximation of (asin(x) - x)/x^3 shared by asin and acos, at t = x*x.
static double asin_ratio(double t) {
    static const double pS0 = 1.66666666666666657415e-01, pS1 = -3.25565818622400915405e-01,
                        pS2 = 2.01212532134862925881e-01, pS3 = -4.00555345006794114027e-02,
                        pS4 = 7.91534994289814532176e-04, pS5 = 3.47933107596021167570e-05,
                        qS1 = -2.40339491173441421878e+00, qS2 = 2.02094576023350569471e+00,
                        qS3 = -6.88283971605453293030e-01, qS4 = 7.70381505559019352791e-02;
    double p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    double q = 1.0 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    return p / q;
}

double ieee754_asin(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) {   // |x| >= 1
        if (((uint32_t)(ix - 0x3ff00000) | low_word(x)) == 0) return x * pio2_hi + x * pio2_lo;
        return (x - x) / (x - x);   // NaN
    }
    if (ix < 0x3fe00000) {    // |x| < 0.5
        if (ix < 0x3e400000) return x;   // |x| < 2^-27
        return x + x * asin_ratio(x * x);
    }
    // 0.5 <= |x| < 1: asin(x) = pi/2 - 2*asin(sqrt((1 - x)/2))
    double w = 1.0 - fabs(x);
    double t = w * 0.5;
    double r = asin_ratio(t);
    double s = sqrt(t);
    if (ix >= 0x3fef3333) {   // |x| > 0.975
        t = pio2_hi - (2.0 * (s + s * r) - pio2_lo);
    } else {
        // s = w + c, with w holding s's high 21 bits exactly.
        w = with_low_word(s, 0);
        double c = (t - w * w) / (s + w);
        double p = 2.0 * s * r - (pio2_lo - 2.0 * c);
        double q = pio4_hi - 2.0 * w;
        t = pio4_hi - (p - q);
    }
    return hx > 0 ? t : -t;
}

double ieee754_acos(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) {   // |x| >= 1
        if (((uint32_t)(ix - 0x3ff00000) | low_word(x)) == 0) return hx > 0 ? 0.0 : pi + 2.0 * pio2_lo;
        return (x - x) / (x - x);   // NaN
    }
    if (ix < 0x3fe00000) {    // |x| < 0.5
        if (ix <= 0x3c600000) return pio2_hi + pio2_lo;   // |x| < 2^-57
        double r = asin_ratio(x * x);
        return pio2_hi - (x - (pio2_lo - x * r));
    }
    if (hx < 0) {             // x < -0.5
        double z = (1.0 + x) * 0.5;
        double r = asin_ratio(z);
        double s = sqrt(z);
        double w = r * s - pio2_lo;
        return pi - 2.0 * (s + w);
    }
    double z = (1.0 - x) * 0.5;   // x > 0.5
    double s = sqrt(z);
    double df = with_low_word(s, 0);
    double c = (z - df * df) / (s + df);
    double r = asin_ratio(z);
    double w = r * s + c;
    return 2.0 * (df + w);
}

double ieee754_atan(double x) {
    static const double atan_hi[] = {
        4.63647609000806093515e-01, 7.85398163397448278999e-01,   // atan(0.5), atan(1)
        9.82793723247329054082e-01, 1.57079632679489655800e+00,   // atan(1.5), atan(inf)
    };
    static const double atan_lo[] = {
        2.26987774529616870924e-17, 3.06161699786838301793e-17,
        1.39033110312309984516e-17, 6.12323399573676603587e-17,
    };
    static const double aT[] = {
        3.33333333333329318027e-01, -1.99999999998764832476e-01, 1.42857142725034663711e-01,
        -1.11111104054623557880e-01, 9.09088713343650656196e-02, -7.69187620504482999495e-02,
        6.66107313738753120669e-02, -5.83357013379057348645e-02, 4.97687799461593236017e-02,
        -3.65315727442169155270e-02, 1.62858201153657823623e-02,
    };
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    int id;
    if (ix >= 0x44100000) {   // |x| >= 2^66
        if (ix > 0x7ff00000 || (ix == 0x7ff00000 && low_word(x) != 0)) return x + x;   // NaN
        return hx > 0 ? atan_hi[3] + atan_lo[3] : -atan_hi[3] - atan_lo[3];
    }
    if (ix < 0x3fdc0000) {    // |x| < 0.4375
        if (ix < 0x3e400000) return x;   // |x| < 2^-27
        id = -1;
    } else {
        // Reduce to |x| < 0.4375 around the nearest of 0.5, 1, 1.5 and infinity.
        x = fabs(x);
        if (ix < 0x3ff30000) {          // |x| < 1.1875
            if (ix < 0x3fe60000) {      // 7/16 <= |x| < 11/16
                id = 0;
                x = (2.0 * x - 1.0) / (2.0 + x);
            } else {                    // 11/16 <= |x| < 19/16
                id = 1;
                x = (x - 1.0) / (x + 1.0);
            }
        } else if (ix < 0x40038000) {   // |x| < 2.4375
            id = 2;
            x = (x - 1.5) / (1.0 + 1.5 * x);
        } else {                        // 2.4375 <= |x| < 2^66
            id = 3;
            x = -1.0 / x;
        }
    }
    double z = x * x;
    double w = z * z;
    // The odd and even coefficients are summed separately.
    double s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
    double s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
    if (id < 0) return x - x * (s1 + s2);
    z = atan_hi[id] - ((x * (s1 + s2) - atan_lo[id]) - x);
    return hx < 0 ? -z : z;
}

double ieee754_atan2(double y, double x) {
    static const double pi_o_4 = 7.8539816339744827900e-01, pi_o_2 = 1.5707963267948965580e+00,
                        pi_lo = 1.2246467991473531772e-16;
    int32_t hx = high_word(x), ix = hx & 0x7fffffff, hy = high_word(y), iy = hy & 0x7fffffff;
    uint32_t lx = low_word(x), ly = low_word(y);
    if (x != x || y != y) return x + y;
    if ((((uint32_t)hx - 0x3ff00000u) | lx) == 0) return ieee754_atan(y);   // x == 1
    int m = ((hy >> 31) & 1) | ((hx >> 30) & 2);   // 2*sign(x) + sign(y)
    if (((uint32_t)iy | ly) == 0) {   // y == +-0
        switch (m) {
        case 0:
        case 1: return y;
        case 2: return pi + tiny;
        default: return -pi - tiny;
        }
    }
    if (((uint32_t)ix | lx) == 0) return hy < 0 ? -pi_o_2 - tiny : pi_o_2 + tiny;   // x == +-0
    if (ix == 0x7ff00000) {   // x is infinite
        if (iy == 0x7ff00000) {
            switch (m) {
            case 0: return pi_o_4 + tiny;
            case 1: return -pi_o_4 - tiny;
            case 2: return 3.0 * pi_o_4 + tiny;
            default: return -3.0 * pi_o_4 - tiny;
            }
        }
        switch (m) {
        case 0: return 0.0;
        case 1: return -0.0;
        case 2: return pi + tiny;
        default: return -pi - tiny;
        }
    }
    if (iy == 0x7ff00000) return hy < 0 ? -pi_o_2 - tiny : pi_o_2 + tiny;   // y is infinite
    double z;
    int k = (iy - ix) >> 20;
    if (k > 60) {                     // |y/x| > 2^60
        z = pi_o_2 + 0.5 * pi_lo;
        m &= 1;
    } else if (hx < 0 && k < -60) {   // 0 > |y|/x > -2^-60
        z = 0.0;
    } else {
        z = ieee754_atan(fabs(y / x));
    }
    switch (m) {
    case 0: return z;
    case 1: return -z;
    case 2: return pi - (z - pi_lo);
    default: return (z - pi_lo) - pi;
    }
}

// ---------------------------------------------------------------------------------------------
// Exponentials and logarithms

static const double ln2_hi = 6.93147180369123816490e-01;   // 0x3FE62E42 FEE00000
static const double ln2_lo = 1.90821492927058770002e-10;   // 0x3DEA39EF 35793C76
static const double inv_ln2 = 1.44269504088896338700e+00;  // 0x3FF71547 652B82FE
static const double two54 = 1.80143985094819840000e+16;    // 2^54

// Coefficients of the series for log((1 + s)/(1 - s)) = 2s + s*R(s*s).
static const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01,
                    Lg3 = 2.857142874366239149e-01, Lg4 = 2.222219843214978396e-01,
                    Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01,
                    Lg7 = 1.479819860511658591e-01;

double ieee754_exp(double x) {
    static const double o_threshold = 7.09782712893383973096e+02,
                        u_threshold = -7.45133219101941108420e+02,
                        twom1000 = 9.33263618503218878990e-302;   // 2^-1000
    static const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                        P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                        P5 = 4.13813679705723846039e-08;
    int32_t hx = high_word(x);
    int sign = (hx >> 31) & 1;
    hx &= 0x7fffffff;
    if (hx >= 0x40862e42) {   // |x| >= 709.78
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | (int32_t)low_word(x)) != 0) return x + x;   // NaN
            return sign == 0 ? x : 0.0;
        }
        if (x > o_threshold) return huge * huge;
        if (x < u_threshold) return twom1000 * twom1000;
    }
    // x = k*ln2 + r, |r| <= ln2/2, with r = hi - lo.
    double hi = 0, lo = 0;
    int k = 0;
    if (hx > 0x3fd62e42) {          // |x| > ln2/2
        if (hx < 0x3ff0a2b2) {      // and |x| < 1.5*ln2
            // V8 returns Math.E itself for exp(1), which the algorithm misses by an ulp.
            if (x == 1.0) return 2.718281828459045;
            hi = sign ? x + ln2_hi : x - ln2_hi;
            lo = sign ? -ln2_lo : ln2_lo;
            k = 1 - sign - sign;
        } else {
            k = (int)(inv_ln2 * x + (sign ? -0.5 : 0.5));
            double t = k;
            hi = x - t * ln2_hi;    // exact: t*ln2_hi has few enough bits
            lo = t * ln2_lo;
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) {   // |x| < 2^-28
        return 1.0 + x;
    }
    double t = x * x;
    // 2^k (or 2^(k+1000) when that would be subnormal); k may be negative, so shift unsigned.
    double twopk = k >= -1021 ? from_words(0x3ff00000u + ((uint32_t)k << 20), 0)
                              : from_words(0x3ff00000u + ((uint32_t)(k + 1000) << 20), 0);
    double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
        if (k == 1024) return y * 2.0 * 0x1p1023;
        return y * twopk;
    }
    return y * twopk * twom1000;
}

double ieee754_expm1(double x) {
    static const double o_threshold = 7.09782712893383973096e+02;
    // Scaled coefficients of the rational approximation of x/(e^x - 1).
    static const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                        Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                        Q5 = -2.01099218183624371326e-07;
    int32_t hx = high_word(x);
    bool negative = hx < 0;
    hx &= 0x7fffffff;
    if (hx >= 0x4043687a) {         // |x| >= 56*ln2
        if (hx >= 0x40862e42) {     // |x| >= 709.78
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | (int32_t)low_word(x)) != 0) return x + x;   // NaN
                return negative ? -1.0 : x;
            }
            if (x > o_threshold) return huge * huge;
        }
        if (negative) return tiny - 1.0;   // e^x is below half an ulp of 1
    }
    double hi, lo, c = 0;
    int k;
    if (hx > 0x3fd62e42) {          // |x| > ln2/2
        if (hx < 0x3ff0a2b2) {      // and |x| < 1.5*ln2
            if (!negative) {
                hi = x - ln2_hi, lo = ln2_lo, k = 1;
            } else {
                hi = x + ln2_hi, lo = -ln2_lo, k = -1;
            }
        } else {
            k = (int)(inv_ln2 * x + (negative ? -0.5 : 0.5));
            double t = k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (hx < 0x3c900000) {   // |x| < 2^-54
        return x;
    } else {
        k = 0;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3.0 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) return x - (x * e - hxs);
    double twopk = from_words(0x3ff00000u + ((uint32_t)k << 20), 0);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25) return -2.0 * (e - (x + 0.5));
        return 1.0 + 2.0 * (x - e);
    }
    double y;
    if (k <= -2 || k > 56) {   // e^x - 1 ~ e^x
        y = 1.0 - (e - x);
        if (k == 1024) y = y * 2.0 * 0x1p1023;
        else y = y * twopk;
        return y - 1.0;
    }
    if (k < 20) {
        double one_minus = from_words((uint32_t)(0x3ff00000 - (0x200000 >> k)), 0);   // 1 - 2^-k
        y = one_minus - (e - x);
        y = y * twopk;
    } else {
        double two_minus_k = from_words((uint32_t)((0x3ff - k) << 20), 0);         // 2^-k
        y = x - (e + two_minus_k);
        y += 1.0;
        y = y * twopk;
    }
    return y;
}

double ieee754_log(double x) {
    int32_t hx = high_word(x);
    uint32_t lx = low_word(x);
    int k = 0;
    if (hx < 0x00100000) {   // x < 2^-1022
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0) return -INFINITY;   // log(+-0)
        if (hx < 0) return NAN;                                        // log(negative)
        k -= 54;
        x *= two54;          // scale a subnormal up
        hx = high_word(x);
    }
    if (hx >= 0x7ff00000) return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    x = with_high_word(x, (uint32_t)(hx | (i ^ 0x3ff00000)));   // normalize x or x/2 into [sqrt(2)/2, sqrt(2))
    k += i >> 20;
    double f = x - 1.0;
    double dk;
    if ((0x000fffff & (2 + hx)) < 3) {   // -2^-20 <= f < 2^-20
        if (f == 0.0) {
            if (k == 0) return 0.0;
            dk = (double)k;
            return dk * ln2_hi + dk * ln2_lo;
        }
        double R = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0) return f - R;
        dk = (double)k;
        return dk * ln2_hi - ((R - dk * ln2_lo) - f);
    }
    double s = f / (2.0 + f);
    dk = (double)k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    double R = t2 + t1;
    if (i > 0) {
        double hfsq = 0.5 * f * f;
        if (k == 0) return f - (hfsq - s * (hfsq + R));
        return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
    }
    if (k == 0) return f - s * (f - R);
    return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

// log(1 + f) - f + f*f/2 for f in [sqrt(2)/2 - 1, sqrt(2) - 1] (the shared tail of log2 and log10).
static double log1p_tail(double f) {
    double s = f / (2.0 + f);
    double z = s * s;
    double w = z * z;
    double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    double R = t2 + t1;
    double hfsq = 0.5 * f * f;
    return s * (hfsq + R);
}

double ieee754_log2(double x) {
    static const double ivln2hi = 1.44269504072144627571e+00, ivln2lo = 1.67517131648865118353e-10;
    int32_t hx = high_word(x);
    uint32_t lx = low_word(x);
    int k = 0;
    if (hx < 0x00100000) {
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0) return -INFINITY;
        if (hx < 0) return NAN;
        k -= 54;
        x *= two54;
        hx = high_word(x);
    }
    if (hx >= 0x7ff00000) return x + x;
    if (hx == 0x3ff00000 && lx == 0) return 0.0;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    x = with_high_word(x, (uint32_t)(hx | (i ^ 0x3ff00000)));
    k += i >> 20;
    double y = (double)k;
    double f = x - 1.0;
    double hfsq = 0.5 * f * f;
    double r = log1p_tail(f);
    // log2(x) = k + (f - hfsq + r)/ln2, with f - hfsq split so that hi*ivln2hi is exact.
    double hi = with_low_word(f - hfsq, 0);
    double lo = (f - hi) - hfsq + r;
    double val_hi = hi * ivln2hi;
    double val_lo = (lo + hi) * ivln2lo + lo * ivln2hi;
    double w = y + val_hi;
    val_lo += (y - w) + val_hi;
    val_hi = w;
    return val_lo + val_hi;
}

double ieee754_log10(double x) {
    static const double ivln10 = 4.34294481903251816668e-01, log10_2hi = 3.01029995663611771306e-01,
                        log10_2lo = 3.69423907715893078616e-13;
    int32_t hx = high_word(x);
    uint32_t lx = low_word(x);
    int k = 0;
    if (hx < 0x00100000) {
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0) return -INFINITY;
        if (hx < 0) return NAN;
        k -= 54;
        x *= two54;
        hx = high_word(x);
        lx = low_word(x);
    }
    if (hx >= 0x7ff00000) return x + x;
    k += (hx >> 20) - 1023;
    // log10(x) = k*log10(2) + log10(m), with m in [1, 2) (or [0.5, 1) when k < 0)
    int i = (int)(((uint32_t)k & 0x80000000) >> 31);
    hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
    double y = (double)(k + i);
    x = from_words((uint32_t)hx, lx);
    double z = y * log10_2lo + ivln10 * ieee754_log(x);
    return z + y * log10_2hi;
}

double ieee754_log1p(double x) {
    int32_t hx = high_word(x), ax = hx & 0x7fffffff;
    int k = 1, hu = 0;
    double f = 0, c = 0;
    if (hx < 0x3fda827a) {          // 1 + x < sqrt(2)
        if (ax >= 0x3ff00000) {     // x <= -1
            if (x == -1.0) return -INFINITY;
            return NAN;
        }
        if (ax < 0x3e200000) {      // |x| < 2^-29
            if (ax < 0x3c900000) return x;   // |x| < 2^-54
            return x - x * x * 0.5;
        }
        if (hx > 0 || hx <= (int32_t)0xbfd2bec4) {   // sqrt(2)/2 <= 1 + x < sqrt(2)
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if (hx >= 0x7ff00000) return x + x;
    if (k != 0) {
        double u;
        if (hx < 0x43400000) {
            u = 1.0 + x;
            hu = high_word(u);
            k = (hu >> 20) - 1023;
            c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);   // the rounding error of 1 + x
            c /= u;
        } else {
            u = x;
            hu = high_word(u);
            k = (hu >> 20) - 1023;
            c = 0;
        }
        hu &= 0x000fffff;
        if (hu < 0x6a09e) {         // u < sqrt(2)
            u = with_high_word(u, (uint32_t)(hu | 0x3ff00000));
        } else {
            k += 1;
            u = with_high_word(u, (uint32_t)(hu | 0x3fe00000));
            hu = (0x00100000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    double hfsq = 0.5 * f * f;
    if (hu == 0) {                  // |f| < 2^-20
        if (f == 0.0) {
            if (k == 0) return 0.0;
            c += k * ln2_lo;
            return k * ln2_hi + c;
        }
        double R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0) return f - R;
        return k * ln2_hi - ((R - (k * ln2_lo + c)) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double R = z * (Lg1 + z * (Lg2 + z * (Lg3 + z * (Lg4 + z * (Lg5 + z * (Lg6 + z * Lg7))))));
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

// ---------------------------------------------------------------------------------------------
// Hyperbolic functions (V8's own formulations over expm1 and exp)

static const double sinh_overflow = 710.4758600739439;   // above this sinh and cosh overflow

double ieee754_sinh(double x) {
    static const double two_m28 = 3.725290298461914e-9, log_max = 709.7822265625;
    double h = x < 0 ? -0.5 : 0.5;
    double ax = fabs(x);
    if (ax < 22) {   // sign(x)/2 * (E + E/(E + 1)), E = expm1(|x|)
        if (ax < two_m28) return x;
        double t = ieee754_expm1(ax);
        if (ax < 1) return h * (2.0 * t - t * t / (t + 1.0));
        return h * (t + t / (t + 1.0));
    }
    if (ax < log_max) return h * ieee754_exp(ax);
    if (ax <= sinh_overflow) {   // exp(|x|/2)^2 / 2, so that the intermediate does not overflow
        double w = ieee754_exp(0.5 * ax);
        double t = h * w;
        return t * w;
    }
    return x * 1.0e307;   // overflow, or NaN
}

double ieee754_cosh(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3fd62e43) {   // |x| < ln2/2: 1 + expm1(|x|)^2 / (2*exp(|x|))
        double t = ieee754_expm1(fabs(x));
        double w = 1.0 + t;
        if (ix < 0x3c800000) return w;   // |x| < 2^-55
        return 1.0 + (t * t) / (w + w);
    }
    if (ix < 0x40360000) {   // |x| < 22: (exp(|x|) + 1/exp(|x|))/2
        double t = ieee754_exp(fabs(x));
        return 0.5 * t + 0.5 / t;
    }
    if (ix < 0x40862e42) return 0.5 * ieee754_exp(fabs(x));
    if (fabs(x) <= sinh_overflow) {
        double w = ieee754_exp(0.5 * fabs(x));
        double t = 0.5 * w;
        return t * w;
    }
    if (ix >= 0x7ff00000) return x * x;   // Infinity or NaN
    return huge * huge;
}

double ieee754_tanh(double x) {
    int32_t jx = high_word(x), ix = jx & 0x7fffffff;
    if (ix >= 0x7ff00000) return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;   // +-1, or NaN
    double z;
    if (ix < 0x40360000) {          // |x| < 22
        if (ix < 0x3e300000) return x;   // |x| < 2^-28
        if (ix >= 0x3ff00000) {     // |x| >= 1
            double t = ieee754_expm1(2.0 * fabs(x));
            z = 1.0 - 2.0 / (t + 2.0);
        } else {
            double t = ieee754_expm1(-2.0 * fabs(x));
            z = -t / (t + 2.0);
        }
    } else {
        z = 1.0 - tiny;
    }
    return jx >= 0 ? z : -z;
}

static const double ln2 = 6.93147180559945286227e-01;   // 0x3FE62E42 FEFA39EF

double ieee754_asinh(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix >= 0x7ff00000) return x + x;
    if (ix < 0x3e300000) return x;   // |x| < 2^-28
    double w;
    if (ix > 0x41b00000) {           // |x| > 2^28
        w = ieee754_log(fabs(x)) + ln2;
    } else if (ix > 0x40000000) {    // 2 < |x| <= 2^28
        double t = fabs(x);
        w = ieee754_log(2.0 * t + 1.0 / (sqrt(x * x + 1.0) + t));
    } else {                         // 2^-28 <= |x| <= 2
        double t = x * x;
        w = ieee754_log1p(fabs(x) + t / (1.0 + sqrt(1.0 + t)));
    }
    return hx > 0 ? w : -w;
}

double ieee754_acosh(double x) {
    int32_t hx = high_word(x);
    uint32_t lx = low_word(x);
    if (hx < 0x3ff00000) return (x - x) / (x - x);   // x < 1: NaN
    if (hx >= 0x41b00000) {                          // x >= 2^28
        if (hx >= 0x7ff00000) return x + x;
        return ieee754_log(x) + ln2;
    }
    if (((uint32_t)(hx - 0x3ff00000) | lx) == 0) return 0.0;
    if (hx > 0x40000000) {                           // 2 < x < 2^28
        double t = x * x;
        return ieee754_log(2.0 * x - 1.0 / (x + sqrt(t - 1.0)));
    }
    double t = x - 1.0;                              // 1 < x <= 2
    return ieee754_log1p(t + sqrt(2.0 * t + t * t));
}

double ieee754_atanh(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    uint32_t lx = low_word(x);
    if (((uint32_t)ix | ((lx | (0u - lx)) >> 31)) > 0x3ff00000) return (x - x) / (x - x);   // |x| > 1 or NaN
    if (ix == 0x3ff00000) return x / 0.0;   // +-Infinity
    if (ix < 0x3e300000) return x;          // |x| < 2^-28
    x = with_high_word(x, (uint32_t)ix);    // |x|
    double t;
    if (ix < 0x3fe00000) {                  // |x| < 0.5
        t = x + x;
        t = 0.5 * ieee754_log1p(t + t * x / (1.0 - x));
    } else {
        t = 0.5 * ieee754_log1p((x + x) / (1.0 - x));
    }
    return hx >= 0 ? t : -t;
}

// ---------------------------------------------------------------------------------------------
// cbrt: a 5-bit guess from the exponent, a polynomial to 23 bits, one Newton step to 53 bits.

double ieee754_cbrt(double x) {
    static const uint32_t B1 = 715094163;   // (1023 - 1023/3 - 0.03306235651) * 2^20
    static const uint32_t B2 = 696219795;   // (1023 - 1023/3 - 54/3 - 0.03306235651) * 2^20
    static const double P0 = 1.87595182427177009643, P1 = -1.88497979543377169875,
                        P2 = 1.621429720105354466140, P3 = -0.758397934778766047437,
                        P4 = 0.145996192886612446982;
    int32_t hx = high_word(x);
    uint32_t low = low_word(x);
    uint32_t sign = (uint32_t)hx & 0x80000000;
    hx ^= (int32_t)sign;
    if (hx >= 0x7ff00000) return x + x;
    double t;
    if (hx < 0x00100000) {   // zero or subnormal
        if (((uint32_t)hx | low) == 0) return x;
        t = from_words(0x43500000, 0) * x;   // scale up by 2^54
        t = from_words(sign | (((uint32_t)high_word(t) & 0x7fffffff) / 3 + B2), 0);
    } else {
        t = from_words(sign | ((uint32_t)hx / 3 + B1), 0);
    }
    double r = (t * t) * (t / x);
    t = t * ((P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4));
    // Round t away from zero to 23 bits, so that it is slightly larger in magnitude than cbrt(x).
    uint64_t bits;
    memcpy(&bits, &t, sizeof bits);
    bits = (bits + 0x80000000) & 0xffffffffc0000000ull;
    memcpy(&t, &bits, sizeof t);
    double s = t * t;   // exact
    r = x / s;
    double w = t + t;   // exact
    r = (r - t) / (w + r);
    return t + t * r;
}

// ---------------------------------------------------------------------------------------------
// pow: log2(x) in extra precision (t1 + t2), times y in extra precision, then 2^z.

double ieee754_pow(double x, double y) {
    static const double bp[] = {1.0, 1.5}, dp_h[] = {0.0, 5.84962487220764160156e-01},
                        dp_l[] = {0.0, 1.35003920212974897128e-08};
    static const double two53 = 9007199254740992.0;
    // Coefficients of (3/2)*(log(x) - 2s - 2/3*s^3)
    static const double L1 = 5.99999999999994648725e-01, L2 = 4.28571428578550184252e-01,
                        L3 = 3.33333329818377432918e-01, L4 = 2.72728123808534006489e-01,
                        L5 = 2.30660745775561754067e-01, L6 = 2.06975017800338417784e-01;
    static const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                        P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                        P5 = 4.13813679705723846039e-08;
    static const double lg2 = 6.93147180559945286227e-01, lg2_h = 6.93147182464599609375e-01,
                        lg2_l = -1.90465429995776804525e-09;
    static const double ovt = 8.0085662595372944372e-17;   // -(1024 - log2(overflow + 0.5ulp))
    static const double cp = 9.61796693925975554329e-01,   // 2/(3 ln2)
                        cp_h = 9.61796700954437255859e-01, cp_l = -7.02846165095275826516e-09;
    static const double ivln2 = 1.44269504088896338700e+00, ivln2_h = 1.44269502162933349609e+00,
                        ivln2_l = 1.92596299112661746887e-08;

    int32_t hx = high_word(x), hy = high_word(y);
    uint32_t lx = low_word(x), ly = low_word(y);
    int32_t ix = hx & 0x7fffffff, iy = hy & 0x7fffffff;

    if (((uint32_t)iy | ly) == 0) return 1.0;   // x**0 = 1
    if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0))
        return x + y;                           // NaN

    // For x < 0: y_is_int = 0 (y not an integer), 1 (odd integer) or 2 (even integer).
    int y_is_int = 0;
    if (hx < 0) {
        if (iy >= 0x43400000) {
            y_is_int = 2;
        } else if (iy >= 0x3ff00000) {
            int k = (iy >> 20) - 0x3ff;
            if (k > 20) {
                uint32_t j = ly >> (52 - k);
                if ((j << (52 - k)) == ly) y_is_int = 2 - (int)(j & 1);
            } else if (ly == 0) {
                int32_t j = iy >> (20 - k);
                if ((j << (20 - k)) == iy) y_is_int = 2 - (j & 1);
            }
        }
    }

    if (ly == 0) {   // special values of y
        if (iy == 0x7ff00000) {
            if (((uint32_t)(ix - 0x3ff00000) | lx) == 0) return y - y;   // (+-1)**+-inf is NaN
            if (ix >= 0x3ff00000) return hy >= 0 ? y : 0.0;            // (|x|>1)**+-inf = inf, 0
            return hy < 0 ? -y : 0.0;                                  // (|x|<1)**-,+inf = inf, 0
        }
        if (iy == 0x3ff00000) return hy < 0 ? 1.0 / x : x;            // y = +-1
        if (hy == 0x40000000) return x * x;                            // y = 2
        if (hy == 0x3fe00000 && hx >= 0) return sqrt(x);               // y = 0.5, x >= +0
    }

    double ax = fabs(x);
    if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) {   // x = +-0, +-inf, +-1
        double z = ax;
        if (hy < 0) z = 1.0 / z;
        if (hx < 0) {
            if (((ix - 0x3ff00000) | y_is_int) == 0) z = (z - z) / (z - z);   // (-1)**non-int
            else if (y_is_int == 1) z = -z;
        }
        return z;
    }

    int n = hx < 0 ? 0 : 1;
    if ((n | y_is_int) == 0) return (x - x) / (x - x);   // (x<0)**(non-int) is NaN
    double s = 1.0;                                      // the sign of the result
    if ((n | (y_is_int - 1)) == 0) s = -1.0;             // (-x)**(odd int)

    double t1, t2;
    if (iy > 0x41e00000) {   // |y| > 2^31
        if (iy > 0x43f00000) {   // |y| > 2^64: must overflow or underflow
            if (ix <= 0x3fefffff) return hy < 0 ? huge * huge : tiny * tiny;
            if (ix >= 0x3ff00000) return hy > 0 ? huge * huge : tiny * tiny;
        }
        if (ix < 0x3fefffff) return hy < 0 ? s * huge * huge : s * tiny * tiny;
        if (ix > 0x3ff00000) return hy > 0 ? s * huge * huge : s * tiny * tiny;
        // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
        double t = ax - 1.0;
        double w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
        double u = ivln2_h * t;
        double v = t * ivln2_l - w * ivln2;
        t1 = with_low_word(u + v, 0);
        t2 = v - (t1 - u);
    } else {
        n = 0;
        if (ix < 0x00100000) {   // subnormal x
            ax *= two53;
            n -= 53;
            ix = high_word(ax);
        }
        n += (ix >> 20) - 0x3ff;
        int32_t j = ix & 0x000fffff;
        int k;
        ix = j | 0x3ff00000;   // normalize
        if (j <= 0x3988e) {            // |x| < sqrt(3/2)
            k = 0;
        } else if (j < 0xbb67a) {      // |x| < sqrt(3)
            k = 1;
        } else {
            k = 0;
            n += 1;
            ix -= 0x00100000;
        }
        ax = with_high_word(ax, (uint32_t)ix);

        // ss = s_h + s_l = (x - 1)/(x + 1) or (x - 1.5)/(x + 1.5)
        double u = ax - bp[k];
        double v = 1.0 / (ax + bp[k]);
        double ss = u * v;
        double s_h = with_low_word(ss, 0);
        double t_h = from_words((uint32_t)(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)), 0);
        double t_l = ax - (t_h - bp[k]);
        double s_l = v * ((u - s_h * t_h) - s_h * t_l);
        // log(ax)
        double s2 = ss * ss;
        double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += s_l * (s_h + ss);
        s2 = s_h * s_h;
        t_h = with_low_word(3.0 + s2 + r, 0);
        t_l = r - ((t_h - 3.0) - s2);
        // u + v = ss*(1 + ...)
        u = s_h * t_h;
        v = s_l * t_h + t_l * ss;
        // 2/(3 log2) * (ss + ...)
        double p_h = with_low_word(u + v, 0);
        double p_l = v - (p_h - u);
        double z_h = cp_h * p_h;
        double z_l = cp_l * p_h + p_l * cp + dp_l[k];
        // log2(ax) = (ss + ...)*2/(3 log2) = n + dp_h + z_h + z_l
        double t = (double)n;
        t1 = with_low_word(((z_h + z_l) + dp_h[k]) + t, 0);
        t2 = z_l - (((t1 - t) - dp_h[k]) - z_h);
    }

    // (y1 + y2) * (t1 + t2), with y1 holding y's high bits
    double y1 = with_low_word(y, 0);
    double p_l = (y - y1) * t1 + y * t2;
    double p_h = y1 * t1;
    double z = p_l + p_h;
    int32_t j = high_word(z);
    int32_t i = (int32_t)low_word(z);
    if (j >= 0x40900000) {                            // z >= 1024
        if (((j - 0x40900000) | i) != 0) return s * huge * huge;
        if (p_l + ovt > z - p_h) return s * huge * huge;
    } else if ((j & 0x7fffffff) >= 0x4090cc00) {      // z <= -1075
        if (((j - (int32_t)0xc090cc00) | i) != 0) return s * tiny * tiny;
        if (p_l <= z - p_h) return s * tiny * tiny;
    }

    // 2^(p_h + p_l) = 2^n * 2^(z'), |z'| <= 0.5
    i = j & 0x7fffffff;
    int k = (i >> 20) - 0x3ff;
    n = 0;
    if (i > 0x3fe00000) {   // |z| > 0.5: n = [z + 0.5]
        n = j + (0x00100000 >> (k + 1));
        k = ((n & 0x7fffffff) >> 20) - 0x3ff;
        double t = from_words((uint32_t)(n & ~(0x000fffff >> k)), 0);
        n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
        if (j < 0) n = -n;
        p_h -= t;
    }
    double t = with_low_word(p_l + p_h, 0);
    double u = t * lg2_h;
    double v = (p_l - (t - p_h)) * lg2 + t * lg2_l;
    z = u + v;
    double w = v - (z - u);
    t = z * z;
    t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double r = (z * t1) / (t1 - 2.0) - (w + z * w);
    z = 1.0 - (r - z);
    j = high_word(z);
    j += (int32_t)((uint32_t)n << 20);
    if ((j >> 20) <= 0) z = ldexp(z, n);   // subnormal result
    else z = with_high_word(z, (uint32_t)j);
    return s * z;
}
