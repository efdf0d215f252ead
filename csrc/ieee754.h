/*
 * ieee754.h — the elementary functions of Math, bit-for-bit as V8 computes them.
 * V8 (and so node) evaluates these with the fdlibm algorithms (Sun, 1993; as revised in FreeBSD's
 * msun); C's libm gives different last digits for about 4% of arguments. Pure functions: no
 * engine types, no allocation, no global state, so any thread may call them at any time.
 * Special values (NaN, infinities, signed zeros) follow ES2020 §20.2.2 except for pow, whose
 * callers apply the two JS deviations from IEEE (see ieee754_pow).
 */
#ifndef JST_IEEE754_H
#define JST_IEEE754_H

double ieee754_sin(double x);
double ieee754_cos(double x);
double ieee754_tan(double x);
double ieee754_asin(double x);
double ieee754_acos(double x);
double ieee754_atan(double x);
double ieee754_atan2(double y, double x);
double ieee754_exp(double x);
double ieee754_expm1(double x);
double ieee754_log(double x);
double ieee754_log1p(double x);
double ieee754_log2(double x);
double ieee754_log10(double x);
double ieee754_sinh(double x);
double ieee754_cosh(double x);
double ieee754_tanh(double x);
double ieee754_asinh(double x);
double ieee754_acosh(double x);
double ieee754_atanh(double x);
double ieee754_cbrt(double x);
/* IEEE pow: pow(1, NaN) and pow(±1, ±Infinity) are NaN here as JS wants, but callers must still
 * map a NaN exponent to NaN before calling, as Number::exponentiate does for every base. */
double ieee754_pow(double x, double y);

#endif
